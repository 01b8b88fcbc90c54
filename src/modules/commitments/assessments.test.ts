import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildCso, buildMember, buildSmallPlan, type SmallPlan } from '../../../test/support/commitment-factories.js';
import { buildAccount, signIn } from '../../../test/support/factories.js';
import { closePlan } from './commands/plans.js';
import { assessFormPath, commitmentPath, disagreementsPath, milestonePath } from './urls.js';

/**
 * Independent assessments by CSO members, as a browser without JavaScript sends them,
 * and the disagreement they make visible on the milestone, the commitment, the
 * disagreements page and in the lead body's mail.
 */
let t: TestApp;
let plan: SmallPlan;
let member: WebClient;
let milestoneId: number;

beforeAll(async () => {
  t = await createTestApp();
  plan = await buildSmallPlan(t.db, t.clock.now());
  // Milestone 1.1 is reported "substantial progress" by the government.
  milestoneId = plan.detail.milestones[0]!.id;
  const account = await buildMember(t.db, plan.cso.id, 'member', { email: `member-${plan.slug}@ngo.mn`, displayName: 'О.Болормаа' });
  member = new WebClient(t.app);
  await signIn(member, account.email);
  // The lead body's staff, who will be told: one reads English.
  await buildMember(t.db, plan.lead.id, 'member', { email: `lead-mn-${plan.slug}@gov.mn`, displayName: 'Д.Батжаргал' });
  await buildMember(t.db, plan.lead.id, 'admin', { email: `lead-en-${plan.slug}@gov.mn`, displayName: 'Sarah', preferredLang: 'en' });
  await buildMember(t.db, plan.lead.id, 'member', { email: `lead-unconfirmed-${plan.slug}@gov.mn`, verified: false });
});
afterAll(async () => t.close());

async function assessmentCount() {
  const row = await t.db.selectFrom('commitment_assessment').where('milestone_id', '=', milestoneId).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const justification = 'Гэрээний зөвхөн 40 хувь нь нийтлэгдсэн, OCDS формат бүрэн биш байна.';

describe('a CSO member’s assessment', () => {
  it('is published for the organisation; when it differs, the milestone, commitment and disagreements page say so', async () => {
    const form = await member.get(assessFormPath(plan.slug, milestoneId));
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`${plan.cso.nameMn}-ын нэрээр`);
    const response = await member.post(assessFormPath(plan.slug, milestoneId), {
      organisation: String(plan.cso.id),
      status: 'limited_progress',
      justification,
      evidence: 'Шилэн данс сайтыг 2026 оны 2-р сард шалгав.',
      links: 'https://shilendans.gov.mn',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`${milestonePath(plan.slug, milestoneId)}?done=assessed-differs&v=1`);

    const page = await member.follow(response);
    expect(page.body).toContain('Үнэлгээг нийтэллээ. Энэ нь төрийн байгууллагын үнэлгээнээс өөр тул хариуцах байгууллагад мэдэгдэнэ.');
    expect(page.body).toContain(`Үнэлгээ зөрүүтэй.</strong> ${plan.cso.nameMn} төрийн байгууллагаас өөрөөр үнэлсэн.`);
    // Both views side by side: the government's and the CSO's with its justification.
    expect(page.body).toMatch(/Төрийн байгууллагын үнэлгээ<\/h2><p class="status-line"><span class="status status-green">Мэдэгдэхүйц ахицтай/);
    expect(page.body).toContain('<article class="assessment differs"');
    expect(page.body).toContain(justification);

    const commitment = await new WebClient(t.app).get(commitmentPath(plan.slug, 1));
    expect(commitment.body).toContain('<tr class="row-differs">');
    const disagreements = await new WebClient(t.app).get(disagreementsPath(plan.slug));
    expect(disagreements.body).toContain('1 үе шат дээр үнэлгээ зөрүүтэй.');
    expect(disagreements.body).toContain(justification);

    const event = await t.db.selectFrom('public_event').where('type', '=', 'commitments.assessment_published').select('payload').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(event.payload).toEqual({ plan: plan.slug, commitment: 1, milestone: milestoneId, version: 1, status: 'limited_progress', organisation: plan.cso.slug, disagrees: true });
  });

  it('tells the lead body’s confirmed staff, each in their language, when the job runs', async () => {
    await t.runJobs();
    const mn = await t.mail.waitFor(`lead-mn-${plan.slug}@gov.mn`);
    expect(mn.subject).toBe(`${plan.cso.nameMn} таны үе шатыг өөрөөр үнэллээ`);
    expect(mn.text).toContain('"Хязгаарлагдмал ахицтай" гэж үнэлэв. Таны байгууллагын одоогийн үнэлгээ: "Мэдэгдэхүйц ахицтай"');
    expect(mn.text).toContain(`${milestonePath(plan.slug, milestoneId)}`);
    const en = await t.mail.waitFor(`lead-en-${plan.slug}@gov.mn`);
    expect(en.subject).toBe(`${plan.cso.nameEn} assessed your milestone differently`);
    expect(t.mail.messages.some((m) => m.to === `lead-unconfirmed-${plan.slug}@gov.mn`)).toBe(false);
  });

  it('is a new version when the CSO changes its mind; the old one stays in the history', async () => {
    await member.get(assessFormPath(plan.slug, milestoneId));
    const response = await member.post(assessFormPath(plan.slug, milestoneId), {
      organisation: String(plan.cso.id),
      status: 'substantial_progress',
      justification: 'Дахин шалгахад гэрээний 80 хувь нийтлэгдсэн байв.',
    });
    expect(response.headers.location).toBe(`${milestonePath(plan.slug, milestoneId)}?done=assessed&v=2`);
    const page = await new WebClient(t.app).get(milestonePath(plan.slug, milestoneId));
    expect(page.body).not.toContain('differs-notice');
    expect(page.body).toContain('ИНБ-ын бүх үнэлгээ');
    expect(page.body).toContain(justification);
    expect(await assessmentCount()).toBe(2);
  });

  it('tells nobody when the CSO took a different view back before the notice went out', async () => {
    t.mail.clear();
    await member.get(assessFormPath(plan.slug, milestoneId));
    const differs = await member.post(assessFormPath(plan.slug, milestoneId), { organisation: String(plan.cso.id), status: 'not_started_or_severe_delays', justification: 'Гэрээний нэг ч хувь нийтлэгдээгүй гэж буруу уншжээ.' });
    expect(differs.headers.location).toContain('done=assessed-differs');
    const agrees = await member.post(assessFormPath(plan.slug, milestoneId), { organisation: String(plan.cso.id), status: 'substantial_progress', justification: 'Өмнөх үнэлгээг засав: гэрээний 80 хувь нийтлэгдсэн.' });
    expect(agrees.headers.location).toContain('done=assessed&');
    await t.runJobs();
    expect(t.mail.to(`lead-mn-${plan.slug}@gov.mn`)).toHaveLength(0);
    expect(t.mail.to(`lead-en-${plan.slug}@gov.mn`)).toHaveLength(0);
  });
});

describe('an assessment refused', () => {
  async function refused(client: WebClient, fields: Record<string, string>) {
    const before = await assessmentCount();
    const response = await client.post(assessFormPath(plan.slug, milestoneId), fields);
    expect(await assessmentCount()).toBe(before);
    return response;
  }

  it('on behalf of an organisation the person is not a member of (403), even with the form filled in', async () => {
    const otherCso = await buildCso(t.db);
    await member.get(assessFormPath(plan.slug, milestoneId));
    const response = await refused(member, { organisation: String(otherCso.id), status: 'completed', justification: 'Бид бүх баримтыг шалгаж, ажил дууссан гэж үзэв.' });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Та энэ байгууллагын гишүүн биш тул түүний нэрээр үнэлгээ, санал нийтлэх боломжгүй.');
  });

  it('from someone in no CSO: the form explains, the post is refused', async () => {
    const citizen = new WebClient(t.app);
    await signIn(citizen, (await buildAccount(t.db)).email);
    const form = await citizen.get(assessFormPath(plan.slug, milestoneId));
    expect(form.statusCode).toBe(403);
    expect(form.body).toContain('Та ямар нэг иргэний нийгмийн байгууллагын гишүүн биш');
    await citizen.get('/account');
    const response = await refused(citizen, { organisation: String(plan.cso.id), status: 'completed', justification: 'Бид бүх баримтыг шалгаж, ажил дууссан гэж үзэв.' });
    expect(response.statusCode).toBe(403);
    // Staff of the lead body are not a CSO either.
    const staff = new WebClient(t.app);
    await signIn(staff, `lead-mn-${plan.slug}@gov.mn`);
    expect((await staff.get(assessFormPath(plan.slug, milestoneId))).statusCode).toBe(403);
  });

  it('for a status outside the scale, a missing justification and links that are not URLs, all at once, keeping what was typed', async () => {
    await member.get(assessFormPath(plan.slug, milestoneId));
    const response = await refused(member, { organisation: String(plan.cso.id), status: 'green', justification: '', evidence: 'Шалгасан баримтууд', links: 'see the ministry website' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Үнэлгээг жагсаалтаас сонгоно уу');
    expect(response.body).toContain('Үнэлгээний үндэслэл оруулна уу');
    expect(response.body).toContain('Холбоос биш мөр байна (1-р мөр: see the ministry website)');
    expect(response.body).toContain('Шалгасан баримтууд');
  });

  it('tells a program posting the form what is wrong, in both languages, as JSON', async () => {
    const before = await assessmentCount();
    await member.get(assessFormPath(plan.slug, milestoneId));
    const response = await member.request({
      method: 'POST',
      url: assessFormPath(plan.slug, milestoneId),
      payload: new URLSearchParams({ _csrf: member.csrf(), organisation: String(plan.cso.id), status: 'done', justification: 'Бид бүх баримтыг шалгаж, ажил дууссан гэж үзэв.', links: 'ftp://x' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { error: { code: string; fields: { field: string; messages: { mn: string; en: string } }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields.map((f) => f.field)).toEqual(['status', 'links']);
    expect(body.error.fields[0]!.messages.en).toBe('Choose the progress from the list: not started or severe delays, limited progress, substantial progress, completed.');
    expect(body.error.fields[1]!.messages.mn).toContain('Холбоос биш мөр байна');
    expect(await assessmentCount()).toBe(before);
  });

  it('with too short a justification', async () => {
    await member.get(assessFormPath(plan.slug, milestoneId));
    const response = await refused(member, { organisation: String(plan.cso.id), status: 'completed', justification: 'Дууссан.' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#f-justification"');
  });

  it('on a closed plan (409)', async () => {
    const closed = await buildSmallPlan(t.db, t.clock.now());
    const account = await buildMember(t.db, closed.cso.id);
    const client = new WebClient(t.app);
    await signIn(client, account.email);
    const id = closed.detail.milestones[0]!.id;
    await client.get(assessFormPath(closed.slug, id));
    await closePlan(t.db, closed.detail.plan.id, t.clock.now());
    const response = await client.post(assessFormPath(closed.slug, id), { organisation: String(closed.cso.id), status: 'completed', justification: 'Бид бүх баримтыг шалгаж, ажил дууссан гэж үзэв.' });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Энэ төлөвлөгөө хаагдсан');
    const row = await t.db.selectFrom('commitment_assessment').where('milestone_id', '=', id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(row.n)).toBe(0);
  });

  it('when signed out: to sign in for the form, 401 for the post', async () => {
    const anonymous = new WebClient(t.app);
    const form = await anonymous.get(assessFormPath(plan.slug, milestoneId));
    expect(form.statusCode).toBe(303);
    await anonymous.get('/account/sign-in');
    expect((await refused(anonymous, { organisation: String(plan.cso.id), status: 'completed', justification: 'Бид бүх баримтыг шалгаж, ажил дууссан гэж үзэв.' })).statusCode).toBe(401);
  });
});
