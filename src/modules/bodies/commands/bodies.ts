import { sql } from 'kysely';
import type { Tx } from '../../../shared/db/database.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { invalidateFeedbackReference } from '../../feedback/reference.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { searchableText } from '../../places/transliterate.js';
import { bodyCategoriesChanged, bodyCreated, bodyPlacesChanged, bodySubject, bodyUpdated } from '../events.js';
import { isSlug, MAX_PLACES_SERVED, type BodyType } from '../schemas.js';

/** What a platform admin sets on a body. The superior body is named by its slug. */
export interface BodyInput {
  nameMn: string;
  nameEn: string;
  type: BodyType;
  /** The unit a local body governs; null for a national body. */
  placeCode: string | null;
  superiorSlug: string | null;
  website?: string | null;
  email?: string | null;
}

function invalid(fields: FieldError[]): AppError {
  return new AppError('validation_failed', { fields });
}

/**
 * Organisation and hierarchy changes run one at a time: two edits cannot close a loop
 * between them, and two creations cannot both pass the "slug is free" check.
 */
export async function lockOrganisations(tx: Tx): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext('irgen:organisations'))`.execute(tx);
}

/**
 * Search text of an organisation: its names in both scripts, and the names of its
 * place and the unit above, so "Övörkhangai" also finds the Arvaikheer soum office.
 */
export async function organisationSearchText(tx: Tx, nameMn: string, nameEn: string, placeCode: string | null): Promise<string> {
  const parts = [searchableText(nameMn, nameEn)];
  if (placeCode) {
    const place = await tx
      .selectFrom('place as p')
      .leftJoin('place as pp', 'pp.code', 'p.parent_code')
      .where('p.code', '=', placeCode)
      .select(['p.name_mn', 'p.name_en', 'pp.name_mn as parent_mn', 'pp.name_en as parent_en'])
      .executeTakeFirst();
    if (place) {
      parts.push(searchableText(place.name_mn, place.name_en));
      if (place.parent_mn) parts.push(searchableText(place.parent_mn, place.parent_en));
    }
  }
  return parts.join(' ');
}

/** True when making `superiorId` the superior of `bodyId` would close a loop. */
export async function wouldCreateCycle(tx: Tx, bodyId: number, superiorId: number): Promise<boolean> {
  if (bodyId === superiorId) return true;
  const { rows } = await sql<{ hit: number }>`
    WITH RECURSIVE up (id) AS (
      SELECT ${superiorId}::integer
      UNION
      SELECT b.superior_body_id FROM body b JOIN up ON b.organisation_id = up.id WHERE b.superior_body_id IS NOT NULL
    )
    SELECT 1 AS hit FROM up WHERE id = ${bodyId} LIMIT 1`.execute(tx);
  return rows.length > 0;
}

/** Codes that name no place, in the order given. */
async function unknownPlaces(tx: Tx, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = new Set((await tx.selectFrom('place').where('code', 'in', codes).select('code').execute()).map((p) => p.code));
  return codes.filter((c) => !found.has(c));
}

async function superiorId(tx: Tx, slug: string | null): Promise<number | null | undefined> {
  if (slug === null) return null;
  const row = await tx.selectFrom('body').innerJoin('organisation as o', 'o.id', 'body.organisation_id').where('o.slug', '=', slug).select('o.id').executeTakeFirst();
  return row?.id;
}

/** Checks a body's fields against the database; every problem at once. */
async function checkBodyInput(tx: Tx, input: BodyInput, placesServed: string[] | undefined, bodyId: number | null): Promise<{ fields: FieldError[]; superior: number | null }> {
  const fields: FieldError[] = [];
  if (input.placeCode !== null && (await unknownPlaces(tx, [input.placeCode])).length > 0) {
    fields.push({ field: 'place', key: 'bodies:errors.unknown_place' });
  }
  const superior = await superiorId(tx, input.superiorSlug);
  if (superior === undefined) {
    fields.push({ field: 'superior', key: 'bodies:errors.unknown_superior' });
  } else if (superior !== null && bodyId !== null && (await wouldCreateCycle(tx, bodyId, superior))) {
    fields.push({ field: 'superior', key: 'bodies:errors.superior_cycle' });
  }
  if (placesServed) fields.push(...(await checkPlacesServed(tx, placesServed)));
  return { fields, superior: superior ?? null };
}

async function checkPlacesServed(tx: Tx, codes: string[]): Promise<FieldError[]> {
  if (codes.length > MAX_PLACES_SERVED) return [{ field: 'placesServed', key: 'bodies:errors.too_many_places', params: { max: MAX_PLACES_SERVED } }];
  const unknown = await unknownPlaces(tx, codes);
  return unknown.length ? [{ field: 'placesServed', key: 'bodies:errors.unknown_places', params: { codes: unknown.join(', ') } }] : [];
}

/**
 * Registers a public body (platform admins; the demo seed). Validates everything first,
 * so a refused body leaves nothing behind; records `body.created` in the public record.
 */
export async function createBody(tx: Tx, input: BodyInput & { slug: string; placesServed?: string[] }, now: Date): Promise<number> {
  await lockOrganisations(tx);
  const fields: FieldError[] = [];
  if (!isSlug(input.slug)) fields.push({ field: 'slug', key: 'bodies:errors.slug_format' });
  else if (await tx.selectFrom('organisation').where('slug', '=', input.slug).select('id').executeTakeFirst()) fields.push({ field: 'slug', key: 'bodies:errors.slug_taken' });
  const checked = await checkBodyInput(tx, input, input.placesServed, null);
  fields.push(...checked.fields);
  if (fields.length) throw invalid(fields);

  const { id } = await tx
    .insertInto('organisation')
    .values({
      kind: 'body',
      slug: input.slug,
      name_mn: input.nameMn,
      name_en: input.nameEn,
      website: input.website || null,
      email: input.email || null,
      search_text: await organisationSearchText(tx, input.nameMn, input.nameEn, input.placeCode),
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx.insertInto('body').values({ organisation_id: id, body_type: input.type, superior_body_id: checked.superior, place_code: input.placeCode }).execute();
  await appendPublicEvent(tx, {
    kind: bodyCreated,
    subject: bodySubject(input.slug),
    payload: { slug: input.slug, type: input.type, name_mn: input.nameMn, name_en: input.nameEn, place: input.placeCode, superior: input.superiorSlug },
    occurredAt: now,
  });
  if (input.placesServed?.length) await setBodyPlaces(tx, id, input.placesServed, now);
  invalidateFeedbackReference();
  return id;
}

async function bodyState(tx: Tx, bodyId: number) {
  const row = await tx
    .selectFrom('body')
    .innerJoin('organisation as o', 'o.id', 'body.organisation_id')
    .leftJoin('organisation as so', 'so.id', 'body.superior_body_id')
    .where('o.id', '=', bodyId)
    .select(['o.slug', 'o.name_mn', 'o.name_en', 'o.website', 'o.email', 'body.body_type', 'body.place_code', 'so.slug as superior'])
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * Changes a body's names, type, place, superior body and contact addresses (platform
 * admins), refusing a superior body that already reports to this one. The slug stays:
 * links to the body use it. Records `body.updated` when anything public changed.
 */
export async function updateBody(tx: Tx, bodyId: number, input: BodyInput & { placesServed?: string[] }, now: Date): Promise<void> {
  await lockOrganisations(tx);
  const before = await bodyState(tx, bodyId);
  const checked = await checkBodyInput(tx, input, input.placesServed, bodyId);
  if (checked.fields.length) throw invalid(checked.fields);

  await tx
    .updateTable('organisation')
    .set({
      name_mn: input.nameMn,
      name_en: input.nameEn,
      website: input.website || null,
      email: input.email || null,
      search_text: await organisationSearchText(tx, input.nameMn, input.nameEn, input.placeCode),
    })
    .where('id', '=', bodyId)
    .execute();
  await tx.updateTable('body').set({ body_type: input.type, place_code: input.placeCode, superior_body_id: checked.superior }).where('organisation_id', '=', bodyId).execute();
  const changed =
    before.name_mn !== input.nameMn ||
    before.name_en !== input.nameEn ||
    before.body_type !== input.type ||
    before.place_code !== input.placeCode ||
    before.superior !== input.superiorSlug;
  if (changed) {
    await appendPublicEvent(tx, {
      kind: bodyUpdated,
      subject: bodySubject(before.slug),
      payload: { slug: before.slug, type: input.type, name_mn: input.nameMn, name_en: input.nameEn, place: input.placeCode, superior: input.superiorSlug },
      occurredAt: now,
    });
  }
  if (input.placesServed) await setBodyPlaces(tx, bodyId, input.placesServed, now);
  invalidateFeedbackReference();
}

/** Sets only the superior body (null: top of a hierarchy), refusing loops. */
export async function setSuperiorBody(tx: Tx, bodyId: number, superiorSlug: string | null, now: Date): Promise<void> {
  const before = await bodyState(tx, bodyId);
  await updateBody(
    tx,
    bodyId,
    { nameMn: before.name_mn, nameEn: before.name_en, type: before.body_type, placeCode: before.place_code, superiorSlug, website: before.website, email: before.email },
    now,
  );
}

/**
 * Replaces the places a body serves (none: the whole country). Unknown codes are
 * refused together, naming each. Records `body.places_changed` when the set changed.
 */
export async function setBodyPlaces(tx: Tx, bodyId: number, codes: string[], now: Date): Promise<void> {
  const wanted = [...new Set(codes)].sort();
  const fields = await checkPlacesServed(tx, wanted);
  if (fields.length) throw invalid(fields);
  const { slug } = await bodyState(tx, bodyId);
  const current = (await tx.selectFrom('body_place').where('body_id', '=', bodyId).select('place_code').execute()).map((r) => r.place_code).sort();
  if (current.join() === wanted.join()) return;
  await tx.deleteFrom('body_place').where('body_id', '=', bodyId).execute();
  if (wanted.length) await tx.insertInto('body_place').values(wanted.map((place_code) => ({ body_id: bodyId, place_code }))).execute();
  await appendPublicEvent(tx, { kind: bodyPlacesChanged, subject: bodySubject(slug), payload: { slug, places: wanted }, occurredAt: now });
}

/**
 * Replaces the categories a body handles, named by code (body admins, platform admins).
 * Records `body.categories_changed` when the set changed.
 */
export async function setBodyCategories(tx: Tx, bodyId: number, codes: string[], now: Date): Promise<void> {
  const wanted = [...new Set(codes)].sort();
  const categories = wanted.length ? await tx.selectFrom('category').where('code', 'in', wanted).select(['id', 'code']).execute() : [];
  if (categories.length !== wanted.length) throw invalid([{ field: 'category', key: 'bodies:errors.unknown_category' }]);
  const { slug } = await bodyState(tx, bodyId);
  const current = (
    await tx.selectFrom('body_category as bc').innerJoin('category as c', 'c.id', 'bc.category_id').where('bc.body_id', '=', bodyId).select('c.code').execute()
  )
    .map((r) => r.code)
    .sort();
  if (current.join() === wanted.join()) return;
  await tx.deleteFrom('body_category').where('body_id', '=', bodyId).execute();
  if (categories.length) await tx.insertInto('body_category').values(categories.map((c) => ({ body_id: bodyId, category_id: c.id }))).execute();
  await appendPublicEvent(tx, { kind: bodyCategoriesChanged, subject: bodySubject(slug), payload: { slug, categories: wanted }, occurredAt: now });
}
