import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { WebClient } from '../../../../test/support/client.js';
import { addMembership, buildAccount, grantPlatformRole, signIn, type BuiltAccount } from '../../../../test/support/factories.js';
import { feedbackWorld } from '../../../../test/support/feedback-factories.js';
import { formatTrackingCode } from '../tracking-code.js';

/** Oyuntsetseg answers the 11-11 line and files complaints for the people who call. */
let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let oyuntsetseg: BuiltAccount;
let client: WebClient;

async function signedIn(account: BuiltAccount, lang?: 'en'): Promise<WebClient> {
  const c = new WebClient(t.app);
  if (lang) c.setCookie('lang', lang);
  await signIn(c, account.email);
  return c;
}

function formId(html: string): string {
  return html.match(/name="form_id" value="([^"]+)"/)![1]!;
}

function call(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'complaint',
    category: world.category.code,
    place_l1: '11',
    place_l2: '1110',
    place_l3: '111059',
    title: 'Гудамжны гэрэл асахгүй байна',
    description: 'Залгасан иргэний хэлснээр 5-р хорооны 12-р байрны урдах гэрэл 2 долоо хоног асахгүй байна.',
    name: 'Должин',
    phone: '9911 2233',
    email: '',
    publicity: 'public',
    ...overrides,
  };
}

async function filedBy(operatorId: number) {
  return t.db.selectFrom('feedback_item').select(['code', 'channel', 'operator_id', 'publication', 'body_id', 'place_code', 'title', 'language']).where('operator_id', '=', operatorId).orderBy('id').execute();
}

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
  oyuntsetseg = await buildAccount(t.db, { displayName: 'Оюунцэцэг' });
  await grantPlatformRole(t.db, oyuntsetseg.id, 'operator');
  client = await signedIn(oyuntsetseg);
});
afterAll(async () => t.close());

describe('filing for a caller', () => {
  it('files with channel "operator", shows the code to read back, and lists it among recent filings', async () => {
    const form = await client.get('/operator');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Таны сүүлд бүртгэсэн');
    expect(form.body).toContain('Та одоогоор юу ч бүртгээгүй байна.');
    const res = await client.post('/operator', { ...call(), form_id: formId(form.body) });
    expect(res.statusCode).toBe(303);
    const [item] = await filedBy(oyuntsetseg.id);
    expect(item).toMatchObject({ channel: 'operator', operator_id: oyuntsetseg.id, publication: 'pending', body_id: world.district.id, place_code: '111059', language: 'mn' });
    expect(res.headers.location).toBe(`/operator?filed=${item!.code}`);
    const contact = await t.db.selectFrom('feedback_contact').innerJoin('feedback_item', 'feedback_item.id', 'feedback_contact.item_id').select(['name', 'phone', 'email']).where('code', '=', item!.code).executeTakeFirstOrThrow();
    expect(contact).toEqual({ name: 'Должин', phone: '+97699112233', email: null });

    const page = await client.follow(res);
    expect(page.body).toContain(`<p class="code-box">${formatTrackingCode(item!.code)}</p>`);
    expect(page.body).toContain(item!.code.slice(0, 4).split('').join(' '));
    expect(page.body).toContain('Баянзүрх дүүргийн Засаг даргын Тамгын газар');
    expect(page.body).toContain('2026 оны 4 сарын 1');
    expect(page.body).toContain('href="/operator"');
    expect(page.body).toContain('Дараагийн дуудлагыг бүртгэх');
    expect(page.body).toContain(`href="/track?code=${item!.code}"`);
    // The received event says which channel it came by.
    const event = await t.db.selectFrom('public_event').select('payload').where('subject', '=', `feedback/${item!.code}`).executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ channel: 'operator' });
  });

  it('files a private item with no caller details', async () => {
    const form = await client.get('/operator');
    const res = await client.post('/operator', { ...call({ name: '', phone: '', publicity: 'private', title: 'Нууцаар бүртгэх' }), form_id: formId(form.body) });
    expect(res.statusCode).toBe(303);
    const items = await filedBy(oyuntsetseg.id);
    expect(items.at(-1)).toMatchObject({ title: 'Нууцаар бүртгэх', publication: 'private' });
  });

  it('does not file the same form twice (a double click)', async () => {
    const form = await client.get('/operator');
    const id = formId(form.body);
    const before = (await filedBy(oyuntsetseg.id)).length;
    const first = await client.post('/operator', { ...call({ title: 'Давхар дарсан' }), form_id: id });
    const second = await client.post('/operator', { ...call({ title: 'Давхар дарсан' }), form_id: id });
    expect(first.statusCode).toBe(303);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect((await filedBy(oyuntsetseg.id)).length).toBe(before + 1);
  });

  it('shows the next list of places without filing, keeping what was typed', async () => {
    const form = await client.get('/operator');
    const before = (await filedBy(oyuntsetseg.id)).length;
    const res = await client.post('/operator', { ...call({ place_l2: '', place_l3: '' }), place_refine: '1', form_id: formId(form.body) });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="place_l2"');
    expect(res.body).toContain('Гудамжны гэрэл асахгүй байна');
    expect((await filedBy(oyuntsetseg.id)).length).toBe(before);
  });

  it('refuses bad input with 400, an error summary in the page language and nothing filed', async () => {
    const form = await client.get('/operator');
    const before = (await filedBy(oyuntsetseg.id)).length;
    const empty = await client.post('/operator', { form_id: formId(form.body) });
    expect(empty.statusCode).toBe(400);
    for (const message of ['төрөл сонгоно уу', 'ангилал сонгоно уу', 'Аймаг эсвэл нийслэлээ сонгоно уу', 'гарчиг оруулна уу', 'дэлгэрэнгүй оруулна уу', 'нийтлэх эсэх сонгоно уу']) {
      expect(empty.body, message).toContain(message);
    }
    const bad = await client.post('/operator', { ...call({ phone: '123', email: 'not-an-email', category: 'no_such_category' }), form_id: formId(form.body) });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Утасны дугаарыг 8 оронтой');
    expect(bad.body).toContain('Имэйл хаягийг name@example.mn хэлбэрээр');
    expect(bad.body).toContain('Ийм ангилал олдсонгүй.');
    // What was typed is kept.
    expect(bad.body).toContain('Залгасан иргэний хэлснээр');
    const long = await client.post('/operator', { ...call({ title: 'а'.repeat(201) }), form_id: formId(form.body) });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('200 тэмдэгтээс хэтрэхгүй');
    const wrongPlace = await client.post('/operator', { ...call({ place_l1: '21', place_l2: '1110', place_l3: '' }), form_id: formId(form.body) });
    expect(wrongPlace.statusCode).toBe(400);
    const odd = await client.post('/operator', { ...call(), kind: ['complaint', 'praise'] as unknown as string, form_id: formId(form.body) });
    expect(odd.statusCode).toBe(400);
    expect((await filedBy(oyuntsetseg.id)).length).toBe(before);
  });

  it('refuses a post without the CSRF token', async () => {
    const form = await client.get('/operator');
    const before = (await filedBy(oyuntsetseg.id)).length;
    const res = await client.post('/operator', { ...call(), form_id: formId(form.body) }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect((await filedBy(oyuntsetseg.id)).length).toBe(before);
  });

  it('shows another operator’s filing to nobody but them', async () => {
    const other = await buildAccount(t.db);
    await grantPlatformRole(t.db, other.id, 'operator');
    const [mine] = await filedBy(oyuntsetseg.id);
    const c = await signedIn(other);
    const page = await c.get(`/operator?filed=${mine!.code}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain(formatTrackingCode(mine!.code));
    expect(page.body).toContain('Шинэ дуудлага бүртгэх');
  });

  it('works in English', async () => {
    const en = await signedIn(oyuntsetseg, 'en');
    const page = await en.get('/operator');
    expect(page.body).toContain('Operator console');
    expect(page.body).toContain('Read to the caller');
    const res = await en.post('/operator', { ...call({ title: 'In English', description: 'The caller reports a broken street light.' }), form_id: formId(page.body) });
    expect(res.statusCode).toBe(303);
    const filed = await en.follow(res);
    expect(filed.body).toContain('Read this tracking code to the caller:');
    expect((await filedBy(oyuntsetseg.id)).at(-1)).toMatchObject({ title: 'In English', language: 'en' });
  });
});

describe('who may use the console', () => {
  it('sends anonymous visitors to sign in', async () => {
    const anon = new WebClient(t.app);
    const res = await anon.get('/operator');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/sign-in?next=%2Foperator');
  });

  it('refuses citizens, body staff and moderators with 403, and files nothing for them', async () => {
    const citizen = await buildAccount(t.db);
    const staff = await buildAccount(t.db);
    await addMembership(t.db, staff.id, world.district.id, 'admin');
    const moderator = await buildAccount(t.db);
    await grantPlatformRole(t.db, moderator.id, 'moderator');
    const count = async () => (await t.db.selectFrom('feedback_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const before = await count();
    for (const who of [citizen, staff, moderator]) {
      const c = await signedIn(who);
      expect((await c.get('/operator')).statusCode).toBe(403);
      await c.get('/');
      expect((await c.post('/operator', call())).statusCode).toBe(403);
    }
    expect(await count()).toBe(before);
  });
});
