import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SLUGS, seedDemoBodies } from '../../src/modules/bodies/demo-data.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { addMembership, buildAccount, grantPlatformRole } from '../support/factories.js';

let t: TestApp;
let browser: Browser;
let baseURL: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoBodies(t.db, { now: t.clock.now() });
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

describe('Bolormaa, admin of the Bayanzürkh district office, adds her colleague Tuul and makes her admin', () => {
  it('with JavaScript off, in Mongolian', async () => {
    const office = await t.db.selectFrom('organisation').where('slug', '=', DEMO_SLUGS.bayanzurkh).select('id').executeTakeFirstOrThrow();
    const bolormaa = await buildAccount(t.db, { displayName: 'Болормаа' });
    await addMembership(t.db, bolormaa.id, office.id, 'admin');
    const tuul = await buildAccount(t.db, { displayName: 'Туул' });

    const context = await newContext(browser, baseURL, { javaScript: false });
    const page = await context.newPage();

    // She finds her office in the list of bodies.
    await page.goto('/bodies');
    await expectAccessible(page);
    await page.getByLabel('Нэрээр хайх').fill('баянзүрх дүүргийн засаг');
    await page.getByRole('button', { name: 'Хайх' }).click();
    await page.getByRole('link', { name: 'Баянзүрх дүүргийн Засаг даргын Тамгын газар' }).click();
    expect(await page.locator('h1').textContent()).toBe('Баянзүрх дүүргийн Засаг даргын Тамгын газар');
    await expectAccessible(page);

    // Signing in brings her back to the office's page, now with the management link.
    await page.getByRole('link', { name: 'Нэвтрэх' }).click();
    await page.getByLabel('Имэйл хаяг').fill(bolormaa.email);
    await page.getByLabel('Нууц үг').fill(bolormaa.password);
    await page.getByRole('main').getByRole('button', { name: 'Нэвтрэх' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/bodies/${DEMO_SLUGS.bayanzurkh}`);
    await page.getByRole('link', { name: 'Ажилтан, ангиллыг удирдах' }).click();
    expect(await page.locator('h1').textContent()).toBe('Удирдах: Баянзүрх дүүргийн Засаг даргын Тамгын газар');
    await expectAccessible(page);

    // A mistyped address: no such account yet, and the page says what to do.
    await page.getByLabel('Ажилтны имэйл хаяг').fill('tuul@example.invalid');
    await page.getByRole('button', { name: 'Ажилтан нэмэх' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Энэ имэйлээр бүртгэл алга');
    await expectAccessible(page);

    // Tuul's real address adds her as staff.
    await page.getByLabel('Ажилтны имэйл хаяг').fill(tuul.email);
    await page.getByRole('button', { name: 'Ажилтан нэмэх' }).click();
    expect(await page.locator('.notice').textContent()).toBe('Ажилтныг нэмлээ.');
    const tuulRow = page.getByRole('row').filter({ hasText: 'Туул' });
    expect(await tuulRow.getByRole('cell').nth(1).textContent()).toBe('Ажилтан');
    await expectAccessible(page);

    // Then she makes Tuul an admin too.
    await page.getByRole('button', { name: 'Админ болгох (Туул)' }).click();
    expect(await page.locator('.notice').textContent()).toBe('Ажилтны эрхийг өөрчиллөө.');
    expect(await page.getByRole('row').filter({ hasText: 'Туул' }).getByRole('cell').nth(1).textContent()).toBe('Админ');
    await expectAccessible(page);

    const staff = await t.db.selectFrom('membership').where('organisation_id', '=', office.id).select(['account_id', 'role']).orderBy('account_id').execute();
    expect(staff).toEqual([
      { account_id: bolormaa.id, role: 'admin' },
      { account_id: tuul.id, role: 'admin' },
    ]);
    await context.close();
  });
});

describe('Dorj, a platform admin, registers a soum governor’s office', () => {
  it('with JavaScript on, in English', async () => {
    const dorj = await buildAccount(t.db, { displayName: 'Dorj' });
    await grantPlatformRole(t.db, dorj.id, 'platform_admin');
    const context = await newContext(browser, baseURL, { javaScript: true, lang: 'en' });
    const page = await context.newPage();
    await page.goto('/admin/bodies');
    await page.getByLabel('Email address').fill(dorj.email);
    await page.getByLabel('Password').fill(dorj.password);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/admin/bodies');
    await expectAccessible(page);

    // A first try with the place code mistyped.
    await page.getByLabel('Address (slug)').fill('khovd-myangad-soum-governors-office');
    await page.getByLabel('Mongolian name').fill('Ховд аймгийн Мянгад сумын Засаг даргын Тамгын газар');
    await page.getByLabel('English name').fill('Myangad Soum Governor’s Office, Khovd Aimag');
    await page.getByLabel('Type').selectOption('governor_office');
    await page.getByLabel('Place code').fill('8499');
    await page.getByLabel('Superior body').selectOption({ label: 'Khovd Aimag Governor’s Office' });
    await page.getByRole('button', { name: 'Add body' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('There is no administrative unit with this code');
    await expectAccessible(page);

    await page.getByLabel('Place code').fill('8434');
    await page.getByLabel('Codes of the places served').fill('8434');
    await page.getByRole('button', { name: 'Add body' }).click();
    expect(await page.locator('.notice').textContent()).toContain('The body was added.');
    await page.getByRole('link', { name: 'Myangad Soum Governor’s Office, Khovd Aimag' }).first().click();
    expect(await page.locator('h1').textContent()).toBe('Myangad Soum Governor’s Office, Khovd Aimag');
    expect(await page.getByRole('link', { name: 'Khovd Aimag Governor’s Office' }).count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Edit this body’s details' }).click();
    expect(await page.locator('h1').textContent()).toBe('Edit: Myangad Soum Governor’s Office, Khovd Aimag');
    await expectAccessible(page);
    await context.close();
  });
});
