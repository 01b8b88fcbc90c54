import type { Db } from '../../../shared/db/database.js';
import { AppError, label } from '../../../shared/errors.js';
import { enqueueEmail } from '../../../shared/mail/email.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { decisionEmail } from '../emails.js';
import { petitionPublished, petitionRejected, petitionSubject } from '../events.js';
import { bodyRules, closingTime } from '../ladder.js';
import { LIMITS, REJECTION_REASONS, TEXT_HIDDEN_REASONS, type Reason } from '../model.js';
import { petitionPath } from '../model.js';
import { lockPetition, requireState, type CommandContext } from './common.js';

async function creatorMail(db: Db, creatorId: number) {
  return db.selectFrom('account').select(['email', 'preferred_lang']).where('id', '=', creatorId).executeTakeFirstOrThrow();
}

/**
 * A moderator publishes a petition that meets the standards: it opens for votes at once,
 * for its body's open period, with its body's minimum verification level (both copied,
 * so later changes to the rule do not move a running petition).
 */
export async function publishPetition(db: Db, id: number, moderatorId: number, ctx: CommandContext): Promise<{ closesAt: Date }> {
  return db.transaction().execute(async (tx) => {
    const p = await lockPetition(tx, id);
    requireState(p, 'moderation');
    const rules = await bodyRules(tx, p.body_id);
    if (!rules) throw new AppError('petitions.unknown_body', { status: 400 });
    const closesAt = closingTime(ctx.now, rules.openDays);
    await tx
      .updateTable('petition')
      .set({ state: 'open', moderated_at: ctx.now, moderator_id: moderatorId, opened_at: ctx.now, closes_at: closesAt, open_days: rules.openDays, min_level: rules.minLevel, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    // The counter row of shard 0 exists from the start: invalidations subtract there.
    await tx.insertInto('petition_count').values({ petition_id: id, shard: 0, votes: 0 }).onConflict((oc) => oc.doNothing()).execute();
    await appendPublicEvent(tx, {
      kind: petitionPublished,
      subject: petitionSubject(id),
      payload: { petition: id, body: p.slug, title: p.title, action: p.action, opened_at: ctx.now.toISOString(), closes_at: closesAt.toISOString(), min_level: rules.minLevel },
      occurredAt: ctx.now,
    });
    const creator = await creatorMail(db, p.creator_id);
    await enqueueEmail(tx, decisionEmail, creator.email, creator.preferred_lang === 'en' ? 'en' : 'mn', {
      title: p.title,
      url: ctx.publicUrl + petitionPath(id),
      published: true,
      reason: null,
      note: null,
      closesAt: closesAt.toISOString(),
    });
    return { closesAt };
  });
}

export interface RejectInput {
  reason: string;
  note: string;
  /** For 'duplicate': the number of the open petition it repeats. */
  duplicateOf?: number | null;
}

/** A moderator rejects a petition with a reason from the published standards and a note. */
export async function rejectPetition(db: Db, id: number, input: RejectInput, moderatorId: number, ctx: CommandContext): Promise<void> {
  const fields = [];
  const reason = input.reason as Reason;
  if (!(REJECTION_REASONS as readonly string[]).includes(input.reason)) fields.push({ field: 'reason', key: 'common:errors.field.choose', params: { field: label('petitions:field.reason') } });
  const note = input.note.trim();
  if (!note) fields.push({ field: 'note', key: 'common:errors.field.required', params: { field: label('petitions:field.note') } });
  else if (note.length > LIMITS.note) fields.push({ field: 'note', key: 'common:errors.field.tooLong', params: { field: label('petitions:field.note'), max: LIMITS.note } });
  let duplicateOf: number | null = null;
  if (reason === 'duplicate') {
    const other = input.duplicateOf && Number.isSafeInteger(input.duplicateOf) && input.duplicateOf !== id && input.duplicateOf < 2 ** 31
      ? await db.selectFrom('petition').select(['id', 'state']).where('id', '=', input.duplicateOf).executeTakeFirst()
      : undefined;
    if (!other || !['open', 'closed'].includes(other.state)) fields.push({ field: 'duplicate_of', key: 'petitions:errors.duplicate_of' });
    else duplicateOf = other.id;
  }
  if (fields.length) throw new AppError('validation_failed', { fields });
  await db.transaction().execute(async (tx) => {
    const p = await lockPetition(tx, id);
    requireState(p, 'moderation');
    await tx
      .updateTable('petition')
      .set({ state: 'rejected', moderated_at: ctx.now, moderator_id: moderatorId, rejection_reason: reason, rejection_note: note, duplicate_of: duplicateOf, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    await appendPublicEvent(tx, {
      kind: petitionRejected,
      subject: petitionSubject(id),
      payload: { petition: id, body: p.slug, reason, title: TEXT_HIDDEN_REASONS.includes(reason) ? null : p.title, duplicate_of: duplicateOf },
      occurredAt: ctx.now,
    });
    const creator = await creatorMail(db, p.creator_id);
    await enqueueEmail(tx, decisionEmail, creator.email, creator.preferred_lang === 'en' ? 'en' : 'mn', {
      title: p.title,
      url: ctx.publicUrl + petitionPath(id),
      published: false,
      reason,
      note,
      closesAt: null,
    });
  });
}
