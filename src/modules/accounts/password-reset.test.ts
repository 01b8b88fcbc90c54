import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildAccount, signIn } from '../../../test/support/factories.js';
import { linkIn } from '../../../test/support/smtp.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());
beforeEach(() => t.mail.clear());

async function requestReset(client: WebClient, email: string) {
  await client.get('/account/password/forgot');
  return client.post('/account/password/forgot', { email });
}

async function resetLinkFor(email: string, subject = /нууц үгээ шинэчлэх/): Promise<string> {
  await t.runJobs();
  return new URL(linkIn(await t.mail.waitFor(email, subject), '/account/password/reset/')).pathname;
}

async function hashOf(accountId: number) {
  return (await t.db.selectFrom('account').where('id', '=', accountId).select('password_hash').executeTakeFirstOrThrow()).password_hash;
}

describe('password reset', () => {
  it('emails a 1-hour link in the account’s language; the new password works, the old does not, every session ends', async () => {
    const account = await buildAccount(t.db, { preferredLang: 'en', displayName: 'Saraa' });
    const phone = new WebClient(t.app);
    await signIn(phone, account.email);

    const client = new WebClient(t.app);
    const res = await requestReset(client, account.email.toUpperCase());
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/password/forgot/sent');
    expect((await client.follow(res)).body).toContain('Имэйлээ шалгана уу');

    await t.runJobs();
    const mail = await t.mail.waitFor(account.email, /reset your password/);
    expect(mail.text).toContain('Hello Saraa,');
    expect(mail.text).toContain('1 hour');
    const path = new URL(linkIn(mail, '/account/password/reset/')).pathname;
    const token = await t.db.selectFrom('account_token').where('account_id', '=', account.id).where('purpose', '=', 'reset_password').selectAll().executeTakeFirstOrThrow();
    expect(token.expires_at.getTime() - t.clock.now().getTime()).toBe(3600 * 1000);

    const form = await client.get(path);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Шинэ нууц үг сонгох');
    const done = await client.post(path, { password: 'my brand new passphrase' });
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/account/sign-in?done=reset');
    expect((await client.follow(done)).body).toContain('Нууц үг тань шинэчлэгдлээ');

    expect(await t.db.selectFrom('session').where('account_id', '=', account.id).selectAll().execute()).toHaveLength(0);
    expect((await phone.get('/account')).statusCode).toBe(303);
    await client.get('/account/sign-in');
    expect((await client.post('/account/sign-in', { email: account.email, password: account.password })).statusCode).toBe(401);
    await signIn(client, account.email, 'my brand new passphrase');
    expect(await hashOf(account.id)).toMatch(/^\$argon2id\$/);
  });

  it('refuses a replayed link (410) and changes nothing', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await requestReset(client, account.email);
    const path = await resetLinkFor(account.email);
    await client.get(path);
    expect((await client.post(path, { password: 'first new passphrase' })).statusCode).toBe(303);
    const hash = await hashOf(account.id);

    const replay = await client.get(path);
    expect(replay.statusCode).toBe(410);
    expect(replay.body).toContain('Энэ холбоосыг аль хэдийн ашигласан байна');
    expect(replay.body).toContain('href="/account/password/forgot"');
    // Posting to a used link (an old tab) is refused the same way.
    await client.get('/account/password/forgot');
    const post = await client.post(path, { password: 'second new passphrase' });
    expect(post.statusCode).toBe(410);
    expect(await hashOf(account.id)).toBe(hash);
  });

  it('refuses a link older than an hour (410)', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await requestReset(client, account.email);
    const path = await resetLinkFor(account.email);
    t.clock.advanceMs(3600 * 1000 + 1);
    const res = await client.get(path);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('Энэ холбоосын хугацаа дууссан байна');
  });

  it('answers an unknown address exactly like a known one, and sends nothing', async () => {
    const client = new WebClient(t.app);
    const res = await requestReset(client, 'nobody-at-all@example.mn');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/password/forgot/sent');
    await t.runJobs();
    expect(t.mail.messages).toHaveLength(0);
  });

  it('refuses a weak new password with 400 and keeps the link usable', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await requestReset(client, account.email);
    const path = await resetLinkFor(account.email);
    const hash = await hashOf(account.id);
    for (const [password, message] of [
      ['', 'Шинэ нууц үгээ оруулна уу'],
      ['short', 'дор хаяж 10 тэмдэгт'],
      ['password123', 'хэт түгээмэл'],
      [account.email, 'имэйл хаягтай ижил'],
    ]) {
      await client.get(path);
      const res = await client.post(path, { password: password! });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain('class="error-summary"');
    }
    expect(await hashOf(account.id)).toBe(hash);
    const token = await t.db.selectFrom('account_token').where('account_id', '=', account.id).select('used_at').executeTakeFirstOrThrow();
    expect(token.used_at).toBeNull();
    await client.get(path);
    expect((await client.post(path, { password: 'finally a good passphrase' })).statusCode).toBe(303);
  });

  it('confirms an unconfirmed address, since the link proves the mailbox', async () => {
    const account = await buildAccount(t.db, { verified: false });
    const client = new WebClient(t.app);
    await requestReset(client, account.email);
    const path = await resetLinkFor(account.email);
    await client.get(path);
    await client.post(path, { password: 'a confirmed passphrase' });
    const row = await t.db.selectFrom('account').where('id', '=', account.id).select('email_verified_at').executeTakeFirstOrThrow();
    expect(row.email_verified_at).toEqual(t.clock.now());
  });

  it('retires older reset links when one is used', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await requestReset(client, account.email);
    await requestReset(client, account.email);
    await t.runJobs();
    const links = t.mail.to(account.email).map((m) => new URL(linkIn(m, '/account/password/reset/')).pathname);
    expect(links).toHaveLength(2);
    await client.get(links[1]!);
    expect((await client.post(links[1]!, { password: 'the newest passphrase' })).statusCode).toBe(303);
    expect((await client.get(links[0]!)).statusCode).toBe(410);
  });

  it('sends at most 3 reset emails an hour per account, answering the same', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    for (let i = 0; i < 5; i++) expect((await requestReset(client, account.email)).headers.location).toBe('/account/password/forgot/sent');
    await t.runJobs();
    await t.mail.waitFor(account.email);
    expect(t.mail.to(account.email)).toHaveLength(3);
  });

  it('answers a malformed address with 400 and the typed value', async () => {
    const client = new WebClient(t.app);
    const res = await requestReset(client, 'not an address');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="not an address"');
    expect(res.body).toContain('name@example.mn');
  });
});
