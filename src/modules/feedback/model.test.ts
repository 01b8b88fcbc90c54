import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.js';
import type { Database } from '../../shared/db/database.js';
import { FEEDBACK_CHANNELS, FEEDBACK_KINDS, FEEDBACK_STATUSES, normaliseEmail, normalisePhone } from './model.js';

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

async function enumValues(name: string): Promise<string[]> {
  const result = await sql<{ v: string }>`SELECT unnest(enum_range(NULL::${sql.raw(name)}))::text AS v`.execute(database.db);
  return result.rows.map((r) => r.v);
}

describe('feedback vocabulary', () => {
  it('matches the database enums exactly, in order', async () => {
    expect(await enumValues('feedback_kind')).toEqual([...FEEDBACK_KINDS]);
    expect(await enumValues('feedback_status')).toEqual([...FEEDBACK_STATUSES]);
    expect(await enumValues('feedback_channel')).toEqual([...FEEDBACK_CHANNELS]);
  });

  it('normalises Mongolian and international phone numbers, and refuses others', () => {
    expect(normalisePhone('9911 2233')).toBe('+97699112233');
    expect(normalisePhone('+976 88-11-22-33')).toBe('+97688112233');
    expect(normalisePhone('+44 20 7946 0958')).toBe('+442079460958');
    expect(normalisePhone('12345')).toBeNull();
    expect(normalisePhone('1911 2233')).toBeNull();
  });

  it('normalises email addresses to lower case and refuses malformed ones', () => {
    expect(normaliseEmail(' Saraa@Example.MN ')).toBe('saraa@example.mn');
    expect(normaliseEmail('saraa@example')).toBeNull();
    expect(normaliseEmail('two@@example.mn')).toBeNull();
  });
});
