import { sql } from 'kysely';
import type { Db } from '../../../shared/db/database.js';
import { AppError, label } from '../../../shared/errors.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { signaturesInvalidated, petitionSubject } from '../events.js';
import { LIMITS } from '../model.js';
import { lockPetition, requireState, type CommandContext } from './common.js';

/**
 * A moderator invalidates flagged votes with a reason: they stop counting (subtracted in
 * counter shard 0, in the same transaction), stay in the database marked, and the public
 * count of invalidated votes grows. Only flagged votes can be invalidated: a moderator
 * cannot remove votes nobody had reason to doubt.
 */
export async function invalidateSignatures(db: Db, petitionId: number, signatureIds: number[], reason: string, moderatorId: number, ctx: CommandContext): Promise<number> {
  const text = reason.trim();
  const fields = [];
  if (!text) fields.push({ field: 'reason', key: 'common:errors.field.required', params: { field: label('petitions:field.invalidationReason') } });
  else if (text.length > LIMITS.invalidationReason) fields.push({ field: 'reason', key: 'common:errors.field.tooLong', params: { field: label('petitions:field.invalidationReason'), max: LIMITS.invalidationReason } });
  const ids = [...new Set(signatureIds.filter((n) => Number.isSafeInteger(n) && n > 0))].slice(0, 5000);
  if (!ids.length) fields.push({ field: 'signatures', key: 'petitions:errors.choose_signatures' });
  if (fields.length) throw new AppError('validation_failed', { fields });
  return db.transaction().execute(async (tx) => {
    const p = await lockPetition(tx, petitionId);
    requireState(p, 'open', 'closed');
    const { rows } = await sql<{ place_code: string; hour: Date; n: number }>`
      WITH gone AS (
        UPDATE petition_signature SET invalidated_at = ${ctx.now}, invalidation_reason = ${text}, invalidated_by = ${moderatorId}
        WHERE petition_id = ${petitionId} AND id = ANY(${ids}::bigint[]) AND invalidated_at IS NULL AND flags <> '{}'
        RETURNING place_code, date_trunc('hour', signed_at) AS hour
      )
      SELECT place_code, hour, count(*) AS n FROM gone GROUP BY 1, 2`.execute(tx);
    const n = rows.reduce((sum, r) => sum + Number(r.n), 0);
    if (n === 0) throw new AppError('petitions.nothing_to_invalidate', { status: 409 });
    await sql`INSERT INTO petition_count AS c (petition_id, shard, votes, invalidated) VALUES (${petitionId}, 0, ${-n}, ${n})
      ON CONFLICT (petition_id, shard) DO UPDATE SET votes = c.votes - ${n}, invalidated = c.invalidated + ${n}`.execute(tx);
    for (const r of rows) {
      await sql`INSERT INTO petition_place_count AS c (petition_id, place_code, shard, votes) VALUES (${petitionId}, ${r.place_code}, 0, ${-Number(r.n)})
        ON CONFLICT (petition_id, place_code, shard) DO UPDATE SET votes = c.votes - ${Number(r.n)}`.execute(tx);
      await sql`INSERT INTO petition_hour_count AS c (petition_id, hour, shard, votes) VALUES (${petitionId}, ${r.hour}, 0, ${-Number(r.n)})
        ON CONFLICT (petition_id, hour, shard) DO UPDATE SET votes = c.votes - ${Number(r.n)}`.execute(tx);
    }
    await appendPublicEvent(tx, { kind: signaturesInvalidated, subject: petitionSubject(petitionId), payload: { petition: petitionId, count: n, reason: text }, occurredAt: ctx.now });
    return n;
  });
}
