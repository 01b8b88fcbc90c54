import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildMember } from '../../../test/support/commitment-factories.js';
import { buildBody, signIn } from '../../../test/support/factories.js';
import { closePlan } from './commands/plans.js';
import { findPlan, loadPlanDetail } from './queries.js';

/** A soum governor's office writes its development priorities as a plan on the platform. */
let t: TestApp;
let soum: { id: number; slug: string; nameMn: string };
let admin: WebClient;

beforeAll(async () => {
  t = await createTestApp();
  soum = await buildBody(t.db, { type: 'governor_office', placeCode: '2104', nameMn: 'Баяндун сумын Засаг даргын Тамгын газар', nameEn: 'Bayandun Soum Governor’s Office' });
  admin = new WebClient(t.app);
  await signIn(admin, (await buildMember(t.db, soum.id, 'admin')).email);
});
afterAll(async () => t.close());

const planForm = {
  title_mn: 'Баяндун сумын хөгжлийн тэргүүлэх чиглэл 2027-2028',
  title_en: '',
  owner: '',
  kind: 'local',
  place: '2104',
  start: '2027-01-01',
  end: '2028-12-31',
  slug: 'bayandun-2027',
};

async function planCount() {
  return Number((await t.db.selectFrom('commitment_plan').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describe('writing a plan on the platform', () => {
  it('refuses a plan with every problem named at once, writing nothing', async () => {
    await admin.get('/commitments/new');
    const response = await admin.post('/commitments/new', { ...planForm, owner: String(soum.id), title_mn: '', place: '', start: '2027-02-30', end: '2026-12-31', slug: 'Bad Slug' });
    expect(response.statusCode).toBe(400);
    for (const field of ['title_mn', 'place', 'start', 'slug']) expect(response.body).toContain(`href="#f-${field}"`);
    expect(response.body).toContain('Гарчгийг монголоор, англиар эсвэл хоёулаар нь бичнэ үү.');
    expect(await planCount()).toBe(0);
  });

  it('creates a plan, then a commitment and a milestone the lead body reports on', async () => {
    const form = await admin.get('/commitments/new');
    expect(form.body).toContain(soum.nameMn);
    const created = await admin.post('/commitments/new', { ...planForm, owner: String(soum.id) });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/commitments/bayandun-2027?done=created');
    const page = await admin.follow(created);
    expect(page.body).toContain('Төлөвлөгөөг үүсгэлээ.');
    expect(page.body).toContain('Энэ төлөвлөгөөнд амлалт алга.');

    await admin.get('/commitments/bayandun-2027/commitments/new');
    const commitment = await admin.post('/commitments/bayandun-2027/commitments/new', { title_mn: 'Сумын төвийн гудамжийг гэрэлтүүлэх', title_en: 'Light the streets of the soum centre', objective_mn: '', objective_en: '', lead: String(soum.id) });
    expect(commitment.headers.location).toBe('/commitments/bayandun-2027/commitments/1?done=added');
    await admin.get('/commitments/bayandun-2027/commitments/1/milestones/new');
    const milestone = await admin.post('/commitments/bayandun-2027/commitments/1/milestones/new', { title_mn: 'Гэрэлтүүлгийн 40 баганыг суурилуулах', title_en: '', lead: String(soum.id), due: '2027-09-30' });
    expect(milestone.statusCode).toBe(303);
    const shown = await admin.follow(milestone);
    expect(shown.body).toContain('Үе шатыг нэмлээ.');
    expect(shown.body).toContain('Гэрэлтүүлгийн 40 баганыг суурилуулах');

    const plan = (await findPlan(t.db, 'bayandun-2027'))!;
    expect(plan).toMatchObject({ kind: 'local', source: 'platform', periodLabel: '2027-2028', periodStart: '2027-01-01', periodEnd: '2028-12-31', place: { code: '2104' } });
    const detail = await loadPlanDetail(t.db, plan, t.clock.now());
    expect(detail.milestones.map((m) => [m.commitmentNumber, m.sequence, m.due, m.lead.id])).toEqual([[1, 1, '2027-09-30', soum.id]]);
    const events = await t.db.selectFrom('public_event').where('type', 'in', ['commitments.plan_created', 'commitments.commitment_added', 'commitments.milestone_added']).select(['type']).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['commitments.plan_created', 'commitments.commitment_added', 'commitments.milestone_added']);

    // The soum office's staff report on it like on any plan.
    const report = await admin.get(`/commitments/bayandun-2027/milestones/${detail.milestones[0]!.id}/report`);
    expect(report.statusCode).toBe(200);
  });

  it('refuses a commitment without title or lead body, and a milestone with a bad due date', async () => {
    await admin.get('/commitments/bayandun-2027/commitments/new');
    const commitment = await admin.post('/commitments/bayandun-2027/commitments/new', { title_mn: '', title_en: '', lead: '' });
    expect(commitment.statusCode).toBe(400);
    expect(commitment.body).toContain('href="#f-lead"');
    await admin.get('/commitments/bayandun-2027/commitments/1/milestones/new');
    const milestone = await admin.post('/commitments/bayandun-2027/commitments/1/milestones/new', { title_mn: 'Хоёр дахь үе шат', lead: String(soum.id), due: '30.09.2027' });
    expect(milestone.statusCode).toBe(400);
    expect(milestone.body).toContain('Дуусах хугацаа ОООО-СС-ӨӨ хэлбэртэй, жинхэнэ огноо байна.');
    const count = await t.db.selectFrom('commitment_milestone').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('is for the owner body’s admins and platform admins: plain staff and other bodies are refused', async () => {
    const staff = new WebClient(t.app);
    await signIn(staff, (await buildMember(t.db, soum.id)).email);
    expect((await staff.get('/commitments/new')).statusCode).toBe(403);
    expect((await staff.get('/commitments/bayandun-2027/commitments/new')).statusCode).toBe(403);
    const other = await buildBody(t.db);
    const otherAdmin = new WebClient(t.app);
    await signIn(otherAdmin, (await buildMember(t.db, other.id, 'admin')).email);
    expect((await otherAdmin.get('/commitments/bayandun-2027/commitments/new')).statusCode).toBe(403);
    // An admin of another body cannot make a plan for this one.
    await otherAdmin.get('/commitments/new');
    expect((await otherAdmin.post('/commitments/new', { ...planForm, owner: String(soum.id), slug: 'not-mine' })).statusCode).toBe(403);
    expect(await planCount()).toBe(1);
  });

  it('adds nothing to a closed plan (409)', async () => {
    const plan = (await findPlan(t.db, 'bayandun-2027'))!;
    await admin.get('/commitments/bayandun-2027/commitments/new');
    await closePlan(t.db, plan.id, t.clock.now());
    const response = await admin.post('/commitments/bayandun-2027/commitments/new', { title_mn: 'Хаагдсаны дараах амлалт', lead: String(soum.id) });
    expect(response.statusCode).toBe(409);
    expect(response.body).toContain('Энэ төлөвлөгөө хаагдсан');
  });
});
