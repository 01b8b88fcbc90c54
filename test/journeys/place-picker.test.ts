import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { collectConsoleErrors, expectAccessible, launchBrowser, newContext } from '../support/browser.js';

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

describe('Oyuna tells the platform where something happened', () => {
  it('picks Ömnögovi, then a soum, then a bagh, with JavaScript off', async () => {
    const context = await newContext(browser, baseURL, { javaScript: false });
    const page = await context.newPage();
    await page.goto('/places/pick');
    expect(await page.getByRole('combobox', { name: 'Нэрээр хайх' }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByLabel('Аймаг эсвэл нийслэл').selectOption({ label: 'Өмнөговь' });
    await page.getByRole('button', { name: 'Сум, дүүргийн жагсаалт харах' }).click();
    const soum = page.getByLabel('Сум', { exact: true });
    await soum.waitFor();
    expect(await page.locator('.place-picker-current').textContent()).toBe('Сонгосон байршил: Өмнөговь');
    await expectAccessible(page);

    await soum.selectOption({ label: 'Даланзадгад' });
    await page.getByRole('button', { name: 'Баг, хорооны жагсаалт харах' }).click();
    const bagh = page.getByLabel('Баг (заавал биш)');
    await bagh.waitFor();
    expect(await page.getByLabel('Аймаг эсвэл нийслэл').inputValue()).toBe('46');
    expect(await soum.inputValue()).toBe('4601');
    await expectAccessible(page);

    await bagh.selectOption({ label: '1-р баг, Баруунсайхан' });
    await page.getByRole('button', { name: 'Илгээх' }).click();
    const result = page.locator('#pick-result');
    await result.waitFor();
    expect(await result.textContent()).toBe('Та сонгосон: Өмнөговь › Даланзадгад › 1-р баг, Баруунсайхан (код 460151)');
    await expectAccessible(page);
    await context.close();
  });

  it('is told which list she missed, with JavaScript off', async () => {
    const context = await newContext(browser, baseURL, { javaScript: false });
    const page = await context.newPage();
    await page.goto('/places/pick');
    await page.getByLabel('Аймаг эсвэл нийслэл').selectOption({ label: 'Өмнөговь' });
    await page.getByRole('button', { name: 'Илгээх' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.error-summary a').textContent()).toBe('Сумаа сонгоно уу');
    await expectAccessible(page);
    await context.close();
  });

  it('types "Bayanz", picks Баянзүрх with the keyboard and sends it, with JavaScript on', async () => {
    const context = await newContext(browser, baseURL, { javaScript: true });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page, { formErrors: false });
    await page.goto('/places/pick');
    const box = page.getByRole('combobox', { name: 'Нэрээр хайх' });
    await box.waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await expectAccessible(page);

    const listbox = page.locator(`#${await box.getAttribute('aria-controls')}`);
    expect(await listbox.getAttribute('role')).toBe('listbox');
    await box.pressSequentially('Bayanz', { delay: 30 });
    const options = listbox.getByRole('option');
    await options.first().waitFor();
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    const status = page.locator('.combo [role=status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toMatch(new RegExp(`^${await options.count()} газар олдлоо`));
    const labels = await options.allTextContents();
    const index = labels.indexOf('Баянзүрх, Улаанбаатар');
    expect(index, labels.join(' | ')).toBeGreaterThanOrEqual(0);
    await expectAccessible(page);

    for (let i = 0; i <= index; i++) await box.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(await page.locator(`#${active}`).textContent()).toBe('Баянзүрх, Улаанбаатар');
    expect(await page.locator(`#${active}`).getAttribute('aria-selected')).toBe('true');
    await box.press('Enter');

    expect(await box.inputValue()).toBe('Баянзүрх, Улаанбаатар');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.getAttribute('aria-activedescendant')).toBeNull();
    expect(await page.locator('input[name=place_code]').inputValue()).toBe('1110');
    expect(await status.textContent()).toBe('Сонгосон: Баянзүрх, Улаанбаатар');
    expect(await page.locator('.place-picker-levels').isVisible()).toBe(false);
    expect(page.url(), 'choosing does not submit the form').toBe(`${baseURL}/places/pick`);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Илгээх' }).click();
    const result = page.locator('#pick-result');
    await result.waitFor();
    expect(await result.textContent()).toBe('Та сонгосон: Улаанбаатар › Баянзүрх (код 1110)');
    // The lists now show the choice, and offer the khoroos.
    expect(await page.getByLabel('Дүүрэг').inputValue()).toBe('1110');
    expect(await page.getByLabel('Хороо (заавал биш)').count()).toBe(1);
    await expectAccessible(page);
    expect(errors, 'no CSP or script errors in the console').toEqual([]);
    await context.close();
  });

  it('closes the list with Escape, and typing again undoes a choice, with JavaScript on', async () => {
    const context = await newContext(browser, baseURL, { javaScript: true, lang: 'en' });
    const page = await context.newPage();
    await page.goto('/places/pick');
    const box = page.getByRole('combobox', { name: 'Search by name' });
    await box.pressSequentially('khovd', { delay: 30 });
    const first = page.getByRole('listbox').getByRole('option').first();
    await first.waitFor();
    expect(await first.textContent()).toBe('Khovd');
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    expect(await box.inputValue()).toBe('khovd');
    await box.press('ArrowDown');
    await box.press('Enter');
    expect(await page.locator('input[name=place_code]').inputValue()).toBe('84');
    await box.press('Backspace');
    expect(await page.locator('input[name=place_code]').inputValue()).toBe('');
    expect(await page.locator('.place-picker-levels').isVisible()).toBe(true);
    await context.close();
  });

  it('browses places and searches them without JavaScript, in both languages', async () => {
    const context = await newContext(browser, baseURL, { javaScript: false });
    const page = await context.newPage();
    await page.goto('/places');
    await expectAccessible(page);
    await page.getByLabel('Газрын нэр').fill('khovd');
    await page.getByRole('button', { name: 'Хайх' }).click();
    await page.getByRole('heading', { name: '“khovd” хайлтын үр дүн' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Ховд', exact: true }).first().click();
    await page.getByRole('heading', { name: 'Ховд', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Жаргалант' }).click();
    await page.getByRole('heading', { name: 'Багууд' }).waitFor();
    expect(await page.locator('.breadcrumbs').textContent()).toBe('Засаг захиргааны нэгжүүдХовдЖаргалант');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Jargalant', level: 1 }).waitFor();
    expect(await page.locator('.breadcrumbs a').allTextContents()).toEqual(['Places', 'Khovd']);
    await expectAccessible(page);
    await context.close();
  });
});
