import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { addMembership, buildAccount } from '../support/factories.js';
import { linkIn } from '../support/smtp.js';

let t: TestApp;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  t = await createTestApp();
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

describe('Saraa creates an account, verifies her email and signs in', () => {
  for (const javaScript of [true, false]) {
    it(`in Mongolian, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const email = `saraa.${javaScript ? 'js' : 'nojs'}@example.mn`;
      const password = 'миний урт нууц үг 2026';
      const context = await newContext(browser, baseURL, { javaScript });
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));

      // From the home page to the sign-in page, then on to create an account.
      await page.goto('/');
      await page.getByRole('link', { name: 'Нэвтрэх' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/account/sign-in');
      await expectAccessible(page);
      await page.getByRole('main').getByRole('link', { name: 'Бүртгүүлэх' }).click();
      expect(await page.locator('h1').textContent()).toBe('Бүртгэл үүсгэх');
      await expectAccessible(page);

      // She first sends the form half-filled: the error summary lists what is missing.
      await page.getByLabel('Таны нэр').fill('Сараа');
      await page.getByRole('button', { name: 'Бүртгэл үүсгэх' }).click();
      const summary = page.locator('.error-summary');
      expect(await summary.textContent()).toContain('Имэйл хаягаа оруулна уу');
      expect(await summary.textContent()).toContain('Нууц үгээ сонгож оруулна уу');
      expect(await page.getByLabel('Таны нэр').inputValue()).toBe('Сараа');
      if (javaScript) expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await expectAccessible(page);

      await page.getByLabel('Имэйл хаяг').fill(email);
      await page.getByLabel('Нууц үг', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Бүртгэл үүсгэх' }).click();
      expect(await page.locator('h1').textContent()).toBe('Имэйлээ шалгана уу');
      await expectAccessible(page);

      // The confirmation email arrives over SMTP, in Mongolian.
      await t.runJobs();
      const mail = await t.mail.waitFor(email, /баталгаажуулна уу/);
      expect(mail.text).toContain('Сайн байна уу, Сараа.');
      const link = new URL(linkIn(mail, '/account/verify/'));
      await page.goto(link.pathname);
      expect(await page.locator('h1').textContent()).toBe('Имэйл хаяг баталгаажлаа');
      await expectAccessible(page);

      // She signs in and lands on her account page, confirmed.
      await page.getByRole('main').getByRole('link', { name: 'Нэвтрэх' }).click();
      await page.getByLabel('Имэйл хаяг').fill(email);
      await page.getByLabel('Нууц үг').fill(password);
      await page.getByRole('main').getByRole('button', { name: 'Нэвтрэх' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/account');
      expect(await page.locator('h1').textContent()).toBe('Миний бүртгэл');
      expect(await page.getByRole('main').textContent()).toContain(email);
      expect(await page.locator('.tag-ok').textContent()).toBe('Баталгаажсан');
      await expectAccessible(page);

      // The link is single-use: opening it again explains, without changing anything.
      await page.goto(link.pathname);
      expect(await page.locator('h1').textContent()).toBe('Энэ холбоосыг аль хэдийн ашигласан байна');
      await expectAccessible(page);

      // And she signs out from the header.
      await page.getByRole('button', { name: 'Гарах' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/');
      expect(await page.getByRole('link', { name: 'Нэвтрэх' }).count()).toBe(1);

      // The form that came back (400) and the used link (410) are logged by Chromium; nothing else may be.
      const unexpected = consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of (400|410)\b/.test(e));
      expect(unexpected, 'no CSP or script errors in the console').toEqual([]);
      await context.close();
    });
  }
});

describe('Saraa forgets her password, resets it and changes it again', () => {
  it('in English, with JavaScript, every page accessible', async () => {
    const account = await buildAccount(t.db, { displayName: 'Saraa', preferredLang: 'en', verified: false });
    const body = await t.db
      .insertInto('organisation')
      .values({ kind: 'body', slug: 'journey-khoroo', name_mn: '5-р хорооны Засаг даргын Тамгын газар', name_en: 'Khoroo 5 Governor’s Office' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addMembership(t.db, account.id, body.id, 'member');
    const context = await newContext(browser, baseURL, { lang: 'en' });
    const page = await context.newPage();

    // A wrong password first, then "Forgotten your password?".
    await page.goto('/account/sign-in');
    await page.getByLabel('Email address').fill(account.email);
    await page.getByLabel('Password').fill('not my password at all');
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('The email address or password is not right');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Reset your password' }).click();
    await expectAccessible(page);
    await page.getByLabel('Email address').fill(account.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    expect(await page.locator('h1').textContent()).toBe('Check your email');
    await expectAccessible(page);

    await t.runJobs();
    const mail = await t.mail.waitFor(account.email, /reset your password/);
    await page.goto(new URL(linkIn(mail, '/account/password/reset/')).pathname);
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Save password' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Password must be at least 10 characters');
    await expectAccessible(page);
    await page.getByLabel('New password').fill('my fresh long passphrase');
    await page.getByRole('button', { name: 'Save password' }).click();
    expect(await page.locator('.notice').textContent()).toContain('Your password has been changed');
    await expectAccessible(page);

    await page.getByLabel('Email address').fill(account.email);
    await page.getByLabel('Password').fill('my fresh long passphrase');
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await page.goto('/account');
    // The reset link proved her mailbox, so the address is now confirmed; her office is listed.
    expect(await page.locator('.tag-ok').textContent()).toBe('Confirmed');
    expect(await page.getByRole('table').textContent()).toContain('Khoroo 5 Governor’s Office');
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Change your password' }).click();
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Enter your current password');
    await expectAccessible(page);
    await page.getByLabel('Current password').fill('my fresh long passphrase');
    await page.getByLabel('New password').fill('yet another long passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    expect(await page.locator('.notice').textContent()).toContain('Your password has been changed');

    // She switches her language to Mongolian on the account page; the pages follow.
    await page.getByLabel('Монгол (Mongolian)').check();
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('mn');
    expect(await page.locator('.notice').textContent()).toContain('Таны мэдээлэл хадгалагдлаа');
    await expectAccessible(page);
    await context.close();
  });

  it('the rate-limit page is accessible too', async () => {
    const account = await buildAccount(t.db);
    const context = await newContext(browser, baseURL, { javaScript: false });
    const page = await context.newPage();
    for (let i = 0; i < 6; i++) {
      await page.goto('/account/sign-in');
      await page.getByLabel('Имэйл хаяг').fill(account.email);
      await page.getByLabel('Нууц үг').fill(`wrong password ${i}`);
      await page.getByRole('main').getByRole('button', { name: 'Нэвтрэх' }).click();
    }
    expect(await page.locator('.error-summary').first().textContent()).toContain('дахин оролдоно уу');
    await expectAccessible(page);
    await context.close();
  });
});
