import type { Db } from '../../../shared/db/database.js';
import { AppError } from '../../../shared/errors.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { ladderSet } from '../events.js';
import { assertValidRules, type LadderStep } from '../ladder.js';
import type { Level } from '../model.js';

/**
 * A platform admin sets a body's open period, minimum verification level and threshold
 * ladder, replacing what it had. Petitions already collecting or open keep the ladder
 * they copied. The change is public: the record carries the whole new ladder.
 */
export async function setBodyRules(db: Db, bodyId: number, input: { openDays: number; minLevel: string; steps: LadderStep[] }, adminId: number, now: Date): Promise<void> {
  assertValidRules(input);
  await db.transaction().execute(async (tx) => {
    const body = await tx.selectFrom('organisation').select('slug').where('id', '=', bodyId).executeTakeFirst();
    if (!body) throw new AppError('petitions.unknown_body', { status: 404 });
    await tx
      .insertInto('petition_body_rule')
      .values({ body_id: bodyId, open_days: input.openDays, min_level: input.minLevel as Level, updated_at: now, updated_by: adminId })
      .onConflict((oc) => oc.column('body_id').doUpdateSet({ open_days: input.openDays, min_level: input.minLevel as Level, updated_at: now, updated_by: adminId }))
      .execute();
    await tx.deleteFrom('petition_ladder_step').where('body_id', '=', bodyId).execute();
    await tx
      .insertInto('petition_ladder_step')
      .values(
        input.steps.map((s, i) => ({
          body_id: bodyId,
          position: i + 1,
          counts: s.counts,
          threshold: s.threshold,
          consequence: s.consequence,
          act_within_days: s.actWithinDays,
          closes_voting: s.closesVoting,
        })),
      )
      .execute();
    await appendPublicEvent(tx, {
      kind: ladderSet,
      subject: `body/${body.slug}`,
      payload: {
        body: body.slug,
        open_days: input.openDays,
        min_level: input.minLevel as Level,
        steps: input.steps.map((s) => ({ counts: s.counts, threshold: s.threshold, consequence: s.consequence, act_within_days: s.actWithinDays, closes_voting: s.closesVoting })),
      },
      occurredAt: now,
    });
  });
}
