import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.js';
import type { Database } from '../../shared/db/database.js';
import { COMBINED_BAND, disagrees, fromColumns, isHttpUrl, lowerOf, parseLinks, PLAN_KINDS, PROGRESS_SCALE, toColumns } from './model.js';
import { computeFigures, csoView, isOverdue } from './summary.js';

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

async function enumValues(name: string): Promise<string[]> {
  const result = await sql<{ v: string }>`SELECT unnest(enum_range(NULL::${sql.raw(name)}))::text AS v`.execute(database.db);
  return result.rows.map((r) => r.v);
}

describe('the progress scale', () => {
  it('is the OGP scale, and the database enum holds exactly it, in order', async () => {
    expect([...PROGRESS_SCALE]).toEqual(['not_started_or_severe_delays', 'limited_progress', 'substantial_progress', 'completed']);
    expect(await enumValues('commitment_progress')).toEqual([...PROGRESS_SCALE]);
    expect(await enumValues('commitment_plan_kind')).toEqual([...PLAN_KINDS]);
  });

  it('keeps the report’s combined band as a range, never as one step', () => {
    expect(toColumns(COMBINED_BAND)).toEqual({ status: 'substantial_progress', status_up_to: 'completed' });
    expect(fromColumns(toColumns(COMBINED_BAND))).toBe(COMBINED_BAND);
    for (const value of PROGRESS_SCALE) expect(fromColumns(toColumns(value))).toBe(value);
    expect(fromColumns(toColumns(null))).toBeNull();
  });

  it('calls two views different only when they cannot both be true', () => {
    expect(disagrees('limited_progress', COMBINED_BAND)).toBe(true);
    expect(disagrees('completed', COMBINED_BAND)).toBe(false);
    expect(disagrees('substantial_progress', COMBINED_BAND)).toBe(false);
    expect(disagrees('substantial_progress', 'completed')).toBe(true);
    expect(disagrees('limited_progress', 'limited_progress')).toBe(false);
    expect(disagrees(null, 'completed')).toBe(false);
    expect(disagrees('completed', null)).toBe(false);
  });

  it('takes the most critical of several CSO views', () => {
    expect(lowerOf('completed', 'limited_progress')).toBe('limited_progress');
    expect(lowerOf(COMBINED_BAND, 'substantial_progress')).toBe('substantial_progress');
    expect(csoView([COMBINED_BAND, 'not_started_or_severe_delays', 'completed'])).toBe('not_started_or_severe_delays');
    expect(csoView([])).toBeNull();
  });

  it('accepts only absolute http(s) addresses as evidence links, and says which lines are not', () => {
    expect(isHttpUrl('https://shilendans.gov.mn/report?id=1')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('www.tender.gov.mn')).toBe(false);
    expect(isHttpUrl('https://user:pw@example.mn')).toBe(false);
    expect(isHttpUrl('http://localhost')).toBe(false);
    const parsed = parseLinks('https://legalinfo.mn/law/1\n\n  not a link \nftp://files.mn/x');
    expect(parsed.links).toEqual(['https://legalinfo.mn/law/1']);
    expect(parsed.bad).toEqual([
      { line: 3, value: 'not a link' },
      { line: 4, value: 'ftp://files.mn/x' },
    ]);
  });
});

describe('figures', () => {
  it('count by government and CSO view, disagreements and overdue milestones, per plan and per commitment', () => {
    const figures = computeFigures(
      [
        { commitmentNumber: 1, government: 'completed', cso: ['limited_progress'], due: '2026-01-01' },
        { commitmentNumber: 1, government: COMBINED_BAND, cso: ['completed'], due: '2026-01-01' },
        { commitmentNumber: 2, government: 'limited_progress', cso: [], due: '2026-01-01' },
        { commitmentNumber: 2, government: null, cso: [], due: '2027-01-01' },
      ],
      '2026-06-01',
    );
    expect(figures.plan.milestones).toBe(4);
    expect(figures.plan.governmentBands).toEqual({ green: 2, yellow: 1, red: 0, none: 1 });
    expect(figures.plan.government.completed).toBe(1);
    expect(figures.plan.government[COMBINED_BAND]).toBe(1);
    expect(figures.plan.cso).toMatchObject({ limited_progress: 1, completed: 1, none: 2 });
    expect(figures.plan.disagreements).toBe(1);
    expect(figures.plan.overdue).toBe(1);
    expect(figures.byCommitment.get(1)!.milestones).toBe(2);
    expect(figures.byCommitment.get(2)!.overdue).toBe(1);
  });

  it('calls a milestone overdue only after its due day, and never once completed', () => {
    expect(isOverdue({ government: 'limited_progress', due: '2026-06-01' }, '2026-06-01')).toBe(false);
    expect(isOverdue({ government: 'limited_progress', due: '2026-06-01' }, '2026-06-02')).toBe(true);
    expect(isOverdue({ government: null, due: '2026-06-01' }, '2026-06-02')).toBe(true);
    expect(isOverdue({ government: 'completed', due: '2026-06-01' }, '2026-06-02')).toBe(false);
  });
});
