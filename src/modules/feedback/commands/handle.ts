import { AppError, label } from '../../../shared/errors.js';
import type { Db } from '../../../shared/db/database.js';
import { enqueueEmail } from '../../../shared/mail/email.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { extendedDueAt } from '../deadlines.js';
import { feedbackAnsweredEmail, feedbackExtendedEmail, feedbackForwardedEmail } from '../emails.js';
import { feedbackAnswered, feedbackAssigned, feedbackExtended, feedbackForwarded, feedbackStarted, feedbackSubject } from '../events.js';
import { isOpen, LIMITS } from '../model.js';
import { submitterKeyFor } from '../submitter-key.js';
import { managePath, trackPath } from '../urls.js';
import { addHistory, contactEmail, invalidTransition, itemLang, loadBody, lockItem, type CommandContext } from './common.js';

/** The member of staff acting, and the body they act for (checked by the caller's policy). */
export interface StaffActor {
  accountId: number;
}

function requireText(value: string, field: string, max: number, min = 1): string {
  const text = value.trim();
  if (text.length < min) throw new AppError('validation_failed', { fields: [{ field, key: min > 1 ? 'common:errors.field.tooShort' : 'common:errors.field.required', params: { field: label(`feedback:field.${field}`), min } }] });
  if (text.length > max) throw new AppError('validation_failed', { fields: [{ field, key: 'common:errors.field.tooLong', params: { field: label(`feedback:field.${field}`), max } }] });
  return text;
}

/** Gives the item to a colleague in the same body. */
export async function assignFeedback(db: Db, code: string, assigneeId: number, actor: StaffActor, ctx: CommandContext): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const item = await lockItem(tx, code);
    if (!isOpen(item.status)) throw invalidTransition();
    const member = await tx.selectFrom('membership').select('role').where('account_id', '=', assigneeId).where('organisation_id', '=', item.body_id).executeTakeFirst();
    if (!member) throw new AppError('feedback.not_a_member', { status: 400 });
    const body = await loadBody(tx, item.body_id);
    await tx
      .updateTable('feedback_item')
      .set({ assignee_id: assigneeId, status: item.status === 'in_progress' ? 'in_progress' : 'assigned', updated_at: ctx.now })
      .where('id', '=', item.id)
      .execute();
    await addHistory(tx, { item_id: item.id, type: 'assigned', at: ctx.now, actor_id: actor.accountId, body_id: item.body_id });
    if (item.status === 'received') {
      await appendPublicEvent(tx, { kind: feedbackAssigned, subject: feedbackSubject(code), occurredAt: ctx.now, payload: { code, body: body.slug } });
    }
  });
}

/** Marks that work on the item has begun. */
export async function startWork(db: Db, code: string, actor: StaffActor, ctx: CommandContext): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const item = await lockItem(tx, code);
    if (item.status !== 'received' && item.status !== 'assigned') throw invalidTransition();
    const body = await loadBody(tx, item.body_id);
    await tx
      .updateTable('feedback_item')
      .set({ status: 'in_progress', assignee_id: item.assignee_id ?? actor.accountId, updated_at: ctx.now })
      .where('id', '=', item.id)
      .execute();
    await addHistory(tx, { item_id: item.id, type: 'started', at: ctx.now, actor_id: actor.accountId, body_id: item.body_id });
    await appendPublicEvent(tx, { kind: feedbackStarted, subject: feedbackSubject(code), occurredAt: ctx.now, payload: { code, body: body.slug } });
  });
}

/**
 * Sends the item to the body that is really responsible. The legal deadline keeps
 * running from the day the citizen sent it: forwarding must not buy time.
 */
export async function forwardFeedback(db: Db, code: string, toBodyId: number, reason: string, actor: StaffActor, ctx: CommandContext): Promise<void> {
  const text = requireText(reason, 'reason', LIMITS.reason, 5);
  await db.transaction().execute(async (tx) => {
    const item = await lockItem(tx, code);
    if (!isOpen(item.status)) throw invalidTransition();
    if (toBodyId === item.body_id) throw new AppError('feedback.same_body', { status: 400 });
    const from = await loadBody(tx, item.body_id);
    const to = await loadBody(tx, toBodyId);
    await tx
      .updateTable('feedback_item')
      .set({ body_id: to.id, status: 'received', assignee_id: null, updated_at: ctx.now })
      .where('id', '=', item.id)
      .execute();
    await addHistory(tx, { item_id: item.id, type: 'forwarded', at: ctx.now, actor_id: actor.accountId, body_id: from.id, to_body_id: to.id, text });
    await appendPublicEvent(tx, { kind: feedbackForwarded, subject: feedbackSubject(code), occurredAt: ctx.now, payload: { code, from_body: from.slug, to_body: to.slug } });
    const email = await contactEmail(tx, item.id);
    if (email) {
      await enqueueEmail(tx, feedbackForwardedEmail, email, itemLang(item), {
        code,
        title: item.title,
        from: { mn: from.name_mn, en: from.name_en },
        to: { mn: to.name_mn, en: to.name_en },
        reason: text,
        trackUrl: ctx.publicUrl + trackPath(code),
      });
    }
  });
}

/** The one extension the law allows: up to 30 days, with a reason the submitter is told. */
export async function extendDeadline(db: Db, code: string, days: number, reason: string, actor: StaffActor, ctx: CommandContext): Promise<Date> {
  if (!Number.isInteger(days) || days < 1 || days > LIMITS.extensionDays) {
    throw new AppError('validation_failed', { fields: [{ field: 'days', key: 'feedback:errors.extension_days' }] });
  }
  const text = requireText(reason, 'reason', LIMITS.reason, 5);
  return db.transaction().execute(async (tx) => {
    const item = await lockItem(tx, code);
    if (!isOpen(item.status)) throw invalidTransition();
    if (item.extended_at) throw new AppError('feedback.already_extended', { status: 409 });
    // The law allows extending a running deadline; extending a missed one would hide that it was missed.
    if (ctx.now.getTime() > item.due_at.getTime()) throw new AppError('feedback.extension_too_late', { status: 409 });
    const body = await loadBody(tx, item.body_id);
    const dueAt = await extendedDueAt(tx, item.kind, item.body_id, item.due_at, days);
    await tx
      .updateTable('feedback_item')
      .set({ due_at: dueAt, extended_at: ctx.now, extension_reason: text, updated_at: ctx.now })
      .where('id', '=', item.id)
      .execute();
    await addHistory(tx, {
      item_id: item.id,
      type: 'extended',
      at: ctx.now,
      actor_id: actor.accountId,
      body_id: item.body_id,
      text,
      data: JSON.stringify({ days, previous_due_at: item.due_at.toISOString(), due_at: dueAt.toISOString() }),
    });
    await appendPublicEvent(tx, { kind: feedbackExtended, subject: feedbackSubject(code), occurredAt: ctx.now, payload: { code, body: body.slug, days, due_at: dueAt.toISOString() } });
    const email = await contactEmail(tx, item.id);
    if (email) {
      await enqueueEmail(tx, feedbackExtendedEmail, email, itemLang(item), {
        code,
        title: item.title,
        body: { mn: body.name_mn, en: body.name_en },
        dueAt: dueAt.toISOString(),
        reason: text,
        trackUrl: ctx.publicUrl + trackPath(code),
      });
    }
    return dueAt;
  });
}

/** The body's answer: resolved, or rejected with the reason in words. */
export async function answerFeedback(
  db: Db,
  code: string,
  answer: { resolution: 'resolved' | 'rejected'; text: string },
  actor: StaffActor,
  ctx: CommandContext,
): Promise<void> {
  const text = requireText(answer.text, 'answer', LIMITS.answer, 10);
  await db.transaction().execute(async (tx) => {
    const item = await lockItem(tx, code);
    if (!isOpen(item.status)) throw invalidTransition();
    const body = await loadBody(tx, item.body_id);
    const onTime = ctx.now.getTime() <= item.due_at.getTime();
    await tx
      .updateTable('feedback_item')
      .set({ status: 'answered', resolution: answer.resolution, answered_at: ctx.now, answer_text: text, satisfaction: null, rated_at: null, updated_at: ctx.now })
      .where('id', '=', item.id)
      .execute();
    await addHistory(tx, {
      item_id: item.id,
      type: 'answered',
      at: ctx.now,
      actor_id: actor.accountId,
      body_id: item.body_id,
      text,
      data: JSON.stringify({ resolution: answer.resolution, on_time: onTime, due_at: item.due_at.toISOString() }),
    });
    await appendPublicEvent(tx, { kind: feedbackAnswered, subject: feedbackSubject(code), occurredAt: ctx.now, payload: { code, body: body.slug, resolution: answer.resolution, on_time: onTime } });
    const email = await contactEmail(tx, item.id);
    if (email) {
      await enqueueEmail(tx, feedbackAnsweredEmail, email, itemLang(item), {
        code,
        title: item.title,
        body: { mn: body.name_mn, en: body.name_en },
        resolution: answer.resolution,
        answer: text,
        manageUrl: ctx.publicUrl + managePath(code, submitterKeyFor(ctx.secrets, code)),
      });
    }
  });
}

/** A note visible only inside the body. */
export async function addInternalNote(db: Db, code: string, note: string, actor: StaffActor, ctx: CommandContext): Promise<void> {
  const text = requireText(note, 'reason', LIMITS.reason);
  await db.transaction().execute(async (tx) => {
    const item = await lockItem(tx, code);
    await addHistory(tx, { item_id: item.id, type: 'note', at: ctx.now, actor_id: actor.accountId, body_id: item.body_id, text, is_public: false });
    await tx.updateTable('feedback_item').set({ updated_at: ctx.now }).where('id', '=', item.id).execute();
  });
}
