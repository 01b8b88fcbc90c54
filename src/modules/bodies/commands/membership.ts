import type { Tx } from '../../../shared/db/database.js';
import { AppError } from '../../../shared/errors.js';
import type { MembershipRole } from '../schemas.js';

/**
 * Staff changes of an organisation. Not public (staff names never are), but each one is
 * written to the private membership_change trail with who made it and when.
 */
interface ChangeContext {
  organisationId: number;
  /** The account making the change; null for the demo seed and command-line tools. */
  by: number | null;
  now: Date;
}

/**
 * Changes to one organisation's staff run one at a time (row lock on the organisation),
 * so two admins demoting each other at once cannot leave the body with no admin.
 */
async function lockOrganisation(tx: Tx, organisationId: number): Promise<void> {
  const row = await tx.selectFrom('organisation').where('id', '=', organisationId).select('id').forUpdate().executeTakeFirst();
  if (!row) throw new AppError('not_found');
}

async function currentRole(tx: Tx, organisationId: number, accountId: number): Promise<MembershipRole> {
  const row = await tx.selectFrom('membership').where('organisation_id', '=', organisationId).where('account_id', '=', accountId).select('role').executeTakeFirst();
  if (!row) throw new AppError('bodies.not_member', { status: 404, fields: [{ field: 'staff', key: 'bodies:errors.not_member' }] });
  return row.role;
}

async function adminCount(tx: Tx, organisationId: number): Promise<number> {
  const row = await tx
    .selectFrom('membership')
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'admin')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function lastAdmin(): AppError {
  return new AppError('bodies.last_admin', { status: 409, fields: [{ field: 'staff', key: 'bodies:errors.last_admin' }] });
}

/**
 * Adds the account with this email to the organisation's staff. The person must have an
 * account already: inviting people by email comes later, so the message says so.
 */
export async function addMember(tx: Tx, input: ChangeContext & { email: string; role: MembershipRole }): Promise<number> {
  await lockOrganisation(tx, input.organisationId);
  const account = await tx
    .selectFrom('account')
    .where('email', '=', input.email.trim().toLowerCase())
    .where('disabled_at', 'is', null)
    .select('id')
    .executeTakeFirst();
  if (!account) throw new AppError('validation_failed', { fields: [{ field: 'email', key: 'bodies:errors.no_account' }] });
  const existing = await tx.selectFrom('membership').where('organisation_id', '=', input.organisationId).where('account_id', '=', account.id).select('role').executeTakeFirst();
  if (existing) throw new AppError('validation_failed', { fields: [{ field: 'email', key: 'bodies:errors.already_member' }] });
  await tx.insertInto('membership').values({ account_id: account.id, organisation_id: input.organisationId, role: input.role, created_at: input.now }).execute();
  await tx
    .insertInto('membership_change')
    .values({ organisation_id: input.organisationId, account_id: account.id, action: 'added', role: input.role, previous_role: null, changed_by: input.by, changed_at: input.now })
    .execute();
  return account.id;
}

/** Makes a member admin or an admin plain staff; the last admin stays admin. */
export async function changeMemberRole(tx: Tx, input: ChangeContext & { accountId: number; role: MembershipRole }): Promise<void> {
  await lockOrganisation(tx, input.organisationId);
  const previous = await currentRole(tx, input.organisationId, input.accountId);
  if (previous === input.role) return;
  if (previous === 'admin' && (await adminCount(tx, input.organisationId)) <= 1) throw lastAdmin();
  await tx.updateTable('membership').set({ role: input.role }).where('organisation_id', '=', input.organisationId).where('account_id', '=', input.accountId).execute();
  await tx
    .insertInto('membership_change')
    .values({ organisation_id: input.organisationId, account_id: input.accountId, action: 'role_changed', role: input.role, previous_role: previous, changed_by: input.by, changed_at: input.now })
    .execute();
}

/** Removes a person from the staff; never the last admin, so a body can always be managed. */
export async function removeMember(tx: Tx, input: ChangeContext & { accountId: number }): Promise<void> {
  await lockOrganisation(tx, input.organisationId);
  const previous = await currentRole(tx, input.organisationId, input.accountId);
  if (previous === 'admin' && (await adminCount(tx, input.organisationId)) <= 1) throw lastAdmin();
  await tx.deleteFrom('membership').where('organisation_id', '=', input.organisationId).where('account_id', '=', input.accountId).execute();
  await tx
    .insertInto('membership_change')
    .values({ organisation_id: input.organisationId, account_id: input.accountId, action: 'removed', role: null, previous_role: previous, changed_by: input.by, changed_at: input.now })
    .execute();
}
