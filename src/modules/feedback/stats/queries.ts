import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../../shared/db/database.js';
import { localDay } from '../../../shared/i18n/format.js';

/** Months as 'YYYY-MM-01'; `to` is exclusive. */
export interface Period {
  from: string;
  to: string;
}

export interface Figures {
  received: number;
  answered: number;
  answeredOnTime: number;
  extended: number;
  satisfied: number;
  unsatisfied: number;
  medianDays: number | null;
}

export interface Filter {
  bodyId?: number;
  /** Place code prefix: an aimag ('46') or soum ('4601'). */
  place?: string;
}

export function monthOf(date: Date): string {
  return `${localDay(date).slice(0, 7)}-01`;
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

/** The last twelve months including the current one. */
export function lastTwelveMonths(now: Date): Period {
  const current = monthOf(now);
  return { from: addMonths(current, -11), to: addMonths(current, 1) };
}

export function singleMonth(month: string): Period {
  return { from: month, to: addMonths(month, 1) };
}

export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  for (let m = period.from; m < period.to; m = addMonths(m, 1)) months.push(m);
  return months;
}

function where(filter: Filter, period: Period, alias = ''): RawBuilder<unknown> {
  const p = alias ? `${alias}.` : '';
  const parts = [sql`${sql.raw(p)}month >= ${period.from}::date`, sql`${sql.raw(p)}month < ${period.to}::date`];
  if (filter.bodyId !== undefined) parts.push(sql`${sql.raw(p)}body_id = ${filter.bodyId}`);
  if (filter.place) parts.push(sql`${sql.raw(p)}soum_code LIKE ${`${filter.place.slice(0, 4)}%`}`);
  return sql.join(parts, sql` AND `);
}

const SUMS = sql`
  coalesce(sum(received), 0)::int AS received,
  coalesce(sum(answered), 0)::int AS answered,
  coalesce(sum(answered_on_time), 0)::int AS answered_on_time,
  coalesce(sum(extended), 0)::int AS extended,
  coalesce(sum(satisfied), 0)::int AS satisfied,
  coalesce(sum(unsatisfied), 0)::int AS unsatisfied`;

interface SumRow {
  received: number;
  answered: number;
  answered_on_time: number;
  extended: number;
  satisfied: number;
  unsatisfied: number;
}

function toFigures(row: SumRow | undefined, median: number | null | undefined): Figures {
  return {
    received: row?.received ?? 0,
    answered: row?.answered ?? 0,
    answeredOnTime: row?.answered_on_time ?? 0,
    extended: row?.extended ?? 0,
    satisfied: row?.satisfied ?? 0,
    unsatisfied: row?.unsatisfied ?? 0,
    medianDays: median ?? null,
  };
}

/** Median days to answer per group, from the histogram (the lower median). */
async function medians(db: Queryable, period: Period, filter: Filter, groupBy: 'body_id' | 'month' | 'none'): Promise<Map<string, number>> {
  const key = groupBy === 'none' ? sql`'all'` : groupBy === 'month' ? sql`month::text` : sql`body_id::text`;
  const result = await sql<{ key: string; median: number }>`
    WITH h AS (
      SELECT ${key} AS key, days, sum(n) AS n FROM feedback_stats_answer_days WHERE ${where(filter, period)} GROUP BY 1, 2
    ), c AS (
      SELECT key, days, sum(n) OVER (PARTITION BY key ORDER BY days) AS cum, sum(n) OVER (PARTITION BY key) AS total FROM h
    )
    SELECT DISTINCT ON (key) key, days AS median FROM c WHERE cum * 2 >= total ORDER BY key, days`.execute(db);
  return new Map(result.rows.map((r) => [r.key, r.median]));
}

/** Open items past their deadline right now, per body (from the open-items index). */
export async function overdueNow(db: Queryable, now: Date, filter: Filter = {}): Promise<Map<number, number>> {
  let query = db
    .selectFrom('feedback_item')
    .select(['body_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', 'in', ['received', 'assigned', 'in_progress'])
    .where('due_at', '<', now)
    .groupBy('body_id');
  if (filter.bodyId !== undefined) query = query.where('body_id', '=', filter.bodyId);
  if (filter.place) query = query.where('place_code', 'like', `${filter.place}%`);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.body_id, Number(r.n)]));
}

export interface BodyRow extends Figures {
  bodyId: number;
  slug: string;
  nameMn: string;
  nameEn: string;
  overdueNow: number;
}

/** One row per body with items in the period (or overdue now), busiest first. */
export async function figuresByBody(db: Queryable, period: Period, now: Date, filter: Filter = {}): Promise<BodyRow[]> {
  const [sums, medianByBody, overdue] = await Promise.all([
    sql<SumRow & { body_id: number }>`SELECT body_id, ${SUMS} FROM feedback_stats_month WHERE ${where(filter, period)} GROUP BY body_id`.execute(db),
    medians(db, period, filter, 'body_id'),
    overdueNow(db, now, filter),
  ]);
  const byBody = new Map(sums.rows.map((r) => [r.body_id, r]));
  const ids = [...new Set([...byBody.keys(), ...overdue.keys()])];
  if (ids.length === 0) return [];
  const bodies = await db.selectFrom('organisation').select(['id', 'slug', 'name_mn', 'name_en']).where('id', 'in', ids).execute();
  return bodies
    .map((b) => ({
      bodyId: b.id,
      slug: b.slug,
      nameMn: b.name_mn,
      nameEn: b.name_en,
      overdueNow: overdue.get(b.id) ?? 0,
      ...toFigures(byBody.get(b.id), medianByBody.get(String(b.id))),
    }))
    .sort((a, b) => b.received - a.received || a.nameMn.localeCompare(b.nameMn, 'mn'));
}

/** Totals for a body or place over the period. */
export async function totals(db: Queryable, period: Period, now: Date, filter: Filter): Promise<Figures & { overdueNow: number }> {
  const [sums, median, overdue] = await Promise.all([
    sql<SumRow>`SELECT ${SUMS} FROM feedback_stats_month WHERE ${where(filter, period)}`.execute(db),
    medians(db, period, filter, 'none'),
    overdueNow(db, now, filter),
  ]);
  return { ...toFigures(sums.rows[0], median.get('all')), overdueNow: [...overdue.values()].reduce((a, b) => a + b, 0) };
}

export interface MonthRow extends Figures {
  month: string;
}

/** Month by month, every month of the period present (zeros included) so charts have no gaps. */
export async function figuresByMonth(db: Queryable, period: Period, filter: Filter = {}): Promise<MonthRow[]> {
  const [sums, medianByMonth] = await Promise.all([
    sql<SumRow & { month: string }>`SELECT month::text AS month, ${SUMS} FROM feedback_stats_month WHERE ${where(filter, period)} GROUP BY month`.execute(db),
    medians(db, period, filter, 'month'),
  ]);
  const byMonth = new Map(sums.rows.map((r) => [String(r.month), r]));
  return monthsOf(period).map((month) => ({ month, ...toFigures(byMonth.get(month), medianByMonth.get(month)) }));
}

export interface CategoryRow extends Omit<Figures, 'medianDays'> {
  code: string;
  nameMn: string;
  nameEn: string;
}

export async function figuresByCategory(db: Queryable, period: Period, filter: Filter = {}): Promise<CategoryRow[]> {
  const rows = await sql<SumRow & { code: string; name_mn: string; name_en: string }>`
    SELECT c.code, c.name_mn, c.name_en, ${SUMS}
    FROM feedback_stats_month s JOIN category c ON c.id = s.category_id
    WHERE ${where(filter, period, 's')}
    GROUP BY c.code, c.name_mn, c.name_en ORDER BY received DESC, c.code`.execute(db);
  return rows.rows.map((r) => ({ code: r.code, nameMn: r.name_mn, nameEn: r.name_en, ...toFigures(r, null) }));
}

export interface PlaceRow extends Omit<Figures, 'medianDays'> {
  code: string;
  nameMn: string;
  nameEn: string;
}

/** For an aimag (or the whole country when no place is given): its soums (or aimags), optionally for one body. */
export async function figuresByPlace(db: Queryable, period: Period, place?: string, bodyId?: number): Promise<PlaceRow[]> {
  const length = place ? 4 : 2;
  const rows = await sql<SumRow & { code: string; name_mn: string; name_en: string }>`
    SELECT p.code, p.name_mn, p.name_en, ${SUMS}
    FROM feedback_stats_month s JOIN place p ON p.code = left(s.soum_code, ${length})
    WHERE ${where({ place, bodyId }, period, 's')}
    GROUP BY p.code, p.name_mn, p.name_en ORDER BY received DESC, p.code`.execute(db);
  return rows.rows.map((r) => ({ code: r.code, nameMn: r.name_mn, nameEn: r.name_en, ...toFigures(r, null) }));
}

/** The newest refresh time, shown as "figures as of". */
export async function statsRefreshedAt(db: Queryable): Promise<Date | null> {
  const row = await db.selectFrom('feedback_stats_state').select('refreshed_at').executeTakeFirst();
  return row?.refreshed_at ?? null;
}
