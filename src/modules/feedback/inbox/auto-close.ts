import type { Db } from '../../../shared/db/database.js';
import type { JobDefinition } from '../../../shared/jobs/worker.js';
import { closeUnratedItems } from '../commands/submitter.js';

export const FEEDBACK_AUTO_CLOSE_TASK = 'feedback_auto_close';
const BATCH = 500;
/** At most this many batches a day: a backlog larger than that is finished the next night. */
const MAX_BATCHES = 200;

/**
 * Closes answered items whose senders have not rated the answer within 30 days
 * (closeUnratedItems), in batches of one transaction per item. `at` is the slot the job
 * runs for, so the 30 days are counted to that night even if the run starts late.
 */
export function feedbackAutoCloseJob(db: Db): JobDefinition<Record<string, unknown>> {
  return {
    name: FEEDBACK_AUTO_CLOSE_TASK,
    async run(_payload, at) {
      for (let batch = 0; batch < MAX_BATCHES; batch++) {
        const closed = await closeUnratedItems(db, at, BATCH);
        if (closed < BATCH) return;
      }
    },
  };
}
