import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildAccount, signIn } from '../../../test/support/factories.js';
import { LOGIN_WINDOW_MS } from './login-throttle.js';

let t: TestApp;
beforeAll(async () => {
  // Deployed behind a reverse proxy, the client's address comes from X-Forwarded-For.
  t = await createTestApp({ env: { TRUST_PROXY: 'true' } });
});
afterAll(async () => t.close());

let network = 0;
/** A distinct client address per test, so tests do not share the per-network count. */
const newIp = () => `198.51.100.${++network}`;

/** Posts the sign-in form from a given address (this app trusts X-Forwarded-For from its proxy). */
async function attempt(client: WebClient, email: string, password: string, ip: string) {
  await client.get('/account/sign-in');
  const body = new URLSearchParams({ _csrf: client.csrf(), email, password }).toString();
  return client.request({ method: 'POST', url: '/account/sign-in', payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip } });
}

describe('login rate limit', () => {
  it('after 5 failures for an address refuses even the right password with 429, saying when, until the window passes', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    const ip = newIp();
    for (let i = 0; i < 5; i++) {
      expect((await attempt(client, account.email, `wrong password ${i}`, ip)).statusCode).toBe(401);
      t.clock.advanceMs(60_000);
    }
    // Four minutes after the 5th failure (which was at +4 min): the first failure leaves the window at +15 min.
    t.clock.advanceMs(3 * 60_000);
    const refused = await attempt(client, account.email, account.password, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe(String(LOGIN_WINDOW_MS / 1000 - 8 * 60));
    expect(refused.body).toContain('Хэт олон удаа буруу оролдсон');
    expect(refused.body).toContain('ойролцоогоор 7 минутын дараа');
    // 01:00Z + 15 min is 09:15 in Ulaanbaatar.
    expect(refused.body).toContain('09:15');
    expect(refused.body).toContain('<title>Алдаа:');
    expect(client.cookie('irgen_session')).toBeUndefined();

    // The same page in English.
    const english = new WebClient(t.app);
    await english.get('/lang/en?next=/');
    const refusedEn = await attempt(english, account.email, account.password, newIp());
    expect(refusedEn.statusCode).toBe(429);
    expect(refusedEn.body).toContain('Try again after');
    expect(refusedEn.body).toContain('in about 7 minutes');

    // Refused attempts are not counted, so waiting ends the pause.
    t.clock.advanceMs(7 * 60_000);
    const res = await attempt(client, account.email, account.password, ip);
    expect(res.statusCode).toBe(303);
  });

  it('counts only failures since the last successful sign-in for the address', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    const ip = newIp();
    for (let i = 0; i < 4; i++) await attempt(client, account.email, 'wrong password', ip);
    expect((await attempt(client, account.email, account.password, ip)).statusCode).toBe(303);
    const other = new WebClient(t.app);
    for (let i = 0; i < 4; i++) expect((await attempt(other, account.email, 'wrong password', ip)).statusCode).toBe(401);
    expect((await attempt(other, account.email, account.password, ip)).statusCode).toBe(303);
  });

  it('counts an unknown address like a known one', async () => {
    const client = new WebClient(t.app);
    const ip = newIp();
    for (let i = 0; i < 5; i++) expect((await attempt(client, 'no-such-person@example.mn', 'some password', ip)).statusCode).toBe(401);
    expect((await attempt(client, 'no-such-person@example.mn', 'some password', ip)).statusCode).toBe(429);
  });

  it('after 20 failures from one address of the network refuses every account from it, but not from elsewhere', async () => {
    const victim = await buildAccount(t.db);
    const client = new WebClient(t.app);
    const ip = newIp();
    for (let i = 0; i < 20; i++) {
      expect((await attempt(client, `guess-${i}@example.mn`, 'wrong password', ip)).statusCode).toBe(401);
    }
    const refused = await attempt(client, victim.email, victim.password, ip);
    expect(refused.statusCode).toBe(429);
    expect((await attempt(new WebClient(t.app), victim.email, victim.password, newIp())).statusCode).toBe(303);
    t.clock.advanceMs(LOGIN_WINDOW_MS);
    expect((await attempt(client, victim.email, victim.password, ip)).statusCode).toBe(303);
  });

  it('counts IPv6 clients per /64, since one person controls the whole prefix', async () => {
    const client = new WebClient(t.app);
    for (let i = 0; i < 20; i++) await attempt(client, `v6-${i}@example.mn`, 'wrong password', `2001:db8:1:2::${(i + 1).toString(16)}`);
    const account = await buildAccount(t.db);
    expect((await attempt(client, account.email, account.password, '2001:db8:1:2:ffff::1')).statusCode).toBe(429);
    expect((await attempt(client, account.email, account.password, '2001:db8:1:3::1')).statusCode).toBe(303);
  });

  it('records successful and failed attempts with their time and address', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    const ip = newIp();
    await attempt(client, account.email, 'wrong password', ip);
    await attempt(client, account.email, account.password, ip);
    const rows = await t.db.selectFrom('login_attempt').where('email', '=', account.email).orderBy('id').selectAll().execute();
    expect(rows.map((r) => [r.succeeded, r.ip, r.attempted_at.toISOString()])).toEqual([
      [false, ip, t.clock.now().toISOString()],
      [true, ip, t.clock.now().toISOString()],
    ]);
  });

  it('also limits guesses at the current password on the change-password form', async () => {
    const account = await buildAccount(t.db);
    const client = new WebClient(t.app);
    await signIn(client, account.email);
    for (let i = 0; i < 5; i++) {
      await client.get('/account/password');
      const res = await client.post('/account/password', { current_password: `wrong guess ${i}`, new_password: 'a brand new passphrase' });
      expect(res.statusCode).toBe(400);
    }
    await client.get('/account/password');
    const refused = await client.post('/account/password', { current_password: account.password, new_password: 'a brand new passphrase' });
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Хэт олон удаа буруу оролдсон');
  });
});

describe('login rate limit without a trusted proxy', () => {
  it('ignores X-Forwarded-For, so a guesser cannot reset the count by inventing addresses', async () => {
    const direct = await createTestApp();
    try {
      const client = new WebClient(direct.app);
      for (let i = 0; i < 5; i++) {
        expect((await attempt(client, 'someone@example.mn', 'wrong password', `203.0.113.${i + 1}`)).statusCode).toBe(401);
      }
      expect((await attempt(client, 'someone@example.mn', 'wrong password', '203.0.113.99')).statusCode).toBe(429);
    } finally {
      await direct.close();
    }
  });
});
