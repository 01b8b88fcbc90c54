import type { Db } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { consultationCommentModerated, consultationCommentPublished, consultationSubject } from '../events.js';
import { LIMITS, MODERATION_REASONS, type ModerationReason } from '../model.js';
import { checkText, fieldError, storable, throwIfErrors, type CommandContext } from './common.js';

export const MODERATION_ACTIONS = ['publish', 'redact', 'reject', 'remove', 'keep'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export interface ModerationInput {
  action: unknown;
  reason: unknown;
  note: unknown;
  /** For 'redact': the comment's words with the personal data taken out. */
  text?: unknown;
}

type NegativeReason = Exclude<ModerationReason, 'ok'>;

/**
 * A moderator's decision on a held or reported comment, always with a reason:
 * - held (pending): publish it, publish it redacted, or reject it;
 * - published: keep it (the report was unfounded), redact it, or remove it.
 * The decision is recorded (consultation_moderation), and removals, rejections and
 * redactions are counted in the public record by reason. A redacted comment's original
 * words are kept apart, for moderators only.
 */
export async function moderateComment(db: Db, commentId: number, input: ModerationInput, moderatorId: number, ctx: CommandContext): Promise<{ consultationId: number }> {
  const errors: FieldError[] = [];
  const action = typeof input.action === 'string' && (MODERATION_ACTIONS as readonly string[]).includes(input.action) ? (input.action as ModerationAction) : null;
  if (!action) errors.push(fieldError('action', 'common:errors.field.choose', { field: label('consultations:fieldRef.decision') }));
  const reasonRaw = typeof input.reason === 'string' && (MODERATION_REASONS as readonly string[]).includes(input.reason) ? (input.reason as ModerationReason) : null;
  const needsReason = action === 'reject' || action === 'remove' || action === 'redact';
  const reason: ModerationReason | null = needsReason ? (reasonRaw && reasonRaw !== 'ok' ? reasonRaw : null) : 'ok';
  if (needsReason && !reason) errors.push(fieldError('reason', 'common:errors.field.choose', { field: label('consultations:fieldRef.moderationReason') }));
  const note = checkText(errors, 'note', input.note, 'consultations:fieldRef.moderationNote', { max: LIMITS.moderationNote, optional: true });
  const redacted = action === 'redact' ? checkText(errors, 'text', typeof input.text === 'string' ? storable(input.text) : input.text, 'consultations:fieldRef.comment', { max: LIMITS.comment }) : null;
  throwIfErrors(errors);

  return db.transaction().execute(async (tx) => {
    const comment = Number.isSafeInteger(commentId)
      ? await tx
          .selectFrom('consultation_comment as cc')
          .innerJoin('consultation_version as v', 'v.id', 'cc.version_id')
          .leftJoin('consultation_element as e', (join) => join.onRef('e.version_id', '=', 'cc.version_id').onRef('e.unit_id', '=', 'cc.unit_id'))
          .leftJoin('organisation as o', 'o.id', 'cc.organisation_id')
          .where('cc.id', '=', commentId)
          .select(['cc.id', 'cc.consultation_id', 'cc.status', 'cc.text', 'cc.channel', 'v.number as version', 'e.number as on', 'o.slug as org'])
          .forUpdate('cc')
          .executeTakeFirst()
      : undefined;
    if (!comment || comment.status === 'rejected' || comment.status === 'removed') throw new AppError('consultations.unknown_comment', { status: 404 });
    const pending = comment.status === 'pending';
    const allowed: ModerationAction[] = pending ? ['publish', 'redact', 'reject'] : ['keep', 'redact', 'remove'];
    if (!allowed.includes(action!)) throw new AppError('consultations.moderation_not_allowed', { status: 409 });
    const subject = consultationSubject(comment.consultation_id);
    const record = (decision: 'published' | 'redacted' | 'rejected' | 'removed' | 'kept') =>
      tx.insertInto('consultation_moderation').values({ comment_id: comment.id, decision, reason: reason!, note: note ?? '', moderator_id: moderatorId, decided_at: ctx.now }).execute();
    const publicRecord = (decision: 'rejected' | 'removed' | 'redacted') =>
      appendPublicEvent(tx, { kind: consultationCommentModerated, subject, occurredAt: ctx.now, payload: { consultation: comment.consultation_id, comment: comment.id, decision, reason: reason as NegativeReason } });
    const published = () =>
      appendPublicEvent(tx, {
        kind: consultationCommentPublished,
        subject,
        occurredAt: ctx.now,
        payload: { consultation: comment.consultation_id, comment: comment.id, version: comment.version, on: comment.on, by: comment.org ?? 'citizen', channel: comment.channel },
      });

    switch (action!) {
      case 'publish':
        await tx.updateTable('consultation_comment').set({ status: 'published', published_at: ctx.now, needs_review: false }).where('id', '=', comment.id).execute();
        await record('published');
        await published();
        break;
      case 'redact':
        if (redacted === comment.text) throw new AppError('validation_failed', { fields: [fieldError('text', 'consultations:errors.redaction_unchanged')] });
        await tx
          .insertInto('consultation_comment_original')
          .values({ comment_id: comment.id, text: comment.text })
          .onConflict((oc) => oc.column('comment_id').doNothing())
          .execute();
        await tx
          .updateTable('consultation_comment')
          .set({ text: redacted!, status: 'published', published_at: pending ? ctx.now : undefined, needs_review: false })
          .where('id', '=', comment.id)
          .execute();
        await record('redacted');
        if (pending) await published();
        await publicRecord('redacted');
        break;
      case 'reject':
        await tx.updateTable('consultation_comment').set({ status: 'rejected', needs_review: false }).where('id', '=', comment.id).execute();
        await record('rejected');
        await publicRecord('rejected');
        break;
      case 'remove':
        await tx.updateTable('consultation_comment').set({ status: 'removed', needs_review: false }).where('id', '=', comment.id).execute();
        await record('removed');
        await publicRecord('removed');
        break;
      case 'keep':
        await tx.updateTable('consultation_comment').set({ needs_review: false }).where('id', '=', comment.id).execute();
        await record('kept');
        break;
    }
    return { consultationId: comment.consultation_id };
  });
}
