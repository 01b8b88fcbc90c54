import type { Browser } from 'playwright-core';
import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendPublicEvent } from '../../src/shared/public-record/append.js';
import { chainPending } from '../../src/shared/public-record/chain.js';
import { definePublicEvent } from '../../src/shared/public-record/events.js';
import { verifyNdjson } from '../../src/shared/public-record/verify.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectAccessible, launchBrowser, newContext } from '../support/browser.js';

const checked = definePublicEvent('journeytest.checked', Type.Object({ code: Type.String(), on_time: Type.Boolean(), due_at: Type.String() }, { additionalProperties: false }));

let t: TestApp;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.db.transaction().execute(async (tx) => {
    for (let i = 0; i < 60; i++) {
      const code = `K7M4TR${String(10 + i)}`;
      await appendPublicEvent(tx, { kind: checked, subject: `feedback/${code}`, payload: { code, on_time: i % 2 === 0, due_at: '2026-04-01T01:00:00.000Z' }, occurredAt: t.clock.now() });
    }
  });
  while ((await chainPending(t.db)) > 0);
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('Oyuna, a journalist, checks the public record', () => {
  for (const javaScript of [true, false]) {
    it(`reads, filters, pages and downloads it (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, baseURL, { javaScript });
      const page = await context.newPage();
      const errors: string[] = [];
      // The refused filter below is answered with status 400 on purpose; anything else is a fault.
      page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 400') && errors.push(m.text()));

      await page.goto('/record');
      expect(await page.locator('h1').textContent()).toBe('Нээлттэй бүртгэл');
      expect(await page.locator('.card-list > li').count()).toBe(50);
      await expectAccessible(page);

      await page.getByRole('link', { name: /Өмнөх бичлэгүүд/ }).click();
      expect(await page.locator('.card-list > li').count()).toBe(10);
      await page.getByRole('link', { name: /Шинэ бичлэгүүд/ }).click();
      expect(await page.locator('.card-list > li').count()).toBe(50);

      await page.getByLabel('Сэдэв').fill('feedback/K7M4TR15');
      await page.getByRole('button', { name: 'Шүүх' }).click();
      expect(page.url()).toContain('subject=feedback%2FK7M4TR15');
      expect(await page.locator('.card-list > li').count()).toBe(1);
      expect(await page.locator('.card-list a[href="/feedback/K7M4TR15"]').count()).toBe(1);
      await expectAccessible(page);

      await page.getByLabel('Сэдэв').fill('not a subject');
      await page.getByRole('button', { name: 'Шүүх' }).click();
      expect(await page.locator('.error-summary').count()).toBe(1);
      await expectAccessible(page);

      await page.getByRole('link', { name: 'English' }).click();
      expect(await page.locator('h1').textContent()).toBe('Public record');
      await page.goto('/record');
      await page.getByRole('link', { name: 'Large text, high contrast' }).click();
      await expectAccessible(page);

      const download = await page.request.get('/record.ndjson');
      expect(download.headers()['content-type']).toContain('application/x-ndjson');
      const lines = (await download.text()).trimEnd().split('\n');
      expect(await verifyNdjson(lines.values() as unknown as AsyncIterable<string>)).toMatchObject({ ok: true, checked: 60 });

      expect(errors, 'no CSP or script errors in the console').toEqual([]);
      await context.close();
    });
  }
});
