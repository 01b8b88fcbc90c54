import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { staffBodyIds, type Actor } from '../../shared/auth/actor.js';
import { requireActor } from '../../shared/auth/guards.js';
import { AppError, forbidden, type FieldError } from '../../shared/errors.js';
import { formErrors } from '../../shared/http/form.js';
import { localDay } from '../../shared/i18n/format.js';
import { localized } from '../../shared/views/context.js';
import { sendPage } from '../../shared/views/render.js';
import { compareVersions, summarise } from './changes.js';
import { changeLinks } from './comment-queries.js';
import { createConsultation, finishConsultation, publishConsultation, updateDetails } from './commands/consultation.js';
import { discardDraftVersion, editElement, publishVersion, replaceDraftText, startNewVersion } from './commands/text.js';
import { act, ctxOf, formBody, idOf, loadManaged, notFoundConsultation, str } from './http.js';
import { serialiseDraft, type ImportIssue } from './import.js';
import { LIMITS } from './model.js';
import { canCreateAny, canCreateFor } from './policy.js';
import { bodyConsultations, commentFigures, currentVersion, draftVersion, findConsultation, followerCount, listHearings, listVersions, versionElements, type Consultation } from './queries.js';
import { ChangeNoteBody, DetailsBody, DoneQuery, ElementBody, ElementParams, IdParams, TextBody, VersionParams } from './schemas.js';
import { managePath } from './urls.js';
import { ManageListPage } from './views/list-pages.js';
import { DetailsFormPage, ElementEditPage, ManagePage, TextEditPage, type DetailsValues } from './views/manage-pages.js';
import { ChangesPage } from './views/version-pages.js';

type Deps = Pick<AppDeps, 'db' | 'config'>;

const FORM = { attachValidation: true } as const;
/** A 300-article law pasted as a form is a few megabytes once URL-encoded (Cyrillic triples). */
const TEXT_BODY_LIMIT = 8 * 1024 * 1024;

const DONE = ['created', 'saved', 'published', 'imported', 'edited', 'version_started', 'version_published', 'version_discarded', 'finished', 'answered', 'hearing_added', 'minutes_saved', 'comment_added'] as const;
export type Done = (typeof DONE)[number];

export function doneText(req: FastifyRequest, done: string | undefined): string | null {
  return done && (DONE as readonly string[]).includes(done) ? req.t(`consultations:done.${done as Done}`) : null;
}

/** Bodies the actor may start a consultation for: their own, or any for a platform admin. */
async function bodiesFor(deps: Deps, actor: Actor): Promise<{ id: number; name: string }[]> {
  const query = deps.db.selectFrom('body').innerJoin('organisation as o', 'o.id', 'body.organisation_id').select(['o.id', 'o.name_mn', 'o.name_en']).orderBy('o.name_mn');
  const ids = staffBodyIds(actor);
  const rows = actor.platformRoles.has('platform_admin') ? await query.execute() : ids.length ? await query.where('o.id', 'in', ids).execute() : [];
  return rows.map((r) => ({ id: r.id, name: localized(actor.preferredLang, r.name_mn, r.name_en) }));
}

function emptyDetails(now: Date): DetailsValues {
  const opens = localDay(now);
  const closes = localDay(new Date(now.getTime() + 30 * 86_400_000));
  return { body: '', kind: 'law', title_mn: '', title_en: '', note: '', opens_on: opens, closes_on: closes, answer_days: String(LIMITS.answerDaysDefault), text: '' };
}

function detailsOf(c: Consultation): DetailsValues {
  return {
    body: String(c.body.id),
    kind: c.kind,
    title_mn: c.titleMn,
    title_en: c.titleEn ?? '',
    note: c.note,
    opens_on: localDay(c.opensAt),
    closes_on: localDay(c.closesAt),
    answer_days: String(c.answerDays),
    text: '',
  };
}

function postedDetails(body: Record<string, unknown>): DetailsValues {
  return {
    body: str(body.body),
    kind: str(body.kind),
    title_mn: str(body.title_mn),
    title_en: str(body.title_en),
    note: str(body.note),
    opens_on: str(body.opens_on),
    closes_on: str(body.closes_on),
    answer_days: str(body.answer_days),
    text: str(body.text),
  };
}

/**
 * The body's side of a consultation: create it with its imported text, review and edit
 * the text, publish it, publish later versions (with a preview of the changes), and
 * finish it. Hearings and answers have their own route files.
 */
export function manageRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = deps;

  r.get('/consultations/manage', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    if (!canCreateAny(actor)) throw forbidden();
    const ids = actor.platformRoles.has('platform_admin') && staffBodyIds(actor).length === 0 ? (await db.selectFrom('consultation').select('body_id').distinct().execute()).map((r) => r.body_id) : staffBodyIds(actor);
    const items = await bodyConsultations(db, ids);
    return sendPage(req, reply, <ManageListPage items={items} canCreate />);
  });

  r.get('/consultations/new', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    if (!canCreateAny(actor)) throw forbidden();
    const bodies = await bodiesFor(deps, actor);
    return sendPage(req, reply, <DetailsFormPage mode="new" bodies={bodies} values={emptyDetails(req.now)} errors={[]} />);
  });

  r.post('/consultations/new', { ...FORM, bodyLimit: TEXT_BODY_LIMIT, schema: { hide: true, body: DetailsBody } }, async (req, reply) => {
    const actor = requireActor(req);
    if (!canCreateAny(actor)) throw forbidden();
    const bodies = await bodiesFor(deps, actor);
    const values = postedDetails(formBody(req));
    const show = (errors: FieldError[], status: number) => sendPage(req, reply, <DetailsFormPage mode="new" bodies={bodies} values={values} errors={errors} />, status);
    const invalid = formErrors(req);
    if (invalid.length) return show(invalid, 400);
    const bodyId = bodies.length === 1 && !values.body ? bodies[0]!.id : Number(values.body);
    if (!Number.isSafeInteger(bodyId) || bodyId < 1 || !bodies.some((b) => b.id === bodyId)) {
      if (values.body && Number.isSafeInteger(bodyId) && bodyId > 0 && !canCreateFor(actor, bodyId)) throw forbidden();
      return show([{ field: 'body', key: 'common:errors.field.choose', params: { field: '$t:consultations:fieldRef.body' } }], 400);
    }
    return act(
      reply,
      async () => {
        const created = await createConsultation(
          db,
          { bodyId, kind: values.kind, titleMn: values.title_mn, titleEn: values.title_en, note: values.note, opensOn: values.opens_on, closesOn: values.closes_on, answerDays: values.answer_days, text: values.text },
          actor,
          ctxOf(req, config.publicUrl),
        );
        return `${managePath(created.id)}?done=created`;
      },
      show,
      'text',
    );
  });

  async function renderManage(req: FastifyRequest, reply: FastifyReply, c: Consultation, state: { errors?: FieldError[]; status?: number; values?: Record<string, string>; done?: string } = {}) {
    const versions = await listVersions(db, c.id);
    const draft = draftVersion(versions) ?? null;
    const [figures, hearings, followers, warnings, draftArticles] = await Promise.all([
      commentFigures(db, c.id, c.answersDueAt),
      listHearings(db, c.id),
      followerCount(db, c.id),
      draft ? db.selectFrom('consultation_version').where('id', '=', draft.id).select('import_issues').executeTakeFirstOrThrow() : Promise.resolve(null),
      draft
        ? db
            .selectFrom('consultation_element')
            .where('version_id', '=', draft.id)
            .where('kind', '=', 'article')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        : Promise.resolve({ n: 0 }),
    ]);
    return sendPage(
      req,
      reply,
      <ManagePage
        c={c}
        figures={figures}
        versions={versions}
        draft={draft}
        draftArticles={Number(draftArticles.n)}
        warnings={(warnings?.import_issues as ImportIssue[] | null) ?? []}
        hearings={hearings}
        followers={followers}
        notice={doneText(req, state.done)}
        errors={state.errors}
        values={state.values}
      />,
      state.status ?? 200,
    );
  }

  r.get('/consultations/:id/manage', { schema: { hide: true, params: IdParams, querystring: DoneQuery } }, async (req, reply) => {
    const { c } = await loadManaged(db, req, req.params.id);
    return renderManage(req, reply, c, { done: req.query.done });
  });

  r.get('/consultations/:id/edit', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const { actor, c } = await loadManaged(db, req, req.params.id);
    if (c.status !== 'draft') throw new AppError('consultations.not_draft', { status: 409 });
    return sendPage(req, reply, <DetailsFormPage mode="edit" c={c} bodies={await bodiesFor(deps, actor)} values={detailsOf(c)} errors={[]} />);
  });

  r.post('/consultations/:id/edit', { ...FORM, schema: { hide: true, params: IdParams, body: DetailsBody } }, async (req, reply) => {
    const { actor, c } = await loadManaged(db, req, req.params.id);
    const values = postedDetails(formBody(req));
    const show = async (errors: FieldError[], status: number) => sendPage(req, reply, <DetailsFormPage mode="edit" c={c} bodies={await bodiesFor(deps, actor)} values={values} errors={errors} />, status);
    const invalid = formErrors(req);
    if (invalid.length) return show(invalid, 400);
    return act(
      reply,
      async () => {
        await updateDetails(db, c.id, { kind: values.kind, titleMn: values.title_mn, titleEn: values.title_en, note: values.note, opensOn: values.opens_on, closesOn: values.closes_on, answerDays: values.answer_days }, actor, ctxOf(req, config.publicUrl));
        return `${managePath(c.id)}?done=saved`;
      },
      show,
      'title_mn',
    );
  });

  /** A status action from the manage page: refusals show the page again with the reason. */
  function statusAction(path: string, field: string, run: (c: Consultation, actor: Actor, req: FastifyRequest) => Promise<string>) {
    r.post(path, { ...FORM, schema: { hide: true, params: IdParams, body: ChangeNoteBody } }, async (req, reply) => {
      const { actor, c } = await loadManaged(db, req, (req.params as { id: string }).id);
      const values = { change_note: str(formBody(req).change_note) };
      return act(
        reply,
        () => run(c, actor, req),
        async (errors, status) => renderManage(req, reply, (await findConsultation(db, c.id)) ?? c, { errors, status, values }),
        field,
      );
    });
  }

  statusAction('/consultations/:id/publish', 'publish', async (c, actor, req) => {
    await publishConsultation(db, c.id, actor, ctxOf(req, config.publicUrl));
    return `${managePath(c.id)}?done=published`;
  });
  statusAction('/consultations/:id/finish', 'finish', async (c, actor, req) => {
    await finishConsultation(db, c.id, actor, ctxOf(req, config.publicUrl));
    return `${managePath(c.id)}?done=finished`;
  });
  statusAction('/consultations/:id/versions', 'version', async (c, actor, req) => {
    const started = await startNewVersion(db, c.id, null, actor, ctxOf(req, config.publicUrl));
    return `/consultations/${c.id}/versions/${started.versionNumber}/edit?done=version_started`;
  });
  statusAction('/consultations/:id/versions/publish', 'change_note', async (c, actor, req) => {
    await publishVersion(db, c.id, str(formBody(req).change_note), actor, ctxOf(req, config.publicUrl));
    return `${managePath(c.id)}?done=version_published`;
  });
  statusAction('/consultations/:id/versions/discard', 'version', async (c, actor, req) => {
    await discardDraftVersion(db, c.id, actor, ctxOf(req, config.publicUrl));
    return `${managePath(c.id)}?done=version_discarded`;
  });

  async function draftOf(c: Consultation, versionParam: string) {
    const versions = await listVersions(db, c.id);
    const version = versions.find((v) => v.number === idOf(versionParam));
    if (!version) throw notFoundConsultation();
    if (version.publishedAt) throw new AppError('consultations.version_published', { status: 409 });
    return { versions, version };
  }

  async function renderTextEdit(req: FastifyRequest, reply: FastifyReply, c: Consultation, versionParam: string, state: { errors?: FieldError[]; status?: number; text?: string; done?: string } = {}) {
    const { version } = await draftOf(c, versionParam);
    const [elements, issues] = await Promise.all([versionElements(db, version.id), db.selectFrom('consultation_version').where('id', '=', version.id).select('import_issues').executeTakeFirstOrThrow()]);
    return sendPage(
      req,
      reply,
      <TextEditPage
        c={c}
        version={version}
        elements={elements}
        text={state.text ?? serialiseDraft(elements)}
        warnings={(issues.import_issues as ImportIssue[] | null) ?? []}
        errors={state.errors ?? []}
        notice={doneText(req, state.done)}
      />,
      state.status ?? 200,
    );
  }

  r.get('/consultations/:id/versions/:version/edit', { schema: { hide: true, params: VersionParams, querystring: DoneQuery } }, async (req, reply) => {
    const { c } = await loadManaged(db, req, req.params.id);
    return renderTextEdit(req, reply, c, req.params.version, { done: req.query.done });
  });

  r.post('/consultations/:id/versions/:version/text', { ...FORM, bodyLimit: TEXT_BODY_LIMIT, schema: { hide: true, params: VersionParams, body: TextBody } }, async (req, reply) => {
    const { actor, c } = await loadManaged(db, req, req.params.id);
    const text = str(formBody(req).text);
    const show = (errors: FieldError[], status: number) => renderTextEdit(req, reply, c, req.params.version, { errors, status, text });
    const invalid = formErrors(req);
    if (invalid.length) return show(invalid, 400);
    await draftOf(c, req.params.version);
    return act(
      reply,
      async () => {
        const result = await replaceDraftText(db, c.id, text, actor, ctxOf(req, config.publicUrl));
        return `/consultations/${c.id}/versions/${result.versionNumber}/edit?done=imported`;
      },
      show,
      'text',
    );
  });

  async function elementOf(c: Consultation, elementParam: string) {
    const versions = await listVersions(db, c.id);
    const draft = draftVersion(versions);
    const id = idOf(elementParam);
    const element = draft ? (await versionElements(db, draft.id)).find((e) => e.id === id) : undefined;
    if (!draft || !element) throw notFoundConsultation();
    return { draft, element };
  }

  r.get('/consultations/:id/elements/:element/edit', { schema: { hide: true, params: ElementParams } }, async (req, reply) => {
    const { c } = await loadManaged(db, req, req.params.id);
    const { element } = await elementOf(c, req.params.element);
    return sendPage(req, reply, <ElementEditPage c={c} element={element} values={{ heading: element.heading, body: element.body }} errors={[]} />);
  });

  r.post('/consultations/:id/elements/:element/edit', { ...FORM, schema: { hide: true, params: ElementParams, body: ElementBody } }, async (req, reply) => {
    const { actor, c } = await loadManaged(db, req, req.params.id);
    const { draft, element } = await elementOf(c, req.params.element);
    const body = formBody(req);
    const values = { heading: str(body.heading), body: str(body.body) };
    const show = (errors: FieldError[], status: number) => sendPage(req, reply, <ElementEditPage c={c} element={element} values={values} errors={errors} />, status);
    const invalid = formErrors(req);
    if (invalid.length) return show(invalid, 400);
    return act(
      reply,
      async () => {
        const result = await editElement(db, c.id, element.id, values, actor, ctxOf(req, config.publicUrl));
        return `/consultations/${c.id}/versions/${draft.number}/edit?done=edited#u${result.unitId}`;
      },
      show,
      'body',
    );
  });

  // Staff preview what a version in preparation changes, before they publish it.
  r.get('/consultations/:id/versions/:version/preview', { schema: { hide: true, params: VersionParams } }, async (req, reply) => {
    const { c } = await loadManaged(db, req, req.params.id);
    const { versions, version } = await draftOf(c, req.params.version);
    const previous = currentVersion(versions);
    if (!previous) throw notFoundConsultation();
    const [before, after] = await Promise.all([versionElements(db, previous.id), versionElements(db, version.id)]);
    const changes = compareVersions(before, after);
    return sendPage(
      req,
      reply,
      <ChangesPage c={c} version={{ ...version, publishedAt: req.now }} previous={previous} changes={changes} summary={summarise(changes)} links={await changeLinks(db, version.id)} general={[]} jsonHref={`/api/consultations/${c.id}`} />,
    );
  });

}
