import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { articleUnit, buildConsultation, consultationWorld, draftLaw, type ConsultationWorld } from '../../../test/support/consultation-factories.js';
import { signIn } from '../../../test/support/factories.js';
import { commentPath } from './urls.js';
import { answerComments } from './commands/answers.js';
import { submitComment } from './commands/comments.js';
import type { CommandContext } from './commands/common.js';
import { addHearing, addHearingComment, saveMinutes } from './commands/hearings.js';
import { publishVersion, replaceDraftText, startNewVersion } from './commands/text.js';

/**
 * Every page of a lived-in consultation answers for every kind of visitor, stays within
 * the page budget, and never shows who a citizen is.
 */
let t: TestApp;
let w: ConsultationWorld;
let id: number;
let art8: number;
let commentIds: number[];
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl });
const BUDGET = 50 * 1024;

async function transferred(client: WebClient, path: string): Promise<number> {
  const page = await client.get(path);
  expect(page.statusCode, path).toBe(200);
  let total = gzipSync(page.body).length;
  for (const [, asset] of page.body.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)) {
    if (asset!.endsWith('.svg')) continue;
    total += gzipSync((await client.get(asset!)).rawPayload).length;
  }
  return total;
}

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t.db);
  ({ id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id }));
  art8 = await articleUnit(t.db, id, '8');
  const par82 = await articleUnit(t.db, id, '8.2', 'paragraph');
  commentIds = [];
  for (let i = 0; i < 25; i++) {
    const r = await submitComment(
      t.db,
      id,
      { unitId: i % 2 ? art8 : par82, text: `Санал ${i}: хэлэлцүүлгийн хугацааг уртасгах нь зүйтэй. `.repeat(12), organisationId: i % 5 === 0 ? w.cso.id : null, placeCode: i % 3 ? '65' : null },
      { accountId: i % 5 === 0 ? w.csoMember.id : w.citizen.id },
      ctx(),
    );
    commentIds.push(r.id);
  }
  await answerComments(t.db, id, { commentIds: commentIds.slice(0, 10), category: 'accepted', reason: 'Хугацааг 45 хоног болгоно.' }, { accountId: w.staff.id }, ctx());
  const hearing = await addHearing(t.db, id, { day: '2026-03-02', time: '08:00', place: 'Төрийн ордон, Б танхим', howToJoin: 'Бүртгэлгүйгээр оролцоно.' }, { accountId: w.staff.id }, ctx());
  await saveMinutes(t.db, id, hearing.id, 'Сонсголд 40 хүн оролцов.', { accountId: w.staff.id }, ctx());
  await addHearingComment(t.db, id, hearing.id, { unitId: art8, text: 'Сонсголд гарсан санал', organisationId: null, placeCode: '11' }, { accountId: w.staff.id }, ctx());
  await startNewVersion(t.db, id, null, { accountId: w.staff.id }, ctx());
  await replaceDraftText(t.db, id, draftLaw(2), { accountId: w.staff.id }, ctx());
  await publishVersion(t.db, id, 'Саналын дагуу 8 дугаар зүйлийг өөрчилж, 12 дугаар зүйл нэмэв.', { accountId: w.staff.id }, ctx());
});
afterAll(async () => t.close());

const publicPaths = () => [
  '/consultations',
  '/consultations?phase=open',
  '/consultations/late',
  `/consultations/${id}`,
  `/consultations/${id}/text`,
  `/consultations/${id}/versions`,
  `/consultations/${id}/versions/1`,
  `/consultations/${id}/versions/2/changes`,
  `/consultations/${id}/articles/${art8}`,
  `/consultations/${id}/versions/1/articles/${art8}`,
  `/consultations/${id}/general`,
  `/consultations/${id}/comments`,
  `/consultations/${id}/comments?answer=unanswered&by=citizens`,
  `/consultations/${id}/comments/${commentIds[0]}`,
  `/consultations/${id}/report`,
  `/consultations/${id}/report/full`,
  `/bodies/${w.ministry.slug}`,
];

describe('public pages', () => {
  it('answer anonymous visitors, signed-in citizens and staff, in both languages', async () => {
    const anonymous = new WebClient(t.app);
    const citizen = new WebClient(t.app);
    await signIn(citizen, w.citizen.email);
    const staff = new WebClient(t.app);
    await signIn(staff, w.staff.email);
    for (const client of [anonymous, citizen, staff]) {
      for (const lang of ['mn', 'en']) {
        client.setCookie('lang', lang);
        for (const path of publicPaths()) {
          const page = await client.get(path);
          expect(page.statusCode, `${lang} ${path}`).toBe(200);
          expect(page.body, path).not.toMatch(/consultations:[a-z]+\./);
          // A citizen's name and address never appear in public pages.
          expect(page.body).not.toContain(w.citizen.email);
          if (client !== citizen) expect(page.body).not.toContain(w.citizen.displayName);
        }
      }
    }
  });

  it('stay under 50 KB transferred, article pages paged', async () => {
    const client = new WebClient(t.app);
    for (const path of publicPaths().filter((p) => !p.endsWith('/report/full'))) {
      expect(await transferred(client, path), path).toBeLessThan(BUDGET);
    }
  });

  it('mark people’s words with the language they are written in where it is not the page’s (WCAG 3.1.2)', async () => {
    // A consultation of its own, so the counts the other tests check stay as they are.
    const { id: own } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const unit = await articleUnit(t.db, own, '8');
    const english = await submitComment(t.db, own, { unitId: unit, text: 'The deadline should be longer for rural residents.', organisationId: null, placeCode: '65' }, { accountId: w.citizen.id }, ctx());
    const mongolian = await submitComment(t.db, own, { unitId: unit, text: 'Хугацааг сунгах нь зүйтэй.', organisationId: null, placeCode: '65' }, { accountId: w.citizen.id }, ctx());
    await answerComments(t.db, own, { commentIds: [mongolian.id], category: 'accepted', reason: 'Хугацааг 45 хоног болгоно.' }, { accountId: w.staff.id }, ctx());
    const mnPage = (await new WebClient(t.app).get(commentPath(own, english.id))).body;
    expect(mnPage).toMatch(/<blockquote class="quote pre-line" lang="en">The deadline should be longer/);
    const en = new WebClient(t.app);
    await en.get('/lang/en?next=/');
    const answered = (await en.get(commentPath(own, mongolian.id))).body;
    expect(answered).toMatch(/<blockquote class="quote pre-line" lang="mn">Хугацааг сунгах/);
    expect(answered).toMatch(/<p class="pre-line" lang="mn">Хугацааг 45 хоног болгоно\.<\/p>/);
    expect((await en.get(commentPath(own, english.id))).body).toMatch(/<blockquote class="quote pre-line">The deadline/);
  });

  it('show the article text, its comments with answers and the paragraph they are on', async () => {
    const page = await new WebClient(t.app).get(`/consultations/${id}/articles/${art8}`);
    expect(page.body).toContain('8 дугаар зүйл');
    expect(page.body).toContain('45 хоногоос доошгүй');
    expect(page.body).toContain('Хүлээн авсан');
    expect(page.body).toContain('8.2 дахь хэсэг');
    expect(page.body).toContain(w.cso.slug === '' ? '' : 'Нээлттэй нийгэм форум');
    expect(page.body).toContain('rel="next"');
  });
});

describe('open data', () => {
  it('describes consultations, versions, comments and the report as JSON without personal data', async () => {
    const client = new WebClient(t.app);
    const list = await client.get('/api/consultations');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.some((c: { id: number }) => c.id === id)).toBe(true);
    const one = (await client.get(`/api/consultations/${id}`)).json();
    expect(one.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(one.articles).toHaveLength(21);
    expect(one.figures.comments).toBe(26);
    const text = (await client.get(`/api/consultations/${id}/versions/1`)).json();
    expect(text.elements.filter((e: { kind: string }) => e.kind === 'article')).toHaveLength(20);
    const comments = await client.get(`/api/consultations/${id}/comments?limit=5`);
    const body = comments.json();
    expect(body.items).toHaveLength(5);
    expect(body.next).toContain('after=');
    expect(JSON.stringify(body)).not.toMatch(/author|email|display_?name/i);
    expect(body.items[0].by).toEqual({ organisation: w.cso.slug, name: expect.any(Object) });
    expect(body.items[1].by).toBe('citizen');
    const onArticle = (await client.get(`/api/consultations/${id}/comments?article=${art8}`)).json();
    expect(onArticle.items.length).toBeGreaterThan(0);
    expect(onArticle.items.every((c: { article_unit: number }) => c.article_unit === art8)).toBe(true);
    // An article this consultation does not have: 404 with the reason in both languages, not an empty list.
    for (const article of ['999999', '9999999999']) {
      const unknown = await client.get(`/api/consultations/${id}/comments?article=${article}`);
      expect(unknown.statusCode, article).toBe(404);
      expect(unknown.json().error.messages).toEqual({ mn: 'Төслийн одоогийн хувилбарт ийм зүйл, хэсэг алга.', en: 'The current version of the draft has no such article or paragraph.' });
    }
    const report = (await client.get(`/api/consultations/${id}/report`)).json();
    expect(report.figures).toMatchObject({ comments: 26, accepted: 10, from_organisations: 5, from_hearings: 1 });
    expect(report.by_aimag.find((a: { aimag: string }) => a.aimag === '65').comments).toBe(16);
    const openapi = (await client.get('/api/openapi.json')).json();
    expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining(['/api/consultations', '/api/consultations/{id}', '/api/consultations/{id}/comments', '/api/consultations/{id}/report', '/consultations/{id}/report.csv']));
  });

  it('says what a version changed and which comments each change answers, as JSON linked from the changes page', async () => {
    const client = new WebClient(t.app);
    const page = await client.get(`/consultations/${id}/versions/2/changes`);
    expect(page.body).toContain(`href="/api/consultations/${id}/versions/2/changes"`);
    const res = await client.get(`/api/consultations/${id}/versions/2/changes`);
    expect(res.statusCode).toBe(200);
    const changes = res.json();
    expect(changes).toMatchObject({ consultation: id, number: 2, previous: 1, change_note: expect.stringContaining('8 дугаар зүйл') });
    expect(changes.summary).toMatchObject({ added: 1, removed: 0 });
    expect(changes.changes.some((c: { status: string }) => c.status === 'unchanged')).toBe(false);
    const article8 = changes.changes.find((c: { unit: number }) => c.unit === art8);
    expect(article8).toMatchObject({ status: 'changed', before: { kind: 'article', number: '8' }, after: { kind: 'article', number: '8' } });
    // The diff is the whole text: same + added parts give the new one.
    const joined = article8.diff
      .filter((d: { op: string }) => d.op !== 'removed')
      .map((d: { text: string }) => d.text)
      .join('');
    expect(joined).toBe(article8.after.text);
    // The ten accepted comments on article 8 and its paragraph are what this change answers.
    expect(article8.comments.map((c: { id: number }) => c.id)).toEqual(commentIds.slice(0, 10));
    expect(article8.comments[0]).toEqual({ id: commentIds[0], url: expect.stringContaining(`/consultations/${id}/comments/${commentIds[0]}`), answer: 'accepted' });
    expect(changes.changes.find((c: { status: string }) => c.status === 'added').after.kind).toBe('article');
    // Version 1 changed nothing; unknown versions are not found.
    for (const path of [`/api/consultations/${id}/versions/1/changes`, `/api/consultations/${id}/versions/9/changes`]) {
      const missing = await client.get(path);
      expect(missing.statusCode, path).toBe(404);
      expect(missing.json().error.messages.en).toBeTruthy();
    }
    const openapi = (await client.get('/api/openapi.json')).json();
    expect(openapi.paths['/api/consultations/{id}/versions/{version}/changes'].get.tags).toEqual(['consultations']);
  });

  it('offers CSV downloads with a byte-order mark', async () => {
    const client = new WebClient(t.app);
    for (const path of ['/consultations.csv', `/consultations/${id}/comments.csv`, `/consultations/${id}/report.csv`, `/consultations/${id}/report-totals.csv`, `/consultations/${id}/versions/2/text.csv`]) {
      const csv = await client.get(path);
      expect(csv.statusCode, path).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body.startsWith('\uFEFF'), path).toBe(true);
      expect(csv.body).not.toContain(w.citizen.email);
    }
    const report = (await client.get(`/consultations/${id}/report.csv`)).body.split('\r\n');
    expect(report[0]).toBe('\uFEFFarticle_number,article_heading,article_removed,comment_id,on,version,published_at,by,organisation,channel,text,supports,answer,answer_reason,answered_at,answered_on_time');
    expect(report.filter((l) => l.includes(',accepted,'))).toHaveLength(10);
  });
});
