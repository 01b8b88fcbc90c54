import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { WebClient } from '../../../../test/support/client.js';
import { addMembership, buildAccount, grantPlatformRole, signIn, type BuiltAccount } from '../../../../test/support/factories.js';
import { buildFeedback, feedbackWorld } from '../../../../test/support/feedback-factories.js';
import type { CommandContext } from '../commands/common.js';
import { formatTrackingCode } from '../tracking-code.js';

/** Saraa moderates: she removes personal data from public items before they are shown. */
let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let saraa: BuiltAccount;
let client: WebClient;
const DAY = 86_400_000;

const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

async function signedIn(account: BuiltAccount): Promise<WebClient> {
  const c = new WebClient(t.app);
  await signIn(c, account.email);
  return c;
}

async function file(daysAgo: number, input: Partial<Parameters<typeof buildFeedback>[2]> = {}) {
  t.clock.set(new Date(Date.parse('2026-03-02T01:00:00Z') - daysAgo * DAY));
  const { code } = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, ...input });
  t.clock.set('2026-03-02T01:00:00Z');
  return code;
}

async function item(code: string) {
  return t.db.selectFrom('feedback_item').select(['publication', 'public_title', 'public_summary']).where('code', '=', code).executeTakeFirstOrThrow();
}

function queued(html: string): string[] {
  return [...html.matchAll(/<article class="moderation-item" aria-labelledby="m-([A-Z0-9]{8})"/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
  saraa = await buildAccount(t.db, { displayName: 'Сараа' });
  await grantPlatformRole(t.db, saraa.id, 'moderator');
  client = await signedIn(saraa);
});
afterAll(async () => t.close());

describe('the moderation queue', () => {
  it('lists pending items oldest first with the count, marks likely personal data, and leaves out private and published items', async () => {
    const older = await file(3, { title: 'Эмнэлгийн дараалал', description: 'Би Должин, утас 99112233, регистр УБ99112233, имэйл dolj@example.mn.' });
    const newer = await file(1, { title: 'Автобусны буудал' });
    const privateOne = await file(2, { wantsPublic: false, title: 'Нууц гомдол' });
    const page = await client.get('/moderation');
    expect(page.statusCode).toBe(200);
    const order = queued(page.body);
    expect(order.indexOf(older)).toBeLessThan(order.indexOf(newer));
    expect(order).not.toContain(privateOne);
    expect(page.body).toMatch(/Хянах \d+ өргөдөл хүлээж байна/);
    expect(page.body).toContain('<mark class="pii">99112233<span class="visually-hidden"> (утасны дугаар байж болзошгүй)</span></mark>');
    expect(page.body).toContain('<mark class="pii">УБ99112233');
    expect(page.body).toContain('<mark class="pii">dolj@example.mn');
    expect(page.body).toContain('Хувийн мэдээлэл байж болзошгүй 3 хэсгийг тодруулсан.');
    // The editable public version starts from the sender's words.
    expect(page.body).toContain('Би Должин, утас 99112233, регистр УБ99112233, имэйл dolj@example.mn.</textarea>');
    expect(page.body).not.toContain('Нууц гомдол');
  });

  it('publishes a redacted version: the public record and the item carry the moderator’s text only', async () => {
    const code = await file(5, { title: 'Должингийн гомдол', description: 'Би Должин, утас 99112233. Эмнэлэгт 4 цаг дараалалд зогссон.' });
    await client.get('/moderation');
    const before = Number((await client.get('/moderation')).body.match(/Хянах (\d+) өргөдөл/)![1]);
    const res = await client.post(`/moderation/items/${code}/publish`, { public_title: 'Эмнэлгийн дараалал урт', public_summary: 'Эмнэлэгт 4 цаг дараалалд зогссон.', back: 'queue' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/moderation?done=published&code=${code}&version=1`);
    const page = await client.follow(res);
    expect(page.body).toContain(`${formatTrackingCode(code)} нийтлэгдлээ (хувилбар 1).`);
    expect(Number(page.body.match(/Хянах (\d+) өргөдөл/)![1])).toBe(before - 1);
    expect(queued(page.body)).not.toContain(code);
    expect(await item(code)).toEqual({ publication: 'published', public_title: 'Эмнэлгийн дараалал урт', public_summary: 'Эмнэлэгт 4 цаг дараалалд зогссон.' });
    const events = await t.db.selectFrom('public_event').select(['type', 'payload']).where('subject', '=', `feedback/${code}`).execute();
    const published = events.find((e) => e.type === 'feedback.published');
    expect(published?.payload).toMatchObject({ version: 1, summary: 'Эмнэлэгт 4 цаг дараалалд зогссон.' });
    expect(JSON.stringify(events)).not.toMatch(/Должин|99112233/);
  });

  it('re-edits a published item as a new version, found by its code', async () => {
    const code = await file(6, { title: 'Засах гомдол', description: 'Эхний хувилбар.' });
    await client.get('/moderation');
    await client.post(`/moderation/items/${code}/publish`, { public_title: 'Засах гомдол', public_summary: 'Эхний хувилбар.' });
    const found = await client.get(`/moderation/find?code=${code.slice(0, 4).toLowerCase()}-${code.slice(4).toLowerCase()}`);
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe(`/moderation/items/${code}`);
    const page = await client.follow(found);
    expect(page.body).toContain('Одоо нийтлэгдсэн хувилбар: 1');
    expect(page.body).toContain('Шинэ хувилбар нийтлэх');
    expect(page.body).toContain('Эхний хувилбар.</textarea>');
    const res = await client.post(`/moderation/items/${code}/publish`, { public_title: 'Засах гомдол', public_summary: 'Засварласан хувилбар.', back: 'item' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/moderation/items/${code}?done=published&version=2`);
    const after = await client.follow(res);
    expect(after.body).toContain('нийтлэгдлээ (хувилбар 2)');
    expect((await item(code)).public_summary).toBe('Засварласан хувилбар.');
    const versions = await t.db.selectFrom('public_event').select('payload').where('subject', '=', `feedback/${code}`).where('type', '=', 'feedback.published').execute();
    expect(versions.map((v) => (v.payload as { version: number }).version)).toEqual([1, 2]);
  });

  it('withholds with an internal reason, and refuses a too-short reason', async () => {
    const code = await file(4, { description: 'Нэр, хаяг бүхий бичвэр, засах боломжгүй.' });
    await client.get('/moderation');
    const short = await client.post(`/moderation/items/${code}/withhold`, { withhold_reason: 'үгүй', back: 'queue' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('error-summary');
    expect(short.body).toContain(`href="#f-${code}-reason"`);
    expect(short.body).toContain(`id="f-${code}-reason"`);
    expect((await item(code)).publication).toBe('pending');
    const res = await client.post(`/moderation/items/${code}/withhold`, { withhold_reason: 'Хувийн мэдээллийг салгах боломжгүй.', back: 'queue' });
    expect(res.statusCode).toBe(303);
    expect((await item(code)).publication).toBe('withheld');
    const record = await t.db.selectFrom('public_event').select('payload').where('subject', '=', `feedback/${code}`).where('type', '=', 'feedback.withheld').executeTakeFirstOrThrow();
    expect(JSON.stringify(record.payload)).not.toContain('Хувийн мэдээллийг');
  });

  it('refuses an empty title or summary with 400, keeping what was typed', async () => {
    const code = await file(2);
    await client.get('/moderation');
    const res = await client.post(`/moderation/items/${code}/publish`, { public_title: ' ', public_summary: 'Хураангуй үлдэнэ.' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('гарчиг оруулна уу');
    expect(res.body).toContain('Хураангуй үлдэнэ.</textarea>');
    const long = await client.post(`/moderation/items/${code}/publish`, { public_title: 'Гарчиг', public_summary: 'а'.repeat(5001) });
    expect(long.statusCode).toBe(400);
    expect((await item(code)).publication).toBe('pending');
  });

  it('cannot publish what the sender kept private', async () => {
    const code = await file(2, { wantsPublic: false, description: 'Зөвхөн байгууллагад.' });
    const page = await client.get(`/moderation/items/${code}`);
    expect(page.body).toContain('Илгээгч нийтлэхийг зөвшөөрөөгүй');
    expect(page.body).not.toContain('Зөвхөн байгууллагад.');
    const res = await client.post(`/moderation/items/${code}/publish`, { public_title: 'Гарчиг', public_summary: 'Агуулга.' });
    expect(res.statusCode).toBe(409);
    expect((await item(code)).publication).toBe('private');
  });

  it('answers a mistyped or unknown code on the search with a message', async () => {
    const bad = await client.get('/moderation/find?code=12');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Хянах код 8 тэмдэгттэй');
    const unknown = await client.get('/moderation/find?code=AAAA-AAAA');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Ийм кодтой санал, гомдол олдсонгүй.');
    expect((await client.get('/moderation/items/AAAAAAAA')).statusCode).toBe(404);
  });

  it('refuses a post without the CSRF token', async () => {
    const code = await file(2);
    const res = await client.post(`/moderation/items/${code}/publish`, { public_title: 'Гарчиг', public_summary: 'Агуулга.' }, { csrf: false });
    expect(res.statusCode).toBe(403);
    expect((await item(code)).publication).toBe('pending');
  });
});

describe('who may moderate', () => {
  it('lets a platform admin moderate too', async () => {
    const admin = await buildAccount(t.db);
    await grantPlatformRole(t.db, admin.id, 'platform_admin');
    const c = await signedIn(admin);
    expect((await c.get('/moderation')).statusCode).toBe(200);
  });

  it('sends anonymous visitors to sign in', async () => {
    const res = await new WebClient(t.app).get('/moderation');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account/sign-in?next=%2Fmoderation');
  });

  it('refuses citizens, body staff and operators with 403 on every page and action', async () => {
    const code = await file(2, { description: 'Хянагч биш хүнд харагдах ёсгүй бичвэр.' });
    const citizen = await buildAccount(t.db);
    const staff = await buildAccount(t.db);
    await addMembership(t.db, staff.id, world.district.id, 'admin');
    const operator = await buildAccount(t.db);
    await grantPlatformRole(t.db, operator.id, 'operator');
    for (const who of [citizen, staff, operator]) {
      const c = await signedIn(who);
      for (const url of ['/moderation', `/moderation/items/${code}`, `/moderation/find?code=${code}`]) {
        const res = await c.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(res.body).not.toContain('Хянагч биш хүнд');
      }
      await c.get('/');
      expect((await c.post(`/moderation/items/${code}/publish`, { public_title: 'Гарчиг', public_summary: 'Агуулга.' })).statusCode).toBe(403);
      expect((await c.post(`/moderation/items/${code}/withhold`, { withhold_reason: 'Нийтлэхгүй байх шалтгаан.' })).statusCode).toBe(403);
    }
    expect((await item(code)).publication).toBe('pending');
  });
});
