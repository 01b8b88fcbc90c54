import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import type { WebClient } from '../../../test/support/client.js';
import { addRoutingRule, buildFeedback, createBody, createCategory } from '../../../test/support/feedback-factories.js';
import { clearCalendarCache } from '../../shared/calendar.js';
import { invalidateFeedbackReference } from '../feedback/reference.js';
import { errorSummary, signedInAdmin, snapshot } from './testing.js';

let t: TestApp;
let client: WebClient;
let categoryCode: string;

beforeAll(async () => {
  // 10:00 on Monday 5 October 2026 in Ulaanbaatar: no holiday in the next weeks.
  t = await createTestApp({ now: '2026-10-05T02:00:00Z' });
  ({ client } = await signedInAdmin(t));
  const office = await createBody(t.db, { placeCode: '84' });
  await addRoutingRule(t.db, { bodyId: office.id });
  categoryCode = (await createCategory(t.db)).code;
  // Complaints in five working days, so one holiday visibly moves the deadline.
  await t.db.updateTable('deadline_rule').set({ days: 5, day_count: 'working' }).where('kind', '=', 'complaint').where('body_id', 'is', null).execute();
  invalidateFeedbackReference();
  clearCalendarCache();
});
afterAll(async () => t.close());

async function complaintDueDay(): Promise<string> {
  const item = await buildFeedback(t.db, { now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets }, { categoryCode, placeCode: '8401' });
  return new Date(item.dueAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

describe('public holidays', () => {
  it('lists a year’s holidays and explains that lunar holidays are added each year', async () => {
    const page = await client.get('/admin/holidays?year=2026');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2026 оны амралтын өдрүүд');
    expect(page.body).toContain('<time datetime="2026-02-18">2026 оны 2 сарын 18</time>');
    expect(page.body).toContain('Цагаан сар');
    expect(page.body).toContain('Лхагва');
    expect(page.body).toContain('Засгийн газар өдрийг нь зарласны дараа жил бүр энд нэмнэ үү');
    expect(page.body).toMatch(/href="\/admin\/holidays\?year=2027"/);
    const en = (await signedInAdmin(t, { lang: 'en' })).client;
    const english = await en.get('/admin/holidays?year=2026');
    expect(english.body).toContain('Tsagaan Sar and Chinggis Khaan’s birthday');
    expect(english.body).toContain('Wednesday');
    // A year out of range or not a year shows this year.
    expect((await client.get('/admin/holidays?year=abcd')).body).toContain('2026 оны амралтын өдрүүд');
    expect((await client.get('/admin/holidays?year=1850')).body).toContain('2026 оны амралтын өдрүүд');
  });

  it('a holiday added moves a working-day deadline; removing it moves it back', async () => {
    // Five working days from Monday 5 October: Monday 12 October.
    expect(await complaintDueDay()).toBe('2026-10-12');
    await client.get('/admin/holidays');
    const added = await client.post('/admin/holidays', { date: '2026-10-08', nameMn: 'Туршилтын амралтын өдөр', nameEn: 'Test holiday' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe('/admin/holidays?year=2026&done=added&day=2026-10-08');
    const page = await client.follow(added);
    expect(page.body).toContain('Амралтын өдөр нэмлээ: 2026 оны 10 сарын 8, Туршилтын амралтын өдөр.');
    // Thursday 8 October is skipped now: Tuesday 13 October.
    expect(await complaintDueDay()).toBe('2026-10-13');

    const removed = await client.post('/admin/holidays/2026-10-08/remove');
    expect(removed.statusCode).toBe(303);
    expect((await client.follow(removed)).body).toContain('Амралтын өдрийг хаслаа: 2026 оны 10 сарын 8.');
    expect(await complaintDueDay()).toBe('2026-10-12');
  });

  it('adds next year’s Tsagaan Sar', async () => {
    {
      await client.get('/admin/holidays?year=2027');
      const res = await client.post('/admin/holidays', { date: ' 2027-02-07 ', nameMn: 'Цагаан сар', nameEn: 'Tsagaan Sar (Lunar New Year)' });
      expect(res.statusCode).toBe(303);
      const page = await client.follow(res);
      expect(page.body).toContain('2027 оны амралтын өдрүүд');
      expect(page.body).toContain('<time datetime="2027-02-07">');
      expect(await t.db.selectFrom('public_holiday').where('day', '=', '2027-02-07').select('name_en').executeTakeFirst()).toEqual({ name_en: 'Tsagaan Sar (Lunar New Year)' });
    }
  });

  it('refuses malformed and impossible dates, a day that already is a holiday, and bad names, writing nothing', async () => {
    const before = await snapshot(t);
    const cases: [Record<string, string>, string][] = [
      [{ date: '', nameMn: 'Баяр', nameEn: 'Holiday' }, 'Огноо оруулна уу'],
      [{ date: '07/02/2027', nameMn: 'Баяр', nameEn: 'Holiday' }, 'Огноог ОООО-СС-ӨӨ хэлбэрээр'],
      [{ date: '2027-02-30', nameMn: 'Баяр', nameEn: 'Holiday' }, 'Огноог ОООО-СС-ӨӨ хэлбэрээр'],
      [{ date: '2027-13-01', nameMn: 'Баяр', nameEn: 'Holiday' }, 'Огноог ОООО-СС-ӨӨ хэлбэрээр'],
      [{ date: '1999-12-31', nameMn: 'Баяр', nameEn: 'Holiday' }, 'Огноо 2000-аас 2100 оны хооронд'],
      [{ date: '2026-07-11', nameMn: 'Баяр', nameEn: 'Holiday' }, 'Энэ өдөр аль хэдийн амралтын өдөр байна: Үндэсний их баяр наадам.'],
      [{ date: '2027-05-05', nameMn: '', nameEn: 'Holiday' }, 'Монгол нэр оруулна уу'],
      [{ date: '2027-05-05', nameMn: 'Баяр', nameEn: 'H'.repeat(121) }, 'Англи нэр 120 тэмдэгтээс хэтрэхгүй'],
      [{ date: 'x'.repeat(31), nameMn: 'Баяр', nameEn: 'Holiday' }, 'Огноо 30 тэмдэгтээс хэтрэхгүй'],
    ];
    for (const [form, message] of cases) {
      await client.get('/admin/holidays');
      const res = await client.post('/admin/holidays', form);
      expect(res.statusCode, JSON.stringify(form)).toBe(400);
      expect(errorSummary(res.body), JSON.stringify(form)).toContain(message);
    }
    // The typed names stay in the form.
    await client.get('/admin/holidays');
    const kept = await client.post('/admin/holidays', { date: '2027-02-30', nameMn: 'Цагаан сар', nameEn: 'Tsagaan Sar' });
    expect(kept.body).toContain('value="Tsagaan Sar"');
    // In English, the existing holiday is named in English.
    const en = (await signedInAdmin(t, { lang: 'en' })).client;
    await en.get('/admin/holidays');
    const english = await en.post('/admin/holidays', { date: '2026-07-11', nameMn: 'Баяр', nameEn: 'Holiday' });
    expect(errorSummary(english.body)).toContain('This day is already a holiday: Naadam.');
    expect(await snapshot(t)).toEqual(before);
  });

  it('answers 404 for removing a day that is not a holiday or is not a date', async () => {
    await client.get('/admin/holidays');
    const token = client.csrf();
    const before = await snapshot(t);
    for (const day of ['2026-10-09', '2026-02-30', 'abc', '2026-1-1']) {
      expect((await client.post(`/admin/holidays/${day}/remove`, { _csrf: token })).statusCode, day).toBe(404);
    }
    expect(await snapshot(t)).toEqual(before);
  });
});
