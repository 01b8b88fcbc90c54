import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { signIn } from '../../../test/support/factories.js';
import { seedDemoBodies } from '../bodies/demo-data.js';
import { insideTransaction } from '../../demo/one-transaction.js';
import { seedDemoConsultations } from './demo.js';

/** The demo consultations: made by the real commands, once, and readable as a newcomer finds them. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoBodies(t.db, { now: new Date('2025-12-01T00:00:00Z') });
});
afterAll(async () => t.close());

describe('demo consultations', () => {
  it('seeds an open draft law, a finished regulation with its report and one with overdue answers, once', async () => {
    // As the demo seed does: everything in one transaction.
    const result = await t.db.transaction().execute(async (tx) => seedDemoConsultations(insideTransaction(tx), t.clock));
    expect(result).toMatchObject({ consultations: 3, skipped: false });
    expect((await seedDemoConsultations(t.db, t.clock)).skipped).toBe(true);
    const client = new WebClient(t.app);
    const list = await client.get('/consultations');
    expect(list.body).toContain('Шийдвэр гаргах үйл ажиллагаанд олон нийтийг оролцуулах тухай хуулийн төсөл');
    const rows = await t.db.selectFrom('consultation').select(['id', 'status', 'title_mn']).orderBy('id').execute();
    expect(rows.map((r) => r.status)).toEqual(['published', 'finished', 'published']);
    const law = (await client.get(`/api/consultations/${rows[0]!.id}`)).json();
    expect(law.phase).toBe('open');
    expect(law.figures.comments).toBeGreaterThanOrEqual(9);
    expect(law.figures.answered).toBe(4);
    expect(law.figures.from_organisations).toBe(2);
    expect(law.hearings).toHaveLength(2);
    const playground = (await client.get(`/api/consultations/${rows[1]!.id}`)).json();
    expect(playground.versions).toHaveLength(2);
    expect(playground.figures.unanswered).toBe(0);
    expect((await client.get(`/consultations/${rows[1]!.id}/report`)).body).toContain('Хэлэлцүүлгийн тайлан');
    expect((await client.get('/consultations/late')).body).toContain('Ерөнхий боловсролын сургуулийн сурагчийн дүрэмт хувцасны журмын төсөл');
    // Ministry staff can sign in with the demo password and answer.
    const staff = new WebClient(t.app);
    await signIn(staff, 'ministry-of-justice-and-home-affairs@demo.irgen.mn', 'irgen-demo-2026');
    expect((await staff.get(`/consultations/${rows[0]!.id}/answers`)).statusCode).toBe(200);
    // A comment waits for the moderator; no email or print was left queued.
    expect(await t.db.selectFrom('consultation_comment').where('status', '=', 'pending').select('id').execute()).toHaveLength(1);
    const events = await t.db.selectFrom('public_event').where('type', 'like', 'consultations.%').select('id').execute();
    expect(events.length).toBeGreaterThan(10);
    const queued = await t.db.selectFrom(sql`graphile_worker.jobs`.as('j')).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    expect(Number(queued.n)).toBe(0);
  });
});
