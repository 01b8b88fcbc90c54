import { sql } from 'kysely';
import pg from 'pg';
import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.js';
import { connectDatabase, type Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { appendPublicEvent } from './append.js';
import { chainPending } from './chain.js';
import { startRecordChainer } from './chainer.js';
import { definePublicEvent } from './events.js';
import { GENESIS_HASH, linkHash } from './hash.js';
import { occurredAtText } from './queries.js';
import { verifyRecord } from './verify.js';

/** A test-only kind: type names are unique per process, so each test file has its own. */
const noted = definePublicEvent('chaintest.noted', Type.Object({ n: Type.Integer(), note: Type.Optional(Type.String({ maxLength: 100 })) }, { additionalProperties: false }));

let database: Awaited<ReturnType<typeof createTestDatabase>>;
/** A second pool, big enough for twenty writers at once. */
let wide: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  wide = connectDatabase(database.url, { max: 25 });
});
afterAll(async () => {
  await wide?.close();
  await database?.drop();
});

const at = new Date('2026-03-02T01:00:00Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function append(n: number, subject = 'thing/a'): Promise<number> {
  return database.db.transaction().execute((tx) => appendPublicEvent(tx, { kind: noted, subject, payload: { n }, occurredAt: at }));
}

async function chainAll(db = database.db): Promise<number> {
  let total = 0;
  for (let n = await chainPending(db, { limit: 500 }); n > 0; n = await chainPending(db, { limit: 500 })) total += n;
  return total;
}

async function chainRows() {
  return database.db.selectFrom('public_event_chain').select(['seq', 'event_id', 'prev_hash', 'hash']).orderBy('seq').execute();
}

async function pendingCount(): Promise<number> {
  const row = await database.db.selectFrom('public_event_pending').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

function expectContinuous(rows: { seq: number; event_id: number }[]) {
  rows.forEach((row, i) => expect(row.seq).toBe(i + 1));
  expect(new Set(rows.map((r) => r.event_id)).size).toBe(rows.length);
}

describe('chainPending', () => {
  it('links committed events in id order, each carrying the previous hash, the first after 32 zero bytes', async () => {
    await chainAll();
    const before = (await chainRows()).length;
    const ids = [await append(1), await append(2), await append(3)];
    expect(await pendingCount()).toBe(3);

    expect(await chainPending(database.db, { limit: 2 })).toBe(2);
    expect(await chainPending(database.db, { limit: 2 })).toBe(1);
    expect(await chainPending(database.db, { limit: 2 })).toBe(0);
    expect(await pendingCount()).toBe(0);

    const rows = await chainRows();
    expectContinuous(rows);
    expect(rows.slice(before).map((r) => r.event_id)).toEqual(ids);
    expect(rows[0]!.prev_hash.equals(GENESIS_HASH)).toBe(true);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash.equals(rows[i - 1]!.hash)).toBe(true);
  });

  it('stores hashes anyone can recompute from the event, microseconds included', async () => {
    // A time with microseconds, which a JavaScript Date could not carry.
    await sql`INSERT INTO public_event (occurred_at, type, subject, payload) VALUES ('2026-03-02 09:15:30.123456+08', 'chaintest.noted', 'thing/micro', '{"n": 7}')`.execute(database.db);
    await chainAll();
    const rows = await database.db
      .selectFrom('public_event_chain as c')
      .innerJoin('public_event as e', 'e.id', 'c.event_id')
      .select(['c.seq', 'c.prev_hash', 'c.hash', 'e.id', occurredAtText.as('occurred_at'), 'e.type', 'e.subject', 'e.payload'])
      .orderBy('c.seq')
      .execute();
    for (const r of rows) {
      expect(linkHash(r.prev_hash, { seq: r.seq, id: r.id, occurred_at: r.occurred_at, type: r.type, subject: r.subject, payload: r.payload }).equals(r.hash)).toBe(true);
    }
    expect(rows.find((r) => r.subject === 'thing/micro')!.occurred_at).toBe('2026-03-02T01:15:30.123456Z');
  });

  it('links an event that commits after a later-numbered one later, with a higher seq', async () => {
    await chainAll();
    const early = await wide.pool.connect();
    try {
      await early.query('BEGIN');
      const first = await early.query(`INSERT INTO public_event (occurred_at, type, subject, payload) VALUES (now(), 'chaintest.noted', 'thing/early', '{"n": 1}') RETURNING id`);
      const earlyId = Number(first.rows[0].id);
      const lateId = await append(2, 'thing/late');
      expect(lateId).toBeGreaterThan(earlyId);
      expect(await chainAll()).toBe(1); // the uncommitted event is invisible and not waited for
      await early.query('COMMIT');
      expect(await chainAll()).toBe(1);
      const rows = await database.db.selectFrom('public_event_chain').select(['seq', 'event_id']).where('event_id', 'in', [earlyId, lateId]).execute();
      const seqOf = (id: number) => rows.find((r) => r.event_id === id)!.seq;
      expect(seqOf(earlyId)).toBeGreaterThan(seqOf(lateId));
    } finally {
      early.release();
    }
    expect((await verifyRecord(database.db)).ok).toBe(true);
  });

  it('chains every event of 20 concurrent writers × 50 exactly once, with a continuous seq, while chaining runs', async () => {
    const start = (await chainRows()).length;
    let writing = true;
    const chainer = (async () => {
      while (writing) {
        await chainPending(database.db, { limit: 100 });
        await sleep(5);
      }
    })();
    const ids: number[] = [];
    await Promise.all(
      Array.from({ length: 20 }, (_, w) =>
        wide.db.transaction().execute(async (tx) => {
          for (let i = 0; i < 50; i++) {
            ids.push(await appendPublicEvent(tx, { kind: noted, subject: `writer/w${w}`, payload: { n: i }, occurredAt: at }));
            // Uneven pauses make transactions commit in a different order from their ids.
            if (i % 10 === w % 10) await sleep((w * 7) % 13);
          }
          await sleep((20 - w) * 3);
        }),
      ),
    );
    writing = false;
    await chainer;
    await chainAll();

    const rows = await chainRows();
    expectContinuous(rows);
    expect(rows.length - start).toBe(1000);
    const chained = new Set(rows.map((r) => r.event_id));
    for (const id of ids) expect(chained.has(id)).toBe(true);
    expect(await pendingCount()).toBe(0);
    expect(await verifyRecord(database.db)).toMatchObject({ ok: true, checked: rows.length });
  });

  it('never double-links when two chainers run at once', async () => {
    const start = (await chainRows()).length;
    await wide.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 600; i++) await appendPublicEvent(tx, { kind: noted, subject: 'thing/both', payload: { n: i }, occurredAt: at });
    });
    const other = connectDatabase(database.url, { max: 2 });
    try {
      const loop = async (db: typeof database.db) => {
        let total = 0;
        for (let n = await chainPending(db, { limit: 50 }); n > 0; n = await chainPending(db, { limit: 50 })) total += n;
        return total;
      };
      const [a, b] = await Promise.all([loop(database.db), loop(other.db)]);
      expect(a + b).toBe(600);
    } finally {
      await other.close();
    }
    const rows = await chainRows();
    expectContinuous(rows);
    expect(rows.length - start).toBe(600);
  });

  it('lets writers commit while a chainer holds the lock, and the next chainer waits its turn', async () => {
    await chainAll();
    const holder = await wide.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT pg_advisory_xact_lock(hashtext('irgen:public-record-chainer'))`);
      const started = Date.now();
      await append(1, 'thing/unblocked');
      expect(Date.now() - started).toBeLessThan(1000);

      let done = false;
      const waiting = chainPending(wide.db).then((n) => ((done = true), n));
      await sleep(200);
      expect(done).toBe(false);
      await holder.query('COMMIT');
      expect(await waiting).toBe(1);
    } finally {
      holder.release();
    }
  });
});

describe('the public record tables', () => {
  for (const table of ['public_event', 'public_event_chain'] as const) {
    it(`refuse UPDATE, DELETE and TRUNCATE on ${table}`, async () => {
      await append(1);
      await chainAll();
      const set = table === 'public_event' ? sql`payload = '{}'` : sql`chained_at = now()`;
      await expect(sql`UPDATE ${sql.table(table)} SET ${set}`.execute(database.db)).rejects.toThrow(/append-only: UPDATE/);
      await expect(sql`DELETE FROM ${sql.table(table)}`.execute(database.db)).rejects.toThrow(/append-only: DELETE/);
      await expect(sql`TRUNCATE ${sql.table(table)} CASCADE`.execute(database.db)).rejects.toThrow(/append-only: TRUNCATE/);
    });
  }
});

describe('payload schemas', () => {
  it('refuse properties they do not declare, so personal data cannot slip in', async () => {
    const payload = { n: 1, email: 'bat@example.mn' } as unknown as { n: number };
    await expect(database.db.transaction().execute((tx) => appendPublicEvent(tx, { kind: noted, subject: 'thing/a', payload, occurredAt: at }))).rejects.toThrow(
      /does not match its declared schema/,
    );
  });

  it('must forbid extra properties at every level to be declared at all', () => {
    expect(() => definePublicEvent('chaintest.open', Type.Object({ n: Type.Integer() }))).toThrow(/must forbid extra properties/);
    expect(() =>
      definePublicEvent('chaintest.nested', Type.Object({ who: Type.Object({ name: Type.String() }) }, { additionalProperties: false })),
    ).toThrow(/payload\.who of public event/);
    expect(() => definePublicEvent('chaintest.noted', Type.Object({}, { additionalProperties: false }))).toThrow(/declared twice/);
  });
});

describe('startRecordChainer', () => {
  const quiet: Logger = { info() {}, warn() {}, error() {}, debug() {} };

  it('links new events within moments of their commit, woken by NOTIFY rather than its timer', async () => {
    await chainAll();
    // An hour-long timer: only the notification can wake it after its first pass.
    const chainer = startRecordChainer(database, { intervalMs: 3_600_000, log: quiet });
    try {
      await sleep(300);
      const id = await append(1, 'thing/notified');
      const deadline = Date.now() + 3000;
      let chained = false;
      while (!chained && Date.now() < deadline) {
        chained = (await database.db.selectFrom('public_event_chain').select('seq').where('event_id', '=', id).executeTakeFirst()) !== undefined;
        if (!chained) await sleep(25);
      }
      expect(chained).toBe(true);
    } finally {
      await chainer.stop();
    }
  });

  it('asks for a NOTIFY only while idle, so writers under load commit without one', async () => {
    const listener = new pg.Client(database.url);
    await listener.connect();
    let notifications = 0;
    listener.on('notification', () => notifications++);
    await listener.query('LISTEN public_record');
    try {
      await database.db.updateTable('public_record_chainer').set({ wants_wakeup: false }).execute();
      await append(1, 'thing/quiet');
      await sleep(200);
      expect(notifications).toBe(0);
      await database.db.updateTable('public_record_chainer').set({ wants_wakeup: true }).execute();
      await append(2, 'thing/loud');
      await sleep(200);
      expect(notifications).toBe(1);
    } finally {
      await listener.end();
      await database.db.updateTable('public_record_chainer').set({ wants_wakeup: false }).execute();
      await chainAll();
    }
  });

  it('raises the flag when idle and lowers it when stopped', async () => {
    const flag = async () => (await database.db.selectFrom('public_record_chainer').select('wants_wakeup').executeTakeFirstOrThrow()).wants_wakeup;
    const chainer = startRecordChainer(database, { intervalMs: 3_600_000, log: quiet });
    const deadline = Date.now() + 3000;
    while (!(await flag()) && Date.now() < deadline) await sleep(25);
    expect(await flag()).toBe(true);
    await chainer.stop();
    expect(await flag()).toBe(false);
  });

  it('keeps going in full batches until nothing waits', async () => {
    await database.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 250; i++) await appendPublicEvent(tx, { kind: noted, subject: 'thing/batch', payload: { n: i }, occurredAt: at });
    });
    const chainer = startRecordChainer(database, { intervalMs: 3_600_000, batchSize: 40, log: quiet });
    try {
      const deadline = Date.now() + 5000;
      while ((await pendingCount()) > 0 && Date.now() < deadline) await sleep(25);
      expect(await pendingCount()).toBe(0);
    } finally {
      await chainer.stop();
    }
  });

  it('survives a database it cannot reach, logging once, and stops cleanly', async () => {
    const errors: unknown[] = [];
    const log: Logger = { ...quiet, error: (obj) => void errors.push(obj) };
    const unreachable = connectDatabase('postgres://nobody:wrong@127.0.0.1:1/none');
    const chainer = startRecordChainer(unreachable, { intervalMs: 20, log });
    await sleep(300);
    await chainer.stop();
    await chainer.stop();
    await unreachable.close();
    expect(errors).toHaveLength(1);
  });
});
