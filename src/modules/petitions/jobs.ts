import { sql } from 'kysely';
import type { Db } from '../../shared/db/database.js';
import type { JobDefinition } from '../../shared/jobs/worker.js';
import { emailJobPayload, SEND_EMAIL_TASK } from '../../shared/mail/email.js';
import { NOTIFY_TASK } from './commands/respond.js';
import { closeDuePetitions } from './commands/steps.js';
import { responseEmail } from './emails.js';
import { petitionPath, unsubscribePath } from './model.js';

export const CLOSE_TASK = 'petitions_close';
export const CLEANUP_TASK = 'petitions_cleanup';
/** Emails queued per run of the notify job; the job queues itself again for the rest. */
export const NOTIFY_BATCH = 500;

/** Every minute: open petitions whose period ended close, at the time the period ended. */
export function closePetitionsJob(db: Db): JobDefinition<Record<string, never>> {
  return {
    name: CLOSE_TASK,
    async run(_payload, at) {
      await closeDuePetitions(db, at);
    },
  };
}

/**
 * Emails a response to the signers who asked for news, NOTIFY_BATCH at a time: one run
 * queues that many emails (as send_email jobs, in one statement) and, if there may be
 * more, queues its own next run after the last subscriber it reached. A petition with
 * 100,000 subscribers is 200 short runs, never one long one.
 */
export function notifySignersJob(db: Db, publicUrl: string): JobDefinition<{ petitionId: number; responseId: number; afterId: number }> {
  return {
    name: NOTIFY_TASK,
    async run(payload) {
      const response = await db
        .selectFrom('petition_response as r')
        .innerJoin('petition as p', 'p.id', 'r.petition_id')
        .innerJoin('organisation as o', 'o.id', 'p.body_id')
        .select(['r.text', 'p.title', 'o.name_mn', 'o.name_en'])
        .where('r.id', '=', payload.responseId)
        .executeTakeFirst();
      if (!response) return;
      const url = publicUrl + petitionPath(payload.petitionId);
      // Rendered when sent; each subscriber's address and unsubscribe link are set per row below.
      const mail = (lang: 'mn' | 'en') => emailJobPayload(responseEmail, '', lang, { title: response.title, body: { mn: response.name_mn, en: response.name_en }, text: response.text, url, unsubscribeUrl: '' });
      const unsubscribeBase = publicUrl + unsubscribePath(payload.petitionId, '');
      await db.transaction().execute(async (tx) => {
        const { rows } = await sql<{ last: number | null; n: number }>`
          WITH batch AS (
            SELECT id, email, lang, token FROM petition_subscriber
            WHERE petition_id = ${payload.petitionId} AND id > ${payload.afterId} ORDER BY id LIMIT ${NOTIFY_BATCH}
          ), queued AS (
            SELECT graphile_worker.add_job(${SEND_EMAIL_TASK}::text,
              jsonb_set(
                jsonb_set(CASE WHEN lang = 'en' THEN ${JSON.stringify(mail('en'))}::jsonb ELSE ${JSON.stringify(mail('mn'))}::jsonb END, '{to}', to_jsonb(email)),
                '{params,unsubscribeUrl}', to_jsonb(${unsubscribeBase}::text || token))::json,
              max_attempts => 10)
            FROM batch
          )
          SELECT (SELECT max(id) FROM batch) AS last, (SELECT count(*) FROM queued) AS n`.execute(tx);
        const { last, n } = rows[0]!;
        if (Number(n) === NOTIFY_BATCH && last !== null) {
          await sql`SELECT graphile_worker.add_job(${NOTIFY_TASK}::text, ${JSON.stringify({ ...payload, afterId: Number(last) })}::json, max_attempts => 10)`.execute(tx);
        }
      });
    },
  };
}

/** Daily: verification attempts older than a day and spent or expired SMS codes are deleted. */
export function petitionsCleanupJob(db: Db): JobDefinition<Record<string, never>> {
  return {
    name: CLEANUP_TASK,
    async run(_payload, at) {
      const dayAgo = new Date(at.getTime() - 86_400_000);
      await db.deleteFrom('petition_verification_attempt').where('attempted_at', '<', dayAgo).execute();
      await db.deleteFrom('petition_sms_challenge').where('expires_at', '<', dayAgo).execute();
    },
  };
}
