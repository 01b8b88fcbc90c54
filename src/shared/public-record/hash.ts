import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The one definition of a link's hash, shared by the chainer, the verifier and the
 * offline check of a downloaded file. docs/PUBLIC-RECORD.md describes the same steps in
 * words so anyone can re-implement them; change both together or not at all.
 */

/** The `prev_hash` of the first link: 32 zero bytes. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** What each link's hash covers: the event as published, plus its place in the chain. */
export interface LinkedEvent {
  seq: number;
  id: number;
  /** UTC with microseconds, as the database formats it: '2026-03-02T01:00:00.000000Z'. */
  occurred_at: string;
  type: string;
  subject: string;
  payload: unknown;
}

/** RFC 8785 (JSON Canonicalization Scheme) bytes of the event, UTF-8. */
export function canonicalEventBytes(event: LinkedEvent): Buffer {
  const text = canonicalize({
    seq: event.seq,
    id: event.id,
    occurred_at: event.occurred_at,
    type: event.type,
    subject: event.subject,
    payload: event.payload,
  });
  if (text === undefined) throw new Error(`event ${event.id} cannot be written as JSON`);
  return Buffer.from(text, 'utf8');
}

/** hash = SHA-256(prev_hash || canonical bytes of the event). */
export function linkHash(prevHash: Uint8Array, event: LinkedEvent): Buffer {
  if (prevHash.length !== 32) throw new Error(`prev_hash must be 32 bytes, got ${prevHash.length}`);
  return createHash('sha256').update(prevHash).update(canonicalEventBytes(event)).digest();
}
