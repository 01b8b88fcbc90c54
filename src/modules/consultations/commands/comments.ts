import type { Db, Tx } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { placeCatalogue } from '../../places/catalogue.js';
import { commentsToday } from '../comment-queries.js';
import { consultationCommentPublished, consultationSubject } from '../events.js';
import { FLAG_REASONS, isCommentable, LIMITS, phaseOf, type FlagReason } from '../model.js';
import { screenComment } from '../screening.js';
import { checkText, currentVersionRow, ensureSubscription, fieldError, lockConsultation, storable, throwIfErrors, type ActorRef, type CommandContext } from './common.js';

export interface CommentInput {
  /** The article, paragraph or point; null for the draft as a whole. */
  unitId: number | null;
  text: unknown;
  /** A CSO the author speaks for (the caller checked membership with canSpeakFor). */
  organisationId: number | null;
  /** Aimag or the capital, optional. */
  placeCode: string | null;
}

/** Checks what every comment needs, before any row is touched. */
export function checkComment(input: { text: unknown; placeCode: string | null }): { text: string; placeCode: string | null } {
  const errors: FieldError[] = [];
  const text = checkText(errors, 'text', typeof input.text === 'string' ? storable(input.text) : input.text, 'consultations:fieldRef.comment', { min: LIMITS.commentMin, max: LIMITS.comment });
  let placeCode: string | null = null;
  if (input.placeCode) {
    const place = placeCatalogue().get(input.placeCode);
    if (!place || place.level !== 1) errors.push(fieldError('place', 'common:errors.field.choose', { field: label('consultations:fieldRef.place') }));
    else placeCode = place.code;
  }
  throwIfErrors(errors);
  return { text: text!, placeCode };
}

/** The unit commented on, in the current version: it must exist there and take comments. */
export async function resolveUnit(tx: Tx, versionId: number, unitId: number | null): Promise<{ unitId: number; articleUnitId: number; number: string } | null> {
  if (unitId === null) return null;
  const element = Number.isSafeInteger(unitId)
    ? await tx.selectFrom('consultation_element').where('version_id', '=', versionId).where('unit_id', '=', unitId).select(['kind', 'number', 'article_unit_id']).executeTakeFirst()
    : undefined;
  if (!element || !isCommentable(element.kind) || element.article_unit_id === null) {
    throw new AppError('consultations.unknown_article', { status: 400, fields: [fieldError('unit', 'consultations:errors.unknown_article')] });
  }
  return { unitId, articleUnitId: element.article_unit_id, number: element.number };
}

async function organisationSlug(tx: Tx, organisationId: number | null): Promise<string | null> {
  if (organisationId === null) return null;
  const org = await tx.selectFrom('organisation').where('id', '=', organisationId).where('kind', '=', 'cso').select('slug').executeTakeFirst();
  if (!org) throw new AppError('forbidden');
  return org.slug;
}

/**
 * A citizen's (or a CSO's) comment. Refused while the consultation is not open, on an
 * article the current version does not have, twice with the same words, or beyond the
 * daily limit. Screening holds text with personal data or links for a moderator;
 * everything else is published at once and enters the public record (without its author).
 */
export async function submitComment(db: Db, consultationId: number, input: CommentInput, actor: ActorRef, ctx: CommandContext): Promise<{ id: number; status: 'published' | 'pending' }> {
  const { text, placeCode } = checkComment(input);
  return db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'share');
    const phase = phaseOf(c, ctx.now);
    if (phase === 'draft') throw new AppError('consultations.not_found', { status: 404 });
    if (phase === 'upcoming') throw new AppError('consultations.not_yet_open', { status: 409, params: { date: c.opens_at.toISOString() } });
    if (phase !== 'open') throw new AppError('consultations.closed', { status: 409 });
    const version = (await currentVersionRow(tx, c.id))!;
    const unit = await resolveUnit(tx, version.id, input.unitId);
    const orgSlug = await organisationSlug(tx, input.organisationId);
    if ((await commentsToday(tx, actor.accountId, c.id, ctx.now)) >= LIMITS.commentsPerDay) {
      throw new AppError('consultations.too_many_comments', { status: 429, params: { max: LIMITS.commentsPerDay } });
    }
    let duplicate = tx
      .selectFrom('consultation_comment')
      .where('consultation_id', '=', c.id)
      .where('author_id', '=', actor.accountId)
      .where('text', '=', text)
      .where('status', 'in', ['pending', 'published']);
    duplicate = unit ? duplicate.where('unit_id', '=', unit.unitId) : duplicate.where('unit_id', 'is', null);
    if (await duplicate.select('id').executeTakeFirst()) throw new AppError('consultations.duplicate_comment', { status: 409 });

    const screening = screenComment(text);
    const status = screening ? 'pending' : 'published';
    const row = await tx
      .insertInto('consultation_comment')
      .values({
        consultation_id: c.id,
        version_id: version.id,
        unit_id: unit?.unitId ?? null,
        article_unit_id: unit?.articleUnitId ?? null,
        author_id: actor.accountId,
        organisation_id: input.organisationId,
        channel: 'web',
        place_code: placeCode,
        text,
        status,
        held_reason: screening,
        created_at: ctx.now,
        published_at: status === 'published' ? ctx.now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (status === 'published') {
      await appendPublicEvent(tx, {
        kind: consultationCommentPublished,
        subject: consultationSubject(c.id),
        occurredAt: ctx.now,
        payload: { consultation: c.id, comment: row.id, version: version.number, on: unit?.number ?? null, by: orgSlug ?? 'citizen', channel: 'web' },
      });
    }
    // Commenters hear about the answer and new versions unless they opted out.
    await ensureSubscription(tx, c.id, actor.accountId, ctx.now);
    return { id: row.id, status };
  });
}

async function lockPublishedComment(tx: Tx, consultationId: number, commentId: number) {
  const comment = Number.isSafeInteger(commentId)
    ? await tx.selectFrom('consultation_comment').where('id', '=', commentId).where('consultation_id', '=', consultationId).selectAll().forUpdate().executeTakeFirst()
    : undefined;
  if (!comment || comment.status !== 'published') throw new AppError('consultations.unknown_comment', { status: 404 });
  return comment;
}

/** One support per person: the primary key refuses a second one; your own comment needs none. */
export async function supportComment(db: Db, consultationId: number, commentId: number, actor: ActorRef, ctx: CommandContext): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'share');
    if (c.status !== 'published') throw new AppError(c.status === 'finished' ? 'consultations.finished' : 'consultations.not_found', { status: c.status === 'finished' ? 409 : 404 });
    const comment = await lockPublishedComment(tx, c.id, commentId);
    if (comment.author_id === actor.accountId) throw new AppError('consultations.own_comment', { status: 403 });
    const inserted = await tx
      .insertInto('consultation_support')
      .values({ comment_id: comment.id, account_id: actor.accountId, created_at: ctx.now })
      .onConflict((oc) => oc.columns(['comment_id', 'account_id']).doNothing())
      .returning('comment_id')
      .executeTakeFirst();
    if (!inserted) throw new AppError('consultations.already_supported', { status: 409 });
    await tx
      .updateTable('consultation_comment')
      .set((eb) => ({ support_count: eb('support_count', '+', 1) }))
      .where('id', '=', comment.id)
      .execute();
  });
}

export async function withdrawSupport(db: Db, consultationId: number, commentId: number, actor: ActorRef, _ctx: CommandContext): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'share');
    if (c.status !== 'published') throw new AppError(c.status === 'finished' ? 'consultations.finished' : 'consultations.not_found', { status: c.status === 'finished' ? 409 : 404 });
    const comment = await lockPublishedComment(tx, c.id, commentId);
    const deleted = await tx.deleteFrom('consultation_support').where('comment_id', '=', comment.id).where('account_id', '=', actor.accountId).returning('comment_id').executeTakeFirst();
    if (!deleted) throw new AppError('consultations.not_supported', { status: 409 });
    await tx
      .updateTable('consultation_comment')
      .set((eb) => ({ support_count: eb('support_count', '-', 1) }))
      .where('id', '=', comment.id)
      .execute();
  });
}

/** Reports a comment to the moderators (one report per person); it stays visible meanwhile. */
export async function flagComment(db: Db, consultationId: number, commentId: number, reason: unknown, actor: ActorRef, ctx: CommandContext): Promise<void> {
  if (typeof reason !== 'string' || !(FLAG_REASONS as readonly string[]).includes(reason)) {
    throw new AppError('validation_failed', { fields: [fieldError('reason', 'common:errors.field.choose', { field: label('consultations:fieldRef.flagReason') })] });
  }
  await db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'share');
    if (c.status === 'draft') throw new AppError('consultations.not_found', { status: 404 });
    const comment = await lockPublishedComment(tx, c.id, commentId);
    await tx
      .insertInto('consultation_comment_flag')
      .values({ comment_id: comment.id, account_id: actor.accountId, reason: reason as FlagReason, created_at: ctx.now })
      .onConflict((oc) => oc.columns(['comment_id', 'account_id']).doNothing())
      .execute();
    await tx.updateTable('consultation_comment').set({ needs_review: true }).where('id', '=', comment.id).execute();
  });
}
