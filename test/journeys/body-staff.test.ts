import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/modules/feedback/commands/common.js';
import { formatTrackingCode } from '../../src/modules/feedback/tracking-code.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { collectConsoleErrors, expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { addMembership, buildAccount, FACTORY_PASSWORD, grantPlatformRole, type BuiltAccount } from '../support/factories.js';
import { addRoutingRule, buildFeedback, createCategory, feedbackWorld } from '../support/feedback-factories.js';

/**
 * The staff side in Chromium, with JavaScript on and off: Ganbold at the Bayanzürkh
 * district office answers a complaint, Oyuntsetseg at the 11-11 centre files one for a
 * caller, and Saraa the moderator publishes a summary without the caller's phone number.
 */
let t: TestApp;
let browser: Browser;
let baseURL: string;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let ganbold: BuiltAccount;
let oyuntsetseg: BuiltAccount;
let saraa: BuiltAccount;
let waste: { id: number; code: string };
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
  waste = await createCategory(t.db, { code: 'waste_staff_journey', nameMn: 'Хог хаягдал', nameEn: 'Waste' });
  await addRoutingRule(t.db, { bodyId: world.district.id, categoryId: waste.id, placeCode: '1110' });
  ganbold = await buildAccount(t.db, { email: 'ganbold@bayanzurkh.gov.mn', displayName: 'Ганболд' });
  await addMembership(t.db, ganbold.id, world.district.id);
  oyuntsetseg = await buildAccount(t.db, { email: 'oyuntsetseg@1111.mn', displayName: 'Оюунцэцэг' });
  await grantPlatformRole(t.db, oyuntsetseg.id, 'operator');
  saraa = await buildAccount(t.db, { email: 'saraa@irgen.mn', displayName: 'Сараа' });
  await grantPlatformRole(t.db, saraa.id, 'moderator');
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

const heading = (page: Page) => page.locator('h1').first().textContent();

/** Opening a staff page signed out leads to the sign-in form, and back to the page after. */
async function signInVia(page: Page, path: string, account: BuiltAccount) {
  await page.goto(path);
  await expect.poll(() => new URL(page.url()).pathname).toBe('/account/sign-in');
  await expectAccessible(page);
  await page.getByLabel('Имэйл хаяг').fill(account.email);
  await page.getByLabel('Нууц үг').fill(FACTORY_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Нэвтрэх' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(path);
}

describe('Ganbold at the Bayanzürkh district office', () => {
  for (const javaScript of [true, false]) {
    it(`sees a new complaint, extends the deadline with a reason and answers it (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 120_000 }, async () => {
      const title = `Хогийн цэг дүүрсэн ${javaScript ? 'А' : 'Б'}`;
      const { code } = await buildFeedback(t.db, ctx(), {
        categoryCode: waste.code,
        title,
        description: '5-р хорооны 12-р байрны ард хогийн цэг дүүрч, хог салхинд хийсч байна.',
        contact: { name: 'Нарантуяа', email: `narantuya.${javaScript ? 'js' : 'nojs'}@example.mn` },
      });
      const context = await newContext(browser, baseURL, { javaScript });
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);

      await signInVia(page, '/inbox', ganbold);
      expect(await heading(page)).toBe('Баянзүрх дүүргийн Засаг даргын Тамгын газар: ирсэн санал, гомдол');
      const row = page.locator('tr', { hasText: title });
      expect(await row.textContent()).toContain('Хог хаягдал');
      await expectAccessible(page);

      // He opens it: the citizen's own words and contact details are there for him.
      await row.getByRole('link', { name: formatTrackingCode(code) }).click();
      expect(await heading(page)).toBe(`${formatTrackingCode(code)}: ${title}`);
      expect(await page.getByRole('main').textContent()).toContain('5-р хорооны 12-р байрны ард хогийн цэг дүүрч');
      expect(await page.getByRole('main').textContent()).toContain('Нарантуяа');
      await expectAccessible(page);

      // He asks for too long an extension first, and is told the limit.
      await page.getByLabel('Хэдэн хоногоор сунгах вэ?').fill('31');
      await page.getByLabel('Сунгах шалтгаан').fill('Хог тээврийн компанитай гэрээ шинэчилж байна.');
      await page.getByRole('button', { name: 'Хугацаа сунгах' }).click();
      await page.locator('.error-summary').waitFor();
      expect(await page.locator('.error-summary').textContent()).toContain('Сунгах хоног 1-ээс 30 хүртэл байна.');
      expect(await page.getByLabel('Сунгах шалтгаан').inputValue()).toBe('Хог тээврийн компанитай гэрээ шинэчилж байна.');
      if (javaScript) expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await expectAccessible(page);

      await page.getByLabel('Хэдэн хоногоор сунгах вэ?').fill('14');
      await page.getByRole('button', { name: 'Хугацаа сунгах' }).click();
      await page.locator('.notice-success').waitFor();
      expect(await page.locator('.notice-success').textContent()).toMatch(/^Хугацааг 2026 оны 4 сарын \d+ хүртэл сунгалаа\.$/);
      expect(await page.getByRole('main').textContent()).toContain('Хуулиар зөвхөн нэг удаа сунгах боломжтой');
      expect(await page.getByRole('button', { name: 'Хугацаа сунгах' }).count()).toBe(0);
      await expectAccessible(page);

      // Then he answers it.
      await page.getByLabel('Шийдвэрлэсэн').check();
      await page.getByLabel('Хариулт', { exact: true }).fill('Хогийг 3-р сарын 5-нд ачиж, цэгийг долоо хоногт 2 удаа цэвэрлэхээр хуваарь гаргалаа.');
      await page.getByRole('button', { name: 'Хариу илгээх' }).click();
      await page.locator('.notice-success').waitFor();
      expect(await page.locator('.notice-success').textContent()).toBe('Хариу илгээгдлээ.');
      expect(await page.getByRole('main').textContent()).toContain('Энэ өргөдөлд хариулсан тул');
      await expectAccessible(page);

      // It has left the open list and sits on the answered tab.
      await page.getByRole('link', { name: 'Ирсэн санал, гомдол руу буцах' }).click();
      expect(await page.locator('tr', { hasText: title }).count()).toBe(0);
      await page.getByRole('link', { name: /Хариулсан, хаагдсан/ }).click();
      expect(await page.locator('tr', { hasText: title }).count()).toBe(1);
      await expectAccessible(page);

      // The citizen was told of the extension and of the answer, by email.
      await t.runJobs();
      const contact = `narantuya.${javaScript ? 'js' : 'nojs'}@example.mn`;
      expect((await t.mail.waitFor(contact, /сунгалаа/)).text).toContain('Хог тээврийн компанитай гэрээ шинэчилж байна.');
      expect((await t.mail.waitFor(contact, /хариу ирлээ/)).text).toContain('долоо хоногт 2 удаа');
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('Oyuntsetseg at the 11-11 centre', () => {
  for (const javaScript of [true, false]) {
    it(`files a complaint for a caller (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 120_000 }, async () => {
      const title = `Гудамжны гэрэл асахгүй ${javaScript ? 'А' : 'Б'}`;
      const context = await newContext(browser, baseURL, { javaScript });
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);

      await signInVia(page, '/operator', oyuntsetseg);
      expect(await heading(page)).toBe('Операторын самбар');
      await expectAccessible(page);

      // The caller speaks fast: she fills what she has and presses File; the page says what is missing.
      await page.getByLabel('Ангилал').selectOption({ label: 'Хог хаягдал' });
      await page.getByLabel('Товч гарчиг').fill(title);
      await page.getByRole('button', { name: 'Бүртгэх' }).click();
      await page.locator('.error-summary').waitFor();
      const summary = await page.locator('.error-summary').textContent();
      expect(summary).toContain('Аймаг эсвэл нийслэлээ сонгоно уу');
      expect(summary).toContain('дэлгэрэнгүй оруулна уу');
      expect(summary).toContain('нийтлэх эсэх сонгоно уу');
      expect(await page.getByLabel('Товч гарчиг').inputValue()).toBe(title);
      await expectAccessible(page);

      // The place, step by step: the capital, then the düüreg.
      await page.getByLabel('Аймаг эсвэл нийслэл').selectOption({ label: 'Улаанбаатар' });
      await page.getByRole('button', { name: 'Сум, дүүргийн жагсаалт харах' }).click();
      await page.getByLabel('Дүүрэг', { exact: true }).waitFor();
      await page.getByLabel('Дүүрэг', { exact: true }).selectOption({ label: 'Баянзүрх' });
      await page.getByLabel('Дэлгэрэнгүй').fill('Иргэний хэлснээр 26-р хорооны төв замын гэрэл 10 хоног асахгүй, орой аюултай байна.');
      await page.getByLabel('Нэр (заавал биш)', { exact: true }).fill('Должин');
      await page.getByLabel('Утасны дугаар').fill('88112233');
      await page.getByLabel('Тийм: хувийн мэдээллийг хасаж нийтэлнэ').check();
      await page.getByRole('button', { name: 'Бүртгэх' }).click();

      // The code to read back, large, and a way to the next call.
      await page.locator('.code-box').waitFor();
      const shown = (await page.locator('.code-box').textContent())!;
      expect(shown).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const code = shown.replace('-', '');
      expect(await page.getByRole('main').textContent()).toContain('Баянзүрх дүүргийн Засаг даргын Тамгын газар');
      await expectAccessible(page);
      const item = await t.db.selectFrom('feedback_item').select(['channel', 'operator_id', 'body_id', 'publication']).where('code', '=', code).executeTakeFirstOrThrow();
      expect(item).toEqual({ channel: 'operator', operator_id: oyuntsetseg.id, body_id: world.district.id, publication: 'pending' });

      await page.getByRole('link', { name: 'Дараагийн дуудлагыг бүртгэх' }).click();
      expect(await page.getByLabel('Товч гарчиг').inputValue()).toBe('');
      expect(await page.locator('#recent-heading + .table-wrap').textContent()).toContain(shown);
      await expectAccessible(page);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('Saraa the moderator', () => {
  for (const javaScript of [true, false]) {
    it(`publishes a summary without the caller’s phone number (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 120_000 }, async () => {
      const phone = javaScript ? '99001122' : '99003344';
      const { code } = await buildFeedback(t.db, ctx(), {
        categoryCode: waste.code,
        title: 'Хогийн машин ирэхгүй байна',
        description: `Намайг Болд гэдэг, утас ${phone}. Манай гудамжаар хогийн машин 3 долоо хоног ирээгүй.`,
      });
      const context = await newContext(browser, baseURL, { javaScript });
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);

      await signInVia(page, '/moderation', saraa);
      expect(await heading(page)).toBe('Нийтлэлийн хяналт');
      const panel = page.locator(`article[aria-labelledby="m-${code}"]`);
      expect(await panel.locator('mark.pii').first().textContent()).toContain(phone);
      await expectAccessible(page);

      // She removes the name and number from the prefilled summary and publishes.
      await panel.getByLabel('Нийтийн товч агуулга').fill('Манай гудамжаар хогийн машин 3 долоо хоног ирээгүй.');
      await panel.getByRole('button', { name: 'Нийтлэх', exact: true }).click();
      await page.locator('.notice-success').waitFor();
      expect(await page.locator('.notice-success').textContent()).toBe(`${formatTrackingCode(code)} нийтлэгдлээ (хувилбар 1).`);
      expect(await page.locator(`article[aria-labelledby="m-${code}"]`).count()).toBe(0);
      await expectAccessible(page);

      // A correction later: she finds the item by its code and publishes a second version.
      await page.getByLabel(/Хянах код/).fill(formatTrackingCode(code).toLowerCase());
      await page.getByRole('button', { name: 'Нээх' }).click();
      expect(await heading(page)).toBe(`Хяналт: ${formatTrackingCode(code)}`);
      expect(await page.getByRole('main').textContent()).toContain('Одоо нийтлэгдсэн хувилбар: 1');
      await expectAccessible(page);
      await page.getByLabel('Нийтийн товч агуулга').fill('Манай гудамжаар хогийн машин 3 долоо хоног ирээгүй, хог овоорч байна.');
      await page.getByRole('button', { name: 'Шинэ хувилбар нийтлэх' }).click();
      await page.locator('.notice-success').waitFor();
      expect(await page.locator('.notice-success').textContent()).toBe(`${formatTrackingCode(code)} нийтлэгдлээ (хувилбар 2).`);
      await expectAccessible(page);

      // The public page shows her version, without the phone number.
      await page.goto(`/feedback/${code}`);
      const main = (await page.getByRole('main').textContent())!;
      expect(main).toContain('Манай гудамжаар хогийн машин 3 долоо хоног ирээгүй, хог овоорч байна.');
      expect(main).not.toContain(phone);
      expect(main).not.toContain('Болд');
      await expectAccessible(page);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
