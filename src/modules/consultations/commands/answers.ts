import type { Db } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { enqueueEmail } from '../../../shared/mail/email.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { commentAnsweredEmail, type AnsweredItem } from '../emails.js';
import { consultationCommentAnswered, consultationSubject } from '../events.js';
import { ANSWER_CATEGORIES, LIMITS, type AnswerCategory } from '../model.js';
import { commentPath, unsubscribePath } from '../urls.js';
import { checkText, fieldError, lockConsultation, throwIfErrors, type ActorRef, type CommandContext } from './common.js';

export interface AnswerInput {
  commentIds: readonly number[];
  category: unknown;
  reason: unknown;
}

function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}…` : oneLine;
}

/**
 * The body's answer: accepted, partly accepted or not accepted, always with a reason in
 * words. One answer may answer several similar comments (bulk answering); each comment
 * gets its own public event, each author one email listing their answered comments.
 * Answering an answered comment again revises the answer; the earlier one stays readable.
 */
export async function answerComments(db: Db, consultationId: number, input: AnswerInput, actor: ActorRef, ctx: CommandContext): Promise<{ answered: number }> {
  const errors: FieldError[] = [];
  const ids = [...new Set(input.commentIds)].filter((id) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647);
  if (ids.length === 0) errors.push(fieldError('comments', 'consultations:errors.choose_comments'));
  if (ids.length > LIMITS.bulkMax) errors.push(fieldError('comments', 'consultations:errors.too_many_selected', { max: LIMITS.bulkMax }));
  const category = typeof input.category === 'string' && (ANSWER_CATEGORIES as readonly string[]).includes(input.category) ? (input.category as AnswerCategory) : null;
  if (!category) errors.push(fieldError('category', 'common:errors.field.choose', { field: label('consultations:fieldRef.category') }));
  const reason = checkText(errors, 'reason', input.reason, 'consultations:fieldRef.reason', { min: LIMITS.reasonMin, max: LIMITS.reason });
  throwIfErrors(errors);

  return db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'share');
    if (c.status === 'draft') throw new AppError('consultations.not_published', { status: 409 });
    if (c.status === 'finished') throw new AppError('consultations.finished', { status: 409 });
    const comments = await tx
      .selectFrom('consultation_comment')
      .where('consultation_id', '=', c.id)
      .where('id', 'in', ids)
      .select(['id', 'status', 'author_id', 'text', 'answer_id', 'first_answered_at'])
      .orderBy('id')
      .forUpdate()
      .execute();
    if (comments.length !== ids.length) throw new AppError('consultations.unknown_comment', { status: 404 });
    if (comments.some((cm) => cm.status !== 'published')) throw new AppError('consultations.comment_not_published', { status: 409 });

    const answer = await tx
      .insertInto('consultation_answer')
      .values({ consultation_id: c.id, category: category!, reason: reason!, answered_by: actor.accountId, answered_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('consultation_comment_answer').values(comments.map((cm) => ({ comment_id: cm.id, answer_id: answer.id }))).execute();
    await tx
      .updateTable('consultation_comment')
      .set((eb) => ({ answer_id: answer.id, answer_category: category!, first_answered_at: eb.fn.coalesce('first_answered_at', eb.val(ctx.now)) }))
      .where('id', 'in', ids)
      .execute();
    for (const cm of comments) {
      const firstAnswer = cm.first_answered_at ?? ctx.now;
      await appendPublicEvent(tx, {
        kind: consultationCommentAnswered,
        subject: consultationSubject(c.id),
        occurredAt: ctx.now,
        payload: { consultation: c.id, comment: cm.id, body: c.body_slug, answer: category!, on_time: firstAnswer.getTime() <= c.answers_due_at.getTime(), revised: cm.answer_id !== null },
      });
    }

    // One email per author, in their language, unless they unsubscribed from this consultation.
    const byAuthor = new Map<number, typeof comments>();
    for (const cm of comments) if (cm.author_id !== null) byAuthor.set(cm.author_id, [...(byAuthor.get(cm.author_id) ?? []), cm]);
    if (byAuthor.size) {
      const recipients = await tx
        .selectFrom('account as a')
        .innerJoin('consultation_subscription as s', (join) => join.onRef('s.account_id', '=', 'a.id').on('s.consultation_id', '=', c.id))
        .where('a.id', 'in', [...byAuthor.keys()])
        .where('s.state', '=', 'following')
        .where('a.disabled_at', 'is', null)
        .select(['a.id', 'a.email', 'a.preferred_lang', 's.token'])
        .execute();
      for (const r of recipients) {
        const items: AnsweredItem[] = byAuthor.get(r.id)!.map((cm) => ({ url: ctx.publicUrl + commentPath(c.id, cm.id), excerpt: excerpt(cm.text), category: category!, reason: reason! }));
        await enqueueEmail(tx, commentAnsweredEmail, r.email, r.preferred_lang === 'en' ? 'en' : 'mn', {
          title: { mn: c.title_mn, en: c.title_en },
          body: { mn: c.body_mn, en: c.body_en },
          items,
          unsubscribeUrl: ctx.publicUrl + unsubscribePath(c.id, r.token),
        });
      }
    }
    return { answered: comments.length };
  });
}
