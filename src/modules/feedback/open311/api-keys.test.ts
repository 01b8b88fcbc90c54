import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { WebClient } from '../../../../test/support/client.js';
import { feedbackWorld } from '../../../../test/support/feedback-factories.js';
import { buildAccount, grantPlatformRole, signIn, type BuiltAccount } from '../../../../test/support/factories.js';
import { sha256 } from '../../../shared/secrets.js';
import { ApiKeyChecker, issueApiKey, revokeApiKey } from './api-keys.js';
import { canManageApiClients } from './policy.js';

/** A platform admin issues and revokes Open311 keys in the UI and from the command line; nobody else can. */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let admin: BuiltAccount;

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
  admin = await buildAccount(t.db, { displayName: 'Платформын админ' });
  await grantPlatformRole(t.db, admin.id, 'platform_admin');
});
afterAll(async () => t.close());

function submit(key: string): Promise<LightMyRequestResponse> {
  const payload = new URLSearchParams({ api_key: key, service_code: world.category.code, place_code: '1110', description: 'Түлхүүрийг шалгаж байна. Ажиллах ёстой.' }).toString();
  return t.app.inject({ method: 'POST', url: '/open311/v2/requests.json?locale=en', payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

async function clientCount(): Promise<number> {
  return Number((await t.db.selectFrom('api_client').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

async function signedIn(account: BuiltAccount): Promise<WebClient> {
  const client = new WebClient(t.app);
  await signIn(client, account.email, account.password);
  return client;
}

function issuedKeyIn(html: string): string | null {
  return html.match(/data-testid="issued-key">([^<]+)</)?.[1] ?? null;
}

describe('the API keys page', () => {
  it('lets a platform admin issue a key that is shown once and works at once', async () => {
    const client = await signedIn(admin);
    const page = await client.get('/admin/api-clients');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('API түлхүүрүүд (Open311)');

    const issued = await client.post('/admin/api-clients', { name: 'Хороо 7-ийн апп', contact_email: 'Dev@Example.mn' });
    expect(issued.statusCode).toBe(201);
    expect(issued.headers['cache-control']).toBe('no-store');
    const key = issuedKeyIn(issued.body);
    expect(key).toMatch(/^irg_[A-Za-z0-9_-]{32}$/);
    const row = await t.db.selectFrom('api_client').selectAll().where('name', '=', 'Хороо 7-ийн апп').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ contact_email: 'dev@example.mn', key_prefix: key!.slice(0, 10), created_by: admin.id, revoked_at: null });
    expect(row.key_hash.equals(sha256(key!))).toBe(true);

    expect((await submit(key!)).statusCode).toBe(200);

    const again = await client.get('/admin/api-clients');
    expect(again.body).toContain('Хороо 7-ийн апп');
    expect(again.body).toContain(`${key!.slice(0, 10)}…`);
    expect(again.body).not.toContain(key!);
  });

  it('refuses an empty or overlong name with the form’s error summary, creating nothing', async () => {
    const client = await signedIn(admin);
    await client.get('/admin/api-clients');
    const before = await clientCount();
    for (const name of ['', '   ', 'я'.repeat(200)]) {
      const res = await client.post('/admin/api-clients', { name, contact_email: '' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('error-summary');
      expect(issuedKeyIn(res.body)).toBeNull();
    }
    const badEmail = await client.post('/admin/api-clients', { name: 'Good name', contact_email: 'not-an-email' });
    expect(badEmail.statusCode).toBe(400);
    expect(await clientCount()).toBe(before);
  });

  it('revokes a key, which stops working at once', async () => {
    const { key, id } = await issueApiKey(t.db, { name: 'Revoke me', now: t.clock.now() });
    expect((await submit(key)).statusCode).toBe(200); // now cached as valid
    const client = await signedIn(admin);
    await client.get('/admin/api-clients');
    const res = await client.post(`/admin/api-clients/${id}/revoke`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/api-clients?revoked=${id}`);
    const page = await client.follow(res);
    expect(page.body).toContain('«Revoke me» түлхүүрийг хүчингүй болголоо');
    const refused = await submit(key);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual([{ code: 403, description: 'The api_key is not valid or has been revoked.' }]);
    const revokedAt = (await t.db.selectFrom('api_client').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow()).revoked_at;
    expect(revokedAt).not.toBeNull();
    // Revoking twice keeps the first date.
    await client.post(`/admin/api-clients/${id}/revoke`, { _csrf: client.csrf() });
    expect((await t.db.selectFrom('api_client').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow()).revoked_at).toEqual(revokedAt);
    expect((await client.post('/admin/api-clients/999999/revoke')).statusCode).toBe(404);
  });

  it('shows the page in English', async () => {
    const client = await signedIn(admin);
    client.setCookie('lang', 'en');
    const page = await client.get('/admin/api-clients');
    expect(page.body).toContain('API keys (Open311)');
    expect(page.body).toContain('Issue a new key');
  });
});

describe('who may manage keys', () => {
  it('decides in the policy: platform admins only', () => {
    const actor = (roles: string[]) => ({ accountId: 1, email: '', displayName: '', emailVerified: true, preferredLang: 'mn' as const, platformRoles: new Set(roles) as never, memberships: [] });
    expect(canManageApiClients(null)).toBe(false);
    expect(canManageApiClients(actor([]))).toBe(false);
    expect(canManageApiClients(actor(['operator', 'moderator']))).toBe(false);
    expect(canManageApiClients(actor(['platform_admin']))).toBe(true);
  });

  it('sends anonymous visitors to sign in, and answers API clients with 401', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/admin/api-clients' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/account/sign-in?next=%2Fadmin%2Fapi-clients');
    const json = await t.app.inject({ method: 'GET', url: '/admin/api-clients', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(401);
    expect(json.json().error.code).toBe('sign_in_required');
  });

  it('refuses citizens, operators, moderators and body staff with 403, and they can neither issue nor revoke', async () => {
    const { id } = await issueApiKey(t.db, { name: 'Not yours to revoke', now: t.clock.now() });
    for (const role of [null, 'operator', 'moderator'] as const) {
      const account = await buildAccount(t.db);
      if (role) await grantPlatformRole(t.db, account.id, role);
      const client = await signedIn(account);
      expect((await client.get('/admin/api-clients')).statusCode).toBe(403);
      await client.get('/');
      const before = await clientCount();
      const issue = await client.post('/admin/api-clients', { name: 'Sneaky' });
      expect(issue.statusCode).toBe(403);
      expect(issuedKeyIn(issue.body)).toBeNull();
      expect(await clientCount()).toBe(before);
      expect((await client.post(`/admin/api-clients/${id}/revoke`, { _csrf: client.csrf() })).statusCode).toBe(403);
    }
    expect((await t.db.selectFrom('api_client').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow()).revoked_at).toBeNull();
  });

  it('refuses a form without its CSRF token', async () => {
    const client = await signedIn(admin);
    const before = await clientCount();
    const res = await client.post('/admin/api-clients', { name: 'No token' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(await clientCount()).toBe(before);
  });
});

describe('the key checker', () => {
  it('looks a key up once per TTL, remembers unknown keys briefly, and forgets on revocation', async () => {
    const checker = new ApiKeyChecker(t.db, { ttlMs: 60_000 });
    const { key, id } = await issueApiKey(t.db, { name: 'Cached', now: t.clock.now() });
    expect(await checker.check(key)).toEqual({ id, name: 'Cached' });
    await revokeApiKey(t.db, id, t.clock.now());
    // Still cached in this checker: revocations through the admin page call forget().
    expect(await checker.check(key)).toEqual({ id, name: 'Cached' });
    checker.forget();
    expect(await checker.check(key)).toBeNull();
    expect(await checker.check('not-our-format')).toBeNull();
  });
});

describe('npm run open311:key', () => {
  const cli = (args: string[]) =>
    promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'src/cli/open311-key.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: t.database.url, DATA_DIR: path.join(ROOT, '.no-data-dir-used') },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('prints only a key, which then works against the API', async () => {
    const { code, stdout, stderr } = await cli(['Сумын апп', '--email', 'dev@example.mn']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^irg_[A-Za-z0-9_-]{32}\n$/);
    expect(stderr).toContain('Сумын апп');
    const key = stdout.trim();
    const res = await submit(key);
    expect(res.statusCode, res.body).toBe(200);
    const row = await t.db.selectFrom('api_client').select(['name', 'contact_email', 'key_prefix']).where('key_prefix', '=', key.slice(0, 10)).executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Сумын апп', contact_email: 'dev@example.mn', key_prefix: key.slice(0, 10) });
  });

  it('refuses an empty or 200-character name with exit 1, printing nothing on stdout', async () => {
    const before = await clientCount();
    for (const name of ['', '   ', 'x'.repeat(200)]) {
      const { code, stdout, stderr } = await cli([name]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().length).toBeGreaterThan(0);
    }
    const badEmail = await cli(['Name', '--email', 'nope']);
    expect(badEmail.code).toBe(1);
    expect(await clientCount()).toBe(before);
  });

  it('explains its usage with exit 2 when the name is missing', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('usage: npm run --silent open311:key');
  });
});
