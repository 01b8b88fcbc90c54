import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalEidProvider, type LocalEidProvider } from '../../src/modules/petitions/signing/local-eid-provider.js';
import { freePort } from '../../bench/processes.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { addMembership, buildAccount, FACTORY_PASSWORD, grantPlatformRole, type BuiltAccount } from '../support/factories.js';
import { buildPetitionBody, registryNumber, smallLadder, startSmsGateway, type SmsGateway } from '../support/petition-factories.js';
import { linkIn } from '../support/smtp.js';
import { WebClient } from '../support/client.js';

let t: TestApp;
let browser: Browser;
let baseURL: string;
let sms: SmsGateway;
let eid: LocalEidProvider;

beforeAll(async () => {
  const port = await freePort();
  baseURL = `http://127.0.0.1:${port}`;
  sms = await startSmsGateway();
  eid = await startLocalEidProvider({ redirectUri: `${baseURL}/petitions/eid/callback`, people: { 'dorj-eid': registryNumber(4001), 'tsetseg-eid': registryNumber(4002) } });
  t = await createTestApp({ env: { PUBLIC_URL: baseURL, SMS_GATEWAY_URL: sms.url, EID_ISSUER_URL: eid.issuer, EID_CLIENT_ID: eid.clientId, EID_CLIENT_SECRET: eid.clientSecret } });
  await t.app.listen({ port, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t.close();
  await sms.close();
  await eid.close();
});

async function signIn(page: Page, account: BuiltAccount) {
  await page.goto('/account/sign-in');
  await page.getByLabel('Имэйл хаяг').fill(account.email);
  await page.getByLabel('Нууц үг').fill(FACTORY_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Нэвтрэх' }).click();
  await page.waitForURL((url) => url.pathname !== '/account/sign-in');
}

async function chooseResidence(page: Page, aimag: string, soum: string, javaScript: boolean) {
  if (javaScript) {
    // The search box replaces the lists when JavaScript runs.
    const box = page.getByRole('combobox', { name: 'Нэрээр хайх' });
    await box.pressSequentially(soum, { delay: 20 });
    const option = page.getByRole('listbox').getByRole('option', { name: new RegExp(`^${soum}, ${aimag}`) });
    await option.first().click();
  } else {
    await page.getByLabel('Аймаг эсвэл нийслэл').selectOption({ label: aimag });
    await page.getByRole('button', { name: 'Сум, дүүргийн жагсаалт харах' }).click();
    await page.getByLabel(/^(Сум|Дүүрэг)$/).selectOption({ label: soum });
  }
}

const count = async (page: Page) => (await page.locator('[data-live-count]').textContent())?.replace(/\D/g, '');

describe('Bat petitions the Ministry of Education, and the ministry answers late', () => {
  for (const javaScript of [false, true]) {
    it(`drafts, gathers supporters, is published, gets votes by email, SMS and e-ID, climbs the ladder, is answered late and closes on time (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 240_000 }, async () => {
      const start = new Date('2026-03-02T01:00:00Z');
      t.clock.set(start);
      const suffix = javaScript ? 'js' : 'nojs';
      const body = await buildPetitionBody(t.db, { nameMn: `Боловсролын яам (${suffix})`, steps: smallLadder([3], { supporters: 2 }), minLevel: 'email', openDays: 40 });
      const bat = await buildAccount(t.db, { displayName: 'Бат' });
      const supporters = [await buildAccount(t.db, { displayName: 'Сараа' }), await buildAccount(t.db, { displayName: 'Ганаа' })];
      const moderator = await buildAccount(t.db, { displayName: 'Оюун' });
      await grantPlatformRole(t.db, moderator.id, 'moderator');
      const staff = await buildAccount(t.db, { displayName: 'Нараа' });
      await addMembership(t.db, staff.id, body.id, 'member');
      const contexts: BrowserContext[] = [];
      const newPage = async () => {
        const context = await newContext(browser, baseURL, { javaScript });
        contexts.push(context);
        return context.newPage();
      };
      try {
        // 1. Bat drafts the petition from the petitions page.
        const page = await newPage();
        await signIn(page, bat);
        await page.getByRole('navigation', { name: 'Үндсэн цэс' }).getByRole('link', { name: 'Өргөдөл' }).click();
        await expectAccessible(page);
        await page.getByRole('main').getByRole('link', { name: 'Өргөдөл гаргах' }).first().click();
        await expectAccessible(page);
        await page.getByLabel('Хүлээн авагч байгууллага').selectOption({ label: body.nameMn });
        await page.getByLabel('Гарчиг').fill('Сургуулиудад үнэгүй өдрийн хоол');
        await page.getByRole('button', { name: 'Ноорог хадгалах' }).click();
        await page.locator('.error-summary').waitFor();
        expect(await page.locator('.error-summary').textContent()).toContain('Хүсэж буй арга хэмжээ оруулна уу');
        await expectAccessible(page);
        await page.getByLabel('Хүсэж буй арга хэмжээ').fill('Бүх ерөнхий боловсролын сургуулийн бага ангийн сурагчдыг үнэгүй өдрийн хоолоор хангахыг хүсье.');
        await page.getByLabel(/Үндэслэл/).fill('Олон өрхийн хүүхэд өлөн сууж хичээллэж байна.');
        await page.getByRole('button', { name: 'Ноорог хадгалах' }).click();
        await page.getByText('Ноорог хадгалагдлаа.').waitFor();
        await expectAccessible(page);
        const id = Number(new URL(page.url()).pathname.split('/')[2]);
        await page.getByRole('button', { name: 'Текстийг баталж, дэмжигч цуглуулж эхлэх' }).click();
        const shareUrl = (await page.locator('.manage-link a').textContent())!;
        await expectAccessible(page);

        // 2. Two supporters support it through the link; it goes to moderation.
        for (const supporter of supporters) {
          const p = await newPage();
          await signIn(p, supporter);
          await p.goto(new URL(shareUrl).pathname);
          await expectAccessible(p);
          await p.getByRole('button', { name: 'Би энэ өргөдлийг дэмжиж байна' }).click();
          await p.locator('.notice').waitFor();
        }
        const state = await t.db.selectFrom('petition').select('state').where('id', '=', id).executeTakeFirstOrThrow();
        expect(state.state).toBe('moderation');

        // 3. Oyun the moderator publishes it.
        const mod = await newPage();
        await signIn(mod, moderator);
        await mod.goto('/moderation/petitions');
        await expectAccessible(mod);
        await mod.getByRole('link', { name: new RegExp(`№${id}`) }).click();
        await expectAccessible(mod);
        await mod.getByRole('button', { name: 'Нийтэлж санал авч эхлэх' }).click();
        await mod.getByText(`№${id} өргөдлийг нийтэллээ.`).waitFor();

        // 4. Votes: Saraa by email, Dulmaa by SMS code, Dorj with the national e-ID.
        const voter = await newPage();
        await voter.goto(`/petitions/${id}`);
        await expectAccessible(voter);
        expect(await count(voter)).toBe('0');
        await voter.getByRole('link', { name: 'Санал өгөх' }).first().click();
        await expectAccessible(voter);
        await voter.getByRole('link', { name: 'Имэйлээр' }).click();
        await voter.getByLabel('Регистрийн дугаар').fill(registryNumber(4100 + (javaScript ? 1 : 0)));
        await voter.getByLabel('Имэйл хаяг').fill(`saraa.${suffix}@example.mn`);
        await chooseResidence(voter, 'Улаанбаатар', 'Баянзүрх', javaScript);
        await voter.getByLabel('Хариу ирэхэд надад имэйлээр мэдэгдэнэ үү').check();
        await expectAccessible(voter);
        await voter.getByRole('button', { name: 'Холбоос илгээх' }).click();
        await voter.getByRole('heading', { name: 'Имэйлээ шалгана уу' }).waitFor();
        await expectAccessible(voter);
        await t.runJobs();
        const mail = await t.mail.waitFor(`saraa.${suffix}@example.mn`, /Саналаа баталгаажуулна уу/);
        const link = new URL(linkIn(mail, `/petitions/${id}/confirm`));
        await voter.goto(link.pathname + link.search);
        await expectAccessible(voter);
        await voter.getByRole('button', { name: 'Саналаа баталгаажуулах' }).click();
        await voter.getByRole('heading', { name: 'Саналыг тань хүлээн авлаа' }).waitFor();
        await expectAccessible(voter);

        const smsVoter = await newPage();
        await smsVoter.goto(`/petitions/${id}/sign`);
        await smsVoter.getByRole('link', { name: 'Утасны SMS кодоор' }).click();
        await smsVoter.getByLabel('Регистрийн дугаар').fill(registryNumber(4200 + (javaScript ? 1 : 0)));
        const phone = javaScript ? '99001122' : '88001122';
        await smsVoter.getByLabel('Утасны дугаар').fill(phone);
        await chooseResidence(smsVoter, 'Өвөрхангай', 'Арвайхээр', javaScript);
        await expectAccessible(smsVoter);
        await smsVoter.getByRole('button', { name: 'Код илгээх' }).click();
        await smsVoter.getByRole('heading', { name: 'SMS кодоо оруулна уу' }).waitFor();
        await expectAccessible(smsVoter);
        await smsVoter.getByLabel('Код').fill(sms.codeFor(`+976${phone}`));
        await smsVoter.getByRole('button', { name: 'Саналаа баталгаажуулах' }).click();
        await smsVoter.getByRole('heading', { name: 'Саналыг тань хүлээн авлаа' }).waitFor();

        const eidVoter = await newPage();
        await eidVoter.goto(`/petitions/${id}/sign`);
        await eidVoter.getByRole('link', { name: 'Цахим үнэмлэхээр (ДАН)' }).click();
        // The provider's own sign-in page (not ours: no accessibility check of a third party's page).
        await eidVoter.locator('input[name=login]').fill(javaScript ? 'tsetseg-eid' : 'dorj-eid');
        await eidVoter.locator('input[name=password]').fill('any');
        await eidVoter.locator('button[type=submit]').click();
        await eidVoter.getByRole('heading', { name: 'Санал өгөх' }).waitFor();
        await expectAccessible(eidVoter);
        await chooseResidence(eidVoter, 'Дорнод', 'Хэрлэн', javaScript);
        await eidVoter.getByRole('button', { name: 'Санал өгөх' }).click();
        await eidVoter.getByRole('heading', { name: 'Саналыг тань хүлээн авлаа' }).waitFor();
        const levels = await t.db.selectFrom('petition_signature').select('level').where('petition_id', '=', id).orderBy('id').execute();
        expect(levels.map((l) => l.level)).toEqual(['email', 'sms', 'eid']);

        // 5. The response step is reached: the page shows it, the count and the places.
        await voter.goto(`/petitions/${id}`);
        expect(await count(voter)).toBe('3');
        expect(await voter.locator('.ladder-reached').count()).toBe(2);
        expect(await voter.getByRole('table', { name: 'Аймаг, нийслэлээр' }).getByRole('row', { name: /Дорнод/ }).textContent()).toContain('1');
        await expectAccessible(voter);
        if (javaScript) {
          // The live count follows a new vote without a reload.
          const other = new WebClient(t.app);
          await other.get(`/petitions/${id}/sign/email`);
          await other.post(`/petitions/${id}/sign/email`, { registry: registryNumber(4300), email: 'live.count@example.mn', residence_l1: '11', residence_l2: '1110' });
          await t.runJobs();
          const live = new URL(linkIn(await t.mail.waitFor('live.count@example.mn'), `/petitions/${id}/confirm`));
          expect((await other.post(live.pathname + live.search, {}, { csrf: false })).statusCode).toBe(303);
          await expect.poll(() => count(voter), { timeout: 10_000 }).toBe('4');
        }

        // 6. Thirty-one days on, the ministry has not answered: late everywhere it should show.
        t.clock.set(new Date(start.getTime() + 32 * 86_400_000));
        await voter.goto(`/petitions/${id}`);
        await voter.locator('.ladder .tag-overdue').waitFor();
        expect(await voter.locator('.ladder .tag-overdue').textContent()).toMatch(/хоног хоцорч байна/);
        await expectAccessible(voter);
        await voter.goto(`/bodies/${body.slug}`);
        expect(await voter.locator('#petitions-title + p .tag-overdue').textContent()).toContain('Хугацаа хэтэрсэн 1 хариу');
        await expectAccessible(voter);
        await voter.goto('/petitions/waiting');
        expect(await voter.getByRole('row', { name: /Сургуулиудад үнэгүй өдрийн хоол/ }).first().locator('.tag-overdue').count()).toBe(1);
        await expectAccessible(voter);

        // Naraa at the ministry publishes the response: it shows as late, and Saraa is emailed.
        const ministry = await newPage();
        await signIn(ministry, staff);
        await ministry.goto(`/petitions/${id}`);
        await ministry.getByRole('link', { name: 'Хариу бичих' }).click();
        await expectAccessible(ministry);
        await ministry.getByLabel('Хариуны текст').fill('Яам 2026-2027 оны хичээлийн жилээс бага ангийн үдийн хоолны хөтөлбөрийг бүх сургуульд хэрэгжүүлэхээр төсөвт тусгалаа.');
        await ministry.getByRole('button', { name: 'Нийтлэх' }).click();
        await ministry.getByRole('heading', { name: 'Албан ёсны хариу' }).waitFor();
        expect(await ministry.locator('.card-list .tag-warn').first().textContent()).toBe('Хугацаа хэтрүүлж хариулсан');
        await expectAccessible(ministry);
        await t.runJobs();
        await t.runJobs();
        await t.mail.waitFor(`saraa.${suffix}@example.mn`, /Өргөдөлд хариу ирлээ/);

        // 7. The period ends and the closing job closes it at the end of its last day.
        t.clock.set(new Date(start.getTime() + 42 * 86_400_000));
        await t.runJobs();
        const { closeDuePetitions } = await import('../../src/modules/petitions/commands/steps.js');
        await closeDuePetitions(t.db, t.clock.now());
        await voter.goto(`/petitions/${id}`);
        expect(await voter.locator('.tag').first().textContent()).toBe('Хаагдсан');
        expect(await voter.getByRole('link', { name: 'Санал өгөх' }).count()).toBe(0);
        await expectAccessible(voter);
        const closed = await t.db.selectFrom('petition').select(['state', 'closed_at', 'closes_at']).where('id', '=', id).executeTakeFirstOrThrow();
        expect(closed.state).toBe('closed');
        expect(closed.closed_at?.getTime()).toBe(closed.closes_at?.getTime());
      } finally {
        for (const c of contexts) await c.close();
      }
    });
  }
});
