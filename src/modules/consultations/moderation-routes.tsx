import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../../shared/auth/guards.js';
import { forbidden, type FieldError } from '../../shared/errors.js';
import { formErrors } from '../../shared/http/form.js';
import { sendPage } from '../../shared/views/render.js';
import { moderationQueue, moderationQueueSize } from './comment-queries.js';
import { moderateComment } from './commands/moderation.js';
import { act, ctxOf, formBody, idOf, notFoundConsultation, str } from './http.js';
import { canModerate } from './policy.js';
import { DoneQuery, ModerationBody, ModerationParams } from './schemas.js';
import { ModerationItemPage, ModerationQueuePage } from './views/moderation-pages.js';

type Deps = Pick<AppDeps, 'db' | 'config'>;

/**
 * Moderators' queue of comments held by screening (personal data, links) or reported by
 * readers, and the decision on each: publish, redact, reject, keep or remove, with a reason.
 */
export function moderationRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = deps;

  const moderator = (req: Parameters<typeof requireActor>[0]) => {
    const actor = requireActor(req);
    if (!canModerate(actor)) throw forbidden();
    return actor;
  };

  r.get('/consultations/moderation', { schema: { hide: true, querystring: DoneQuery } }, async (req, reply) => {
    moderator(req);
    const [items, total] = await Promise.all([moderationQueue(db), moderationQueueSize(db)]);
    return sendPage(req, reply, <ModerationQueuePage items={items} total={total} notice={req.query.done === 'decided' ? req.t('consultations:done.decided') : null} />);
  });

  async function item(commentParam: string) {
    const id = idOf(commentParam);
    // Only comments awaiting a decision open here.
    const [found] = await moderationQueue(db, 1, id);
    if (!found) throw notFoundConsultation();
    return found;
  }

  r.get('/consultations/moderation/:comment', { schema: { hide: true, params: ModerationParams } }, async (req, reply) => {
    moderator(req);
    return sendPage(req, reply, <ModerationItemPage item={await item(req.params.comment)} values={{}} errors={[]} />);
  });

  r.post('/consultations/moderation/:comment', { attachValidation: true, schema: { hide: true, params: ModerationParams, body: ModerationBody } }, async (req, reply) => {
    const actor = moderator(req);
    const found = await item(req.params.comment);
    const body = formBody(req);
    const values = { action: str(body.action), reason: str(body.reason), note: str(body.note), text: str(body.text) };
    const show = (errors: FieldError[], status: number) => sendPage(req, reply, <ModerationItemPage item={found} values={values} errors={errors} />, status);
    const invalid = formErrors(req);
    if (invalid.length) return show(invalid, 400);
    return act(
      reply,
      async () => {
        await moderateComment(db, found.id, values, actor.accountId, ctxOf(req, config.publicUrl));
        return '/consultations/moderation?done=decided';
      },
      show,
      'action',
    );
  });
}
