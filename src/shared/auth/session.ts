import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { sql } from 'kysely';
import type { Db, Queryable } from '../db/database.js';
import { isLang } from '../i18n/index.js';
import { newToken, sha256 } from '../secrets.js';
import type { Actor, Membership, PlatformRole } from './actor.js';

export const SESSION_COOKIE = 'irgen_session';
/** A session ends after two weeks without use. */
const IDLE_LIFETIME_MS = 14 * 24 * 3600 * 1000;
/** last_seen_at is written at most this often, so reading pages costs no write. */
const TOUCH_INTERVAL_MS = 10 * 60 * 1000;

export interface SessionOptions {
  db: Db;
  /** Send cookies only over HTTPS (true when PUBLIC_URL is https). */
  secureCookies: boolean;
}

/** Loads the account, its platform roles and memberships in one round trip. */
export async function loadActor(db: Queryable, accountId: number): Promise<Actor | null> {
  const row = await db
    .selectFrom('account')
    .where('account.id', '=', accountId)
    .where('account.disabled_at', 'is', null)
    .select((eb) => [
      'account.id',
      'account.email',
      'account.display_name',
      'account.email_verified_at',
      'account.preferred_lang',
      eb
        .selectFrom('account_platform_role')
        .whereRef('account_platform_role.account_id', '=', 'account.id')
        .select(sql<PlatformRole[]>`coalesce(array_agg(role::text), '{}')`.as('roles'))
        .as('roles'),
      eb
        .selectFrom('membership')
        .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
        .whereRef('membership.account_id', '=', 'account.id')
        .select(
          sql<Membership[]>`coalesce(json_agg(json_build_object(
            'organisationId', organisation.id, 'kind', organisation.kind, 'role', membership.role,
            'slug', organisation.slug, 'nameMn', organisation.name_mn, 'nameEn', organisation.name_en)
            ORDER BY organisation.name_mn), '[]')`.as('memberships'),
        )
        .as('memberships'),
    ])
    .executeTakeFirst();
  if (!row) return null;
  return {
    accountId: row.id,
    email: row.email,
    displayName: row.display_name,
    emailVerified: row.email_verified_at !== null,
    preferredLang: isLang(row.preferred_lang) ? row.preferred_lang : 'mn',
    platformRoles: new Set(row.roles ?? []),
    memberships: row.memberships ?? [],
  };
}

/** Starts a session for the account and sets its cookie. */
export async function startSession(db: Queryable, reply: FastifyReply, accountId: number, now: Date, secure: boolean): Promise<void> {
  const { token, hash } = newToken();
  await db
    .insertInto('session')
    .values({ token_hash: hash, account_id: accountId, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + IDLE_LIFETIME_MS) })
    .execute();
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: IDLE_LIFETIME_MS / 1000 });
}

export async function endSession(db: Queryable, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = req.cookies[SESSION_COOKIE];
  if (token) await db.deleteFrom('session').where('token_hash', '=', sha256(token)).execute();
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** Signs the account out on every device (also used after a password change). */
export async function endAllSessions(db: Queryable, accountId: number): Promise<void> {
  await db.deleteFrom('session').where('account_id', '=', accountId).execute();
}

/** Sets `req.actor` from the session cookie; a missing, expired or unknown token means anonymous. */
export const sessionPlugin = fp(async function sessionPlugin(app: FastifyInstance, opts: SessionOptions) {
  app.addHook('onRequest', async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const hash = sha256(token);
    const session = await opts.db.selectFrom('session').where('token_hash', '=', hash).select(['account_id', 'last_seen_at', 'expires_at']).executeTakeFirst();
    if (!session || session.expires_at <= req.now) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    req.actor = await loadActor(opts.db, session.account_id);
    if (!req.actor) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return;
    }
    if (req.now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      await opts.db
        .updateTable('session')
        .set({ last_seen_at: req.now, expires_at: new Date(req.now.getTime() + IDLE_LIFETIME_MS) })
        .where('token_hash', '=', hash)
        .execute();
    }
  });
});
