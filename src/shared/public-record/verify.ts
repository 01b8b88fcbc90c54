import fs from 'node:fs';
import readline from 'node:readline';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { GENESIS_HASH, linkHash, type LinkedEvent } from './hash.js';
import { occurredAtText } from './queries.js';

export type BreakReason = 'missing_link' | 'prev_hash_mismatch' | 'hash_mismatch' | 'event_missing' | 'unchained_event' | 'malformed_line';

export interface BrokenLink {
  /** Where the chain breaks; null for an event that never entered the chain. */
  seq: number | null;
  eventId: number | null;
  reason: BreakReason;
  /** More about it, for people: the seq found instead, a line number. */
  detail?: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Links checked and found intact (before the break, if any). */
  checked: number;
  /** The last intact link, hex; keep it to check later that history still starts this way. */
  lastSeq: number | null;
  lastHash: string | null;
  /** Events committed but not yet linked (database only). */
  pending?: number;
  /** A downloaded part that starts after seq 1 is checked from its own first prev_hash. */
  startsAtSeq?: number;
  firstBroken?: BrokenLink;
}

const REASONS: Record<BreakReason, string> = {
  missing_link: 'a link is missing from the chain',
  prev_hash_mismatch: "prev_hash does not equal the previous link's hash",
  hash_mismatch: "hash does not match the event's content",
  event_missing: 'the linked event no longer exists',
  unchained_event: 'the event is neither in the chain nor waiting to be linked',
  malformed_line: 'the line is not a record entry',
};

/** "BROKEN at seq 17 (event 42): hash does not match the event's content". */
export function describeBreak(broken: BrokenLink): string {
  const event = broken.eventId !== null ? `event ${broken.eventId}` : '';
  const where = broken.seq !== null ? ` at seq ${broken.seq}${event ? ` (${event})` : ''}` : event ? ` at ${event}` : '';
  return `BROKEN${where}: ${REASONS[broken.reason]}${broken.detail ? ` (${broken.detail})` : ''}`;
}

export interface LinkToCheck {
  seq: number;
  eventId: number;
  prevHash: Buffer;
  hash: Buffer;
  /** The event as stored or downloaded; null when it is gone. */
  event: Omit<LinkedEvent, 'seq'> | null;
}

/**
 * Walks links in seq order with constant memory: each must follow the previous one
 * without a gap, carry its hash as prev_hash, and hash to its own content.
 */
export class ChainChecker {
  checked = 0;
  private expectedSeq: number;
  private prevHash: Buffer;
  private lastHash: Buffer | null = null;

  constructor(start: { seq: number; prevHash: Buffer } = { seq: 1, prevHash: GENESIS_HASH }) {
    this.expectedSeq = start.seq;
    this.prevHash = start.prevHash;
  }

  check(link: LinkToCheck): BrokenLink | undefined {
    if (link.seq !== this.expectedSeq) {
      return { seq: this.expectedSeq, eventId: null, reason: 'missing_link', detail: `expected seq ${this.expectedSeq}, found ${link.seq}` };
    }
    if (!link.prevHash.equals(this.prevHash)) return { seq: link.seq, eventId: link.eventId, reason: 'prev_hash_mismatch' };
    if (!link.event) return { seq: link.seq, eventId: link.eventId, reason: 'event_missing' };
    const recomputed = linkHash(link.prevHash, { seq: link.seq, ...link.event });
    if (!recomputed.equals(link.hash) || link.event.id !== link.eventId) return { seq: link.seq, eventId: link.eventId, reason: 'hash_mismatch' };
    this.checked++;
    this.expectedSeq++;
    this.prevHash = link.hash;
    this.lastHash = link.hash;
    return undefined;
  }

  result(broken?: BrokenLink): VerifyResult {
    return {
      ok: broken === undefined,
      checked: this.checked,
      lastSeq: this.lastHash ? this.expectedSeq - 1 : null,
      lastHash: this.lastHash?.toString('hex') ?? null,
      ...(broken ? { firstBroken: broken } : {}),
    };
  }
}

/**
 * Checks the whole public record in the database: every link in seq order (in batches,
 * so millions of rows take constant memory), then that no event escaped both the chain
 * and the queue. Read-only, in one snapshot so a running chainer cannot confuse it.
 */
export async function verifyRecord(db: Db, options: { batchSize?: number } = {}): Promise<VerifyResult> {
  const batchSize = options.batchSize ?? 5000;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      const checker = new ChainChecker();
      let after = 0;
      for (;;) {
        const rows = await tx
          .selectFrom('public_event_chain as c')
          .leftJoin('public_event as e', 'e.id', 'c.event_id')
          .select(['c.seq', 'c.event_id', 'c.prev_hash', 'c.hash', 'e.id', occurredAtText.as('occurred_at'), 'e.type', 'e.subject', 'e.payload'])
          .where('c.seq', '>', after)
          .orderBy('c.seq')
          .limit(batchSize)
          .execute();
        for (const row of rows) {
          const event =
            row.id === null || row.type === null || row.subject === null
              ? null
              : { id: row.id, occurred_at: row.occurred_at, type: row.type, subject: row.subject, payload: row.payload };
          const broken = checker.check({ seq: row.seq, eventId: row.event_id, prevHash: row.prev_hash, hash: row.hash, event });
          if (broken) return checker.result(broken);
        }
        if (rows.length < batchSize) break;
        after = rows[rows.length - 1]!.seq;
      }

      const pending = await tx
        .selectFrom('public_event_pending')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const stray = await sql<{ id: number }>`
        SELECT e.id FROM public_event e
        WHERE NOT EXISTS (SELECT 1 FROM public_event_chain c WHERE c.event_id = e.id)
          AND NOT EXISTS (SELECT 1 FROM public_event_pending p WHERE p.event_id = e.id)
        ORDER BY e.id LIMIT 1`.execute(tx);
      const strayId = stray.rows[0]?.id;
      const broken: BrokenLink | undefined = strayId !== undefined ? { seq: null, eventId: Number(strayId), reason: 'unchained_event' } : undefined;
      return { ...checker.result(broken), pending: Number(pending.n) };
    });
}

const HEX64 = /^[0-9a-f]{64}$/;

/** One line of the download, or undefined when it is not shaped like one. */
export function parseRecordLine(line: string): (LinkToCheck & { event: Omit<LinkedEvent, 'seq'> }) | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const ok =
    Number.isSafeInteger(v.seq) &&
    Number.isSafeInteger(v.id) &&
    typeof v.occurred_at === 'string' &&
    typeof v.type === 'string' &&
    typeof v.subject === 'string' &&
    'payload' in v &&
    typeof v.prev_hash === 'string' &&
    HEX64.test(v.prev_hash) &&
    typeof v.hash === 'string' &&
    HEX64.test(v.hash);
  if (!ok) return undefined;
  return {
    seq: v.seq as number,
    eventId: v.id as number,
    prevHash: Buffer.from(v.prev_hash as string, 'hex'),
    hash: Buffer.from(v.hash as string, 'hex'),
    event: { id: v.id as number, occurred_at: v.occurred_at as string, type: v.type as string, subject: v.subject as string, payload: v.payload },
  };
}

/**
 * Checks a download (`GET /record.ndjson`) line by line without any database. A file that
 * starts at seq 1 must start from the 32 zero bytes; a later part (`?after=`) is checked
 * from its own first prev_hash, which links it to the part before it.
 */
export async function verifyNdjson(lines: AsyncIterable<string>): Promise<VerifyResult> {
  let checker: ChainChecker | undefined;
  let startsAtSeq: number | undefined;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    const line = raw.trim();
    if (line === '') continue;
    const link = parseRecordLine(line);
    if (!link) {
      return { ...(checker ?? new ChainChecker()).result({ seq: null, eventId: null, reason: 'malformed_line', detail: `line ${lineNo}` }), ...(startsAtSeq ? { startsAtSeq } : {}) };
    }
    if (!checker) {
      checker = link.seq === 1 ? new ChainChecker() : new ChainChecker({ seq: link.seq, prevHash: link.prevHash });
      if (link.seq !== 1) startsAtSeq = link.seq;
    }
    const broken = checker.check(link);
    if (broken) return { ...checker.result(broken), ...(startsAtSeq ? { startsAtSeq } : {}) };
  }
  return { ...(checker ?? new ChainChecker()).result(), ...(startsAtSeq ? { startsAtSeq } : {}) };
}

export async function verifyNdjsonFile(file: string): Promise<VerifyResult> {
  const input = fs.createReadStream(file, { encoding: 'utf8' });
  try {
    return await verifyNdjson(readline.createInterface({ input, crlfDelay: Infinity }));
  } finally {
    input.destroy();
  }
}
