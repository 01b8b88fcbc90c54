import type { Queryable } from '../../shared/db/database.js';
import type { AccountTokenPurpose } from '../../shared/db/db-types.js';
import { newToken, sha256 } from '../../shared/secrets.js';

/** How long an emailed link works. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 48 * 3600 * 1000,
  reset_password: 3600 * 1000,
};

/** Tokens are 32 random bytes in base64url; anything else is refused without a query. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type TokenCheck = { ok: true; accountId: number } | { ok: false; problem: 'invalid' | 'used' | 'expired' };

/** Stores a new single-use token (only its SHA-256) and returns the token for the emailed link. */
export async function issueToken(q: Queryable, accountId: number, purpose: AccountTokenPurpose, now: Date): Promise<string> {
  const { token, hash } = newToken();
  await q
    .insertInto('account_token')
    .values({ token_hash: hash, account_id: accountId, purpose, created_at: now, expires_at: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]) })
    .execute();
  return token;
}

/** Whether a link still works, without using it up (a reset form is shown before it is sent). */
export async function checkToken(q: Queryable, token: string, purpose: AccountTokenPurpose, now: Date): Promise<TokenCheck> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, problem: 'invalid' };
  const row = await q
    .selectFrom('account_token')
    .innerJoin('account', 'account.id', 'account_token.account_id')
    .where('account_token.token_hash', '=', sha256(token))
    .where('account_token.purpose', '=', purpose)
    .where('account.disabled_at', 'is', null)
    .select(['account_token.account_id', 'account_token.used_at', 'account_token.expires_at'])
    .executeTakeFirst();
  if (!row) return { ok: false, problem: 'invalid' };
  if (row.used_at) return { ok: false, problem: 'used' };
  if (row.expires_at <= now) return { ok: false, problem: 'expired' };
  return { ok: true, accountId: row.account_id };
}

/**
 * Uses a token up. The UPDATE only matches an unused, unexpired token, so of two
 * concurrent clicks exactly one succeeds; the other is told the link was used.
 */
export async function consumeToken(q: Queryable, token: string, purpose: AccountTokenPurpose, now: Date): Promise<TokenCheck> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, problem: 'invalid' };
  const used = await q
    .updateTable('account_token')
    .set({ used_at: now })
    .where('token_hash', '=', sha256(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where(({ exists, selectFrom }) => exists(selectFrom('account').whereRef('account.id', '=', 'account_token.account_id').where('account.disabled_at', 'is', null).select('account.id')))
    .returning('account_id')
    .executeTakeFirst();
  if (used) return { ok: true, accountId: used.account_id };
  return checkToken(q, token, purpose, now);
}

/** Marks every other open link of the account for this purpose used: one reset ends all reset links. */
export async function retireTokens(q: Queryable, accountId: number, purpose: AccountTokenPurpose, now: Date): Promise<void> {
  await q.updateTable('account_token').set({ used_at: now }).where('account_id', '=', accountId).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
}

/** How many links of this purpose were sent to the account since `since` (limits email floods). */
export async function tokensIssuedSince(q: Queryable, accountId: number, purpose: AccountTokenPurpose, since: Date): Promise<{ count: number; oldest: Date | null }> {
  const row = await q
    .selectFrom('account_token')
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('created_at', '>', since)
    .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('oldest')])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), oldest: row.oldest ? new Date(row.oldest) : null };
}
