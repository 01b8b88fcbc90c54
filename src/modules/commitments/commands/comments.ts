import type { Db } from '../../../shared/db/database.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { commentAnswered, planSubject } from '../events.js';
import { LIMITS } from '../model.js';
import { checkText, invalid, planClosed } from './common.js';

export interface CommentInput {
  /** A CSO the person is a member of, or null to comment as themselves (never named in public). */
  organisationId: number | null;
  /** The commitment it is about, or null for the plan as a whole. */
  commitmentNumber: number | null;
  text: string;
  lang: 'mn' | 'en';
}

/**
 * A comment on a plan's progress. The plan's owner body must answer it; until then it is
 * counted as waiting for an answer. Not in the public record: the text may name people.
 */
export async function addComment(db: Db, planId: number, author: { accountId: number; csoIds: readonly number[] }, input: CommentInput, now: Date): Promise<number> {
  const fields: FieldError[] = [];
  const text = checkText(input.text, 'text', 'commitments:field.comment', LIMITS.commentMin, LIMITS.comment, fields);
  if (input.organisationId !== null && !author.csoIds.includes(input.organisationId)) throw new AppError('commitments.not_member', { status: 403 });
  if (fields.length || text === null) throw invalid(fields);
  return db.transaction().execute(async (tx) => {
    const plan = await tx.selectFrom('commitment_plan').where('id', '=', planId).select(['id', 'closed_at']).forUpdate().executeTakeFirst();
    if (!plan) throw new AppError('not_found');
    if (plan.closed_at !== null) throw planClosed();
    const recent = await tx
      .selectFrom('commitment_comment')
      .where('plan_id', '=', planId)
      .where('author_id', '=', author.accountId)
      .where('commented_at', '>', new Date(now.getTime() - 86_400_000))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= LIMITS.commentsPerDay) throw new AppError('commitments.too_many_comments', { status: 429, params: { max: LIMITS.commentsPerDay } });
    let commitmentId: number | null = null;
    if (input.commitmentNumber !== null) {
      const commitment = await tx.selectFrom('commitment').where('plan_id', '=', planId).where('number', '=', input.commitmentNumber).select('id').executeTakeFirst();
      if (!commitment) throw invalid([{ field: 'commitment', key: 'commitments:errors.unknown_commitment' }]);
      commitmentId = commitment.id;
    }
    const row = await tx
      .insertInto('commitment_comment')
      .values({
        plan_id: planId,
        commitment_id: commitmentId,
        section: null,
        organisation_id: input.organisationId,
        author_id: author.accountId,
        author_as_printed: null,
        text,
        lang: input.lang,
        commented_on: null,
        commented_at: now,
        source: 'platform',
        position: 1_000_000,
        note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/**
 * The owner body's answer to a comment: written once, never replaced (the database
 * refuses a second one too). Records `commitments.comment_answered`.
 */
export async function answerComment(db: Db, planId: number, commentId: number, answerer: { accountId: number; bodyIds: readonly number[] }, input: { text: string; lang: 'mn' | 'en' }, now: Date): Promise<void> {
  const fields: FieldError[] = [];
  const text = checkText(input.text, 'answer', 'commitments:field.answer', LIMITS.answerMin, LIMITS.answer, fields);
  if (fields.length || text === null) throw invalid(fields);
  await db.transaction().execute(async (tx) => {
    const comment = await tx
      .selectFrom('commitment_comment as k')
      .innerJoin('commitment_plan as p', 'p.id', 'k.plan_id')
      .innerJoin('organisation as o', 'o.id', 'p.owner_body_id')
      .where('k.id', '=', commentId)
      .where('k.plan_id', '=', planId)
      .select(['k.id', 'k.answered_at', 'k.organisation_id', 'p.owner_body_id', 'p.slug', 'o.slug as owner_slug'])
      .forUpdate('k')
      .executeTakeFirst();
    if (!comment) throw new AppError('not_found');
    if (!answerer.bodyIds.includes(comment.owner_body_id)) throw new AppError('forbidden');
    if (comment.answered_at !== null) throw new AppError('commitments.already_answered', { status: 409 });
    if (comment.organisation_id === comment.owner_body_id) throw new AppError('commitments.own_comment', { status: 409 });
    await tx
      .updateTable('commitment_comment')
      .set({ answer: text, answer_lang: input.lang, answered_at: now, answer_body_id: comment.owner_body_id, answered_by: answerer.accountId })
      .where('id', '=', commentId)
      .execute();
    await appendPublicEvent(tx, { kind: commentAnswered, subject: planSubject(comment.slug), payload: { plan: comment.slug, comment: commentId, body: comment.owner_slug }, occurredAt: now });
  });
}
