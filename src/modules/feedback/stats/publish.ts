import Type from 'typebox';
import type { Db } from '../../../shared/db/database.js';
import type { JobDefinition } from '../../../shared/jobs/worker.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { definePublicEvent } from '../../../shared/public-record/events.js';
import { addMonths, figuresByBody, monthOf, singleMonth } from './queries.js';
import { refreshFeedbackStats } from './refresh.js';

const count = Type.Integer({ minimum: 0 });

/** A body's figures for one month, fixed in the public record so later edits cannot rewrite them. */
export const statisticsPublished = definePublicEvent(
  'feedback.statistics_published',
  Type.Object(
    {
      body: Type.String({ maxLength: 80 }),
      month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
      received: count,
      answered: count,
      answered_on_time: count,
      extended: count,
      median_days_to_answer: Type.Union([count, Type.Null()]),
      overdue_at_publication: count,
      satisfied: count,
      unsatisfied: count,
    },
    { additionalProperties: false },
  ),
);

/**
 * Publishes last month's figures of every body that had feedback, once per body and month.
 * `at` is the time the job runs for: the month before `at` (in Ulaanbaatar) is published.
 */
export async function publishMonthlyStatistics(db: Db, at: Date): Promise<number> {
  await refreshFeedbackStats(db);
  const month = addMonths(monthOf(at), -1);
  const rows = await figuresByBody(db, singleMonth(month), at);
  let published = 0;
  for (const row of rows) {
    if (row.received === 0) continue;
    await db.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('feedback_stats_publication')
        .values({ month, body_id: row.bodyId, published_at: at })
        .onConflict((oc) => oc.doNothing())
        .returning('body_id')
        .executeTakeFirst();
      if (!inserted) return;
      await appendPublicEvent(tx, {
        kind: statisticsPublished,
        subject: `body/${row.slug}`,
        occurredAt: at,
        payload: {
          body: row.slug,
          month: month.slice(0, 7),
          received: row.received,
          answered: row.answered,
          answered_on_time: row.answeredOnTime,
          extended: row.extended,
          median_days_to_answer: row.medianDays,
          overdue_at_publication: row.overdueNow,
          satisfied: row.satisfied,
          unsatisfied: row.unsatisfied,
        },
      });
      published++;
    });
  }
  return published;
}

export function refreshStatsJob(db: Db): JobDefinition<Record<string, never>> {
  return { name: 'feedback_stats_refresh', run: async () => void (await refreshFeedbackStats(db)) };
}

export function publishStatisticsJob(db: Db): JobDefinition<Record<string, never>> {
  return { name: 'feedback_stats_publish', run: async (_payload, at) => void (await publishMonthlyStatistics(db, at)) };
}
