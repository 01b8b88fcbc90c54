import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { WebClient } from '../../../../test/support/client.js';
import { buildAccount, signIn } from '../../../../test/support/factories.js';
import { feedbackWorld } from '../../../../test/support/feedback-factories.js';
import { submitterKeyFor } from '../submitter-key.js';
import { draftBase, fillForm, jpeg, photo, png, postPhotos } from './testing.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
});
afterAll(async () => t.close());
beforeEach(() => t.mail.clear());

async function counts() {
  const n = async (table: 'feedback_item' | 'feedback_contact' | 'feedback_attachment' | 'feedback_event' | 'public_event') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { items: await n('feedback_item'), contacts: await n('feedback_contact'), attachments: await n('feedback_attachment'), events: await n('feedback_event'), public: await n('public_event') };
}

async function startDraft(client: WebClient): Promise<string> {
  await client.get('/feedback/new');
  const started = await client.post('/feedback/new');
  expect(started.statusCode).toBe(303);
  return draftBase(String(started.headers.location));
}

describe('the staged form without JavaScript', () => {
  it('takes a complaint with photos through every step to a code, an email and the private link', async () => {
    const client = new WebClient(t.app);
    const start = await client.get('/feedback/new');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('Санал, гомдол илгээх');
    const base = await fillForm(client, {
      category: world.category.code,
      photos: [photo(await jpeg(), 'хог.jpg'), photo(await png(), 'sav.png', 'image/png')],
      publication: 'public',
      name: 'Болормаа',
      email: 'Bolormaa@Example.mn',
      phone: '99112233',
    });
    const check = client.lastPage;
    expect(check).toContain('Илгээхээсээ өмнө шалгана уу');
    expect(check).toContain('Хогийн сав цэвэрлэгдэхгүй байна');
    expect(check).toContain('2 зураг');
    expect(check).toContain('Болормаа');
    expect(check).toContain(`${base}/details?change=1`);

    const sent = await client.post(`${base}/check`);
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${base}/sent`);
    const confirmation = await client.follow(sent);
    expect(confirmation.statusCode).toBe(200);
    const item = await t.db.selectFrom('feedback_item').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(confirmation.body).toContain(`${item.code.slice(0, 4)}-${item.code.slice(4)}`);
    expect(confirmation.body).toContain(world.district.name_mn);
    expect(confirmation.body).toContain(`/feedback/${item.code}/manage?key=${submitterKeyFor(t.secrets, item.code)}`);
    expect(confirmation.body).toContain('имэйл рүү мөн илгээлээ');
    expect(item).toMatchObject({ kind: 'complaint', channel: 'web', publication: 'pending', place_code: '111059', language: 'mn', body_id: world.district.id, submitter_id: null });
    const contact = await t.db.selectFrom('feedback_contact').selectAll().where('item_id', '=', item.id).executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ name: 'Болормаа', email: 'bolormaa@example.mn', phone: '+97699112233' });
    const attachments = await t.db.selectFrom('feedback_attachment').select(['media_type']).where('item_id', '=', item.id).orderBy('id').execute();
    expect(attachments.map((a) => a.media_type)).toEqual(['image/jpeg', 'image/png']);
    // The draft and its photos are gone: contact details do not linger.
    expect(await t.db.selectFrom('feedback_draft').select('id').where('id', '=', base.slice(-36)).executeTakeFirst()).toBeUndefined();
    expect(await t.db.selectFrom('feedback_draft_attachment').select('id').where('draft_id', '=', base.slice(-36)).executeTakeFirst()).toBeUndefined();
    await t.runJobs();
    const mail = await t.mail.waitFor('bolormaa@example.mn', /хүлээн авагдлаа/);
    expect(mail.text).toContain(`/feedback/${item.code}/manage?key=`);
  });
});

describe('each step refuses bad answers with a message and keeps what was typed', () => {
  it('kind and category: nothing chosen, a tampered kind, an unknown or inactive category', async () => {
    const client = new WebClient(t.app);
    const base = await startDraft(client);
    await client.get(`${base}/kind`);
    const none = await client.post(`${base}/kind`, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('error-summary');
    expect(none.body).toContain('Юу илгээх гэж байгаагаа сонгоно уу');
    expect(none.body).toMatch(/<title>Алдаа: /);
    expect((await client.post(`${base}/kind`, { kind: 'bribe' })).statusCode).toBe(400);
    expect((await client.post(`${base}/kind`, { kind: ['complaint', 'praise'] })).statusCode).toBe(400);
    expect((await client.post(`${base}/kind`, { kind: 'request' })).headers.location).toBe(`${base}/category`);

    await client.get(`${base}/category`);
    const empty = await client.post(`${base}/category`, { category: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Ангилал сонгоно уу');
    const unknown = await client.post(`${base}/category`, { category: 'no_such_category' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Ийм ангилал олдсонгүй');
    const inactive = await t.db.insertInto('category').values({ code: `old_${Date.now()}`, name_mn: 'Хуучин', name_en: 'Old', active: false }).returning('code').executeTakeFirstOrThrow();
    expect((await client.post(`${base}/category`, { category: inactive.code })).statusCode).toBe(400);
    expect((await client.post(`${base}/category`, { category: 'x'.repeat(5000) })).statusCode).toBe(400);
  });

  it('place: a tampered code, a soum outside its aimag, and the picker’s own button for the next list', async () => {
    const client = new WebClient(t.app);
    const base = await fillForm(client, { category: world.category.code });
    await client.get(`${base}/place?change=1`);
    const tampered = await client.post(`${base}/place?change=1`, { place_l1: '99' });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('Сонгосон байршил жагсаалтад алга');
    const outside = await client.post(`${base}/place?change=1`, { place_l1: '11', place_l2: '6501' });
    expect(outside.statusCode).toBe(400);
    const missingSoum = await client.post(`${base}/place?change=1`, { place_l1: '46' });
    expect(missingSoum.statusCode).toBe(400);
    expect(missingSoum.body).toContain('Сумаа сонгоно уу');
    const refine = await client.post(`${base}/place?change=1`, { place_l1: '46', place_refine: '1' });
    expect(refine.statusCode).toBe(200);
    expect(refine.body).toContain('name="place_l2"');
    const chosen = await client.post(`${base}/place?change=1`, { place_l1: '46', place_l2: '4601' });
    expect(chosen.headers.location).toBe(`${base}/check`);
    expect((await client.get(`${base}/check`)).body).toContain('Өмнөговь');
  });

  it('details: empty and overlong text, with the typed words kept', async () => {
    const client = new WebClient(t.app);
    const base = await fillForm(client, { category: world.category.code });
    await client.get(`${base}/details?change=1`);
    const empty = await client.post(`${base}/details?change=1`, { title: '   ', description: 'Тайлбар үлдэнэ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('гарчиг оруулна уу');
    expect(empty.body).toContain('Тайлбар үлдэнэ');
    const long = await client.post(`${base}/details?change=1`, { title: 'Г'.repeat(201), description: 'д'.repeat(5001) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('гарчиг 200 тэмдэгтээс хэтрэхгүй');
    expect(long.body).toContain('дэлгэрэнгүй тайлбар 5000 тэмдэгтээс хэтрэхгүй');
    expect(long.body).toContain('Г'.repeat(201));
    // Characters PostgreSQL cannot store are dropped, not a 500.
    const nul = await client.post(`${base}/details?change=1`, { title: 'Нэг\u0000 хоёр \ud800', description: 'Гурав' });
    expect(nul.statusCode).toBe(303);
  });

  it('photos: fake image bytes, an oversized file and a sixth photo are refused with a message; remove works', async () => {
    const client = new WebClient(t.app);
    const base = await fillForm(client, { category: world.category.code });
    await client.get(`${base}/photos?change=1`);
    const fake = await postPhotos(client, `${base}/photos`, { action: 'upload' }, [photo(Buffer.from('%PDF-1.4 not an image'), 'scan.jpg')]);
    expect(fake.statusCode).toBe(400);
    expect(fake.body).toContain('scan.jpg файл JPEG, PNG эсвэл WebP зураг биш');
    const mislabelled = await postPhotos(client, `${base}/photos`, { action: 'upload' }, [photo(await png(), 'really-png.jpg', 'image/jpeg')]);
    expect(mislabelled.statusCode).toBe(400);

    const big = Buffer.concat([await jpeg(), Buffer.alloc(5 * 1024 * 1024)]);
    const oversized = await postPhotos(client, `${base}/photos`, { action: 'upload' }, [photo(big, 'huge.jpg')]);
    expect(oversized.statusCode).toBe(413);
    expect(oversized.body).toContain('huge.jpg файл 5 МБ-аас их байна');

    const six = await Promise.all(Array.from({ length: 6 }, async (_, i) => photo(await jpeg(), `p${i}.jpg`)));
    const tooMany = await postPhotos(client, `${base}/photos`, { action: 'upload' }, six);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.body).toContain('Хамгийн ихдээ 5 зураг');
    expect((await t.db.selectFrom('feedback_draft_attachment').select('id').where('draft_id', '=', base.slice(-36)).execute()).length).toBe(0);

    const added = await postPhotos(client, `${base}/photos?change=1`, { action: 'upload' }, six.slice(0, 5));
    expect(added.statusCode).toBe(303);
    const page = await client.follow(added);
    expect(page.body).toContain('p4.jpg');
    expect(page.body).toContain('Та 5 зураг хавсаргасан байна');
    const more = await postPhotos(client, `${base}/photos?change=1`, { action: 'upload' }, [photo(await jpeg(), 'extra.jpg')]);
    expect(more.statusCode).toBe(400);
    expect(more.body).toContain('Хамгийн ихдээ 5 зураг');
    const thumb = page.body.match(/src="(\/feedback\/new\/[^"]+\/photos\/(\d+))"/)!;
    const image = await client.get(thumb[1]!);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    const removed = await postPhotos(client, `${base}/photos?change=1`, { remove: thumb[2]! }, []);
    expect(removed.statusCode).toBe(303);
    expect((await client.follow(removed)).body).toContain('Зургийг хаслаа');
    expect((await t.db.selectFrom('feedback_draft_attachment').select('id').where('draft_id', '=', base.slice(-36)).execute()).length).toBe(4);
    // A plain form post (no files) works too.
    const plain = await client.post(`${base}/photos?change=1`, { action: 'continue' });
    expect(plain.headers.location).toBe(`${base}/check`);
  });

  it('publication and contact: no choice, a bad email and a bad phone number', async () => {
    const client = new WebClient(t.app);
    const base = await fillForm(client, { category: world.category.code });
    await client.get(`${base}/publication?change=1`);
    const none = await client.post(`${base}/publication?change=1`, { publication: 'everyone' });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Бусдад харуулах эсэхийг сонгоно уу');
    await client.get(`${base}/contact?change=1`);
    const bad = await client.post(`${base}/contact?change=1`, { name: 'Дорж', email: 'dorj@', phone: '123' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('name@example.mn');
    expect(bad.body).toContain('99112233');
    expect(bad.body).toContain('value="dorj@"');
    expect(bad.body).toContain('value="Дорж"');
    const long = await client.post(`${base}/contact?change=1`, { name: 'Н'.repeat(121) });
    expect(long.statusCode).toBe(400);
    const anonymous = await client.post(`${base}/contact?change=1`, { name: '', email: '', phone: '' });
    expect(anonymous.headers.location).toBe(`${base}/check`);
    expect((await client.get(`${base}/check`)).body).toContain('Нэрээ нууцалсан');
  });
});

describe('sending', () => {
  it('answers a replayed final step with 409 and the code already given, filing nothing twice', async () => {
    const client = new WebClient(t.app);
    const base = await fillForm(client, { category: world.category.code });
    const token = client.csrf();
    const first = await client.post(`${base}/check`, { _csrf: token });
    expect(first.statusCode).toBe(303);
    const before = await counts();
    const replay = await client.post(`${base}/check`, { _csrf: token });
    expect(replay.statusCode).toBe(409);
    const item = await t.db.selectFrom('feedback_item').select('code').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(replay.body).toContain(`${item.code.slice(0, 4)}-${item.code.slice(4)}`);
    expect(replay.body).toContain('аль хэдийн илгээсэн');
    expect(await counts()).toEqual(before);
    // Going back to a step of a sent form says the same.
    expect((await client.post(`${base}/kind`, { _csrf: token, kind: 'praise' })).statusCode).toBe(409);
  });

  it('files one item when Send is pressed twice at once: the other press gets 409', async () => {
    const client = new WebClient(t.app);
    const base = await fillForm(client, { category: world.category.code });
    const token = client.csrf();
    const answers = await Promise.all([client.post(`${base}/check`, { _csrf: token }), client.post(`${base}/check`, { _csrf: token })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([303, 409]);
    const filed = await t.db.selectFrom('feedback_submission').select('item_id').where('draft_id', '=', base.slice(-36)).execute();
    expect(filed).toHaveLength(1);
  });

  it('leaves nothing half-written when the submission fails, and says why on the check page', async () => {
    const client = new WebClient(t.app);
    const category = await t.db.insertInto('category').values({ code: `soon_gone_${Date.now()}`, name_mn: 'Удахгүй хаагдах', name_en: 'Soon gone' }).returning(['id', 'code']).executeTakeFirstOrThrow();
    const base = await fillForm(client, { category: category.code, photos: [photo(await jpeg())], email: 'x@example.mn' });
    await t.db.updateTable('category').set({ active: false }).where('id', '=', category.id).execute();
    const before = await counts();
    const failed = await client.post(`${base}/check`);
    expect(failed.statusCode).toBe(400);
    expect(failed.body).toContain('Ийм ангилал олдсонгүй');
    expect(failed.body).toContain('href="#f-category"');
    expect(await counts()).toEqual(before);
    // The draft is still there to correct.
    expect((await client.get(`${base}/check`)).statusCode).toBe(200);
  });

  it('records the signed-in submitter and shows the private link only shortly after sending', async () => {
    const account = await buildAccount(t.db, { displayName: 'Сараа' });
    const client = new WebClient(t.app);
    await signIn(client, account.email);
    const base = await fillForm(client, { category: world.category.code, publication: 'private' });
    const sent = await client.post(`${base}/check`);
    const item = await t.db.selectFrom('feedback_item').select(['code', 'submitter_id', 'publication']).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(item).toMatchObject({ submitter_id: account.id, publication: 'private' });
    const page = await client.follow(sent);
    expect(page.body).toContain('manage?key=');
    expect(page.body).toContain('имэйл хаяг өгөөгүй');
    t.clock.set(new Date(t.clock.now().getTime() + 3 * 3600_000));
    try {
      const later = await client.get(`${base}/sent`);
      expect(later.statusCode).toBe(200);
      expect(later.body).toContain(item.code.slice(0, 4));
      expect(later.body).not.toContain('manage?key=');
    } finally {
      t.clock.set('2026-03-02T01:00:00Z');
    }
  });

  it('sends the person to the first open question when they jump ahead', async () => {
    const client = new WebClient(t.app);
    const base = await startDraft(client);
    const jump = await client.get(`${base}/check`);
    expect(jump.statusCode).toBe(303);
    expect(jump.headers.location).toBe(`${base}/kind`);
    await client.get(`${base}/kind`);
    const before = await counts();
    const post = await client.post(`${base}/check`);
    expect(post.statusCode).toBe(303);
    expect(post.headers.location).toBe(`${base}/kind`);
    expect(await counts()).toEqual(before);
  });
});

describe('drafts that cannot be used', () => {
  it('answers an unknown, malformed or expired draft with 404 and a way to start again', async () => {
    const client = new WebClient(t.app);
    for (const path of ['/feedback/new/00000000-0000-4000-8000-000000000000/kind', '/feedback/new/not-a-uuid/kind', "/feedback/new/'%20OR%201=1/kind"]) {
      const response = await client.get(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.body).toContain('href="/feedback/new"');
      expect(response.body).toContain('Таны хариултууд олдсонгүй');
    }
    expect((await client.get('/feedback/new/00000000-0000-4000-8000-000000000000/nonsense')).statusCode).toBe(404);
    const base = await startDraft(client);
    await client.get(`${base}/kind`);
    const token = client.csrf();
    t.clock.set(new Date(t.clock.now().getTime() + 25 * 3600_000));
    try {
      expect((await client.get(`${base}/kind`)).statusCode).toBe(404);
      expect((await client.post(`${base}/kind`, { _csrf: token, kind: 'complaint' })).statusCode).toBe(404);
    } finally {
      t.clock.set('2026-03-02T01:00:00Z');
    }
  });

  it('refuses a step posted without the form’s CSRF token', async () => {
    const client = new WebClient(t.app);
    const base = await startDraft(client);
    const forged = await client.post(`${base}/kind`, { kind: 'complaint' }, { csrf: false });
    expect(forged.statusCode).toBe(403);
  });

  it('speaks English when the person chose English', async () => {
    const client = new WebClient(t.app);
    client.setCookie('lang', 'en');
    const base = await startDraft(client);
    const page = await client.get(`${base}/kind`);
    expect(page.body).toContain('What would you like to send?');
    expect(page.body).toContain('Step 1 of 7');
    const bad = await client.post(`${base}/kind`, {});
    expect(bad.body).toContain('Choose what you would like to send');
  });
});
