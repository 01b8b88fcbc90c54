import type { Tx } from '../../../shared/db/database.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { organisationCreated, organisationSubject } from '../events.js';
import { isSlug, NAME_MAX, NAME_MIN } from '../schemas.js';
import { lockOrganisations, organisationSearchText } from './bodies.js';

export interface CsoInput {
  slug: string;
  nameMn: string;
  nameEn: string;
  website?: string | null;
  email?: string | null;
}

/**
 * Registers a civil-society organisation. Its members act for it (comment as the
 * organisation, co-sign statements); the CSO directory with sectors and places comes later.
 */
export async function createCso(tx: Tx, input: CsoInput, now: Date): Promise<number> {
  await lockOrganisations(tx);
  const fields: FieldError[] = [];
  if (!isSlug(input.slug)) fields.push({ field: 'slug', key: 'bodies:errors.slug_format' });
  else if (await tx.selectFrom('organisation').where('slug', '=', input.slug).select('id').executeTakeFirst()) fields.push({ field: 'slug', key: 'bodies:errors.slug_taken' });
  for (const [field, value] of [
    ['nameMn', input.nameMn],
    ['nameEn', input.nameEn],
  ] as const) {
    if (value.length < NAME_MIN || value.length > NAME_MAX) fields.push({ field, key: 'common:errors.field.invalid', params: { field } });
  }
  if (fields.length) throw new AppError('validation_failed', { fields });
  const { id } = await tx
    .insertInto('organisation')
    .values({
      kind: 'cso',
      slug: input.slug,
      name_mn: input.nameMn,
      name_en: input.nameEn,
      website: input.website || null,
      email: input.email || null,
      search_text: await organisationSearchText(tx, input.nameMn, input.nameEn, null),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await appendPublicEvent(tx, {
    kind: organisationCreated,
    subject: organisationSubject(input.slug),
    payload: { slug: input.slug, kind: 'cso', name_mn: input.nameMn, name_en: input.nameEn },
    occurredAt: now,
  });
  return id;
}
