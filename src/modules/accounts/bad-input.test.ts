import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildAccount, signIn } from '../../../test/support/factories.js';
import { completePasswordReset } from './commands/password-reset.js';
import { signUp } from './commands/sign-up.js';
import { issueToken } from './tokens.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Any string a form field might carry: empty, huge, control characters, Cyrillic, emoji, markup. */
const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '\u0000', '<script>alert(1)</script>', 'ёөү', '👩‍👩‍👧', '//evil.example', '/ус\r\nx', 'a'.repeat(5000), '%00', '\\'),
);

describe('account forms never answer 5xx', () => {
  it('sign-up, sign-in, reset request and reset link with random fields', async () => {
    const client = new WebClient(t.app);
    await client.get('/account/sign-in');
    const token = client.csrf();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/account/sign-up', '/account/sign-in', '/account/password/forgot', '/account/password/reset/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
        fc.dictionary(fc.constantFrom('email', 'password', 'display_name', 'next', 'extra'), fc.oneof(anyText, fc.array(anyText, { maxLength: 3 }))),
        async (url, form) => {
          const res = await client.post(url, { ...form, _csrf: token });
          expect(res.statusCode, `${url} ${JSON.stringify(form).slice(0, 200)}`).toBeLessThan(500);
          if (res.statusCode >= 300 && res.statusCode < 400) expect(String(res.headers.location)).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the signed-in forms with random fields', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await signIn(client, account.email);
    await client.get('/account');
    const token = client.csrf();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/account/details', '/account/password'),
        fc.dictionary(fc.constantFrom('display_name', 'preferred_lang', 'current_password', 'new_password'), fc.oneof(anyText, fc.constantFrom('mn', 'en'))),
        async (url, form) => {
          const res = await client.post(url, { ...form, _csrf: token });
          expect(res.statusCode, `${url} ${JSON.stringify(form).slice(0, 200)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('random paths under /account/verify and /account/password/reset', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), async (s) => {
        for (const base of ['/account/verify/', '/account/password/reset/']) {
          const res = await t.app.inject(base + encodeURIComponent(s));
          expect(res.statusCode).toBeLessThan(500);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('a JSON body or none at all', async () => {
    const client = new WebClient(t.app);
    await client.get('/account/sign-up');
    const token = client.csrf();
    for (const payload of ['null', '[]', '"text"', '{"email": 5, "password": {"a": 1}}', '{']) {
      const res = await client.request({ method: 'POST', url: `/account/sign-up?_csrf=${encodeURIComponent(token)}`, payload, headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, payload).toBeLessThan(500);
    }
  });
});

describe('a command that fails midway leaves nothing behind', () => {
  /** Makes every INSERT into `table` fail, as a full disk or a lost connection would. */
  async function breakInserts(table: 'account_token' | 'session') {
    await sql`CREATE OR REPLACE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`.execute(t.db);
    await sql`CREATE TRIGGER test_refuse BEFORE INSERT OR DELETE ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION test_refuse()`.execute(t.db);
    return async () => {
      await sql`DROP TRIGGER test_refuse ON ${sql.table(table)}`.execute(t.db);
    };
  }

  it('sign-up: no account without its confirmation link and email', async () => {
    const email = 'half-written@example.mn';
    const repair = await breakInserts('account_token');
    try {
      await expect(signUp(t.db, { email, displayName: 'Half', password: 'a good passphrase', lang: 'mn' }, t.clock.now(), 'http://irgen.test')).rejects.toThrow(/refused by test/);
    } finally {
      await repair();
    }
    expect(await t.db.selectFrom('account').where('email', '=', email).selectAll().execute()).toHaveLength(0);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE payload->>'to' = ${email}`.execute(t.db);
    expect(rows[0]!.n).toBe(0);
    // The same sign-up works once the fault is gone.
    expect(await signUp(t.db, { email, displayName: 'Half', password: 'a good passphrase', lang: 'mn' }, t.clock.now(), 'http://irgen.test')).toEqual({ created: true });
  });

  it('password reset: the link stays unused and the password unchanged when ending sessions fails', async () => {
    const account = await buildAccount(t.db);
    const token = await issueToken(t.db, account.id, 'reset_password', t.clock.now());
    const before = await t.db.selectFrom('account').where('id', '=', account.id).select('password_hash').executeTakeFirstOrThrow();
    const client = new WebClient(t.app);
    await signIn(client, account.email);
    const repair = await breakInserts('session');
    try {
      await expect(completePasswordReset(t.db, token, 'a new good passphrase', t.clock.now())).rejects.toThrow(/refused by test/);
    } finally {
      await repair();
    }
    const after = await t.db.selectFrom('account').where('id', '=', account.id).select('password_hash').executeTakeFirstOrThrow();
    expect(after.password_hash).toBe(before.password_hash);
    const row = await t.db.selectFrom('account_token').where('account_id', '=', account.id).select('used_at').executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
    expect((await completePasswordReset(t.db, token, 'a new good passphrase', t.clock.now())).ok).toBe(true);
  });
});
