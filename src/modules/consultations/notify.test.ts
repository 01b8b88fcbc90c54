import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildConsultation, consultationWorld, draftLaw, ubDay, type ConsultationWorld } from '../../../test/support/consultation-factories.js';
import { buildAccount, signIn } from '../../../test/support/factories.js';
import { answerComments } from './commands/answers.js';
import { submitComment } from './commands/comments.js';
import type { CommandContext } from './commands/common.js';
import { publishVersion, replaceDraftText, startNewVersion } from './commands/text.js';
import { answersDueJob } from './jobs.js';

/**
 * Who hears what: commenters about answers and new versions, followers about new
 * versions and the report; every email can be stopped from its own link; staff hear
 * about answers coming due. Lateness shows on the consultation, the body's page and the
 * public list of late consultations.
 */
let t: TestApp;
let w: ConsultationWorld;
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl });

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t.db);
});
afterAll(async () => t.close());

function linkIn(text: string, pattern: RegExp): string {
  const m = text.match(pattern);
  if (!m) throw new Error(`no link ${pattern} in: ${text}`);
  return new URL(m[0]).pathname + new URL(m[0]).search;
}

describe('following and unsubscribing', () => {
  it('emails followers and commenters about a new version, in their language, until they unsubscribe', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const follower = await buildAccount(t.db, { preferredLang: 'en', displayName: 'Follower' });
    const browser = new WebClient(t.app);
    await signIn(browser, follower.email);
    const page = await browser.get(`/consultations/${id}`);
    expect(page.body).toContain('Get an email when a new version is published');
    const followed = await browser.post(`/consultations/${id}/follow`);
    expect((await browser.follow(followed)).body).toContain('You follow this consultation');
    const comment = await submitComment(t.db, id, { unitId: null, text: 'Санал', organisationId: null, placeCode: null }, { accountId: w.citizen.id }, ctx());

    await answerComments(t.db, id, { commentIds: [comment.id], category: 'accepted', reason: 'Хүлээн авлаа, тусгана.' }, { accountId: w.staff.id }, ctx());
    await startNewVersion(t.db, id, null, { accountId: w.staff.id }, ctx());
    await replaceDraftText(t.db, id, draftLaw(2), { accountId: w.staff.id }, ctx());
    await publishVersion(t.db, id, 'Саналын дагуу өөрчилсөн.', { accountId: w.staff.id }, ctx());
    await t.runJobs();

    const toFollower = await t.mail.waitFor(follower.email, /version 2 of the draft is published/);
    expect(toFollower.text).toContain('Саналын дагуу өөрчилсөн.');
    expect(toFollower.text).toContain(`/consultations/${id}/versions/2/changes`);
    const answered = await t.mail.waitFor(w.citizen.email, /таны саналд хариу ирлээ/);
    expect(answered.text).toContain('Хүлээн авсан');
    expect(answered.text).toContain('Хүлээн авлаа, тусгана.');
    // The staff who published get no email; a body does not follow itself.
    expect(t.mail.to(w.staff.email)).toEqual([]);

    // The citizen stops emails from the link, without signing in; a scanner opening the link changes nothing.
    const unsubscribe = linkIn(answered.text, /http:\/\/irgen\.test\/consultations\/\d+\/unsubscribe\?token=[A-Za-z0-9_-]+/);
    const anonymous = new WebClient(t.app);
    const ask = await anonymous.get(unsubscribe);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('имэйл авахаа болих уу');
    expect((await t.db.selectFrom('consultation_subscription').where('account_id', '=', w.citizen.id).where('consultation_id', '=', id).select('state').executeTakeFirstOrThrow()).state).toBe('following');
    const done = await anonymous.post(`/consultations/${id}/unsubscribe`, { token: new URL(`http://x${unsubscribe}`).searchParams.get('token')! });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('имэйл авахгүй болсон');
    expect((await anonymous.get(`/consultations/${id}/unsubscribe?token=not-a-real-token-at-all`)).statusCode).toBe(404);

    // Commenting again does not undo the choice.
    const second = await submitComment(t.db, id, { unitId: null, text: 'Дахин санал', organisationId: null, placeCode: null }, { accountId: w.citizen.id }, ctx());
    t.mail.clear();
    await answerComments(t.db, id, { commentIds: [second.id], category: 'not_accepted', reason: 'Төслийн зорилгоос гадуур байна.' }, { accountId: w.staff.id }, ctx());
    await t.runJobs();
    expect(t.mail.to(w.citizen.email)).toEqual([]);

    // Unfollowing from the page works the same.
    await browser.get(`/consultations/${id}`);
    await browser.post(`/consultations/${id}/unfollow`);
    expect((await t.db.selectFrom('consultation_subscription').where('account_id', '=', follower.id).where('consultation_id', '=', id).select('state').executeTakeFirstOrThrow()).state).toBe('muted');
  });
});

describe('answers due', () => {
  it('reminds body staff each morning, and shows lateness on the consultation, the body page and the late list', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.otherBody.id, staffId: w.otherStaff.id, closesOn: ubDay(t.clock.now(), 2), answerDays: 5, titleMn: 'Хоцорсон хариутай журмын төсөл' });
    await submitComment(t.db, id, { unitId: null, text: 'Хариу хүлээж буй санал', organisationId: null, placeCode: null }, { accountId: w.citizen.id }, ctx());
    const job = answersDueJob(t.db, t.config.publicUrl);
    // Before the period closes: nothing to remind.
    t.mail.clear();
    await job.run({}, t.clock.now());
    await t.runJobs();
    expect(t.mail.to(w.otherStaff.email)).toEqual([]);

    t.clock.advanceDays(4);
    try {
      await job.run({}, t.clock.now());
      await t.runJobs();
      const soon = await t.mail.waitFor(w.otherStaff.email, /хэлэлцүүлгийн саналд хариу өгөх хугацаа/);
      expect(soon.text).toContain('Хоцорсон хариутай журмын төсөл');
      expect(soon.text).not.toContain('хэтэрсэн)');
      // Not late yet.
      expect((await new WebClient(t.app).get('/consultations/late')).body).not.toContain('Хоцорсон хариутай журмын төсөл');
    } finally {
      t.clock.advanceDays(-4);
    }

    t.clock.advanceDays(12);
    try {
      t.mail.clear();
      await job.run({}, t.clock.now());
      await t.runJobs();
      expect((await t.mail.waitFor(w.otherStaff.email)).text).toContain('(хэтэрсэн)');
      const anyone = new WebClient(t.app);
      const late = await anyone.get('/consultations/late');
      expect(late.body).toContain('Хоцорсон хариутай журмын төсөл');
      expect(late.body).toMatch(/Хариу \d+ хоног хоцорсон/);
      expect((await anyone.get(`/consultations/${id}`)).body).toMatch(/Хариу \d+ хоног хоцорсон/);
      const body = await anyone.get(`/bodies/${w.otherBody.slug}`);
      expect(body.body).toContain('Хариу өгөх хугацаа хэтэрсэн 1 хэлэлцүүлэг');
      const api = (await anyone.get('/api/consultations/late')).json();
      expect(api.items.find((c: { id: number }) => c.id === id)).toMatchObject({ answers_late: true, unanswered: 1 });
    } finally {
      t.clock.advanceDays(-12);
    }
  });
});
