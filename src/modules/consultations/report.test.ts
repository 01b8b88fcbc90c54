import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { articleUnit, buildConsultation, consultationWorld, type ConsultationWorld } from '../../../test/support/consultation-factories.js';
import { closePdfRenderer } from '../../shared/pdf.js';
import { answerComments } from './commands/answers.js';
import { submitComment } from './commands/comments.js';
import type { CommandContext } from './commands/common.js';
import { finishConsultation } from './commands/consultation.js';
import { addHearing, addHearingComment } from './commands/hearings.js';

/**
 * The report the law asks for: per article the comments, who made them, supports, the
 * answer and its reason; the totals; as a page, PDF (printed by Chromium) and CSV. Without
 * Chromium on the server the PDF is refused with 503 in both languages.
 */
let t: TestApp;
let w: ConsultationWorld;
let id: number;
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl });

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t.db);
  ({ id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id }));
  const art8 = await articleUnit(t.db, id, '8');
  const art11 = await articleUnit(t.db, id, '11');
  const a = await submitComment(t.db, id, { unitId: art8, text: 'Хугацааг 45 хоног болгох.', organisationId: null, placeCode: '65' }, { accountId: w.citizen.id }, ctx());
  const b = await submitComment(t.db, id, { unitId: art8, text: 'Богиносгох доод хязгаар 21 хоног.', organisationId: w.cso.id, placeCode: '11' }, { accountId: w.csoMember.id }, ctx());
  const c = await submitComment(t.db, id, { unitId: art11, text: 'Иргэний нийгмийн байгууллагын саналыг тусад нь бүртгэх.', organisationId: null, placeCode: null }, { accountId: w.citizen.id }, ctx());
  const hearing = await addHearing(t.db, id, { day: '2026-03-02', time: '08:00', place: 'Ховд аймгийн Засаг даргын Тамгын газар', howToJoin: '' }, { accountId: w.staff.id }, ctx());
  const d = await addHearingComment(t.db, id, hearing.id, { unitId: null, text: 'Сонсголд: орон нутгийн иргэдэд хүртээмжтэй байлгах.', organisationId: null, placeCode: '84' }, { accountId: w.staff.id }, ctx());
  await answerComments(t.db, id, { commentIds: [a.id, b.id], category: 'accepted', reason: 'Хэлэлцүүлгийн хугацааг 45 хоног болгоно.' }, { accountId: w.staff.id }, ctx());
  await answerComments(t.db, id, { commentIds: [c.id], category: 'not_accepted', reason: 'Бүх саналыг нэг журмаар бүртгэнэ.' }, { accountId: w.staff.id }, ctx());
  await answerComments(t.db, id, { commentIds: [d.id], category: 'partly_accepted', reason: 'Хүртээмжийн шаардлагыг 7.2-т тусгасан.' }, { accountId: w.staff.id }, ctx());
  t.clock.advanceDays(31);
  await finishConsultation(t.db, id, { accountId: w.staff.id }, ctx());
});
afterAll(async () => {
  await closePdfRenderer();
  await t.close();
});

describe('the consultation report', () => {
  it('shows the right totals and, article by article, each comment with its answer', async () => {
    const client = new WebClient(t.app);
    const summary = await client.get(`/consultations/${id}/report`);
    expect(summary.statusCode).toBe(200);
    expect(summary.body).toContain('Хэлэлцүүлгийн тайлан');
    const figure = (label: string) => new RegExp(`<dt>${label}</dt><dd>(\\d+)</dd>`).exec(summary.body)?.[1];
    expect([figure('Ирсэн санал'), figure('Хүлээн авсан'), figure('Хэсэгчлэн хүлээн авсан'), figure('Хүлээн аваагүй'), figure('Байгууллагаас'), figure('Иргэдээс'), figure('Сонсголоос')]).toEqual(['4', '2', '1', '1', '1', '3', '1']);
    expect(summary.body).toMatch(/Архангай<\/td><td class="num">1</);
    expect(summary.body).toMatch(/Ховд<\/td><td class="num">1</);
    expect(summary.body).toMatch(/Заагаагүй<\/td><td class="num">1</);
    const full = await client.get(`/consultations/${id}/report/full`);
    expect(full.body).toContain('8 дугаар зүйл. Хэлэлцүүлгийн хугацаа');
    expect(full.body).toContain('Нээлттэй нийгэм форум');
    expect(full.body).toContain('Хэлэлцүүлгийн хугацааг 45 хоног болгоно.');
    expect(full.body).toContain('олон нийтийн сонсголд');
    expect(full.body).not.toContain(w.citizen.displayName);
    const en = new WebClient(t.app);
    en.setCookie('lang', 'en');
    expect((await en.get(`/consultations/${id}/report`)).body).toContain('Consultation report');
  });

  it('downloads as PDF printed by Chromium', { timeout: 60_000 }, async () => {
    const pdf = await new WebClient(t.app).get(`/consultations/${id}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain(`consultation-${id}-report.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5_000);
  });

  it('downloads as CSV with one row per comment and its answer', async () => {
    const csv = (await new WebClient(t.app).get(`/consultations/${id}/report.csv`)).body.trim().split('\r\n');
    expect(csv).toHaveLength(5);
    expect(csv.slice(1).map((row) => row.split(',')[0])).toEqual(['', '8', '8', '11']);
    expect(csv.find((row) => row.includes('open-society'))).toMatch(/,accepted,/);
    const totals = (await new WebClient(t.app).get(`/consultations/${id}/report-totals.csv`)).body;
    expect(totals).toContain('comments,,4');
    expect(totals).toContain('partly_accepted,,1');
    expect(totals).toContain('by_aimag,65,1');
  });

  it('is printed in both languages as the consultation finishes, and served again while the data is unchanged', { timeout: 120_000 }, async () => {
    await t.db.deleteFrom('consultation_report_pdf').execute();
    await t.runJobs();
    const stored = await t.db.selectFrom('consultation_report_pdf').where('consultation_id', '=', id).select(['lang', 'pdf', 'fingerprint', 'rendered_at']).orderBy('lang').execute();
    expect(stored.map((r) => r.lang)).toEqual(['en', 'mn']);
    const download = await new WebClient(t.app).get(`/consultations/${id}/report.pdf`);
    expect(download.rawPayload.equals(stored.find((r) => r.lang === 'mn')!.pdf)).toBe(true);
    // A moderator's decision changes the report: it is printed again.
    const comment = await t.db.selectFrom('consultation_comment').where('consultation_id', '=', id).select('id').orderBy('id').executeTakeFirstOrThrow();
    await t.db.insertInto('consultation_moderation').values({ comment_id: comment.id, decision: 'kept', reason: 'ok', moderator_id: w.staff.id, decided_at: t.clock.now() }).execute();
    t.clock.advanceMs(60_000);
    const again = await new WebClient(t.app).get(`/consultations/${id}/report.pdf`);
    expect(again.statusCode).toBe(200);
    // Compared by what was stored, not by bytes: Chromium may print identical bytes within one second.
    const reprinted = await t.db.selectFrom('consultation_report_pdf').where('consultation_id', '=', id).where('lang', '=', 'mn').select(['pdf', 'fingerprint', 'rendered_at']).executeTakeFirstOrThrow();
    const before = stored.find((r) => r.lang === 'mn')!;
    expect(reprinted.fingerprint).not.toBe(before.fingerprint);
    expect(reprinted.rendered_at.getTime()).toBe(t.clock.now().getTime());
    expect(again.rawPayload.equals(reprinted.pdf)).toBe(true);
  });

  it('answers 503 in both languages when the server has no Chromium', async () => {
    await closePdfRenderer();
    await t.db.deleteFrom('consultation_report_pdf').execute();
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const mn = await new WebClient(t.app).get(`/consultations/${id}/report.pdf`);
      expect(mn.statusCode).toBe(503);
      expect(mn.body).toContain('PDF файл үүсгэх боломжгүй');
      const en = new WebClient(t.app);
      en.setCookie('lang', 'en');
      const page = await en.get(`/consultations/${id}/report.pdf`);
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('The PDF cannot be made');
      const json = await new WebClient(t.app).get(`/consultations/${id}/report.pdf`, { accept: 'application/json' });
      expect(json.statusCode).toBe(503);
      expect(json.json().error.messages.en).toContain('Chromium');
      expect(json.json().error.messages.mn).toContain('Chromium');
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
