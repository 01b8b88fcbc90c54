import { sql } from 'kysely';
import type { Queryable } from '../../shared/db/database.js';

/**
 * Slows password guessing with the login_attempt table: after 5 failed sign-ins for one
 * address, or 20 from one network, within 15 minutes, further attempts are refused until
 * the oldest of those failures is 15 minutes old, even with the right password (else the
 * refusal itself would confirm a guess). A successful sign-in clears the count for its
 * address, not for the network, which a guesser could otherwise reset with an account of
 * their own. Refused attempts are not recorded, so waiting always ends the pause.
 * Checks and records are not serialised: a burst of parallel guesses can exceed the
 * limit by a few, which does not change what guessing costs.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_NETWORK = 20;

/**
 * IPv4 addresses count one by one; an IPv6 user controls a whole /64, so the network
 * limit counts per /64 prefix.
 */
function sameNetwork(ip: string) {
  return sql<boolean>`ip <<= network(set_masklen(${ip}::inet, CASE WHEN family(${ip}::inet) = 6 THEN 64 ELSE 32 END))`;
}

/** When sign-in is allowed again for this address and network, or null if it is allowed now. */
export async function loginBlockedUntil(q: Queryable, email: string, ip: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  // The limit-th most recent failure: once it leaves the window, fewer than `limit` remain.
  const byEmail = await q
    .selectFrom('login_attempt')
    .where('email', '=', email)
    .where('succeeded', '=', false)
    .where('attempted_at', '>', since)
    .where('attempted_at', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('login_attempt as ok')
            .where('ok.email', '=', email)
            .where('ok.succeeded', '=', true)
            // Recorded after the failure (ids follow insertion, even within one instant).
            .whereRef('ok.id', '>', 'login_attempt.id')
            .where('ok.attempted_at', '<=', now)
            .select('ok.id'),
        ),
      ),
    )
    .select('attempted_at')
    .orderBy('attempted_at', 'desc')
    .offset(MAX_FAILURES_PER_EMAIL - 1)
    .limit(1)
    .executeTakeFirst();
  const byNetwork = await q
    .selectFrom('login_attempt')
    .where(sameNetwork(ip))
    .where('succeeded', '=', false)
    .where('attempted_at', '>', since)
    .where('attempted_at', '<=', now)
    .select('attempted_at')
    .orderBy('attempted_at', 'desc')
    .offset(MAX_FAILURES_PER_NETWORK - 1)
    .limit(1)
    .executeTakeFirst();
  const until = [byEmail, byNetwork].filter((r) => r !== undefined).map((r) => r.attempted_at.getTime() + LOGIN_WINDOW_MS);
  return until.length ? new Date(Math.max(...until)) : null;
}

export async function recordLoginAttempt(q: Queryable, attempt: { email: string; ip: string; now: Date; succeeded: boolean }): Promise<void> {
  await q.insertInto('login_attempt').values({ email: attempt.email, ip: attempt.ip, attempted_at: attempt.now, succeeded: attempt.succeeded }).execute();
}
