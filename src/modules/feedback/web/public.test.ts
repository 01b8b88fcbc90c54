import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { WebClient } from '../../../../test/support/client.js';
import { buildAccount, signIn } from '../../../../test/support/factories.js';
import { buildFeedback, createStaffMember, feedbackWorld } from '../../../../test/support/feedback-factories.js';
import { processImages } from '../attachments.js';
import type { CommandContext } from '../commands/common.js';
import { answerFeedback, extendDeadline, forwardFeedback } from '../commands/handle.js';
import { publishFeedback, withholdFeedback } from '../commands/moderate.js';
import { rateAnswer, reopenFeedback } from '../commands/submitter.js';
import { jpeg } from './testing.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let staff: { accountId: number };
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

/** Words that only the submitter wrote or gave: none may appear on a public page. */
const SECRET = {
  title: 'Нууцгарчиг Бат-Эрдэнэ',
  description: 'Нууцтайлбар манай хаалганы дугаар 12',
  name: 'Цэцэгмаа',
  email: 'tsetsegmaa.secret@example.mn',
  phone: '99887766',
  reopen: 'Нууцшалтгаан хөршийн нэр',
};

async function file(publication: 'private' | 'pending' | 'published' | 'withheld', extra: { placeCode?: string } = {}) {
  const sent = await buildFeedback(t.db, ctx(), {
    categoryCode: world.category.code,
    title: SECRET.title,
    description: SECRET.description,
    wantsPublic: publication !== 'private',
    placeCode: extra.placeCode ?? '111059',
    contact: { name: SECRET.name, email: SECRET.email, phone: SECRET.phone },
    images: await processImages([{ filename: 'a.jpg', mimetype: 'image/jpeg', data: await jpeg() }]),
  });
  if (publication === 'published' || publication === 'withheld') {
    await publishFeedback(t.db, sent.code, { title: 'Хогийн савны асуудал', summary: 'Байрны хогийн савыг удаан ачаагүй.' }, staff.accountId, ctx());
  }
  if (publication === 'withheld') await withholdFeedback(t.db, sent.code, 'Хувийн мэдээлэл их', staff.accountId, ctx());
  await forwardFeedback(t.db, sent.code, world.capital.id, 'Нийслэлийн хэмжээний ажил', staff, ctx());
  const capitalStaff = await createStaffMember(t.db, world.capital.id);
  await extendDeadline(t.db, sent.code, 10, 'Газар дээр шалгана', capitalStaff, ctx());
  await answerFeedback(t.db, sent.code, { resolution: 'resolved', text: 'Хогийг ачиж, хуваарийг шинэчиллээ.' }, capitalStaff, ctx());
  await rateAnswer(t.db, sent.code, 'unsatisfied', ctx());
  await reopenFeedback(t.db, sent.code, SECRET.reopen, ctx());
  return sent;
}

function expectNoSecrets(text: string, label: string, options: { published?: boolean } = {}) {
  for (const [what, secret] of Object.entries(SECRET)) expect(text, `${label} leaks the ${what}`).not.toContain(secret);
  // The bagh or khoroo shows only once a moderator has published the item.
  if (!options.published) expect(text, `${label} leaks the bagh`).not.toContain('111059');
}

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
  staff = await createStaffMember(t.db, world.district.id);
});
afterAll(async () => t.close());

describe('tracking by code', () => {
  it('goes from a code, typed any way, to the item page', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    const client = new WebClient(t.app);
    expect((await client.get('/track')).statusCode).toBe(200);
    for (const typed of [sent.code, `${sent.code.slice(0, 4)}-${sent.code.slice(4)}`.toLowerCase(), ` ${sent.code.slice(0, 4)} ${sent.code.slice(4)} `]) {
      const response = await client.get(`/track?code=${encodeURIComponent(typed)}`);
      expect(response.statusCode, typed).toBe(303);
      expect(response.headers.location).toBe(`/feedback/${sent.code}`);
    }
    // A lower-case address is sent to the canonical one.
    const lower = await client.get(`/feedback/${sent.code.toLowerCase()}`);
    expect(lower.statusCode).toBe(301);
    expect(lower.headers.location).toBe(`/feedback/${sent.code}`);
  });

  it('explains a malformed code (400) and an unknown one (404) in the page language', async () => {
    const client = new WebClient(t.app);
    const bad = await client.get('/track?code=OOO');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Хянах код 8 тэмдэгттэй');
    expect(bad.body).toContain('0, O, 1, I, L, 2, Z, 5, S, 8, B тэмдэгт ордоггүй');
    expect(bad.body).toContain('value="OOO"');
    const unknown = await client.get('/track?code=AAAA-AAAA');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Ийм кодтой санал, гомдол олдсонгүй');
    client.setCookie('lang', 'en');
    expect((await client.get('/track?code=OOO')).body).toContain('A tracking code has 8 characters');
    // Eight characters, but with a letter codes never use: the message says which ones they leave out.
    const misread = await client.get('/track?code=K7M4-TRXO');
    expect(misread.statusCode).toBe(400);
    expect(misread.body).toContain('never contains 0, O, 1, I, L, 2, Z, 5, S, 8 or B');
    expect((await client.get('/track?code=AAAAAAAA')).body).toContain('No feedback has this code');
    expect((await client.get('/feedback/AAAAAAAA')).statusCode).toBe(404);
    expect((await client.get('/feedback/not-a-code-at-all')).statusCode).toBe(404);
    expect((await client.get(`/track?code=${'x'.repeat(5000)}`)).statusCode).toBe(400);
  });
});

describe('privacy of the item page, its JSON twin and photos', () => {
  for (const publication of ['private', 'pending', 'withheld'] as const) {
    it(`shows only status information for a ${publication} item`, async () => {
      const sent = await file(publication);
      const client = new WebClient(t.app);
      const page = await client.get(`/feedback/${sent.code}`);
      expect(page.statusCode).toBe(200);
      expectNoSecrets(page.body, 'the page');
      expect(page.body).not.toContain('Хогийн савны асуудал');
      expect(page.body).not.toContain('Хогийг ачиж');
      expect(page.body).not.toContain('Газар дээр шалгана');
      expect(page.body).not.toContain('Нийслэлийн хэмжээний ажил');
      expect(page.body).not.toContain('/photos/');
      expect(page.body).toContain('Хүлээн авсан');
      expect(page.body).toContain('Баянзүрх');
      expect(page.body).toContain(world.capital.name_mn);
      const json = await client.get(`/api/feedback/${sent.code}`);
      expect(json.statusCode).toBe(200);
      expectNoSecrets(json.body, 'the JSON');
      const data = json.json();
      expect(data).toMatchObject({ code: sent.code, publication, title: null, summary: null, answer: null, extension_reason: null, photos: [] });
      expect(data.place.code).toBe('1110');
      expect(data.history.every((h: { text: string | null }) => h.text === null)).toBe(true);
      const photoId = (await t.db.selectFrom('feedback_attachment').innerJoin('feedback_item', 'feedback_item.id', 'feedback_attachment.item_id').select('feedback_attachment.id').where('code', '=', sent.code).executeTakeFirstOrThrow()).id;
      expect((await client.get(`/feedback/${sent.code}/photos/${photoId}`)).statusCode).toBe(404);
    });
  }

  it('shows the moderated summary, the answer, reasons and photos of a published item, but never the sender', async () => {
    const sent = await file('published');
    const client = new WebClient(t.app);
    const page = await client.get(`/feedback/${sent.code}`);
    expectNoSecrets(page.body, 'the page', { published: true });
    expect(page.body).toContain('Хогийн савны асуудал');
    expect(page.body).toContain('Байрны хогийн савыг удаан ачаагүй.');
    expect(page.body).toContain('Газар дээр шалгана');
    expect(page.body).toContain('Нийслэлийн хэмжээний ажил');
    expect(page.body).toContain('Илгээгч дахин нээлээ');
    expect(page.body).toMatch(/2026 оны 4 сарын \d+ хүртэл сунгасан/);
    // The answer given before the reopening stays in the public history.
    expect(page.body).toContain('Хогийг ачиж, хуваарийг шинэчиллээ.');
    expect(page.body).toContain('href="/bodies/');
    expect(page.body).toContain('href="/places/111059"');
    const photo = page.body.match(/src="(\/feedback\/[A-Z0-9]+\/photos\/\d+)"/)![1]!;
    const bytes = await client.get(photo);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.headers['content-type']).toBe('image/jpeg');
    const json = (await client.get(`/api/feedback/${sent.code}`)).json();
    expectNoSecrets(JSON.stringify(json), 'the JSON', { published: true });
    expect(json).toMatchObject({ title: 'Хогийн савны асуудал', publication: 'published', extension_reason: 'Газар дээр шалгана' });
    expect(json.place.code).toBe('111059');
    expect(json.photos).toHaveLength(1);
    expect(json.history.map((h: { type: string }) => h.type)).toEqual(['received', 'published', 'forwarded', 'extended', 'answered', 'rated', 'reopened']);
    // After a withhold the text and photos go again.
    await withholdFeedback(t.db, sent.code, 'Дахин шалгахад хувийн мэдээлэл илэрсэн', staff.accountId, ctx());
    expect((await client.get(photo)).statusCode).toBe(404);
    expect((await client.get(`/feedback/${sent.code}`)).body).not.toContain('Хогийн савны асуудал');
  });

  it('marks people’s Mongolian text with lang="mn" on English pages (WCAG 3.1.2), and not on Mongolian ones', async () => {
    const sent = await file('published');
    const client = new WebClient(t.app);
    const mn = await client.get(`/feedback/${sent.code}`);
    expect(mn.body).toContain('<h1>Хогийн савны асуудал</h1>');
    expect(mn.body.slice(mn.body.indexOf('<main'))).not.toContain('lang="mn"');
    client.setCookie('lang', 'en');
    const en = (await client.get(`/feedback/${sent.code}`)).body;
    expect(en).toContain('<h1 lang="mn">Хогийн савны асуудал</h1>');
    expect(en).toMatch(/<p class="pre-line" lang="mn">Байрны хогийн савыг удаан ачаагүй\.<\/p>/);
    expect(en).toMatch(/lang="mn">Хогийг ачиж, хуваарийг шинэчиллээ\.<\/p>/);
    expect(en).toContain('Reason: <span lang="mn">Газар дээр шалгана</span>');
    expect(en).toContain('Reason: <span lang="mn">Нийслэлийн хэмжээний ажил</span>');
    // Every Cyrillic word people wrote sits inside an element marked Mongolian.
    const main = en.slice(en.indexOf('<main'), en.indexOf('</main>'));
    const unmarked = main.replace(/<(\w+)[^>]*lang="mn"[^>]*>.*?<\/\1>/gs, '').replace(/<[^>]+>/g, ' ');
    expect(unmarked).not.toMatch(/\p{Script=Cyrillic}/u);
    const list = (await client.get(`/feedback?q=${encodeURIComponent('Хогийн')}`)).body;
    expect(list).toContain(`<a href="/feedback/${sent.code}" lang="mn">Хогийн савны асуудал</a>`);
  });

  it('shows deadlines: days left, then an overdue tag, and the answer on time or late', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    const client = new WebClient(t.app);
    expect((await client.get(`/feedback/${sent.code}`)).body).toContain('30 хоног үлдсэн');
    t.clock.set('2026-04-05T01:00:00Z');
    try {
      const late = await client.get(`/feedback/${sent.code}`);
      expect(late.body).toContain('tag-overdue');
      expect(late.body).toContain('4 хоног хэтэрсэн');
      expect((await client.get(`/api/feedback/${sent.code}`)).json().deadline).toMatchObject({ overdue: true, days_left: -4 });
      client.setCookie('lang', 'en');
      expect((await client.get(`/feedback/${sent.code}`)).body).toContain('4 days overdue');
      await answerFeedback(t.db, sent.code, { resolution: 'rejected', text: 'Манай чиг үүрэгт хамаарахгүй асуудал.' }, staff, ctx());
      const answered = await client.get(`/feedback/${sent.code}`);
      expect(answered.body).toContain('Answered late');
      expect(answered.body).not.toContain('tag-overdue">Overdue');
    } finally {
      t.clock.set('2026-03-02T01:00:00Z');
    }
  });

  it('offers the signed-in submitter their page, and nobody else', async () => {
    const account = await buildAccount(t.db);
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, submitterId: account.id });
    const anonymous = new WebClient(t.app);
    expect((await anonymous.get(`/feedback/${sent.code}`)).body).not.toContain(`/feedback/${sent.code}/manage`);
    const owner = new WebClient(t.app);
    await signIn(owner, account.email);
    expect((await owner.get(`/feedback/${sent.code}`)).body).toContain(`/feedback/${sent.code}/manage`);
  });

  it('documents the JSON twins in the OpenAPI description', async () => {
    const doc = (await new WebClient(t.app).get('/api/openapi.json')).json();
    expect(doc.paths['/api/feedback']?.get?.tags).toEqual(['feedback']);
    expect(doc.paths['/api/feedback/{code}']?.get?.tags).toEqual(['feedback']);
    const params = (doc.paths['/api/feedback'].get.parameters as { name: string }[]).map((p) => p.name).sort();
    expect(params).toEqual(['after', 'before', 'body', 'category', 'kind', 'limit', 'overdue', 'place', 'q', 'status']);
  });
});
