import type { Db } from '../../../shared/db/database.js';
import type { Lang } from '../../../shared/i18n/index.js';
import { enqueueEmail } from '../../../shared/mail/email.js';
import { accountLinks, alreadyRegisteredEmail, verifyEmail } from '../emails.js';
import { hashPassword } from '../passwords.js';
import { findAccountByEmail } from '../queries.js';
import { issueToken } from '../tokens.js';

export interface SignUpInput {
  /** Already normalised and checked (validation.ts). */
  email: string;
  displayName: string;
  password: string;
  /** The language the person is using the site in: their emails come in it. */
  lang: Lang;
}

/**
 * Creates an unverified account and queues its confirmation email, in one transaction.
 * When the address is already registered nothing is created and the owner of the
 * existing account is told instead; the caller answers both cases the same way, so
 * sign-up never reveals whether an address has an account.
 */
export async function signUp(db: Db, input: SignUpInput, now: Date, publicUrl: string): Promise<{ created: boolean }> {
  // Hashing takes tens of milliseconds; it is done before the transaction opens, in both cases alike.
  const passwordHash = await hashPassword(input.password);
  const links = accountLinks(publicUrl);
  return db.transaction().execute(async (tx) => {
    // ON CONFLICT keeps the transaction usable when two sign-ups for one address race.
    const inserted = await tx
      .insertInto('account')
      .values({ email: input.email, display_name: input.displayName, password_hash: passwordHash, preferred_lang: input.lang, created_at: now })
      .onConflict((oc) => oc.column('email').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      const token = await issueToken(tx, inserted.id, 'verify_email', now);
      await enqueueEmail(tx, verifyEmail, input.email, input.lang, { name: input.displayName, link: links.verify(token) });
      return { created: true };
    }
    const existing = await findAccountByEmail(tx, input.email);
    if (existing && !existing.disabled) {
      await enqueueEmail(tx, alreadyRegisteredEmail, existing.email, existing.preferredLang, { name: existing.displayName, signInLink: links.signIn, resetLink: links.forgot });
    }
    return { created: false };
  });
}
