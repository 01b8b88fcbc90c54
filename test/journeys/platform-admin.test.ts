import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUGS, seedDemoBodies } from '../../src/modules/bodies/demo-data.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { buildAccount, grantPlatformRole, type BuiltAccount } from '../support/factories.js';
import { buildFeedback } from '../support/feedback-factories.js';

let t: TestApp;
let browser: Browser;
let baseURL: string;
let enkhjargal: BuiltAccount;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoBodies(t.db, { now: t.clock.now() });
  enkhjargal = await buildAccount(t.db, { displayName: 'Энхжаргал' });
  await grantPlatformRole(t.db, enkhjargal.id, 'platform_admin');
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

const KHOVD_OFFICE = 'Ховд аймгийн Засаг даргын Тамгын газар';

async function signIn(page: Page, path: string, labels: { email: string; password: string; button: string }) {
  await page.goto(path);
  await page.getByLabel(labels.email).fill(enkhjargal.email);
  await page.getByLabel(labels.password).fill(enkhjargal.password);
  await page.getByRole('main').getByRole('button', { name: labels.button }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(path);
}

describe('Enkhjargal, platform admin, adds a category and routes it in Khovd aimag to the aimag governor’s office, then checks it with the test-routing tool', () => {
  it('with JavaScript off, in Mongolian', async () => {
    const context = await newContext(browser, baseURL, { javaScript: false });
    const page = await context.newPage();

    // The admin area asks her to sign in and brings her back.
    await signIn(page, '/admin', { email: 'Имэйл хаяг', password: 'Нууц үг', button: 'Нэвтрэх' });
    expect(await page.locator('h1').textContent()).toBe('Платформын удирдлага');
    await expectAccessible(page);

    // Categories: a first try with a code that API clients could not use.
    await page.getByRole('link', { name: 'Ангиллууд', exact: true }).click();
    expect(await page.locator('h1').textContent()).toBe('Ангиллууд');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Ангилал нэмэх' }).click();
    await expectAccessible(page);
    await page.getByLabel('Код (service_code)').fill('Street lighting');
    await page.getByLabel('Монгол нэр').fill('Гудамжны гэрэлтүүлэг');
    await page.getByLabel('Англи нэр').fill('Street lighting');
    await page.getByLabel('Монгол тайлбар').fill('Гудамж, талбай, гэр хорооллын гэрэл асахгүй, эвдэрсэн.');
    await page.getByLabel('Англи тайлбар').fill('Street, square and ger district lights that are out or broken.');
    await page.getByLabel('Түлхүүр үгс').fill('гэрэл чийдэн шон light lamp');
    await page.getByRole('button', { name: 'Ангилал нэмэх' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Код латин жижиг үсгээр эхэлж');
    // What she typed is still there.
    expect(await page.getByLabel('Монгол нэр').inputValue()).toBe('Гудамжны гэрэлтүүлэг');
    await expectAccessible(page);

    await page.getByLabel('Код (service_code)').fill('street_lighting');
    await page.getByRole('button', { name: 'Ангилал нэмэх' }).click();
    expect(await page.locator('.notice').textContent()).toBe('«Гудамжны гэрэлтүүлэг» ангиллыг нэмлээ.');
    await expectAccessible(page);

    // From the category's page to a routing rule for it.
    await page.getByRole('link', { name: 'Засах (Гудамжны гэрэлтүүлэг)' }).click();
    expect(await page.locator('h1').textContent()).toBe('Ангилал засах: Гудамжны гэрэлтүүлэг');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Энэ ангилалд чиглүүлэлтийн дүрэм нэмэх' }).click();
    expect(await page.locator('h1').textContent()).toBe('Чиглүүлэлтийн дүрэм нэмэх');
    expect(await page.getByLabel('Ангилал', { exact: true }).inputValue()).toBe('street_lighting');
    await expectAccessible(page);

    // Khovd aimag, chosen through the picker without JavaScript; she looks at the soums and keeps the whole aimag.
    await page.getByLabel('Тодорхой газарт').check();
    await page.getByLabel('Аймаг эсвэл нийслэл').selectOption({ label: 'Ховд' });
    await page.getByRole('button', { name: 'Сум, дүүргийн жагсаалт харах' }).click();
    expect(await page.getByLabel('Сум', { exact: true }).count()).toBe(1);
    expect(await page.getByLabel('Тодорхой газарт').isChecked()).toBe(true);
    await expectAccessible(page);
    // Forgetting the body is explained.
    await page.getByRole('button', { name: 'Дүрэм нэмэх' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Байгууллага сонгоно уу.');
    await expectAccessible(page);
    await page.getByLabel('Хүлээн авах байгууллага').selectOption({ label: KHOVD_OFFICE });
    await page.getByRole('button', { name: 'Дүрэм нэмэх' }).click();
    expect(await page.locator('.notice').textContent()).toContain(`Дүрмийг нэмлээ: Гудамжны гэрэлтүүлэг · Ховд → ${KHOVD_OFFICE}`);
    await expectAccessible(page);

    // The list filtered to the new category shows the rule.
    await page.getByLabel('Ангилал', { exact: true }).selectOption('street_lighting');
    await page.getByRole('button', { name: 'Шүүх' }).click();
    expect(await page.locator('#rules-found').textContent()).toBe('Олдсон дүрэм: 1');
    expect(await page.getByRole('row').filter({ hasText: 'Гудамжны гэрэлтүүлэг' }).getByRole('cell').nth(2).textContent()).toBe(KHOVD_OFFICE);
    await expectAccessible(page);

    // The test-routing tool: Myangad soum in Khovd, which has no rule of its own.
    await page.getByRole('link', { name: 'Чиглүүлэлтийг шалгах' }).first().click();
    expect(await page.locator('h1').textContent()).toBe('Чиглүүлэлтийг шалгах');
    await expectAccessible(page);
    await page.getByLabel('Ангилал', { exact: true }).selectOption({ label: 'Гудамжны гэрэлтүүлэг' });
    await page.getByLabel('Аймаг эсвэл нийслэл').selectOption({ label: 'Ховд' });
    await page.getByRole('button', { name: 'Сум, дүүргийн жагсаалт харах' }).click();
    await page.getByLabel('Сум', { exact: true }).selectOption({ label: 'Мянгад' });
    await page.getByRole('button', { name: 'Шалгах' }).click();
    expect(await page.locator('#result-body').textContent()).toBe(KHOVD_OFFICE);
    expect(await page.locator('#result-rule').textContent()).toContain(`Гудамжны гэрэлтүүлэг · Ховд → ${KHOVD_OFFICE}`);
    expect(await page.getByRole('row').filter({ hasText: 'Ховд › Мянгад' }).textContent()).toContain('дүрэмгүй');
    await expectAccessible(page);

    // And feedback about a street light in Myangad now goes there.
    const office = await t.db.selectFrom('organisation').where('slug', '=', DEMO_SLUGS.hotline).select('id').executeTakeFirstOrThrow();
    const khovd = await t.db.selectFrom('organisation').where('slug', '=', 'khovd-aimag-governors-office').select('id').executeTakeFirstOrThrow();
    const item = await buildFeedback(t.db, { now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets }, { categoryCode: 'street_lighting', placeCode: '843451' });
    expect(item.bodyId).toBe(khovd.id);
    expect(item.bodyId).not.toBe(office.id);
    await context.close();
  });

  it('with JavaScript on, in English: the test-routing tool with the place search', async () => {
    const context = await newContext(browser, baseURL, { javaScript: true, lang: 'en' });
    const page = await context.newPage();
    await signIn(page, '/admin/routing/test', { email: 'Email address', password: 'Password', button: 'Sign in' });
    await page.getByLabel('Category', { exact: true }).selectOption({ label: 'Street lighting' });
    const box = page.getByRole('combobox', { name: 'Search by name' });
    await box.pressSequentially('Myangad', { delay: 30 });
    const option = page.getByRole('listbox').getByRole('option').filter({ hasText: 'Khovd' }).first();
    await option.waitFor();
    await box.press('ArrowDown');
    await box.press('Enter');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Test', exact: true }).click();
    await page.locator('#routing-result').waitFor();
    expect(await page.locator('#result-body').textContent()).toBe('Khovd Aimag Governor’s Office');
    expect(await page.locator('#result-rule').textContent()).toContain('Street lighting · Khovd → Khovd Aimag Governor’s Office');
    await expectAccessible(page);
    await context.close();
  });
});
