import type { Db } from '../../shared/db/database.js';
import type { JobDefinition } from '../../shared/jobs/worker.js';

/** Failed sign-ins older than this no longer count towards any limit. */
const LOGIN_ATTEMPT_RETENTION_DAYS = 30;

/**
 * Deletes what the platform no longer needs to keep about people: expired sessions,
 * old sign-in attempts (they hold email and IP addresses) and spent single-use links.
 * `at` is the time the job runs for.
 */
export async function cleanUpAccounts(db: Db, at: Date): Promise<{ sessions: number; attempts: number; tokens: number }> {
  const cutoff = new Date(at.getTime() - LOGIN_ATTEMPT_RETENTION_DAYS * 86_400_000);
  const sessions = await db.deleteFrom('session').where('expires_at', '<', at).executeTakeFirst();
  const attempts = await db.deleteFrom('login_attempt').where('attempted_at', '<', cutoff).executeTakeFirst();
  const tokens = await db.deleteFrom('account_token').where('expires_at', '<', cutoff).executeTakeFirst();
  return { sessions: Number(sessions.numDeletedRows), attempts: Number(attempts.numDeletedRows), tokens: Number(tokens.numDeletedRows) };
}

export function accountsCleanupJob(db: Db): JobDefinition<Record<string, never>> {
  return { name: 'accounts_cleanup', run: async (_payload, at) => void (await cleanUpAccounts(db, at)) };
}
