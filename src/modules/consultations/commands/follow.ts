import type { Db } from '../../../shared/db/database.js';
import { AppError } from '../../../shared/errors.js';
import { safeEqual } from '../../../shared/secrets.js';
import { newSubscriptionToken, type ActorRef, type CommandContext } from './common.js';

/** Follow a consultation: emails about new versions and the report. */
export async function follow(db: Db, consultationId: number, actor: ActorRef, ctx: CommandContext): Promise<void> {
  await db
    .insertInto('consultation_subscription')
    .values({ consultation_id: consultationId, account_id: actor.accountId, state: 'following', token: newSubscriptionToken(), created_at: ctx.now, updated_at: ctx.now })
    .onConflict((oc) => oc.columns(['consultation_id', 'account_id']).doUpdateSet({ state: 'following', updated_at: ctx.now }))
    .execute();
}

/** Stop every email about a consultation, answers to one's own comments included. */
export async function unfollow(db: Db, consultationId: number, actor: ActorRef, ctx: CommandContext): Promise<void> {
  await db
    .insertInto('consultation_subscription')
    .values({ consultation_id: consultationId, account_id: actor.accountId, state: 'muted', token: newSubscriptionToken(), created_at: ctx.now, updated_at: ctx.now })
    .onConflict((oc) => oc.columns(['consultation_id', 'account_id']).doUpdateSet({ state: 'muted', updated_at: ctx.now }))
    .execute();
}

/** The unsubscribe link of an email, without signing in: the token names the subscription. */
export async function unsubscribeByToken(db: Db, consultationId: number, token: string, ctx: CommandContext): Promise<void> {
  const row =
    token.length >= 16 && token.length <= 64
      ? await db.selectFrom('consultation_subscription').where('consultation_id', '=', consultationId).where('token', '=', token).select(['account_id', 'token']).executeTakeFirst()
      : undefined;
  if (!row || !safeEqual(Buffer.from(row.token), Buffer.from(token))) throw new AppError('consultations.bad_unsubscribe_link', { status: 404 });
  await db
    .updateTable('consultation_subscription')
    .set({ state: 'muted', updated_at: ctx.now })
    .where('consultation_id', '=', consultationId)
    .where('account_id', '=', row.account_id)
    .execute();
}

/** Whether an unsubscribe link is valid (the page asks before acting: mail scanners open links). */
export async function subscriptionByToken(db: Db, consultationId: number, token: string): Promise<{ state: 'following' | 'muted' } | undefined> {
  if (token.length < 16 || token.length > 64) return undefined;
  return db.selectFrom('consultation_subscription').where('consultation_id', '=', consultationId).where('token', '=', token).select('state').executeTakeFirst();
}
