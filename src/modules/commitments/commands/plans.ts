import type { Db } from '../../../shared/db/database.js';
import { AppError } from '../../../shared/errors.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { planClosed, planReopened, planSubject } from '../events.js';

/**
 * Closes a plan: its period is over and its report final. Reports, assessments and
 * comments are refused from then on; everything written stays readable. Records
 * `commitments.plan_closed`.
 */
export async function closePlan(db: Db, planId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const plan = await tx.selectFrom('commitment_plan').where('id', '=', planId).select(['slug', 'closed_at']).forUpdate().executeTakeFirst();
    if (!plan) throw new AppError('not_found');
    if (plan.closed_at !== null) throw new AppError('commitments.plan_closed', { status: 409 });
    await tx.updateTable('commitment_plan').set({ closed_at: now }).where('id', '=', planId).execute();
    await appendPublicEvent(tx, { kind: planClosed, subject: planSubject(plan.slug), payload: { plan: plan.slug }, occurredAt: now });
  });
}

/** Opens a closed plan again (a platform admin correcting a mistaken closure). Records `commitments.plan_reopened`. */
export async function reopenPlan(db: Db, planId: number, now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const plan = await tx.selectFrom('commitment_plan').where('id', '=', planId).select(['slug', 'closed_at']).forUpdate().executeTakeFirst();
    if (!plan) throw new AppError('not_found');
    if (plan.closed_at === null) throw new AppError('commitments.plan_open', { status: 409 });
    await tx.updateTable('commitment_plan').set({ closed_at: null }).where('id', '=', planId).execute();
    await appendPublicEvent(tx, { kind: planReopened, subject: planSubject(plan.slug), payload: { plan: plan.slug }, occurredAt: now });
  });
}
