import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { buildFeedback, createStaffMember, feedbackWorld } from '../../../../test/support/feedback-factories.js';
import type { CommandContext } from '../commands/common.js';
import { answerFeedback, extendDeadline } from '../commands/handle.js';
import { rateAnswer } from '../commands/submitter.js';
import { publishMonthlyStatistics } from './publish.js';
import { figuresByBody, figuresByMonth, lastTwelveMonths, singleMonth, totals } from './queries.js';
import { refreshFeedbackStats } from './refresh.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let staff: { accountId: number };
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });
const codes: Record<string, string> = {};

/**
 * A small, exact history at the Bayanzürkh office:
 * January: A answered in 3 days (satisfied), B answered after 40 days (late), C never answered.
 * February: D answered in 10 days after an extension (unsatisfied). Plus one item received at
 * 01:00 on 1 February Ulaanbaatar time (31 January in UTC), which belongs to February.
 */
beforeAll(async () => {
  t = await createTestApp({ now: '2026-01-05T02:00:00Z' });
  world = await feedbackWorld(t.db);
  staff = await createStaffMember(t.db, world.district.id);
  const file = async (name: string) => (codes[name] = (await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, placeCode: '111059' })).code);
  await file('A');
  await file('B');
  await file('C');
  t.clock.set('2026-01-08T02:00:00Z');
  await answerFeedback(t.db, codes.A!, { resolution: 'resolved', text: 'Шийдвэрлэсэн, баярлалаа.' }, staff, ctx());
  await rateAnswer(t.db, codes.A!, 'satisfied', ctx());
  t.clock.set('2026-01-31T17:00:00Z');
  await file('E');
  t.clock.set('2026-02-02T02:00:00Z');
  await file('D');
  await extendDeadline(t.db, codes.D!, 10, 'Нэмэлт шалгалт хийх шаардлагатай', staff, ctx());
  t.clock.set('2026-02-12T02:00:00Z');
  await answerFeedback(t.db, codes.D!, { resolution: 'rejected', text: 'Хуулийн дагуу боломжгүй байна.' }, staff, ctx());
  await rateAnswer(t.db, codes.D!, 'unsatisfied', ctx());
  t.clock.set('2026-02-14T02:00:00Z');
  await answerFeedback(t.db, codes.B!, { resolution: 'resolved', text: 'Хоцорсон ч шийдвэрлэлээ.' }, staff, ctx());
  t.clock.set('2026-03-10T02:00:00Z');
  await refreshFeedbackStats(t.db, { all: true });
});
afterAll(async () => t.close());

describe('responsiveness figures', () => {
  it('counts each month by the day of receipt in Ulaanbaatar', async () => {
    const months = await figuresByMonth(t.db, { from: '2026-01-01', to: '2026-03-01' }, { bodyId: world.district.id });
    expect(months.map((m) => [m.month, m.received, m.answered, m.answeredOnTime])).toEqual([
      ['2026-01-01', 3, 2, 1],
      ['2026-02-01', 2, 1, 1],
    ]);
    expect(months[0]).toMatchObject({ satisfied: 1, unsatisfied: 0, medianDays: 3 });
    expect(months[1]).toMatchObject({ extended: 1, unsatisfied: 1, medianDays: 10 });
  });

  it('gives a body its totals, median days to answer and what is overdue now', async () => {
    const all = await totals(t.db, lastTwelveMonths(t.clock.now()), t.clock.now(), { bodyId: world.district.id });
    expect(all).toMatchObject({ received: 5, answered: 3, answeredOnTime: 2, extended: 1, satisfied: 1, unsatisfied: 1, medianDays: 10 });
    // C (due 4 Feb) and E (due 3 March) are open and past their deadline on 10 March.
    expect(all.overdueNow).toBe(2);
    const rows = await figuresByBody(t.db, singleMonth('2026-01-01'), t.clock.now());
    expect(rows.find((r) => r.bodyId === world.district.id)).toMatchObject({ received: 3, overdueNow: 2 });
  });

  it('recomputes only the months whose items changed', async () => {
    t.clock.set('2026-03-11T02:00:00Z');
    await answerFeedback(t.db, codes.C!, { resolution: 'resolved', text: 'Маш их хоцорч хариулсандаа уучлаарай.' }, staff, ctx());
    // Only January changed (C was received then); February's rollup is left alone.
    expect(await refreshFeedbackStats(t.db)).toEqual(['2026-01-01']);
    const [january] = await figuresByMonth(t.db, singleMonth('2026-01-01'), { bodyId: world.district.id });
    expect(january).toMatchObject({ received: 3, answered: 3, answeredOnTime: 1 });
  });

  it('publishes last month’s figures to the public record once per body', async () => {
    expect(await publishMonthlyStatistics(t.db, new Date('2026-03-01T01:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect(await publishMonthlyStatistics(t.db, new Date('2026-03-01T01:00:00Z'))).toBe(0);
    const events = await t.db.selectFrom('public_event').select(['payload']).where('type', '=', 'feedback.statistics_published').where('subject', '=', `body/${world.district.slug}`).execute();
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ body: world.district.slug, month: '2026-02', received: 2, answered: 1, answered_on_time: 1, median_days_to_answer: 10 });
  });
});

describe('responsiveness pages and downloads', () => {
  it('shows every body with its figures, in both languages', async () => {
    const mn = await t.app.inject('/responsiveness');
    expect(mn.statusCode).toBe(200);
    expect(mn.body).toContain('Баянзүрх дүүргийн Засаг даргын Тамгын газар');
    expect(mn.body).toContain('<svg class="chart"');
    const en = await t.app.inject({ url: '/responsiveness', cookies: { lang: 'en' } });
    expect(en.body).toContain('Bayanzürkh District Governor’s Office');
    expect(en.body).toContain('Overdue now');
  });

  it('has a page and JSON twin per body, per place and per month', async () => {
    const page = await t.app.inject(`/responsiveness/bodies/${world.district.slug}`);
    expect(page.statusCode).toBe(200);
    const body = await t.app.inject(`/api/responsiveness/bodies/${world.district.slug}?period=2026-01`);
    expect(body.json()).toMatchObject({ body: world.district.slug, totals: { received: 3, answered: 3 } });
    const place = await t.app.inject('/api/responsiveness/places/1110?period=2026-02');
    expect(place.json()).toMatchObject({ place: '1110', totals: { received: 2 } });
    expect((await t.app.inject('/responsiveness/places/11')).statusCode).toBe(200);
    expect((await t.app.inject('/responsiveness/places')).statusCode).toBe(200);
    const report = await t.app.inject('/api/responsiveness/reports/2026-02');
    expect(report.json().bodies.find((b: { body: string }) => b.body === world.district.slug)).toMatchObject({ received: 2, answered_on_time: 1 });
    expect((await t.app.inject('/responsiveness/reports/2026-02')).statusCode).toBe(200);
    expect((await t.app.inject('/responsiveness/reports')).statusCode).toBe(200);
  });

  it('downloads CSV that spreadsheets open in Cyrillic', async () => {
    const res = await t.app.inject('/responsiveness/reports/2026-01.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('irgen-report-2026-01.csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('body,name_mn,name_en,received,answered,answered_on_time,extended,median_days_to_answer,satisfied,unsatisfied');
    expect(lines.some((l) => l.startsWith(`${world.district.slug},Баянзүрх`))).toBe(true);
    expect((await t.app.inject(`/responsiveness/bodies/${world.district.slug}.csv`)).statusCode).toBe(200);
  });

  it('answers a bad month, an unknown body or place with a 4xx in the person’s language', async () => {
    const badMonth = await t.app.inject('/responsiveness/reports/2026-13');
    expect(badMonth.statusCode).toBe(400);
    expect(badMonth.body).toContain('ЖЖЖЖ-СС');
    // A month that has not begun has no report (the test clock is in March 2026), in either language and format.
    const future = await t.app.inject('/responsiveness/reports/2026-04');
    expect(future.statusCode).toBe(404);
    expect(future.body).toContain('Энэ сар хараахан эхлээгүй');
    const futureEn = await t.app.inject({ url: '/responsiveness/reports/2099-01.csv', cookies: { lang: 'en' } });
    expect(futureEn.statusCode).toBe(404);
    expect(futureEn.body).toContain('That month has not begun yet');
    const futureJson = await t.app.inject({ url: '/api/responsiveness/reports/2026-04', headers: { accept: 'application/json' } });
    expect(futureJson.statusCode).toBe(404);
    expect(futureJson.json().error.code).toBe('stats.future_month');
    const futurePeriod = await t.app.inject({ url: '/api/responsiveness?period=2026-04', headers: { accept: 'application/json' } });
    expect(futurePeriod.statusCode).toBe(400);
    expect((await t.app.inject('/responsiveness/reports/2026-03')).statusCode).toBe(200);
    const badPeriod = await t.app.inject({ url: '/api/responsiveness?period=yesterday', headers: { accept: 'application/json' } });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().error.code).toBe('validation_failed');
    expect((await t.app.inject('/responsiveness/bodies/no-such-body')).statusCode).toBe(404);
    const place = await t.app.inject({ url: '/responsiveness/places/9999', cookies: { lang: 'en' } });
    expect(place.statusCode).toBe(404);
    expect(place.body).toContain('There is no such place.');
    expect((await t.app.inject('/responsiveness?aimag=99')).statusCode).toBe(404);
  });
});
