import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { WebClient } from '../../../../test/support/client.js';
import { addMembership, buildAccount, grantPlatformRole, signIn, type BuiltAccount } from '../../../../test/support/factories.js';
import { buildFeedback, createBody, feedbackWorld } from '../../../../test/support/feedback-factories.js';
import type { CommandContext } from '../commands/common.js';
import { addInternalNote } from '../commands/handle.js';
import { formatTrackingCode } from '../tracking-code.js';

/**
 * Ganbold, at the Bayanzürkh district office, works through one item: assigns it, starts,
 * extends the deadline once, notes, forwards or answers. Every action goes through HTTP
 * with the page's CSRF token, as a browser without JavaScript would send it.
 */
let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let ganbold: BuiltAccount;
let colleague: BuiltAccount;
let staff: WebClient;

const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

async function signedIn(account: BuiltAccount, lang?: 'en'): Promise<WebClient> {
  const c = new WebClient(t.app);
  if (lang) c.setCookie('lang', lang);
  await signIn(c, account.email);
  return c;
}

async function newItem(overrides: Partial<Parameters<typeof buildFeedback>[2]> = {}) {
  const filed = await buildFeedback(t.db, ctx(), {
    categoryCode: world.category.code,
    title: 'Хогийн сав цэвэрлэгдэхгүй байна',
    description: 'Манай 5-р хорооны 12-р байрны хогийн савыг хоёр долоо хоног ачаагүй.',
    contact: { name: 'Бат-Эрдэнэ', email: 'bat@example.mn', phone: '99112233' },
    ...overrides,
  });
  return filed.code;
}

/** The item's row and history, to prove that a refused action changed nothing. */
async function snapshot(code: string) {
  const item = await t.db.selectFrom('feedback_item').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
  const events = await t.db.selectFrom('feedback_event').select(['type']).where('item_id', '=', item.id).orderBy('id').execute();
  const record = await t.db.selectFrom('public_event').select('type').where('subject', '=', `feedback/${code}`).execute();
  const { search: _search, ...rest } = item;
  return { item: rest, events: events.map((e) => e.type), record: record.length };
}

/** Posts an action form from the item page (so the CSRF token is the page's). */
async function act(client: WebClient, code: string, action: string, form: Record<string, string | string[]>) {
  await client.get(`/inbox/items/${code}`);
  return client.post(`/inbox/items/${code}/${action}`, form);
}

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
  ganbold = await buildAccount(t.db, { displayName: 'Ганболд' });
  colleague = await buildAccount(t.db, { displayName: 'Сарантуяа' });
  await addMembership(t.db, ganbold.id, world.district.id);
  await addMembership(t.db, colleague.id, world.district.id, 'admin');
  staff = await signedIn(ganbold);
});
afterAll(async () => t.close());
beforeEach(() => {
  t.clock.set('2026-03-02T01:00:00Z');
  t.mail.clear();
});

describe('the staff view of an item', () => {
  it('shows everything the body needs: the sender’s words, contact, photos and the history with internal notes', async () => {
    const code = await newItem();
    const id = (await t.db.selectFrom('feedback_item').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
    const photo = await t.db.insertInto('feedback_attachment').values({ item_id: id, media_type: 'image/png', bytes: png, width: 1, height: 1, created_at: t.clock.now() }).returning('id').executeTakeFirstOrThrow();
    await addInternalNote(t.db, code, 'Иргэнтэй утсаар ярьсан.', { accountId: colleague.id }, ctx());
    // A note written by another body stays with that body.
    await t.db.insertInto('feedback_event').values({ item_id: id, type: 'note', at: t.clock.now(), body_id: world.capital.id, text: 'Нийслэлийн дотоод тэмдэглэл', is_public: false }).execute();

    const res = await staff.get(`/inbox/items/${code}`);
    expect(res.statusCode).toBe(200);
    for (const text of [
      formatTrackingCode(code),
      'Манай 5-р хорооны 12-р байрны хогийн савыг хоёр долоо хоног ачаагүй.',
      'Бат-Эрдэнэ',
      'bat@example.mn',
      '+97699112233',
      'Иргэнтэй утсаар ярьсан.',
      'Сарантуяа',
      'Дотоод',
      `/inbox/items/${code}/photos/${photo.id}`,
      'Хариуцагч томилох',
      'Хугацаа сунгах',
      'Өөр байгууллагад шилжүүлэх',
    ]) {
      expect(res.body, text).toContain(text);
    }
    expect(res.body).not.toContain('Нийслэлийн дотоод тэмдэглэл');
    const image = await staff.get(`/inbox/items/${code}/photos/${photo.id}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['cache-control']).toBe('private, no-store');
    expect((await staff.get(`/inbox/items/${code}/photos/999999`)).statusCode).toBe(404);
  });

  it('accepts the code as people type it and answers 404 for unknown codes', async () => {
    const code = await newItem();
    expect((await staff.get(`/inbox/items/${code.toLowerCase()}`)).statusCode).toBe(200);
    expect((await staff.get('/inbox/items/AAAAAAAA')).statusCode).toBe(404);
    expect((await staff.get('/inbox/items/not-a-code')).statusCode).toBe(404);
  });

  it('reads in English', async () => {
    const code = await newItem();
    const en = await signedIn(ganbold, 'en');
    const res = await en.get(`/inbox/items/${code}`);
    expect(res.body).toContain('Contact details (private)');
    expect(res.body).toContain('Extend the deadline');
    expect(res.body).toContain('Forward to another body');
  });
});

describe('assigning', () => {
  it('assigns to a colleague from the list, then to me with one button', async () => {
    const code = await newItem();
    const res = await act(staff, code, 'assign', { assignee: String(colleague.id) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/inbox/items/${code}?done=assigned`);
    const after = await staff.follow(res);
    expect(after.body).toContain('Хариуцагч томилогдлоо.');
    expect((await snapshot(code)).item).toMatchObject({ assignee_id: colleague.id, status: 'assigned' });
    const mine = await act(staff, code, 'assign', { assignee: 'me' });
    expect(mine.statusCode).toBe(303);
    expect((await snapshot(code)).item.assignee_id).toBe(ganbold.id);
  });

  it('refuses someone who is not on the body’s staff, a made-up id and an empty choice, changing nothing', async () => {
    const code = await newItem();
    const before = await snapshot(code);
    const outsider = await buildAccount(t.db);
    for (const assignee of [String(outsider.id), '99999999', 'abc', '']) {
      const res = await act(staff, code, 'assign', { assignee });
      expect(res.statusCode, assignee).toBe(400);
      expect(res.body).toContain('error-summary');
    }
    const res = await act(staff, code, 'assign', { assignee: String(outsider.id) });
    expect(res.body).toContain('Энэ хүн тухайн байгууллагын ажилтан биш байна.');
    expect(await snapshot(code)).toEqual(before);
  });
});

describe('starting work', () => {
  it('marks the item in progress, once', async () => {
    const code = await newItem();
    const res = await act(staff, code, 'start', {});
    expect(res.statusCode).toBe(303);
    expect((await snapshot(code)).item).toMatchObject({ status: 'in_progress', assignee_id: ganbold.id });
    const again = await staff.post(`/inbox/items/${code}/start`, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Одоогийн төлөвт энэ үйлдлийг хийх боломжгүй.');
  });
});

describe('extending the deadline', () => {
  it('extends once with a reason, then explains why it cannot be extended again', async () => {
    const code = await newItem();
    const before = await snapshot(code);
    const res = await act(staff, code, 'extend', { days: '10', extend_reason: 'Газар дээр нь шалгах шаардлагатай.' });
    expect(res.statusCode).toBe(303);
    const after = await snapshot(code);
    // Due 1 April + 10 days is Saturday 11 April; the calendar moves it to Monday.
    expect(before.item.due_at.toISOString()).toBe('2026-04-01T15:59:59.999Z');
    expect(after.item.due_at.toISOString()).toBe('2026-04-13T15:59:59.999Z');
    expect(after.item.extension_reason).toBe('Газар дээр нь шалгах шаардлагатай.');
    const page = await staff.follow(res);
    expect(page.body).toContain('Хугацааг 2026 оны 4 сарын 13 хүртэл сунгалаа.');
    expect(page.body).toContain('аль хэдийн сунгасан');
    expect(page.body).not.toContain(`action="/inbox/items/${code}/extend"`);
    // A second extension sent anyway (an old tab) is refused and changes nothing.
    const second = await staff.post(`/inbox/items/${code}/extend`, { days: '5', extend_reason: 'Дахин сунгах гэж оролдов.' });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Хугацааг зөвхөн нэг удаа сунгах боломжтой.');
    expect(await snapshot(code)).toEqual(after);
    // The sender is told by email.
    await t.runJobs();
    const mail = await t.mail.waitFor('bat@example.mn', /сунгалаа/);
    expect(mail.text).toContain('Газар дээр нь шалгах шаардлагатай.');
  });

  it('refuses 31 days, 0 days, words for days and a missing reason with 400 and messages', async () => {
    const code = await newItem();
    const before = await snapshot(code);
    const cases: [Record<string, string>, string][] = [
      [{ days: '31', extend_reason: 'Шалгалт хийх шаардлагатай.' }, 'Сунгах хоног 1-ээс 30 хүртэл байна.'],
      [{ days: '0', extend_reason: 'Шалгалт хийх шаардлагатай.' }, 'Сунгах хоног 1-ээс 30 хүртэл байна.'],
      [{ days: 'арав', extend_reason: 'Шалгалт хийх шаардлагатай.' }, 'Сунгах хоног 1-ээс 30 хүртэл байна.'],
      [{ days: '10', extend_reason: '' }, 'шалтгаан дор хаяж 5 тэмдэгт байх ёстой'],
    ];
    for (const [form, message] of cases) {
      const res = await act(staff, code, 'extend', form);
      expect(res.statusCode, JSON.stringify(form)).toBe(400);
      expect(res.body).toContain(message);
      // What was typed comes back.
      expect(res.body).toContain(`value="${form.days}"`);
    }
    expect(await snapshot(code)).toEqual(before);
  });
});

describe('answering', () => {
  it('answers with a decision and words; the sender gets it by email; the actions go', async () => {
    const code = await newItem();
    const res = await act(staff, code, 'answer', { resolution: 'resolved', answer: 'Хогийг 3-р сарын 4-нд ачиж, хуваарийг шинэчиллээ.' });
    expect(res.statusCode).toBe(303);
    expect((await snapshot(code)).item).toMatchObject({ status: 'answered', resolution: 'resolved' });
    const page = await staff.follow(res);
    expect(page.body).toContain('Хариу илгээгдлээ.');
    expect(page.body).toContain('Энэ өргөдөлд хариулсан тул');
    expect(page.body).not.toContain(`action="/inbox/items/${code}/answer"`);
    await t.runJobs();
    const mail = await t.mail.waitFor('bat@example.mn', /хариу ирлээ/);
    expect(mail.text).toContain('Хогийг 3-р сарын 4-нд ачиж');
  });

  it('refuses an empty answer, a one-word answer and a missing decision', async () => {
    const code = await newItem();
    const before = await snapshot(code);
    const empty = await act(staff, code, 'answer', { resolution: 'resolved', answer: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('хариулт оруулна уу');
    const short = await act(staff, code, 'answer', { resolution: 'rejected', answer: 'Үгүй' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('хариулт дор хаяж 10 тэмдэгт байх ёстой');
    const undecided = await act(staff, code, 'answer', { answer: 'Асуудлыг шийдвэрлэлээ, баярлалаа.' });
    expect(undecided.statusCode).toBe(400);
    expect(undecided.body).toContain('шийдвэр сонгоно уу');
    expect(undecided.body).toContain('Асуудлыг шийдвэрлэлээ, баярлалаа.');
    const made = await act(staff, code, 'answer', { resolution: 'maybe', answer: 'Асуудлыг шийдвэрлэлээ, баярлалаа.' });
    expect(made.statusCode).toBe(400);
    expect(await snapshot(code)).toEqual(before);
  });
});

describe('forwarding', () => {
  it('forwards to another body with a reason; the item leaves this inbox', async () => {
    const code = await newItem();
    const res = await act(staff, code, 'forward', { to_body: world.capital.slug, forward_reason: 'Нийслэлийн хэмжээний асуудал.' });
    expect(res.statusCode).toBe(303);
    const inbox = await staff.follow(res);
    expect(inbox.body).toContain(`${formatTrackingCode(code)} кодтой өргөдлийг Нийслэлийн Засаг даргын Тамгын газар-д шилжүүллээ.`);
    expect((await snapshot(code)).item).toMatchObject({ body_id: world.capital.id, status: 'received', assignee_id: null });
    // Ganbold is not staff of the capital's office: the item is no longer his to see.
    expect((await staff.get(`/inbox/items/${code}`)).statusCode).toBe(403);
  });

  it('offers bodies of the place and a search for others', async () => {
    const code = await newItem();
    const elsewhere = await createBody(t.db, { placeCode: '46', nameMn: 'Өмнөговь аймгийн ЗДТГ', nameEn: 'Ömnögovi Governor’s Office' });
    const page = await staff.get(`/inbox/items/${code}`);
    expect(page.body).toContain(`value="${world.capital.slug}"`);
    expect(page.body).not.toContain(`value="${world.district.slug}"`);
    expect(page.body).not.toContain(`value="${elsewhere.slug}"`);
    const found = await staff.get(`/inbox/items/${code}?bodies=${encodeURIComponent('өмнөговь')}`);
    expect(found.body).toContain(`value="${elsewhere.slug}"`);
    const none = await staff.get(`/inbox/items/${code}?bodies=zzzzqqq`);
    expect(none.body).toContain('Хайлтад тохирох байгууллага олдсонгүй.');
  });

  it('refuses the same body, an unknown body, no body and no reason', async () => {
    const code = await newItem();
    const before = await snapshot(code);
    const same = await act(staff, code, 'forward', { to_body: world.district.slug, forward_reason: 'Өөр газар шилжүүлнэ.' });
    expect(same.statusCode).toBe(400);
    expect(same.body).toContain('Өөр байгууллага сонгоно уу.');
    const unknown = await act(staff, code, 'forward', { to_body: 'no-such-body', forward_reason: 'Өөр газар шилжүүлнэ.' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Ийм байгууллага олдсонгүй.');
    const none = await act(staff, code, 'forward', { to_body: '', forward_reason: 'Өөр газар шилжүүлнэ.' });
    expect(none.statusCode).toBe(400);
    const noReason = await act(staff, code, 'forward', { to_body: world.capital.slug, forward_reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('шалтгаан дор хаяж 5 тэмдэгт байх ёстой');
    expect(await snapshot(code)).toEqual(before);
  });
});

describe('internal notes', () => {
  it('adds a note only the body sees, and refuses an empty one', async () => {
    const code = await newItem();
    const empty = await act(staff, code, 'note', { note: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('тэмдэглэл оруулна уу');
    const res = await act(staff, code, 'note', { note: 'Хорооны Засаг даргатай ярилаа.' });
    expect(res.statusCode).toBe(303);
    const page = await staff.follow(res);
    expect(page.body).toContain('Хорооны Засаг даргатай ярилаа.');
    const record = await t.db.selectFrom('public_event').select('payload').where('subject', '=', `feedback/${code}`).execute();
    expect(JSON.stringify(record)).not.toContain('Хорооны Засаг даргатай');
  });
});

describe('forms and bad input', () => {
  it('refuses a post without the CSRF token with 403 and changes nothing', async () => {
    const code = await newItem();
    const before = await snapshot(code);
    for (const [action, form] of [
      ['assign', { assignee: 'me' }],
      ['start', {}],
      ['answer', { resolution: 'resolved', answer: 'Асуудлыг шийдвэрлэлээ, баярлалаа.' }],
      ['extend', { days: '5', extend_reason: 'Шалгалт хийх шаардлагатай.' }],
      ['forward', { to_body: world.capital.slug, forward_reason: 'Нийслэлийн асуудал.' }],
      ['note', { note: 'Тэмдэглэл' }],
    ] as const) {
      const res = await staff.post(`/inbox/items/${code}/${action}`, form, { csrf: false });
      expect(res.statusCode, action).toBe(403);
      const forged = await staff.post(`/inbox/items/${code}/${action}`, { ...form, _csrf: 'forged' });
      expect(forged.statusCode, action).toBe(403);
    }
    expect(await snapshot(code)).toEqual(before);
  });

  it('never answers 500 to odd bodies: repeated fields, huge text, wrong types', async () => {
    const code = await newItem();
    const before = await snapshot(code);
    const odd: [string, Record<string, string | string[]>][] = [
      ['assign', { assignee: ['1', '2'] }],
      ['assign', { assignee: '1'.repeat(50) }],
      ['extend', { days: ['1', '2'], extend_reason: 'x' }],
      ['extend', { days: '9999999999999999999999', extend_reason: 'Шалгалт хийх шаардлагатай.' }],
      ['answer', { resolution: ['resolved', 'rejected'], answer: 'a'.repeat(20_000) }],
      ['forward', { to_body: 'a'.repeat(500), forward_reason: '\u0000\u0000\u0000\u0000\u0000' }],
      ['note', { note: 'б'.repeat(5000) }],
    ];
    for (const [action, form] of odd) {
      const res = await act(staff, code, action, form);
      expect(res.statusCode, `${action} ${JSON.stringify(form).slice(0, 60)}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    expect(await snapshot(code)).toEqual(before);
  });
});

describe('who may see and act on an item', () => {
  it('sends anonymous visitors to sign in and refuses their posts', async () => {
    const code = await newItem();
    const anon = new WebClient(t.app);
    const page = await anon.get(`/inbox/items/${code}`);
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/account/sign-in?next=${encodeURIComponent(`/inbox/items/${code}`)}`);
    // With a valid token from a page with a form, the post is still refused: sign in first.
    await anon.get('/account/sign-in');
    const post = await anon.post(`/inbox/items/${code}/note`, { note: 'Нэргүй хүний тэмдэглэл' });
    expect(post.statusCode).toBe(401);
    expect((await snapshot(code)).events).toEqual(['received']);
  });

  it('refuses a citizen, staff of another body, an operator and a moderator: 403 for the page, the photos and every action', async () => {
    const code = await newItem();
    const before = await snapshot(code);
    const citizen = await buildAccount(t.db);
    const otherStaff = await buildAccount(t.db);
    const elsewhere = await createBody(t.db, { placeCode: '21' });
    await addMembership(t.db, otherStaff.id, elsewhere.id, 'admin');
    const operator = await buildAccount(t.db);
    await grantPlatformRole(t.db, operator.id, 'operator');
    const moderator = await buildAccount(t.db);
    await grantPlatformRole(t.db, moderator.id, 'moderator');
    const admin = await buildAccount(t.db);
    await grantPlatformRole(t.db, admin.id, 'platform_admin');
    for (const who of [citizen, otherStaff, operator, moderator, admin]) {
      const c = await signedIn(who);
      const page = await c.get(`/inbox/items/${code}`);
      expect(page.statusCode).toBe(403);
      expect(page.body).not.toContain('bat@example.mn');
      expect(page.body).not.toContain('Манай 5-р хорооны');
      expect((await c.get(`/inbox/items/${code}/photos/1`)).statusCode).toBe(403);
      await c.get('/');
      for (const [action, form] of [
        ['assign', { assignee: String(who.id) }],
        ['start', {}],
        ['answer', { resolution: 'resolved', answer: 'Асуудлыг шийдвэрлэлээ, баярлалаа.' }],
        ['extend', { days: '5', extend_reason: 'Шалгалт хийх шаардлагатай.' }],
        ['forward', { to_body: elsewhere.slug, forward_reason: 'Манайд хамаарахгүй.' }],
        ['note', { note: 'Гадны хүний тэмдэглэл' }],
      ] as const) {
        const res = await c.post(`/inbox/items/${code}/${action}`, form);
        expect(res.statusCode, `${who.email} ${action}`).toBe(403);
      }
    }
    expect(await snapshot(code)).toEqual(before);
  });
});
