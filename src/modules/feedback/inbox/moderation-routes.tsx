import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import type { Actor } from '../../../shared/auth/actor.js';
import { requireActor } from '../../../shared/auth/guards.js';
import { AppError, forbidden, notFound, type FieldError } from '../../../shared/errors.js';
import { sendPage } from '../../../shared/views/render.js';
import { publishFeedback, withholdFeedback } from '../commands/moderate.js';
import { canModerate } from '../policy.js';
import { formatTrackingCode, normaliseTrackingCode } from '../tracking-code.js';
import { findForModeration, moderationQueue, pendingCount } from './moderation-queries.js';
import { decodeCursor } from './queries.js';
import { ItemParams, ModerationQuery, PublishBody, WithholdBody } from './schemas.js';
import { ModerationItemPage, ModerationPage, modField, type ModerationPanelProps } from './views/moderation-page.js';
import './messages.js';

function requireModerator(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (!canModerate(actor)) throw forbidden();
  return actor;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Moderation (/moderation): items whose senders agreed to publication wait here, oldest
 * first, until a moderator publishes a version without personal data or withholds them.
 * A published item can be corrected: publishing again makes a new version.
 */
export function moderationRoutes(fastify: FastifyInstance, deps: Pick<AppDeps, 'db' | 'config' | 'secrets'>): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config, secrets } = deps;
  const ctx = (req: FastifyRequest) => ({ now: req.now, publicUrl: config.publicUrl, secrets });

  async function loadItem(req: FastifyRequest) {
    const code = normaliseTrackingCode((req.params as { code: string }).code);
    const item = code ? await findForModeration(db, code) : undefined;
    if (!item) throw notFound();
    return item;
  }

  async function renderQueue(req: FastifyRequest, reply: FastifyReply, state: { notice?: string | null; errors?: FieldError[]; code?: string; status?: number; after?: string; before?: string } = {}) {
    const [count, page] = await Promise.all([pendingCount(db), moderationQueue(db, { after: decodeCursor(state.after), before: decodeCursor(state.before) })]);
    return sendPage(req, reply, <ModerationPage count={count} items={page.items} next={page.next} prev={page.prev} notice={state.notice} errors={state.errors} code={state.code} />, state.status ?? 200);
  }

  app.get('/moderation', { schema: { hide: true, querystring: ModerationQuery } }, async (req, reply) => {
    requireModerator(req);
    const { done, code, version } = req.query;
    const canonical = code ? normaliseTrackingCode(code) : null;
    let notice: string | null = null;
    if (canonical && done === 'published') notice = req.t('inbox:done.published', { code: formatTrackingCode(canonical), version: Number(version) || 1 });
    if (canonical && done === 'withheld') notice = req.t('inbox:done.withheld', { code: formatTrackingCode(canonical) });
    return renderQueue(req, reply, { notice, after: req.query.after, before: req.query.before });
  });

  /** "Correct a published item": finds it by the code the moderator types. */
  app.get('/moderation/find', { schema: { hide: true, querystring: ModerationQuery } }, async (req, reply) => {
    requireModerator(req);
    const typed = req.query.code ?? '';
    const code = normaliseTrackingCode(typed);
    const item = code ? await findForModeration(db, code) : undefined;
    if (!code || !item) {
      const key = code ? 'feedback:errors.not_found' : 'feedback:errors.bad_code';
      return renderQueue(req, reply, { errors: [{ field: 'code', key }], code: typed, status: code ? 404 : 400 });
    }
    return reply.redirect(`/moderation/items/${item.code}`, 303);
  });

  app.get('/moderation/items/:code', { schema: { hide: true, params: ItemParams, querystring: ModerationQuery } }, async (req, reply) => {
    requireModerator(req);
    const item = await loadItem(req);
    const { done, version } = req.query;
    const notice =
      done === 'published'
        ? req.t('inbox:done.published', { code: formatTrackingCode(item.code), version: Number(version) || item.version })
        : done === 'withheld'
          ? req.t('inbox:done.withheld', { code: formatTrackingCode(item.code) })
          : null;
    return sendPage(req, reply, <ModerationItemPage item={item} notice={notice} />);
  });

  /** After an action: back to the queue, or to the item when the moderator came from its page. */
  function after(body: Record<string, unknown>, code: string, done: 'published' | 'withheld', version?: number): string {
    const v = version ? `&version=${version}` : '';
    return body.back === 'item' ? `/moderation/items/${code}?done=${done}${v}` : `/moderation?done=${done}&code=${code}${v}`;
  }

  async function refused(req: FastifyRequest, reply: FastifyReply, code: string, error: unknown, values: ModerationPanelProps['values']) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    const field = (f: string) => modField(code, f === 'summary' ? 'summary' : f === 'title' ? 'title' : 'reason');
    const errors: FieldError[] = error.fields.length
      ? error.fields.map((f) => ({ ...f, field: field(f.field) }))
      : [{ field: values?.reason !== undefined ? field('reason') : field('title'), key: error.messageKey, params: error.params }];
    const fresh = await findForModeration(db, code);
    if (!fresh) throw notFound();
    return sendPage(req, reply, <ModerationItemPage item={fresh} errors={errors} values={values} />, error.status);
  }

  app.post('/moderation/items/:code/publish', { attachValidation: true, schema: { hide: true, params: ItemParams, body: PublishBody } }, async (req, reply) => {
    const actor = requireModerator(req);
    const item = await loadItem(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = { title: str(body.public_title), summary: str(body.public_summary) };
    try {
      const version = await publishFeedback(db, item.code, values, actor.accountId, ctx(req));
      return reply.redirect(after(body, item.code, 'published', version), 303);
    } catch (error) {
      return refused(req, reply, item.code, error, values);
    }
  });

  app.post('/moderation/items/:code/withhold', { attachValidation: true, schema: { hide: true, params: ItemParams, body: WithholdBody } }, async (req, reply) => {
    const actor = requireModerator(req);
    const item = await loadItem(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values = { reason: str(body.withhold_reason) };
    try {
      await withholdFeedback(db, item.code, values.reason, actor.accountId, ctx(req));
      return reply.redirect(after(body, item.code, 'withheld'), 303);
    } catch (error) {
      return refused(req, reply, item.code, error, values);
    }
  });
}
