import { randomBytes } from 'node:crypto';
import type { Queryable, Tx } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';

export interface CommandContext {
  now: Date;
  /** Base URL for links in emails. */
  publicUrl: string;
}

/** The person acting (their role was checked by the caller's policy). */
export interface ActorRef {
  accountId: number;
}

export function notFoundConsultation(): AppError {
  return new AppError('consultations.not_found', { status: 404 });
}

/**
 * Locks the consultation row for the transaction. Status changes (publish, finish) take
 * it FOR UPDATE; comments and answers FOR SHARE, so they run side by side but never
 * while the consultation is being finished.
 */
export async function lockConsultation(tx: Tx, id: number, mode: 'update' | 'share') {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw notFoundConsultation();
  const query = tx
    .selectFrom('consultation as c')
    .innerJoin('organisation as o', 'o.id', 'c.body_id')
    .selectAll('c')
    .select(['o.slug as body_slug', 'o.name_mn as body_mn', 'o.name_en as body_en'])
    .where('c.id', '=', id);
  const row = await (mode === 'update' ? query.forUpdate('c') : query.forShare('c')).executeTakeFirst();
  if (!row) throw notFoundConsultation();
  return row;
}

export type LockedConsultation = Awaited<ReturnType<typeof lockConsultation>>;

export function fieldError(field: string, key: string, params: Record<string, unknown> = {}): FieldError {
  return { field, key, params };
}

/**
 * A required text within limits, trimmed and storable; pushes a field error (and returns null) when it
 * is empty, too short or too long. `labelKey` names the field in messages.
 */
export function checkText(errors: FieldError[], field: string, value: unknown, labelKey: string, limits: { min?: number; max: number; optional?: boolean }): string | null {
  // NUL characters (a form can carry them) are dropped: PostgreSQL cannot store them.
  const text = typeof value === 'string' ? storable(value).replace(/\r\n?/g, '\n').trim() : '';
  const min = limits.min ?? 1;
  if (!text) {
    if (!limits.optional) errors.push(fieldError(field, 'common:errors.field.required', { field: label(labelKey) }));
    return limits.optional ? '' : null;
  }
  if (text.length < min) {
    errors.push(fieldError(field, 'common:errors.field.tooShort', { field: label(labelKey), min }));
    return null;
  }
  if (text.length > limits.max) {
    errors.push(fieldError(field, 'common:errors.field.tooLong', { field: label(labelKey), max: limits.max }));
    return null;
  }
  return text;
}

export function throwIfErrors(errors: FieldError[]): void {
  if (errors.length) throw new AppError('validation_failed', { fields: errors });
}

/** Text PostgreSQL can store: no NUL characters (a form can carry them). */
export function storable(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding the NUL character is the point
  return text.replace(/\u0000/g, '');
}

/** The random secret of an unsubscribe link. */
export function newSubscriptionToken(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * Follows the consultation unless the person already decided (a 'muted' row stays
 * muted: commenting again does not undo an unsubscribe).
 */
export async function ensureSubscription(q: Queryable, consultationId: number, accountId: number, now: Date): Promise<void> {
  await q
    .insertInto('consultation_subscription')
    .values({ consultation_id: consultationId, account_id: accountId, state: 'following', token: newSubscriptionToken(), created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['consultation_id', 'account_id']).doNothing())
    .execute();
}

/** The last published version of a consultation (locked consultations always have one once published). */
export async function currentVersionRow(q: Queryable, consultationId: number) {
  return q
    .selectFrom('consultation_version')
    .where('consultation_id', '=', consultationId)
    .where('published_at', 'is not', null)
    .selectAll()
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function draftVersionRow(q: Queryable, consultationId: number) {
  return q.selectFrom('consultation_version').where('consultation_id', '=', consultationId).where('published_at', 'is', null).selectAll().executeTakeFirst();
}
