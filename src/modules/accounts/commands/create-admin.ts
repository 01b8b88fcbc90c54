import type { Db } from '../../../shared/db/database.js';
import { hashPassword } from '../passwords.js';
import { findAccountByEmail } from '../queries.js';

export type CreateAdminResult = { outcome: 'created'; accountId: number } | { outcome: 'granted'; accountId: number } | { outcome: 'already_admin'; accountId: number };

/**
 * Grants the platform_admin role to the account with this address, creating it first
 * (already confirmed: the operator who runs the command vouches for the address) when
 * there is none. `password` is needed only to create an account.
 */
export async function createOrPromoteAdmin(
  db: Db,
  input: { email: string; displayName: string; password: () => Promise<string> },
  now: Date,
): Promise<CreateAdminResult> {
  const existing = await findAccountByEmail(db, input.email);
  if (existing) {
    const granted = await db
      .insertInto('account_platform_role')
      .values({ account_id: existing.id, role: 'platform_admin', granted_at: now })
      .onConflict((oc) => oc.columns(['account_id', 'role']).doNothing())
      .returning('account_id')
      .executeTakeFirst();
    return { outcome: granted ? 'granted' : 'already_admin', accountId: existing.id };
  }
  const passwordHash = await hashPassword(await input.password());
  return db.transaction().execute(async (tx) => {
    const account = await tx
      .insertInto('account')
      .values({ email: input.email, display_name: input.displayName, password_hash: passwordHash, email_verified_at: now, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('account_platform_role').values({ account_id: account.id, role: 'platform_admin', granted_at: now }).execute();
    return { outcome: 'created', accountId: account.id } as const;
  });
}
