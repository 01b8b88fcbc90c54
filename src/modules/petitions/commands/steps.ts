import { sql } from 'kysely';
import type { Db, Queryable } from '../../../shared/db/database.js';
import { enqueueEmail } from '../../../shared/mail/email.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { stepReachedEmail } from '../emails.js';
import { petitionClosed, petitionStepReached, petitionSubject } from '../events.js';
import { stepDueAt } from '../ladder.js';
import { petitionPath } from '../model.js';
import { lockPetition, type CommandContext } from './common.js';

async function validVotes(q: Queryable, id: number): Promise<number> {
  const row = await sql<{ n: number }>`SELECT coalesce(sum(votes), 0) AS n FROM petition_count WHERE petition_id = ${id}`.execute(q);
  return Number(row.rows[0]?.n ?? 0);
}

/**
 * Records every vote step the petition has reached and not yet recorded: the time is
 * that of the vote that reached it (the n-th valid vote in signing order); an action
 * falls due `act_within_days` later and the body's staff are told; a step that closes
 * voting closes the petition early. Safe to run twice or from two processes: the row
 * lock and `reached_at IS NULL` record each step once. Returns the steps recorded.
 */
export async function recordReachedSteps(db: Db, id: number, ctx: CommandContext): Promise<number[]> {
  return db.transaction().execute(async (tx) => {
    const p = await lockPetition(tx, id);
    if (p.state !== 'open' && p.state !== 'closed') return [];
    const total = await validVotes(tx, id);
    const steps = await tx
      .selectFrom('petition_step')
      .selectAll()
      .where('petition_id', '=', id)
      .where('counts', '=', 'votes')
      .where('reached_at', 'is', null)
      .where('threshold', '<=', total)
      .orderBy('position')
      .execute();
    const recorded: number[] = [];
    for (const step of steps) {
      const nth = await sql<{ signed_at: Date }>`
        SELECT signed_at FROM petition_signature WHERE petition_id = ${id} AND invalidated_at IS NULL
        ORDER BY signed_at, id OFFSET ${step.threshold - 1} LIMIT 1`.execute(tx);
      const reachedAt = nth.rows[0]?.signed_at ?? ctx.now;
      const dueAt = step.act_within_days ? stepDueAt(reachedAt, step.act_within_days) : null;
      await tx.updateTable('petition_step').set({ reached_at: reachedAt, due_at: dueAt }).where('petition_id', '=', id).where('position', '=', step.position).execute();
      await appendPublicEvent(tx, {
        kind: petitionStepReached,
        subject: petitionSubject(id),
        payload: {
          petition: id,
          body: p.slug,
          position: step.position,
          counts: 'votes',
          threshold: step.threshold,
          consequence: step.consequence,
          reached_at: reachedAt.toISOString(),
          due_at: dueAt?.toISOString() ?? null,
        },
        occurredAt: reachedAt,
      });
      recorded.push(step.position);
      if (dueAt) {
        const staff = await tx
          .selectFrom('membership as m')
          .innerJoin('account as a', 'a.id', 'm.account_id')
          .select(['a.email', 'a.preferred_lang'])
          .where('m.organisation_id', '=', p.body_id)
          .where('a.disabled_at', 'is', null)
          .execute();
        for (const s of staff) {
          await enqueueEmail(tx, stepReachedEmail, s.email, s.preferred_lang === 'en' ? 'en' : 'mn', {
            title: p.title,
            threshold: step.threshold,
            consequence: step.consequence,
            dueAt: dueAt.toISOString(),
            url: ctx.publicUrl + petitionPath(id),
          });
        }
      }
      if (step.closes_voting && p.state === 'open') {
        await tx.updateTable('petition').set({ state: 'closed', closed_at: reachedAt, closed_early: true, updated_at: ctx.now }).where('id', '=', id).execute();
        await appendPublicEvent(tx, { kind: petitionClosed, subject: petitionSubject(id), payload: { petition: id, body: p.slug, votes: total, early: true }, occurredAt: reachedAt });
        p.state = 'closed';
      }
    }
    return recorded;
  });
}

/**
 * Closes every open petition whose period ended by `at` (the time the job runs for):
 * its closing time is when its period ended, not when the job happened to run.
 */
export async function closeDuePetitions(db: Db, at: Date): Promise<number[]> {
  const due = await db.selectFrom('petition').select('id').where('state', '=', 'open').where('closes_at', '<=', at).orderBy('id').execute();
  const closed: number[] = [];
  for (const { id } of due) {
    const done = await db.transaction().execute(async (tx) => {
      const p = await lockPetition(tx, id);
      const row = await tx.selectFrom('petition').select(['state', 'closes_at']).where('id', '=', id).executeTakeFirstOrThrow();
      if (row.state !== 'open' || !row.closes_at || row.closes_at > at) return false;
      const votes = await validVotes(tx, id);
      await tx.updateTable('petition').set({ state: 'closed', closed_at: row.closes_at, updated_at: at }).where('id', '=', id).execute();
      await appendPublicEvent(tx, { kind: petitionClosed, subject: petitionSubject(id), payload: { petition: id, body: p.slug, votes, early: false }, occurredAt: row.closes_at });
      return true;
    });
    if (done) closed.push(id);
  }
  return closed;
}
