import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';

/**
 * occurred_at exactly as the hash covers it: formatted by PostgreSQL in UTC with all six
 * fractional digits, because a JavaScript Date would drop the microseconds.
 */
export const occurredAtText = sql<string>`to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One link of the chain with its event, as the page, the API and the download show it. */
export interface RecordLink {
  seq: number;
  id: number;
  occurred_at: string;
  type: string;
  subject: string;
  payload: unknown;
  prev_hash: Buffer;
  hash: Buffer;
  chained_at: Date;
}

export interface RecordFilter {
  /** 'feedback' (every feedback event) or a longer prefix such as 'feedback.received'. */
  type?: string;
  /** Exact subject: 'feedback/K7M4TRX9'. */
  subject?: string;
}

function linksQuery(q: Queryable, filter: RecordFilter) {
  let query = q
    .selectFrom('public_event_chain as c')
    .innerJoin('public_event as e', 'e.id', 'c.event_id')
    .select(['c.seq', 'e.id', occurredAtText.as('occurred_at'), 'e.type', 'e.subject', 'e.payload', 'c.prev_hash', 'c.hash', 'c.chained_at']);
  if (filter.type) {
    // A bare module name means its events ('feedback' → 'feedback.%'); '_' is a LIKE wildcard.
    const prefix = filter.type.includes('.') ? filter.type : `${filter.type}.`;
    query = query.where('e.type', 'like', `${prefix.replace(/_/g, '\\_')}%`);
  }
  if (filter.subject) query = query.where('e.subject', '=', filter.subject);
  return query;
}

function toLink(row: { seq: number; id: number; occurred_at: string; type: string; subject: string; payload: unknown; prev_hash: Buffer; hash: Buffer; chained_at: string | Date }): RecordLink {
  return { ...row, chained_at: new Date(row.chained_at) };
}

/** Newest links first, before `before` (a seq), for the page and its JSON twin. */
export async function recentLinks(q: Queryable, options: RecordFilter & { before?: number; limit: number }): Promise<RecordLink[]> {
  let query = linksQuery(q, options);
  if (options.before !== undefined) query = query.where('c.seq', '<', options.before);
  const rows = await query.orderBy('c.seq', 'desc').limit(options.limit).execute();
  return rows.map(toLink);
}

/**
 * The `before` of the page just newer than one that starts at `before`: undefined when
 * there is nothing newer, null when the newer page is the first one.
 */
export async function newerPageBefore(q: Queryable, options: RecordFilter & { before: number; limit: number }): Promise<number | null | undefined> {
  const rows = await linksQuery(q, options)
    .where('c.seq', '>=', options.before)
    .orderBy('c.seq', 'asc')
    .limit(options.limit + 1)
    .execute();
  if (rows.length === 0) return undefined;
  if (rows.length <= options.limit) return null;
  return rows[options.limit - 1]!.seq + 1;
}

/** Oldest first, after `after` and up to `upTo` (both seqs): a batch of the download. */
export async function linksAfter(q: Queryable, options: { after: number; upTo: number; limit: number }): Promise<RecordLink[]> {
  const rows = await linksQuery(q, {})
    .where('c.seq', '>', options.after)
    .where('c.seq', '<=', options.upTo)
    .orderBy('c.seq', 'asc')
    .limit(options.limit)
    .execute();
  return rows.map(toLink);
}

export interface RecordStatus {
  /** Links in the chain; seq runs 1..n without gaps, so this is also the last seq. */
  chained: number;
  pending: number;
  lastSeq: number | null;
  lastHash: Buffer | null;
  lastChainedAt: Date | null;
}

export async function recordStatus(q: Queryable): Promise<RecordStatus> {
  const last = await q.selectFrom('public_event_chain').select(['seq', 'hash', 'chained_at']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const pending = await q
    .selectFrom('public_event_pending')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    chained: last?.seq ?? 0,
    pending: Number(pending.n),
    lastSeq: last?.seq ?? null,
    lastHash: last?.hash ?? null,
    lastChainedAt: last ? new Date(last.chained_at) : null,
  };
}
