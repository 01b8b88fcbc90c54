import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildAccount, signIn } from '../../../test/support/factories.js';
import { SESSION_COOKIE } from '../../shared/auth/session.js';
import { sha256 } from '../../shared/secrets.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function sessionsOf(accountId: number) {
  return t.db.selectFrom('session').where('account_id', '=', accountId).selectAll().execute();
}

describe('sign-in', () => {
  it('signs in with the right password, starts a session stored hashed and records the attempt', async () => {
    const account = await buildAccount(t.db, { displayName: 'Сараа' });
    const client = new WebClient(t.app);
    await client.get('/account/sign-in');
    const res = await client.post('/account/sign-in', { email: `  ${account.email.toUpperCase()}`, password: account.password });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = client.cookie(SESSION_COOKIE)!;
    expect(cookie).toBeTruthy();
    const sessions = await sessionsOf(account.id);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.token_hash).toEqual(sha256(cookie));

    const home = await client.get('/');
    expect(home.body).toContain('Сараа');
    expect(home.body).toContain('action="/account/sign-out"');

    const attempts = await t.db.selectFrom('login_attempt').where('email', '=', account.email).selectAll().execute();
    expect(attempts.map((a) => a.succeeded)).toEqual([true]);
  });

  it('follows ?next= to a local path only', async () => {
    const account = await buildAccount(t.db);
    for (const [next, expected] of [
      ['/account', '/account'],
      ['/feedback?page=2', '/feedback?page=2'],
      ['//evil.example/', '/'],
      ['https://evil.example/', '/'],
      ['/\\evil.example', '/'],
    ] as const) {
      const client = new WebClient(t.app);
      const page = await client.get(`/account/sign-in?next=${encodeURIComponent(next)}`);
      expect(page.statusCode).toBe(200);
      const res = await client.post('/account/sign-in', { email: account.email, password: account.password, next });
      expect(res.headers.location, next).toBe(expected);
    }
  });

  it('carries ?next= through the form', async () => {
    const client = new WebClient(t.app);
    const page = await client.get('/account/sign-in?next=%2Faccount%2Fpassword');
    expect(page.body).toContain('name="next" value="/account/password"');
  });

  it('refuses a wrong password or an unknown address with the same message (401) and no session', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await client.get('/account/sign-in');
    const wrong = await client.post('/account/sign-in', { email: account.email, password: 'not the right password' });
    await client.get('/account/sign-in');
    const unknown = await client.post('/account/sign-in', { email: 'nobody-here@example.mn', password: 'not the right password' });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.body).toContain('Имэйл хаяг эсвэл нууц үг буруу байна');
      expect(res.body).not.toContain('not the right password');
    }
    // The two pages differ only in the address typed and the form's CSRF token.
    const normalise = (html: string, email: string) => html.replace(email, 'X').replace(/name="_csrf" value="[^"]+"/g, '');
    expect(normalise(wrong.body, account.email)).toEqual(normalise(unknown.body, 'nobody-here@example.mn'));
    expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await sessionsOf(account.id)).toHaveLength(0);
  });

  it('refuses a disabled account like a wrong password', async () => {
    const account = await buildAccount(t.db, { disabled: true });
    const client = new WebClient(t.app);
    await client.get('/account/sign-in');
    const res = await client.post('/account/sign-in', { email: account.email, password: account.password });
    expect(res.statusCode).toBe(401);
    expect(await sessionsOf(account.id)).toHaveLength(0);
  });

  it('answers empty, overlong and malformed input with 400 and the field messages, in English too', async () => {
    const client = new WebClient(t.app);
    await client.get('/lang/en?next=/');
    await client.get('/account/sign-in');
    const empty = await client.post('/account/sign-in', { email: '', password: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter your email address');
    expect(empty.body).toContain('Enter your password');
    expect(empty.body).toContain('href="#f-email"');
    expect(empty.body).toContain('href="#f-password"');
    await client.get('/account/sign-in');
    const bad = await client.post('/account/sign-in', { email: 'saraa', password: 'x'.repeat(500) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Enter an email address in the correct format');
    expect(bad.body).toContain('Password must be 200 characters or fewer');
    expect(bad.body).toContain('value="saraa"');
    // Invalid input is not a guess: nothing is counted.
    expect(await t.db.selectFrom('login_attempt').where('email', '=', 'saraa').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a sign-in posted without the CSRF token (403)', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await client.get('/account/sign-in');
    const res = await client.post('/account/sign-in', { email: account.email, password: account.password }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(await sessionsOf(account.id)).toHaveLength(0);
  });

  it('gives a new session token at every sign-in and ends the one the browser had', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await signIn(client, account.email);
    const first = client.cookie(SESSION_COOKIE)!;
    // Already signed in: the sign-in page sends the person on.
    const page = await client.get('/account/sign-in?next=/feedback');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/feedback');
    await client.get('/');
    expect((await client.post('/account/sign-in', { email: account.email, password: account.password })).statusCode).toBe(303);
    const second = client.cookie(SESSION_COOKIE)!;
    expect(second).not.toBe(first);
    const hashes = (await sessionsOf(account.id)).map((s) => s.token_hash.toString('hex'));
    expect(hashes).toEqual([sha256(second).toString('hex')]);
  });

  it('sets the pages to the account’s language on a device that has not chosen one', async () => {
    const account = await buildAccount(t.db, { preferredLang: 'en' });
    const client = new WebClient(t.app);
    await signIn(client, account.email);
    expect(client.cookie('lang')).toBe('en');
    expect((await client.get('/account')).body).toContain('<html lang="en"');
    // A device where Mongolian was chosen keeps it.
    const chosen = new WebClient(t.app);
    await chosen.get('/lang/mn?next=/');
    await signIn(chosen, account.email);
    expect(chosen.cookie('lang')).toBe('mn');
  });
});

describe('password hashes', () => {
  it('replaces a hash made with older costs at the next successful sign-in', async () => {
    const account = await buildAccount(t.db);
    const weaker = await hash(account.password, { memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await t.db.updateTable('account').set({ password_hash: weaker }).where('id', '=', account.id).execute();
    await signIn(new WebClient(t.app), account.email);
    const row = await t.db.selectFrom('account').where('id', '=', account.id).select('password_hash').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    await signIn(new WebClient(t.app), account.email);
  });
});

describe('sign-out', () => {
  it('ends this session only', async () => {
    const account = await buildAccount(t.db);
    const phone = new WebClient(t.app);
    const laptop = new WebClient(t.app);
    await signIn(phone, account.email);
    await signIn(laptop, account.email);
    await phone.get('/');
    const res = await phone.post('/account/sign-out');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(phone.cookie(SESSION_COOKIE)).toBeUndefined();
    expect(await sessionsOf(account.id)).toHaveLength(1);
    expect((await laptop.get('/account')).statusCode).toBe(200);
  });

  it('refuses a sign-out posted without the CSRF token (403) and stays signed in', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await signIn(client, account.email);
    await client.get('/');
    const res = await client.post('/account/sign-out', {}, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Маягтын хугацаа дууссан');
    expect(await sessionsOf(account.id)).toHaveLength(1);
    expect((await client.get('/account')).statusCode).toBe(200);
  });

  it('signs out everywhere from the account page', async () => {
    const account = await buildAccount(t.db);
    const phone = new WebClient(t.app);
    const laptop = new WebClient(t.app);
    await signIn(phone, account.email);
    await signIn(laptop, account.email);
    const page = await laptop.get('/account');
    expect(page.body).toContain('action="/account/sign-out-everywhere"');
    const res = await laptop.post('/account/sign-out-everywhere');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/sign-in?done=everywhere');
    expect((await laptop.follow(res)).body).toContain('Та бүх төхөөрөмжөөс гарлаа');
    expect(await sessionsOf(account.id)).toHaveLength(0);
    const phoneAccount = await phone.get('/account');
    expect(phoneAccount.statusCode).toBe(303);
    expect(phoneAccount.headers.location).toBe('/account/sign-in?next=%2Faccount');
  });

  it('refuses sign out everywhere without the CSRF token', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await signIn(client, account.email);
    await client.get('/account');
    expect((await client.post('/account/sign-out-everywhere', {}, { csrf: false })).statusCode).toBe(403);
    expect(await sessionsOf(account.id)).toHaveLength(1);
  });
});
