import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createBody, createCategory } from '../../../test/support/feedback-factories.js';
import type { FeedbackKind } from '../../shared/db/db-types.js';
import { deadlineRule } from './deadlines.js';
import { deadlineFromReference, feedbackReference, invalidateFeedbackReference, routeFromReference } from './reference.js';
import { resolveResponsibleBody } from './routing.js';

let t: TestApp;
let bodies: number[];
let categories: number[];
const PLACES = [null, '11', '1110', '111059', '111061', '46', '4601', '460151', '85'];

beforeAll(async () => {
  t = await createTestApp();
  bodies = [];
  for (let i = 0; i < 4; i++) bodies.push((await createBody(t.db)).id);
  categories = [];
  for (let i = 0; i < 3; i++) categories.push((await createCategory(t.db)).id);
});
afterAll(async () => t.close());

class Rollback extends Error {}

describe('the in-memory configuration', () => {
  it('routes exactly like the SQL routing for any set of rules', async () => {
    const rule = fc.record({ category: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }), place: fc.constantFrom(...PLACES), body: fc.integer({ min: 0, max: 3 }) });
    const rules = fc.uniqueArray(rule, { selector: (r) => `${r.category}:${r.place}`, maxLength: 12 });
    const query = fc.record({ category: fc.integer({ min: 0, max: 2 }), place: fc.constantFrom('111059', '111061', '1110', '11', '460151', '4601', '46', '8501', '2101') });
    await fc.assert(
      fc.asyncProperty(rules, fc.array(query, { minLength: 1, maxLength: 6 }), async (generated, queries) => {
        await t.db
          .transaction()
          .execute(async (tx) => {
            await tx.deleteFrom('routing_rule').execute();
            if (generated.length) {
              await tx
                .insertInto('routing_rule')
                .values(generated.map((r) => ({ category_id: r.category === null ? null : categories[r.category]!, place_code: r.place, body_id: bodies[r.body]! })))
                .execute();
            }
            invalidateFeedbackReference();
            const ref = await feedbackReference(tx);
            for (const q of queries) {
              const fromSql = await resolveResponsibleBody(tx, categories[q.category]!, q.place).catch(() => undefined);
              expect(routeFromReference(ref, categories[q.category]!, q.place)).toBe(fromSql);
            }
            throw new Rollback();
          })
          .catch((error) => {
            if (!(error instanceof Rollback)) throw error;
          });
      }),
      { numRuns: 40 },
    );
    invalidateFeedbackReference();
  });

  it('picks a body’s own deadline rule over the default, like the SQL lookup', async () => {
    await t.db.insertInto('deadline_rule').values({ kind: 'complaint', body_id: bodies[1]!, days: 15, day_count: 'working' }).execute();
    invalidateFeedbackReference();
    const ref = await feedbackReference(t.db);
    for (const kind of ['complaint', 'request', 'suggestion'] as FeedbackKind[]) {
      for (const body of bodies) expect(deadlineFromReference(ref, kind, body)).toEqual(await deadlineRule(t.db, kind, body));
    }
    expect(deadlineFromReference(ref, 'complaint', bodies[1]!)).toEqual({ days: 15, dayCount: 'working' });
  });
});
