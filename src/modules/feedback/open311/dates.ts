/**
 * Dates in Open311 queries are ISO 8601. We accept a full date-time with or without an
 * offset (without one it is Ulaanbaatar time, +08:00, which has no daylight saving), or
 * a bare date. A '+' that arrived unencoded in a query string reads as a space; it is
 * taken for the '+' it was.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+\- ]\d{2}(?::?\d{2})?)?)?$/;
const UB_OFFSET_MINUTES = 8 * 60;
const DAY_MS = 24 * 3600 * 1000;
export const MAX_WINDOW_DAYS = 90;

/** The instant a parameter names, or null when it is not a real ISO 8601 date; a bare date is its first (or, with `endOfDay`, last) millisecond. */
export function parseIsoDate(value: string, options: { endOfDay?: boolean } = {}): Date | null {
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const ms = frac === undefined ? 0 : Math.floor(Number(`0.${frac}`) * 1000);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  // Day 31 of a 30-day month rolls over in Date.UTC: compare back to catch it.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || year < 1970 || year > 9999) return null;
  let offset = UB_OFFSET_MINUTES;
  if (zone !== undefined) {
    if (zone === 'Z' || zone === 'z') offset = 0;
    else {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
      if (oh > 14 || om > 59) return null;
      offset = sign * (oh * 60 + om);
    }
  }
  let time = Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60_000;
  if (h === undefined && options.endOfDay) time += DAY_MS - 1;
  return new Date(time);
}

export type DateWindow = { from: Date; to: Date } | { error: 'start_date' | 'end_date' | 'date_order' | 'date_window' };

/**
 * The window of requested_datetime to search: GeoReport v2 allows at most 90 days and
 * defaults to the last 90. With one end given, the other is 90 days away.
 */
export function dateWindow(start: string | undefined, end: string | undefined, now: Date): DateWindow {
  const from = start !== undefined ? parseIsoDate(start) : undefined;
  if (from === null) return { error: 'start_date' };
  const to = end !== undefined ? parseIsoDate(end, { endOfDay: true }) : undefined;
  if (to === null) return { error: 'end_date' };
  const span = MAX_WINDOW_DAYS * DAY_MS;
  if (from && to) {
    if (to.getTime() < from.getTime()) return { error: 'date_order' };
    if (to.getTime() - from.getTime() > span) return { error: 'date_window' };
    return { from, to };
  }
  if (from) return { from, to: new Date(from.getTime() + span) };
  if (to) return { from: new Date(to.getTime() - span), to };
  return { from: new Date(now.getTime() - span), to: now };
}
