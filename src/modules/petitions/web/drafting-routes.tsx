import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import { requireActor } from '../../../shared/auth/guards.js';
import { AppError } from '../../../shared/errors.js';
import { sendPage } from '../../../shared/views/render.js';
import { createDraft, findByShareKey, renewShareKey, startCollecting, supportPetition, updateDraft, type DraftInput } from '../commands/lifecycle.js';
import { canEditDraft, canStartPetition } from '../policy.js';
import { loadPetitionView, petitionBodies, type PetitionView } from '../queries.js';
import type { PetitionRuntime } from '../runtime.js';
import { DraftFormPage, MinePage, SupportPage, type DraftValues } from '../views/draft-pages.js';
import { petitionId, str } from './helpers.js';
import { DraftBody, EmptyBody, IdParams, KeyParams } from './schemas.js';

type Deps = Pick<AppDeps, 'db' | 'config'> & { runtime: PetitionRuntime };

/**
 * Drafting and supporters: a citizen with a confirmed address writes a draft, edits it,
 * freezes it to gather supporters through a share link (shown once, renewable), and
 * supporters sign in and support it through that link.
 */
export async function draftingRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { db, config, runtime } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = (req: FastifyRequest) => ({ now: req.now, publicUrl: config.publicUrl });

  function requireStarter(req: FastifyRequest) {
    const actor = requireActor(req);
    if (!canStartPetition(actor)) throw new AppError('accounts.verification_required', { status: 403 });
    return actor;
  }

  const values = (body: unknown): DraftValues => ({ body: str(body, 'body'), title: str(body, 'title'), action: str(body, 'action'), background: str(body, 'background'), links: str(body, 'links') });
  const input = (v: DraftValues, lang: 'mn' | 'en'): DraftInput => ({ bodySlug: v.body, title: v.title, action: v.action, background: v.background, links: v.links, language: lang });

  async function formOrErrors(req: FastifyRequest, reply: FastifyReply, id: number | undefined, v: DraftValues, error: unknown) {
    if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
    const bodies = await petitionBodies(db);
    return sendPage(req, reply, <DraftFormPage id={id} values={v} bodies={bodies} errors={error.fields} />, 400);
  }

  r.get('/petitions/new', { schema: { hide: true } }, async (req, reply) => {
    requireStarter(req);
    return sendPage(req, reply, <DraftFormPage values={{ body: '', title: '', action: '', background: '', links: '' }} bodies={await petitionBodies(db)} />);
  });

  r.post('/petitions/new', { schema: { hide: true, body: DraftBody }, attachValidation: true }, async (req, reply) => {
    const actor = requireStarter(req);
    const v = values(req.body);
    try {
      const id = await createDraft(db, actor.accountId, input(v, req.lang), ctx(req));
      return reply.redirect(`/petitions/${id}/edit?done=saved`, 303);
    } catch (error) {
      return formOrErrors(req, reply, undefined, v, error);
    }
  });

  async function ownDraft(req: FastifyRequest, raw: string): Promise<PetitionView> {
    const actor = requireActor(req);
    const view = await loadPetitionView(db, petitionId(raw));
    if (!view || view.creatorId !== actor.accountId) throw new AppError('petitions.not_found', { status: 404 });
    return view;
  }

  r.get('/petitions/:id/edit', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const view = await ownDraft(req, req.params.id);
    if (!canEditDraft(req.actor, view)) return reply.redirect(`/petitions/${view.id}`, 303);
    const done = (req.query as { done?: string }).done === 'saved';
    return sendPage(
      req,
      reply,
      <DraftFormPage id={view.id} values={{ body: view.body.slug, title: view.title, action: view.action, background: view.background, links: view.links.join('\n') }} bodies={await petitionBodies(db)} notice={done ? req.t('petitions:draft.saved') : null} />,
    );
  });

  r.post('/petitions/:id/edit', { schema: { hide: true, params: IdParams, body: DraftBody }, attachValidation: true }, async (req, reply) => {
    const view = await ownDraft(req, req.params.id);
    if (!canEditDraft(req.actor, view)) throw new AppError('petitions.wrong_state', { status: 409, params: { state: `$t:petitions:state.${view.state}` } });
    const v = values(req.body);
    try {
      await updateDraft(db, view.id, input(v, req.lang), ctx(req));
      return reply.redirect(`/petitions/${view.id}/edit?done=saved`, 303);
    } catch (error) {
      return formOrErrors(req, reply, view.id, v, error);
    }
  });

  async function mine(req: FastifyRequest, reply: FastifyReply, share?: { id: number; key: string }) {
    const actor = requireActor(req);
    const items = await db.selectFrom('petition').select(['id', 'state', 'title', 'supporter_count']).where('creator_id', '=', actor.accountId).orderBy('id', 'desc').execute();
    let shareInfo = null;
    if (share) {
      const step = await db.selectFrom('petition_step').select('threshold').where('petition_id', '=', share.id).where('counts', '=', 'supporters').executeTakeFirst();
      shareInfo = { id: share.id, url: `${config.publicUrl}/petitions/support/${share.key}`, needed: step?.threshold ?? 0 };
    }
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(req, reply, <MinePage items={items.map((i) => ({ id: i.id, state: i.state, title: i.title, supporterCount: i.supporter_count }))} share={shareInfo} />);
  }

  r.get('/petitions/mine', { schema: { hide: true } }, async (req, reply) => mine(req, reply));

  r.post('/petitions/:id/collect', { schema: { hide: true, params: IdParams, body: EmptyBody } }, async (req, reply) => {
    const view = await ownDraft(req, req.params.id);
    const key = await startCollecting(db, view.id, ctx(req));
    runtime.store.invalidate(view.id);
    return mine(req, reply, { id: view.id, key });
  });

  r.post('/petitions/:id/share', { schema: { hide: true, params: IdParams, body: EmptyBody } }, async (req, reply) => {
    const view = await ownDraft(req, req.params.id);
    const key = await renewShareKey(db, view.id, ctx(req));
    return mine(req, reply, { id: view.id, key });
  });

  async function bySupportKey(key: string): Promise<PetitionView> {
    const id = await findByShareKey(db, key);
    const view = id ? await loadPetitionView(db, id) : null;
    if (!view) throw new AppError('petitions.not_found', { status: 404 });
    return view;
  }

  async function supportPage(req: FastifyRequest, reply: FastifyReply, key: string, notice?: string | null, status = 200) {
    const view = await bySupportKey(key);
    const step = view.steps.find((s) => s.counts === 'supporters');
    const supported = req.actor
      ? !!(await db.selectFrom('petition_supporter').select('account_id').where('petition_id', '=', view.id).where('account_id', '=', req.actor.accountId).executeTakeFirst())
      : false;
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(req, reply, <SupportPage view={view} shareKey={key} needed={step?.threshold ?? 0} signedIn={!!req.actor} notice={notice} supported={supported} />, status);
  }

  r.get('/petitions/support/:key', { schema: { hide: true, params: KeyParams } }, async (req, reply) => supportPage(req, reply, req.params.key));

  r.post('/petitions/support/:key', { schema: { hide: true, params: KeyParams, body: EmptyBody } }, async (req, reply) => {
    const actor = requireActor(req);
    if (!actor.emailVerified) throw new AppError('accounts.verification_required', { status: 403 });
    const view = await bySupportKey(req.params.key);
    const result = await supportPetition(db, view.id, actor.accountId, ctx(req));
    runtime.store.invalidate(view.id);
    const notice = result.toModeration ? req.t('petitions:support.toModeration') : result.added ? req.t('petitions:support.thanks') : req.t('petitions:support.already');
    return supportPage(req, reply, req.params.key, notice);
  });
}
