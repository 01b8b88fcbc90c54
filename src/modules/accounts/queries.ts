import type { Queryable } from '../../shared/db/database.js';
import { isLang, type Lang } from '../../shared/i18n/index.js';

export interface AccountRow {
  id: number;
  email: string;
  displayName: string;
  passwordHash: string;
  emailVerified: boolean;
  preferredLang: Lang;
  disabled: boolean;
}

async function findAccount(q: Queryable, where: { email: string } | { id: number }): Promise<AccountRow | undefined> {
  let query = q.selectFrom('account').select(['id', 'email', 'display_name', 'password_hash', 'email_verified_at', 'preferred_lang', 'disabled_at']);
  query = 'email' in where ? query.where('email', '=', where.email) : query.where('id', '=', where.id);
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    emailVerified: row.email_verified_at !== null,
    preferredLang: isLang(row.preferred_lang) ? row.preferred_lang : 'mn',
    disabled: row.disabled_at !== null,
  };
}

/** The account with this (normalised) address, disabled ones included. */
export function findAccountByEmail(q: Queryable, email: string): Promise<AccountRow | undefined> {
  return findAccount(q, { email });
}

export function findAccountById(q: Queryable, id: number): Promise<AccountRow | undefined> {
  return findAccount(q, { id });
}
