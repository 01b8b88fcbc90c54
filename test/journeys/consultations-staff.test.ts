import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerComments } from '../../src/modules/consultations/commands/answers.js';
import { submitComment } from '../../src/modules/consultations/commands/comments.js';
import type { CommandContext } from '../../src/modules/consultations/commands/common.js';
import { publishVersion, replaceDraftText, startNewVersion } from '../../src/modules/consultations/commands/text.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { articleUnit, buildConsultation, consultationWorld, draftLaw, type ConsultationWorld } from '../support/consultation-factories.js';
import { buildAccount, FACTORY_PASSWORD, grantPlatformRole, type BuiltAccount } from '../support/factories.js';

/**
 * The rest of the consultation pages in Chromium: Saraa the moderator takes a phone
 * number out of a held comment and publishes it; Ganbat holds a public hearing in Khovd
 * and types in what was said there; and every page, in Mongolian and English, passes axe.
 */
let t: TestApp;
let browser: Browser;
let baseURL: string;
let w: ConsultationWorld;
let saraa: BuiltAccount;
let id: number;
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl });

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t.db);
  saraa = await buildAccount(t.db, { displayName: 'Сараа' });
  await grantPlatformRole(t.db, saraa.id, 'moderator');
  ({ id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id }));
  const art8 = await articleUnit(t.db, id, '8');
  const a = await submitComment(t.db, id, { unitId: art8, text: 'Хугацааг 45 хоног болгох нь зүйтэй.', organisationId: null, placeCode: '65' }, { accountId: w.citizen.id }, ctx());
  await submitComment(t.db, id, { unitId: null, text: 'Төслийг бүхэлд нь дэмжиж байна.', organisationId: w.cso.id, placeCode: null }, { accountId: w.csoMember.id }, ctx());
  await answerComments(t.db, id, { commentIds: [a.id], category: 'accepted', reason: 'Хугацааг 45 хоног болгоно.' }, { accountId: w.staff.id }, ctx());
  await startNewVersion(t.db, id, null, { accountId: w.staff.id }, ctx());
  await replaceDraftText(t.db, id, draftLaw(2), { accountId: w.staff.id }, ctx());
  await publishVersion(t.db, id, 'Саналын дагуу өөрчлөв.', { accountId: w.staff.id }, ctx());
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

async function signIn(page: Page, account: BuiltAccount, next: string): Promise<void> {
  await page.goto(`/account/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel(/^(Имэйл хаяг|Email address)$/).fill(account.email);
  await page.getByLabel(/^(Нууц үг|Password)$/).fill(FACTORY_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: /^(Нэвтрэх|Sign in)$/ }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(next.split('?')[0]);
}

describe('Saraa the moderator', () => {
  it('removes a phone number from a held comment and publishes the rest (JavaScript off)', { timeout: 120_000 }, async () => {
    const held = await submitComment(t.db, id, { unitId: null, text: 'Би 88119922 дугаартай, хөдөө орон нутагт хэлэлцүүлэг хийхэд туслахад бэлэн.', organisationId: null, placeCode: '84' }, { accountId: w.citizen.id }, ctx());
    expect(held.status).toBe('pending');
    const context = await newContext(browser, baseURL, { javaScript: false });
    const page = await context.newPage();
    await signIn(page, saraa, '/consultations');
    await page.getByRole('link', { name: /Хянах санал/ }).click();
    await expectAccessible(page);
    await page.getByRole('link', { name: `№${held.id} санал` }).click();
    expect(await page.locator('mark.pii').innerText()).toContain('88119922');
    await expectAccessible(page);
    await page.getByLabel('Хувийн мэдээллийг хасаад нийтлэх').check();
    await page.getByLabel('Хувийн мэдээлэл', { exact: true }).check();
    await page.getByLabel('Нийтлэх текст').fill('Би хөдөө орон нутагт хэлэлцүүлэг хийхэд туслахад бэлэн.');
    await page.getByRole('button', { name: 'Шийдвэр гаргах' }).click();
    await page.locator('.notice-success').waitFor();
    await page.goto(`/consultations/${id}/general`);
    expect(await page.getByRole('main').innerText()).toContain('Би хөдөө орон нутагт хэлэлцүүлэг хийхэд туслахад бэлэн.');
    expect(await page.getByRole('main').innerText()).not.toContain('88119922');
    await context.close();
  });
});

describe('Ganbat holds a public hearing', () => {
  it('announces it, types in a comment made there and its minutes (JavaScript on)', { timeout: 120_000 }, async () => {
    const context = await newContext(browser, baseURL, { javaScript: true });
    const page = await context.newPage();
    await signIn(page, w.staff, `/consultations/${id}/manage`);
    await page.getByRole('link', { name: 'Сонсгол товлох' }).click();
    await expectAccessible(page);
    await page.getByLabel('Сонсголын өдөр').fill('2026-03-02');
    await page.getByLabel('Цаг').fill('08:30');
    await page.getByLabel('Хаана').fill('Ховд аймгийн Засаг даргын Тамгын газрын хурлын танхим');
    await page.getByLabel('Хэрхэн оролцох').fill('Бүртгэлгүйгээр оролцоно. Дохионы хэлмэрч ажиллана.');
    await page.getByRole('button', { name: 'Сонсгол товлох' }).click();
    await page.locator('.notice-success').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Аль хэсгийн талаар?').selectOption({ label: '8 дугаар зүйл' });
    await page.getByLabel('Саналын агуулга').fill('Малчид намар завгүй тул хэлэлцүүлгийг өвөл зохион байгуулах.');
    await page.getByLabel('Таны амьдардаг аймаг, нийслэл').selectOption({ label: 'Ховд' });
    await page.getByRole('button', { name: 'Санал нэмэх' }).click();
    await page.locator('.notice-success').waitFor();
    await page.getByLabel('Тэмдэглэл', { exact: true }).fill('Сонсголд 38 хүн оролцож, 1 санал гаргав.');
    await page.getByRole('button', { name: 'Тэмдэглэл хадгалах' }).click();
    await page.locator('.notice-success').waitFor();
    await page.goto(`/consultations/${id}`);
    const main = await page.getByRole('main').innerText();
    expect(main).toContain('Ховд аймгийн Засаг даргын Тамгын газрын хурлын танхим');
    expect(main).toContain('Сонсголд 1 санал гарсан');
    await context.close();
  });
});

describe('every consultation page', () => {
  it('passes axe in Mongolian and English, for the public, a citizen, staff and a moderator', { timeout: 300_000 }, async () => {
    const art8 = await articleUnit(t.db, id, '8');
    const comment = (await t.db.selectFrom('consultation_comment').where('consultation_id', '=', id).where('status', '=', 'published').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
    const draft = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id, publish: false });
    const element = (await t.db.selectFrom('consultation_element as e').innerJoin('consultation_version as v', 'v.id', 'e.version_id').where('v.consultation_id', '=', draft.id).where('e.kind', '=', 'article').select('e.id').executeTakeFirstOrThrow()).id;
    const token = (await t.db.selectFrom('consultation_subscription').where('consultation_id', '=', id).select('token').executeTakeFirstOrThrow()).token;
    const hearing = (await t.db.selectFrom('consultation_hearing').where('consultation_id', '=', id).select('id').executeTakeFirst())?.id;
    const publicPages = [
      '/consultations',
      '/consultations/late',
      `/consultations/${id}`,
      `/consultations/${id}/text`,
      `/consultations/${id}/text?page=1`,
      `/consultations/${id}/versions`,
      `/consultations/${id}/versions/1`,
      `/consultations/${id}/versions/2/changes`,
      `/consultations/${id}/articles/${art8}`,
      `/consultations/${id}/versions/1/articles/${art8}`,
      `/consultations/${id}/general`,
      `/consultations/${id}/comments`,
      `/consultations/${id}/comments/${comment}`,
      `/consultations/${id}/report`,
      `/consultations/${id}/report/full`,
      `/consultations/${id}/unsubscribe?token=${token}`,
      `/bodies/${w.ministry.slug}`,
    ];
    const staffPages = [
      '/consultations/manage',
      '/consultations/new',
      `/consultations/${id}/manage`,
      `/consultations/${id}/answers`,
      `/consultations/${id}/answers?status=all&select=all`,
      `/consultations/${id}/hearings/new`,
      ...(hearing ? [`/consultations/${id}/hearings/${hearing}`] : []),
      `/consultations/${draft.id}/manage`,
      `/consultations/${draft.id}/edit`,
      `/consultations/${draft.id}/versions/1/edit`,
      `/consultations/${draft.id}/elements/${element}/edit`,
      `/consultations/${draft.id}`,
    ];
    const held = await submitComment(t.db, id, { unitId: null, text: 'Холбоо барих: bat@example.mn', organisationId: null, placeCode: null }, { accountId: w.csoMember.id }, ctx());
    for (const lang of ['mn', 'en'] as const) {
      const visits: [BuiltAccount | null, string[]][] = [
        [null, publicPages],
        [w.citizen, publicPages.slice(2, 13)],
        [w.staff, staffPages],
        [saraa, ['/consultations/moderation', `/consultations/moderation/${held.id}`]],
      ];
      for (const [account, pages] of visits) {
        const context = await newContext(browser, baseURL, { javaScript: true, lang });
        const page = await context.newPage();
        if (account) await signIn(page, account, '/consultations');
        for (const path of pages) {
          const response = await page.goto(path);
          expect(response?.status(), `${lang} ${path}`).toBe(200);
          await expectAccessible(page);
        }
        await context.close();
      }
    }
  });
});
