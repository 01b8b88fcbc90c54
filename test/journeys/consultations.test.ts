import fs from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closePdfRenderer } from '../../src/shared/pdf.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { collectConsoleErrors, expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { consultationWorld, draftLaw, ubDay, type ConsultationWorld } from '../support/consultation-factories.js';
import { FACTORY_PASSWORD, type BuiltAccount } from '../support/factories.js';

/**
 * Consultations in Chromium, with JavaScript on and off, as new users would go about
 * them: Ganbat at the ministry imports the draft Law on Public Participation and
 * publishes it; Bolormaa, a citizen in Arkhangai, comments on article 8 and on article
 * 13; Oyunchimeg comments for the Open Society Forum; Ganbat answers two similar comments
 * at once; a month later "finish" is refused while one comment waits; he publishes a
 * second version and everyone can see what changed and which comments it answers; he
 * answers the last comment, finishes, and the report shows the right totals and
 * downloads as PDF and CSV. Every page passes axe.
 */
let t: TestApp;
let browser: Browser;
let baseURL: string;
let w: ConsultationWorld;

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t.db);
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closePdfRenderer();
  await t.close();
});

const heading = (page: Page) => page.locator('h1').first().innerText();
const main = (page: Page) => page.getByRole('main').innerText();

async function signIn(page: Page, account: BuiltAccount, next: string): Promise<void> {
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Имэйл хаяг').fill(account.email);
  await page.getByLabel('Нууц үг').fill(FACTORY_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Нэвтрэх' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(next.split('?')[0]);
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Гарах' }).click();
  await page.waitForLoadState();
}

async function commentId(consultationId: number, text: string): Promise<number> {
  const row = await t.db.selectFrom('consultation_comment').where('consultation_id', '=', consultationId).where('text', '=', text).select('id').executeTakeFirstOrThrow();
  return row.id;
}

describe('a draft law, from import to report', () => {
  for (const javaScript of [true, false]) {
    it(`goes through consultation with citizens and a CSO (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 300_000 }, async () => {
      const suffix = javaScript ? 'А' : 'Б';
      const title = `Шийдвэр гаргах үйл ажиллагаанд олон нийтийг оролцуулах тухай хуулийн төсөл ${suffix}`;
      const context = await newContext(browser, baseURL, { javaScript });
      const page = await context.newPage();
      const errors = collectConsoleErrors(page);

      // Ganbat imports the draft and publishes it.
      await signIn(page, w.staff, '/consultations');
      expect(await heading(page)).toBe('Хэлэлцүүлэг');
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Шинэ хэлэлцүүлэг эхлүүлэх' }).click();
      expect(await heading(page)).toBe('Шинэ хэлэлцүүлэг');
      await expectAccessible(page);
      // He forgets the title first; the page says so and keeps the pasted law.
      await page.getByLabel('Төслийн текст').fill(draftLaw(1));
      await page.getByRole('button', { name: 'Хэлэлцүүлэг үүсгэх' }).click();
      await page.locator('.error-summary').waitFor();
      expect(await page.locator('.error-summary').innerText()).toContain('Нэр (монголоор) оруулна уу');
      expect(await page.getByLabel('Төслийн текст').inputValue()).toContain('20 дугаар зүйл.Шилжилтийн үеийн зохицуулалт');
      if (javaScript) expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await expectAccessible(page);
      await page.getByLabel('Хуулийн төсөл').check();
      await page.getByLabel('Нэр (монголоор)').fill(title);
      await page.getByLabel('Нэр (англиар)').fill(`Draft Law on Public Participation in Decision-Making ${suffix}`);
      await page.getByLabel('Танилцуулга').fill('Төрийн байгууллага шийдвэр гаргахдаа иргэдээс санал авч, санал бүрт хариу өгөх журмыг хуульчилна.');
      await page.getByLabel('Санал авч эхлэх өдөр').fill(ubDay(t.clock.now()));
      await page.getByLabel('Санал авах сүүлийн өдөр').fill(ubDay(t.clock.now(), 30));
      await page.getByRole('button', { name: 'Хэлэлцүүлэг үүсгэх' }).click();
      await page.locator('.notice-success').waitFor();
      expect(await page.locator('.notice-success').innerText()).toContain('Хэлэлцүүлэг үүслээ');
      expect(await main(page)).toContain('Төсөл 20 зүйлтэй');
      await expectAccessible(page);
      const id = Number(/\/consultations\/(\d+)\/manage/.exec(page.url())![1]);
      // He checks the structure the import found before publishing.
      await page.getByRole('link', { name: 'Текстийг засах' }).click();
      expect(await main(page)).toContain('Дөрөвдүгээр бүлэг ХЯНАЛТ, ХАРИУЦЛАГА');
      await expectAccessible(page);
      await page.getByRole('link', { name: 'Удирдах хуудас руу буцах' }).click();
      await page.getByRole('button', { name: 'Хэлэлцүүлгийг нийтлэх' }).click();
      await page.locator('.notice-success').waitFor();
      expect(await page.locator('.notice-success').innerText()).toBe('Хэлэлцүүлэг нийтлэгдлээ.');
      await signOut(page);

      // Bolormaa reads article 8 and comments on its first paragraph.
      await signIn(page, w.citizen, '/consultations');
      await page.getByRole('link', { name: title }).click();
      expect(await heading(page)).toContain(title);
      expect(await main(page)).toContain('Санал авч байна');
      await expectAccessible(page);
      await page.getByRole('link', { name: '8 дугаар зүйл. Хэлэлцүүлгийн хугацаа' }).click();
      expect(await heading(page)).toContain('8 дугаар зүйл. Хэлэлцүүлгийн хугацаа');
      await expectAccessible(page);
      const bolormaa8 = `Хөдөө орон нутагт 30 хоног хангалтгүй: хэлэлцүүлгийн хугацааг 45 хоног болгох нь зүйтэй ${suffix}.`;
      await page.getByLabel('Аль хэсгийн талаар?').selectOption({ label: '8.1 дахь хэсэг' });
      await page.getByLabel('Таны санал', { exact: true }).fill(bolormaa8);
      await page.getByLabel('Таны амьдардаг аймаг, нийслэл').selectOption({ label: 'Архангай' });
      await page.getByRole('button', { name: 'Санал илгээх' }).click();
      await page.locator('.notice-success').waitFor();
      expect(await page.locator('.notice-success').innerText()).toContain('Таны санал нийтлэгдлээ');
      expect(await main(page)).toContain(bolormaa8);
      expect(await main(page)).toContain('8.1 дахь хэсэг');
      await expectAccessible(page);
      // And on article 13, reached through the next-article links.
      await page.goto(`/consultations/${id}`);
      await page.getByRole('link', { name: '13 дугаар зүйл. Саналд хариу өгөх' }).click();
      const bolormaa13 = `Хариу өгөх 30 хоногийн хугацааг 15 хоног болгох ${suffix}.`;
      await page.getByLabel('Таны санал', { exact: true }).fill(bolormaa13);
      await page.getByRole('button', { name: 'Санал илгээх' }).click();
      await page.locator('.notice-success').waitFor();
      await signOut(page);

      // Oyunchimeg comments for her organisation, and supports Bolormaa's comment.
      await signIn(page, w.csoMember, `/consultations/${id}`);
      await page.getByRole('link', { name: '8 дугаар зүйл. Хэлэлцүүлгийн хугацаа' }).click();
      const forum = `Хэлэлцүүлгийг 45 хоногоос доошгүй, богиносгох бол 21 хоногоос багагүй байлгах ${suffix}.`;
      await page.getByLabel('Таны санал', { exact: true }).fill(forum);
      await page.getByLabel(/^Нээлттэй нийгэм форум/).check();
      await page.getByRole('button', { name: 'Санал илгээх' }).click();
      await page.locator('.notice-success').waitFor();
      const organisationComment = page.locator('li.comment', { hasText: forum });
      expect(await organisationComment.innerText()).toContain('Нээлттэй нийгэм форум');
      expect(await organisationComment.innerText()).not.toContain('Оюунчимэг');
      await page.locator('li.comment', { hasText: bolormaa8 }).getByRole('button', { name: /^Дэмжих/ }).click();
      await page.locator('.notice-success').waitFor();
      expect(await page.locator('li.comment', { hasText: bolormaa8 }).innerText()).toContain('1 хүн дэмжсэн');
      await expectAccessible(page);
      await signOut(page);

      // Ganbat answers the two comments about the period together.
      const [c8, c13, cForum] = [await commentId(id, bolormaa8), await commentId(id, bolormaa13), await commentId(id, forum)];
      await signIn(page, w.staff, `/consultations/${id}/manage`);
      await page.getByRole('link', { name: 'Хариу өгөх (3)' }).click();
      expect(await heading(page)).toContain('Саналд хариу өгөх');
      await expectAccessible(page);
      await page.locator(`#c-${c8}`).check();
      await page.locator(`#c-${cForum}`).check();
      await page.getByLabel('Хүлээн авсан', { exact: true }).check();
      await page.getByRole('button', { name: 'Хариу өгөх' }).click();
      // Without a reason it is refused, and the ticks stay.
      await page.locator('.error-summary').waitFor();
      expect(await page.locator('.error-summary').innerText()).toContain('Үндэслэл оруулна уу');
      expect(await page.locator(`#c-${c8}`).isChecked()).toBe(true);
      await expectAccessible(page);
      await page.getByLabel('Үндэслэл').fill('Хэлэлцүүлгийн хугацааг 45 хоног болгож, богиносгох доод хязгаарыг 21 хоног болгоно.');
      await page.getByRole('button', { name: 'Хариу өгөх' }).click();
      await page.locator('.notice-success').waitFor();
      expect(await page.locator('.notice-success').innerText()).toBe('Хариу өгөгдлөө.');
      expect(await page.locator(`#c-${c13}`).count()).toBe(1);
      expect(await page.locator(`#c-${c8}`).count()).toBe(0);

      // A month later the period is over; finishing is refused while one comment waits.
      t.clock.advanceDays(31);
      try {
        await signIn(page, w.staff, `/consultations/${id}/manage`);
        await page.getByRole('button', { name: 'Хэлэлцүүлгийг дуусгаж, тайланг нийтлэх' }).click();
        await page.locator('.error-summary').waitFor();
        expect(await page.locator('.error-summary').innerText()).toContain('1 санал хариугүй байгаа тул хэлэлцүүлгийг дуусгах боломжгүй');
        await expectAccessible(page);

        // He prepares version 2 from the revised text and publishes it.
        await page.getByRole('button', { name: 'Шинэ хувилбар бэлтгэх' }).click();
        await page.locator('.notice-success').waitFor();
        await page.getByLabel('Төслийн текст').fill(draftLaw(2));
        await page.getByRole('button', { name: 'Дахин оруулах' }).click();
        await page.locator('.notice-success').waitFor();
        expect(await main(page)).toContain('12 дугаар зүйл.Цахим бус хэлбэрээр санал ирүүлэх');
        await page.getByRole('link', { name: 'Удирдах хуудас руу буцах' }).click();
        await page.getByLabel('Юу өөрчлөгдсөн, яагаад').fill('Иргэн, Нээлттэй нийгэм форумын саналаар хэлэлцүүлгийн хугацааг 45 хоног болгож, цахим бус хэлбэрээр санал ирүүлэх 12 дугаар зүйл нэмэв.');
        await page.getByRole('button', { name: '2-р хувилбарыг нийтлэх' }).click();
        await page.locator('.notice-success').waitFor();
        expect(await page.locator('.notice-success').innerText()).toContain('Шинэ хувилбар нийтлэгдлээ');

        // Anyone can see what changed and which comments the change answers.
        await page.goto(`/consultations/${id}/versions/2/changes`);
        expect(await heading(page)).toContain('2-р хувилбарын өөрчлөлт');
        const article8 = page.locator('section.change', { hasText: '8 дугаар зүйл' }).first();
        expect(await article8.locator('del').first().innerText()).toContain('30');
        expect(await article8.locator('ins').first().innerText()).toContain('45');
        expect(await article8.innerText()).toContain('Энэ өөрчлөлт 2 саналд хариулж байна');
        expect(await main(page)).toContain('Нэмсэн');
        await expectAccessible(page);
        // Version 1 stays readable at its address.
        await page.goto(`/consultations/${id}/versions/1`);
        expect(await main(page)).toContain('Та 1-р хувилбарыг уншиж байна');
        expect(await main(page)).toContain('30 хоногоос доошгүй');
        await expectAccessible(page);

        // The last answer, then the consultation finishes.
        await page.goto(`/consultations/${id}/answers`);
        await page.locator(`#c-${c13}`).check();
        await page.getByLabel('Хүлээн аваагүй').check();
        await page.getByLabel('Үндэслэл').fill('Саналуудыг нэгтгэж, төсөлд тусгахад 30 хоног шаардлагатай тул хугацааг хэвээр үлдээнэ.');
        await page.getByRole('button', { name: 'Хариу өгөх' }).click();
        await page.locator('.notice-success').waitFor();
        await page.goto(`/consultations/${id}/manage`);
        await page.getByRole('button', { name: 'Хэлэлцүүлгийг дуусгаж, тайланг нийтлэх' }).click();
        await page.locator('.notice-success').waitFor();
        expect(await page.locator('.notice-success').innerText()).toBe('Хэлэлцүүлэг дуусч, тайлан нийтлэгдлээ.');
        await signOut(page);

        // The report: the right totals, and downloads as PDF and CSV.
        await page.goto(`/consultations/${id}`);
        await page.getByRole('link', { name: 'Хэлэлцүүлгийн тайлан' }).first().click();
        expect(await heading(page)).toContain('Хэлэлцүүлгийн тайлан');
        const figure = async (label: string) => page.locator('.figures div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd').innerText();
        expect(await figure('Ирсэн санал')).toBe('3');
        expect(await figure('Хүлээн авсан')).toBe('2');
        expect(await figure('Хүлээн аваагүй')).toBe('1');
        expect(await figure('Байгууллагаас')).toBe('1');
        expect(await figure('Иргэдээс')).toBe('2');
        expect(await figure('Дэмжлэг')).toBe('1');
        expect(await page.locator('tr', { hasText: 'Архангай' }).innerText()).toContain('1');
        await expectAccessible(page);
        const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Тайланг PDF-ээр татах' }).click()]);
        expect(pdf.suggestedFilename()).toBe(`consultation-${id}-report.pdf`);
        const pdfBytes = await fs.readFile((await pdf.path())!);
        expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
        const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Санал, хариуг CSV-ээр татах' }).click()]);
        const rows = (await fs.readFile((await csv.path())!, 'utf8')).trim().split('\r\n');
        expect(rows).toHaveLength(4);
        expect(rows.filter((r) => r.includes(',accepted,'))).toHaveLength(2);
        expect(rows.filter((r) => r.includes(',not_accepted,'))).toHaveLength(1);
        expect(rows.join('\n')).not.toContain(w.citizen.email);
        await page.getByRole('link', { name: 'Бүтэн тайланг хэвлэх хэлбэрээр харах' }).click();
        expect(await main(page)).toContain(bolormaa13);
        await expectAccessible(page);
      } finally {
        t.clock.advanceDays(-31);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
