import { localDay } from '../../../shared/i18n/format.js';
import { isOpen } from '../model.js';
import type { FeedbackStatus } from '../../../shared/db/db-types.js';

/** Items due within this many calendar days (in Ulaanbaatar) are flagged "due soon". */
export const DUE_SOON_DAYS = 3;

export type DueState = { kind: 'overdue'; days: number } | { kind: 'soon'; days: number } | { kind: 'later' } | { kind: 'none' };

const DAY_MS = 86_400_000;

/** Whole calendar days from one Ulaanbaatar date to another ('2026-04-01' → '2026-04-03' = 2). */
function dayDiff(from: Date, to: Date): number {
  return Math.round((Date.parse(localDay(to)) - Date.parse(localDay(from))) / DAY_MS);
}

/**
 * The end of the last "due soon" day: 23:59:59.999 in Ulaanbaatar, DUE_SOON_DAYS days
 * after today. Deadlines are ends of days, so "due within 3 days" is a calendar question,
 * and pages, counts and the digest all ask it with this one limit.
 */
export function dueSoonLimit(now: Date): Date {
  const today = Date.parse(localDay(now));
  const last = new Date(today + DUE_SOON_DAYS * DAY_MS).toISOString().slice(0, 10);
  // Mongolia has kept UTC+8 all year since 2017.
  return new Date(`${last}T23:59:59.999+08:00`);
}

/** How an item's deadline reads to staff: days overdue, days left when soon, or neither. */
export function dueState(item: { status: FeedbackStatus; due_at: Date }, now: Date): DueState {
  if (!isOpen(item.status)) return { kind: 'none' };
  if (item.due_at.getTime() < now.getTime()) return { kind: 'overdue', days: dayDiff(item.due_at, now) };
  if (item.due_at.getTime() <= dueSoonLimit(now).getTime()) return { kind: 'soon', days: dayDiff(now, item.due_at) };
  return { kind: 'later' };
}
