import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import type { WebClient } from '../../../test/support/client.js';
import { addRoutingRule, buildFeedback, createBody, createCategory, type BuiltBody } from '../../../test/support/feedback-factories.js';
import { clearCalendarCache } from '../../shared/calendar.js';
import { invalidateFeedbackReference } from '../feedback/reference.js';
import { errorSummary, signedInAdmin, snapshot } from './testing.js';

let t: TestApp;
let client: WebClient;
let office: BuiltBody;
let other: BuiltBody;
let categoryCode: string;

// The test clock: 09:00 on Monday 2 March 2026 in Ulaanbaatar.
beforeAll(async () => {
  t = await createTestApp();
  ({ client } = await signedInAdmin(t));
  office = await createBody(t.db, { placeCode: '62', nameMn: 'Өвөрхангай аймгийн Засаг даргын Тамгын газар', nameEn: 'Övörkhangai Aimag Governor’s Office' });
  other = await createBody(t.db, { placeCode: '84', nameMn: 'Ховд аймгийн Засаг даргын Тамгын газар', nameEn: 'Khovd Aimag Governor’s Office' });
  await addRoutingRule(t.db, { bodyId: office.id });
  await addRoutingRule(t.db, { bodyId: other.id, placeCode: '84' });
  categoryCode = (await createCategory(t.db)).code;
  invalidateFeedbackReference();
  clearCalendarCache();
});
afterAll(async () => t.close());

/** The local due day of new feedback of this kind about this place, through the real submission command. */
async function dueDay(kind: 'complaint' | 'request' | 'suggestion' | 'criticism' | 'praise', placeCode = '6201'): Promise<string> {
  const item = await buildFeedback(t.db, { now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets }, { categoryCode, placeCode, kind });
  return new Date(item.dueAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const defaults = (overrides: Record<string, string> = {}) => ({
  days_complaint: '30',
  count_complaint: 'calendar',
  days_request: '30',
  count_request: 'calendar',
  days_suggestion: '60',
  count_suggestion: 'calendar',
  days_criticism: '30',
  count_criticism: 'calendar',
  days_praise: '60',
  count_praise: 'calendar',
  ...overrides,
});

describe('default answer periods', () => {
  it('shows each kind’s period with the legal default as a hint', async () => {
    const page = await client.get('/admin/deadlines');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Хуулиар 30 хоног (Иргэдээс төрийн байгууллага');
    expect(page.body).toContain('Хуулиар 60 хоног.');
    expect(page.body).toMatch(/name="days_suggestion"[^>]*value="60"|value="60"[^>]*name="days_suggestion"/);
    const en = (await signedInAdmin(t, { lang: 'en' })).client;
    expect((await en.get('/admin/deadlines')).body).toContain('By law: 30 days (Law on Citizens’ Petitions and Complaints).');
  });

  it('changes a kind to working days: new complaints get the new deadline, old ones keep theirs', async () => {
    expect(await dueDay('complaint')).toBe('2026-04-01');
    await client.get('/admin/deadlines');
    const res = await client.post('/admin/deadlines', defaults({ days_complaint: '10', count_complaint: 'working' }));
    expect(res.statusCode).toBe(303);
    expect((await client.follow(res)).body).toContain('Үндсэн хугацааг хадгаллаа.');
    // Ten working days from Monday 2 March: Monday 16 March.
    expect(await dueDay('complaint')).toBe('2026-03-16');
    expect(await dueDay('request')).toBe('2026-04-01');
    const rows = await t.db.selectFrom('deadline_rule').where('body_id', 'is', null).where('kind', '=', 'complaint').select(['days', 'day_count']).execute();
    expect(rows).toEqual([{ days: 10, day_count: 'working' }]);
    await client.get('/admin/deadlines');
    await client.post('/admin/deadlines', defaults());
  });

  it('refuses 0, 366, words and unknown counts, naming the kind, and saves none of the form', async () => {
    const before = await t.db.selectFrom('deadline_rule').selectAll().orderBy('id').execute();
    await client.get('/admin/deadlines');
    const res = await client.post('/admin/deadlines', defaults({ days_complaint: '0', days_request: '366', days_suggestion: 'sixty', count_praise: 'weekly', days_criticism: '' }));
    expect(res.statusCode).toBe(400);
    const summary = errorSummary(res.body);
    expect(summary).toContain('Гомдол: хоногийн тоог 1-ээс 365 хүртэлх бүхэл тоогоор оруулна уу.');
    expect(summary).toContain('Хүсэлт: хоногийн тоог');
    expect(summary).toContain('Санал: хоногийн тоог');
    expect(summary).toContain('Шүүмж: хоногийн тоог');
    expect(summary).toContain('Талархал: хуанлийн эсвэл ажлын хоногоор');
    expect(res.body).toContain('value="sixty"');
    expect(res.body).toContain('href="#f-days_complaint"');
    expect(await t.db.selectFrom('deadline_rule').selectAll().orderBy('id').execute()).toEqual(before);
  });
});

describe('per-body overrides', () => {
  it('adds, edits and removes a body’s own period for a kind', async () => {
    await client.get('/admin/deadlines');
    const added = await client.post('/admin/deadlines/overrides', { body: other.slug, kind: 'complaint', days: '5', dayCount: 'calendar' });
    expect(added.statusCode).toBe(303);
    const page = await client.follow(added);
    expect(page.body).toContain('Тусгай хугацааг нэмлээ.');
    expect(page.body).toContain('5 хуанлийн хоног');
    // Five calendar days from Monday 2 March is Saturday 7 March: the deadline moves to Monday 9 March.
    expect(await dueDay('complaint', '8401')).toBe('2026-03-09');
    // Other bodies and kinds keep the default.
    expect(await dueDay('complaint', '6201')).toBe('2026-04-01');
    expect(await dueDay('request', '8401')).toBe('2026-04-01');

    const override = await t.db.selectFrom('deadline_rule').where('body_id', '=', other.id).select('id').executeTakeFirstOrThrow();
    const form = await client.get(`/admin/deadlines/overrides/${override.id}/edit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Үндсэн хугацаа: 30 хуанлийн хоног');
    const refused = await client.post(`/admin/deadlines/overrides/${override.id}/edit`, { days: '400', dayCount: 'working' });
    expect(refused.statusCode).toBe(400);
    expect(errorSummary(refused.body)).toContain('Гомдол: хоногийн тоог 1-ээс 365');
    expect(refused.body).toContain('value="400"');
    const saved = await client.post(`/admin/deadlines/overrides/${override.id}/edit`, { days: '3', dayCount: 'working' });
    expect(saved.statusCode).toBe(303);
    expect((await client.follow(saved)).body).toContain('3 ажлын хоног');
    expect(await dueDay('complaint', '8401')).toBe('2026-03-05');

    const removed = await client.post(`/admin/deadlines/overrides/${override.id}/remove`);
    expect(removed.statusCode).toBe(303);
    expect((await client.follow(removed)).body).toContain('Тусгай хугацааг хаслаа');
    expect(await dueDay('complaint', '8401')).toBe('2026-04-01');
  });

  it('refuses an unknown body, a missing kind, bad days and a second override for the same pair', async () => {
    await t.db.insertInto('deadline_rule').values({ kind: 'suggestion', body_id: office.id, days: 45, day_count: 'calendar' }).execute();
    const before = await snapshot(t);
    const cases: [Record<string, string>, string[]][] = [
      [{ body: '', kind: '', days: '', dayCount: '' }, ['Байгууллага сонгоно уу.', 'Санал, гомдлын төрлийг сонгоно уу.', 'хоногийн тоог 1-ээс 365']],
      [{ body: 'no-such-body', kind: 'complaint', days: '10', dayCount: 'calendar' }, ['Ийм байгууллага алга']],
      [{ body: other.slug, kind: 'grievance', days: '10', dayCount: 'calendar' }, ['Санал, гомдлын төрлийг сонгоно уу.']],
      [{ body: other.slug, kind: 'request', days: '366', dayCount: 'calendar' }, ['Хүсэлт: хоногийн тоог 1-ээс 365']],
      [{ body: other.slug, kind: 'request', days: '10', dayCount: 'lunar' }, ['Хүсэлт: хуанлийн эсвэл ажлын хоногоор']],
      [{ body: office.slug, kind: 'suggestion', days: '20', dayCount: 'calendar' }, ['Энэ байгууллага энэ төрөлд тусгай хугацаатай байна']],
    ];
    for (const [form, messages] of cases) {
      await client.get('/admin/deadlines');
      const res = await client.post('/admin/deadlines/overrides', form);
      expect(res.statusCode, JSON.stringify(form)).toBe(400);
      for (const message of messages) expect(errorSummary(res.body), JSON.stringify(form)).toContain(message);
    }
    expect(await snapshot(t)).toEqual(before);
  });

  it('answers 404 for unknown and tampered override ids, and never edits a default rule as an override', async () => {
    const general = await t.db.selectFrom('deadline_rule').where('body_id', 'is', null).select('id').executeTakeFirstOrThrow();
    for (const id of ['999999', 'abc', String(general.id)]) expect((await client.get(`/admin/deadlines/overrides/${id}/edit`)).statusCode, id).toBe(404);
    await client.get('/admin/deadlines');
    const token = client.csrf();
    expect((await client.post(`/admin/deadlines/overrides/${general.id}/remove`, { _csrf: token })).statusCode).toBe(404);
    expect((await client.post(`/admin/deadlines/overrides/${general.id}/edit`, { _csrf: token, days: '1', dayCount: 'calendar' })).statusCode).toBe(404);
    expect(await t.db.selectFrom('deadline_rule').where('id', '=', general.id).select('days').executeTakeFirst()).toBeDefined();
  });
});
