import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../shared/db/database.js';
import { AppError } from '../../../shared/errors.js';

/**
 * Abuse controls at the moment a signer asks to be verified (an email link or an SMS
 * code is requested): rate limits per IP address, per email domain and per phone prefix
 * refuse (429) what no honest crowd does; disposable addresses and bursts just below the
 * limits FLAG the vote for moderators, who may invalidate it with a reason. A flagged
 * vote counts until then: nothing is dropped silently.
 */
export const LIMITS = {
  windowMs: 10 * 60_000,
  /** Verification requests from one address for one petition in the window: a household, not a script. */
  perIp: 10,
  perDomain: 300,
  perPrefix: 300,
  /** Bursts that flag (below the limits). */
  burstIp: 3,
  burstDomain: 30,
  burstPrefix: 50,
} as const;

/** Mail providers that most people use: their volume is not a signal. */
const LARGE_PROVIDERS = new Set(['gmail.com', 'yahoo.com', 'hotmail.com', 'outlook.com', 'icloud.com', 'mail.ru', 'yandex.ru', 'live.com', 'protonmail.com', 'proton.me']);

/** Throwaway mailbox services (a short list; the flag sends them to a moderator, it refuses nothing). */
export const DISPOSABLE_DOMAINS = new Set([
  'mailinator.com',
  'guerrillamail.com',
  '10minutemail.com',
  'temp-mail.org',
  'yopmail.com',
  'trashmail.com',
  'sharklasers.com',
  'getnada.com',
  'dispostable.com',
  'maildrop.cc',
  'tempmail.dev',
  'throwawaymail.com',
]);

export interface Verdict {
  flags: string[];
  /** What a moderator may see: the email domain or the phone prefix. */
  hint: string | null;
}

function ipKey(key: Buffer, ip: string): string {
  // Addresses are not stored: a keyed hash groups requests without keeping who sent them.
  return 'ip:' + createHmac('sha256', key).update(ip).digest('hex').slice(0, 32);
}

/**
 * Counts and records one verification request. Throws 429 with a message naming the
 * limit; otherwise returns the flags for the vote.
 */
export async function screenVerification(db: Db, ipHashKey: Buffer, input: { petitionId: number; ip: string; email?: string; phone?: string; now: Date }): Promise<Verdict> {
  const keys: { key: string; limit: number; burst: number; flag: string; code: string }[] = [
    { key: ipKey(ipHashKey, input.ip), limit: LIMITS.perIp, burst: LIMITS.burstIp, flag: 'burst_ip', code: 'petitions.rate_limited_ip' },
  ];
  let hint: string | null = null;
  const flags: string[] = [];
  if (input.email) {
    const domain = input.email.slice(input.email.lastIndexOf('@') + 1);
    hint = domain.slice(0, 80);
    if (DISPOSABLE_DOMAINS.has(domain)) flags.push('disposable');
    if (!LARGE_PROVIDERS.has(domain)) keys.push({ key: `domain:${domain}`.slice(0, 120), limit: LIMITS.perDomain, burst: LIMITS.burstDomain, flag: 'burst_domain', code: 'petitions.rate_limited_domain' });
  }
  if (input.phone) {
    const prefix = input.phone.replace(/^\+976/, '').slice(0, 4);
    hint = `${prefix}****`;
    keys.push({ key: `prefix:${prefix}`, limit: LIMITS.perPrefix, burst: LIMITS.burstPrefix, flag: 'burst_prefix', code: 'petitions.rate_limited_prefix' });
  }
  const since = new Date(input.now.getTime() - LIMITS.windowMs);
  const { rows } = await sql<{ key: string; n: number }>`
    SELECT key, count(*) AS n FROM petition_verification_attempt
    WHERE petition_id = ${input.petitionId} AND key = ANY(${keys.map((k) => k.key)}::text[]) AND attempted_at > ${since}
    GROUP BY key`.execute(db);
  const counts = new Map(rows.map((r) => [r.key, Number(r.n)]));
  for (const k of keys) {
    const n = counts.get(k.key) ?? 0;
    if (n >= k.limit) throw new AppError(k.code as `petitions.${string}`, { status: 429 });
  }
  await db
    .insertInto('petition_verification_attempt')
    .values(keys.map((k) => ({ petition_id: input.petitionId, key: k.key, attempted_at: input.now })))
    .execute();
  for (const k of keys) if ((counts.get(k.key) ?? 0) + 1 >= k.burst) flags.push(k.flag);
  return { flags, hint };
}
