import { sql } from 'kysely';
import type { Db } from '../../../shared/db/database.js';
import { formatDate } from '../../../shared/i18n/format.js';
import { isLang, type Lang } from '../../../shared/i18n/index.js';
import type { JobDefinition } from '../../../shared/jobs/worker.js';
import { defineEmail, enqueueEmail } from '../../../shared/mail/email.js';
import { localized } from '../../../shared/views/context.js';
import { formatTrackingCode } from '../tracking-code.js';
import { dueSoonLimit, dueState } from './due.js';
import './messages.js';

export const FEEDBACK_DIGEST_TASK = 'feedback_daily_digest';
/** Codes listed per body; the counts say how many more there are. */
const CODES_PER_BODY = 20;

interface DigestBody {
  slug: string;
  mn: string;
  en: string;
  overdue: number;
  soon: number;
  items: { code: string; dueAt: string }[];
}

interface DigestParams {
  name: string;
  /** The time the digest was made for: days overdue are counted to it. */
  at: string;
  inboxUrl: string;
  bodies: DigestBody[];
}

export const feedbackDigestEmail = defineEmail<DigestParams>('feedback.daily_digest', (p, t, lang) => {
  const at = new Date(p.at);
  const total = p.bodies.reduce((n, b) => n + b.overdue + b.soon, 0);
  const lines = [t('inbox:digest.greeting', { name: p.name }), '', t('inbox:digest.intro'), ''];
  for (const b of p.bodies) {
    lines.push(t('inbox:digest.body', { body: localized(lang, b.mn, b.en), overdue: b.overdue, soon: b.soon }));
    for (const item of b.items) {
      const dueAt = new Date(item.dueAt);
      const state = dueState({ status: 'received', due_at: dueAt }, at);
      const code = formatTrackingCode(item.code);
      lines.push(state.kind === 'overdue' ? t('inbox:digest.overdueLine', { code, days: state.days }) : t('inbox:digest.soonLine', { code, date: formatDate(dueAt, lang) }));
    }
    const more = b.overdue + b.soon - b.items.length;
    if (more > 0) lines.push(t('inbox:digest.more', { count: more }));
    lines.push(t('inbox:digest.open', { url: `${p.inboxUrl}?body=${b.slug}` }), '');
  }
  lines.push(t('inbox:digest.footer'));
  return { subject: t('inbox:digest.subject', { count: total }), text: lines.join('\n') };
});

/**
 * Each body's items that are overdue or due within three days at `at`: counts, and the
 * first codes by deadline. One lateral walk of the inbox index per body with staff.
 */
async function dueByBody(db: Db, at: Date): Promise<Map<number, DigestBody>> {
  const limit = dueSoonLimit(at);
  const { rows } = await sql<{ id: number; slug: string; name_mn: string; name_en: string; overdue: number; soon: number; items: [string, string][] }>`
    select o.id, o.slug, o.name_mn, o.name_en, d.overdue, d.soon, l.items
    from organisation o
    cross join lateral (
      select count(*) filter (where i.due_at < ${at}) as overdue, count(*) filter (where i.due_at >= ${at}) as soon
      from feedback_item i
      where i.body_id = o.id and i.status in ('received', 'assigned', 'in_progress') and i.due_at <= ${limit}
    ) d
    cross join lateral (
      select coalesce(json_agg(json_build_array(x.code, x.due_at) order by x.due_at, x.id), '[]') as items
      from (
        select i.code, i.due_at, i.id from feedback_item i
        where i.body_id = o.id and i.status in ('received', 'assigned', 'in_progress') and i.due_at <= ${limit}
        order by i.due_at, i.id limit ${CODES_PER_BODY}
      ) x
    ) l
    where o.kind = 'body' and exists (select 1 from membership m where m.organisation_id = o.id)
      and d.overdue + d.soon > 0`.execute(db);
  return new Map(
    rows.map((r) => [
      r.id,
      { slug: r.slug, mn: r.name_mn, en: r.name_en, overdue: r.overdue, soon: r.soon, items: r.items.map(([code, dueAt]) => ({ code, dueAt: new Date(dueAt).toISOString() })) },
    ]),
  );
}

/**
 * The daily digest: one email to each member of staff (in their language) listing their
 * bodies' items that are overdue or due within three days. Runs at 08:00 in Ulaanbaatar;
 * `at` is the cron slot, so a late run still counts days to the morning it was meant for.
 */
export function feedbackDailyDigestJob(db: Db, publicUrl: string): JobDefinition<Record<string, unknown>> {
  return {
    name: FEEDBACK_DIGEST_TASK,
    async run(_payload, at) {
      const bodies = await dueByBody(db, at);
      if (bodies.size === 0) return;
      const staff = await db
        .selectFrom('membership as m')
        .innerJoin('account as a', 'a.id', 'm.account_id')
        .select(['a.id', 'a.email', 'a.display_name', 'a.preferred_lang', 'm.organisation_id'])
        .where('m.organisation_id', 'in', [...bodies.keys()])
        .where('a.disabled_at', 'is', null)
        // Only confirmed addresses: a mistyped address must not receive a body's work list.
        .where('a.email_verified_at', 'is not', null)
        .orderBy('a.id')
        .orderBy('m.organisation_id')
        .execute();
      const byPerson = new Map<number, { email: string; name: string; lang: Lang; bodies: DigestBody[] }>();
      for (const s of staff) {
        const person = byPerson.get(s.id) ?? { email: s.email, name: s.display_name, lang: isLang(s.preferred_lang) ? s.preferred_lang : 'mn', bodies: [] };
        person.bodies.push(bodies.get(s.organisation_id)!);
        byPerson.set(s.id, person);
      }
      // One transaction: either every email of this morning is queued, or none is (and the job retries).
      await db.transaction().execute(async (tx) => {
        for (const person of byPerson.values()) {
          await enqueueEmail(tx, feedbackDigestEmail, person.email, person.lang, { name: person.name, at: at.toISOString(), inboxUrl: `${publicUrl}/inbox`, bodies: person.bodies });
        }
      });
    },
  };
}
