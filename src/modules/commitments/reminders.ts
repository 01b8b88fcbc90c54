import { sql } from 'kysely';
import type { Db, Queryable } from '../../shared/db/database.js';
import { addLocalDays } from '../../shared/calendar.js';
import { localDay } from '../../shared/i18n/format.js';
import { isLang, type Lang } from '../../shared/i18n/index.js';
import type { JobDefinition } from '../../shared/jobs/worker.js';
import { enqueueEmail } from '../../shared/mail/email.js';
import { disagreementEmail, dueSoonEmail, type DueItem } from './emails.js';
import { disagrees, fromColumns, isDone, REMINDER_STAGES } from './model.js';
import { DISAGREEMENT_TASK, DUE_REMINDERS_TASK, IMPORT_CLEANUP_TASK } from './task-names.js';
import { milestonePath, workPath } from './urls.js';

export { DISAGREEMENT_TASK, DUE_REMINDERS_TASK, IMPORT_CLEANUP_TASK };

interface StaffMember {
  accountId: number;
  email: string;
  name: string;
  lang: Lang;
  bodyId: number;
}

/** Staff of these bodies who can be written to: confirmed addresses, accounts not disabled. */
async function staffOf(q: Queryable, bodyIds: number[]): Promise<StaffMember[]> {
  if (bodyIds.length === 0) return [];
  const rows = await q
    .selectFrom('membership as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .where('m.organisation_id', 'in', bodyIds)
    .where('o.kind', '=', 'body')
    .where('a.disabled_at', 'is', null)
    .where('a.email_verified_at', 'is not', null)
    .select(['a.id', 'a.email', 'a.display_name', 'a.preferred_lang', 'm.organisation_id'])
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ accountId: r.id, email: r.email, name: r.display_name, lang: isLang(r.preferred_lang) ? r.preferred_lang : 'mn', bodyId: r.organisation_id }));
}

/**
 * Reminders before due dates, daily at 08:15 in Ulaanbaatar (00:15 UTC, background.ts): each lead body's staff get
 * one email listing their milestones due within 14 days (and again within 3) that no
 * report calls completed. `at` is the time the job runs for; a reminder row per
 * milestone, stage and due date means a repeated or late run never emails twice.
 */
export function dueRemindersJob(db: Db, publicUrl: string): JobDefinition<Record<string, unknown>> {
  return {
    name: DUE_REMINDERS_TASK,
    async run(_payload, at) {
      const today = localDay(at);
      const widest = Math.max(...REMINDER_STAGES.map((s) => s.days));
      const { rows } = await sql<{
        id: number;
        lead_body_id: number;
        number: number;
        sequence: number;
        title_mn: string | null;
        title_en: string | null;
        plan_slug: string;
        plan_mn: string | null;
        plan_en: string | null;
        body_mn: string;
        body_en: string;
        due: string;
        status: Parameters<typeof fromColumns>[0]['status'];
        status_up_to: Parameters<typeof fromColumns>[0]['status_up_to'];
        sent: string[];
      }>`
        SELECT m.id, m.lead_body_id, c.number, m.sequence, m.title_mn, m.title_en, p.slug AS plan_slug, p.title_mn AS plan_mn, p.title_en AS plan_en,
          o.name_mn AS body_mn, o.name_en AS body_en, coalesce(m.due_on, p.period_end)::text AS due, r.status, r.status_up_to,
          coalesce((SELECT array_agg(x.stage) FROM commitment_reminder x WHERE x.milestone_id = m.id AND x.due_on = coalesce(m.due_on, p.period_end)), '{}') AS sent
        FROM commitment_milestone m
        JOIN commitment c ON c.id = m.commitment_id
        JOIN commitment_plan p ON p.id = c.plan_id
        JOIN organisation o ON o.id = m.lead_body_id
        LEFT JOIN LATERAL (SELECT status, status_up_to FROM commitment_report WHERE milestone_id = m.id ORDER BY version DESC LIMIT 1) r ON true
        WHERE p.closed_at IS NULL
          AND coalesce(m.due_on, p.period_end) BETWEEN ${today}::date AND ${addLocalDays(today, widest)}::date
        ORDER BY coalesce(m.due_on, p.period_end), c.number, m.sequence`.execute(db);

      const due: { row: (typeof rows)[number]; stages: string[] }[] = [];
      for (const row of rows) {
        if (isDone(fromColumns(row))) continue;
        // The nearest stage whose window holds the due date; the wider ones count as sent with it.
        const within = REMINDER_STAGES.filter((s) => row.due <= addLocalDays(today, s.days));
        const nearest = within.reduce<(typeof REMINDER_STAGES)[number] | null>((a, s) => (a === null || s.days < a.days ? s : a), null);
        if (!nearest || row.sent.includes(nearest.stage)) continue;
        due.push({ row, stages: within.filter((s) => s.days >= nearest.days && !row.sent.includes(s.stage)).map((s) => s.stage) });
      }
      if (due.length === 0) return;
      const staff = await staffOf(db, [...new Set(due.map((d) => d.row.lead_body_id))]);
      await db.transaction().execute(async (tx) => {
        for (const d of due) {
          await tx
            .insertInto('commitment_reminder')
            .values(d.stages.map((stage) => ({ milestone_id: d.row.id, stage, due_on: d.row.due, sent_at: at })))
            .onConflict((oc) => oc.doNothing())
            .execute();
        }
        for (const person of staff) {
          const mine = due.filter((d) => d.row.lead_body_id === person.bodyId);
          if (mine.length === 0) continue;
          const items: DueItem[] = mine.map(({ row }) => ({
            plan: { mn: row.plan_mn, en: row.plan_en },
            commitment: row.number,
            sequence: row.sequence,
            milestone: { mn: row.title_mn, en: row.title_en },
            due: row.due,
            status: fromColumns(row),
            url: `${publicUrl}${milestonePath(row.plan_slug, row.id)}`,
          }));
          const first = mine[0]!.row;
          await enqueueEmail(tx, dueSoonEmail, person.email, person.lang, { name: person.name, body: { mn: first.body_mn, en: first.body_en }, items, workUrl: `${publicUrl}${workPath}` });
        }
      });
    },
  };
}

/**
 * After a CSO published an assessment that disagrees with the government's status: the
 * lead body's staff are told, in their language. Judged when the job runs: if the body
 * has reported again since and the two now agree, or the organisation has published a newer
 * assessment (which has its own notice if it differs), nobody is bothered.
 */
export function disagreementNoticeJob(db: Db, publicUrl: string): JobDefinition<{ assessmentId: number }> {
  return {
    name: DISAGREEMENT_TASK,
    async run(payload) {
      const row = await db
        .selectFrom('commitment_assessment as a')
        .innerJoin('organisation as org', 'org.id', 'a.organisation_id')
        .innerJoin('commitment_milestone as m', 'm.id', 'a.milestone_id')
        .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
        .innerJoin('commitment_plan as p', 'p.id', 'c.plan_id')
        .where('a.id', '=', payload.assessmentId)
        .select([
          'a.milestone_id',
          'a.organisation_id',
          'a.version',
          'a.status',
          'a.status_up_to',
          'org.name_mn as org_mn',
          'org.name_en as org_en',
          'm.lead_body_id',
          'm.sequence',
          'm.title_mn',
          'm.title_en',
          'c.number',
          'p.slug',
          'p.title_mn as plan_mn',
          'p.title_en as plan_en',
        ])
        .executeTakeFirst();
      if (!row) return;
      // The organisation may have published a newer view since: only its latest one speaks for it.
      const latest = await db
        .selectFrom('commitment_assessment')
        .where('milestone_id', '=', row.milestone_id)
        .where('organisation_id', '=', row.organisation_id)
        .select((eb) => eb.fn.max('version').as('v'))
        .executeTakeFirst();
      if (Number(latest?.v ?? 0) !== row.version) return;
      const report = await db.selectFrom('commitment_report').where('milestone_id', '=', row.milestone_id).orderBy('version', 'desc').select(['status', 'status_up_to']).executeTakeFirst();
      const government = report ? fromColumns(report) : null;
      const cso = fromColumns(row);
      if (!government || !cso || !disagrees(cso, government)) return;
      const staff = await staffOf(db, [row.lead_body_id]);
      await db.transaction().execute(async (tx) => {
        for (const person of staff) {
          await enqueueEmail(tx, disagreementEmail, person.email, person.lang, {
            name: person.name,
            organisation: { mn: row.org_mn, en: row.org_en },
            plan: { mn: row.plan_mn, en: row.plan_en },
            commitment: row.number,
            sequence: row.sequence,
            milestone: { mn: row.title_mn, en: row.title_en },
            cso,
            government,
            url: `${publicUrl}${milestonePath(row.slug, row.milestone_id)}`,
          });
        }
      });
    },
  };
}

/** Plan files uploaded but never confirmed are deleted after a day (they may hold unpublished text). */
export function importCleanupJob(db: Db): JobDefinition<Record<string, unknown>> {
  return {
    name: IMPORT_CLEANUP_TASK,
    async run(_payload, at) {
      await db
        .deleteFrom('commitment_import_upload')
        .where('created_at', '<', new Date(at.getTime() - 86_400_000))
        .execute();
    },
  };
}
