import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { buildMember, buildSmallPlan, type SmallPlan } from '../../../test/support/commitment-factories.js';
import { CRONTAB } from '../../background.js';
import { closePlan } from './commands/plans.js';
import { reportProgress } from './commands/report-progress.js';
import { dueRemindersJob, DUE_REMINDERS_TASK } from './reminders.js';

/**
 * Reminders before due dates: run for a given time (the cron slot), once per milestone
 * and stage, to the lead body's confirmed staff in their language; nothing for milestones
 * reported completed or plans closed.
 */
let t: TestApp;
let plan: SmallPlan;
let staffEmail: string;
const job = () => dueRemindersJob(t.db, 'http://irgen.test');
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestApp({ now: '2026-06-01T01:00:00Z' });
  // Due 30 June, 10 June and 3 June 2026.
  plan = await buildSmallPlan(t.db, t.clock.now(), { dues: ['2026-06-30', '2026-06-10', '2026-06-03'] });
  const staff = await buildMember(t.db, plan.lead.id, 'member', { email: `reminded-${plan.slug}@gov.mn`, displayName: 'Д.Батжаргал' });
  staffEmail = staff.email;
  await buildMember(t.db, plan.lead.id, 'member', { email: `disabled-${plan.slug}@gov.mn`, disabled: true });
});
afterAll(async () => t.close());

describe('due-date reminders', () => {
  it('are scheduled every morning', () => {
    expect(CRONTAB.some((c) => c.task === DUE_REMINDERS_TASK && c.pattern === '15 0 * * *')).toBe(true);
  });

  it('list the milestones due within 14 days, each once; the one due in 3 days again at that stage', async () => {
    // 1 June: 1.2 (10 June) and 1.3 (3 June) are within 14 days; 1.3 also within 3.
    await job().run({}, at('2026-06-01T00:15:00Z'));
    await t.runJobs();
    const first = await t.mail.waitFor(staffEmail);
    expect(first.subject).toBe('2 үе шатын хугацаа дуусах дөхөж байна');
    expect(first.text).toContain('1.2 2-р үе шат: 2026 оны 6 сарын 10 хүртэл');
    expect(first.text).toContain('1.3 3-р үе шат: 2026 оны 6 сарын 3 хүртэл');
    expect(first.text).not.toContain('1.1 ');
    expect(t.mail.messages.some((m) => m.to === `disabled-${plan.slug}@gov.mn`)).toBe(false);

    // The same morning again (a retry, a catch-up): nothing new.
    t.mail.clear();
    await job().run({}, at('2026-06-01T00:15:00Z'));
    await t.runJobs();
    expect(t.mail.to(staffEmail)).toHaveLength(0);

    // 7 June: 1.2 is within 3 days now.
    await job().run({}, at('2026-06-07T00:15:00Z'));
    await t.runJobs();
    const second = await t.mail.waitFor(staffEmail);
    expect(second.subject).toBe('1 үе шатын хугацаа дуусах дөхөж байна');
    expect(second.text).toContain('1.2 2-р үе шат');
  });

  it('leave out milestones reported completed and plans that are closed', async () => {
    t.mail.clear();
    const staff = await t.db.selectFrom('account').where('email', '=', staffEmail).select('id').executeTakeFirstOrThrow();
    // 1.1 is due on 30 June: within 14 days from 17 June, but reported completed first.
    await reportProgress(t.db, plan.detail.plan.id, plan.detail.milestones[0]!.id, { accountId: staff.id, bodyIds: [plan.lead.id] }, { status: 'completed', evidence: 'Бүх гэрээг нийтэлсэн.', links: '', files: [], lang: 'mn' }, at('2026-06-15T01:00:00Z'));
    await job().run({}, at('2026-06-17T00:15:00Z'));
    await t.runJobs();
    expect(t.mail.to(staffEmail)).toHaveLength(0);

    const other = await buildSmallPlan(t.db, t.clock.now(), { dues: ['2026-06-20'] });
    const otherStaff = await buildMember(t.db, other.lead.id);
    await closePlan(t.db, other.detail.plan.id, at('2026-06-15T01:00:00Z'));
    await job().run({}, at('2026-06-17T00:15:00Z'));
    await t.runJobs();
    expect(t.mail.to(otherStaff.email)).toHaveLength(0);
  });
});
