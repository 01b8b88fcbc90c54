import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { GENESIS_HASH, linkHash } from './hash.js';
import { occurredAtText } from './queries.js';

/** Only one chainer links at a time, across every process sharing the database. */
const CHAINER_LOCK = sql`SELECT pg_advisory_xact_lock(hashtext('irgen:public-record-chainer'))`;

export const DEFAULT_CHAIN_BATCH = 1000;

/**
 * Links up to `limit` pending events into the hash chain in one transaction and returns
 * how many it linked. Events are taken in id order among those already committed, so an
 * event with a smaller id whose transaction commits later is simply linked later, with a
 * higher seq. Writers never wait for this: they only insert, and the lock below is one
 * they never take.
 */
export async function chainPending(db: Db, options: { limit?: number } = {}): Promise<number> {
  const limit = options.limit ?? DEFAULT_CHAIN_BATCH;
  return db.transaction().execute(async (tx) => {
    // Taken before reading anything: each later statement sees what a previous chainer committed.
    await CHAINER_LOCK.execute(tx);
    const last = await tx.selectFrom('public_event_chain').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const events = await tx
      .selectFrom('public_event_pending as p')
      .innerJoin('public_event as e', 'e.id', 'p.event_id')
      .select(['e.id', occurredAtText.as('occurred_at'), 'e.type', 'e.subject', 'e.payload'])
      .orderBy('p.event_id')
      .limit(limit)
      .execute();
    if (events.length === 0) return 0;

    let seq = last?.seq ?? 0;
    let prev: Buffer = last?.hash ?? GENESIS_HASH;
    const seqs: number[] = [];
    const ids: number[] = [];
    const prevs: Buffer[] = [];
    const hashes: Buffer[] = [];
    for (const event of events) {
      seq += 1;
      const hash = linkHash(prev, { seq, id: event.id, occurred_at: event.occurred_at, type: event.type, subject: event.subject, payload: event.payload });
      seqs.push(seq);
      ids.push(event.id);
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    }
    // Arrays keep this one statement whatever the batch size (no parameter limit).
    await sql`INSERT INTO public_event_chain (seq, event_id, prev_hash, hash)
      SELECT * FROM unnest(${seqs}::bigint[], ${ids}::bigint[], ${prevs}::bytea[], ${hashes}::bytea[])`.execute(tx);
    await sql`DELETE FROM public_event_pending WHERE event_id = ANY(${ids}::bigint[])`.execute(tx);
    return events.length;
  });
}
