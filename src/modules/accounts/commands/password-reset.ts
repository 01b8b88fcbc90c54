import type { Db } from '../../../shared/db/database.js';
import { enqueueEmail } from '../../../shared/mail/email.js';
import { endAllSessions } from '../../../shared/auth/session.js';
import { accountLinks, resetPasswordEmail } from '../emails.js';
import { hashPassword } from '../passwords.js';
import { findAccountByEmail } from '../queries.js';
import { checkToken, consumeToken, issueToken, retireTokens, tokensIssuedSince, type TokenCheck } from '../tokens.js';

/** At most this many reset links per account per hour: the form cannot be used to flood a mailbox. */
export const MAX_RESET_EMAILS_PER_HOUR = 3;
const HOUR_MS = 3600 * 1000;

/**
 * Emails a single-use reset link (valid 1 hour) when the address has an account. The
 * caller answers the same whatever happened, so the form does not reveal which
 * addresses are registered; over the hourly limit the request is silently dropped.
 */
export async function requestPasswordReset(db: Db, email: string, now: Date, publicUrl: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const account = await findAccountByEmail(tx, email);
    if (!account || account.disabled) return;
    const recent = await tokensIssuedSince(tx, account.id, 'reset_password', new Date(now.getTime() - HOUR_MS));
    if (recent.count >= MAX_RESET_EMAILS_PER_HOUR) return;
    const token = await issueToken(tx, account.id, 'reset_password', now);
    await enqueueEmail(tx, resetPasswordEmail, account.email, account.preferredLang, { name: account.displayName, link: accountLinks(publicUrl).reset(token) });
  });
}

/** Whether a reset link still works, so its form is shown only when it can succeed. */
export function checkResetLink(db: Db, token: string, now: Date): Promise<TokenCheck> {
  return checkToken(db, token, 'reset_password', now);
}

/**
 * Sets a new password through a reset link: uses the link up (and every other reset
 * link of the account), ends every session, and counts as proof that the person reads
 * the mailbox, so an unconfirmed address becomes confirmed. All in one transaction.
 */
export async function completePasswordReset(db: Db, token: string, newPassword: string, now: Date): Promise<TokenCheck> {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (tx) => {
    const check = await consumeToken(tx, token, 'reset_password', now);
    if (!check.ok) return check;
    await tx
      .updateTable('account')
      .set((eb) => ({ password_hash: passwordHash, email_verified_at: eb.fn.coalesce('email_verified_at', eb.val(now)) }))
      .where('id', '=', check.accountId)
      .execute();
    await retireTokens(tx, check.accountId, 'reset_password', now);
    await endAllSessions(tx, check.accountId);
    return check;
  });
}
