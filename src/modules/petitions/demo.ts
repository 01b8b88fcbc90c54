import { sql } from 'kysely';
import type { Clock } from '../../shared/clock.js';
import type { Db } from '../../shared/db/database.js';
import { appendPublicEvent } from '../../shared/public-record/append.js';
import { placeCatalogue } from '../places/catalogue.js';
import { createDraft, startCollecting, supportPetition } from './commands/lifecycle.js';
import { publishPetition, rejectPetition } from './commands/moderate.js';
import { respondToPetition } from './commands/respond.js';
import { recordReachedSteps } from './commands/steps.js';
import { petitionStepReached, petitionSubmitted, petitionSubject } from './events.js';
import { MODERATION_TARGET_DAYS } from './model.js';

const DAY = 86_400_000;

/**
 * Demo petitions for a newcomer: to parliament (open, past its working-group step), to
 * the Ministry of Education (answered late), to an aimag khural (answered on time and
 * closed), one waiting for moderation, one gathering supporters and one rejected. Made
 * by the module's commands on a moving clock; the votes themselves are inserted in bulk
 * (thousands of demo people, each a random person hash, spread over aimags and soums)
 * with their counters, so the counts are exact as the vote writer would leave them.
 * Does nothing when the bodies it needs are missing or petitions exist already.
 */
export async function seedDemoPetitions(db: Db, clock: Clock): Promise<{ petitions: number; votes: number }> {
  const now = clock.now();
  const existing = await db.selectFrom('petition').select('id').limit(1).executeTakeFirst();
  if (existing) return { petitions: 0, votes: 0 };
  const slugs = await db.selectFrom('organisation').select(['id', 'slug']).where('slug', 'in', ['state-great-khural', 'ministry-of-education', 'ovorkhangai-aimag-khural']).execute();
  const body = (slug: string) => slugs.find((s) => s.slug === slug);
  const accounts = await db.selectFrom('account').select(['id', 'email']).where('email', 'like', '%@demo.irgen.mn').execute();
  const citizen = accounts.find((a) => a.email.startsWith('citizen@'))?.id ?? accounts[0]?.id;
  const moderator = accounts.find((a) => a.email.startsWith('moderator@'))?.id ?? citizen;
  const admin = accounts.find((a) => a.email.startsWith('admin@'))?.id ?? citizen;
  if (!citizen || !moderator || !admin || !body('state-great-khural') || !body('ministry-of-education')) return { petitions: 0, votes: 0 };
  const ctx = (at: Date) => ({ now: at, publicUrl: '' });
  let petitions = 0;
  let votes = 0;

  async function draft(slug: string, at: Date, title: string, action: string, background: string): Promise<number> {
    petitions++;
    return createDraft(db, citizen!, { bodySlug: slug, title, action, background, links: '', language: 'mn' }, ctx(at));
  }

  /** The supporters step, as a demo shortcut: supporter rows cannot come from 100 demo accounts. */
  async function supported(id: number, at: Date): Promise<void> {
    await startCollecting(db, id, ctx(at));
    const step = await db.selectFrom('petition_step').selectAll().where('petition_id', '=', id).where('counts', '=', 'supporters').executeTakeFirst();
    if (!step) return;
    const others = accounts.filter((a) => a.id !== citizen);
    if (others.length >= step.threshold) {
      for (const a of others.slice(0, step.threshold)) await supportPetition(db, id, a.id, ctx(at));
      return;
    }
    const reached = new Date(at.getTime() + DAY);
    const slug = (await db.selectFrom('petition as p').innerJoin('organisation as o', 'o.id', 'p.body_id').select('o.slug').where('p.id', '=', id).executeTakeFirstOrThrow()).slug;
    await db.transaction().execute(async (tx) => {
      const due = new Date(reached.getTime() + MODERATION_TARGET_DAYS * DAY);
      await tx.updateTable('petition').set({ state: 'moderation', supporter_count: step.threshold, moderation_at: reached, moderation_due_at: due, updated_at: reached }).where('id', '=', id).execute();
      await tx.updateTable('petition_step').set({ reached_at: reached }).where('petition_id', '=', id).where('position', '=', step.position).execute();
      await appendPublicEvent(tx, {
        kind: petitionStepReached,
        subject: petitionSubject(id),
        payload: { petition: id, body: slug, position: step.position, counts: 'supporters', threshold: step.threshold, consequence: 'voting_opens', reached_at: reached.toISOString(), due_at: null },
        occurredAt: reached,
      });
      await appendPublicEvent(tx, { kind: petitionSubmitted, subject: petitionSubject(id), payload: { petition: id, body: slug, supporters: step.threshold, moderation_due_at: due.toISOString() }, occurredAt: reached });
    });
  }

  /** n demo votes between `from` and `to`, half from the capital, as the vote writer would store and count them (shard 0). */
  async function castVotes(id: number, n: number, from: Date, to: Date, level: 'eid' | 'sms' | 'email'): Promise<void> {
    const catalogue = placeCatalogue();
    const capital = catalogue.children('11').map((p) => p.code);
    const soums = catalogue
      .firstLevel()
      .filter((p) => p.code !== '11')
      .flatMap((a) => catalogue.children(a.code).slice(0, 4).map((s) => s.code));
    const places = [...capital, ...capital, ...capital, ...soums];
    await sql`
      WITH v AS (
        INSERT INTO petition_signature (petition_id, person_hash, contact_hash, level, place_code, signed_at)
        SELECT ${id}, sha256(convert_to('demo-person:' || ${id} || ':' || g, 'UTF8')), sha256(convert_to('demo-contact:' || ${id} || ':' || g, 'UTF8')),
               ${level}::petition_verification_level, (${places}::text[])[1 + (g * 7919) % ${places.length}],
               ${from}::timestamptz + (${to.getTime() - from.getTime()} * power(g::float / ${n}, 0.6)) * interval '1 millisecond'
        FROM generate_series(1, ${n}) g
        RETURNING place_code, signed_at
      ), c AS (
        INSERT INTO petition_count (petition_id, shard, votes) SELECT ${id}, 0, count(*) FROM v
        ON CONFLICT (petition_id, shard) DO UPDATE SET votes = petition_count.votes + EXCLUDED.votes
      ), p AS (
        INSERT INTO petition_place_count (petition_id, place_code, shard, votes) SELECT ${id}, place_code, 0, count(*) FROM v GROUP BY place_code
      )
      INSERT INTO petition_hour_count (petition_id, hour, shard, votes) SELECT ${id}, date_trunc('hour', signed_at), 0, count(*) FROM v GROUP BY 2`.execute(db);
    votes += n;
    await recordReachedSteps(db, id, ctx(to));
  }

  // Parliament: open 20 days, 35,200 e-ID votes, past the working group's step; its answer is not yet due.
  const air = await draft(
    'state-great-khural',
    new Date(now.getTime() - 26 * DAY),
    'Агаарын бохирдлыг бууруулах тухай хуулийн төслийг энэ чуулганаар хэлэлцэх',
    'Улсын Их Хурал агаарын бохирдлыг бууруулах тухай хуулийн төслийг энэ намрын чуулганаар хэлэлцэж батлахыг хүсье.',
    'Өвлийн улиралд Улаанбаатарын агаар дахь PM2.5-ын хэмжээ зөвшөөрөгдөх хэмжээнээс олон дахин давж, хүүхдийн уушгины өвчлөл нэмэгдэж байна.',
  );
  await supported(air, new Date(now.getTime() - 26 * DAY));
  await publishPetition(db, air, moderator, ctx(new Date(now.getTime() - 20 * DAY)));
  await castVotes(air, 35_200, new Date(now.getTime() - 20 * DAY), new Date(now.getTime() - 2 * 3_600_000), 'eid');

  // Ministry of Education: the response step reached 40 days ago; the answer came 10 days late.
  const lunch = await draft(
    'ministry-of-education',
    new Date(now.getTime() - 60 * DAY),
    'Бага ангийн сурагчдыг үнэгүй өдрийн хоолоор хангах',
    'Боловсролын яам бүх ерөнхий боловсролын сургуулийн бага ангийн сурагчдыг үнэгүй, шим тэжээлтэй өдрийн хоолоор хангах журам батлахыг хүсье.',
    'Олон өрхийн хүүхэд өглөөний цайгүй хичээллэж, анхаарал төвлөрөл муудаж байна.',
  );
  await supported(lunch, new Date(now.getTime() - 60 * DAY));
  await publishPetition(db, lunch, moderator, ctx(new Date(now.getTime() - 55 * DAY)));
  await castVotes(lunch, 1_240, new Date(now.getTime() - 55 * DAY), new Date(now.getTime() - 40 * DAY), 'sms');
  await respondToPetition(
    db,
    lunch,
    { kind: 'response', outcome: '', text: 'Яам 2026-2027 оны хичээлийн жилээс бага ангийн сурагчдын үдийн хоолны хөтөлбөрийг бүх аймагт үе шаттайгаар хэрэгжүүлэхээр төсөвт тусгасан.' },
    admin,
    ctx(new Date(now.getTime() - 1 * DAY)),
  );

  // Övörkhangai aimag khural: answered on time, closed.
  if (body('ovorkhangai-aimag-khural')) {
    const park = await draft(
      'ovorkhangai-aimag-khural',
      new Date(now.getTime() - 90 * DAY),
      'Арвайхээр хотод хүүхдийн тоглоомын талбай байгуулах',
      'Аймгийн ИТХ 2026 оны орон нутгийн хөгжлийн сангаас Арвайхээр хотын 3-р багт хүүхдийн тоглоомын талбай байгуулах хөрөнгө батлахыг хүсье.',
      'Багийн нутагт хүүхдийн тоглох аюулгүй газар нэг ч байхгүй.',
    );
    await supported(park, new Date(now.getTime() - 90 * DAY));
    await publishPetition(db, park, moderator, ctx(new Date(now.getTime() - 88 * DAY)));
    await castVotes(park, 320, new Date(now.getTime() - 88 * DAY), new Date(now.getTime() - 60 * DAY), 'email');
    await respondToPetition(db, park, { kind: 'response', outcome: '', text: 'Хурлын тогтоолоор тоглоомын талбайн хөрөнгийг 2026 оны төсөвт тусгалаа.' }, admin, ctx(new Date(now.getTime() - 45 * DAY)));
    await sql`UPDATE petition SET state = 'closed', closed_at = closes_at WHERE id = ${park} AND closes_at < ${now}`.execute(db);
  }

  // Waiting for moderation, gathering supporters, and rejected for personal data.
  const bus = await draft('ministry-of-education', new Date(now.getTime() - 4 * DAY), 'Сургуулийн автобусны үйлчилгээг сум бүрт', 'Алслагдсан сумдын сурагчдад сургуулийн автобусны үйлчилгээ нэвтрүүлэхийг хүсье.', 'Малчдын хүүхдүүд сургууль хүртэл 20 гаруй км явдаг.');
  await supported(bus, new Date(now.getTime() - 4 * DAY));
  await draft('state-great-khural', new Date(now.getTime() - 2 * DAY), 'Хөгжлийн бэрхшээлтэй иргэдийн хүртээмжтэй орчин', 'Нийтийн барилга бүрийг хүртээмжтэй болгох хуулийн заалтын хэрэгжилтийг хянахыг хүсье.', '');
  await startCollecting(db, (await db.selectFrom('petition').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id, ctx(new Date(now.getTime() - DAY)));
  const named = await draft('ministry-of-education', new Date(now.getTime() - 15 * DAY), 'Тодорхой багшийг ажлаас халах', 'Нэр бүхий багшийг ажлаас халахыг хүсье.', 'Багшийн нэр, утасны дугаарыг дурдсан.');
  await supported(named, new Date(now.getTime() - 15 * DAY));
  await rejectPetition(db, named, { reason: 'personal_data', note: 'Өргөдөлд тодорхой хүний нэр, утасны дугаар орсон тул нийтлэх боломжгүй.' }, moderator, ctx(new Date(now.getTime() - 12 * DAY)));
  return { petitions, votes };
}
