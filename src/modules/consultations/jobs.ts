import { sql } from 'kysely';
import type { Db } from '../../shared/db/database.js';
import type { JobDefinition } from '../../shared/jobs/worker.js';
import { enqueueEmail } from '../../shared/mail/email.js';
import { NOTIFY_TASK } from './commands/text.js';
import { answersDueEmail, finishedEmail, newVersionEmail, type DueItem } from './emails.js';
import { phaseOf } from './model.js';
import { changesPath, managePath, reportPath, unsubscribePath } from './urls.js';

export { NOTIFY_TASK };
export const ANSWERS_DUE_TASK = 'consultations_answers_due';

/** How close to the due date staff start hearing about unanswered comments. */
const REMIND_DAYS = 7;

export interface NotifyPayload {
  consultationId: number;
  kind: 'version' | 'finished';
  version?: number;
}

/**
 * Emails everyone who follows a consultation (commenters follow unless they opted out)
 * about a new version or the finished consultation's report. Queued by the command in
 * its transaction; fans out here so publishing stays quick with thousands of followers.
 * All emails of one run are queued in one transaction: a retry never sends twice.
 */
export function notifyFollowersJob(db: Db, publicUrl: string): JobDefinition<NotifyPayload> {
  return {
    name: NOTIFY_TASK,
    async run(payload, at) {
      await db.transaction().execute(async (tx) => {
        const c = await tx.selectFrom('consultation').where('id', '=', payload.consultationId).selectAll().executeTakeFirst();
        if (!c) return;
        const followers = await tx
          .selectFrom('consultation_subscription as s')
          .innerJoin('account as a', 'a.id', 's.account_id')
          .where('s.consultation_id', '=', c.id)
          .where('s.state', '=', 'following')
          .where('a.disabled_at', 'is', null)
          .where('a.email_verified_at', 'is not', null)
          .select(['a.email', 'a.preferred_lang', 's.token'])
          .orderBy('a.id')
          .execute();
        const title = { mn: c.title_mn, en: c.title_en };
        if (payload.kind === 'version' && payload.version) {
          const version = await tx.selectFrom('consultation_version').where('consultation_id', '=', c.id).where('number', '=', payload.version).select(['change_note']).executeTakeFirst();
          if (!version) return;
          for (const f of followers) {
            await enqueueEmail(tx, newVersionEmail, f.email, f.preferred_lang === 'en' ? 'en' : 'mn', {
              title,
              version: payload.version,
              changeNote: version.change_note,
              changesUrl: publicUrl + changesPath(c.id, payload.version),
              closesAt: c.closes_at.toISOString(),
              open: phaseOf(c, at) === 'open',
              unsubscribeUrl: publicUrl + unsubscribePath(c.id, f.token),
            });
          }
        } else if (payload.kind === 'finished') {
          const count = await tx
            .selectFrom('consultation_comment')
            .where('consultation_id', '=', c.id)
            .where('status', '=', 'published')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow();
          for (const f of followers) {
            await enqueueEmail(tx, finishedEmail, f.email, f.preferred_lang === 'en' ? 'en' : 'mn', {
              title,
              reportUrl: publicUrl + reportPath(c.id),
              comments: Number(count.n),
              unsubscribeUrl: publicUrl + unsubscribePath(c.id, f.token),
            });
          }
        }
      });
    },
  };
}

/**
 * Each morning, body staff hear about their consultations whose answers fall due within
 * a week, or are overdue, while comments still wait: one email per person, in their
 * language, listing every such consultation of their bodies.
 */
export function answersDueJob(db: Db, publicUrl: string): JobDefinition<Record<string, never>> {
  return {
    name: ANSWERS_DUE_TASK,
    async run(_payload, at) {
      const horizon = new Date(at.getTime() + REMIND_DAYS * 86_400_000);
      const rows = await db
        .selectFrom('consultation as c')
        .where('c.status', '=', 'published')
        .where('c.closes_at', '<', at)
        .where('c.answers_due_at', '<', horizon)
        .select((eb) => [
          'c.id',
          'c.body_id',
          'c.title_mn',
          'c.title_en',
          'c.answers_due_at',
          eb
            .selectFrom('consultation_comment as cc')
            .whereRef('cc.consultation_id', '=', 'c.id')
            .where('cc.status', '=', 'published')
            .where('cc.answer_id', 'is', null)
            .select(sql<number>`count(*)`.as('n'))
            .as('unanswered'),
        ])
        .execute();
      const due = rows.filter((r) => Number(r.unanswered) > 0);
      if (due.length === 0) return;
      const bodyIds = [...new Set(due.map((r) => r.body_id))];
      const staff = await db
        .selectFrom('membership as m')
        .innerJoin('account as a', 'a.id', 'm.account_id')
        .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
        .where('m.organisation_id', 'in', bodyIds)
        .where('a.disabled_at', 'is', null)
        .where('a.email_verified_at', 'is not', null)
        .select(['a.id', 'a.email', 'a.preferred_lang', 'm.organisation_id', 'o.name_mn', 'o.name_en'])
        .orderBy('a.id')
        .execute();
      const byPerson = new Map<number, { email: string; lang: 'mn' | 'en'; body: { mn: string; en: string }; items: DueItem[] }>();
      for (const s of staff) {
        const entry = byPerson.get(s.id) ?? { email: s.email, lang: s.preferred_lang === 'en' ? 'en' : 'mn', body: { mn: s.name_mn, en: s.name_en }, items: [] };
        for (const r of due.filter((d) => d.body_id === s.organisation_id)) {
          entry.items.push({ title: { mn: r.title_mn, en: r.title_en }, unanswered: Number(r.unanswered), dueAt: r.answers_due_at.toISOString(), late: r.answers_due_at.getTime() < at.getTime(), url: publicUrl + managePath(r.id) });
        }
        byPerson.set(s.id, entry);
      }
      await db.transaction().execute(async (tx) => {
        for (const p of byPerson.values()) await enqueueEmail(tx, answersDueEmail, p.email, p.lang, { body: p.body, items: p.items });
      });
    },
  };
}
