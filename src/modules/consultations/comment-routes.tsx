import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requireVerified } from '../../shared/auth/guards.js';
import { AppError, forbidden, type FieldError } from '../../shared/errors.js';
import { formErrors } from '../../shared/http/form.js';
import { sendPage } from '../../shared/views/render.js';
import { flagComment, submitComment, supportComment, withdrawSupport } from './commands/comments.js';
import { follow, subscriptionByToken, unfollow, unsubscribeByToken } from './commands/follow.js';
import { ctxOf, formBody, idOf, intOf, loadReadable, returnPath, str, withDone, type Readable } from './http.js';
import type { Renderers } from './pages.js';
import { canSpeakFor } from './policy.js';
import { CommentBody, CommentParams, FlagBody, IdParams, ReturnBody, TokenQuery, UnsubscribeBody, EmptyBody } from './schemas.js';
import { articlePath, commentAnchor, commentPath, consultationPath, generalCommentsPath } from './urls.js';
import { UnsubscribePage } from './views/staff-pages.js';

type Deps = Pick<AppDeps, 'db' | 'config'>;

const FORM = { attachValidation: true } as const;

/**
 * Taking part: commenting (as oneself or for one's CSO), supporting, reporting a comment
 * to the moderators, following a consultation and the unsubscribe link of its emails.
 * Each needs a signed-in account with a confirmed address; a refused comment shows its
 * page again with the reason and what was typed (4xx), nothing saved.
 */
export function commentRoutes(app: FastifyInstance, deps: Deps, pages: Renderers): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = deps;

  /** The page the comment form was on: an article page or the draft-as-a-whole page. */
  function formPage(rd: Readable, returnTo: string): { article: number } | 'general' {
    const m = /^\/consultations\/\d+\/articles\/(\d{1,10})$/.exec(returnTo);
    const unit = m ? intOf(m[1]) : null;
    return unit ? { article: unit } : 'general';
  }

  r.post('/consultations/:id/comments', { ...FORM, schema: { hide: true, params: IdParams, body: CommentBody } }, async (req, reply) => {
    const actor = requireVerified(req);
    const rd = await loadReadable(db, req, req.params.id);
    const body = formBody(req);
    const values = { unit: str(body.unit), text: str(body.text), on_behalf: str(body.on_behalf), place: str(body.place) };
    const returnTo = returnPath(str(body.return_to), rd.c.id, generalCommentsPath(rd.c.id));
    const target = formPage(rd, returnTo);
    const show = (errors: FieldError[], status: number) =>
      target === 'general' ? pages.renderGeneral(req, reply, rd, { values, errors, status }) : pages.renderArticle(req, reply, rd, target.article, null, { values, errors, status });

    const invalid = formErrors(req);
    if (invalid.length) return show(invalid, 400);
    const organisationId = values.on_behalf ? intOf(values.on_behalf) : null;
    // Speaking for an organisation one does not belong to is refused outright.
    if (values.on_behalf && (organisationId === null || !canSpeakFor(actor, organisationId))) throw forbidden();
    const unitId = values.unit ? (intOf(values.unit) ?? -1) : null;
    try {
      const result = await submitComment(db, rd.c.id, { unitId, text: values.text, organisationId, placeCode: values.place || null }, actor, ctxOf(req, config.publicUrl));
      const back = target === 'general' ? generalCommentsPath(rd.c.id) : articlePath(rd.c.id, target.article);
      return reply.redirect(withDone(back, result.status === 'published' ? 'comment_published' : 'comment_held', result.status === 'published' ? commentAnchor(result.id) : ''), 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 401 || error.status === 403) throw error;
      const errors: FieldError[] = error.fields.length ? error.fields : [{ field: 'text', key: error.messageKey, params: error.params }];
      // A comment on an article that does not exist: there is no article page to show it on.
      if (error.code === 'consultations.unknown_article' && target !== 'general') {
        const exists = await db.selectFrom('consultation_unit').where('id', '=', target.article).where('consultation_id', '=', rd.c.id).select('id').executeTakeFirst();
        if (!exists) return pages.renderGeneral(req, reply, rd, { values: { ...values, unit: '' }, errors, status: error.status });
      }
      return show(errors, error.status);
    }
  });

  async function supportAction(req: FastifyRequest, reply: FastifyReply, kind: 'support' | 'unsupport') {
    const actor = requireVerified(req);
    const params = req.params as { id: string; comment: string };
    const rd = await loadReadable(db, req, params.id);
    const commentId = idOf(params.comment);
    const ctx = ctxOf(req, config.publicUrl);
    if (kind === 'support') await supportComment(db, rd.c.id, commentId, actor, ctx);
    else await withdrawSupport(db, rd.c.id, commentId, actor, ctx);
    const back = returnPath(str(formBody(req).return_to), rd.c.id, commentPath(rd.c.id, commentId));
    return reply.redirect(withDone(back, kind === 'support' ? 'supported' : 'unsupported', commentAnchor(commentId)), 303);
  }

  r.post('/consultations/:id/comments/:comment/support', { schema: { hide: true, params: CommentParams, body: ReturnBody } }, (req, reply) => supportAction(req, reply, 'support'));
  r.post('/consultations/:id/comments/:comment/unsupport', { schema: { hide: true, params: CommentParams, body: ReturnBody } }, (req, reply) => supportAction(req, reply, 'unsupport'));

  r.post('/consultations/:id/comments/:comment/flag', { ...FORM, schema: { hide: true, params: CommentParams, body: FlagBody } }, async (req, reply) => {
    const actor = requireVerified(req);
    const rd = await loadReadable(db, req, req.params.id);
    const commentId = idOf(req.params.comment);
    try {
      await flagComment(db, rd.c.id, commentId, str(formBody(req).reason), actor, ctxOf(req, config.publicUrl));
      return reply.redirect(withDone(commentPath(rd.c.id, commentId), 'flagged'), 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500 || error.status === 404) throw error;
      const errors: FieldError[] = error.fields.length ? error.fields : [{ field: 'reason', key: error.messageKey, params: error.params }];
      return pages.renderComment(req, reply, rd, commentId, { errors, status: error.status });
    }
  });

  r.post('/consultations/:id/follow', { schema: { hide: true, params: IdParams, body: EmptyBody } }, async (req, reply) => {
    const actor = requireVerified(req);
    const rd = await loadReadable(db, req, req.params.id);
    await follow(db, rd.c.id, actor, ctxOf(req, config.publicUrl));
    return reply.redirect(withDone(consultationPath(rd.c.id), 'followed'), 303);
  });

  r.post('/consultations/:id/unfollow', { schema: { hide: true, params: IdParams, body: EmptyBody } }, async (req, reply) => {
    const actor = requireVerified(req);
    const rd = await loadReadable(db, req, req.params.id);
    await unfollow(db, rd.c.id, actor, ctxOf(req, config.publicUrl));
    return reply.redirect(withDone(consultationPath(rd.c.id), 'unfollowed'), 303);
  });

  // The link in every email: a page that asks, then a post that acts (no sign-in needed).
  r.get('/consultations/:id/unsubscribe', { schema: { hide: true, params: IdParams, querystring: TokenQuery } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    const token = (req.query.token ?? '').slice(0, 100);
    const subscription = await subscriptionByToken(db, rd.c.id, token);
    if (!subscription) throw new AppError('consultations.bad_unsubscribe_link', { status: 404 });
    return sendPage(req, reply, <UnsubscribePage c={rd.c} token={token} done={subscription.state === 'muted'} />);
  });

  r.post('/consultations/:id/unsubscribe', { schema: { hide: true, params: IdParams, body: UnsubscribeBody } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    const token = str(formBody(req).token).slice(0, 100);
    await unsubscribeByToken(db, rd.c.id, token, ctxOf(req, config.publicUrl));
    return sendPage(req, reply, <UnsubscribePage c={rd.c} token={token} done />);
  });
}
