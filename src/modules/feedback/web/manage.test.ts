import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { WebClient } from '../../../../test/support/client.js';
import { buildAccount, signIn } from '../../../../test/support/factories.js';
import { buildFeedback, createStaffMember, feedbackWorld } from '../../../../test/support/feedback-factories.js';
import type { CommandContext } from '../commands/common.js';
import { answerFeedback } from '../commands/handle.js';
import { submitterKeyFor } from '../submitter-key.js';
import { managePath } from '../urls.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let staff: { accountId: number };
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
  staff = await createStaffMember(t.db, world.district.id);
});
afterAll(async () => t.close());
beforeEach(() => t.clock.set('2026-03-02T01:00:00Z'));

async function answered(extra: { submitterId?: number } = {}) {
  const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, contact: { name: 'Нууц Нэр', email: 'secret.person@example.mn', phone: '88112233' }, ...extra });
  await answerFeedback(t.db, sent.code, { resolution: 'resolved', text: 'Хогийг ачлаа, хуваарийг шинэчиллээ.' }, staff, ctx());
  return sent;
}

/** A CSRF token for the client, from a page that always has a form. */
async function token(client: WebClient): Promise<string> {
  await client.get('/feedback/new');
  return client.csrf();
}

async function item(code: string) {
  return t.db.selectFrom('feedback_item').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
}

describe('who may use the private page', () => {
  it('lets the holder of the private link in, and refuses a wrong, missing or other item’s key with 403', async () => {
    const sent = await answered();
    const other = await answered();
    const client = new WebClient(t.app);
    const page = await client.get(managePath(sent.code, sent.submitterKey));
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('Хогийг ачлаа');
    expect(page.body).toContain('Хогийн сав цэвэрлэгдэхгүй байна');
    for (const secret of ['Нууц Нэр', 'secret.person@example.mn', '88112233']) expect(page.body).not.toContain(secret);
    for (const key of ['wrong', '', other.submitterKey, submitterKeyFor(t.secrets, 'AAAAAAAA')]) {
      const denied = await client.get(managePath(sent.code, key));
      expect(denied.statusCode, key).toBe(403);
      expect(denied.body).toContain('Энэ холбоос буруу эсвэл бүрэн бус байна');
      expect(denied.body).not.toContain('Хогийг ачлаа');
    }
    expect((await client.get(`/feedback/${sent.code}/manage`)).statusCode).toBe(403);
    expect((await client.get(managePath('AAAAAAAA', sent.submitterKey))).statusCode).toBe(404);
  });

  it('refuses actions with a wrong key, and does nothing', async () => {
    const sent = await answered();
    const client = new WebClient(t.app);
    await client.get(managePath(sent.code, sent.submitterKey));
    const denied = await client.post(`/feedback/${sent.code}/manage/rate`, { key: 'guess', satisfaction: 'satisfied' });
    expect(denied.statusCode).toBe(403);
    expect((await item(sent.code)).status).toBe('answered');
    const forged = await client.post(`/feedback/${sent.code}/manage/rate`, { key: sent.submitterKey, satisfaction: 'satisfied' }, { csrf: false });
    expect(forged.statusCode).toBe(403);
    expect((await item(sent.code)).status).toBe('answered');
  });

  it('lets the signed-in submitter in without a key, but not another signed-in person', async () => {
    const owner = await buildAccount(t.db);
    const stranger = await buildAccount(t.db);
    const sent = await answered({ submitterId: owner.id });
    const ownerClient = new WebClient(t.app);
    await signIn(ownerClient, owner.email);
    expect((await ownerClient.get(`/feedback/${sent.code}/manage`)).statusCode).toBe(200);
    const rated = await ownerClient.post(`/feedback/${sent.code}/manage/rate`, { satisfaction: 'satisfied' });
    expect(rated.statusCode).toBe(303);
    expect(rated.headers.location).toBe(`/feedback/${sent.code}/manage?done=rated`);
    const strangerClient = new WebClient(t.app);
    await signIn(strangerClient, stranger.email);
    const denied = await strangerClient.get(`/feedback/${sent.code}/manage`);
    expect(denied.statusCode).toBe(403);
  });
});

describe('rating, reopening and escalating', () => {
  it('closes the item when the submitter is satisfied', async () => {
    const sent = await answered();
    const client = new WebClient(t.app);
    const csrf = await token(client);
    const none = await client.post(`/feedback/${sent.code}/manage/rate`, { _csrf: csrf, key: sent.submitterKey });
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Хариултад сэтгэл хангалуун эсэхээ сонгоно уу');
    const rated = await client.post(`/feedback/${sent.code}/manage/rate`, { _csrf: csrf, key: sent.submitterKey, satisfaction: 'satisfied' });
    expect(rated.statusCode).toBe(303);
    const page = await client.follow(rated);
    expect(page.body).toContain('Таны үнэлгээг хүлээн авлаа');
    expect(page.body).toContain('Энэ илгээлт хаагдсан');
    expect(await item(sent.code)).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
    const again = await client.post(`/feedback/${sent.code}/manage/rate`, { _csrf: csrf, key: sent.submitterKey, satisfaction: 'unsatisfied' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Одоогийн төлөвт энэ үйлдлийг хийх боломжгүй');
    expect(again.body).toContain(`href="/feedback/${sent.code}/manage?key=`);
  });

  it('reopens once after an unsatisfying answer, with a reason of at least 5 characters', async () => {
    const sent = await answered();
    const client = new WebClient(t.app);
    const csrf = await token(client);
    await client.post(`/feedback/${sent.code}/manage/rate`, { _csrf: csrf, key: sent.submitterKey, satisfaction: 'unsatisfied' });
    const page = await client.get(managePath(sent.code, sent.submitterKey));
    expect(page.body).toContain('name="reopen_reason"');
    expect(page.body).toContain('name="escalate_reason"');
    const short = await client.post(`/feedback/${sent.code}/manage/reopen`, { _csrf: csrf, key: sent.submitterKey, reopen_reason: 'муу' });
    expect(short.statusCode).toBe(400);
    expect(short.body).toContain('шалтгаан дор хаяж 5 тэмдэгт');
    expect(short.body).toContain('href="#f-reopen_reason"');
    expect(short.body).toContain('>муу</textarea>');
    t.clock.set('2026-03-10T01:00:00Z');
    const reopened = await client.post(`/feedback/${sent.code}/manage/reopen`, { _csrf: csrf, key: sent.submitterKey, reopen_reason: 'Хог одоо ч ачигдаагүй байна' });
    expect(reopened.statusCode).toBe(303);
    expect((await client.follow(reopened)).body).toContain('Илгээлтийг дахин нээлээ. Шинэ хугацаа: 2026 оны 4 сарын 9');
    expect(await item(sent.code)).toMatchObject({ status: 'in_progress' });
    await answerFeedback(t.db, sent.code, { resolution: 'resolved', text: 'Дахин шалгаж, хогийг ачлаа.' }, staff, ctx());
    await client.post(`/feedback/${sent.code}/manage/rate`, { _csrf: csrf, key: sent.submitterKey, satisfaction: 'unsatisfied' });
    expect((await client.get(managePath(sent.code, sent.submitterKey))).body).not.toContain('name="reopen_reason"');
    const twice = await client.post(`/feedback/${sent.code}/manage/reopen`, { _csrf: csrf, key: sent.submitterKey, reopen_reason: 'Дахиад нээе гэж оролдлоо' });
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain('Дахин зөвхөн нэг удаа нээх боломжтой');
    // The submitter's reason stays out of the public page.
    expect((await client.get(`/feedback/${sent.code}`)).body).not.toContain('Хог одоо ч ачигдаагүй');
  });

  it('escalates an overdue item to the superior body once, and explains why before', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    const client = new WebClient(t.app);
    const csrf = await token(client);
    const early = await client.get(managePath(sent.code, sent.submitterKey));
    expect(early.body).not.toContain('name="escalate_reason"');
    expect(early.body).toContain('Одоогоор танаас хийх зүйл алга');
    const tooEarly = await client.post(`/feedback/${sent.code}/manage/escalate`, { _csrf: csrf, key: sent.submitterKey, escalate_reason: 'Хариу ирэхгүй байна' });
    expect(tooEarly.statusCode).toBe(409);
    t.clock.set('2026-04-05T01:00:00Z');
    const late = await client.get(managePath(sent.code, sent.submitterKey));
    expect(late.body).toContain('хуулийн хугацаанд хариулаагүй');
    expect(late.body).toContain(world.capital.name_mn);
    const escalated = await client.post(`/feedback/${sent.code}/manage/escalate`, { _csrf: csrf, key: sent.submitterKey, escalate_reason: 'Хугацаа хэтэрсэн ч хариу алга' });
    expect(escalated.statusCode).toBe(303);
    expect((await client.follow(escalated)).body).toContain('дээд шатны байгууллагад уламжиллаа');
    expect(await item(sent.code)).toMatchObject({ body_id: world.capital.id, status: 'received' });
    const twice = await client.post(`/feedback/${sent.code}/manage/escalate`, { _csrf: csrf, key: sent.submitterKey, escalate_reason: 'Дахин уламжлая гэж байна' });
    expect(twice.statusCode).toBe(409);
  });

  it('speaks English on the private page when chosen', async () => {
    const sent = await answered();
    const client = new WebClient(t.app);
    client.setCookie('lang', 'en');
    const page = await client.get(managePath(sent.code, sent.submitterKey));
    expect(page.body).toContain('Did the answer solve your problem?');
    expect((await client.get(managePath(sent.code, 'nope'))).body).toContain('This link is wrong or incomplete');
  });
});
