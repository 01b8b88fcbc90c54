import type { Queryable } from './db/database.js';
import { localDay } from './i18n/format.js';

export type DayCount = 'calendar' | 'working';

/**
 * Mongolia keeps UTC+8 all year (daylight saving was abolished in 2017), so the end of
 * a local day is a fixed instant and no time-zone library is needed.
 */
const UB_OFFSET = '+08:00';

function parseDay(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addLocalDays(day: string, days: number): string {
  return formatDay(parseDay(day) + days * 86_400_000);
}

/** The last instant of a day in Ulaanbaatar: deadlines fall due at the end of their day. */
export function endOfLocalDay(day: string): Date {
  return new Date(`${day}T23:59:59.999${UB_OFFSET}`);
}

/** Whole local days from `from` to `to` (negative when `to` is earlier). */
export function localDaysBetween(from: Date, to: Date): number {
  return Math.round((parseDay(localDay(to)) - parseDay(localDay(from))) / 86_400_000);
}

/**
 * Deadlines in calendar or working days, with public holidays as data (the
 * public_holiday table). A deadline that lands on a weekend or holiday moves to the next
 * working day, as periods in law usually do.
 */
export class BusinessCalendar {
  constructor(private readonly holidays: ReadonlySet<string>) {}

  isWorkingDay(day: string): boolean {
    const weekday = new Date(parseDay(day)).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(day);
  }

  nextWorkingDay(day: string): string {
    let current = day;
    while (!this.isWorkingDay(current)) current = addLocalDays(current, 1);
    return current;
  }

  /** The local day `days` calendar or working days after the local day of `from`. */
  dueDay(from: Date, days: number, count: DayCount): string {
    let day = localDay(from);
    if (count === 'calendar') return this.nextWorkingDay(addLocalDays(day, days));
    let remaining = days;
    while (remaining > 0) {
      day = addLocalDays(day, 1);
      if (this.isWorkingDay(day)) remaining--;
    }
    return day;
  }

  /** Deadline instant: end of the due day in Ulaanbaatar. */
  deadline(from: Date, days: number, count: DayCount): Date {
    return endOfLocalDay(this.dueDay(from, days, count));
  }
}

let cached: { at: number; calendar: BusinessCalendar } | undefined;
const CACHE_MS = 60_000;

/** Loads holidays (cached for a minute: they change a few times a year, deadlines are computed constantly). */
export async function loadCalendar(db: Queryable, options: { fresh?: boolean } = {}): Promise<BusinessCalendar> {
  if (!options.fresh && cached && Date.now() - cached.at < CACHE_MS) return cached.calendar;
  const rows = await db.selectFrom('public_holiday').select('day').execute();
  const calendar = new BusinessCalendar(new Set(rows.map((r) => String(r.day))));
  cached = { at: Date.now(), calendar };
  return calendar;
}

/** Forget cached holidays (after an admin edits them, and in tests). */
export function clearCalendarCache(): void {
  cached = undefined;
}
