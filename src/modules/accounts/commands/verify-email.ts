import type { Db } from '../../../shared/db/database.js';
import { enqueueEmail } from '../../../shared/mail/email.js';
import { accountLinks, verifyEmail } from '../emails.js';
import { findAccountById } from '../queries.js';
import { consumeToken, issueToken, retireTokens, tokensIssuedSince, type TokenCheck } from '../tokens.js';

/**
 * Confirms the address of the account the link was sent to. The link is used up and so
 * are the account's other confirmation links; a used or expired link changes nothing.
 */
export async function verifyEmailAddress(db: Db, token: string, now: Date): Promise<TokenCheck & { displayName?: string }> {
  return db.transaction().execute(async (tx) => {
    const check = await consumeToken(tx, token, 'verify_email', now);
    if (!check.ok) return check;
    const account = await tx
      .updateTable('account')
      .set((eb) => ({ email_verified_at: eb.fn.coalesce('email_verified_at', eb.val(now)) }))
      .where('id', '=', check.accountId)
      .returning('display_name')
      .executeTakeFirstOrThrow();
    await retireTokens(tx, check.accountId, 'verify_email', now);
    return { ...check, displayName: account.display_name };
  });
}

/** At most this many confirmation links per account per hour, so the button cannot flood a mailbox. */
export const MAX_VERIFY_EMAILS_PER_HOUR = 3;
const HOUR_MS = 3600 * 1000;

export type ResendResult = { sent: true } | { sent: false; reason: 'already_verified' } | { sent: false; reason: 'too_many'; retryAt: Date };

/** Sends a new confirmation link to a signed-in account that has not confirmed its address. */
export async function resendVerification(db: Db, accountId: number, now: Date, publicUrl: string): Promise<ResendResult> {
  return db.transaction().execute(async (tx) => {
    const account = await findAccountById(tx, accountId);
    if (!account || account.emailVerified) return { sent: false, reason: 'already_verified' } as const;
    const recent = await tokensIssuedSince(tx, accountId, 'verify_email', new Date(now.getTime() - HOUR_MS));
    if (recent.count >= MAX_VERIFY_EMAILS_PER_HOUR && recent.oldest) {
      return { sent: false, reason: 'too_many', retryAt: new Date(recent.oldest.getTime() + HOUR_MS) } as const;
    }
    const token = await issueToken(tx, accountId, 'verify_email', now);
    await enqueueEmail(tx, verifyEmail, account.email, account.preferredLang, { name: account.displayName, link: accountLinks(publicUrl).verify(token) });
    return { sent: true } as const;
  });
}
