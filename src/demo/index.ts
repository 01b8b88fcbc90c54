import { sql } from 'kysely';
import { DEMO_SLUGS, seedDemoBodies, type SeedCounts } from '../modules/bodies/demo-data.js';
import { invalidateFeedbackReference } from '../modules/feedback/reference.js';
import type { Db, Queryable } from '../shared/db/database.js';
import type { Secrets } from '../shared/secrets.js';
import { createDemoAccounts, DEMO_ACCOUNTS, DemoStaff, demoPasswordHash } from './accounts.js';
import { discardSeedEmails, seedDemoFeedback } from './feedback.js';
import { seedDemoPetitions } from '../modules/petitions/demo.js';
import { seedDemoCommitments } from '../modules/commitments/demo.js';
import { seedDemoConsultations } from '../modules/consultations/demo.js';
import { insideTransaction } from './one-transaction.js';
import { HISTORY_DAYS, planDemoFeedback } from './plan.js';

export interface DemoSummary {
  bodies: SeedCounts;
  accounts: number;
  /** Staff accounts of the other bodies that appear in the demo history. */
  staffAccounts: number;
  items: number;
  publicEvents: number;
  /** Steps of the history a command refused (see feedback.ts); expected to be empty. */
  refused: string[];
  /** How long the seed took, in milliseconds. */
  ms: number;
}

export type DemoSeedResult = { status: 'seeded'; summary: DemoSummary } | { status: 'skipped'; reason: 'not_fresh' | 'has_feedback' };

export interface DemoSeedOptions {
  /** The present: the demo history runs up to it. */
  now: Date;
  publicUrl: string;
  /** The platform's secrets: the submitters' private links are derived from them. */
  secrets: Secrets;
  /**
   * 'fresh' (first start): only into a database with no bodies and no feedback.
   * 'no_feedback' (npm run demo:seed): bodies may exist already (they are kept).
   */
  when?: 'fresh' | 'no_feedback';
  /** How many feedback items; about 360 by default. */
  items?: number;
  seed?: number;
  /** Called after each item is filed (progress; tests use it to fail half-way). */
  onProgress?: (done: number, total: number) => void;
}

export const DEMO_ITEMS = 360;
export const DEMO_SEED = 20_260_301;

/**
 * The demo dataset a newcomer sees after `npm start` (DEMO_DATA=true): the real public
 * bodies with their categories and routing rules, an account for every role, and a few
 * hundred feedback items with fourteen months of history, made by the real commands.
 * All in one transaction: a failure half-way leaves the database as it was, and the next
 * start tries again. Never seeds twice: a database that already has feedback (or, on a
 * fresh start, bodies) is left alone.
 */
export async function seedDemoData(db: Db, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const started = performance.now();
  const passwordHash = await demoPasswordHash();
  const since = new Date(options.now.getTime() - (HISTORY_DAYS + 10) * 86_400_000);
  const plan = planDemoFeedback(options.now, { count: options.items ?? DEMO_ITEMS, seed: options.seed ?? DEMO_SEED });
  // The routing cache must not hold rules read inside this transaction once it ends.
  invalidateFeedbackReference();
  try {
    return await db.transaction().execute(async (tx): Promise<DemoSeedResult> => {
      // Two processes starting on one empty database: the second waits, then finds it seeded.
      await sql`SELECT pg_advisory_xact_lock(hashtext('irgen:demo-seed'))`.execute(tx);
      const state = await databaseState(tx);
      if (state.feedback) return { status: 'skipped', reason: 'has_feedback' };
      if ((options.when ?? 'fresh') === 'fresh' && state.bodies) return { status: 'skipped', reason: 'not_fresh' };
      const inner = insideTransaction(tx);
      const bodies = await seedDemoBodies(inner, { now: since });
      const accounts = await createDemoAccounts(tx, passwordHash, since);
      const slugIds = new Map((await tx.selectFrom('organisation').select(['id', 'slug']).execute()).map((o) => [o.slug, o.id]));
      const staff = new DemoStaff(tx, passwordHash, since, accounts, {
        hotline: slugIds.get(DEMO_SLUGS.hotline)!,
        bayanzurkh: slugIds.get(DEMO_SLUGS.bayanzurkh)!,
        arvaikheer: slugIds.get(DEMO_SLUGS.arvaikheer)!,
      });
      const feedback = await seedDemoFeedback({ db: inner, now: options.now, since, publicUrl: options.publicUrl, secrets: options.secrets, accounts, staff, onProgress: options.onProgress }, plan);
      await seedDemoPetitions(inner, { now: () => options.now });
      await seedDemoCommitments(inner, { now: () => options.now }, { passwordHash });
      await seedDemoConsultations(inner, { now: () => options.now }, { passwordHash });
      await discardSeedEmails(inner);
      const events = await tx.selectFrom('public_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return {
        status: 'seeded',
        summary: {
          bodies,
          accounts: DEMO_ACCOUNTS.length,
          staffAccounts: feedback.staffAccounts,
          items: feedback.items,
          publicEvents: Number(events.n),
          refused: feedback.refused,
          ms: Math.round(performance.now() - started),
        },
      };
    });
  } finally {
    invalidateFeedbackReference();
  }
}

/** Whether the database has any public body, and any feedback. */
export async function databaseState(db: Queryable): Promise<{ bodies: boolean; feedback: boolean }> {
  const row = await sql<{ bodies: boolean; feedback: boolean }>`
    SELECT EXISTS (SELECT 1 FROM body) AS bodies, EXISTS (SELECT 1 FROM feedback_item) AS feedback`.execute(db);
  return { bodies: !!row.rows[0]?.bodies, feedback: !!row.rows[0]?.feedback };
}

export { DEMO_ACCOUNTS, DEMO_PASSWORD, usableDemoAccounts } from './accounts.js';
