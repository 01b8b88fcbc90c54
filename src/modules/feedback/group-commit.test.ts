import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { feedbackWorld } from '../../../test/support/feedback-factories.js';
import type { CommandContext } from './commands/common.js';
import { submissionBatchStats, submitFeedback, type SubmitFeedbackInput } from './commands/submit.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
});
afterAll(async () => t.close());

function input(i: number, extra: Partial<SubmitFeedbackInput> = {}): SubmitFeedbackInput {
  return {
    kind: 'complaint',
    categoryCode: world.category.code,
    placeCode: '111059',
    title: `Гудамжны гэрэл асахгүй ${i}`,
    description: `${i}-р байрны урд гэрэл 2 долоо хоног асахгүй байна.`,
    language: 'mn',
    wantsPublic: i % 2 === 0,
    channel: 'open311',
    contact: i % 5 === 0 ? { email: `resident${i}@example.mn` } : undefined,
    ...extra,
  };
}

describe('submissions under load (group commit)', () => {
  it('writes hundreds of simultaneous submissions completely: item, history, public event, token, email', async () => {
    const results = await Promise.all(Array.from({ length: 300 }, (_, i) => submitFeedback(t.db, input(i), ctx())));
    const codes = results.map((r) => r.code);
    expect(new Set(codes).size).toBe(300);
    // They really were written together, not one statement each.
    expect(submissionBatchStats(t.db)!.batches).toBeLessThan(300);
    expect(submissionBatchStats(t.db)!.largest).toBeGreaterThan(10);
    expect(results.every((r) => r.open311Token !== null)).toBe(true);
    const counts = await sql<{ items: number; history: number; events: number; tokens: number; contacts: number; jobs: number }>`
      SELECT
        (SELECT count(*)::int FROM feedback_item WHERE code = ANY(${codes})) AS items,
        (SELECT count(*)::int FROM feedback_event e JOIN feedback_item i ON i.id = e.item_id WHERE i.code = ANY(${codes}) AND e.type = 'received') AS history,
        (SELECT count(*)::int FROM public_event WHERE subject = ANY(${codes.map((c) => `feedback/${c}`)})) AS events,
        (SELECT count(*)::int FROM open311_token o JOIN feedback_item i ON i.id = o.item_id WHERE i.code = ANY(${codes})) AS tokens,
        (SELECT count(*)::int FROM feedback_contact c JOIN feedback_item i ON i.id = c.item_id WHERE i.code = ANY(${codes})) AS contacts,
        (SELECT count(*)::int FROM graphile_worker.jobs WHERE task_identifier = 'send_email') AS jobs`.execute(t.db);
    expect(counts.rows[0]).toEqual({ items: 300, history: 300, events: 300, tokens: 300, contacts: 60, jobs: 60 });
    // Each caller got the token of its own item.
    const sample = results[137]!;
    const token = await t.db.selectFrom('open311_token').innerJoin('feedback_item', 'feedback_item.id', 'open311_token.item_id').select('feedback_item.code').where('token', '=', sample.open311Token!).executeTakeFirstOrThrow();
    expect(token.code).toBe(sample.code);
  });

  it('fails only the submission the database refuses, not the others written with it', async () => {
    // A rule no validation knows about, standing in for an unforeseen constraint.
    await sql`CREATE FUNCTION refuse_marked_title() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title LIKE '%REFUSE%' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$`.execute(t.db);
    await sql`CREATE TRIGGER refuse_marked_title BEFORE INSERT ON feedback_item FOR EACH ROW EXECUTE FUNCTION refuse_marked_title()`.execute(t.db);
    try {
      const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => submitFeedback(t.db, input(1000 + i, i === 7 ? { title: 'REFUSE this one' } : {}), ctx())));
      expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
      expect(outcomes[7]!.status).toBe('rejected');
      const written = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.code] : []));
      const found = await t.db.selectFrom('feedback_item').select('code').where('code', 'in', written).execute();
      expect(found).toHaveLength(19);
      const refused = await t.db.selectFrom('feedback_item').select('code').where('title', 'like', '%REFUSE%').execute();
      expect(refused).toEqual([]);
    } finally {
      await sql`DROP TRIGGER refuse_marked_title ON feedback_item`.execute(t.db);
    }
  });
});
