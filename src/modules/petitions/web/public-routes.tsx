import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import { toCsv } from '../../../shared/csv.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { sendPage } from '../../../shared/views/render.js';
import { localDay } from '../../../shared/i18n/format.js';
import { placeCatalogue } from '../../places/catalogue.js';
import { ErrorResponse } from '../../places/schemas.js';
import { isPublicState, MODERATION_TARGET_DAYS, PUBLIC_STATES, textHidden, type State } from '../model.js';
import { canModeratePetitions, canRespond, canSeeUnpublished } from '../policy.js';
import { countsByAimag, effectiveState, isLate, listPetitions, moderationFigures, petitionBodies, waitingForAnswer, type ListFilters } from '../queries.js';
import type { PetitionRuntime } from '../runtime.js';
import type { Snapshot } from '../store.js';
import { ListPage, PlacesPage, StandardsPage, WaitingPage } from '../views/list-pages.js';
import { PetitionPage } from '../views/petition-page.js';
import { renderPage, sendRendered, str, petitionId, type RenderedPage } from './helpers.js';
import { CountJson, IdParams, ListApiQuery, ListJson, ListPageQuery, ModerationJson, PetitionJson, PlacesQuery, WaitingJson } from './schemas.js';

type Deps = Pick<AppDeps, 'db' | 'config'> & { runtime: PetitionRuntime };

const PAGE_SIZE = 20;

/**
 * The public side: the list, each petition's page (from memory, see store.ts), its
 * counts by soum, the live count, the petitions waiting longest for an answer, the
 * moderation standards with their figures, and the open data (JSON, CSV, list API).
 */
export async function publicRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { db, config, runtime } = deps;
  const { store } = runtime;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const abs = (p: string) => config.publicUrl + p;
  const bodyRef = (b: { slug: string; nameMn: string; nameEn: string }) => ({ slug: b.slug, name_mn: b.nameMn, name_en: b.nameEn, url: abs(`/bodies/${b.slug}`) });

  /** A petition the requester may see, or 404 (unpublished ones exist only for their creator and moderators). */
  async function visible(req: FastifyRequest, id: number): Promise<Snapshot> {
    const snapshot = await store.get(id);
    if (!snapshot) throw new AppError('petitions.not_found', { status: 404 });
    if (!isPublicState(snapshot.view.state) && !canSeeUnpublished(req.actor, snapshot.view)) throw new AppError('petitions.not_found', { status: 404 });
    return snapshot;
  }

  r.get('/petitions/live-count.js', { schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=31536000, immutable').send(runtime.liveScript.body),
  );

  r.get('/petitions', { schema: { hide: true, querystring: ListPageQuery } }, async (req, reply) => {
    const q = req.query;
    const errors: FieldError[] = [];
    const filters: ListFilters = {};
    const state = str(q, 'state');
    if (state && !(PUBLIC_STATES as readonly string[]).includes(state)) errors.push({ field: 'state', key: 'common:errors.field.choose', params: { field: '$t:petitions:list.filterState' } });
    else if (state) filters.state = state as State;
    const bodies = await petitionBodies(db);
    const body = str(q, 'body');
    if (body && !bodies.some((b) => b.slug === body)) errors.push({ field: 'body', key: 'petitions:errors.unknown_body' });
    else if (body) filters.bodySlug = body;
    const words = str(q, 'q').slice(0, 100);
    if (words.trim()) filters.q = words;
    // The same filter as the list API's `late=true` (the checkbox sends that value).
    const late = str(q, 'late');
    if (late && late !== 'true') errors.push({ field: 'late', key: 'petitions:errors.bad_late_filter' });
    else if (late) filters.late = true;
    const after = /^[1-9][0-9]{0,9}$/.test(str(q, 'after')) ? Number(str(q, 'after')) : null;
    const page = errors.length ? { items: [], next: null } : await listPetitions(db, filters, { after, limit: PAGE_SIZE }, req.now);
    const params = new URLSearchParams();
    if (filters.state) params.set('state', filters.state);
    if (filters.bodySlug) params.set('body', filters.bodySlug);
    if (filters.q) params.set('q', filters.q);
    if (filters.late) params.set('late', 'true');
    const base = params.toString();
    const nextHref = page.next ? `/petitions?${base ? base + '&' : ''}after=${page.next}` : null;
    return sendPage(
      req,
      reply,
      <ListPage items={page.items} filters={{ state, body, q: words, late: filters.late === true }} bodies={bodies} nextHref={nextHref} jsonHref={`/api/petitions${base ? '?' + base : ''}`} errors={errors} />,
      errors.length ? 400 : 200,
    );
  });

  r.get('/petitions/waiting', { schema: { hide: true } }, async (req, reply) => sendPage(req, reply, <WaitingPage items={await waitingForAnswer(db)} />));
  r.get('/petitions/standards', { schema: { hide: true } }, async (req, reply) => sendPage(req, reply, <StandardsPage figures={await moderationFigures(db, req.now)} />));

  r.get('/petitions/:id', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const id = petitionId(req.params.id);
    const snapshot = await visible(req, id);
    const { view } = snapshot;
    // Anonymous readers of a public petition share one rendering per language and display (store.ts decides how long it stays).
    if (!req.actor && isPublicState(view.state) && !req.url.includes('?')) {
      // Lateness and days left change with the date: the day is part of the key.
      const key = `page:${req.lang}:${req.largeText ? 1 : 0}:${effectiveState(view, req.now)}:${localDay(req.now)}`;
      const page = store.cached<RenderedPage>(id, key, (s) => renderPage(req, reply, <PetitionPage view={s.view} counts={s.counts} liveScript={runtime.liveScript.path} />));
      if (page) return sendRendered(req, reply, page);
    }
    return sendPage(
      req,
      reply,
      <PetitionPage
        view={view}
        counts={snapshot.counts}
        liveScript={runtime.liveScript.path}
        isCreator={req.actor?.accountId === view.creatorId}
        canRespond={canRespond(req.actor, view)}
        canModerate={canModeratePetitions(req.actor)}
      />,
    );
  });

  r.get('/petitions/:id/places', { schema: { hide: true, params: IdParams, querystring: PlacesQuery } }, async (req, reply) => {
    const snapshot = await visible(req, petitionId(req.params.id));
    const aimag = req.query.aimag ?? null;
    if (aimag && placeCatalogue().get(aimag)?.level !== 1) throw new AppError('not_found');
    return sendPage(req, reply, <PlacesPage view={snapshot.view} counts={snapshot.counts} aimag={aimag} />);
  });

  r.get(
    '/api/petitions/:id/count',
    {
      config: { api: true },
      schema: {
        tags: ['petitions'],
        summary: 'The live count of a petition',
        description: 'Valid votes now, at most about a second behind. Made to be polled: answered from memory.',
        params: IdParams,
        response: { 200: CountJson, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const id = petitionId(req.params.id);
      const snapshot = await store.get(id);
      if (!snapshot || !isPublicState(snapshot.view.state)) throw new AppError('petitions.not_found', { status: 404 });
      const state = effectiveState(snapshot.view, req.now);
      const json = store.cached(id, `count:${state}`, (s) =>
        JSON.stringify({ id, state, count: s.counts.total, invalidated: s.counts.invalidated, as_of: req.now.toISOString() }),
      );
      return reply.type('application/json; charset=utf-8').header('cache-control', 'no-cache').send(json as never);
    },
  );

  function petitionJson(s: Snapshot, now: Date) {
    const { view, counts } = s;
    const state = effectiveState(view, now);
    const hidden = textHidden({ state, rejection_reason: view.rejectionReason });
    const catalogue = placeCatalogue();
    const named = (code: string, votes: number) => {
      const p = catalogue.get(code);
      return { code, name_mn: p?.name_mn ?? code, name_en: p?.name_en ?? code, votes };
    };
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    return {
      id: view.id,
      url: abs(`/petitions/${view.id}`),
      state,
      title: hidden ? null : view.title,
      action: hidden ? null : view.action,
      background: hidden ? null : view.background,
      links: hidden ? [] : view.links,
      language: view.language,
      body: bodyRef(view.body),
      min_level: view.minLevel,
      moderation: {
        reached_at: iso(view.moderationAt),
        due_at: iso(view.moderationDueAt),
        decided_at: iso(view.moderatedAt),
        rejection_reason: view.rejectionReason,
        note: view.rejectionNote,
        duplicate_of: view.duplicateOf,
      },
      opened_at: iso(view.openedAt),
      closes_at: iso(view.closesAt),
      closed_at: iso(view.closedAt ?? (state === 'closed' ? view.closesAt : null)),
      closed_early: view.closedEarly,
      supporters: view.supporterCount,
      votes: counts.total,
      invalidated: counts.invalidated,
      thresholds: view.steps.map((st) => ({
        position: st.position,
        counts: st.counts,
        threshold: st.threshold,
        consequence: st.consequence,
        act_within_days: st.actWithinDays,
        closes_voting: st.closesVoting,
        reached_at: iso(st.reachedAt),
        due_at: iso(st.dueAt),
        answered_at: iso(st.answeredAt),
        late: isLate(st, now),
      })),
      by_aimag: [...countsByAimag(counts)].sort((a, b) => a[0].localeCompare(b[0])).map(([c, n]) => named(c, n)),
      by_soum: [...counts.byPlace].filter(([, n]) => n !== 0).sort((a, b) => a[0].localeCompare(b[0])).map(([c, n]) => named(c, n)),
      by_hour: [...counts.byHour].filter(([, n]) => n !== 0).sort((a, b) => a[0] - b[0]).map(([h, n]) => ({ hour: new Date(h).toISOString(), votes: n })),
      responses: view.responses.map((x) => ({ kind: x.kind, outcome: x.outcome, step: x.stepPosition, text: x.text, responded_at: x.respondedAt.toISOString(), due_at: iso(x.dueAt), on_time: x.onTime })),
    };
  }

  async function publicSnapshot(raw: string): Promise<Snapshot> {
    const snapshot = await store.get(petitionId(raw));
    if (!snapshot || !isPublicState(snapshot.view.state)) throw new AppError('petitions.not_found', { status: 404 });
    return snapshot;
  }

  r.get(
    '/api/petitions/:id',
    {
      config: { api: true },
      schema: {
        tags: ['petitions'],
        summary: 'One petition',
        description:
          'Text, state, dates, the threshold ladder with the time each step was reached and whether its answer is late, counts by aimag, soum and hour, and the official responses. A petition rejected for abuse or personal data has no text. Never the creator or a signer.',
        params: IdParams,
        response: { 200: PetitionJson, 404: ErrorResponse },
      },
    },
    async (req) => petitionJson(await publicSnapshot(req.params.id), req.now),
  );

  r.get('/petitions/:id.csv', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const j = petitionJson(await publicSnapshot(req.params.id), req.now);
    const rows: (string | number | boolean | null)[][] = [
      ['petition', j.id, j.title, null, j.votes, j.opened_at, j.closes_at, j.action],
      ['state', j.state, null, null, j.invalidated, j.closed_at, null, j.moderation.rejection_reason],
      ...j.thresholds.map((s) => ['threshold', s.position, s.consequence, s.counts, s.threshold, s.reached_at, s.due_at, s.late ? 'late' : null]),
      ...j.by_aimag.map((a) => ['aimag', a.code, a.name_mn, a.name_en, a.votes, null, null, null]),
      ...j.by_soum.map((a) => ['soum', a.code, a.name_mn, a.name_en, a.votes, null, null, null]),
      ...j.by_hour.map((h) => ['hour', null, null, null, h.votes, h.hour, null, null]),
      ...j.responses.map((x) => ['response', x.step, x.kind, x.outcome, null, x.responded_at, x.due_at, x.text]),
    ];
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="petition-${j.id}.csv"`)
      .send(toCsv(['record', 'code', 'name_mn', 'name_en', 'count', 'at', 'due_at', 'text'], rows));
  });

  r.get(
    '/api/petitions',
    {
      config: { api: true },
      schema: {
        tags: ['petitions'],
        summary: 'Published petitions',
        description: 'Open, closed and rejected petitions, newest first, with their vote counts. JSON twin of /petitions.',
        querystring: ListApiQuery,
        response: { 200: ListJson },
      },
    },
    async (req) => {
      const q = req.query;
      const page = await listPetitions(db, { state: q.state, bodySlug: q.body, q: q.q, late: q.late }, { after: q.after ?? null, limit: q.limit ?? 20 }, req.now);
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(q)) if (v !== undefined && k !== 'after') params.set(k, String(v));
      if (page.next) params.set('after', String(page.next));
      return {
        petitions: page.items.map((p) => ({
          id: p.id,
          url: abs(`/petitions/${p.id}`),
          state: effectiveState({ state: p.state, closesAt: p.closesAt }, req.now),
          title: p.rejectionReason && textHidden({ state: 'rejected', rejection_reason: p.rejectionReason }) ? null : p.title,
          body: bodyRef(p.body),
          votes: p.votes,
          opened_at: p.openedAt?.toISOString() ?? null,
          closes_at: p.closesAt?.toISOString() ?? null,
          closed_at: p.closedAt?.toISOString() ?? null,
          rejection_reason: p.rejectionReason,
          answer_late_since: p.lateSince?.toISOString() ?? null,
        })),
        next: page.next ? abs(`/api/petitions?${params.toString()}`) : null,
      };
    },
  );

  r.get(
    '/api/petitions/waiting',
    { config: { api: true }, schema: { tags: ['petitions'], summary: 'Petitions waiting for an answer', description: 'Thresholds reached that the body has not answered, the longest waiting first. JSON twin of /petitions/waiting.', response: { 200: WaitingJson } } },
    async (req) => ({
      petitions: (await waitingForAnswer(db)).map((w) => ({
        id: w.id,
        url: abs(`/petitions/${w.id}`),
        title: w.title,
        body: bodyRef(w.body),
        step: w.position,
        consequence: w.consequence,
        reached_at: w.reachedAt.toISOString(),
        due_at: w.dueAt.toISOString(),
        late: w.dueAt < req.now,
      })),
    }),
  );

  r.get(
    '/api/petitions/moderation',
    { config: { api: true }, schema: { tags: ['petitions'], summary: 'Moderation figures', description: 'Petitions waiting for moderation now, how many are past the target time, decisions by reason and invalidated votes.', response: { 200: ModerationJson } } },
    async (req) => {
      const f = await moderationFigures(db, req.now);
      return { target_days: MODERATION_TARGET_DAYS, waiting: f.waiting, overdue: f.overdue, published: f.published, rejected: f.rejected, invalidated_votes: f.invalidated };
    },
  );
}

export type { FastifyReply };
