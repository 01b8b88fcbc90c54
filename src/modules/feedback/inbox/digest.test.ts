import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { addMembership, buildAccount, type BuiltAccount } from '../../../../test/support/factories.js';
import { buildFeedback, createBody, feedbackWorld } from '../../../../test/support/feedback-factories.js';
import { CRONTAB } from '../../../background.js';
import { enqueueJob } from '../../../shared/jobs/queue.js';
import type { CommandContext } from '../commands/common.js';
import { answerFeedback } from '../commands/handle.js';
import { formatTrackingCode } from '../tracking-code.js';
import { FEEDBACK_AUTO_CLOSE_TASK, feedbackAutoCloseJob } from './auto-close.js';
import { FEEDBACK_DIGEST_TASK, feedbackDailyDigestJob } from './digest.js';

/**
 * The morning digest and the nightly auto-close, run for a given time: directly with
 * run(payload, at), and through the job queue with the test clock.
 */
const MORNING = '2026-04-02T00:00:00Z'; // 08:00 on Thursday 2 April in Ulaanbaatar
const DAY = 86_400_000;

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let ganbold: BuiltAccount;
let james: BuiltAccount;
const codes = {} as Record<'overdue' | 'soon' | 'later' | 'answered', string>;

const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

async function fileAt(daysBeforeMorning: number, input: Partial<Parameters<typeof buildFeedback>[2]> = {}) {
  t.clock.set(new Date(Date.parse(MORNING) + 3_600_000 - daysBeforeMorning * DAY));
  const { code } = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, ...input });
  return code;
}

beforeAll(async () => {
  t = await createTestApp({ now: MORNING });
  world = await feedbackWorld(t.db);
  ganbold = await buildAccount(t.db, { displayName: 'Ганболд' });
  james = await buildAccount(t.db, { displayName: 'James', preferredLang: 'en' });
  await addMembership(t.db, ganbold.id, world.district.id);
  await addMembership(t.db, james.id, world.district.id, 'admin');
  // Staff who must not get it: an unconfirmed address, a disabled account, a body with nothing due.
  const unconfirmed = await buildAccount(t.db, { email: 'unconfirmed@example.mn', verified: false });
  const disabled = await buildAccount(t.db, { email: 'disabled@example.mn', disabled: true });
  await addMembership(t.db, unconfirmed.id, world.district.id);
  await addMembership(t.db, disabled.id, world.district.id);
  const quiet = await createBody(t.db, { placeCode: '46' });
  const quietStaff = await buildAccount(t.db, { email: 'quiet@example.mn' });
  await addMembership(t.db, quietStaff.id, quiet.id);

  codes.overdue = await fileAt(40); // due 10 days ago
  codes.soon = await fileAt(29); // due at the end of Friday 3 April
  codes.later = await fileAt(10); // due in 20 days
  codes.answered = await fileAt(40);
  await answerFeedback(t.db, codes.answered, { resolution: 'resolved', text: 'Асуудлыг шийдвэрлэлээ, баярлалаа.' }, { accountId: ganbold.id }, ctx());
  t.clock.set(MORNING);
  await t.runJobs();
});
afterAll(async () => t.close());
beforeEach(() => {
  t.mail.clear();
  t.clock.set(MORNING);
});

describe('the daily digest', () => {
  it('is scheduled at 08:00 in Ulaanbaatar, with the nightly auto-close', () => {
    expect(CRONTAB).toContainEqual({ pattern: '0 0 * * *', task: FEEDBACK_DIGEST_TASK });
    expect(CRONTAB.map((c) => c.task)).toContain(FEEDBACK_AUTO_CLOSE_TASK);
  });

  it('sends each member of staff one email in their language with the counts and codes of overdue and due-soon items', async () => {
    await feedbackDailyDigestJob(t.db, 'https://irgen.example').run({}, new Date(MORNING));
    await t.runJobs();
    const mn = await t.mail.waitFor(ganbold.email);
    expect(mn.subject).toBe('Иргэн: 2 өргөдлийн хугацаа дөхсөн эсвэл хэтэрсэн');
    expect(mn.text).toContain('Сайн байна уу, Ганболд,');
    expect(mn.text).toContain('Баянзүрх дүүргийн Засаг даргын Тамгын газар: хугацаа хэтэрсэн 1, удахгүй дуусах 1');
    expect(mn.text).toContain(`${formatTrackingCode(codes.overdue)}: хугацаа 10 хоног хэтэрсэн`);
    expect(mn.text).toContain(`${formatTrackingCode(codes.soon)}: 2026 оны 4 сарын 3-нд дуусна`);
    expect(mn.text).toContain(`https://irgen.example/inbox?body=${world.district.slug}`);
    expect(mn.text).not.toContain(formatTrackingCode(codes.later));
    expect(mn.text).not.toContain(formatTrackingCode(codes.answered));
    const en = await t.mail.waitFor(james.email);
    expect(en.subject).toBe('Irgen: 2 items due soon or overdue');
    expect(en.text).toContain('Bayanzürkh District Governor’s Office: 1 overdue, 1 due soon');
    expect(en.text).toContain(`${formatTrackingCode(codes.overdue)}: 10 days overdue`);
    expect(en.text).toContain(`${formatTrackingCode(codes.soon)}: due 3 April 2026`);
    expect(t.mail.to(ganbold.email)).toHaveLength(1);
    for (const nobody of ['unconfirmed@example.mn', 'disabled@example.mn', 'quiet@example.mn']) expect(t.mail.to(nobody)).toEqual([]);
  });

  it('counts to the time it runs for: a day later the due-soon item is overdue too', async () => {
    await feedbackDailyDigestJob(t.db, 'https://irgen.example').run({}, new Date(Date.parse(MORNING) + 2 * DAY));
    await t.runJobs();
    const mail = await t.mail.waitFor(ganbold.email);
    expect(mail.text).toContain('хугацаа хэтэрсэн 2, удахгүй дуусах 0');
    expect(mail.text).toContain(`${formatTrackingCode(codes.overdue)}: хугацаа 12 хоног хэтэрсэн`);
    expect(mail.text).toContain(`${formatTrackingCode(codes.soon)}: хугацаа 1 хоног хэтэрсэн`);
  });

  it('sends nothing when nothing is due', async () => {
    await feedbackDailyDigestJob(t.db, 'https://irgen.example').run({}, new Date(Date.parse(MORNING) - 60 * DAY));
    await t.runJobs();
    expect(t.mail.messages).toEqual([]);
  });

  it('runs from the job queue with the test clock', async () => {
    await enqueueJob(t.db, FEEDBACK_DIGEST_TASK, {});
    await t.runJobs();
    const mail = await t.mail.waitFor(ganbold.email, /Иргэн: 2/);
    expect(mail.text).toContain('/inbox?body=');
  });
});

describe('closing answered items nobody rated', () => {
  it('closes items answered more than 30 days before the night it runs for, and leaves newer ones', async () => {
    const old = await fileAt(50);
    await answerFeedback(t.db, old, { resolution: 'rejected', text: 'Манай эрх хэмжээнд хамаарахгүй асуудал.' }, { accountId: ganbold.id }, ctx());
    const recent = await fileAt(5);
    await answerFeedback(t.db, recent, { resolution: 'resolved', text: 'Асуудлыг шийдвэрлэлээ, баярлалаа.' }, { accountId: ganbold.id }, ctx());
    const status = async (code: string) => (await t.db.selectFrom('feedback_item').select('status').where('code', '=', code).executeTakeFirstOrThrow()).status;

    // 31 days after the first answer, at 03:00 in Ulaanbaatar.
    const night = new Date(Date.parse(MORNING) - 50 * DAY + 3_600_000 + 31 * DAY);
    await feedbackAutoCloseJob(t.db).run({}, night);
    expect(await status(old)).toBe('closed');
    expect(await status(recent)).toBe('answered');
    const history = await t.db
      .selectFrom('feedback_event')
      .innerJoin('feedback_item', 'feedback_item.id', 'feedback_event.item_id')
      .select(['feedback_event.type', 'feedback_event.data'])
      .where('feedback_item.code', '=', old)
      .orderBy('feedback_event.id')
      .execute();
    expect(history.at(-1)).toMatchObject({ type: 'closed', data: { automatic: true } });

    // Through the queue, with the clock 31 days after the second answer.
    t.clock.set(new Date(Date.parse(MORNING) - 5 * DAY + 3_600_000 + 31 * DAY));
    await enqueueJob(t.db, FEEDBACK_AUTO_CLOSE_TASK, {});
    await t.runJobs();
    expect(await status(recent)).toBe('closed');
  });
});
