import type { Db } from '../../../shared/db/database.js';
import { loginBlockedUntil, recordLoginAttempt } from '../login-throttle.js';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from '../passwords.js';
import { findAccountByEmail } from '../queries.js';

export type SignInResult = { ok: true; accountId: number; preferredLang: string } | { ok: false; reason: 'wrong' } | { ok: false; reason: 'blocked'; until: Date };

/**
 * Checks an address and password under the login rate limit and records the attempt.
 * An unknown address, a disabled account and a wrong password look the same and take
 * the same time. A hash made with older costs is replaced after a successful check.
 */
export async function authenticate(db: Db, input: { email: string; password: string; ip: string; now: Date }): Promise<SignInResult> {
  const { email, password, ip, now } = input;
  const until = await loginBlockedUntil(db, email, ip, now);
  if (until) return { ok: false, reason: 'blocked', until };
  const account = await findAccountByEmail(db, email);
  const valid = account && !account.disabled ? await verifyPassword(account.passwordHash, password) : await verifyAgainstNothing(password);
  await recordLoginAttempt(db, { email, ip, now, succeeded: valid });
  if (!valid || !account) return { ok: false, reason: 'wrong' };
  if (needsRehash(account.passwordHash)) {
    await db.updateTable('account').set({ password_hash: await hashPassword(password) }).where('id', '=', account.id).execute();
  }
  return { ok: true, accountId: account.id, preferredLang: account.preferredLang };
}
