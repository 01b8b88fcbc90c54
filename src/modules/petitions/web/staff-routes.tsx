import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { AppDeps } from '../../../deps.js';
import { requireActor } from '../../../shared/auth/guards.js';
import { AppError, forbidden, type FieldError } from '../../../shared/errors.js';
import { sendPage } from '../../../shared/views/render.js';
import { invalidateSignatures } from '../commands/invalidate.js';
import { publishPetition, rejectPetition } from '../commands/moderate.js';
import { respondToPetition } from '../commands/respond.js';
import { setBodyRules } from '../commands/rules.js';
import { bodyRules, type LadderStep } from '../ladder.js';
import type { Consequence } from '../model.js';
import { canConfigureLadders, canModeratePetitions, canRespond } from '../policy.js';
import { loadPetitionView, outstandingSteps, petitionBodies, type PetitionView } from '../queries.js';
import type { PetitionRuntime } from '../runtime.js';
import { ADMIN_ROWS, AdminEditPage, AdminListPage, FlaggedPage, ModerationQueuePage, RespondPage, ReviewPage, type FlaggedRow } from '../views/staff-pages.js';
import { petitionId, str } from './helpers.js';
import { EmptyBody, IdParams, InvalidateBody, PageQuery, RejectBody, RespondBody, SlugParams } from './schemas.js';

type Deps = Pick<AppDeps, 'db' | 'config'> & { runtime: PetitionRuntime };

/**
 * Moderators (the queue, publish or reject, flagged votes), body staff (responses) and
 * platform admins (threshold ladders). Every action asks policy.ts first.
 */
export async function staffRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { db, config, runtime } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = (req: FastifyRequest) => ({ now: req.now, publicUrl: config.publicUrl });

  function requireModerator(req: FastifyRequest) {
    const actor = requireActor(req);
    if (!canModeratePetitions(actor)) throw forbidden();
    return actor;
  }

  async function load(raw: string): Promise<PetitionView> {
    const view = await loadPetitionView(db, petitionId(raw));
    if (!view) throw new AppError('petitions.not_found', { status: 404 });
    return view;
  }

  r.get('/moderation/petitions', { schema: { hide: true, querystring: PageQuery } }, async (req, reply) => {
    requireModerator(req);
    const rows = await db
      .selectFrom('petition as p')
      .innerJoin('organisation as o', 'o.id', 'p.body_id')
      .select(['p.id', 'p.title', 'o.name_mn', 'o.name_en', 'p.moderation_at', 'p.moderation_due_at', 'p.supporter_count'])
      .where('p.state', '=', 'moderation')
      .orderBy('p.moderation_at')
      .limit(200)
      .execute();
    const flagged = await sql<{ id: number; title: string; n: number }>`
      SELECT p.id, p.title, count(*) AS n FROM petition_signature s JOIN petition p ON p.id = s.petition_id
      WHERE s.flags <> '{}' AND s.invalidated_at IS NULL GROUP BY p.id, p.title ORDER BY count(*) DESC LIMIT 50`.execute(db);
    const { done, n } = req.query;
    const notice = done === 'published' ? req.t('petitions:moderation.published', { id: n ?? '' }) : done === 'rejected' ? req.t('petitions:moderation.rejected', { id: n ?? '' }) : null;
    return sendPage(
      req,
      reply,
      <ModerationQueuePage
        items={rows.map((p) => ({ id: p.id, title: p.title, body: { nameMn: p.name_mn, nameEn: p.name_en }, moderationAt: p.moderation_at!, dueAt: p.moderation_due_at!, supporters: p.supporter_count }))}
        flagged={flagged.rows.map((f) => ({ id: f.id, title: f.title, n: Number(f.n) }))}
        notice={notice}
      />,
    );
  });

  r.get('/moderation/petitions/:id', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    requireModerator(req);
    return sendPage(req, reply, <ReviewPage view={await load(req.params.id)} />);
  });

  r.post('/moderation/petitions/:id/publish', { schema: { hide: true, params: IdParams, body: EmptyBody } }, async (req, reply) => {
    const actor = requireModerator(req);
    const view = await load(req.params.id);
    await publishPetition(db, view.id, actor.accountId, ctx(req));
    runtime.store.invalidate(view.id);
    return reply.redirect(`/moderation/petitions?done=published&n=${view.id}`, 303);
  });

  r.post('/moderation/petitions/:id/reject', { schema: { hide: true, params: IdParams, body: RejectBody }, attachValidation: true }, async (req, reply) => {
    const actor = requireModerator(req);
    const view = await load(req.params.id);
    const values = { reason: str(req.body, 'reason'), note: str(req.body, 'note'), duplicate_of: str(req.body, 'duplicate_of') };
    const dup = values.duplicate_of.trim();
    try {
      await rejectPetition(db, view.id, { reason: values.reason, note: values.note, duplicateOf: /^\d{1,10}$/.test(dup) ? Number(dup) : null }, actor.accountId, ctx(req));
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return sendPage(req, reply, <ReviewPage view={view} errors={error.fields} values={values} />, 400);
      throw error;
    }
    runtime.store.invalidate(view.id);
    return reply.redirect(`/moderation/petitions?done=rejected&n=${view.id}`, 303);
  });

  async function flaggedRows(id: number): Promise<FlaggedRow[]> {
    const rows = await db
      .selectFrom('petition_signature')
      .select(['id', 'signed_at', 'level', 'place_code', 'flags', 'contact_hint'])
      .where('petition_id', '=', id)
      .where('invalidated_at', 'is', null)
      .where(sql<boolean>`flags <> '{}'`)
      .orderBy('id')
      .limit(500)
      .execute();
    return rows.map((s) => ({ id: Number(s.id), signedAt: s.signed_at, level: s.level, place: s.place_code, flags: s.flags, hint: s.contact_hint }));
  }

  r.get('/moderation/petitions/:id/signatures', { schema: { hide: true, params: IdParams, querystring: PageQuery } }, async (req, reply) => {
    requireModerator(req);
    const view = await load(req.params.id);
    const n = Number(req.query.n);
    const notice = req.query.done === 'invalidated' && n > 0 ? req.t('petitions:moderation.invalidated', { count: n }) : null;
    return sendPage(req, reply, <FlaggedPage view={view} rows={await flaggedRows(view.id)} notice={notice} />);
  });

  r.post('/moderation/petitions/:id/signatures', { schema: { hide: true, params: IdParams, body: InvalidateBody }, attachValidation: true }, async (req, reply) => {
    const actor = requireModerator(req);
    const view = await load(req.params.id);
    const raw = (req.body as { signatures?: string | string[] } | undefined)?.signatures;
    const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).map((s) => (/^\d{1,15}$/.test(s) ? Number(s) : 0));
    const reason = str(req.body, 'reason');
    try {
      const n = await invalidateSignatures(db, view.id, ids, reason, actor.accountId, ctx(req));
      runtime.store.invalidate(view.id);
      return reply.redirect(`/moderation/petitions/${view.id}/signatures?done=invalidated&n=${n}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const errors: FieldError[] = error.fields.length ? error.fields : [{ field: 'signatures', key: error.messageKey }];
      return sendPage(req, reply, <FlaggedPage view={view} rows={await flaggedRows(view.id)} errors={errors} reason={reason} />, error.status);
    }
  });

  async function responder(req: FastifyRequest, raw: string) {
    const actor = requireActor(req);
    const view = await load(raw);
    if (!canRespond(actor, view)) throw forbidden();
    if (view.state !== 'open' && view.state !== 'closed') throw new AppError('petitions.wrong_state', { status: 409, params: { state: `$t:petitions:state.${view.state}` } });
    return { actor, view };
  }

  r.get('/petitions/:id/respond', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const { view } = await responder(req, req.params.id);
    return sendPage(req, reply, <RespondPage view={view} dueAt={outstandingSteps(view)[0]?.dueAt ?? null} />);
  });

  r.post('/petitions/:id/respond', { schema: { hide: true, params: IdParams, body: RespondBody }, attachValidation: true }, async (req, reply) => {
    const { actor, view } = await responder(req, req.params.id);
    const values = { kind: str(req.body, 'kind'), outcome: str(req.body, 'outcome'), text: str(req.body, 'text') };
    try {
      await respondToPetition(db, view.id, values, actor.accountId, ctx(req));
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const errors: FieldError[] = error.fields.length ? error.fields : [{ field: 'kind', key: error.messageKey }];
      return sendPage(req, reply, <RespondPage view={view} dueAt={outstandingSteps(view)[0]?.dueAt ?? null} errors={errors} values={values} />, error.status);
    }
    runtime.store.invalidate(view.id);
    return reply.redirect(`/petitions/${view.id}`, 303);
  });

  function requireAdmin(req: FastifyRequest) {
    const actor = requireActor(req);
    if (!canConfigureLadders(actor)) throw forbidden();
    return actor;
  }

  r.get('/admin/petitions', { schema: { hide: true } }, async (req, reply) => {
    requireAdmin(req);
    const bodies = await petitionBodies(db);
    const rows = [];
    for (const b of bodies) {
      const rules = (await bodyRules(db, b.id))!;
      rows.push({ slug: b.slug, nameMn: b.nameMn, nameEn: b.nameEn, openDays: rules.openDays, minLevel: rules.minLevel, steps: rules.steps.length, custom: rules.custom });
    }
    return sendPage(req, reply, <AdminListPage bodies={rows} />);
  });

  async function adminBody(slug: string) {
    const body = (await petitionBodies(db)).find((b) => b.slug === slug);
    if (!body) throw new AppError('petitions.unknown_body', { status: 404 });
    return body;
  }

  r.get('/admin/petitions/:slug', { schema: { hide: true, params: SlugParams, querystring: PageQuery } }, async (req, reply) => {
    requireAdmin(req);
    const body = await adminBody(req.params.slug);
    const rules = (await bodyRules(db, body.id))!;
    return sendPage(req, reply, <AdminEditPage body={body} openDays={String(rules.openDays)} minLevel={rules.minLevel} steps={rules.steps} notice={req.query.done === 'saved' ? req.t('petitions:admin.saved') : null} />);
  });

  r.post('/admin/petitions/:slug', { schema: { hide: true, params: SlugParams }, attachValidation: true }, async (req, reply) => {
    const actor = requireAdmin(req);
    const body = await adminBody(req.params.slug);
    const form = (req.body ?? {}) as Record<string, unknown>;
    const steps: (LadderStep | null)[] = [];
    const num = (v: string) => (/^\s*\d{1,9}\s*$/.test(v) ? Number(v) : v.trim() ? NaN : null);
    for (let i = 1; i <= ADMIN_ROWS; i++) {
      const counts = str(form, `step_${i}_counts`);
      if (counts !== 'supporters' && counts !== 'votes') continue;
      steps.push({
        counts,
        threshold: num(str(form, `step_${i}_threshold`)) ?? NaN,
        consequence: str(form, `step_${i}_consequence`) as Consequence,
        actWithinDays: num(str(form, `step_${i}_days`)),
        closesVoting: str(form, `step_${i}_closes`) === 'yes',
      });
    }
    const openDays = str(form, 'open_days');
    const minLevel = str(form, 'min_level');
    try {
      await setBodyRules(db, body.id, { openDays: num(openDays) ?? NaN, minLevel, steps: steps as LadderStep[] }, actor.accountId, req.now);
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation_failed') return sendPage(req, reply, <AdminEditPage body={body} openDays={openDays} minLevel={minLevel} steps={steps} errors={error.fields} />, 400);
      throw error;
    }
    return reply.redirect(`/admin/petitions/${body.slug}?done=saved`, 303);
  });
}
