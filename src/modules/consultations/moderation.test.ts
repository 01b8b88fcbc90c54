import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildConsultation, consultationWorld, type ConsultationWorld } from '../../../test/support/consultation-factories.js';
import { buildAccount, grantPlatformRole, signIn, type BuiltAccount } from '../../../test/support/factories.js';
import { answerComments } from './commands/answers.js';
import { submitComment } from './commands/comments.js';
import type { CommandContext } from './commands/common.js';
import { finishConsultation } from './commands/consultation.js';

/**
 * Light moderation: comments with a phone number, an email or a link wait for a
 * moderator; everything else is published at once and can be reported. Every decision
 * has a reason, is counted in public, and redaction keeps the original for moderators only.
 */
let t: TestApp;
let w: ConsultationWorld;
let moderator: BuiltAccount;
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl });

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t.db);
  moderator = await buildAccount(t.db, { displayName: 'Хянагч Сараа' });
  await grantPlatformRole(t.db, moderator.id, 'moderator');
});
afterAll(async () => t.close());

async function as(account: BuiltAccount): Promise<WebClient> {
  const c = new WebClient(t.app);
  await signIn(c, account.email);
  return c;
}

describe('screening and the moderators’ queue', () => {
  it('holds a comment with a phone number, lets its author see it, and publishes it redacted', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const held = await submitComment(t.db, id, { unitId: null, text: 'Надтай 99112233 утсаар холбогдоно уу, хугацааг уртасгах санал байна.', organisationId: null, placeCode: null }, { accountId: w.citizen.id }, ctx());
    expect(held.status).toBe('pending');
    // Not public, not in the record, not counted; its author sees it is waiting.
    expect((await new WebClient(t.app).get(`/consultations/${id}/general`)).body).not.toContain('99112233');
    expect((await new WebClient(t.app).get(`/consultations/${id}/comments/${held.id}`)).statusCode).toBe(404);
    const author = await as(w.citizen);
    expect((await author.get(`/consultations/${id}/comments/${held.id}`)).body).toContain('хянагч шалгасны дараа');
    expect(await t.db.selectFrom('public_event').where('type', '=', 'consultations.comment_published').where('subject', '=', `consultation/${id}`).select('id').execute()).toEqual([]);

    const mod = await as(moderator);
    const queue = await mod.get('/consultations/moderation');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Хувийн мэдээлэлтэй байж болзошгүй');
    const item = await mod.get(`/consultations/moderation/${held.id}`);
    expect(item.body).toContain('<mark class="pii">99112233<span class="visually-hidden"> (утасны дугаар байж болзошгүй)</span></mark>');
    // A decision needs its reason; an unchanged "redaction" is refused.
    expect((await mod.post(`/consultations/moderation/${held.id}`, { action: 'redact', reason: '', text: 'x' })).statusCode).toBe(400);
    await mod.get(`/consultations/moderation/${held.id}`);
    const same = await mod.post(`/consultations/moderation/${held.id}`, { action: 'redact', reason: 'personal_data', text: 'Надтай 99112233 утсаар холбогдоно уу, хугацааг уртасгах санал байна.' });
    expect(same.statusCode).toBe(400);
    await mod.get(`/consultations/moderation/${held.id}`);
    const done = await mod.post(`/consultations/moderation/${held.id}`, { action: 'redact', reason: 'personal_data', text: 'Хугацааг уртасгах санал байна.' });
    expect(done.statusCode).toBe(303);

    const page = await new WebClient(t.app).get(`/consultations/${id}/general`);
    expect(page.body).toContain('Хугацааг уртасгах санал байна.');
    expect(page.body).not.toContain('99112233');
    const original = await t.db.selectFrom('consultation_comment_original').where('comment_id', '=', held.id).select('text').executeTakeFirstOrThrow();
    expect(original.text).toContain('99112233');
    const events = await t.db.selectFrom('public_event').where('subject', '=', `consultation/${id}`).select(['type', 'payload']).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['consultations.published', 'consultations.comment_published', 'consultations.comment_moderated']);
    expect(events[2]!.payload).toEqual({ consultation: id, comment: held.id, decision: 'redacted', reason: 'personal_data' });
    expect(JSON.stringify(events)).not.toContain('99112233');
  });

  it('holds links, and rejects a held comment with a reason counted in public', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const spam = await submitComment(t.db, id, { unitId: null, text: 'Хямд зээл авах бол https://zeel.example.com руу ороорой', organisationId: null, placeCode: null }, { accountId: w.citizen.id }, ctx());
    expect(spam.status).toBe('pending');
    // A held comment keeps the consultation from finishing.
    t.clock.advanceDays(31);
    try {
      await expect(finishConsultation(t.db, id, { accountId: w.staff.id }, ctx())).rejects.toMatchObject({ code: 'consultations.pending_moderation' });
    } finally {
      t.clock.advanceDays(-31);
    }
    const mod = await as(moderator);
    await mod.get(`/consultations/moderation/${spam.id}`);
    expect((await mod.post(`/consultations/moderation/${spam.id}`, { action: 'reject', reason: 'spam', note: 'Зээлийн зар' })).statusCode).toBe(303);
    expect((await new WebClient(t.app).get(`/consultations/${id}`)).body).toMatch(/Татгалзсан \(Сурталчилгаа, спам\): 1/);
    // Decided: it is gone from the queue.
    expect((await mod.get(`/consultations/moderation/${spam.id}`)).statusCode).toBe(404);
  });

  it('lets readers report a published comment, and a moderator remove it; an unanswered removed comment no longer blocks finishing', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const rude = await submitComment(t.db, id, { unitId: null, text: 'Та нар бүгд тэнэг юм.', organisationId: null, placeCode: null }, { accountId: w.csoMember.id }, ctx());
    const fine = await submitComment(t.db, id, { unitId: null, text: 'Зөв санал.', organisationId: null, placeCode: null }, { accountId: w.csoMember.id }, ctx());
    const reader = await as(w.citizen);
    await reader.get(`/consultations/${id}/comments/${rude.id}`);
    expect((await reader.post(`/consultations/${id}/comments/${rude.id}/flag`, { reason: 'nonsense' })).statusCode).toBe(400);
    await reader.get(`/consultations/${id}/comments/${rude.id}`);
    const flagged = await reader.post(`/consultations/${id}/comments/${rude.id}/flag`, { reason: 'abuse' });
    expect(flagged.statusCode).toBe(303);
    expect((await reader.follow(flagged)).body).toContain('Хянагч энэ саналыг шалгана');
    // Still visible until a moderator decides.
    expect((await new WebClient(t.app).get(`/consultations/${id}/general`)).body).toContain('Та нар бүгд тэнэг юм.');
    const mod = await as(moderator);
    const item = await mod.get(`/consultations/moderation/${rude.id}`);
    expect(item.body).toContain('Мэдэгдсэн: Доромжилсон, заналхийлсэн (1)');
    expect((await mod.post(`/consultations/moderation/${rude.id}`, { action: 'publish', reason: 'ok' })).statusCode).toBe(409);
    await mod.get(`/consultations/moderation/${rude.id}`);
    expect((await mod.post(`/consultations/moderation/${rude.id}`, { action: 'remove', reason: 'abuse' })).statusCode).toBe(303);
    expect((await new WebClient(t.app).get(`/consultations/${id}/general`)).body).not.toContain('тэнэг');
    await answerComments(t.db, id, { commentIds: [fine.id], category: 'accepted', reason: 'Хүлээн авч, төсөлд тусгана.' }, { accountId: w.staff.id }, ctx());
    t.clock.advanceDays(31);
    try {
      await finishConsultation(t.db, id, { accountId: w.staff.id }, ctx());
    } finally {
      t.clock.advanceDays(-31);
    }
  });

  it('is for moderators and platform admins only', async () => {
    for (const account of [w.citizen, w.staff, w.csoMember]) expect((await (await as(account)).get('/consultations/moderation')).statusCode).toBe(403);
    const admin = await buildAccount(t.db);
    await grantPlatformRole(t.db, admin.id, 'platform_admin');
    expect((await (await as(admin)).get('/consultations/moderation')).statusCode).toBe(200);
  });
});
