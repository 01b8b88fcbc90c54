import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import type { Actor } from '../../../shared/auth/actor.js';
import { requireActor } from '../../../shared/auth/guards.js';
import { AppError, forbidden, label, notFound, type FieldError } from '../../../shared/errors.js';
import { formErrors } from '../../../shared/http/form.js';
import { formatDate } from '../../../shared/i18n/format.js';
import { localized } from '../../../shared/views/context.js';
import { sendPage } from '../../../shared/views/render.js';
import type { CommandContext } from '../commands/common.js';
import { addInternalNote, answerFeedback, assignFeedback, extendDeadline, forwardFeedback, startWork } from '../commands/handle.js';
import { LIMITS } from '../model.js';
import { canHandle } from '../policy.js';
import { normaliseTrackingCode } from '../tracking-code.js';
import { attachmentIds, bodyMembers, findAttachment, findBodyBySlug, findContact, findStaffItem, forwardTargets, staffHistory, type StaffItem } from './item-queries.js';
import { AnswerBody, AssignBody, ExtendBody, ForwardBody, ItemParams, ItemQuery, NoteBody, PhotoParams } from './schemas.js';
import { ItemPage, itemHref, type ItemForm } from './views/item-page.js';
import './messages.js';

const FORM_ROUTE = { attachValidation: true } as const;

/** What the last action did, shown once after the redirect (post/redirect/get). */
const DONE = ['assigned', 'started', 'answered', 'extended', 'noted'] as const;
type Done = (typeof DONE)[number];

/** Command field names → this page's field names (two forms ask for "a reason"). */
const FIELD_OF: Record<ItemForm, Record<string, string>> = {
  assign: {},
  start: {},
  answer: {},
  extend: { reason: 'extend_reason' },
  forward: { reason: 'forward_reason' },
  note: { reason: 'note' },
};

/** Errors that are not about one field are shown against the form's main field. */
const MAIN_FIELD: Record<ItemForm, string> = { assign: 'assignee', start: 'start', answer: 'answer', extend: 'days', forward: 'to_body', note: 'note' };

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function formBody(req: FastifyRequest): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}

/**
 * The staff view of one item and its actions: assign, start, answer, extend, forward and
 * internal notes. Each action is a small form of its own; a refused action shows the page
 * again with the reason (4xx), a done one redirects back with a notice.
 */
export function itemRoutes(fastify: FastifyInstance, deps: Pick<AppDeps, 'db' | 'config' | 'secrets'>): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config, secrets } = deps;
  const ctx = (req: FastifyRequest): CommandContext => ({ now: req.now, publicUrl: config.publicUrl, secrets });

  /** Load → authorise: anonymous people are sent to sign in, anyone but the body's staff is refused. */
  async function loadForStaff(req: FastifyRequest): Promise<{ actor: Actor; item: StaffItem }> {
    const actor = requireActor(req);
    const code = normaliseTrackingCode((req.params as { code: string }).code);
    const item = code ? await findStaffItem(db, code) : undefined;
    if (!item) throw notFound();
    if (!canHandle(actor, item)) throw forbidden();
    return { actor, item };
  }

  async function renderItem(
    req: FastifyRequest,
    reply: FastifyReply,
    item: StaffItem,
    state: { status?: number; notice?: string | null; form?: ItemForm; errors?: FieldError[]; values?: Record<string, string>; bodiesSearch?: string } = {},
  ) {
    const [contact, photos, history, members, targets] = await Promise.all([
      findContact(db, item.id),
      attachmentIds(db, item.id),
      staffHistory(db, item.id, item.body_id),
      bodyMembers(db, item.body_id),
      forwardTargets(db, item, state.bodiesSearch),
    ]);
    return sendPage(
      req,
      reply,
      <ItemPage
        item={item}
        contact={contact}
        photos={photos}
        history={history}
        members={members}
        targets={targets}
        bodiesSearch={state.bodiesSearch ?? ''}
        notice={state.notice}
        form={state.form}
        errors={state.errors}
        values={state.values}
      />,
      state.status ?? 200,
    );
  }

  /**
   * Runs an action. Success redirects to the item (or where `fn` says); a refusal the
   * person can fix (4xx AppError) shows the page again with what they typed. Commands run
   * in one transaction, so a refused action leaves nothing half-written.
   */
  async function act(req: FastifyRequest, reply: FastifyReply, item: StaffItem, form: ItemForm, values: Record<string, string>, fn: () => Promise<string>, bodiesSearch?: string) {
    const invalid = formErrors(req);
    if (invalid.length) return renderItem(req, reply, item, { status: 400, form, errors: invalid, values, bodiesSearch });
    try {
      const location = await fn();
      return reply.redirect(location, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      const errors: FieldError[] = error.fields.length
        ? error.fields.map((f) => ({ ...f, field: FIELD_OF[form][f.field] ?? f.field }))
        : [{ field: MAIN_FIELD[form], key: error.messageKey, params: error.params }];
      // The item may have changed (someone else acted first): show it as it is now.
      const fresh = (await findStaffItem(db, item.code)) ?? item;
      return renderItem(req, reply, fresh, { status: error.status, form, errors, values, bodiesSearch });
    }
  }

  const done = (code: string, what: Done) => `${itemHref(code)}?done=${what}`;

  app.get('/inbox/items/:code', { schema: { hide: true, params: ItemParams, querystring: ItemQuery } }, async (req, reply) => {
    const { item } = await loadForStaff(req);
    const what = (DONE as readonly string[]).includes(req.query.done ?? '') ? (req.query.done as Done) : null;
    const notice = what ? req.t(`inbox:done.${what}`, { date: formatDate(item.due_at, req.lang) }) : null;
    return renderItem(req, reply, item, { notice, bodiesSearch: req.query.bodies?.trim() ?? '' });
  });

  app.get('/inbox/items/:code/photos/:id', { schema: { hide: true, params: PhotoParams } }, async (req, reply) => {
    const { item } = await loadForStaff(req);
    const photo = await findAttachment(db, item.id, req.params.id);
    if (!photo) throw notFound();
    return reply.type(photo.media_type).header('cache-control', 'private, no-store').send(photo.bytes);
  });

  app.post('/inbox/items/:code/assign', { ...FORM_ROUTE, schema: { hide: true, params: ItemParams, body: AssignBody } }, async (req, reply) => {
    const { actor, item } = await loadForStaff(req);
    const values = { assignee: str(formBody(req).assignee).trim() };
    return act(req, reply, item, 'assign', values, async () => {
      const id = values.assignee === 'me' ? actor.accountId : /^[1-9][0-9]{0,9}$/.test(values.assignee) ? Number(values.assignee) : null;
      if (!values.assignee) throw new AppError('validation_failed', { fields: [{ field: 'assignee', key: 'common:errors.field.choose', params: { field: label('inbox:field.assignee') } }] });
      if (id === null || id > 2_147_483_647) throw new AppError('feedback.not_a_member', { status: 400 });
      await assignFeedback(db, item.code, id, { accountId: actor.accountId }, ctx(req));
      return done(item.code, 'assigned');
    });
  });

  app.post('/inbox/items/:code/start', { ...FORM_ROUTE, schema: { hide: true, params: ItemParams } }, async (req, reply) => {
    const { actor, item } = await loadForStaff(req);
    return act(req, reply, item, 'start', {}, async () => {
      await startWork(db, item.code, { accountId: actor.accountId }, ctx(req));
      return done(item.code, 'started');
    });
  });

  app.post('/inbox/items/:code/answer', { ...FORM_ROUTE, schema: { hide: true, params: ItemParams, body: AnswerBody } }, async (req, reply) => {
    const { actor, item } = await loadForStaff(req);
    const body = formBody(req);
    const values = { resolution: str(body.resolution), answer: str(body.answer) };
    return act(req, reply, item, 'answer', values, async () => {
      const resolution = values.resolution === 'resolved' || values.resolution === 'rejected' ? values.resolution : null;
      const fields: FieldError[] = [];
      if (!resolution) fields.push({ field: 'resolution', key: 'common:errors.field.choose', params: { field: label('inbox:field.resolution') } });
      if (values.answer.trim().length < 10) fields.push({ field: 'answer', key: values.answer.trim() ? 'common:errors.field.tooShort' : 'common:errors.field.required', params: { field: label('inbox:field.answer'), min: 10 } });
      if (fields.length || !resolution) throw new AppError('validation_failed', { fields });
      await answerFeedback(db, item.code, { resolution, text: values.answer }, { accountId: actor.accountId }, ctx(req));
      return done(item.code, 'answered');
    });
  });

  app.post('/inbox/items/:code/extend', { ...FORM_ROUTE, schema: { hide: true, params: ItemParams, body: ExtendBody } }, async (req, reply) => {
    const { actor, item } = await loadForStaff(req);
    const body = formBody(req);
    const values = { days: str(body.days), extend_reason: str(body.extend_reason) };
    return act(req, reply, item, 'extend', values, async () => {
      const raw = values.days.trim();
      const days = /^[0-9]{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
      await extendDeadline(db, item.code, days, values.extend_reason, { accountId: actor.accountId }, ctx(req));
      return done(item.code, 'extended');
    });
  });

  app.post('/inbox/items/:code/forward', { ...FORM_ROUTE, schema: { hide: true, params: ItemParams, body: ForwardBody } }, async (req, reply) => {
    const { actor, item } = await loadForStaff(req);
    const body = formBody(req);
    const values = { to_body: str(body.to_body), forward_reason: str(body.forward_reason) };
    return act(
      req,
      reply,
      item,
      'forward',
      values,
      async () => {
        if (!values.to_body) throw new AppError('validation_failed', { fields: [{ field: 'to_body', key: 'common:errors.field.choose', params: { field: label('inbox:field.body') } }] });
        const to = await findBodyBySlug(db, values.to_body);
        if (!to) throw new AppError('feedback.unknown_body', { status: 400 });
        await forwardFeedback(db, item.code, to.id, values.forward_reason, { accountId: actor.accountId }, ctx(req));
        return `/inbox?body=${item.body_slug}&done=forwarded&code=${item.code}&to=${to.slug}`;
      },
      str(body.bodies).trim(),
    );
  });

  app.post('/inbox/items/:code/note', { ...FORM_ROUTE, schema: { hide: true, params: ItemParams, body: NoteBody } }, async (req, reply) => {
    const { actor, item } = await loadForStaff(req);
    const values = { note: str(formBody(req).note) };
    return act(req, reply, item, 'note', values, async () => {
      const note = values.note.trim();
      if (!note) throw new AppError('validation_failed', { fields: [{ field: 'note', key: 'common:errors.field.required', params: { field: label('inbox:field.note') } }] });
      if (note.length > LIMITS.reason) throw new AppError('validation_failed', { fields: [{ field: 'note', key: 'common:errors.field.tooLong', params: { field: label('inbox:field.note'), max: LIMITS.reason } }] });
      await addInternalNote(db, item.code, note, { accountId: actor.accountId }, ctx(req));
      return done(item.code, 'noted');
    });
  });
}

/** The notice after forwarding, shown on the inbox the item left. */
export async function forwardedNotice(db: AppDeps['db'], req: FastifyRequest, code: string | undefined, toSlug: string | undefined): Promise<string | null> {
  const canonical = code ? normaliseTrackingCode(code) : null;
  const to = toSlug ? await findBodyBySlug(db, toSlug) : undefined;
  if (!canonical || !to) return null;
  return req.t('inbox:done.forwarded', { code: `${canonical.slice(0, 4)}-${canonical.slice(4)}`, body: localized(req.lang, to.nameMn, to.nameEn) });
}
