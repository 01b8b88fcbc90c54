import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/modules/feedback/commands/common.js';
import { answerFeedback } from '../../src/modules/feedback/commands/handle.js';
import { refreshFeedbackStats } from '../../src/modules/feedback/stats/refresh.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { buildFeedback, createStaffMember, feedbackWorld } from '../support/feedback-factories.js';

let t: TestApp;
let browser: Browser;
let baseURL: string;
let world: Awaited<ReturnType<typeof feedbackWorld>>;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-02-02T02:00:00Z' });
  world = await feedbackWorld(t.db);
  const staff = await createStaffMember(t.db, world.district.id);
  const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });
  const answered = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
  await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, placeCode: '1110' });
  t.clock.set('2026-02-20T02:00:00Z');
  await answerFeedback(t.db, answered.code, { resolution: 'resolved', text: 'Асуудлыг бүрэн шийдвэрлэлээ.' }, staff, ctx());
  // The second item is never answered: by April it is overdue.
  t.clock.set('2026-04-10T02:00:00Z');
  await refreshFeedbackStats(t.db, { all: true });
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

describe('Tuya, a journalist, checks how the Bayanzürkh office answers citizens', () => {
  for (const javaScript of [true, false]) {
    it(`finds the overdue case on the responsiveness pages (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, baseURL, { javaScript });
      const page = await context.newPage();
      await page.goto('/responsiveness');
      await expectAccessible(page);
      const row = page.locator('tr', { hasText: 'Баянзүрх дүүргийн Засаг даргын Тамгын газар' });
      await expect(row.locator('.tag-overdue').textContent()).resolves.toBe('1');
      await row.getByRole('link').click();
      await expect(page.locator('h1').textContent()).resolves.toContain('Баянзүрх');
      await expectAccessible(page);
      expect(await page.locator('svg.chart title').textContent()).toContain('Баянзүрх');
      await page.getByRole('link', { name: '2026 оны 2-р сар' }).click();
      await expect(page.locator('h1').textContent()).resolves.toContain('2026 оны 2-р сар');
      await expectAccessible(page);
      await page.goto('/responsiveness/places/11');
      await expectAccessible(page);
      await context.close();
    });
  }
});
