import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectAccessible, launchBrowser, newContext } from '../support/browser.js';

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

describe('the accessibility check itself', () => {
  it('fails on a page with known violations, so a pass means something', async () => {
    const context = await newContext(browser, baseURL);
    const page = await context.newPage();
    await page.setContent('<html><body><img src="/x.png"><button></button><input type="text"></body></html>');
    await expect(expectAccessible(page)).rejects.toThrow(/accessibility violations/);
    await context.close();
  });
});

describe('the home page in a real browser', () => {
  for (const javaScript of [true, false]) {
    it(`is accessible and switches language (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, baseURL, { javaScript });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto('/');
      await expect(page.locator('h1')).toBeDefined();
      expect(await page.locator('html').getAttribute('lang')).toBe('mn');
      await expectAccessible(page);
      await page.getByRole('link', { name: 'English' }).click();
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByRole('link', { name: 'Large text, high contrast' }).click();
      expect(await page.locator('html').getAttribute('class')).toContain('large-text');
      await expectAccessible(page);
      expect(errors, 'no CSP or script errors in the console').toEqual([]);
      await context.close();
    });
  }
});
