import { sql } from 'kysely';
import { AppError, label } from '../../../shared/errors.js';
import type { Db } from '../../../shared/db/database.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { searchableText } from '../../places/transliterate.js';
import { feedbackPublished, feedbackSubject, feedbackWithheld } from '../events.js';
import { LIMITS } from '../model.js';
import { addHistory, invalidTransition, lockItem, type CommandContext } from './common.js';

/**
 * A moderator publishes a public item with a title and summary from which personal data
 * has been removed. Publishing again (a correction) makes a new version; every version
 * stays in the public record.
 */
export async function publishFeedback(db: Db, code: string, text: { title: string; summary: string }, moderatorId: number, ctx: CommandContext): Promise<number> {
  const title = text.title.trim();
  const summary = text.summary.trim();
  const fields = [];
  if (!title) fields.push({ field: 'title', key: 'common:errors.field.required', params: { field: label('feedback:field.title') } });
  if (title.length > LIMITS.title) fields.push({ field: 'title', key: 'common:errors.field.tooLong', params: { field: label('feedback:field.title'), max: LIMITS.title } });
  if (!summary) fields.push({ field: 'summary', key: 'common:errors.field.required', params: { field: label('feedback:field.description') } });
  if (summary.length > LIMITS.description) fields.push({ field: 'summary', key: 'common:errors.field.tooLong', params: { field: label('feedback:field.description'), max: LIMITS.description } });
  if (fields.length) throw new AppError('validation_failed', { fields });
  return db.transaction().execute(async (tx) => {
    const item = await lockItem(tx, code);
    if (item.publication === 'private') throw invalidTransition();
    const previous = await tx
      .selectFrom('feedback_event')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('item_id', '=', item.id)
      .where('type', '=', 'published')
      .executeTakeFirstOrThrow();
    const version = Number(previous.n) + 1;
    await tx
      .updateTable('feedback_item')
      .set({
        publication: 'published',
        public_title: title,
        public_summary: summary,
        search: sql`to_tsvector('simple', ${searchableText(`${title} ${summary}`)})`,
        updated_at: ctx.now,
      })
      .where('id', '=', item.id)
      .execute();
    await addHistory(tx, { item_id: item.id, type: 'published', at: ctx.now, actor_id: moderatorId, data: JSON.stringify({ version }) });
    await appendPublicEvent(tx, { kind: feedbackPublished, subject: feedbackSubject(code), occurredAt: ctx.now, payload: { code, version, title, summary } });
    return version;
  });
}

/** A moderator keeps a public item's text off the site (personal data that cannot be removed, abuse). Its status stays public. */
export async function withholdFeedback(db: Db, code: string, reason: string, moderatorId: number, ctx: CommandContext): Promise<void> {
  const text = reason.trim();
  if (text.length < 5 || text.length > LIMITS.reason) throw new AppError('validation_failed', { fields: [{ field: 'reason', key: 'common:errors.field.tooShort', params: { field: label('feedback:field.reason'), min: 5 } }] });
  await db.transaction().execute(async (tx) => {
    const item = await lockItem(tx, code);
    if (item.publication === 'private' || item.publication === 'withheld') throw invalidTransition();
    await tx.updateTable('feedback_item').set({ publication: 'withheld', search: null, updated_at: ctx.now }).where('id', '=', item.id).execute();
    // The moderator's reason may quote the personal data in question, so it stays internal.
    await addHistory(tx, { item_id: item.id, type: 'withheld', at: ctx.now, actor_id: moderatorId, text, is_public: false });
    await appendPublicEvent(tx, { kind: feedbackWithheld, subject: feedbackSubject(code), occurredAt: ctx.now, payload: { code } });
  });
}
