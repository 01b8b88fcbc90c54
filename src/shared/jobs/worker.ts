import { parseCrontab, run, type Runner, type Task, type TaskList } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from '../logger.js';

export interface JobDefinition<P> {
  name: string;
  /** `at` is the time the job runs for: the cron slot for scheduled jobs, else now. */
  run(payload: P, at: Date): Promise<void>;
}

export interface CronEntry {
  /** Five-field cron pattern in UTC, e.g. '0 0 * * *' = 08:00 in Ulaanbaatar. */
  pattern: string;
  task: string;
}

/**
 * Runs queued jobs from PostgreSQL (graphile-worker: LISTEN/NOTIFY wake-ups, retries
 * with back-off, cron with catch-up after downtime). Scheduled jobs receive the time of
 * their slot, so a late run still acts for the time it was meant for.
 */
export async function startWorker(pool: pg.Pool, jobs: JobDefinition<never>[], crontab: CronEntry[], log: Logger): Promise<Runner> {
  const taskList: TaskList = {};
  for (const job of jobs) {
    const task: Task = async (payload) => {
      const p = (payload ?? {}) as { _cron?: { ts: string } };
      const at = p._cron ? new Date(p._cron.ts) : new Date();
      await job.run(payload as never, at);
    };
    taskList[job.name] = task;
  }
  return run({
    pgPool: pool,
    taskList,
    // Missed slots (the platform was down) are run on start for up to a day, with their own time.
    parsedCronItems: parseCrontab(crontab.map((c) => `${c.pattern} ${c.task} ?fill=1d`).join('\n')),
    concurrency: 2,
    noHandleSignals: true,
    pollInterval: 2000,
  }).then((runner) => {
    runner.events.on('job:error', ({ job, error }) => log.warn({ task: job.task_identifier, err: error }, 'job failed; it will be retried'));
    return runner;
  });
}
