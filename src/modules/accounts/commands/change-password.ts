import type { Db } from '../../../shared/db/database.js';
import { enqueueEmail } from '../../../shared/mail/email.js';
import { accountLinks, passwordChangedEmail } from '../emails.js';
import { loginBlockedUntil, recordLoginAttempt } from '../login-throttle.js';
import { hashPassword, verifyPassword } from '../passwords.js';
import { findAccountById } from '../queries.js';

export type ChangePasswordResult = { ok: true } | { ok: false; reason: 'wrong_current' } | { ok: false; reason: 'blocked'; until: Date };

/**
 * Changes the password of a signed-in account after checking the current one (under
 * the login rate limit: a stolen session must not become a guessing oracle). Every
 * session but the current one ends, and the owner is told by email in case it was
 * not them.
 */
export async function changePassword(
  db: Db,
  input: { accountId: number; currentPassword: string; newPassword: string; keepSession: Buffer | null; ip: string; now: Date; publicUrl: string },
): Promise<ChangePasswordResult> {
  const { now } = input;
  const account = await findAccountById(db, input.accountId);
  if (!account) return { ok: false, reason: 'wrong_current' };
  const until = await loginBlockedUntil(db, account.email, input.ip, now);
  if (until) return { ok: false, reason: 'blocked', until };
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) {
    await recordLoginAttempt(db, { email: account.email, ip: input.ip, now, succeeded: false });
    return { ok: false, reason: 'wrong_current' };
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('account').set({ password_hash: passwordHash }).where('id', '=', account.id).execute();
    let others = tx.deleteFrom('session').where('account_id', '=', account.id);
    if (input.keepSession) others = others.where('token_hash', '<>', input.keepSession);
    await others.execute();
    await enqueueEmail(tx, passwordChangedEmail, account.email, account.preferredLang, {
      name: account.displayName,
      at: now.toISOString(),
      resetLink: accountLinks(input.publicUrl).forgot,
    });
  });
  return { ok: true };
}
