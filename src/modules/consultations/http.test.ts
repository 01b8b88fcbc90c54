import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { articleUnit, buildConsultation, consultationWorld, draftLaw, ubDay, type ConsultationWorld } from '../../../test/support/consultation-factories.js';
import { grantPlatformRole, signIn, type BuiltAccount } from '../../../test/support/factories.js';
import { submitComment } from './commands/comments.js';
import type { CommandContext } from './commands/common.js';

/**
 * The consultation pages over HTTP as a browser without JavaScript uses them: staff
 * import, check and publish a draft; people comment; every refusal is a 4xx page that
 * says why, keeps what was typed and writes nothing; every role sees only what it may.
 */
let t: TestApp;
let w: ConsultationWorld;
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl });

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t.db);
});
afterAll(async () => t.close());

async function client(account?: BuiltAccount, lang: 'mn' | 'en' = 'mn'): Promise<WebClient> {
  const c = new WebClient(t.app);
  c.setCookie('lang', lang);
  if (account) await signIn(c, account.email);
  return c;
}

async function count(table: 'consultation' | 'consultation_comment' | 'consultation_answer' | 'consultation_element' | 'public_event'): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function summary(html: string): string {
  return (html.match(/<div class="error-summary"[\s\S]*?<\/div>/) ?? [''])[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

const form = (overrides: Record<string, string> = {}) => ({
  body: String(w.ministry.id),
  kind: 'law',
  title_mn: 'Шийдвэр гаргах үйл ажиллагаанд олон нийтийг оролцуулах тухай хуулийн төсөл',
  title_en: 'Draft Law on Public Participation in Decision-Making',
  note: 'Иргэдийн саналыг авч, хариу өгөх журмыг тогтооно.',
  opens_on: ubDay(t.clock.now()),
  closes_on: ubDay(t.clock.now(), 30),
  answer_days: '30',
  text: draftLaw(1),
  ...overrides,
});

describe('staff import, check and publish a draft', () => {
  it('creates it from the pasted law text, shows its structure, and publishes it', async () => {
    const staff = await client(w.staff);
    await staff.get('/consultations/new');
    const created = await staff.post('/consultations/new', form());
    expect(created.statusCode).toBe(303);
    const manage = await staff.follow(created);
    expect(manage.body).toContain('Хэлэлцүүлэг үүслээ');
    expect(manage.body).toContain('Төсөл 20 зүйлтэй');
    const id = Number(/\/consultations\/(\d+)\/manage/.exec(created.headers.location as string)![1]);
    // Not public before publication.
    expect((await (await client()).get(`/consultations/${id}`)).statusCode).toBe(404);
    expect((await (await client(w.citizen)).get(`/api/consultations/${id}`)).statusCode).toBe(404);
    // Staff fix a typo in one paragraph.
    const edit = await staff.get(`/consultations/${id}/versions/1/edit`);
    expect(edit.body).toContain('8 дугаар зүйл.Хэлэлцүүлгийн хугацаа');
    const element = await t.db
      .selectFrom('consultation_element as e')
      .innerJoin('consultation_version as v', 'v.id', 'e.version_id')
      .where('v.consultation_id', '=', id)
      .where('e.number', '=', '8.1')
      .select('e.id')
      .executeTakeFirstOrThrow();
    await staff.get(`/consultations/${id}/elements/${element.id}/edit`);
    expect((await staff.post(`/consultations/${id}/elements/${element.id}/edit`, { heading: '', body: '' })).statusCode).toBe(400);
    expect((await staff.post(`/consultations/${id}/elements/${element.id}/edit`, { heading: '', body: 'Хэлэлцүүлгийн хугацаа 30 хоногоос доошгүй байна.' })).statusCode).toBe(303);
    await staff.get(`/consultations/${id}/manage`);
    const published = await staff.post(`/consultations/${id}/publish`);
    expect(published.statusCode).toBe(303);
    expect((await staff.follow(published)).body).toContain('Хэлэлцүүлэг нийтлэгдлээ');
    expect((await (await client()).get(`/consultations/${id}`)).statusCode).toBe(200);
    // Published text is frozen: the draft's editing pages are gone.
    expect((await staff.get(`/consultations/${id}/versions/1/edit`)).statusCode).toBe(409);
  });

  it('refuses a malformed import with each bad line, keeping the text and writing nothing', async () => {
    const staff = await client(w.staff);
    await staff.get('/consultations/new');
    const before = await count('consultation');
    const bad = '1 дүгээр зүйл.Зорилт\n1.1.Текст\n3 дугаар зүйл.Хүрээ\n2 дугаар зүйл.Буцсан\n2 дугаар зүйл.Давхар';
    const refused = await staff.post('/consultations/new', form({ text: bad, title_mn: '', closes_on: '2026-02-30' }));
    expect(refused.statusCode).toBe(400);
    const errors = summary(refused.body);
    expect(errors).toContain('Нэр (монголоор) оруулна уу');
    expect(errors).toContain('Санал авах сүүлийн өдөр огноо буруу байна');
    expect(errors).toContain('4-р мөр: 2 дүгээр/дугаар зүйл 3 дүгээр/дугаар зүйлийн дараа байна');
    expect(errors).toContain('5-р мөр: 2 дүгээр/дугаар зүйл давхардсан');
    expect(refused.body).toContain('2 дугаар зүйл.Буцсан');
    expect(await count('consultation')).toBe(before);
    // The same in English, for the same refusal.
    const english = await client(w.staff, 'en');
    await english.get('/consultations/new');
    const refusedEn = await english.post('/consultations/new', form({ text: 'Just words, no articles.' }));
    expect(refusedEn.statusCode).toBe(400);
    expect(summary(refusedEn.body)).toContain('No article was found in the text');
    // Dates and days are checked too.
    await staff.get('/consultations/new');
    const dates = await staff.post('/consultations/new', form({ opens_on: ubDay(t.clock.now(), 5), closes_on: ubDay(t.clock.now(), 2), answer_days: '0' }));
    expect(dates.statusCode).toBe(400);
    expect(summary(dates.body)).toContain('эхлэх өдрөөс хойш');
    expect(summary(dates.body)).toContain('1-ээс 180 хоногийн хооронд');
  });

  it('refuses to finish while the period runs and while a comment is unanswered, saying how many', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    await submitComment(t.db, id, { unitId: null, text: 'Ерөнхий санал', organisationId: null, placeCode: null }, { accountId: w.citizen.id }, ctx());
    let staff = await client(w.bodyAdmin);
    await staff.get(`/consultations/${id}/manage`);
    const early = await staff.post(`/consultations/${id}/finish`);
    expect(early.statusCode).toBe(409);
    expect(summary(early.body)).toContain('Санал авах хугацаа дуусаагүй байна');
    t.clock.advanceDays(31);
    try {
      // Sessions lapse after two weeks idle: sign in again a month later.
      staff = await client(w.bodyAdmin);
      await staff.get(`/consultations/${id}/manage`);
      const refused = await staff.post(`/consultations/${id}/finish`);
      expect(refused.statusCode).toBe(409);
      expect(summary(refused.body)).toContain('1 санал хариугүй байгаа тул хэлэлцүүлгийг дуусгах боломжгүй');
      const events = await count('public_event');
      expect((await staff.post(`/consultations/${id}/finish`)).statusCode).toBe(409);
      expect(await count('public_event')).toBe(events);
    } finally {
      t.clock.advanceDays(-31);
    }
  });
});

describe('people comment', () => {
  it('publishes a comment on a paragraph and shows it on the article page', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const art5 = await articleUnit(t.db, id, '5');
    const par51 = await articleUnit(t.db, id, '5.1', 'paragraph');
    const citizen = await client(w.citizen);
    const page = await citizen.get(`/consultations/${id}/articles/${art5}`);
    expect(page.body).toContain('5.1 дахь хэсэг');
    const sent = await citizen.post(`/consultations/${id}/comments`, { unit: String(par51), text: 'Зарчимд «хүртээмжтэй байх»-ыг нэмнэ үү.', place: '65', return_to: `/consultations/${id}/articles/${art5}` });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toMatch(new RegExp(`/consultations/${id}/articles/${art5}\\?done=comment_published#comment-\\d+`));
    const after = await citizen.follow(sent);
    expect(after.body).toContain('Таны санал нийтлэгдлээ');
    expect(after.body).toContain('Зарчимд «хүртээмжтэй байх»-ыг нэмнэ үү.');
    expect(after.body).toContain('Таны санал');
  });

  it('lets a CSO member comment for their organisation, shown as the organisation', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const member = await client(w.csoMember);
    await member.get(`/consultations/${id}/general`);
    const sent = await member.post(`/consultations/${id}/comments`, { text: 'Манай байгууллага төслийг бүхэлд нь дэмжиж байна.', on_behalf: String(w.cso.id), return_to: `/consultations/${id}/general` });
    expect(sent.statusCode).toBe(303);
    const page = await (await client()).get(`/consultations/${id}/general`);
    expect(page.body).toContain('Нээлттэй нийгэм форум');
    expect(page.body).not.toContain(w.csoMember.displayName);
  });

  it('refuses bad comments with a reason in the page’s language, keeping the words and writing nothing', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const other = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const art5 = await articleUnit(t.db, id, '5');
    const foreignUnit = await articleUnit(t.db, other.id, '5');
    const citizen = await client(w.citizen);
    await citizen.get(`/consultations/${id}/articles/${art5}`);
    const before = await count('consultation_comment');
    const back = `/consultations/${id}/articles/${art5}`;

    const empty = await citizen.post(`/consultations/${id}/comments`, { unit: String(art5), text: '   ', return_to: back });
    expect(empty.statusCode).toBe(400);
    expect(summary(empty.body)).toContain('Санал оруулна уу');

    const long = 'ү'.repeat(5001);
    const overlong = await citizen.post(`/consultations/${id}/comments`, { unit: String(art5), text: long, return_to: back });
    expect(overlong.statusCode).toBe(400);
    expect(summary(overlong.body)).toContain('5000 тэмдэгтээс хэтрэхгүй');
    expect(overlong.body).toContain(long);

    const unknown = await citizen.post(`/consultations/${id}/comments`, { unit: String(foreignUnit), text: 'Өөр төслийн зүйл', return_to: back });
    expect(unknown.statusCode).toBe(400);
    expect(summary(unknown.body)).toContain('ийм зүйл, хэсэг алга');

    const garbage = await citizen.post(`/consultations/${id}/comments`, { unit: 'abc', text: 'Санал', place: '9999', return_to: back });
    expect(garbage.statusCode).toBe(400);

    const english = await client(w.citizen, 'en');
    await english.get(back);
    const emptyEn = await english.post(`/consultations/${id}/comments`, { unit: String(art5), text: '', return_to: back });
    expect(summary(emptyEn.body)).toContain('Enter your comment');

    expect(await count('consultation_comment')).toBe(before);

    // Twice the same words: refused the second time.
    expect((await citizen.post(`/consultations/${id}/comments`, { unit: String(art5), text: 'Нэг удаа', return_to: back })).statusCode).toBe(303);
    await citizen.get(back);
    const twice = await citizen.post(`/consultations/${id}/comments`, { unit: String(art5), text: 'Нэг удаа', return_to: back });
    expect(twice.statusCode).toBe(409);
    expect(summary(twice.body)).toContain('яг ийм саналыг аль хэдийн');
  });

  it('refuses comments once the period is over', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id, closesOn: ubDay(t.clock.now(), 1) });
    const citizen = await client(w.citizen);
    await citizen.get(`/consultations/${id}/general`);
    t.clock.advanceDays(3);
    try {
      const before = await count('consultation_comment');
      const late = await citizen.post(`/consultations/${id}/comments`, { text: 'Хоцорсон санал', return_to: `/consultations/${id}/general` });
      expect(late.statusCode).toBe(409);
      expect(summary(late.body)).toContain('Санал авах хугацаа дууссан');
      expect(await count('consultation_comment')).toBe(before);
      expect((await citizen.get(`/consultations/${id}/general`)).body).not.toContain('name="text"');
    } finally {
      t.clock.advanceDays(-3);
    }
  });
});

describe('denials', () => {
  it('sends anonymous people to sign in, and refuses their posts', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const anon = await client();
    for (const path of ['/consultations/new', `/consultations/${id}/manage`, `/consultations/${id}/answers`, '/consultations/moderation', '/consultations/manage']) {
      const page = await anon.get(path);
      expect(page.statusCode, path).toBe(303);
      expect(page.headers.location).toContain('/account/sign-in');
    }
    // A page with a form gives the browser its CSRF token; the post is still refused for want of an account.
    await anon.get('/account/sign-in');
    const before = await count('consultation_comment');
    const posted = await anon.post(`/consultations/${id}/comments`, { text: 'Нэргүй санал' });
    expect(posted.statusCode).toBe(401);
    expect(await count('consultation_comment')).toBe(before);
    await anon.get('/account/sign-in');
    expect((await anon.post(`/consultations/${id}/finish`)).statusCode).toBe(401);
  });

  it('refuses comments and supports from an account whose email is not confirmed', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const c = await submitComment(t.db, id, { unitId: null, text: 'Санал', organisationId: null, placeCode: null }, { accountId: w.citizen.id }, ctx());
    const unverified = await client(w.unverified);
    const page = await unverified.get(`/consultations/${id}/general`);
    expect(page.body).toContain('имэйл хаягаа баталгаажуулна уу');
    expect((await unverified.post(`/consultations/${id}/comments`, { text: 'Санал' })).statusCode).toBe(403);
    expect((await unverified.post(`/consultations/${id}/comments/${c.id}/support`, {})).statusCode).toBe(403);
    expect((await unverified.post(`/consultations/${id}/follow`, {})).statusCode).toBe(403);
  });

  it('keeps the body’s pages from citizens, staff of another body and CSO members', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    for (const account of [w.citizen, w.otherStaff, w.csoMember]) {
      const c = await client(account);
      for (const path of [`/consultations/${id}/manage`, `/consultations/${id}/answers`, `/consultations/${id}/hearings/new`]) expect((await c.get(path)).statusCode, path).toBe(403);
      await c.get(`/consultations/${id}`);
      expect((await c.post(`/consultations/${id}/finish`)).statusCode).toBe(403);
      expect((await c.post(`/consultations/${id}/answers`, { comments: '1', category: 'accepted', reason: 'Хүлээн авлаа, баярлалаа.' })).statusCode).toBe(403);
      expect((await c.get('/consultations/moderation')).statusCode).toBe(403);
    }
    // Staff of another body cannot start a consultation in this body's name.
    const other = await client(w.otherStaff);
    await other.get('/consultations/new');
    const before = await count('consultation');
    expect((await other.post('/consultations/new', form())).statusCode).toBe(403);
    expect(await count('consultation')).toBe(before);
    // A citizen cannot start one at all.
    const citizen = await client(w.citizen);
    expect((await citizen.get('/consultations/new')).statusCode).toBe(403);
  });

  it('refuses a CSO member commenting for an organisation they do not belong to', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const member = await client(w.csoMember);
    await member.get(`/consultations/${id}/general`);
    const before = await count('consultation_comment');
    expect((await member.post(`/consultations/${id}/comments`, { text: 'Бусдын нэрээр', on_behalf: String(w.otherCso.id) })).statusCode).toBe(403);
    const citizen = await client(w.citizen);
    await citizen.get(`/consultations/${id}/general`);
    expect((await citizen.post(`/consultations/${id}/comments`, { text: 'Байгууллагын нэрээр', on_behalf: String(w.cso.id) })).statusCode).toBe(403);
    expect(await count('consultation_comment')).toBe(before);
  });

  it('lets platform admins run any body’s consultation', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const admin = await (await import('../../../test/support/factories.js')).buildAccount(t.db);
    await grantPlatformRole(t.db, admin.id, 'platform_admin');
    const c = await client(admin);
    expect((await c.get(`/consultations/${id}/manage`)).statusCode).toBe(200);
    expect((await c.get(`/consultations/${id}/answers`)).statusCode).toBe(200);
  });
});

describe('answers', () => {
  it('answers several comments at once, and refuses an answer without a reason', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const ids: number[] = [];
    for (const text of ['Хугацааг уртасгаарай.', 'Хугацаа богино байна.', 'Өөр санал.']) ids.push((await submitComment(t.db, id, { unitId: null, text, organisationId: null, placeCode: null }, { accountId: w.citizen.id }, ctx())).id);
    const staff = await client(w.staff);
    const queue = await staff.get(`/consultations/${id}/answers?select=all`);
    expect(queue.body.match(/type="checkbox"[^>]*checked/g)).toHaveLength(3);
    const before = await count('consultation_answer');
    const noReason = await staff.post(`/consultations/${id}/answers`, { comments: [String(ids[0]), String(ids[1])], category: 'accepted', reason: '', return_query: 'status=unanswered' });
    expect(noReason.statusCode).toBe(400);
    expect(summary(noReason.body)).toContain('Үндэслэл оруулна уу');
    // What was ticked stays ticked.
    expect(noReason.body.match(/type="checkbox"[^>]*checked/g)).toHaveLength(2);
    const nothing = await staff.post(`/consultations/${id}/answers`, { category: 'accepted', reason: 'Хугацааг 45 хоног болгоно.' });
    expect(nothing.statusCode).toBe(400);
    expect(summary(nothing.body)).toContain('Хариу өгөх саналаа сонгоно уу');
    const noCategory = await staff.post(`/consultations/${id}/answers`, { comments: String(ids[0]), reason: 'Хугацааг 45 хоног болгоно.' });
    expect(noCategory.statusCode).toBe(400);
    expect(await count('consultation_answer')).toBe(before);
    const bulk = await staff.post(`/consultations/${id}/answers`, { comments: [String(ids[0]), String(ids[1])], category: 'accepted', reason: 'Хугацааг 45 хоног болгоно.', return_query: 'status=unanswered' });
    expect(bulk.statusCode).toBe(303);
    const after = await staff.follow(bulk);
    expect(after.body).toContain('Хариу өгөгдлөө');
    expect(after.body.match(/type="checkbox"/g)).toHaveLength(1);
    expect(await count('consultation_answer')).toBe(before + 1);
    const answered = await t.db.selectFrom('consultation_comment').where('id', 'in', ids).select(['id', 'answer_id']).orderBy('id').execute();
    expect(answered[0]!.answer_id).toBe(answered[1]!.answer_id);
    expect(answered[2]!.answer_id).toBeNull();
    // A refusal still says why when its comments left the list meanwhile (the queue shows unanswered ones, none left).
    expect((await staff.post(`/consultations/${id}/answers`, { comments: String(ids[2]), category: 'not_accepted', reason: 'Төслийн зорилготой нийцэхгүй.' })).statusCode).toBe(303);
    const gone = await staff.post(`/consultations/${id}/answers`, { comments: String(ids[0]), category: 'accepted', reason: 'Нет', return_query: 'status=unanswered' });
    expect(gone.statusCode).toBe(400);
    expect(gone.body).toContain('Энд санал алга.');
    expect(summary(gone.body)).toContain('дор хаяж 10 тэмдэгт');
  });
  it('drops NUL characters from staff texts instead of failing (answer reason, hearing, minutes)', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const comment = await submitComment(t.db, id, { unitId: null, text: 'Хугацааг уртасгаарай.', organisationId: null, placeCode: null }, { accountId: w.citizen.id }, ctx());
    const staff = await client(w.staff);
    const answer = await staff.post(`/consultations/${id}/answers`, { comments: String(comment.id), category: 'accepted', reason: 'Хугацааг\u0000 45 хоног болгоно.' });
    expect(answer.statusCode).toBe(303);
    const saved = await t.db.selectFrom('consultation_answer').where('consultation_id', '=', id).select('reason').executeTakeFirstOrThrow();
    expect(saved.reason).toBe('Хугацааг 45 хоног болгоно.');
    // Nothing but NUL is nothing: the reason is required.
    const onlyNul = await staff.post(`/consultations/${id}/answers`, { comments: String(comment.id), category: 'accepted', reason: '\u0000\u0000', return_query: 'status=all' });
    expect(onlyNul.statusCode).toBe(400);
    expect(summary(onlyNul.body)).toContain('Үндэслэл оруулна уу');
    const hearing = await staff.post(`/consultations/${id}/hearings/new`, { day: ubDay(t.clock.now(), -1), time: '10:00', place: 'Төрийн\u0000 ордон', how_to_join: 'Бүртгэлгүй\u0000' });
    expect(hearing.statusCode).toBe(303);
    const row = await t.db.selectFrom('consultation_hearing').where('consultation_id', '=', id).select(['id', 'place', 'how_to_join']).executeTakeFirstOrThrow();
    expect([row.place, row.how_to_join]).toEqual(['Төрийн ордон', 'Бүртгэлгүй']);
    const minutes = await staff.post(`/consultations/${id}/hearings/${row.id}/minutes`, { minutes: 'Сонсголд\u0000 40 хүн оролцов.' });
    expect(minutes.statusCode).toBe(303);
  });
});
