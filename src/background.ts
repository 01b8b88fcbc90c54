import type { Runner } from 'graphile-worker';
import type { Database } from './shared/db/database.js';
import type { Logger } from './shared/logger.js';
import type { Mailer } from './shared/mail/mailer.js';
import { sendEmailJob } from './shared/mail/email.js';
import { startWorker, type CronEntry, type JobDefinition } from './shared/jobs/worker.js';
import { startRecordChainer } from './shared/public-record/chainer.js';
import type { Clock } from './shared/clock.js';

export interface BackgroundDeps {
  database: Database;
  mailer: Mailer;
  clock: Clock;
  log: Logger;
}

export interface Background {
  stop(): Promise<void>;
}

/** Every job the platform runs, with the modules that define them. */
export function allJobs(deps: BackgroundDeps): JobDefinition<never>[] {
  return [sendEmailJob(deps.mailer) as JobDefinition<never>];
}

/** Scheduled jobs (cron in UTC; Ulaanbaatar is UTC+8). */
export const CRONTAB: CronEntry[] = [];

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
