import { describe, expect, it } from 'vitest';
import { BusinessCalendar, endOfLocalDay, localDaysBetween } from './calendar.js';

// Naadam 2026: 11-15 July (Saturday to Wednesday).
const naadam = new BusinessCalendar(new Set(['2026-07-11', '2026-07-12', '2026-07-13', '2026-07-14', '2026-07-15']));

describe('business calendar', () => {
  it('ends a deadline at the end of the day in Ulaanbaatar (UTC+8)', () => {
    expect(endOfLocalDay('2026-03-31').toISOString()).toBe('2026-03-31T15:59:59.999Z');
  });

  it('counts calendar days from the local day of receipt', () => {
    // 23:30 on 1 March in Ulaanbaatar is still 1 March there, though 15:30Z.
    const received = new Date('2026-03-01T15:30:00Z');
    expect(naadam.dueDay(received, 30, 'calendar')).toBe('2026-03-31');
    // 00:30 on 2 March in Ulaanbaatar is the previous day in UTC, but the local day counts.
    expect(naadam.dueDay(new Date('2026-03-01T16:30:00Z'), 30, 'calendar')).toBe('2026-04-01');
  });

  it('moves a calendar-day deadline that lands on a weekend or holiday to the next working day', () => {
    // 30 days after 12 June 2026 is Sunday 12 July, inside Naadam: due Thursday 16 July.
    expect(naadam.dueDay(new Date('2026-06-12T02:00:00Z'), 30, 'calendar')).toBe('2026-07-16');
    // 1 day after Friday 6 March 2026 is Saturday: due Monday 9 March.
    expect(naadam.dueDay(new Date('2026-03-06T02:00:00Z'), 1, 'calendar')).toBe('2026-03-09');
  });

  it('counts working days skipping weekends and public holidays', () => {
    // From Thursday 9 July 2026: Fri 10 (1), then Naadam and the weekend, Thu 16 (2), Fri 17 (3).
    expect(naadam.dueDay(new Date('2026-07-09T02:00:00Z'), 3, 'working')).toBe('2026-07-17');
    // Ten working days from Monday 2 March 2026 are two full weeks.
    expect(naadam.dueDay(new Date('2026-03-02T02:00:00Z'), 10, 'working')).toBe('2026-03-16');
  });

  it('measures whole local days between two instants', () => {
    expect(localDaysBetween(new Date('2026-03-01T15:00:00Z'), new Date('2026-03-01T17:00:00Z'))).toBe(1);
    expect(localDaysBetween(new Date('2026-03-10T02:00:00Z'), new Date('2026-03-07T02:00:00Z'))).toBe(-3);
  });
});
