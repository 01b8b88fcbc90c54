import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import type { FieldError } from '../../shared/errors.js';
import { formErrors } from '../../shared/http/form.js';
import { sendPage } from '../../shared/views/render.js';
import { listComments, type ByFilter, type CommentFilters } from './comment-queries.js';
import { answerComments } from './commands/answers.js';
import { addHearing, addHearingComment, saveMinutes } from './commands/hearings.js';
import { act, ctxOf, formBody, idOf, intOf, loadManaged, notFoundConsultation, str } from './http.js';
import { doneText } from './manage-routes.js';
import { query } from './pages.js';
import { BY_FILTERS, oneOf } from './public-routes.js';
import { countsByArticle, currentVersion, listCsos, listHearings, listVersions, outline, versionElements, type Consultation } from './queries.js';
import { AnswerBody, AnswersQuery, DoneQuery, HearingBody, HearingCommentBody, HearingParams, IdParams, MinutesBody } from './schemas.js';
import { answersPath } from './urls.js';
import { elementLabel } from './views/parts.js';
import { AnswersPage, HearingNewPage, HearingPage } from './views/staff-pages.js';

type Deps = Pick<AppDeps, 'db' | 'config'>;

const FORM = { attachValidation: true } as const;
/** Comments listed per page of the answer queue; "select all" ticks the ones shown. */
const ANSWER_PAGE_SIZE = 50;

/** Staff answer comments (one at a time or several similar ones at once) and run public hearings. */
export function answerRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = deps;

  async function renderAnswers(
    req: FastifyRequest,
    reply: FastifyReply,
    c: Consultation,
    q: { status?: string; on?: string; by?: string; after?: string; before?: string; select?: string; done?: string },
    state: { errors?: FieldError[]; status?: number; values?: { category: string; reason: string }; selected?: number[] } = {},
  ) {
    const status = q.status === 'answered' || q.status === 'all' ? q.status : 'unanswered';
    const by = oneOf(BY_FILTERS, q.by) as ByFilter | undefined;
    const on = q.on === 'draft' ? 'draft' : (intOf(q.on) ?? undefined);
    const filters: CommentFilters = { on, by, answer: status === 'all' ? undefined : status };
    const versions = await listVersions(db, c.id);
    const current = currentVersion(versions) ?? versions[0]!;
    const [page, items, counts] = await Promise.all([
      listComments(db, c.id, filters, { after: intOf(q.after), before: intOf(q.before), limit: ANSWER_PAGE_SIZE }),
      outline(db, current.id),
      countsByArticle(db, c.id),
    ]);
    const params = { status, on: q.on && on !== undefined ? String(on) : undefined, by };
    const articles = [
      { value: 'draft', label: `${req.t('consultations:comment.onDraft')} (${counts.get(0)?.unanswered ?? 0}/${counts.get(0)?.comments ?? 0})` },
      ...items
        .filter((e) => e.kind === 'article')
        .map((e) => ({ value: String(e.unitId), label: `${elementLabel(req.lang, 'article', e.number)} (${counts.get(e.unitId)?.unanswered ?? 0}/${counts.get(e.unitId)?.comments ?? 0})` })),
    ];
    const selected = new Set(state.selected ?? (q.select === 'all' ? page.items.map((cm) => cm.id) : []));
    return sendPage(
      req,
      reply,
      <AnswersPage
        c={c}
        filters={{ status, on: params.on ?? '', by: by ?? '' }}
        articles={articles}
        comments={page.items}
        currentVersion={current.number}
        selected={selected}
        selectAllHref={`${answersPath(c.id)}${query({ ...params, after: q.after, before: q.before, select: 'all' })}#f-comments`}
        prevHref={page.before ? `${answersPath(c.id)}${query({ ...params, before: page.before })}` : null}
        nextHref={page.after ? `${answersPath(c.id)}${query({ ...params, after: page.after })}` : null}
        values={state.values ?? { category: '', reason: '' }}
        errors={state.errors ?? []}
        notice={doneText(req, q.done)}
      />,
      state.status ?? 200,
    );
  }

  r.get('/consultations/:id/answers', { schema: { hide: true, params: IdParams, querystring: AnswersQuery } }, async (req, reply) => {
    const { c } = await loadManaged(db, req, req.params.id);
    return renderAnswers(req, reply, c, req.query);
  });

  r.post('/consultations/:id/answers', { ...FORM, schema: { hide: true, params: IdParams, body: AnswerBody } }, async (req, reply) => {
    const { actor, c } = await loadManaged(db, req, req.params.id);
    const body = formBody(req);
    const raw = Array.isArray(body.comments) ? body.comments : body.comments === undefined ? [] : [body.comments];
    const ids = raw.map((v) => intOf(v)).filter((n): n is number => n !== null);
    const values = { category: str(body.category), reason: str(body.reason) };
    const back = Object.fromEntries(new URLSearchParams(str(body.return_query).slice(0, 200)));
    const show = (errors: FieldError[], status: number) => renderAnswers(req, reply, c, back, { errors, status, values, selected: ids });
    const invalid = formErrors(req);
    if (invalid.length) return show(invalid, 400);
    return act(
      reply,
      async () => {
        await answerComments(db, c.id, { commentIds: ids, category: values.category, reason: values.reason }, actor, ctxOf(req, config.publicUrl));
        return `${answersPath(c.id)}${query({ status: back.status, on: back.on, by: back.by, done: 'answered' })}`;
      },
      show,
      'comments',
    );
  });

  r.get('/consultations/:id/hearings/new', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const { c } = await loadManaged(db, req, req.params.id);
    return sendPage(req, reply, <HearingNewPage c={c} values={{ time: '10:00' }} errors={[]} />);
  });

  r.post('/consultations/:id/hearings/new', { ...FORM, schema: { hide: true, params: IdParams, body: HearingBody } }, async (req, reply) => {
    const { actor, c } = await loadManaged(db, req, req.params.id);
    const body = formBody(req);
    const values = { day: str(body.day), time: str(body.time), place: str(body.place), how_to_join: str(body.how_to_join) };
    const show = (errors: FieldError[], status: number) => sendPage(req, reply, <HearingNewPage c={c} values={values} errors={errors} />, status);
    const invalid = formErrors(req);
    if (invalid.length) return show(invalid, 400);
    return act(
      reply,
      async () => {
        const hearing = await addHearing(db, c.id, { day: values.day, time: values.time, place: values.place, howToJoin: values.how_to_join }, actor, ctxOf(req, config.publicUrl));
        return `/consultations/${c.id}/hearings/${hearing.id}?done=hearing_added`;
      },
      show,
      'day',
    );
  });

  async function renderHearing(req: FastifyRequest, reply: FastifyReply, c: Consultation, hearingParam: string, state: { form?: 'minutes' | 'comment'; errors?: FieldError[]; status?: number; values?: Record<string, string>; done?: string } = {}) {
    const hearingId = idOf(hearingParam);
    const hearing = (await listHearings(db, c.id)).find((h) => h.id === hearingId);
    if (!hearing) throw notFoundConsultation();
    const versions = await listVersions(db, c.id);
    const current = currentVersion(versions) ?? versions[0]!;
    const [elements, organisations] = await Promise.all([versionElements(db, current.id), listCsos(db)]);
    const units = [
      { value: '', label: req.t('consultations:comment.onDraft') },
      ...elements.filter((e) => e.kind === 'article' || e.kind === 'paragraph' || e.kind === 'point').map((e) => ({ value: String(e.unitId), label: elementLabel(req.lang, e.kind, e.number) })),
    ];
    return sendPage(
      req,
      reply,
      <HearingPage c={c} hearing={hearing} units={units} organisations={organisations} form={state.form ?? null} values={state.values ?? {}} errors={state.errors ?? []} notice={doneText(req, state.done)} />,
      state.status ?? 200,
    );
  }

  r.get('/consultations/:id/hearings/:hearing', { schema: { hide: true, params: HearingParams, querystring: DoneQuery } }, async (req, reply) => {
    const { c } = await loadManaged(db, req, req.params.id);
    return renderHearing(req, reply, c, req.params.hearing, { done: req.query.done });
  });

  r.post('/consultations/:id/hearings/:hearing/minutes', { ...FORM, schema: { hide: true, params: HearingParams, body: MinutesBody } }, async (req, reply) => {
    const { actor, c } = await loadManaged(db, req, req.params.id);
    const values = { minutes: str(formBody(req).minutes) };
    const show = (errors: FieldError[], status: number) => renderHearing(req, reply, c, req.params.hearing, { form: 'minutes', errors, status, values });
    const invalid = formErrors(req);
    if (invalid.length) return show(invalid, 400);
    return act(
      reply,
      async () => {
        await saveMinutes(db, c.id, idOf(req.params.hearing), values.minutes, actor, ctxOf(req, config.publicUrl));
        return `/consultations/${c.id}/hearings/${req.params.hearing}?done=minutes_saved`;
      },
      show,
      'minutes',
    );
  });

  r.post('/consultations/:id/hearings/:hearing/comments', { ...FORM, schema: { hide: true, params: HearingParams, body: HearingCommentBody } }, async (req, reply) => {
    const { actor, c } = await loadManaged(db, req, req.params.id);
    const body = formBody(req);
    const values = { unit: str(body.unit), text: str(body.text), organisation: str(body.organisation), place: str(body.place) };
    const show = (errors: FieldError[], status: number) => renderHearing(req, reply, c, req.params.hearing, { form: 'comment', errors, status, values });
    const invalid = formErrors(req);
    if (invalid.length) return show(invalid, 400);
    return act(
      reply,
      async () => {
        await addHearingComment(
          db,
          c.id,
          idOf(req.params.hearing),
          { unitId: values.unit ? (intOf(values.unit) ?? -1) : null, text: values.text, organisationId: values.organisation ? (intOf(values.organisation) ?? -1) : null, placeCode: values.place || null },
          actor,
          ctxOf(req, config.publicUrl),
        );
        return `/consultations/${c.id}/hearings/${req.params.hearing}?done=comment_added`;
      },
      show,
      'text',
    );
  });

}
