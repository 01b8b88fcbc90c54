import type { Tx } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { invalid, isUniqueViolation } from '../forms.js';
import { CATEGORY_CODE_MAX, CATEGORY_DESCRIPTION_MAX, CATEGORY_KEYWORDS_MAX, CATEGORY_NAME_MAX, CATEGORY_NAME_MIN, isCategoryCode, POSITION_MAX } from '../schemas.js';

/** What a platform admin sets on a category; the code only when creating it. */
export interface CategoryInput {
  nameMn: string;
  nameEn: string;
  descriptionMn: string;
  descriptionEn: string;
  keywords: string;
  /** null: after every other category. */
  position: number | null;
}

const NAME_LABELS = { nameMn: label('admin:field.nameMn'), nameEn: label('admin:field.nameEn') } as const;

/** Checks the fields a schema also checks, so the command is safe for any caller. */
function checkInput(input: CategoryInput): FieldError[] {
  const fields: FieldError[] = [];
  for (const field of ['nameMn', 'nameEn'] as const) {
    const value = input[field].trim();
    if (value.length < CATEGORY_NAME_MIN) fields.push({ field, key: 'common:errors.field.required', params: { field: NAME_LABELS[field] } });
    else if (value.length > CATEGORY_NAME_MAX) fields.push({ field, key: 'common:errors.field.tooLong', params: { field: NAME_LABELS[field], max: CATEGORY_NAME_MAX } });
  }
  for (const field of ['descriptionMn', 'descriptionEn'] as const) {
    if (input[field].length > CATEGORY_DESCRIPTION_MAX) fields.push({ field, key: 'common:errors.field.tooLong', params: { field: label(`admin:field.${field}`), max: CATEGORY_DESCRIPTION_MAX } });
  }
  if (input.keywords.length > CATEGORY_KEYWORDS_MAX) fields.push({ field: 'keywords', key: 'common:errors.field.tooLong', params: { field: label('admin:field.keywords'), max: CATEGORY_KEYWORDS_MAX } });
  if (input.position !== null && (!Number.isInteger(input.position) || input.position < 0 || input.position > POSITION_MAX)) fields.push({ field: 'position', key: 'admin:errors.position' });
  return fields;
}

/** "Words,  more words" → "Words, more words": keywords are kept as typed, with tidy spaces. */
function tidy(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

async function nextPosition(tx: Tx): Promise<number> {
  const row = await tx.selectFrom('category').select((eb) => eb.fn.max('position').as('max')).executeTakeFirst();
  return Math.min(POSITION_MAX, (row?.max ?? 0) + 10);
}

function values(input: CategoryInput) {
  return {
    name_mn: tidy(input.nameMn),
    name_en: tidy(input.nameEn),
    description_mn: input.descriptionMn.trim(),
    description_en: input.descriptionEn.trim(),
    keywords: tidy(input.keywords),
  };
}

/**
 * Adds a category. Its code is the Open311 service_code API clients will send, so it
 * must be new and well formed; a code already taken is a field error, also when two
 * admins add the same code at once (the unique index decides).
 */
export async function createCategory(tx: Tx, input: CategoryInput & { code: string }): Promise<number> {
  const fields: FieldError[] = [];
  if (!input.code) fields.push({ field: 'code', key: 'common:errors.field.required', params: { field: label('admin:field.code') } });
  else if (input.code.length > CATEGORY_CODE_MAX || !isCategoryCode(input.code)) fields.push({ field: 'code', key: 'admin:errors.code_format' });
  else if (await tx.selectFrom('category').where('code', '=', input.code).select('id').executeTakeFirst()) fields.push({ field: 'code', key: 'admin:errors.code_taken' });
  fields.push(...checkInput(input));
  if (fields.length) throw invalid(fields);
  try {
    const { id } = await tx
      .insertInto('category')
      .values({ code: input.code, ...values(input), position: input.position ?? (await nextPosition(tx)), active: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  } catch (error) {
    if (isUniqueViolation(error, 'category_code_key')) throw invalid([{ field: 'code', key: 'admin:errors.code_taken' }]);
    throw error;
  }
}

/** Changes a category's names, descriptions, keywords and position; never its code. */
export async function updateCategory(tx: Tx, categoryId: number, input: CategoryInput): Promise<void> {
  const fields = checkInput(input);
  if (fields.length) throw invalid(fields);
  const current = await tx.selectFrom('category').where('id', '=', categoryId).select('id').forUpdate().executeTakeFirst();
  if (!current) throw new AppError('not_found');
  await tx
    .updateTable('category')
    .set({ ...values(input), position: input.position ?? (await nextPosition(tx)) })
    .where('id', '=', categoryId)
    .execute();
}

/**
 * Deactivates or reactivates a category. Categories are never deleted: feedback items,
 * statistics and the public record refer to them. An inactive category is not offered
 * to people (web form, Open311 services) and submissions naming it are refused.
 */
export async function setCategoryActive(tx: Tx, categoryId: number, active: boolean): Promise<void> {
  const result = await tx.updateTable('category').set({ active }).where('id', '=', categoryId).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('not_found');
}
