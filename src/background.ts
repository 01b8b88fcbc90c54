import type { Runner } from 'graphile-worker';
import type { Database } from './shared/db/database.js';
import type { Logger } from './shared/logger.js';
import type { Mailer } from './shared/mail/mailer.js';
import { sendEmailJob } from './shared/mail/email.js';
import { startWorker, type CronEntry, type JobDefinition } from './shared/jobs/worker.js';
import { startRecordChainer } from './shared/public-record/chainer.js';
import type { Clock } from './shared/clock.js';
import { loadConfig } from './config.js';
import { feedbackAutoCloseJob, FEEDBACK_AUTO_CLOSE_TASK } from './modules/feedback/inbox/auto-close.js';
import { feedbackDailyDigestJob, FEEDBACK_DIGEST_TASK } from './modules/feedback/inbox/digest.js';
import { publishStatisticsJob, refreshStatsJob } from './modules/feedback/stats/publish.js';
import { accountsCleanupJob } from './modules/accounts/cleanup.js';
import { ANSWERS_DUE_TASK, answersDueJob, notifyFollowersJob } from './modules/consultations/jobs.js';
import { reportPdfJob } from './modules/consultations/report-pdf.js';
import { disagreementNoticeJob, dueRemindersJob, importCleanupJob, DUE_REMINDERS_TASK, IMPORT_CLEANUP_TASK } from './modules/commitments/reminders.js';
import { closePetitionsJob, notifySignersJob, petitionsCleanupJob, CLOSE_TASK as PETITIONS_CLOSE_TASK, CLEANUP_TASK as PETITIONS_CLEANUP_TASK } from './modules/petitions/jobs.js';

export interface BackgroundDeps {
  database: Database;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
  /** Base URL for links in emails; PUBLIC_URL when not given. */
  publicUrl?: string;
}

export interface Background {
  stop(): Promise<void>;
}

/** Every job the platform runs, with the modules that define them. */
export function allJobs(deps: BackgroundDeps): JobDefinition<never>[] {
  return [
    sendEmailJob(deps.mailer) as JobDefinition<never>,
    feedbackDailyDigestJob(deps.database.db, deps.publicUrl ?? loadConfig().publicUrl) as JobDefinition<never>,
    feedbackAutoCloseJob(deps.database.db) as JobDefinition<never>,
    refreshStatsJob(deps.database.db) as JobDefinition<never>,
    publishStatisticsJob(deps.database.db) as JobDefinition<never>,
    accountsCleanupJob(deps.database.db) as JobDefinition<never>,
    notifyFollowersJob(deps.database.db, deps.publicUrl ?? loadConfig().publicUrl) as JobDefinition<never>,
    answersDueJob(deps.database.db, deps.publicUrl ?? loadConfig().publicUrl) as JobDefinition<never>,
    reportPdfJob(deps.database.db) as JobDefinition<never>,
    closePetitionsJob(deps.database.db) as JobDefinition<never>,
    notifySignersJob(deps.database.db, deps.publicUrl ?? loadConfig().publicUrl) as JobDefinition<never>,
    petitionsCleanupJob(deps.database.db) as JobDefinition<never>,
    dueRemindersJob(deps.database.db, deps.publicUrl ?? loadConfig().publicUrl) as JobDefinition<never>,
    disagreementNoticeJob(deps.database.db, deps.publicUrl ?? loadConfig().publicUrl) as JobDefinition<never>,
    importCleanupJob(deps.database.db) as JobDefinition<never>,
  ];
}

/** Scheduled jobs (cron in UTC; Ulaanbaatar is UTC+8). */
export const CRONTAB: CronEntry[] = [
  // Responsiveness figures lag the items by at most a minute.
  { pattern: '* * * * *', task: 'feedback_stats_refresh' },
  // 09:00 in Ulaanbaatar on the 1st: last month's figures of every body go into the public record.
  { pattern: '0 1 1 * *', task: 'feedback_stats_publish' },
  // 03:30 in Ulaanbaatar: expired sessions, old sign-in attempts and spent links are deleted.
  { pattern: '30 19 * * *', task: 'accounts_cleanup' },
  // 08:00 in Ulaanbaatar: staff read the list of items due soon or overdue as the day starts.
  { pattern: '0 0 * * *', task: FEEDBACK_DIGEST_TASK },
  // 03:00 in Ulaanbaatar: answered items nobody rated for 30 days close, while nobody works.
  { pattern: '0 19 * * *', task: FEEDBACK_AUTO_CLOSE_TASK },
  // 08:30 in Ulaanbaatar: body staff hear about consultation answers due within a week or overdue.
  { pattern: '30 0 * * *', task: ANSWERS_DUE_TASK },
  // Every minute: petitions whose open period ended close (at the time it ended).
  { pattern: '* * * * *', task: PETITIONS_CLOSE_TASK },
  // 04:00 in Ulaanbaatar: verification attempts older than a day and old SMS codes are deleted.
  { pattern: '0 20 * * *', task: PETITIONS_CLEANUP_TASK },
  // 08:15 in Ulaanbaatar: lead bodies hear of milestones due within 14 days, and again within 3.
  { pattern: '15 0 * * *', task: DUE_REMINDERS_TASK },
  // 04:00 in Ulaanbaatar: plan files uploaded but never imported are deleted.
  { pattern: '0 20 * * *', task: IMPORT_CLEANUP_TASK },
];

/** Starts the job worker and the public-record chainer in this process. */
export async function startBackground(deps: BackgroundDeps): Promise<Background> {
  const runner: Runner = await startWorker(deps.database.pool, allJobs(deps), CRONTAB, deps.log);
  const chainer = startRecordChainer(deps.database, { log: deps.log });
  return {
    async stop() {
      await runner.stop();
      await chainer.stop();
    },
  };
}
