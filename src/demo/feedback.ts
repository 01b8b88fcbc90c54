import { sql } from 'kysely';
import type { CommandContext } from '../modules/feedback/commands/common.js';
import { addInternalNote, answerFeedback, assignFeedback, extendDeadline, forwardFeedback, startWork } from '../modules/feedback/commands/handle.js';
import { publishFeedback, withholdFeedback } from '../modules/feedback/commands/moderate.js';
import { submitFeedback } from '../modules/feedback/commands/submit.js';
import { closeUnratedItems, escalateFeedback, rateAnswer, reopenFeedback } from '../modules/feedback/commands/submitter.js';
import { publishMonthlyStatistics } from '../modules/feedback/stats/publish.js';
import { refreshFeedbackStats } from '../modules/feedback/stats/refresh.js';
import { issueApiKey } from '../modules/feedback/open311/api-keys.js';
import { DEMO_SLUGS } from '../modules/bodies/demo-data.js';
import type { Db } from '../shared/db/database.js';
import { AppError } from '../shared/errors.js';
import type { Secrets } from '../shared/secrets.js';
import type { DemoAccountIds, DemoStaff } from './accounts.js';
import { ESCALATION_REASONS, EXTENSION_REASONS, INTERNAL_NOTES, REOPEN_REASONS, WITHHOLD_REASONS, forwardReason } from './phrases.js';
import type { PlannedItem } from './plan.js';
import { profileOf } from './profiles.js';
import { Random } from './random.js';

/**
 * Files the planned demo feedback through the platform's real commands while a clock
 * moves through the last fourteen months: items are received, routed, forwarded,
 * assigned, extended, answered on time or late, rated, reopened and escalated; the
 * nightly job closes unrated answers and the monthly statistics go into the public
 * record on the first of each month. Every step runs at its own moment and nothing
 * happens after `now`, so what is still open is open, and what is overdue is overdue.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const UB = 8 * HOUR;

/** Public items of the last days wait in the moderators' queue. */
const MODERATION_BACKLOG_DAYS = 5;

/** Where each category goes when nobody nearer handles it. */
const NATIONAL: Record<string, string> = {
  health: 'ministry-of-health',
  education: 'ministry-of-education',
  roads: 'ministry-of-road-and-transport-development',
  public_transport: 'ministry-of-road-and-transport-development',
  waste: 'ministry-of-environment-and-tourism',
  air_pollution: 'ministry-of-environment-and-tourism',
  water: 'ministry-of-construction-and-urban-development',
  heating: 'ministry-of-energy',
  social_welfare: 'general-office-for-labour-and-welfare-services',
  land: 'land-administration-agency',
  public_safety: 'general-police-department',
  civil_registration: 'general-authority-for-state-registration',
};

interface BodyInfo {
  id: number;
  slug: string;
  type: string;
  nameMn: string;
  nameEn: string;
  superiorId: number | null;
  categories: Set<string>;
}

interface Live {
  plan: PlannedItem;
  rng: Random;
  code: string;
  bodyId: number;
  dueAt: Date;
  reopened: boolean;
  /** Set once escalated: 'overdue' when the body never answered. */
  escalated: false | 'answered' | 'overdue';
  extended: boolean;
}

interface Step {
  /** When it happens, given when the step before it happened. */
  when(previous: Date): Date | null;
  run(at: Date): Promise<void>;
}

export interface FeedbackSeedCounts {
  items: number;
  staffAccounts: number;
  /** Steps a command refused (the item's story ends there); none in a correct plan. */
  refused: string[];
}

export interface FeedbackWorld {
  /** The seed's transaction, seen as a database (see one-transaction.ts). */
  db: Db;
  now: Date;
  /** When the demo world begins: accounts and bodies exist from then. */
  since: Date;
  publicUrl: string;
  secrets: Secrets;
  accounts: DemoAccountIds;
  staff: DemoStaff;
  onProgress?: (done: number, total: number) => void;
}

/** Events in time order (a binary heap; ties in the order they were added). */
class Timeline {
  private heap: { at: number; seq: number; run: (at: Date) => Promise<void> }[] = [];
  private seq = 0;

  constructor(private readonly end: number) {}

  /** Adds an event, unless it would happen after the end: the future has not happened yet. */
  add(at: Date, run: (at: Date) => Promise<void>): void {
    if (at.getTime() > this.end) return;
    const entry = { at: at.getTime(), seq: this.seq++, run };
    const h = this.heap;
    h.push(entry);
    for (let i = h.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private before(a: { at: number; seq: number }, b: { at: number; seq: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private pop() {
    const h = this.heap;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.before(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.before(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }

  /**
   * Runs every event in time order. A command that refuses a step (an AppError: its own
   * transaction was rolled back to its savepoint) ends that item's story there, so a rare
   * corner of the calendar cannot cost a newcomer the whole demo; anything else stops the seed.
   */
  async run(refused: string[]): Promise<void> {
    while (this.heap.length) {
      const next = this.pop();
      try {
        await next.run(new Date(next.at));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused.push(`${new Date(next.at).toISOString()} ${error.code}`);
      }
    }
  }
}

function plusDays(t: Date, days: number): Date {
  return new Date(t.getTime() + days * DAY);
}

function localDayStart(localMs: number): number {
  return Math.floor(localMs / DAY) * DAY;
}

/** The first moment in office hours (Monday to Friday, 09:00-18:00 in Ulaanbaatar) at or after `t`. */
function officeHours(t: Date, rng: Random): Date {
  let local = t.getTime() + UB;
  for (;;) {
    const d = new Date(local);
    const weekday = d.getUTCDay();
    const hour = d.getUTCHours();
    if (weekday === 0 || weekday === 6 || hour >= 18) local = localDayStart(local) + DAY + 9 * HOUR + rng.int(0, 120) * MINUTE;
    else if (hour < 9) local = localDayStart(local) + 9 * HOUR + rng.int(0, 120) * MINUTE;
    else return new Date(local - UB);
  }
}

/** The first moment at or after `t` when people are awake (07:00-23:00 in Ulaanbaatar). */
function waking(t: Date, rng: Random): Date {
  const local = t.getTime() + UB;
  const hour = new Date(local).getUTCHours();
  if (hour < 7) return new Date(localDayStart(local) + 7 * HOUR + rng.int(0, 180) * MINUTE - UB);
  if (hour >= 23) return new Date(localDayStart(local) + DAY + 8 * HOUR + rng.int(0, 180) * MINUTE - UB);
  return t;
}

function notBefore(t: Date, previous: Date, rng: Random): Date {
  return t.getTime() > previous.getTime() + 5 * MINUTE ? t : new Date(previous.getTime() + rng.int(10, 90) * MINUTE);
}

export async function seedDemoFeedback(world: FeedbackWorld, items: readonly PlannedItem[]): Promise<FeedbackSeedCounts> {
  const { db } = world;
  const bodies = await loadBodies(db);
  const bySlug = new Map([...bodies.values()].map((b) => [b.slug, b]));
  const hotline = bySlug.get(DEMO_SLUGS.hotline)!;
  const apiClients = [
    await issueApiKey(db, { name: 'CHECK MY SERVICE (демо)', contactEmail: 'apps@example.mn', createdBy: world.accounts.admin, now: plusDays(world.since, 20) }),
    await issueApiKey(db, { name: 'Хотын үйлчилгээний апп (демо)', contactEmail: 'city-app@example.mn', createdBy: world.accounts.admin, now: plusDays(world.since, 45) }),
  ].map((c) => c.id);

  const timeline = new Timeline(world.now.getTime());
  const ctx = (now: Date): CommandContext => ({ now, publicUrl: world.publicUrl, secrets: world.secrets });
  let submitted = 0;

  /** Runs the steps one after another, each scheduled once the previous one has run. */
  const chain = (steps: Step[], from: Date) => {
    const next = (i: number, previous: Date) => {
      const step = steps[i];
      if (!step) return;
      const at = step.when(previous);
      if (!at) return next(i + 1, previous);
      timeline.add(at, async (now) => {
        await step.run(now);
        next(i + 1, now);
      });
    };
    next(0, from);
  };

  const forwardTarget = (body: BodyInfo, category: string, rng: Random): BodyInfo | undefined => {
    const national = bySlug.get(NATIONAL[category] ?? '');
    // The hotline hands most items to the body responsible and answers the rest itself.
    if (body.id === hotline.id) return rng.chance(0.7) ? national : undefined;
    if (body.categories.has(category)) return undefined;
    for (let up = body.superiorId; up !== null; ) {
      const superior = bodies.get(up);
      if (!superior) break;
      if (superior.categories.has(category)) return superior;
      up = superior.superiorId;
    }
    return national && national.id !== body.id ? national : undefined;
  };

  const answerText = (item: Live, resolution: 'resolved' | 'rejected', how: string): string => {
    const list = item.plan.answers[resolution];
    const text = item.rng.pick(list);
    const en = item.plan.language === 'en';
    if (how === 'reopened') return (en ? 'We looked into this again after you reopened it. ' : 'Таны дахин гаргасан хүсэлтийн дагуу асуудлыг дахин шалгалаа. ') + text;
    if (how === 'escalated' && item.escalated === 'overdue') {
      return (en ? 'As the superior body we have taken up your submission, which was not answered in time. ' : 'Хугацаандаа хариу аваагүй таны өргөдлийг дээд шатны байгууллагын хувьд хүлээн авч шийдвэрлэлээ. ') + text;
    }
    if (how === 'escalated') return (en ? 'As the superior body we have reviewed your submission and the answer you were given. ' : 'Дээд шатны байгууллагын хувьд таны өргөдөл болон өгсөн хариуг хянан үзлээ. ') + text;
    return text;
  };

  /** The sender takes the item to the superior body, which handles it from then on. */
  const escalate = async (item: Live, now: Date, reason: string, after: 'answered' | 'overdue') => {
    const result = await escalateFeedback(db, item.code, reason, ctx(now));
    item.bodyId = result.toBodyId;
    item.dueAt = result.dueAt;
    item.escalated = after;
    await stage(item, now, 'escalated');
  };

  /** What the submitter does with an answer: rate it, and if unhappy, reopen or escalate once. */
  const afterAnswer = (item: Live, answeredAt: Date, resolution: 'resolved' | 'rejected', onTime: boolean) => {
    const { rng, plan } = item;
    const lang = plan.language;
    // Unrated answers are closed by the nightly job after 30 days.
    if (!rng.chance(plan.kind === 'praise' ? 0.4 : 0.6)) return;
    timeline.add(waking(plusDays(answeredAt, rng.between(0.3, 12)), rng), async (now) => {
      // A late answer pleases fewer people, and a refusal fewer still.
      const satisfied = plan.kind === 'praise' || rng.chance(resolution === 'rejected' ? 0.2 : onTime ? 0.82 : 0.5);
      await rateAnswer(db, item.code, satisfied ? 'satisfied' : 'unsatisfied', ctx(now));
      if (satisfied) return;
      const body = bodies.get(item.bodyId)!;
      if (!item.reopened && rng.chance(0.35)) {
        timeline.add(waking(plusDays(now, rng.between(0.2, 4)), rng), async (then) => {
          item.dueAt = await reopenFeedback(db, item.code, rng.pick(REOPEN_REASONS[lang]), ctx(then));
          item.reopened = true;
          await stage(item, then, 'reopened');
        });
      } else if (!item.escalated && body.superiorId !== null && rng.chance(0.45)) {
        const reason = rng.pick(ESCALATION_REASONS[lang].answered);
        timeline.add(waking(plusDays(now, rng.between(0.2, 5)), rng), (then) => escalate(item, then, reason, 'answered'));
      }
    });
  };

  /** One body's handling of the item, from `from` on. */
  const stage = async (item: Live, from: Date, how: 'new' | 'forwarded' | 'reopened' | 'escalated'): Promise<void> => {
    const { rng, plan } = item;
    const lang = plan.language;
    const body = bodies.get(item.bodyId)!;
    const staff = await world.staff.of(body);
    if (how === 'new') {
      const target = forwardTarget(body, plan.category, rng);
      if (target) {
        const reason = forwardReason(rng, lang, { mn: target.nameMn, en: target.nameEn }, body.id === hotline.id);
        timeline.add(officeHours(plusDays(from, rng.between(0.05, 2.5)), rng), async (now) => {
          await forwardFeedback(db, item.code, target.id, reason, { accountId: staff.assignee }, ctx(now));
          item.bodyId = target.id;
          await stage(item, now, 'forwarded');
        });
        return;
      }
    }
    const profile = profileOf(body.slug, body.type);
    const answers = rng.chance(profile.answers);
    const touched = answers || rng.chance(0.6);
    const onTime = rng.chance(profile.onTime);
    // The law allows one extension per item, whoever holds it.
    const extend = touched && !item.extended && rng.chance(profile.extends);
    const rejects = plan.answers.rejected.length > 0 && rng.chance(profile.rejects);
    const steps: Step[] = [];
    // A reopened item is back in progress with the same person; the others start from "received".
    if (touched && how !== 'reopened') {
      steps.push({
        when: (previous) => officeHours(plusDays(previous, rng.between(0.05, 2)), rng),
        run: (now) => assignFeedback(db, item.code, staff.assignee, { accountId: staff.actor }, ctx(now)),
      });
      if (answers || rng.chance(0.7)) {
        steps.push({
          when: (previous) => officeHours(plusDays(previous, rng.between(0, 3)), rng),
          run: (now) => startWork(db, item.code, { accountId: staff.assignee }, ctx(now)),
        });
      }
    }
    if (touched) {
      if (rng.chance(0.12)) {
        const note = rng.pick(INTERNAL_NOTES);
        steps.push({
          when: (previous) => officeHours(plusDays(previous, rng.between(0.1, 4)), rng),
          run: (now) => addInternalNote(db, item.code, note, { accountId: staff.assignee }, ctx(now)),
        });
      }
    }
    if (extend) {
      const days = rng.int(10, 30);
      const reason = rng.pick(EXTENSION_REASONS[lang]);
      const ahead = rng.between(1, 6);
      steps.push({
        // The law allows one extension, announced before the deadline runs out.
        when: (previous) => {
          const at = officeHours(new Date(Math.max(previous.getTime() + HOUR, item.dueAt.getTime() - ahead * DAY)), rng);
          return at.getTime() < item.dueAt.getTime() ? at : null;
        },
        run: async (now) => {
          item.dueAt = await extendDeadline(db, item.code, days, reason, { accountId: staff.assignee }, ctx(now));
          item.extended = true;
        },
      });
    }
    if (answers) {
      // On-time answers come anywhere in the period, most in its first half.
      const share = rng.between(0.08, 0.55) + rng.between(0, 0.4);
      const late = rng.between(1, 45);
      const resolution = rejects ? 'rejected' : 'resolved';
      steps.push({
        when: (previous) => {
          const due = item.dueAt.getTime();
          const target = onTime ? from.getTime() + (due - from.getTime()) * share : due + late * DAY;
          return officeHours(notBefore(new Date(target), previous, rng), rng);
        },
        run: async (now) => {
          await answerFeedback(db, item.code, { resolution, text: answerText(item, resolution, how) }, { accountId: staff.assignee }, ctx(now));
          afterAnswer(item, now, resolution, now.getTime() <= item.dueAt.getTime());
        },
      });
    } else if (!item.escalated && body.superiorId !== null && rng.chance(0.3)) {
      // No answer: the sender takes it to the superior body once the deadline has passed.
      const after = rng.between(2, 25);
      const reason = rng.pick(ESCALATION_REASONS[lang].overdue);
      steps.push({
        when: (previous) => waking(new Date(Math.max(previous.getTime() + HOUR, item.dueAt.getTime() + after * DAY)), rng),
        run: (now) => escalate(item, now, reason, 'overdue'),
      });
    }
    chain(steps, from);
  };

  for (const plan of items) {
    timeline.add(plan.receivedAt, async (now) => {
      const rng = new Random(plan.seed);
      const result = await submitFeedback(
        db,
        {
          kind: plan.kind,
          categoryCode: plan.category,
          placeCode: plan.place.code,
          lat: plan.lat,
          lon: plan.lon,
          title: plan.title,
          description: plan.description,
          language: plan.language,
          wantsPublic: plan.wantsPublic,
          contact: plan.contact ?? undefined,
          channel: plan.channel,
          submitterId: plan.byCitizen ? world.accounts.citizen : null,
          operatorId: plan.channel === 'operator' ? world.accounts.operator : null,
          apiClientId: plan.channel === 'open311' ? apiClients[plan.index % apiClients.length] : null,
        },
        ctx(now),
      );
      const item: Live = { plan, rng, code: result.code, bodyId: result.bodyId, dueAt: result.dueAt, reopened: false, escalated: false, extended: false };
      // Moderators work long days, weekends included, and clear the queue within a day or two;
      // the last few days' items are still waiting for them.
      if (plan.wantsPublic && world.now.getTime() - now.getTime() > MODERATION_BACKLOG_DAYS * DAY) {
        let at = plusDays(now, rng.between(0.1, 2.2));
        const hour = new Date(at.getTime() + UB).getUTCHours();
        if (hour < 9 || hour >= 21) at = new Date(localDayStart(at.getTime() + UB) + (hour >= 21 ? DAY : 0) + (9 + rng.int(0, 3)) * HOUR - UB);
        const reason = rng.pick(WITHHOLD_REASONS);
        timeline.add(at, (then) =>
          plan.withhold
            ? withholdFeedback(db, item.code, reason, world.accounts.moderator, ctx(then))
            : publishFeedback(db, item.code, { title: plan.title, summary: plan.summary }, world.accounts.moderator, ctx(then)).then(() => undefined),
        );
      }
      await stage(item, now, 'new');
      submitted++;
      world.onProgress?.(submitted, items.length);
    });
  }

  // The platform's own schedule, run for the moments it would have run.
  const first = items[0]?.receivedAt ?? world.now;
  for (let day = localDayStart(first.getTime() + UB) + 3 * HOUR; day - UB <= world.now.getTime(); day += DAY) {
    // 03:00 in Ulaanbaatar: answered items nobody rated for 30 days close.
    timeline.add(new Date(day - UB), (at) => closeUnratedItems(db, at).then(() => undefined));
  }
  const start = new Date(first.getTime() + UB);
  for (let m = 1; ; m++) {
    // 09:00 in Ulaanbaatar on the 1st: last month's figures of every body go into the public record.
    const at = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1, 9) - UB);
    if (at.getTime() > world.now.getTime()) break;
    timeline.add(at, (then) => publishMonthlyStatistics(db, then).then(() => undefined));
  }

  const refused: string[] = [];
  await timeline.run(refused);
  await refreshFeedbackStats(db, { all: true });
  return { items: submitted, staffAccounts: world.staff.count, refused };
}

async function loadBodies(db: Db): Promise<Map<number, BodyInfo>> {
  const rows = await db
    .selectFrom('body')
    .innerJoin('organisation', 'organisation.id', 'body.organisation_id')
    .select(['organisation.id', 'organisation.slug', 'organisation.name_mn', 'organisation.name_en', 'body.body_type', 'body.superior_body_id'])
    .execute();
  const handled = await db.selectFrom('body_category').innerJoin('category', 'category.id', 'body_category.category_id').select(['body_category.body_id', 'category.code']).execute();
  const bodies = new Map<number, BodyInfo>();
  for (const r of rows) bodies.set(r.id, { id: r.id, slug: r.slug, type: r.body_type, nameMn: r.name_mn, nameEn: r.name_en, superiorId: r.superior_body_id, categories: new Set() });
  for (const h of handled) bodies.get(h.body_id)?.categories.add(h.code);
  return bodies;
}

/** The confirmation and notification emails the seed's commands queued: nobody is waiting for them. */
export async function discardSeedEmails(db: Db): Promise<number> {
  // Jobs queued in this transaction carry its start time (now()) as their creation time.
  const jobs = await sql<{ id: number }>`SELECT id FROM graphile_worker.jobs WHERE task_identifier = 'send_email' AND created_at = now()`.execute(db);
  if (jobs.rows.length === 0) return 0;
  const done = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.complete_jobs(${jobs.rows.map((j) => j.id)}::bigint[])`.execute(db);
  return done.rows[0]?.n ?? 0;
}
