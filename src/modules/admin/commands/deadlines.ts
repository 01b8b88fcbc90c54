import type { DayCount } from '../../../shared/calendar.js';
import type { Tx } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { FEEDBACK_KINDS, type Kind } from '../../feedback/model.js';
import { invalid, isUniqueViolation } from '../forms.js';
import { DAY_COUNTS, DAYS_MAX, DAYS_MIN } from '../schemas.js';

/** An answer period: so many calendar or working days. */
export interface Period {
  days: number;
  dayCount: DayCount;
}

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (FEEDBACK_KINDS as readonly string[]).includes(value);
}

/**
 * Reads a period typed into a form: whole days from 1 to 365, calendar or working.
 * Errors name the kind ("Complaint: enter the number of days…") and the given fields.
 */
export function readPeriod(
  typed: { days: string | undefined; dayCount: string | undefined },
  kind: Kind | null,
  fields: { days: string; dayCount: string },
): { period: Period; errors: [] } | { period: null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kindLabel = kind ? label(`feedback:kind.${kind}`) : label('admin:field.days');
  const days = (typed.days ?? '').trim();
  const value = /^[0-9]{1,3}$/.test(days) ? Number(days) : NaN;
  if (!(value >= DAYS_MIN && value <= DAYS_MAX)) errors.push({ field: fields.days, key: 'admin:errors.days', params: { kind: kindLabel } });
  const dayCount = (DAY_COUNTS as readonly string[]).includes(typed.dayCount ?? '') ? (typed.dayCount as DayCount) : null;
  if (!dayCount) errors.push({ field: fields.dayCount, key: 'admin:errors.day_count', params: { kind: kindLabel } });
  return errors.length || !dayCount ? { period: null, errors } : { period: { days: value, dayCount }, errors: [] };
}

function checkPeriod(period: Period, field = 'days'): void {
  if (!Number.isInteger(period.days) || period.days < DAYS_MIN || period.days > DAYS_MAX) throw invalid([{ field, key: 'admin:errors.days', params: { kind: label('admin:field.days') } }]);
  if (!(DAY_COUNTS as readonly string[]).includes(period.dayCount)) throw invalid([{ field: 'dayCount', key: 'admin:errors.day_count', params: { kind: label('admin:field.days') } }]);
}

/**
 * Sets the default answer period of each given kind (the rule without a body). Items
 * already received keep their deadlines; new items are given the new period.
 */
export async function setDefaultPeriods(tx: Tx, periods: Partial<Record<Kind, Period>>): Promise<void> {
  for (const [kind, period] of Object.entries(periods) as [Kind, Period][]) {
    checkPeriod(period, `days_${kind}`);
    const updated = await tx.updateTable('deadline_rule').set({ days: period.days, day_count: period.dayCount }).where('kind', '=', kind).where('body_id', 'is', null).executeTakeFirst();
    if (updated.numUpdatedRows === 0n) await tx.insertInto('deadline_rule').values({ kind, body_id: null, days: period.days, day_count: period.dayCount }).execute();
  }
}

/** Gives one body its own period for one kind; a second override for the pair is a field error. */
export async function addDeadlineOverride(tx: Tx, input: { bodySlug: string; kind: string; period: Period }): Promise<number> {
  const fields: FieldError[] = [];
  const body = input.bodySlug
    ? await tx.selectFrom('body').innerJoin('organisation as o', 'o.id', 'body.organisation_id').where('o.slug', '=', input.bodySlug).select('o.id').executeTakeFirst()
    : undefined;
  if (!body) fields.push(input.bodySlug ? { field: 'body', key: 'admin:errors.unknown_body' } : { field: 'body', key: 'admin:errors.choose_body' });
  if (!isKind(input.kind)) fields.push({ field: 'kind', key: 'admin:errors.choose_kind' });
  if (fields.length || !body || !isKind(input.kind)) throw invalid(fields);
  checkPeriod(input.period);
  const existing = await tx.selectFrom('deadline_rule').where('kind', '=', input.kind).where('body_id', '=', body.id).select('id').executeTakeFirst();
  if (existing) throw invalid([{ field: 'body', key: 'admin:errors.override_exists', params: { id: existing.id } }]);
  try {
    const { id } = await tx
      .insertInto('deadline_rule')
      .values({ kind: input.kind, body_id: body.id, days: input.period.days, day_count: input.period.dayCount })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (error) {
    if (isUniqueViolation(error, 'deadline_rule_kind_body_key')) throw invalid([{ field: 'body', key: 'admin:errors.override_exists' }]);
    throw error;
  }
}

/** Changes a body's own period. Only overrides (rules with a body) are found by id. */
export async function updateDeadlineOverride(tx: Tx, overrideId: number, period: Period): Promise<void> {
  checkPeriod(period);
  const result = await tx.updateTable('deadline_rule').set({ days: period.days, day_count: period.dayCount }).where('id', '=', overrideId).where('body_id', 'is not', null).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('not_found');
}

/** Removes a body's own period: the default applies to it again. */
export async function removeDeadlineOverride(tx: Tx, overrideId: number): Promise<void> {
  const result = await tx.deleteFrom('deadline_rule').where('id', '=', overrideId).where('body_id', 'is not', null).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new AppError('not_found');
}
