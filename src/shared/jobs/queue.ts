import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';

export interface EnqueueOptions {
  runAt?: Date;
  /** A job with the same key replaces a pending one (debouncing, "one digest per body per day"). */
  jobKey?: string;
  maxAttempts?: number;
  /** Jobs in one named queue run one at a time, in order. */
  queue?: string;
}

/**
 * Adds a job inside the caller's transaction: the job exists exactly when the change
 * that needs it commits (no email about a complaint that was rolled back).
 */
export async function enqueueJob(q: Queryable, task: string, payload: object, options: EnqueueOptions = {}): Promise<void> {
  await sql`SELECT graphile_worker.add_job(
    ${task}::text,
    ${JSON.stringify(payload)}::json,
    queue_name => ${options.queue ?? null}::text,
    run_at => ${options.runAt ?? null}::timestamptz,
    max_attempts => ${options.maxAttempts ?? 10}::int,
    job_key => ${options.jobKey ?? null}::text
  )`.execute(q);
}
