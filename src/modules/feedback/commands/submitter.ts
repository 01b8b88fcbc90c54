import { AppError, label } from '../../../shared/errors.js';
import type { Db } from '../../../shared/db/database.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { computeDueAt } from '../deadlines.js';
import { feedbackClosed, feedbackEscalated, feedbackRated, feedbackReopened, feedbackSubject } from '../events.js';
import { isOverdue, LIMITS } from '../model.js';
import { addHistory, invalidTransition, loadBody, lockItem, type CommandContext } from './common.js';

function reasonText(value: string): string {
  const text = value.trim();
  if (text.length < 5) throw new AppError('validation_failed', { fields: [{ field: 'reason', key: 'common:errors.field.tooShort', params: { field: label('feedback:field.reason'), min: 5 } }] });
  if (text.length > LIMITS.reason) throw new AppError('validation_failed', { fields: [{ field: 'reason', key: 'common:errors.field.tooLong', params: { field: label('feedback:field.reason'), max: LIMITS.reason } }] });
  return text;
}

/**
 * The submitter says whether the answer solved the problem. Satisfied closes the item;
 * not satisfied leaves it answered, so the submitter may reopen or escalate it.
 */
export async function rateAnswer(db: Db, code: string, satisfaction: 'satisfied' | 'unsatisfied', ctx: CommandContext): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const item = await lockItem(tx, code);
    if (item.status !== 'answered') throw invalidTransition();
    const body = await loadBody(tx, item.body_id);
    const closes = satisfaction === 'satisfied';
    await tx
      .updateTable('feedback_item')
      .set({ satisfaction, rated_at: ctx.now, status: closes ? 'closed' : 'answered', closed_at: closes ? ctx.now : null, updated_at: ctx.now })
      .where('id', '=', item.id)
      .execute();
    await addHistory(tx, { item_id: item.id, type: 'rated', at: ctx.now, body_id: item.body_id, data: JSON.stringify({ satisfaction }) });
    await appendPublicEvent(tx, { kind: feedbackRated, subject: feedbackSubject(code), occurredAt: ctx.now, payload: { code, body: body.slug, satisfaction } });
    if (closes) {
      await addHistory(tx, { item_id: item.id, type: 'closed', at: ctx.now, body_id: item.body_id });
      await appendPublicEvent(tx, { kind: feedbackClosed, subject: feedbackSubject(code), occurredAt: ctx.now, payload: { code, body: body.slug } });
    }
  });
}

/** Once, after an unsatisfying answer: the same body must answer again within a fresh period. */
export async function reopenFeedback(db: Db, code: string, reason: string, ctx: CommandContext): Promise<Date> {
  const text = reasonText(reason);
  return db.transaction().execute(async (tx) => {
    const item = await lockItem(tx, code);
    if (item.status !== 'answered') throw invalidTransition();
    if (item.reopened_at) throw new AppError('feedback.already_reopened', { status: 409 });
    const body = await loadBody(tx, item.body_id);
    const dueAt = await computeDueAt(tx, item.kind, item.body_id, ctx.now);
    await tx
      .updateTable('feedback_item')
      .set({
        status: 'in_progress',
        reopened_at: ctx.now,
        due_at: dueAt,
        resolution: null,
        answered_at: null,
        answer_text: null,
        satisfaction: item.satisfaction ?? 'unsatisfied',
        updated_at: ctx.now,
      })
      .where('id', '=', item.id)
      .execute();
    await addHistory(tx, { item_id: item.id, type: 'reopened', at: ctx.now, body_id: item.body_id, text, data: JSON.stringify({ due_at: dueAt.toISOString() }) });
    await appendPublicEvent(tx, { kind: feedbackReopened, subject: feedbackSubject(code), occurredAt: ctx.now, payload: { code, body: body.slug, due_at: dueAt.toISOString() } });
    return dueAt;
  });
}

/**
 * Once: sends the item to the superior body, after an unsatisfying answer or when the
 * body let the deadline pass. The superior body gets a fresh full period.
 */
export async function escalateFeedback(db: Db, code: string, reason: string, ctx: CommandContext): Promise<{ toBodyId: number; dueAt: Date }> {
  const text = reasonText(reason);
  return db.transaction().execute(async (tx) => {
    const item = await lockItem(tx, code);
    const overdue = isOverdue(item, ctx.now);
    if (item.status !== 'answered' && !overdue) throw invalidTransition();
    if (item.escalated_at) throw new AppError('feedback.already_escalated', { status: 409 });
    const from = await loadBody(tx, item.body_id);
    if (!from.superior_body_id) throw new AppError('feedback.no_superior_body', { status: 409 });
    const to = await loadBody(tx, from.superior_body_id);
    const dueAt = await computeDueAt(tx, item.kind, to.id, ctx.now);
    await tx
      .updateTable('feedback_item')
      .set({
        body_id: to.id,
        status: 'received',
        assignee_id: null,
        escalated_at: ctx.now,
        due_at: dueAt,
        resolution: null,
        answered_at: null,
        answer_text: null,
        satisfaction: item.status === 'answered' ? (item.satisfaction ?? 'unsatisfied') : item.satisfaction,
        updated_at: ctx.now,
      })
      .where('id', '=', item.id)
      .execute();
    await addHistory(tx, { item_id: item.id, type: 'escalated', at: ctx.now, body_id: from.id, to_body_id: to.id, text, data: JSON.stringify({ due_at: dueAt.toISOString(), overdue }) });
    await appendPublicEvent(tx, { kind: feedbackEscalated, subject: feedbackSubject(code), occurredAt: ctx.now, payload: { code, from_body: from.slug, to_body: to.slug, due_at: dueAt.toISOString() } });
    return { toBodyId: to.id, dueAt };
  });
}

/** How long an answered item waits for the submitter's rating before it closes by itself. */
export const AUTO_CLOSE_DAYS = 30;

/** Closes answered items nobody rated within 30 days (a daily job, given the time it runs for). */
export async function closeUnratedItems(db: Db, at: Date, limit = 500): Promise<number> {
  const cutoff = new Date(at.getTime() - AUTO_CLOSE_DAYS * 86_400_000);
  const stale = await db.selectFrom('feedback_item').select('code').where('status', '=', 'answered').where('answered_at', '<', cutoff).limit(limit).execute();
  let closed = 0;
  for (const { code } of stale) {
    await db.transaction().execute(async (tx) => {
      const item = await lockItem(tx, code);
      if (item.status !== 'answered' || !item.answered_at || item.answered_at >= cutoff) return;
      const body = await loadBody(tx, item.body_id);
      await tx.updateTable('feedback_item').set({ status: 'closed', closed_at: at, updated_at: at }).where('id', '=', item.id).execute();
      await addHistory(tx, { item_id: item.id, type: 'closed', at, body_id: item.body_id, data: JSON.stringify({ automatic: true }) });
      await appendPublicEvent(tx, { kind: feedbackClosed, subject: feedbackSubject(code), occurredAt: at, payload: { code, body: body.slug } });
      closed++;
    });
  }
  return closed;
}
