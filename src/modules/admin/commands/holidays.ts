import type { Tx } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { invalid, isUniqueViolation } from '../forms.js';
import { HOLIDAY_NAME_MAX } from '../schemas.js';

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** '2027-02-07' when it names a real day, else null ('2027-02-30', '7/2/2027'). */
export function parseDay(text: string): string | null {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? match[0] : null;
}

export function dayInRange(day: string): boolean {
  const year = Number(day.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/**
 * Adds a public holiday. Working-day deadlines computed after this skip it; the caller
 * clears the calendar cache once the transaction has committed.
 */
export async function addHoliday(tx: Tx, input: { date: string; nameMn: string; nameEn: string }): Promise<string> {
  const fields: FieldError[] = [];
  const day = parseDay(input.date);
  if (!input.date.trim()) fields.push({ field: 'date', key: 'common:errors.field.required', params: { field: label('admin:field.date') } });
  else if (!day) fields.push({ field: 'date', key: 'admin:errors.date_format' });
  else if (!dayInRange(day)) fields.push({ field: 'date', key: 'admin:errors.date_range' });
  for (const field of ['nameMn', 'nameEn'] as const) {
    const name = input[field].trim();
    const fieldLabel = label(`admin:field.${field}`);
    if (name.length < 2) fields.push({ field, key: 'common:errors.field.required', params: { field: fieldLabel } });
    else if (name.length > HOLIDAY_NAME_MAX) fields.push({ field, key: 'common:errors.field.tooLong', params: { field: fieldLabel, max: HOLIDAY_NAME_MAX } });
  }
  if (day && fields.length === 0) {
    const existing = await tx.selectFrom('public_holiday').where('day', '=', day).select(['name_mn', 'name_en']).executeTakeFirst();
    if (existing) fields.push({ field: 'date', key: 'admin:errors.holiday_exists', params: { nameMn: existing.name_mn, nameEn: existing.name_en } });
  }
  if (fields.length || !day) throw invalid(fields);
  try {
    await tx.insertInto('public_holiday').values({ day, name_mn: input.nameMn.trim(), name_en: input.nameEn.trim() }).execute();
  } catch (error) {
    if (isUniqueViolation(error, 'public_holiday_pkey')) throw invalid([{ field: 'date', key: 'admin:errors.holiday_exists', params: { nameMn: input.nameMn.trim(), nameEn: input.nameEn.trim() } }]);
    throw error;
  }
  return day;
}

/** Removes a holiday; 404 when the day is not one. */
export async function removeHoliday(tx: Tx, day: string): Promise<void> {
  const valid = parseDay(day);
  if (!valid) throw new AppError('not_found');
  const result = await tx.deleteFrom('public_holiday').where('day', '=', valid).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new AppError('not_found');
}
