import { issueApiKey } from '../src/modules/feedback/open311/api-keys.js';
import { SESSION_COOKIE } from '../src/shared/auth/session.js';
import type { Queryable } from '../src/shared/db/database.js';
import type { MembershipRole } from '../src/shared/db/db-types.js';
import { newToken } from '../src/shared/secrets.js';

/**
 * Rows a benchmark needs before it starts, written directly (no sign-up flow, no
 * emails): an Open311 client key, accounts with memberships, signed-in sessions. They
 * are the same rows the platform's own commands write, so the server treats them as it
 * treats real ones.
 */

/** Registers an Open311 client application and returns its key. */
export async function createApiKey(db: Queryable, name: string): Promise<{ id: number; key: string }> {
  const issued = await issueApiKey(db, { name, now: new Date() });
  return { id: issued.id, key: issued.key };
}

/** A verified account that cannot sign in with a password (the hash matches nothing); sessions are made directly. */
export async function createAccount(db: Queryable, email: string, displayName: string): Promise<number> {
  const row = await db
    .insertInto('account')
    .values({ email, display_name: displayName, password_hash: '!bench-account-no-password', email_verified_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addMembership(db: Queryable, accountId: number, organisationId: number, role: MembershipRole = 'member'): Promise<void> {
  await db.insertInto('membership').values({ account_id: accountId, organisation_id: organisationId, role }).execute();
}

/**
 * A signed-in session, as the sign-in page creates it (only the token's SHA-256 is
 * stored), returned as the Cookie header a browser would send. last_seen_at is now, so
 * reading pages for the next ten minutes writes nothing.
 */
export async function createSession(db: Queryable, accountId: number): Promise<string> {
  const { token, hash } = newToken();
  const now = new Date();
  await db
    .insertInto('session')
    .values({ token_hash: hash, account_id: accountId, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + 14 * 24 * 3600 * 1000) })
    .execute();
  return `${SESSION_COOKIE}=${token}`;
}
