import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { addMembership, buildAccount, grantPlatformRole, signIn } from '../../../test/support/factories.js';
import { SESSION_COOKIE } from '../../shared/auth/session.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.mail.clear());

async function organisation(kind: 'body' | 'cso', nameMn: string, nameEn: string) {
  const slug = `org-${Math.random().toString(36).slice(2, 10)}`;
  return t.db.insertInto('organisation').values({ kind, slug, name_mn: nameMn, name_en: nameEn }).returning(['id', 'slug']).executeTakeFirstOrThrow();
}

async function signedIn(overrides: Parameters<typeof buildAccount>[1] = {}) {
  const account = await buildAccount(t.db, overrides);
  const client = new WebClient(t.app);
  await signIn(client, account.email);
  return { account, client };
}

describe('the account page', () => {
  it('sends an anonymous visitor to sign in and back; API clients get a 401 JSON error', async () => {
    const page = await t.app.inject('/account');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/account/sign-in?next=%2Faccount');
    const json = await t.app.inject({ url: '/account', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(401);
    expect(json.json().error.code).toBe('sign_in_required');
    expect(json.json().error.messages.en).toBe('Sign in to do this.');
  });

  it('shows name, address, organisations with roles and platform roles', async () => {
    const { account, client } = await signedIn({ displayName: 'Сараа', preferredLang: 'en' });
    const khoroo = await organisation('body', '3-р хорооны Засаг даргын Тамгын газар', 'Khoroo 3 Governor’s Office');
    const cso = await organisation('cso', 'Ил тод байдал сан', 'Transparency Foundation');
    await addMembership(t.db, account.id, khoroo.id, 'admin');
    await addMembership(t.db, account.id, cso.id, 'member');
    await grantPlatformRole(t.db, account.id, 'moderator');

    const res = await client.get('/account');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain(account.email);
    expect(res.body).toContain('value="Сараа"');
    expect(res.body).toContain('Confirmed');
    expect(res.body).toContain(`<a href="/bodies/${khoroo.slug}">Khoroo 3 Governor’s Office</a>`);
    expect(res.body).toContain('Staff and administrator');
    expect(res.body).toContain('Transparency Foundation');
    expect(res.body).toContain('Civil-society organisation');
    expect(res.body).toContain('Moderator: removes personal data');
    expect(res.body).not.toContain('Platform admin:');
    expect(res.body).toMatch(/<input type="radio" id="f-preferred_lang-1" name="preferred_lang" value="en" checked/);
  });

  it('says when the person belongs to no organisation', async () => {
    const { client } = await signedIn();
    expect((await client.get('/account')).body).toContain('Та одоогоор ямар нэг байгууллагын бүртгэлд байхгүй');
  });

  it('saves a new name and language, and switches the pages to that language', async () => {
    const { account, client } = await signedIn();
    await client.get('/account');
    const res = await client.post('/account/details', { display_name: ' Сараа  Бат ', preferred_lang: 'en' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account?done=details');
    expect(client.cookie('lang')).toBe('en');
    const page = await client.follow(res);
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('Your details have been saved.');
    const row = await t.db.selectFrom('account').where('id', '=', account.id).select(['display_name', 'preferred_lang']).executeTakeFirstOrThrow();
    expect(row).toEqual({ display_name: 'Сараа Бат', preferred_lang: 'en' });
  });

  it('refuses an empty or overlong name and an unknown language with 400, keeping what was typed', async () => {
    const { account, client } = await signedIn({ displayName: 'Original' });
    await client.get('/account');
    const res = await client.post('/account/details', { display_name: 'Н'.repeat(121), preferred_lang: 'fr' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Нэр 120 тэмдэгтээс хэтрэхгүй байх ёстой');
    expect(res.body).toContain('Хэлээ сонгоно уу');
    expect(res.body).toContain(`value="${'Н'.repeat(121)}"`);
    await client.get('/account');
    const empty = await client.post('/account/details', { display_name: '  ', preferred_lang: 'mn' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Нэрээ оруулна уу');
    const row = await t.db.selectFrom('account').where('id', '=', account.id).select('display_name').executeTakeFirstOrThrow();
    expect(row.display_name).toBe('Original');
  });
});

describe('changing the password', () => {
  it('needs the current password, keeps this session, ends the others and tells the owner by email', async () => {
    const { account, client } = await signedIn({ preferredLang: 'mn', displayName: 'Сараа' });
    const other = new WebClient(t.app);
    await signIn(other, account.email);

    const form = await client.get('/account/password');
    expect(form.statusCode).toBe(200);
    const res = await client.post('/account/password', { current_password: account.password, new_password: 'my new long passphrase' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account?done=password');
    expect((await client.follow(res)).body).toContain('Нууц үг тань солигдлоо');

    const sessions = await t.db.selectFrom('session').where('account_id', '=', account.id).selectAll().execute();
    expect(sessions).toHaveLength(1);
    expect(client.cookie(SESSION_COOKIE)).toBeDefined();
    expect((await other.get('/account')).statusCode).toBe(303);

    await t.runJobs();
    const mail = await t.mail.waitFor(account.email, /нууц үг солигдлоо/);
    expect(mail.text).toContain('Сайн байна уу, Сараа.');
    // 01:00Z is 09:00 in Ulaanbaatar.
    expect(mail.text).toContain('2026 оны 3 сарын 2, 09:00');
    expect(mail.text).toContain('http://irgen.test/account/password/forgot');

    const fresh = new WebClient(t.app);
    await signIn(fresh, account.email, 'my new long passphrase');
  });

  it('refuses a wrong current password or a weak new one with 400 and changes nothing', async () => {
    const { account, client } = await signedIn();
    const before = (await t.db.selectFrom('account').where('id', '=', account.id).select('password_hash').executeTakeFirstOrThrow()).password_hash;
    for (const [form, message] of [
      [{ current_password: 'wrong current password', new_password: 'my new long passphrase' }, 'Одоогийн нууц үг буруу байна'],
      [{ current_password: '', new_password: '' }, 'Одоогийн нууц үгээ оруулна уу'],
      [{ current_password: account.password, new_password: '1234567890' }, 'хэт түгээмэл'],
      [{ current_password: account.password, new_password: 'short' }, 'дор хаяж 10 тэмдэгт'],
    ] as const) {
      await client.get('/account/password');
      const res = await client.post('/account/password', form);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).not.toContain(account.password);
    }
    const after = (await t.db.selectFrom('account').where('id', '=', account.id).select('password_hash').executeTakeFirstOrThrow()).password_hash;
    expect(after).toBe(before);
    await t.runJobs();
    expect(t.mail.to(account.email)).toHaveLength(0);
  });

  it('refuses a change posted without the CSRF token (403)', async () => {
    const { account, client } = await signedIn();
    await client.get('/account/password');
    const res = await client.post('/account/password', { current_password: account.password, new_password: 'my new long passphrase' }, { csrf: false });
    expect(res.statusCode).toBe(403);
  });

  it('sends an anonymous visitor to sign in first', async () => {
    const res = await t.app.inject('/account/password');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/sign-in?next=%2Faccount%2Fpassword');
  });
});
