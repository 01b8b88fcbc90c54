import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { MembershipRole, PlatformRole } from '../../src/shared/auth/actor.js';
import type { Db } from '../../src/shared/db/database.js';
import type { Lang } from '../../src/shared/i18n/index.js';
import { hashPassword } from '../../src/modules/accounts/passwords.js';
import { createBody as createBodyCommand } from '../../src/modules/bodies/commands/bodies.js';
import type { BodyType } from '../../src/modules/bodies/schemas.js';
import type { WebClient } from './client.js';

/** The password of every account built without one. */
export const FACTORY_PASSWORD = 'a long factory passphrase';

// Argon2 is slow on purpose; hashing the factory password once per process keeps tests fast.
let factoryHash: Promise<string> | undefined;

export interface BuiltAccount {
  id: number;
  email: string;
  /** The password in clear, to sign in with. */
  password: string;
  displayName: string;
}

/**
 * An account (a citizen) with a known password, confirmed unless `verified: false`.
 * Every call makes a new address.
 */
export async function buildAccount(
  db: Db,
  overrides: { email?: string; password?: string; displayName?: string; verified?: boolean; preferredLang?: Lang; disabled?: boolean } = {},
): Promise<BuiltAccount> {
  const email = (overrides.email ?? `person-${randomBytes(5).toString('hex')}@example.mn`).toLowerCase();
  const password = overrides.password ?? FACTORY_PASSWORD;
  const passwordHash = overrides.password === undefined ? await (factoryHash ??= hashPassword(FACTORY_PASSWORD)) : await hashPassword(password);
  const displayName = overrides.displayName ?? 'Бат-Эрдэнэ';
  const now = new Date();
  const row = await db
    .insertInto('account')
    .values({
      email,
      password_hash: passwordHash,
      display_name: displayName,
      preferred_lang: overrides.preferredLang ?? 'mn',
      email_verified_at: overrides.verified === false ? null : now,
      disabled_at: overrides.disabled ? now : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, email, password, displayName };
}

export async function grantPlatformRole(db: Db, accountId: number, role: PlatformRole): Promise<void> {
  await db.insertInto('account_platform_role').values({ account_id: accountId, role }).onConflict((oc) => oc.doNothing()).execute();
}

/** Body staff / body admin, or CSO member / CSO admin, depending on the organisation's kind. */
export async function addMembership(db: Db, accountId: number, organisationId: number, role: MembershipRole = 'member'): Promise<void> {
  await db
    .insertInto('membership')
    .values({ account_id: accountId, organisation_id: organisationId, role })
    .onConflict((oc) => oc.columns(['account_id', 'organisation_id']).doUpdateSet({ role }))
    .execute();
}

/** Signs the client in through the real form; throws unless the sign-in succeeded. */
export async function signIn(client: WebClient, email: string, password: string = FACTORY_PASSWORD): Promise<LightMyRequestResponse> {
  await client.get('/account/sign-in');
  const response = await client.post('/account/sign-in', { email, password });
  if (response.statusCode !== 303) throw new Error(`sign-in as ${email} failed with ${response.statusCode}`);
  return response;
}

/**
 * A public body made through the bodies module's own command (so it has search text and
 * its public event), optionally under a superior body. Every call makes a new slug.
 */
export async function buildBody(
  db: Db,
  overrides: { slug?: string; type?: BodyType; nameMn?: string; nameEn?: string; placeCode?: string | null; superiorSlug?: string | null; placesServed?: string[] } = {},
): Promise<{ id: number; slug: string; nameMn: string; nameEn: string }> {
  const suffix = randomBytes(4).toString('hex');
  const body = {
    slug: overrides.slug ?? `body-${suffix}`,
    nameMn: overrides.nameMn ?? `Туршилтын байгууллага ${suffix}`,
    nameEn: overrides.nameEn ?? `Test body ${suffix}`,
  };
  const id = await db.transaction().execute((tx) =>
    createBodyCommand(
      tx,
      { ...body, type: overrides.type ?? 'governor_office', placeCode: overrides.placeCode ?? null, superiorSlug: overrides.superiorSlug ?? null, placesServed: overrides.placesServed },
      new Date(),
    ),
  );
  return { id, ...body };
}
