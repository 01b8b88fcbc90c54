import { loadCalendar, type DayCount } from '../../shared/calendar.js';
import type { Queryable } from '../../shared/db/database.js';
import type { FeedbackKind } from '../../shared/db/db-types.js';

export interface DeadlineRule {
  days: number;
  dayCount: DayCount;
}

/** The answer period for a kind at a body: the body's own rule if it has one, else the default. */
export async function deadlineRule(db: Queryable, kind: FeedbackKind, bodyId: number): Promise<DeadlineRule> {
  const rule = await db
    .selectFrom('deadline_rule')
    .select(['days', 'day_count'])
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('body_id', '=', bodyId), eb('body_id', 'is', null)]))
    .orderBy((eb) => eb('body_id', 'is', null))
    .limit(1)
    .executeTakeFirst();
  // The law's default if an administrator removed every rule: 30 calendar days.
  return rule ? { days: rule.days, dayCount: rule.day_count } : { days: 30, dayCount: 'calendar' };
}

export async function computeDueAt(db: Queryable, kind: FeedbackKind, bodyId: number, from: Date): Promise<Date> {
  const rule = await deadlineRule(db, kind, bodyId);
  const calendar = await loadCalendar(db);
  return calendar.deadline(from, rule.days, rule.dayCount);
}

/** A one-off extension of up to 30 days counts in the same kind of days as the rule. */
export async function extendedDueAt(db: Queryable, kind: FeedbackKind, bodyId: number, currentDueAt: Date, days: number): Promise<Date> {
  const rule = await deadlineRule(db, kind, bodyId);
  const calendar = await loadCalendar(db);
  return calendar.deadline(currentDueAt, days, rule.dayCount);
}
