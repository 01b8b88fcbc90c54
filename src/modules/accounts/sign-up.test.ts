import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildAccount } from '../../../test/support/factories.js';
import { linkIn } from '../../../test/support/smtp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.mail.clear());

const unique = () => `saraa-${Math.random().toString(36).slice(2, 10)}@example.mn`;

async function signUp(client: WebClient, form: Record<string, string>) {
  await client.get('/account/sign-up');
  return client.post('/account/sign-up', form);
}

async function rowsFor(email: string) {
  const accounts = await t.db.selectFrom('account').where('email', '=', email).selectAll().execute();
  const tokens = accounts.length ? await t.db.selectFrom('account_token').where('account_id', 'in', accounts.map((a) => a.id)).selectAll().execute() : [];
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE payload->>'to' = ${email}`.execute(t.db);
  return { accounts, tokens, jobs: rows[0]!.n };
}

describe('sign-up', () => {
  it('creates an unconfirmed account with an argon2id hash and emails a confirmation link in Mongolian', async () => {
    const client = new WebClient(t.app);
    const email = unique();
    const res = await signUp(client, { display_name: '  Сараа   Бат ', email: ` ${email.toUpperCase()} `, password: 'миний нууц үг бол урт' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/sign-up/check-email');
    const page = await client.follow(res);
    expect(page.body).toContain('Имэйлээ шалгана уу');

    const { accounts, tokens } = await rowsFor(email);
    expect(accounts).toHaveLength(1);
    const account = accounts[0]!;
    expect(account.display_name).toBe('Сараа Бат');
    expect(account.email_verified_at).toBeNull();
    expect(account.preferred_lang).toBe('mn');
    expect(account.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(account.password_hash).not.toContain('миний');
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.purpose).toBe('verify_email');
    expect(tokens[0]!.expires_at.getTime() - t.clock.now().getTime()).toBe(48 * 3600 * 1000);

    await t.runJobs();
    const mail = await t.mail.waitFor(email, /баталгаажуулна уу/);
    expect(mail.text).toContain('Сайн байна уу, Сараа Бат.');
    expect(mail.text).toContain('48 цагийн');
    const link = linkIn(mail, '/account/verify/');
    expect(link.startsWith('http://irgen.test/account/verify/')).toBe(true);
    // Only a hash of the link's token is stored.
    expect(tokens[0]!.token_hash.toString('hex')).not.toContain(link.split('/').pop());
  });

  it('stores English as the language of someone signing up on the English pages, and writes to them in English', async () => {
    const client = new WebClient(t.app);
    await client.get('/lang/en?next=/');
    const email = unique();
    const res = await signUp(client, { display_name: 'Saraa', email, password: 'a perfectly good passphrase' });
    expect(res.statusCode).toBe(303);
    expect((await rowsFor(email)).accounts[0]!.preferred_lang).toBe('en');
    await t.runJobs();
    const mail = await t.mail.waitFor(email, /confirm your email address/);
    expect(mail.text).toContain('Hello Saraa,');
    expect(mail.text).toContain('48 hours');
  });

  it('answers an address that already has an account exactly like a new one, and tells the owner instead', async () => {
    const owner = await buildAccount(t.db, { displayName: 'Owner', preferredLang: 'en' });
    const before = await rowsFor(owner.email);
    const client = new WebClient(t.app);
    const res = await signUp(client, { display_name: 'Someone else', email: owner.email.toUpperCase(), password: 'another good passphrase' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/sign-up/check-email');

    const after = await rowsFor(owner.email);
    expect(after.accounts).toEqual(before.accounts);
    expect(after.tokens).toHaveLength(0);
    await t.runJobs();
    // The owner's language, not the stranger's (who used Mongolian pages).
    const mail = await t.mail.waitFor(owner.email, /someone tried to create an account/);
    expect(mail.text).toContain('Hello Owner,');
    expect(mail.text).toContain('http://irgen.test/account/password/forgot');
    expect(t.mail.to(owner.email)).toHaveLength(1);
  });

  it('keeps one account when two sign-ups for the same address race', async () => {
    const email = unique();
    const a = new WebClient(t.app);
    const b = new WebClient(t.app);
    await a.get('/account/sign-up');
    await b.get('/account/sign-up');
    const [ra, rb] = await Promise.all([
      a.post('/account/sign-up', { display_name: 'A', email, password: 'first good passphrase' }),
      b.post('/account/sign-up', { display_name: 'B', email, password: 'second good passphrase' }),
    ]);
    expect([ra.statusCode, rb.statusCode]).toEqual([303, 303]);
    const { accounts, tokens, jobs } = await rowsFor(email);
    expect(accounts).toHaveLength(1);
    expect(tokens).toHaveLength(1);
    // One confirmation email, one "someone tried" email: both to the one owner.
    expect(jobs).toBe(2);
  });

  const cases: [string, Record<string, string>, string, RegExp][] = [
    ['an empty form', { display_name: '', email: '', password: '' }, 'display_name', /Нэрээ оруулна уу/],
    ['a missing name', { display_name: '   ', email: 'x@example.mn', password: 'good passphrase here' }, 'display_name', /Нэрээ оруулна уу/],
    ['an overlong name', { display_name: 'С'.repeat(121), email: 'x@example.mn', password: 'good passphrase here' }, 'display_name', /120 тэмдэгтээс хэтрэхгүй/],
    ['a bad email', { display_name: 'Сараа', email: 'saraa-at-example.mn', password: 'good passphrase here' }, 'email', /name@example\.mn/],
    ['an email without a domain dot', { display_name: 'Сараа', email: 'saraa@localhost', password: 'good passphrase here' }, 'email', /name@example\.mn/],
    ['an overlong email', { display_name: 'Сараа', email: `${'a'.repeat(250)}@example.mn`, password: 'good passphrase here' }, 'email', /254 тэмдэгтээс хэтрэхгүй/],
    ['a short password', { display_name: 'Сараа', email: 'x@example.mn', password: 'short1' }, 'password', /дор хаяж 10 тэмдэгт/],
    ['an overlong password', { display_name: 'Сараа', email: 'x@example.mn', password: 'p'.repeat(201) }, 'password', /200 тэмдэгтээс хэтрэхгүй/],
    ['a common password', { display_name: 'Сараа', email: 'x@example.mn', password: 'QwertyUiop' }, 'password', /хэт түгээмэл/],
    ['the address as password', { display_name: 'Сараа', email: 'saraa.bat@example.mn', password: 'Saraa.Bat@example.mn' }, 'password', /имэйл хаягтай ижил/],
  ];
  for (const [what, form, field, message] of cases) {
    it(`refuses ${what} with 400, an error summary and the field's message, writing nothing`, async () => {
      const client = new WebClient(t.app);
      const res = await signUp(client, form);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('class="error-summary"');
      expect(res.body).toContain(`href="#f-${field}"`);
      expect(res.body).toMatch(message);
      expect(res.body).toContain('<title>Алдаа:');
      // What was typed comes back, except the password.
      if (form.email) expect(res.body).toContain(`value="${form.email}"`);
      expect(res.body).not.toMatch(/type="password"[^>]*value="[^"]+"/);
      if (form.password) expect(res.body).not.toContain(form.password);
      const email = form.email?.trim().toLowerCase() ?? '';
      const { accounts, jobs } = await rowsFor(email);
      expect(accounts).toHaveLength(0);
      expect(jobs).toBe(0);
    });
  }

  it('answers in English on the English pages', async () => {
    const client = new WebClient(t.app);
    await client.get('/lang/en?next=/');
    const res = await signUp(client, { display_name: '', email: 'bad', password: '1234567890' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Enter your name');
    expect(res.body).toContain('Enter an email address in the correct format');
    expect(res.body).toContain('This password is very common');
  });

  it('refuses a form posted without its CSRF token (403) and creates nothing', async () => {
    const client = new WebClient(t.app);
    const email = unique();
    await client.get('/account/sign-up');
    const res = await client.post('/account/sign-up', { display_name: 'Сараа', email, password: 'good passphrase here' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect((await rowsFor(email)).accounts).toHaveLength(0);
  });

  it('sends a signed-in person from the sign-up page to their account', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await client.get('/account/sign-in');
    await client.post('/account/sign-in', { email: account.email, password: account.password });
    const res = await client.get('/account/sign-up');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account');
  });
});
