import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildMember, buildSmallPlan, PDF_BYTES, postMultipart, type SmallPlan } from '../../../test/support/commitment-factories.js';
import { buildAccount, signIn } from '../../../test/support/factories.js';
import { closePlan } from './commands/plans.js';
import { reportProgress } from './commands/report-progress.js';
import { milestonePath, planPath, reportFormPath } from './urls.js';

/**
 * Progress reports over HTTP, as a browser without JavaScript sends them: the lead body's
 * staff report with evidence, links and files; every refusal the issue names answers
 * with a clear message and a 4xx, and writes nothing.
 */
let t: TestApp;
let plan: SmallPlan;
let staff: WebClient;
let milestoneId: number;

beforeAll(async () => {
  t = await createTestApp();
  plan = await buildSmallPlan(t.db, t.clock.now());
  milestoneId = plan.detail.milestones[1]!.id;
  const account = await buildMember(t.db, plan.lead.id, 'member', { email: `staff-${plan.slug}@lead.gov.mn`, displayName: 'Д.Батжаргал' });
  staff = new WebClient(t.app);
  await signIn(staff, account.email);
});
afterAll(async () => t.close());

async function reportCount(id = milestoneId) {
  const row = await t.db.selectFrom('commitment_report').where('milestone_id', '=', id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function eventCount() {
  const row = await t.db.selectFrom('public_event').where('type', 'like', 'commitments.progress%').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('a progress report by the lead body', () => {
  it('is published with evidence, links and files, as a new version; the milestone shows it', async () => {
    const page = await staff.get(reportFormPath(plan.slug, milestoneId));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Явцын тайлан');
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 10, g: 200, b: 40 } } }).jpeg().toBuffer();
    const response = await postMultipart(
      staff,
      { status: 'limited_progress', evidence: 'Гэрээний 40 хувийг нийтэлсэн, үлдсэнийг 2026 оны 12-р сард нийтэлнэ.', links: 'https://shilendans.gov.mn/contracts\nhttps://tender.gov.mn/ocds' },
      [
        { name: 'files', filename: 'гэрээ.pdf', type: 'application/pdf', data: PDF_BYTES },
        { name: 'files', filename: 'board.jpg', type: 'image/jpeg', data: photo },
      ],
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${milestonePath(plan.slug, milestoneId)}?done=reported&v=1`);
    const shown = await staff.follow(response);
    expect(shown.body).toContain('Тайланг нийтэллээ (1-р хувилбар).');
    expect(shown.body).toContain('Гэрээний 40 хувийг нийтэлсэн');
    expect(shown.body).toContain('https://shilendans.gov.mn/contracts');
    expect(shown.body).toContain('гэрээ.pdf');
    expect(shown.body).toContain('Хязгаарлагдмал ахицтай');

    const files = await t.db
      .selectFrom('commitment_report_file as f')
      .innerJoin('commitment_report as r', 'r.id', 'f.report_id')
      .where('r.milestone_id', '=', milestoneId)
      .select(['f.id', 'f.media_type', 'f.filename'])
      .orderBy('f.id')
      .execute();
    expect(files.map((f) => f.media_type)).toEqual(['application/pdf', 'image/jpeg']);
    // Files are downloads with their checked type, never pages of the site.
    const download = await new WebClient(t.app).get(`/commitments/files/${files[0]!.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(String(download.headers['content-disposition'])).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps the earlier version when a new one is published; the latest is the status', async () => {
    await staff.get(reportFormPath(plan.slug, milestoneId));
    const response = await postMultipart(staff, { status: 'completed', evidence: 'Бүх гэрээг OCDS форматаар нийтэлсэн.', links: '' });
    expect(response.headers.location).toContain('v=2');
    const rows = await t.db.selectFrom('commitment_report').where('milestone_id', '=', milestoneId).select(['version', 'status', 'evidence']).orderBy('version').execute();
    expect(rows).toEqual([
      { version: 1, status: 'limited_progress', evidence: 'Гэрээний 40 хувийг нийтэлсэн, үлдсэнийг 2026 оны 12-р сард нийтэлнэ.' },
      { version: 2, status: 'completed', evidence: 'Бүх гэрээг OCDS форматаар нийтэлсэн.' },
    ]);
    const page = await new WebClient(t.app).get(milestonePath(plan.slug, milestoneId));
    expect(page.body).toContain('Бүрэн хэрэгжсэн');
    expect(page.body).toContain('Төрийн байгууллагын бүх тайлан');
    // The plan's figures count it as completed, in words that fit one.
    expect((await new WebClient(t.app).get(planPath(plan.slug))).body).toContain('Үүнээс 1 нь бүрэн хэрэгжсэн гэж тайлагнасан.');
    const english = new WebClient(t.app);
    await english.get('/lang/en?next=/');
    expect((await english.get(planPath(plan.slug))).body).toContain('Of these, 1 is reported completed.');
    // Reports are history: the database refuses to change or remove one.
    await expect(t.db.updateTable('commitment_report').set({ evidence: 'rewritten' }).where('milestone_id', '=', milestoneId).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('commitment_report').where('milestone_id', '=', milestoneId).execute()).rejects.toThrow(/append-only/);
  });

  it('marks evidence typed in English on the Mongolian site as English (WCAG 3.1.2), and Mongolian on the English site as Mongolian', async () => {
    const other = plan.detail.milestones[0]!.id;
    await staff.get(reportFormPath(plan.slug, other));
    expect((await postMultipart(staff, { status: 'substantial_progress', evidence: 'Draft regulation sent to the Cabinet for approval.', links: '' })).statusCode).toBe(303);
    const mongolianPage = (await new WebClient(t.app).get(milestonePath(plan.slug, other))).body;
    expect(mongolianPage).toMatch(/<p lang="en" class="pre-line">Draft regulation sent to the Cabinet/);
    const english = new WebClient(t.app);
    await english.get('/lang/en?next=/');
    expect((await english.get(milestonePath(plan.slug, milestoneId))).body).toMatch(/<p lang="mn" class="pre-line">Бүх гэрээг OCDS форматаар нийтэлсэн\./);
  });

  it('records the report in the public record without the evidence or who wrote it', async () => {
    const events = await t.db.selectFrom('public_event').where('type', '=', 'commitments.progress_reported').where('subject', '=', `commitment_milestone/${plan.slug}.${milestoneId}`).select(['payload']).orderBy('id').execute();
    expect(events.map((e) => e.payload)).toEqual([
      { plan: plan.slug, commitment: 1, milestone: milestoneId, version: 1, status: 'limited_progress', body: plan.lead.slug, files: 2, links: 2 },
      { plan: plan.slug, commitment: 1, milestone: milestoneId, version: 2, status: 'completed', body: plan.lead.slug, files: 0, links: 0 },
    ]);
  });
});

describe('a report refused', () => {
  const target = () => plan.detail.milestones[2]!.id;

  async function refused(fields: Record<string, string>, files: Parameters<typeof postMultipart>[2] = []) {
    const before = [await reportCount(target()), await eventCount()];
    await staff.get(reportFormPath(plan.slug, target()));
    const response = await postMultipart(staff, fields, files);
    expect([await reportCount(target()), await eventCount()]).toEqual(before);
    return response;
  }

  it('for a status outside the scale, with the scale named', async () => {
    const response = await refused({ status: 'almost_done', evidence: 'Ажил хийгдэж байна, удахгүй дуусна.', links: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Үнэлгээг жагсаалтаас сонгоно уу: эхлээгүй эсвэл ихээхэн хоцорсон, хязгаарлагдмал, мэдэгдэхүйц ахицтай, бүрэн хэрэгжсэн.');
    // What was typed stays in the form.
    expect(response.body).toContain('Ажил хийгдэж байна, удахгүй дуусна.');
  });

  it('in English for staff who read English: a status outside the scale and links that are not addresses', async () => {
    const english = new WebClient(t.app);
    await english.get('/lang/en?next=/');
    await signIn(english, (await buildMember(t.db, plan.lead.id, 'member', { preferredLang: 'en' })).email);
    await english.get(reportFormPath(plan.slug, target()));
    const before = await reportCount(target());
    const response = await postMultipart(english, { status: 'almost_done', evidence: 'The draft is with the Cabinet.', links: 'legalinfo.mn/draft' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Choose the progress from the list: not started or severe delays, limited progress, substantial progress, completed.');
    expect(response.body).toContain('Some lines are not links (line 1: legalinfo.mn/draft)');
    expect(await reportCount(target())).toBe(before);
  });

  it('for evidence links that are not addresses, naming the lines', async () => {
    const response = await refused({ status: 'limited_progress', evidence: 'Хуулийн төслийг боловсруулсан.', links: 'https://legalinfo.mn/draft/12\nwww.legalinfo.mn\njavascript:alert(1)' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Холбоос биш мөр байна (2, 3-р мөр: www.legalinfo.mn, javascript:alert(1))');
  });

  it('without a status or evidence, every field named at once', async () => {
    const response = await refused({ status: '', evidence: '', links: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#f-status"');
    expect(response.body).toContain('href="#f-evidence"');
  });

  it('for a file that is neither PDF nor an image', async () => {
    const response = await refused({ status: 'limited_progress', evidence: 'Хуулийн төслийг боловсруулсан.', links: '' }, [{ name: 'files', filename: 'virus.pdf', type: 'application/pdf', data: Buffer.from('MZ not a pdf') }]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('&quot;virus.pdf&quot; нь PDF эсвэл зураг (JPEG, PNG, WebP) биш байна.');
  });

  it('from anyone but the lead body’s staff: signed out, a citizen, staff of the owner body', async () => {
    const anonymous = new WebClient(t.app);
    const asked = await anonymous.get(reportFormPath(plan.slug, target()));
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`/account/sign-in?next=${encodeURIComponent(reportFormPath(plan.slug, target()))}`);
    await anonymous.get('/account/sign-in');
    expect((await anonymous.post(reportFormPath(plan.slug, target()), { status: 'completed', evidence: 'Дууссан гэж мэдэгдэж байна.' })).statusCode).toBe(401);

    for (const account of [await buildAccount(t.db), await buildMember(t.db, plan.owner.id)]) {
      const client = new WebClient(t.app);
      await signIn(client, account.email);
      const form = await client.get(reportFormPath(plan.slug, target()));
      expect(form.statusCode).toBe(403);
      expect(form.body).toContain('Зөвхөн хариуцах байгууллагын ажилтан явцын тайлан оруулна.');
      await client.get(milestonePath(plan.slug, target()));
      const before = await reportCount(target());
      expect((await client.post(reportFormPath(plan.slug, target()), { status: 'completed', evidence: 'Дууссан гэж мэдэгдэж байна.' })).statusCode).toBe(403);
      expect(await reportCount(target())).toBe(before);
    }
  });

  it('on a closed plan: 409 with the reason, nothing written, and the command refuses too', async () => {
    const closed = await buildSmallPlan(t.db, t.clock.now());
    const account = await buildMember(t.db, closed.lead.id);
    const client = new WebClient(t.app);
    await signIn(client, account.email);
    const id = closed.detail.milestones[1]!.id;
    await client.get(reportFormPath(closed.slug, id));
    await closePlan(t.db, closed.detail.plan.id, t.clock.now());
    const response = await postMultipart(client, { status: 'completed', evidence: 'Бүх ажил дууссан, баримтыг хавсаргав.', links: '' });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Энэ төлөвлөгөө хаагдсан тул тайлан, үнэлгээ, санал хүлээн авахгүй.');
    expect(await reportCount(id)).toBe(0);
    await expect(
      reportProgress(t.db, closed.detail.plan.id, id, { accountId: account.id, bodyIds: [closed.lead.id] }, { status: 'completed', evidence: 'Бүх ажил дууссан.', links: '', files: [], lang: 'mn' }, t.clock.now()),
    ).rejects.toMatchObject({ code: 'commitments.plan_closed', status: 409 });
    // The form itself says so too.
    expect((await client.get(reportFormPath(closed.slug, id))).statusCode).toBe(409);
  });

  it('for a milestone of another plan (404) and an id that is no number (400)', async () => {
    const other = await buildSmallPlan(t.db, t.clock.now());
    expect((await staff.get(reportFormPath(other.slug, milestoneId))).statusCode).toBe(404);
    expect((await staff.get(`/commitments/${plan.slug}/milestones/abc/report`)).statusCode).toBe(400);
  });
});
