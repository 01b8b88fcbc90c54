import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/accounts/passwords.js';
import { seedDemoBodies } from '../../src/modules/bodies/demo-data.js';
import { NAP4_SLUG, seedDemoCommitments } from '../../src/modules/commitments/demo.js';
import { closePdfRenderer } from '../../src/shared/pdf.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { collectConsoleErrors, expectAccessible, launchBrowser, newContext } from '../support/browser.js';
import { PDF_BYTES } from '../support/commitment-factories.js';
import { addMembership, buildAccount, FACTORY_PASSWORD, grantPlatformRole, type BuiltAccount } from '../support/factories.js';

/**
 * The "done", in Chromium, as new users would, with JavaScript on and off: the
 * NAP IV plan is there (the demo seed); Batjargal at the Ministry of Justice and Home
 * Affairs reports progress on a milestone with evidence; Bolormaa at the Open Society
 * Forum publishes a different assessment with a justification; the disagreement shows on
 * the milestone, the commitment and the disagreements page, and the report (HTML and PDF)
 * shows both. Axe checks every page.
 */
let t: TestApp;
let browser: Browser;
let baseURL: string;
let batjargal: BuiltAccount;
let bolormaa: BuiltAccount;
/** Commitment 2 (the Ministry of Justice's): milestone 2 for the run with JavaScript, 3 without. */
const milestones = new Map<boolean, { id: number; sequence: number; title: string }>();

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
  await seedDemoBodies(t.db, { now: t.clock.now() });
  await seedDemoCommitments(t.db, t.clock, { passwordHash: await hashPassword(FACTORY_PASSWORD) });
  batjargal = { id: 0, email: 'ministry-of-justice-and-home-affairs@demo.irgen.mn', password: FACTORY_PASSWORD, displayName: 'Д.Батжаргал' };
  bolormaa = await buildAccount(t.db, { email: 'bolormaa@osf.mn', displayName: 'О.Болормаа' });
  const osf = await t.db.selectFrom('organisation').where('slug', '=', 'open-society-forum').select('id').executeTakeFirstOrThrow();
  await addMembership(t.db, bolormaa.id, osf.id);
  const rows = await t.db
    .selectFrom('commitment_milestone as m')
    .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
    .innerJoin('commitment_plan as p', 'p.id', 'c.plan_id')
    .where('p.slug', '=', NAP4_SLUG)
    .where('c.number', '=', 2)
    .where('m.sequence', 'in', [2, 3])
    .select(['m.id', 'm.sequence', 'm.title_en'])
    .orderBy('m.sequence')
    .execute();
  milestones.set(true, { id: rows[0]!.id, sequence: 2, title: rows[0]!.title_en! });
  milestones.set(false, { id: rows[1]!.id, sequence: 3, title: rows[1]!.title_en! });
  baseURL = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await closePdfRenderer();
  await t.close();
});

const heading = (page: Page) => page.locator('h1').first().textContent();
const main = (page: Page) => page.getByRole('main').textContent();

/** The milestone page is public: the header's sign-in link leads back to it. */
async function signInVia(page: Page, path: string, account: BuiltAccount) {
  await page.goto(path);
  await page.getByRole('banner').getByRole('link', { name: 'Нэвтрэх' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe('/account/sign-in');
  await page.getByLabel('Имэйл хаяг').fill(account.email);
  await page.getByLabel('Нууц үг').fill(FACTORY_PASSWORD);
  await page.getByRole('main').getByRole('button', { name: 'Нэвтрэх' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toBe(path);
}

describe('the NAP IV plan, monitored side by side', () => {
  it('is there for anyone, with its figures counted from the milestones beside the ones the report states', { timeout: 120_000 }, async () => {
    const context = await newContext(browser, baseURL, { javaScript: false });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Үндсэн цэс' }).getByRole('link', { name: 'Амлалтууд' }).click();
    expect(await heading(page)).toBe('Амлалтууд');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Нээлттэй засгийн түншлэлийн IV үндэсний үйл ажиллагааны төлөвлөгөө (ҮАТ IV), Монгол Улс' }).click();
    const text = await main(page);
    expect(text).toContain('53 үе шатын 38 нь бүрэн эсвэл мэдэгдэхүйц ахицтай (72%), төрийн байгууллагын үнэлгээгээр.');
    expect(text).toContain('53 үе шатын 39 нь бүрэн хэрэгжсэн (74%), 14 нь ахицтай.');
    expect(text).toContain('53 үе шатын 38 нь бүрэн эсвэл мэдэгдэхүйц ахицтай (72%), 14 нь хязгаарлагдмал, 0 нь эхлээгүй, 1 нь үнэлгээгүй.');
    expect(await page.locator('svg.chart title').textContent()).toContain('үе шатууд үнэлгээгээр');
    await expectAccessible(page);
    // A body's page lists the plans it implements.
    await page.goto('/bodies/ministry-of-justice-and-home-affairs');
    expect(await main(page)).toContain('Үйл ажиллагааны төлөвлөгөө');
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the Cabinet Secretariat answer a comment, Batjargal see his work list, and an admin load a plan file', { timeout: 180_000 }, async () => {
    const context = await newContext(browser, baseURL, { javaScript: false });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    // Bolormaa comments on the plan on behalf of her CSO.
    await signInVia(page, `/commitments/${NAP4_SLUG}/comments`, bolormaa);
    await expectAccessible(page);
    await page.getByLabel('Нээлттэй нийгэм форум-ын нэрээр').check();
    await page.getByLabel('Юуны тухай').selectOption({ value: '2' });
    await page.getByLabel('Санал', { exact: true }).fill('2-р амлалтын журмын хэрэгжилтийг хэзээ тайлагнах вэ?');
    await page.getByRole('button', { name: 'Санал илгээх' }).click();
    await page.locator('.notice-success').waitFor();
    await expectAccessible(page);
    await page.getByRole('banner').getByRole('button', { name: 'Гарах' }).click();

    // The Cabinet Secretariat, the plan's owner, answers it.
    const secretariat = { id: 0, email: 'cabinet-secretariat@demo.irgen.mn', password: FACTORY_PASSWORD, displayName: 'Б.Болорсайхан' };
    await signInVia(page, `/commitments/${NAP4_SLUG}/comments`, secretariat);
    const item = page.locator('li.comment', { hasText: '2-р амлалтын журмын хэрэгжилтийг' });
    await item.getByLabel('Хариулах').fill('Журмын хэрэгжилтийг 2027 оны 1-р улиралд тайлагнана.');
    await item.getByRole('button', { name: 'Хариулт нийтлэх' }).click();
    await page.locator('.notice-success').waitFor();
    expect(await page.locator('li.comment', { hasText: '2-р амлалтын журмын хэрэгжилтийг' }).textContent()).toContain('Журмын хэрэгжилтийг 2027 оны 1-р улиралд тайлагнана.');
    await expectAccessible(page);
    await page.getByRole('banner').getByRole('button', { name: 'Гарах' }).click();

    // Batjargal's list of the ministry's milestones.
    await signInVia(page, `/commitments/${NAP4_SLUG}`, batjargal);
    await page.getByRole('link', { name: 'Миний байгууллагын үе шатууд' }).first().click();
    expect(await heading(page)).toBe('Миний байгууллагын үе шатууд');
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(10);
    await expectAccessible(page);
    await page.getByRole('banner').getByRole('button', { name: 'Гарах' }).click();

    // A platform admin loads a plan file: the form, a refusal listing the problem, then the preview.
    const admin = await buildAccount(t.db, { email: 'tumurbaatar@irgen.mn', displayName: 'С.Төмөрбаатар' });
    await grantPlatformRole(t.db, admin.id, 'platform_admin');
    await signInVia(page, '/commitments', admin);
    await page.goto('/commitments/import');
    await expectAccessible(page);
    const file = { name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ plan: { title: 'Local plan', period: '2026-2027' }, commitments: [{ number: 1, title: 'Roads', lead_bodies: ['Ministry of Finance'], milestones: [{ sequence: 1, title: 'Repair', implementing_organization: 'Ministry of Finance', government_assessment: 'half done', evidence: null, ngo_assessments: [] }] }] })) };
    await page.getByLabel('Төлөвлөгөөний файл').setInputFiles(file);
    await page.getByLabel('Эзэмшигч байгууллага').selectOption({ label: 'Сангийн яам' });
    await page.getByLabel('Хаяг', { exact: true }).fill('finance-roads');
    await page.getByRole('button', { name: 'Файлыг шалгах' }).click();
    await page.locator('.error-summary').waitFor();
    expect(await page.locator('.file-problems').textContent()).toContain('commitments[1].milestones[1].government_assessment: үнэлгээ хуваарьт байхгүй.');
    await expectAccessible(page);
    await page.getByLabel('Төлөвлөгөөний файл').setInputFiles({ ...file, buffer: Buffer.from(file.buffer.toString().replace('half done', 'limited_progress')) });
    await page.getByRole('button', { name: 'Файлыг шалгах' }).click();
    expect(await heading(page)).toBe('Оруулахын өмнө шалгана уу');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Оруулах' }).click();
    expect(await page.locator('.notice-success').textContent()).toBe('Төлөвлөгөөг орууллаа: 1 амлалт, 1 үе шат.');
    await expectAccessible(page);

    // She also writes a small plan by hand: the plan, a commitment, a milestone.
    await page.goto('/commitments/new');
    await expectAccessible(page);
    await page.getByLabel('Гарчиг (монголоор)').fill('Баяндун сумын гэрэлтүүлгийн төлөвлөгөө');
    await page.getByLabel('Эзэмшигч байгууллага').selectOption({ label: 'Дорнод аймгийн Баяндун сумын Засаг даргын Тамгын газар' });
    await page.getByLabel('Сум эсвэл хорооны код').fill('2104');
    await page.getByLabel('Эхлэх огноо').fill('2027-01-01');
    await page.getByLabel('Дуусах огноо').fill('2027-12-31');
    await page.getByLabel('Хаяг', { exact: true }).fill('bayandun-lights');
    await page.getByRole('button', { name: 'Төлөвлөгөө үүсгэх' }).click();
    await page.locator('.notice-success').waitFor();
    await page.getByRole('link', { name: 'Амлалт нэмэх' }).click();
    await expectAccessible(page);
    await page.getByLabel('Гарчиг (монголоор)').fill('Гудамжийг гэрэлтүүлэх');
    await page.getByLabel('Хариуцах байгууллага').selectOption({ label: 'Дорнод аймгийн Баяндун сумын Засаг даргын Тамгын газар' });
    await page.getByRole('button', { name: 'Нэмэх' }).click();
    await page.getByRole('link', { name: 'Үе шат нэмэх' }).click();
    await expectAccessible(page);
    await page.getByLabel('Гарчиг (монголоор)').fill('40 багана суурилуулах');
    await page.getByLabel('Дуусах хугацаа').fill('2027-09-30');
    await page.getByRole('button', { name: 'Нэмэх' }).click();
    expect(await page.locator('.notice-success').textContent()).toBe('Үе шатыг нэмлээ.');
    await expectAccessible(page);

    // The same pages read in English.
    await page.getByRole('link', { name: 'English' }).click();
    await page.goto(`/commitments/${NAP4_SLUG}`);
    expect(await main(page)).toContain('38 of 53 milestones completed or with substantial progress (72%), according to the government.');
    await expectAccessible(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const javaScript of [true, false]) {
    it(`takes Batjargal’s report and Bolormaa’s different assessment, shown everywhere (JavaScript ${javaScript ? 'on' : 'off'})`, { timeout: 180_000 }, async () => {
      const milestone = milestones.get(javaScript)!;
      const milestonePath = `/commitments/${NAP4_SLUG}/milestones/${milestone.id}`;
      const evidence = `Мэдээллийн ил тод байдлын тухай хуулийн журмыг 2026 оны 10-р сард баталж, ${javaScript ? '21' : '9'} аймагт сургалт хийсэн.`;
      const justification = `Журам батлагдсан ч ${javaScript ? '3' : '5'} яам мэдээллийн хүсэлтэд хуулийн хугацаанд хариулаагүй хэвээр байна.`;

      // Batjargal, staff of the Ministry of Justice and Home Affairs, reports with evidence.
      const staffContext = await newContext(browser, baseURL, { javaScript });
      const staff = await staffContext.newPage();
      const staffErrors = collectConsoleErrors(staff);
      await signInVia(staff, milestonePath, batjargal);
      expect(await heading(staff)).toBe(`2.${milestone.sequence}: ${milestone.title}`);
      await expectAccessible(staff);
      await staff.getByRole('link', { name: 'Явцын тайлан оруулах' }).click();
      await expectAccessible(staff);
      // A link that is not an address first: the form says which line.
      await staff.getByLabel('Бүрэн хэрэгжсэн').check();
      await staff.getByLabel('Нотлох баримт').fill(evidence);
      await staff.getByLabel('Холбоосууд').fill('https://legalinfo.mn/mn/detail?lawId=16759\nlegalinfo.mn');
      await staff.getByRole('button', { name: 'Тайлан нийтлэх' }).click();
      await staff.locator('.error-summary').waitFor();
      expect(await staff.locator('.error-summary').textContent()).toContain('Холбоос биш мөр байна (2-р мөр: legalinfo.mn)');
      expect(await staff.getByLabel('Нотлох баримт').inputValue()).toBe(evidence);
      if (javaScript) expect(await staff.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
      await expectAccessible(staff);
      await staff.getByLabel('Бүрэн хэрэгжсэн').check();
      await staff.getByLabel('Холбоосууд').fill('https://legalinfo.mn/mn/detail?lawId=16759');
      await staff.getByLabel('Файлууд').setInputFiles({ name: 'журам.pdf', mimeType: 'application/pdf', buffer: PDF_BYTES });
      await staff.getByRole('button', { name: 'Тайлан нийтлэх' }).click();
      await staff.locator('.notice-success').waitFor();
      expect(await staff.locator('.notice-success').textContent()).toBe('Тайланг нийтэллээ (2-р хувилбар).');
      expect(await staff.locator('.view-government').textContent()).toContain(evidence);
      expect(await staff.locator('.view-government').textContent()).toContain('журам.pdf');
      await expectAccessible(staff);
      expect(staffErrors).toEqual([]);

      // Bolormaa of the Open Society Forum publishes a different assessment with a justification.
      const csoContext = await newContext(browser, baseURL, { javaScript });
      const cso = await csoContext.newPage();
      const csoErrors = collectConsoleErrors(cso);
      await signInVia(cso, milestonePath, bolormaa);
      await cso.getByRole('link', { name: 'Үнэлгээ нийтлэх' }).click();
      expect(await heading(cso)).toContain('Хараат бус үнэлгээ');
      expect(await main(cso)).toContain('Нээлттэй нийгэм форум-ын нэрээр');
      await expectAccessible(cso);
      await cso.getByLabel('Хязгаарлагдмал ахицтай').check();
      await cso.getByLabel('Үнэлгээний үндэслэл').fill(justification);
      await cso.getByRole('button', { name: 'Үнэлгээ нийтлэх' }).click();
      await cso.locator('.notice-success').waitFor();
      expect(await cso.locator('.notice-success').textContent()).toContain('Энэ нь төрийн байгууллагын үнэлгээнээс өөр');

      // The disagreement shows on the milestone…
      expect(await cso.locator('.differs-notice').textContent()).toContain('Нээлттэй нийгэм форум төрийн байгууллагаас өөрөөр үнэлсэн.');
      expect(await cso.locator('.view-government .status').textContent()).toBe('Бүрэн хэрэгжсэн');
      expect(await cso.locator('article.assessment.differs').textContent()).toContain(justification);
      await expectAccessible(cso);
      // …on the commitment…
      await cso.getByRole('link', { name: /^2-р амлалт:/ }).first().click();
      const row = cso.locator('tr.row-differs', { hasText: `2.${milestone.sequence}` });
      expect(await row.textContent()).toContain('Үнэлгээ зөрүүтэй');
      expect(await row.textContent()).toContain('Нээлттэй нийгэм форум: Хязгаарлагдмал ахицтай');
      await expectAccessible(cso);
      // …and on the disagreements page.
      await cso.goto(`/commitments/${NAP4_SLUG}`);
      await cso.getByRole('link', { name: /Үнэлгээний зөрүүнүүд/ }).click();
      expect(await main(cso)).toContain(justification);
      await expectAccessible(cso);

      // The report shows both, in HTML and as PDF, in Mongolian and in English.
      await cso.goto(`/commitments/${NAP4_SLUG}`);
      await cso.getByRole('link', { name: 'Тайлан (хэвлэх хувилбар)' }).click();
      const report = await main(cso);
      expect(report).toContain(evidence);
      expect(report).toContain(justification);
      await expectAccessible(cso);
      const pdf = await csoContext.request.get(`${baseURL}/commitments/${NAP4_SLUG}/report.pdf?lang=mn`);
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      await cso.getByRole('link', { name: 'Англи хэлээр' }).click();
      expect(await heading(cso)).toContain('implementation report');
      expect(await main(cso)).toContain('CSO assessments and justifications');
      await expectAccessible(cso);
      expect(csoErrors).toEqual([]);

      // Batjargal's ministry hears of it by email.
      await t.runJobs();
      const mail = await t.mail.waitFor(batjargal.email, /өөрөөр үнэллээ/);
      expect(mail.text).toContain('"Хязгаарлагдмал ахицтай" гэж үнэлэв');
      await staffContext.close();
      await csoContext.close();
    });
  }
});
