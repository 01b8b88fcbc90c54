import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerFeedback } from '../../src/modules/feedback/commands/handle.js';
import { publishFeedback } from '../../src/modules/feedback/commands/moderate.js';
import type { CommandContext } from '../../src/modules/feedback/commands/common.js';
import { jpeg } from '../../src/modules/feedback/web/testing.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { collectConsoleErrors, expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { addRoutingRule, createCategory, createStaffMember, feedbackWorld } from '../support/feedback-factories.js';

let t: TestApp;
let browser: Browser;
let baseURL: string;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let staff: { accountId: number };
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
  const waste = await createCategory(t.db, { code: 'waste_journey', nameMn: 'Хог хаягдал', nameEn: 'Waste' });
  await addRoutingRule(t.db, { bodyId: world.district.id, categoryId: waste.id, placeCode: '1110' });
  staff = await createStaffMember(t.db, world.district.id);
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

const heading = (page: Page) => page.locator('h1').first().textContent();

/** Bolormaa's complaints, by run: the code and her private link, for the second journey. */
const filed: Record<string, { code: string; manage: string }> = {};

describe('Bolormaa files a complaint without an account in Mongolian and gets a code', () => {
  for (const javaScript of [false, true]) {
    it(`answers every question, sends it and follows it by code (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const context = await newContext(browser, baseURL, { javaScript });
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);
      const continueButton = page.getByRole('button', { name: 'Үргэлжлүүлэх' });

      await page.goto('/');
      await page.getByRole('navigation', { name: 'Үндсэн цэс' }).getByRole('link', { name: 'Санал, гомдол илгээх' }).click();
      expect(await heading(page)).toBe('Санал, гомдол илгээх');
      await expectAccessible(page);
      await page.getByRole('button', { name: /Эхлэх/ }).click();

      // 1. Kind: she first continues without choosing and is told what is missing.
      await page.locator('legend h1').waitFor();
      expect(await heading(page)).toBe('Та юу илгээх гэж байна вэ?');
      await continueButton.click();
      await page.locator('.error-summary').waitFor();
      expect(await page.locator('.error-summary a').textContent()).toBe('Юу илгээх гэж байгаагаа сонгоно уу');
      if (javaScript) expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await expectAccessible(page);
      await page.getByLabel('Гомдол').check();
      await continueButton.click();

      // 2. Category.
      await page.getByRole('heading', { name: 'Энэ ямар асуудал вэ?' }).waitFor();
      await expectAccessible(page);
      await page.getByLabel('Хог хаягдал').check();
      await continueButton.click();

      // 3. Place: lists without JavaScript, search-as-you-type with it.
      await page.getByRole('heading', { name: 'Энэ хаана болсон бэ?' }).waitFor();
      await expectAccessible(page);
      if (javaScript) {
        const box = page.getByRole('combobox', { name: 'Нэрээр хайх' });
        await box.pressSequentially('Bayanz', { delay: 30 });
        const options = page.getByRole('listbox').getByRole('option');
        await options.first().waitFor();
        const labels = await options.allTextContents();
        const index = labels.indexOf('Баянзүрх, Улаанбаатар');
        expect(index, labels.join(' | ')).toBeGreaterThanOrEqual(0);
        for (let i = 0; i <= index; i++) await box.press('ArrowDown');
        await box.press('Enter');
        expect(await page.locator('input[name=place_code]').inputValue()).toBe('1110');
        await expectAccessible(page);
      } else {
        await page.getByLabel('Аймаг эсвэл нийслэл').selectOption({ label: 'Улаанбаатар' });
        await page.getByRole('button', { name: 'Сум, дүүргийн жагсаалт харах' }).click();
        await page.getByLabel('Дүүрэг').waitFor();
        await expectAccessible(page);
        await page.getByLabel('Дүүрэг').selectOption({ label: 'Баянзүрх' });
      }
      await continueButton.click();

      // 4. What happened: an empty title is refused, the description she typed stays.
      await page.getByRole('heading', { name: 'Юу болсныг бичнэ үү' }).waitFor();
      await page.getByLabel('Дэлгэрэнгүй').fill('Манай байрны хогийн савыг хоёр долоо хоног ачаагүй. Үнэр гарч, нохой тарааж байна.');
      await continueButton.click();
      await page.locator('.error-summary').waitFor();
      expect(await page.getByLabel('Дэлгэрэнгүй').inputValue()).toContain('хоёр долоо хоног');
      await expectAccessible(page);
      if (javaScript) expect(await page.locator('.char-count').textContent()).toMatch(/тэмдэгт үлдсэн/);
      await page.getByLabel('Гарчиг').fill('Хогийн сав хоёр долоо хоног ачигдаагүй');
      await continueButton.click();

      // 5. A photo.
      await page.getByRole('heading', { name: 'Зураг хавсаргах уу?' }).waitFor();
      await expectAccessible(page);
      await page.getByLabel(/Зураг сонгох/).setInputFiles({ name: 'хогийн-сав.jpg', mimeType: 'image/jpeg', buffer: await jpeg(400, 300) });
      await page.getByRole('button', { name: 'Зураг нэмэх' }).click();
      await page.getByText('Зургийг нэмлээ.').waitFor();
      expect(await page.getByRole('img', { name: /хогийн-сав\.jpg/ }).count()).toBe(1);
      await expectAccessible(page);
      await continueButton.click();

      // 6. Public or private, with what is always public explained.
      await page.getByRole('heading', { name: 'Таны бичсэнийг бусад хүн харж болох уу?' }).waitFor();
      expect(await page.getByRole('main').textContent()).toContain('Таны нэр, холбоо барих мэдээлэл хэзээ ч харагдахгүй');
      await expectAccessible(page);
      await page.getByLabel('Тийм, товч агуулгыг нийтэд харуулна').check();
      await continueButton.click();

      // 7. Contact: she stays anonymous.
      await page.getByRole('heading', { name: 'Тантай хэрхэн холбогдох вэ?' }).waitFor();
      await expectAccessible(page);
      await continueButton.click();

      // 8. Check, change one answer, send.
      await page.getByRole('heading', { name: 'Илгээхээсээ өмнө шалгана уу' }).waitFor();
      await expectAccessible(page);
      const main = page.getByRole('main');
      expect(await main.textContent()).toContain('Улаанбаатар › Баянзүрх');
      expect(await main.textContent()).toContain('Нэрээ нууцалсан');
      await page.getByRole('link', { name: 'Өөрчлөх Гарчиг' }).click();
      await page.getByLabel('Гарчиг').fill('Хогийн сав 2 долоо хоног ачигдаагүй');
      await continueButton.click();
      await page.getByRole('heading', { name: 'Илгээхээсээ өмнө шалгана уу' }).waitFor();
      expect(await main.textContent()).toContain('Хогийн сав 2 долоо хоног ачигдаагүй');
      await page.getByRole('button', { name: 'Илгээх' }).click();

      // The confirmation: the code large, the deadline, the body and her private link.
      await page.locator('#tracking-code').waitFor();
      expect(await heading(page)).toBe('Таны гомдол илгээгдлээ');
      const shownCode = (await page.locator('#tracking-code').textContent())!;
      expect(shownCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      expect(await main.textContent()).toContain(world.district.name_mn);
      expect(await main.textContent()).toContain('2026 оны 4 сарын 1');
      expect(await main.textContent()).toContain('имэйл хаяг өгөөгүй');
      const manage = (await page.locator('#manage-link').getAttribute('href'))!;
      expect(manage).toMatch(/^\/feedback\/[A-Z0-9]{8}\/manage\?key=/);
      await expectAccessible(page);
      const code = shownCode.replace('-', '');
      filed[javaScript ? 'js' : 'nojs'] = { code, manage };
      const row = await t.db.selectFrom('feedback_item').select(['channel', 'publication', 'submitter_id', 'place_code']).where('code', '=', code).executeTakeFirstOrThrow();
      expect(row).toEqual({ channel: 'web', publication: 'pending', submitter_id: null, place_code: '1110' });

      // Later she follows it by code, typed in lower case.
      await page.getByRole('navigation', { name: 'Үндсэн цэс' }).getByRole('link', { name: 'Хянах' }).click();
      await expectAccessible(page);
      await page.getByLabel('Хяналтын код').fill(shownCode.toLowerCase());
      await page.getByRole('button', { name: 'Хянах' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/feedback/${code}`);
      expect(await heading(page)).toBe(`Гомдол ${shownCode}`);
      expect(await main.textContent()).toContain('Хүлээн авсан');
      expect(await main.textContent()).toContain('30 хоног үлдсэн');
      expect(await main.textContent()).not.toContain('Хогийн сав 2 долоо хоног');
      await expectAccessible(page);

      // Once a moderator publishes a summary, it is on the list and the item page.
      const moderator = await createStaffMember(t.db, world.capital.id);
      await publishFeedback(t.db, code, { title: `Хогийн сав ачигдаагүй (${javaScript ? 1 : 2})`, summary: 'Байрны хогийн савыг хоёр долоо хоног ачаагүй.' }, moderator.accountId, ctx());
      await page.getByRole('navigation', { name: 'Үндсэн цэс' }).getByRole('link', { name: 'Санал, гомдол', exact: true }).click();
      await page.getByRole('link', { name: `Хогийн сав ачигдаагүй (${javaScript ? 1 : 2})` }).waitFor();
      await expectAccessible(page);
      await page.getByLabel('Түлхүүр үг').fill('khog');
      await page.getByRole('button', { name: 'Шүүх' }).click();
      await page.getByRole('link', { name: `Хогийн сав ачигдаагүй (${javaScript ? 1 : 2})` }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/feedback/${code}`);
      expect(await main.textContent()).toContain('Байрны хогийн савыг хоёр долоо хоног ачаагүй.');
      expect(await page.getByRole('img', { name: /1-р зураг/ }).count()).toBe(1);
      await expectAccessible(page);
      expect(errors, 'no CSP or script errors in the console').toEqual([]);
      await context.close();
    });
  }
});

describe('Bolormaa is not satisfied with the answer and escalates it with her private link', () => {
  for (const javaScript of [false, true]) {
    it(`rates the answer and escalates to the capital’s office (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const mine = filed[javaScript ? 'js' : 'nojs'];
      expect(mine, 'the first journey filed a complaint').toBeDefined();
      await answerFeedback(t.db, mine!.code, { resolution: 'resolved', text: 'Хогийн машины хуваарийг шинэчилж, савыг ачлаа.' }, staff, ctx());

      const context = await newContext(browser, baseURL, { javaScript });
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);
      await page.goto(mine!.manage);
      expect(await heading(page)).toContain('Миний илгээлт');
      const main = page.getByRole('main');
      expect(await main.textContent()).toContain('Хогийн машины хуваарийг шинэчилж');
      await expectAccessible(page);

      await page.getByLabel('Хариултад сэтгэл хангалуунгүй').check();
      await page.getByRole('button', { name: 'Үнэлгээ илгээх' }).click();
      await page.getByText('Таны үнэлгээг хүлээн авлаа').waitFor();
      await expectAccessible(page);

      // A too-short reason is explained; then she escalates.
      const escalate = page.locator('section', { has: page.getByRole('heading', { name: 'Дээд шатны байгууллагад уламжлах' }) });
      await escalate.getByLabel('Шалтгаан').fill('Үгүй');
      await escalate.getByRole('button', { name: 'Уламжлах' }).click();
      await page.locator('.error-summary').waitFor();
      await expectAccessible(page);
      const again = page.locator('section', { has: page.getByRole('heading', { name: 'Дээд шатны байгууллагад уламжлах' }) });
      await again.getByLabel('Шалтгаан').fill('Сав дахиад дүүрсэн, хуваарь биелэхгүй байна');
      await again.getByRole('button', { name: 'Уламжлах' }).click();
      await page.getByText('Илгээлтийг дээд шатны байгууллагад уламжиллаа').waitFor();
      expect(await main.textContent()).toContain(world.capital.name_mn);
      await expectAccessible(page);

      // The public page shows the escalation, without her reason.
      await page.getByRole('link', { name: 'Нийтийн хуудсыг харах' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`/feedback/${mine!.code}`);
      expect(await main.textContent()).toContain('дээд шатны');
      expect(await main.textContent()).not.toContain('хуваарь биелэхгүй');
      await expectAccessible(page);
      const row = await t.db.selectFrom('feedback_item').select(['body_id', 'status', 'satisfaction']).where('code', '=', mine!.code).executeTakeFirstOrThrow();
      expect(row).toEqual({ body_id: world.capital.id, status: 'received', satisfaction: 'unsatisfied' });
      expect(errors, 'no CSP or script errors in the console').toEqual([]);
      await context.close();
    });
  }
});
