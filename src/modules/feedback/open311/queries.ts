import { sql, type Expression, type SqlBool } from 'kysely';
import type { Queryable } from '../../../shared/db/database.js';
import type { FeedbackStatus } from '../../../shared/db/db-types.js';
import { OPEN_STATUSES } from '../model.js';

/** Reads of the Open311 API. None of them selects a submitter's words or contact details. */

export async function activeServices(db: Queryable) {
  return db
    .selectFrom('category')
    .select(['code', 'name_mn', 'name_en', 'description_mn', 'description_en', 'keywords'])
    .where('active', '=', true)
    .orderBy('position')
    .orderBy('code')
    .execute();
}

export async function activeServiceExists(db: Queryable, code: string): Promise<boolean> {
  const row = await db.selectFrom('category').select('id').where('code', '=', code).where('active', '=', true).executeTakeFirst();
  return !!row;
}

export async function categoryIdsByCode(db: Queryable, codes: readonly string[]): Promise<Map<string, number>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('category').select(['id', 'code']).where('code', 'in', [...codes]).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

export async function placeExists(db: Queryable, code: string): Promise<boolean> {
  const row = await db.selectFrom('place').select('code').where('code', '=', code).executeTakeFirst();
  return !!row;
}

export async function bodyIdBySlug(db: Queryable, slug: string): Promise<number | null> {
  const row = await db
    .selectFrom('organisation')
    .innerJoin('body', 'body.organisation_id', 'organisation.id')
    .select('organisation.id')
    .where('organisation.slug', '=', slug)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function bodyNames(db: Queryable, id: number): Promise<{ name_mn: string; name_en: string } | undefined> {
  return db.selectFrom('organisation').select(['name_mn', 'name_en']).where('id', '=', id).executeTakeFirst();
}

export async function placeNames(db: Queryable, codes: readonly string[]): Promise<Map<string, { name_mn: string; name_en: string }>> {
  if (codes.length === 0) return new Map();
  const rows = await db.selectFrom('place').select(['code', 'name_mn', 'name_en']).where('code', 'in', [...codes]).execute();
  return new Map(rows.map((r) => [r.code, { name_mn: r.name_mn, name_en: r.name_en }]));
}

const published = sql<boolean>`i.publication = 'published'`;

/**
 * An item as Open311 may show it. The published-only fields are cut in SQL, so the text
 * of a private, pending or withheld item never even leaves the database.
 */
function requestQuery(db: Queryable) {
  return db
    .selectFrom('feedback_item as i')
    .innerJoin('category as c', 'c.id', 'i.category_id')
    .innerJoin('organisation as o', 'o.id', 'i.body_id')
    .select([
      'i.id',
      'i.code',
      'i.status',
      'i.resolution',
      'i.publication',
      'i.received_at',
      'i.updated_at',
      'i.due_at',
      'i.extended_at',
      'c.code as service_code',
      'c.name_mn as service_name_mn',
      'c.name_en as service_name_en',
      'o.name_mn as body_name_mn',
      'o.name_en as body_name_en',
      sql<string | null>`CASE WHEN ${published} THEN i.public_summary END`.as('public_summary'),
      sql<string | null>`CASE WHEN ${published} THEN i.answer_text END`.as('answer_text'),
      sql<string | null>`CASE WHEN ${published} THEN i.place_code END`.as('place_code'),
      sql<number | null>`CASE WHEN ${published} THEN i.lat END`.as('lat'),
      sql<number | null>`CASE WHEN ${published} THEN i.lon END`.as('lon'),
    ]);
}

export type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['execute']>>[number];

/** Items by their codes (service_request_id), whatever their publication: status only unless published. */
export async function requestsByCode(db: Queryable, codes: readonly string[]): Promise<RequestRow[]> {
  if (codes.length === 0) return [];
  return requestQuery(db).where('i.code', 'in', [...codes]).orderBy('i.received_at', 'desc').orderBy('i.id', 'desc').execute();
}

export interface RequestFilter {
  from: Date;
  to: Date;
  categoryIds?: number[];
  statuses?: readonly FeedbackStatus[];
  placePrefix?: string;
  bodyId?: number;
  limit: number;
  offset: number;
}

/** Published items received in the window, newest first (served by feedback_item_public_idx). */
export async function publishedRequests(db: Queryable, f: RequestFilter): Promise<RequestRow[]> {
  let q = requestQuery(db)
    .where('i.publication', '=', 'published')
    .where('i.received_at', '>=', f.from)
    .where('i.received_at', '<=', f.to);
  if (f.categoryIds) q = q.where('i.category_id', 'in', f.categoryIds);
  if (f.statuses) q = q.where('i.status', 'in', [...f.statuses]);
  if (f.placePrefix) q = q.where((eb): Expression<SqlBool> => eb('i.place_code', 'like', `${f.placePrefix}%`));
  if (f.bodyId !== undefined) q = q.where('i.body_id', '=', f.bodyId);
  return q.orderBy('i.received_at', 'desc').orderBy('i.id', 'desc').limit(f.limit).offset(f.offset).execute();
}

export async function codeByToken(db: Queryable, token: string): Promise<string | null> {
  const row = await db
    .selectFrom('open311_token as t')
    .innerJoin('feedback_item as i', 'i.id', 't.item_id')
    .select('i.code')
    .where('t.token', '=', token)
    .executeTakeFirst();
  return row?.code ?? null;
}

export const STATUS_GROUPS: Record<'open' | 'closed', readonly FeedbackStatus[]> = {
  open: OPEN_STATUSES,
  closed: ['answered', 'closed'],
};
