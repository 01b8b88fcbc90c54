import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../../src/modules/feedback/open311/api-keys.js';
import { refreshFeedbackStats } from '../../src/modules/feedback/stats/refresh.js';
import { chainPending } from '../../src/shared/public-record/chain.js';
import { verifyRecord } from '../../src/shared/public-record/verify.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { addMembership, buildAccount, FACTORY_PASSWORD, grantPlatformRole, type BuiltAccount } from '../support/factories.js';
import { addRoutingRule, createCategory, feedbackWorld } from '../support/feedback-factories.js';

/**
 * The issue's "done means", as one connected story: the same complaint passes from the
 * citizen who files it to the office that answers it and back, then escalates; an overdue
 * case shows on the responsiveness page; an operator files for a caller; an Open311 client
 * creates and reads a request; and the public record that all of it left verifies.
 */
let t: TestApp;
let browser: Browser;
let baseURL: string;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let ganbold: BuiltAccount;
let oyuntsetseg: BuiltAccount;
let waste: { id: number; code: string };

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T01:00:00Z' });
  world = await feedbackWorld(t.db);
  waste = await createCategory(t.db, { code: 'waste_story', nameMn: 'Хог хаягдал', nameEn: 'Waste' });
  await addRoutingRule(t.db, { bodyId: world.district.id, categoryId: waste.id, placeCode: '1110' });
  ganbold = await buildAccount(t.db, { email: 'ganbold.story@bayanzurkh.gov.mn', displayName: 'Ганболд' });
  await addMembership(t.db, ganbold.id, world.district.id);
  oyuntsetseg = await buildAccount(t.db, { email: 'oyuntsetseg.story@1111.mn', displayName: 'Оюунцэцэг' });
  await grantPlatformRole(t.db, oyuntsetseg.id, 'operator');
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

const main = (page: Page) => page.getByRole('main').textContent().then((text) => text ?? '');

async function signIn(page: Page, path: string, account: BuiltAccount) {
  await page.goto(path);
  await page.getByLabel('Имэйл хаяг').fill(account.email);
  await page.getByLabel('Нууц үг').fill(FACTORY_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Нэвтрэх' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(path);
}

/** Bayanzürkh through the lists, which work the same with and without JavaScript. */
async function pickBayanzurkh(page: Page) {
  await page.getByLabel('Аймаг эсвэл нийслэл').selectOption({ label: 'Улаанбаатар' });
  await page.getByRole('button', { name: 'Сум, дүүргийн жагсаалт харах' }).click();
  await page.getByLabel('Дүүрэг', { exact: true }).selectOption({ label: 'Баянзүрх' });
}

describe('a complaint’s whole life, as the people involved see it', () => {
  for (const javaScript of [false, true]) {
    it(`from the citizen to the office and back, then escalated (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 180_000 }, async () => {
      t.clock.set('2026-03-02T01:00:00Z');
      const run = javaScript ? 'js' : 'nojs';
      const title = `Хогийн сав ачигдахгүй байна (${run})`;
      const citizen = await (await newContext(browser, baseURL, { javaScript })).newPage();
      const continueButton = citizen.getByRole('button', { name: 'Үргэлжлүүлэх' });

      // Bolormaa files a complaint without an account, in Mongolian.
      await citizen.goto('/feedback/new');
      await citizen.getByRole('button', { name: /Эхлэх/ }).click();
      await citizen.getByLabel('Гомдол').check();
      await continueButton.click();
      await citizen.getByLabel('Хог хаягдал').check();
      await continueButton.click();
      await pickBayanzurkh(citizen);
      await continueButton.click();
      await citizen.getByLabel('Гарчиг').fill(title);
      await citizen.getByLabel('Дэлгэрэнгүй').fill('Манай 5-р хорооны 12-р байрны хогийн савыг хоёр долоо хоног ачаагүй, үнэр гарч байна.');
      await continueButton.click();
      await continueButton.click(); // no photo
      await citizen.getByLabel('Тийм, товч агуулгыг нийтэд харуулна').check();
      await continueButton.click();
      await citizen.getByLabel('Имэйл хаяг').fill(`bolormaa.${run}@example.mn`);
      await continueButton.click();
      await citizen.getByRole('button', { name: 'Илгээх' }).click();
      const shownCode = (await citizen.locator('#tracking-code').textContent())!;
      const code = shownCode.replace('-', '');
      const manage = (await citizen.locator('#manage-link').getAttribute('href'))!;
      await expectAccessible(citizen);
      await t.runJobs();
      expect((await t.mail.waitFor(`bolormaa.${run}@example.mn`, /хүлээн авагдлаа/)).text).toContain(shownCode);

      // Ganbold at the Bayanzürkh office sees it, extends the deadline with a reason and answers.
      const staff = await (await newContext(browser, baseURL, { javaScript })).newPage();
      await signIn(staff, '/inbox', ganbold);
      await staff.getByRole('link', { name: shownCode }).click();
      expect(await main(staff)).toContain('хоёр долоо хоног ачаагүй');
      await staff.getByLabel('Хэдэн хоногоор сунгах вэ?').fill('10');
      await staff.getByLabel('Сунгах шалтгаан').fill('Хог тээврийн компанитай гэрээ шинэчилж байна.');
      await staff.getByRole('button', { name: 'Хугацаа сунгах' }).click();
      await staff.getByLabel('Шийдвэрлэсэн').check();
      await staff.getByLabel('Хариулт', { exact: true }).fill('Хогийг ачиж, долоо хоногт хоёр удаа ачих хуваарь гаргалаа.');
      await staff.getByRole('button', { name: 'Хариу илгээх' }).click();
      expect(await main(staff)).toContain('Энэ өргөдөлд хариулсан тул');
      await expectAccessible(staff);
      await t.runJobs();
      expect((await t.mail.waitFor(`bolormaa.${run}@example.mn`, /хариу ирлээ/)).text).toContain('долоо хоногт хоёр удаа');

      // Bolormaa follows it by code, rates the answer and escalates it.
      await citizen.goto('/track');
      await citizen.getByLabel('Хяналтын код').fill(shownCode.toLowerCase());
      await citizen.getByRole('button', { name: 'Хянах' }).click();
      await expect.poll(() => new URL(citizen.url()).pathname).toBe(`/feedback/${code}`);
      expect(await main(citizen)).toContain('Хугацаа сунгасан');
      await citizen.goto(manage);
      await citizen.getByLabel('Хариултад сэтгэл хангалуунгүй').check();
      await citizen.getByRole('button', { name: 'Үнэлгээ илгээх' }).click();
      const escalate = citizen.locator('section', { has: citizen.getByRole('heading', { name: 'Дээд шатны байгууллагад уламжлах' }) });
      await escalate.getByLabel('Шалтгаан').fill('Хуваарь биелэхгүй, сав дахиад дүүрсэн');
      await escalate.getByRole('button', { name: 'Уламжлах' }).click();
      await citizen.getByText('Илгээлтийг дээд шатны байгууллагад уламжиллаа').waitFor();
      await expectAccessible(citizen);
      expect(await t.db.selectFrom('feedback_item').select(['body_id', 'satisfaction']).where('code', '=', code).executeTakeFirstOrThrow()).toEqual({
        body_id: world.capital.id,
        satisfaction: 'unsatisfied',
      });

      // Oyuntsetseg at the 11-11 centre files a complaint for a caller; nobody answers it.
      const operator = await (await newContext(browser, baseURL, { javaScript })).newPage();
      await signIn(operator, '/operator', oyuntsetseg);
      await operator.getByLabel('Гомдол').check();
      await operator.getByLabel('Ангилал').selectOption({ label: 'Хог хаягдал' });
      await operator.getByLabel('Товч гарчиг').fill(`Гудамжинд хог овоорсон (${run})`);
      await pickBayanzurkh(operator);
      await operator.getByLabel('Дэлгэрэнгүй').fill('Иргэн утсаар мэдээлснээр 26-р хорооны гудамжинд хог гурван долоо хоног овоорсон.');
      await operator.getByLabel('Үгүй: зөвхөн хариуцах байгууллага харна').check();
      await operator.getByRole('button', { name: 'Бүртгэх' }).click();
      const operatorCode = (await operator.locator('.code-box').first().textContent())!.replace('-', '').trim();
      expect(await t.db.selectFrom('feedback_item').select(['channel', 'operator_id']).where('code', '=', operatorCode).executeTakeFirstOrThrow()).toEqual({
        channel: 'operator',
        operator_id: oyuntsetseg.id,
      });
      await expectAccessible(operator);

      // Forty days later the operator's case is overdue, and the responsiveness page says so.
      t.clock.set('2026-04-11T01:00:00Z');
      await refreshFeedbackStats(t.db);
      await citizen.goto('/responsiveness');
      const row = citizen.locator('tr', { hasText: world.district.name_mn });
      expect(Number(await row.locator('.tag-overdue').textContent())).toBeGreaterThanOrEqual(1);
      await expectAccessible(citizen);
      for (const page of [citizen, staff, operator]) await page.context().close();
    });
  }

  it('an Open311 client creates a request and reads it back, with the legal deadline', async () => {
    t.clock.set('2026-04-11T01:00:00Z');
    const { key } = await issueApiKey(t.db, { name: 'UB Smart City app', now: t.clock.now() });
    const created = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: new URLSearchParams({ api_key: key, service_code: waste.code, place_code: '111059', description: 'Хогийн цэг дүүрсэн, хог салхинд хийсч байна.' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    // GeoReport v2 answers a created request with 200 and its id.
    expect(created.statusCode).toBe(200);
    const [{ service_request_id: id }] = created.json() as [{ service_request_id: string }];
    const read = await t.app.inject(`/open311/v2/requests/${id}.json`);
    expect(read.statusCode).toBe(200);
    expect(read.json()[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: waste.code, agency_responsible: world.district.name_mn });
    expect(new Date(read.json()[0].expected_datetime).toISOString()).toBe('2026-05-11T15:59:59.999Z');
  });

  it('leaves a public record that verifies end to end', async () => {
    while ((await chainPending(t.db, { limit: 1000 })) > 0);
    const result = await verifyRecord(t.db);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(10);
    const types = await t.db.selectFrom('public_event').select('type').distinct().execute();
    expect(types.map((r) => r.type)).toEqual(expect.arrayContaining(['feedback.received', 'feedback.extended', 'feedback.answered', 'feedback.rated', 'feedback.escalated']));
  });
});
