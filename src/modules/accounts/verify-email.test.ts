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

const password = 'a confirmation test passphrase';

/** Signs up through the form and returns the path of the emailed confirmation link. */
async function signUpAndGetLink(lang: 'mn' | 'en' = 'mn') {
  const client = new WebClient(t.app);
  if (lang === 'en') await client.get('/lang/en?next=/');
  const email = `verify-${Math.random().toString(36).slice(2, 10)}@example.mn`;
  await client.get('/account/sign-up');
  expect((await client.post('/account/sign-up', { display_name: 'Сараа', email, password })).statusCode).toBe(303);
  await t.runJobs();
  const mail = await t.mail.waitFor(email, lang === 'mn' ? /баталгаажуулна уу/ : /confirm your email/);
  return { client, email, path: new URL(linkIn(mail, '/account/verify/')).pathname };
}

async function verifiedAt(email: string) {
  const row = await t.db.selectFrom('account').where('email', '=', email).select('email_verified_at').executeTakeFirstOrThrow();
  return row.email_verified_at;
}

describe('email confirmation', () => {
  it('confirms the address with the emailed link, once', async () => {
    const { client, email, path } = await signUpAndGetLink();
    const res = await client.get(path);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Имэйл хаяг баталгаажлаа');
    expect(res.body).toContain('Баярлалаа, Сараа');
    expect(res.body).toContain('href="/account/sign-in?next=%2Faccount"');
    expect(await verifiedAt(email)).toEqual(t.clock.now());

    // Reused: a clear 410 and nothing changes (the confirmation time stays the first one).
    t.clock.advanceMs(60_000);
    const again = await client.get(path);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('Энэ холбоосыг аль хэдийн ашигласан байна');
    expect(await verifiedAt(email)).toEqual(new Date(t.clock.now().getTime() - 60_000));
  });

  it('refuses a link older than 48 hours (410) and leaves the account unconfirmed', async () => {
    const { client, email, path } = await signUpAndGetLink('en');
    t.clock.advanceMs(48 * 3600 * 1000 + 1000);
    const res = await client.get(path);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('This link has expired');
    expect(res.body).toContain('sign in and ask for one on your account page');
    expect(await verifiedAt(email)).toBeNull();
  });

  it('still works just before the 48 hours are up', async () => {
    const { client, email, path } = await signUpAndGetLink();
    t.clock.advanceMs(48 * 3600 * 1000 - 1000);
    expect((await client.get(path)).statusCode).toBe(200);
    expect(await verifiedAt(email)).not.toBeNull();
  });

  it('answers an unknown or malformed link with 404 and a way forward', async () => {
    const client = new WebClient(t.app);
    for (const path of ['/account/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/account/verify/not-a-token', "/account/verify/'%20OR%201=1"]) {
      const res = await client.get(path);
      expect(res.statusCode, path).toBe(404);
      expect(res.body).toContain('Энэ холбоос буруу байна');
    }
  });

  it('lets an unconfirmed account sign in, shows it as unconfirmed, and sends a new link on request', async () => {
    const { client, email, path: firstLink } = await signUpAndGetLink();
    await signIn(client, email, password);
    const account = await client.get('/account');
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('Баталгаажаагүй');
    expect(account.body).toContain('action="/account/verify/resend"');

    t.mail.clear();
    const resent = await client.post('/account/verify/resend');
    expect(resent.statusCode).toBe(303);
    expect(resent.headers.location).toBe('/account?done=verificationSent');
    expect((await client.follow(resent)).body).toContain('Бид баталгаажуулах шинэ холбоос илгээлээ');
    await t.runJobs();
    const mail = await t.mail.waitFor(email, /баталгаажуулна уу/);
    const secondLink = new URL(linkIn(mail, '/account/verify/')).pathname;
    expect(secondLink).not.toBe(firstLink);

    const confirmed = await client.get(secondLink);
    expect(confirmed.statusCode).toBe(200);
    // Signed in: the page leads to the account rather than to sign-in.
    expect(confirmed.body).toContain('Таны бүртгэл бүрэн идэвхжлээ');
    expect((await client.get('/account')).body).toContain('Баталгаажсан');
    // Confirming retired the older link too.
    expect((await client.get(firstLink)).statusCode).toBe(410);
    // Nothing more to resend once confirmed.
    await client.get('/account');
    const after = await client.post('/account/verify/resend');
    expect(after.headers.location).toBe('/account');
  });

  it('limits confirmation emails to 3 an hour (429 saying when), then allows more', async () => {
    const account = await buildAccount(t.db, { verified: false });
    const client = new WebClient(t.app);
    await signIn(client, account.email);
    await client.get('/account');
    for (let i = 0; i < 3; i++) expect((await client.post('/account/verify/resend')).statusCode).toBe(303);
    await client.get('/account');
    const refused = await client.post('/account/verify/resend');
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Бид танд саяхан хэд хэдэн имэйл илгээсэн');
    expect(refused.headers['retry-after']).toBe('3600');
    t.clock.advanceMs(3600 * 1000 + 1000);
    await client.get('/account');
    expect((await client.post('/account/verify/resend')).statusCode).toBe(303);
  });

  it('asks an anonymous visitor to sign in before resending (401, no email)', async () => {
    const client = new WebClient(t.app);
    await client.get('/account/sign-in');
    const res = await client.post('/account/verify/resend');
    expect(res.statusCode).toBe(401);
  });
});
