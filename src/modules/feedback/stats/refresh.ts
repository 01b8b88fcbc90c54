import { sql } from 'kysely';
import type { Db } from '../../../shared/db/database.js';

/**
 * Transactions that began before the last refresh may commit after it with an older
 * updated_at; re-reading this much of the past catches them. Re-counting a month twice
 * is harmless, missing one is not.
 */
const OVERLAP = '10 minutes';
const MONTH_OF = sql`(date_trunc('month', received_at AT TIME ZONE 'Asia/Ulaanbaatar'))::date`;

/**
 * Recomputes the monthly rollups for every month in which an item changed since the last
 * refresh. Each month is replaced as a whole in one transaction, so readers see either the
 * old or the new figures. Returns the months recomputed.
 */
export async function refreshFeedbackStats(db: Db, options: { all?: boolean } = {}): Promise<string[]> {
  return db.transaction().execute(async (tx) => {
    // One refresher at a time; a second caller simply waits for the first.
    await sql`SELECT pg_advisory_xact_lock(hashtext('irgen:feedback-stats'))`.execute(tx);
    const state = await tx.selectFrom('feedback_stats_state').select('watermark').executeTakeFirstOrThrow();
    const changed = await sql<{ month: string }>`
      SELECT DISTINCT ${MONTH_OF} AS month FROM feedback_item
      WHERE ${options.all || !state.watermark ? sql`true` : sql`updated_at > ${state.watermark}::timestamptz - ${OVERLAP}::interval`}
      ORDER BY 1`.execute(tx);
    const watermark = await sql<{ max: Date | null }>`SELECT max(updated_at) AS max FROM feedback_item`.execute(tx);
    const months = changed.rows.map((r) => String(r.month));
    for (const month of months) {
      const range = sql`received_at >= (${month}::date)::timestamp AT TIME ZONE 'Asia/Ulaanbaatar'
        AND received_at < ((${month}::date + interval '1 month')::timestamp AT TIME ZONE 'Asia/Ulaanbaatar')`;
      await tx.deleteFrom('feedback_stats_month').where('month', '=', month).execute();
      await tx.deleteFrom('feedback_stats_answer_days').where('month', '=', month).execute();
      await sql`
        INSERT INTO feedback_stats_month (month, body_id, soum_code, category_id, received, answered, answered_on_time, extended, satisfied, unsatisfied)
        SELECT ${month}::date, body_id, left(place_code, 4), category_id,
          count(*),
          count(answered_at),
          count(*) FILTER (WHERE answered_at <= due_at),
          count(extended_at),
          count(*) FILTER (WHERE satisfaction = 'satisfied'),
          count(*) FILTER (WHERE satisfaction = 'unsatisfied')
        FROM feedback_item WHERE ${range}
        GROUP BY body_id, left(place_code, 4), category_id`.execute(tx);
      await sql`
        INSERT INTO feedback_stats_answer_days (month, body_id, soum_code, days, n)
        SELECT ${month}::date, body_id, left(place_code, 4), floor(extract(epoch FROM answered_at - received_at) / 86400)::int AS days, count(*)
        FROM feedback_item WHERE ${range} AND answered_at IS NOT NULL
        GROUP BY body_id, left(place_code, 4), days`.execute(tx);
    }
    await tx
      .updateTable('feedback_stats_state')
      .set({ watermark: watermark.rows[0]?.max ?? state.watermark, refreshed_at: sql`now()` })
      .execute();
    return months;
  });
}
