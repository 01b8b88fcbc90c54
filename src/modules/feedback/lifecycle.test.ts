import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { addRoutingRule, buildFeedback, createBody, createStaffMember, feedbackWorld } from '../../../test/support/feedback-factories.js';
import { AppError } from '../../shared/errors.js';
import { sha256 } from '../../shared/secrets.js';
import type { CommandContext } from './commands/common.js';
import { answerFeedback, assignFeedback, extendDeadline, forwardFeedback, startWork } from './commands/handle.js';
import { publishFeedback, withholdFeedback } from './commands/moderate.js';
import { closeUnratedItems, escalateFeedback, rateAnswer, reopenFeedback } from './commands/submitter.js';
import { submitFeedback } from './commands/submit.js';
import { canActAsSubmitter } from './policy.js';
import { submitterKeyFor } from './submitter-key.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let staff: { accountId: number };
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T01:00:00Z' });
  world = await feedbackWorld(t.db);
  staff = await createStaffMember(t.db, world.district.id);
});
afterAll(async () => t.close());
beforeEach(() => {
  t.clock.set('2026-03-02T01:00:00Z');
  t.mail.clear();
});

async function item(code: string) {
  return t.db.selectFrom('feedback_item').selectAll().where('code', '=', code).executeTakeFirstOrThrow();
}
async function history(code: string) {
  return t.db
    .selectFrom('feedback_event')
    .innerJoin('feedback_item', 'feedback_item.id', 'feedback_event.item_id')
    .select(['feedback_event.type', 'feedback_event.text', 'feedback_event.is_public'])
    .where('feedback_item.code', '=', code)
    .orderBy('feedback_event.id')
    .execute();
}
async function publicEvents(code: string) {
  return t.db.selectFrom('public_event').select(['type', 'payload']).where('subject', '=', `feedback/${code}`).orderBy('id').execute();
}

describe('submitting feedback', () => {
  it('routes to the body of the place, sets a 30-day deadline and records the public event without personal data', async () => {
    const sent = await buildFeedback(t.db, ctx(), {
      categoryCode: world.category.code,
      contact: { name: 'Бат-Эрдэнэ', email: 'bat@example.mn', phone: '99112233' },
    });
    const row = await item(sent.code);
    expect(row.body_id).toBe(world.district.id);
    expect(row.status).toBe('received');
    expect(row.publication).toBe('pending');
    // Received 09:00 on 2 March in Ulaanbaatar: due at the end of 1 April (Wednesday).
    expect(row.due_at.toISOString()).toBe('2026-04-01T15:59:59.999Z');
    const events = await publicEvents(sent.code);
    expect(events.map((e) => e.type)).toEqual(['feedback.received']);
    const payload = JSON.stringify(events[0]!.payload);
    for (const secret of ['Бат-Эрдэнэ', 'bat@example.mn', '99112233', 'хогийн', '111059']) expect(payload).not.toContain(secret);
    expect(events[0]!.payload).toMatchObject({ code: sent.code, place: '1110', body: world.district.slug, kind: 'complaint', channel: 'web' });
  });

  it('emails the code and a private link in the submitter’s language over SMTP', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, language: 'en', contact: { email: 'saraa@example.mn' } });
    await t.runJobs();
    const email = await t.mail.waitFor('saraa@example.mn', /received/);
    expect(email.subject).toContain(`${sent.code.slice(0, 4)}-${sent.code.slice(4)}`);
    expect(email.text).toContain(`/feedback/${sent.code}/manage?key=${submitterKeyFor(t.secrets, sent.code)}`);
    expect(email.text).toContain('Bayanzürkh District Governor’s Office');
  });

  it('falls back to the parent place’s rule, then to the national fallback', async () => {
    const aimagBody = await createBody(t.db, { placeCode: '46' });
    await addRoutingRule(t.db, { bodyId: aimagBody.id, placeCode: '46' });
    const soumLevel = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, placeCode: '4601' });
    expect((await item(soumLevel.code)).body_id).toBe(aimagBody.id);
    const fallback = await t.db.selectFrom('routing_rule').select('body_id').where('category_id', 'is', null).where('place_code', 'is', null).executeTakeFirstOrThrow();
    const elsewhere = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, placeCode: '8501' });
    expect((await item(elsewhere.code)).body_id).toBe(fallback.body_id);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const before = await t.db.selectFrom('feedback_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const attempt = submitFeedback(
      t.db,
      { kind: 'complaint', categoryCode: 'no_such', placeCode: '999999', title: ' ', description: 'x'.repeat(5001), language: 'mn', wantsPublic: false, channel: 'web', contact: { email: 'not-an-email', phone: '123' } },
      ctx(),
    );
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const error = (await attempt.catch((e: AppError) => e)) as AppError;
    expect(error.status).toBe(400);
    expect(error.fields.map((f) => f.field).sort()).toEqual(['category', 'description', 'email', 'phone', 'place', 'title']);
    const after = await t.db.selectFrom('feedback_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a second submission of the same staged-form draft', async () => {
    const draft = await t.db.insertInto('feedback_draft').values({ created_at: t.clock.now(), updated_at: t.clock.now() }).returning('id').executeTakeFirstOrThrow();
    const first = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, draftId: draft.id });
    const replay = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, draftId: draft.id }).catch((e: AppError) => e);
    expect(replay).toBeInstanceOf(AppError);
    expect((replay as AppError).code).toBe('feedback.already_submitted');
    expect((replay as AppError).status).toBe(409);
    expect((replay as AppError).params.code).toBe(first.code);
  });
});

describe('a body handling an item', () => {
  it('assigns, starts, extends once with a reason, and answers on time', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, contact: { email: 'dorj@example.mn' } });
    const colleague = await createStaffMember(t.db, world.district.id);
    await assignFeedback(t.db, sent.code, colleague.accountId, staff, ctx());
    await startWork(t.db, sent.code, staff, ctx());
    const extended = await extendDeadline(t.db, sent.code, 15, 'Газар дээр нь шалгах шаардлагатай', staff, ctx());
    expect(extended.toISOString()).toBe('2026-04-16T15:59:59.999Z');
    await expect(extendDeadline(t.db, sent.code, 5, 'Дахин сунгах гэсэн оролдлого', staff, ctx())).rejects.toMatchObject({ code: 'feedback.already_extended', status: 409 });
    t.clock.set('2026-04-10T03:00:00Z');
    await answerFeedback(t.db, sent.code, { resolution: 'resolved', text: 'Хогийг 4-р сарын 10-нд ачлаа. Хуваарийг шинэчилсэн.' }, staff, ctx());
    const row = await item(sent.code);
    expect(row).toMatchObject({ status: 'answered', resolution: 'resolved', assignee_id: colleague.accountId });
    expect((await history(sent.code)).map((h) => h.type)).toEqual(['received', 'assigned', 'started', 'extended', 'answered']);
    const answered = (await publicEvents(sent.code)).find((e) => e.type === 'feedback.answered');
    expect(answered?.payload).toMatchObject({ on_time: true, resolution: 'resolved' });
    await t.runJobs();
    await t.mail.waitFor('dorj@example.mn', /сунгалаа/);
    const answerMail = await t.mail.waitFor('dorj@example.mn', /хариу ирлээ/);
    expect(answerMail.text).toContain('Хогийг 4-р сарын 10-нд ачлаа');
  });

  it('records a late answer as not on time', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    t.clock.set('2026-04-03T03:00:00Z');
    await answerFeedback(t.db, sent.code, { resolution: 'rejected', text: 'Энэ асуудал манай чиг үүрэгт хамаарахгүй.' }, staff, ctx());
    const answered = (await publicEvents(sent.code)).find((e) => e.type === 'feedback.answered');
    expect(answered?.payload).toMatchObject({ on_time: false, resolution: 'rejected' });
  });

  it('forwards to another body with a reason, keeping the legal deadline', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    const before = await item(sent.code);
    await forwardFeedback(t.db, sent.code, world.capital.id, 'Нийслэлийн хэмжээний асуудал', staff, ctx());
    const after = await item(sent.code);
    expect(after.body_id).toBe(world.capital.id);
    expect(after.status).toBe('received');
    expect(after.due_at.toISOString()).toBe(before.due_at.toISOString());
    await expect(forwardFeedback(t.db, sent.code, world.capital.id, 'Дахин нэг удаа', staff, ctx())).rejects.toMatchObject({ code: 'feedback.same_body' });
  });

  it('refuses an extension beyond 30 days, an empty reason and an assignee from another body', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    await expect(extendDeadline(t.db, sent.code, 31, 'Хангалттай урт шалтгаан', staff, ctx())).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(extendDeadline(t.db, sent.code, 10, '  ', staff, ctx())).rejects.toMatchObject({ code: 'validation_failed' });
    const outsider = await createStaffMember(t.db, world.capital.id);
    await expect(assignFeedback(t.db, sent.code, outsider.accountId, staff, ctx())).rejects.toMatchObject({ code: 'feedback.not_a_member' });
    const row = await item(sent.code);
    expect(row.extended_at).toBeNull();
    expect(row.assignee_id).toBeNull();
  });

  it('refuses to extend a deadline that has already passed', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    t.clock.set('2026-04-02T01:00:00Z');
    await expect(extendDeadline(t.db, sent.code, 10, 'Хэтэрсэн хойно сунгах оролдлого', staff, ctx())).rejects.toMatchObject({ code: 'feedback.extension_too_late', status: 409 });
    expect((await item(sent.code)).extended_at).toBeNull();
  });

  it('lets only one of two simultaneous extensions through', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    const results = await Promise.allSettled([
      extendDeadline(t.db, sent.code, 10, 'Эхний сунгалтын шалтгаан', staff, ctx()),
      extendDeadline(t.db, sent.code, 20, 'Хоёр дахь сунгалтын шалтгаан', staff, ctx()),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await history(sent.code)).filter((h) => h.type === 'extended')).toHaveLength(1);
  });
});

describe('the submitter after an answer', () => {
  async function answered() {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    await answerFeedback(t.db, sent.code, { resolution: 'resolved', text: 'Асуудлыг шийдвэрлэсэн гэж үзэж байна.' }, staff, ctx());
    return sent;
  }

  it('closes the item when satisfied', async () => {
    const sent = await answered();
    await rateAnswer(t.db, sent.code, 'satisfied', ctx());
    expect(await item(sent.code)).toMatchObject({ status: 'closed', satisfaction: 'satisfied' });
    await expect(rateAnswer(t.db, sent.code, 'unsatisfied', ctx())).rejects.toMatchObject({ code: 'feedback.invalid_transition', status: 409 });
  });

  it('reopens once when unsatisfied, with a fresh deadline at the same body', async () => {
    const sent = await answered();
    await rateAnswer(t.db, sent.code, 'unsatisfied', ctx());
    t.clock.set('2026-03-10T01:00:00Z');
    const due = await reopenFeedback(t.db, sent.code, 'Хог одоо ч ачигдаагүй байна', ctx());
    expect(due.toISOString()).toBe('2026-04-09T15:59:59.999Z');
    expect(await item(sent.code)).toMatchObject({ status: 'in_progress', body_id: world.district.id, answer_text: null });
    await answerFeedback(t.db, sent.code, { resolution: 'resolved', text: 'Дахин шалгаж, хогийг ачлаа.' }, staff, ctx());
    await expect(reopenFeedback(t.db, sent.code, 'Дахиад нээх гэсэн оролдлого', ctx())).rejects.toMatchObject({ code: 'feedback.already_reopened' });
    // The earlier answer is still in the history.
    expect((await history(sent.code)).filter((h) => h.type === 'answered')).toHaveLength(2);
  });

  it('escalates once to the superior body', async () => {
    const sent = await answered();
    await rateAnswer(t.db, sent.code, 'unsatisfied', ctx());
    const { toBodyId } = await escalateFeedback(t.db, sent.code, 'Дүүрэг асуудлыг шийдэхгүй байна', ctx());
    expect(toBodyId).toBe(world.capital.id);
    expect(await item(sent.code)).toMatchObject({ status: 'received', body_id: world.capital.id });
    const escalated = (await publicEvents(sent.code)).find((e) => e.type === 'feedback.escalated');
    expect(escalated?.payload).toMatchObject({ from_body: world.district.slug, to_body: world.capital.slug });
    await expect(escalateFeedback(t.db, sent.code, 'Дахин уламжлах оролдлого', ctx())).rejects.toMatchObject({ code: 'feedback.invalid_transition' });
  });

  it('may escalate an overdue item that was never answered, but not one still within its deadline', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    await expect(escalateFeedback(t.db, sent.code, 'Хариу ирэхгүй байна', ctx())).rejects.toMatchObject({ code: 'feedback.invalid_transition' });
    t.clock.set('2026-04-05T01:00:00Z');
    await escalateFeedback(t.db, sent.code, 'Хугацаа хэтэрсэн ч хариу алга', ctx());
    expect((await item(sent.code)).body_id).toBe(world.capital.id);
  });

  it('cannot escalate from a body without a superior', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    await forwardFeedback(t.db, sent.code, world.capital.id, 'Нийслэлийн асуудал', staff, ctx());
    await answerFeedback(t.db, sent.code, { resolution: 'rejected', text: 'Төлөвлөгөөнд тусгагдаагүй байна.' }, staff, ctx());
    await expect(escalateFeedback(t.db, sent.code, 'Дээд шатанд хандъя', ctx())).rejects.toMatchObject({ code: 'feedback.no_superior_body' });
  });

  it('closes answered items nobody rated after 30 days', async () => {
    const sent = await answered();
    expect(await closeUnratedItems(t.db, new Date('2026-03-20T00:00:00Z'))).toBe(0);
    await closeUnratedItems(t.db, new Date('2026-04-02T00:00:00Z'));
    expect((await item(sent.code)).status).toBe('closed');
  });

  it('recognises the submitter by account or by the private link only', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
    const row = await item(sent.code);
    expect(canActAsSubmitter(null, row, sent.submitterKey)).toBe(true);
    expect(canActAsSubmitter(null, row, submitterKeyFor(t.secrets, 'AAAAAAAA'))).toBe(false);
    expect(canActAsSubmitter(null, row, null)).toBe(false);
    expect(row.submitter_key_hash.equals(sha256(sent.submitterKey))).toBe(true);
  });
});

describe('moderation', () => {
  it('publishes a redacted summary in versions, and withholds when needed', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, title: 'Бат-Эрдэнэ гэдэг хүн хог асгасан' });
    const moderator = await createStaffMember(t.db, world.capital.id);
    expect(await publishFeedback(t.db, sent.code, { title: 'Хог асгасан тухай', summary: 'Байрны ойролцоо хог асгасан.' }, moderator.accountId, ctx())).toBe(1);
    expect(await publishFeedback(t.db, sent.code, { title: 'Хог асгасан тухай', summary: 'Байрны ойролцоо хог асгасан, засвар.' }, moderator.accountId, ctx())).toBe(2);
    const row = await item(sent.code);
    expect(row.title).toBe('Бат-Эрдэнэ гэдэг хүн хог асгасан');
    expect(row.public_title).toBe('Хог асгасан тухай');
    const found = await sql<{ n: number }>`SELECT count(*)::int AS n FROM feedback_item WHERE search @@ plainto_tsquery('simple', 'khog') AND code = ${sent.code}`.execute(t.db);
    expect(found.rows[0]!.n).toBe(1);
    await withholdFeedback(t.db, sent.code, 'Хувийн мэдээлэл арилгах боломжгүй', moderator.accountId, ctx());
    expect((await item(sent.code)).publication).toBe('withheld');
    const types = (await publicEvents(sent.code)).map((e) => e.type);
    expect(types).toEqual(['feedback.received', 'feedback.published', 'feedback.published', 'feedback.withheld']);
  });

  it('never publishes a private item', async () => {
    const sent = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, wantsPublic: false });
    await expect(publishFeedback(t.db, sent.code, { title: 'Гарчиг', summary: 'Тойм' }, staff.accountId, ctx())).rejects.toMatchObject({ code: 'feedback.invalid_transition' });
  });
});
