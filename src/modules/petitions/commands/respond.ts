import type { Db } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { enqueueJob } from '../../../shared/jobs/queue.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { petitionResponded, petitionSubject } from '../events.js';
import { LIMITS, OUTCOMES } from '../model.js';
import { lockPetition, requireState, type CommandContext } from './common.js';

export const NOTIFY_TASK = 'petitions_notify_signers';

export interface RespondInput {
  kind: string;
  outcome: string;
  text: string;
}

/**
 * Staff of the target body publish an official response (it answers the earliest step
 * owed an answer, on time or late) or an outcome (a debate held, a decision, a rejection
 * with reasons). Published at once, never edited; signers who asked for news are
 * emailed in batches through the job queue.
 */
export async function respondToPetition(db: Db, id: number, input: RespondInput, authorId: number, ctx: CommandContext): Promise<{ responseId: number; onTime: boolean | null }> {
  const fields: FieldError[] = [];
  const kind = input.kind === 'outcome' ? 'outcome' : input.kind === 'response' ? 'response' : null;
  if (!kind) fields.push({ field: 'kind', key: 'common:errors.field.choose', params: { field: label('petitions:field.responseKind') } });
  const outcome = kind === 'outcome' ? ((OUTCOMES as readonly string[]).includes(input.outcome) ? (input.outcome as (typeof OUTCOMES)[number]) : null) : null;
  if (kind === 'outcome' && !outcome) fields.push({ field: 'outcome', key: 'common:errors.field.choose', params: { field: label('petitions:field.outcome') } });
  const text = input.text.trim();
  if (!text) fields.push({ field: 'text', key: 'common:errors.field.required', params: { field: label('petitions:field.responseText') } });
  else if (text.length > LIMITS.response) fields.push({ field: 'text', key: 'common:errors.field.tooLong', params: { field: label('petitions:field.responseText'), max: LIMITS.response } });
  if (fields.length) throw new AppError('validation_failed', { fields });
  return db.transaction().execute(async (tx) => {
    const p = await lockPetition(tx, id);
    requireState(p, 'open', 'closed');
    let step: { position: number; due_at: Date | null } | undefined;
    if (kind === 'response') {
      step = await tx
        .selectFrom('petition_step')
        .select(['position', 'due_at'])
        .where('petition_id', '=', id)
        .where('due_at', 'is not', null)
        .where('answered_at', 'is', null)
        .orderBy('position')
        .executeTakeFirst();
      if (!step) throw new AppError('petitions.nothing_due', { status: 409 });
    }
    const onTime = step?.due_at ? ctx.now.getTime() <= step.due_at.getTime() : null;
    const row = await tx
      .insertInto('petition_response')
      .values({ petition_id: id, step_position: step?.position ?? null, kind: kind!, outcome, text, responded_at: ctx.now, due_at: step?.due_at ?? null, on_time: onTime, author_id: authorId })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (step) await tx.updateTable('petition_step').set({ answered_at: ctx.now }).where('petition_id', '=', id).where('position', '=', step.position).execute();
    await tx.updateTable('petition').set({ updated_at: ctx.now }).where('id', '=', id).execute();
    await appendPublicEvent(tx, {
      kind: petitionResponded,
      subject: petitionSubject(id),
      payload: { petition: id, body: p.slug, kind: kind!, outcome, step: step?.position ?? null, on_time: onTime, text },
      occurredAt: ctx.now,
    });
    await enqueueJob(tx, NOTIFY_TASK, { petitionId: id, responseId: row.id, afterId: 0 });
    return { responseId: row.id, onTime };
  });
}
