import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TEST_TIME } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { createTestDatabase } from '../../../test/support/database.js';
import { addMembership, buildAccount, grantPlatformRole, signIn } from '../../../test/support/factories.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { ManualClock } from '../clock.js';
import { Secrets } from '../secrets.js';
import type { Actor } from './actor.js';
import { requireActor, requireMembership, requirePlatformRole, requireVerified } from './guards.js';

let app: FastifyInstance;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let bodyId: number;

/** The real app plus a few routes guarded the way modules guard theirs. */
beforeAll(async () => {
  database = await createTestDatabase();
  const config = loadConfig({ PUBLIC_URL: 'http://irgen.test', DEMO_DATA: 'false', RUN_WORKER: 'false' });
  app = await buildApp({ config, database, db: database.db, clock: new ManualClock(DEFAULT_TEST_TIME), secrets: new Secrets(Buffer.alloc(32, 7)) });
  await app.register(async (guarded) => {
    const who = (actor: Actor) => ({ accountId: actor.accountId });
    guarded.get('/test/signed-in', async (req) => who(requireActor(req)));
    guarded.get('/test/verified', async (req) => who(requireVerified(req)));
    guarded.get('/test/admin', async (req) => who(requirePlatformRole(req, 'platform_admin')));
    guarded.get('/test/api/admin', { config: { api: true } }, async (req) => who(requirePlatformRole(req, 'platform_admin')));
    guarded.get('/test/body/:id', async (req) => who(requireMembership(req, Number((req.params as { id: string }).id)).actor));
    guarded.get('/test/body/:id/manage', async (req) => who(requireMembership(req, Number((req.params as { id: string }).id), 'admin').actor));
    guarded.post('/test/admin', async (req) => who(requirePlatformRole(req, 'platform_admin')));
  });
  await app.ready();
  const org = await database.db.insertInto('organisation').values({ kind: 'body', slug: 'guards-test-body', name_mn: 'Туршилтын газар', name_en: 'Test office' }).returning('id').executeTakeFirstOrThrow();
  bodyId = org.id;
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

async function clientFor(setup: (accountId: number) => Promise<void> = async () => {}, verified = true) {
  const account = await buildAccount(database.db, { verified });
  await setup(account.id);
  const client = new WebClient(app);
  await signIn(client, account.email);
  return { client, account };
}

describe('guards: anonymous requests', () => {
  for (const path of ['/test/signed-in', '/test/verified', '/test/admin', '/test/body/1']) {
    it(`${path}: a page visit is sent to sign in and back`, async () => {
      const res = await app.inject(`${path}?x=1`);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/account/sign-in?next=${encodeURIComponent(`${path}?x=1`)}`);
    });
  }

  it('an API route answers 401 JSON in both languages', async () => {
    const res = await app.inject('/test/api/admin');
    expect(res.statusCode).toBe(401);
    const { error } = res.json();
    expect(error.code).toBe('sign_in_required');
    expect(error.messages).toEqual({ mn: 'Энэ үйлдлийг хийхийн тулд нэвтэрнэ үү.', en: 'Sign in to do this.' });
  });

  it('a client asking for JSON gets 401 JSON on a page route too', async () => {
    const res = await app.inject({ url: '/test/admin', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(401);
  });

  it('a form post is refused with a 401 page, not redirected (the post would be lost)', async () => {
    const client = new WebClient(app);
    await client.get('/account/sign-in');
    const res = await client.post('/test/admin');
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('Энэ үйлдлийг хийхийн тулд нэвтэрнэ үү.');
  });
});

describe('guards: signed-in requests', () => {
  it('requireActor lets any signed-in account through', async () => {
    const { client, account } = await clientFor();
    const res = await client.get('/test/signed-in');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ accountId: account.id });
  });

  it('requireVerified refuses an unconfirmed address with 403 and says how to confirm it', async () => {
    const { client } = await clientFor(async () => {}, false);
    expect((await client.get('/test/signed-in')).statusCode).toBe(200);
    const res = await client.get('/test/verified');
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('имэйл хаягаа баталгаажуулна уу');
    const json = await client.get('/test/verified', { accept: 'application/json' });
    expect(json.statusCode).toBe(403);
    expect(json.json().error.code).toBe('accounts.verification_required');
    expect(json.json().error.messages.en).toMatch(/^Confirm your email address/);
  });

  it('requirePlatformRole refuses every other role with 403, and admits the role', async () => {
    for (const role of ['operator', 'moderator'] as const) {
      const { client } = await clientFor((id) => grantPlatformRole(database.db, id, role));
      const res = await client.get('/test/admin');
      expect(res.statusCode, role).toBe(403);
      expect(res.body).toContain('Танд энэ үйлдлийг хийх эрх байхгүй.');
      expect((await client.get('/test/api/admin')).json().error.code).toBe('forbidden');
    }
    const { client: admin } = await clientFor((id) => grantPlatformRole(database.db, id, 'platform_admin'));
    expect((await admin.get('/test/admin')).statusCode).toBe(200);
  });

  it('requireMembership admits staff of the body, admins for management only, and refuses others', async () => {
    const { client: outsider } = await clientFor();
    expect((await outsider.get(`/test/body/${bodyId}`)).statusCode).toBe(403);
    // A platform admin is not staff of every body: the role does not stand in for membership.
    const { client: platformAdmin } = await clientFor((id) => grantPlatformRole(database.db, id, 'platform_admin'));
    expect((await platformAdmin.get(`/test/body/${bodyId}`)).statusCode).toBe(403);

    const { client: staff } = await clientFor((id) => addMembership(database.db, id, bodyId, 'member'));
    expect((await staff.get(`/test/body/${bodyId}`)).statusCode).toBe(200);
    expect((await staff.get(`/test/body/${bodyId}/manage`)).statusCode).toBe(403);
    expect((await staff.get(`/test/body/${bodyId + 1000}`)).statusCode).toBe(403);

    const { client: bodyAdmin } = await clientFor((id) => addMembership(database.db, id, bodyId, 'admin'));
    expect((await bodyAdmin.get(`/test/body/${bodyId}/manage`)).statusCode).toBe(200);
  });

  it('a role granted or removed takes effect at the next request', async () => {
    const { client, account } = await clientFor();
    expect((await client.get('/test/admin')).statusCode).toBe(403);
    await grantPlatformRole(database.db, account.id, 'platform_admin');
    expect((await client.get('/test/admin')).statusCode).toBe(200);
    await database.db.deleteFrom('account_platform_role').where('account_id', '=', account.id).execute();
    expect((await client.get('/test/admin')).statusCode).toBe(403);
  });

  it('a disabled account is anonymous at its next request', async () => {
    const { client, account } = await clientFor();
    await database.db.updateTable('account').set({ disabled_at: new Date() }).where('id', '=', account.id).execute();
    expect((await client.get('/test/signed-in')).statusCode).toBe(303);
  });
});
