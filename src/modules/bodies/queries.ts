import { sql } from 'kysely';
import type { Queryable } from '../../shared/db/database.js';
import { foldForSearch, looseKey } from '../places/transliterate.js';
import type { BodyType, MembershipRole } from './schemas.js';

export interface PlaceName {
  code: string;
  nameMn: string;
  nameEn: string;
  /** The unit above (the aimag of a soum), so "Arvaikheer, Övörkhangai" reads unambiguously. */
  parentNameMn: string | null;
  parentNameEn: string | null;
}

export interface BodyLink {
  id: number;
  slug: string;
  nameMn: string;
  nameEn: string;
  type: BodyType;
}

export interface BodySummary extends BodyLink {
  place: PlaceName | null;
  superior: BodyLink | null;
}

export interface CategoryName {
  id: number;
  code: string;
  nameMn: string;
  nameEn: string;
}

export interface BodyDetail extends BodySummary {
  website: string | null;
  email: string | null;
  subordinates: BodyLink[];
  placesServed: PlaceName[];
  categories: CategoryName[];
  /** How many accounts work for the body; their names are never public. */
  staffCount: number;
}

export interface BodyFilters {
  type?: BodyType;
  /** An aimag or the capital: bodies located in it or serving a place in it. */
  within?: string;
  /** Any place: bodies serving it or one of its ancestors (a khoroo → its düüreg → the capital). */
  serving?: string;
  /** Words of the name in either script. */
  q?: string;
}

export function bodyUrl(slug: string): string {
  return `/bodies/${slug}`;
}

/** The place and its ancestors, most specific first: '111051' → ['111051', '1110', '11']. */
export function placeAndAncestors(code: string): string[] {
  const chain: string[] = [];
  for (let length = code.length; length >= 2; length -= 2) chain.push(code.slice(0, length));
  return chain;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function toPlace(code: string | null, nameMn: string | null, nameEn: string | null, parentMn: string | null, parentEn: string | null): PlaceName | null {
  if (code === null || nameMn === null || nameEn === null) return null;
  return { code, nameMn, nameEn, parentNameMn: parentMn, parentNameEn: parentEn };
}

/** Bodies with their place and superior body, one row each. */
function bodiesQuery(db: Queryable) {
  return db
    .selectFrom('body')
    .innerJoin('organisation as o', 'o.id', 'body.organisation_id')
    .leftJoin('place as p', 'p.code', 'body.place_code')
    .leftJoin('place as pp', 'pp.code', 'p.parent_code')
    .leftJoin('organisation as so', 'so.id', 'body.superior_body_id')
    .leftJoin('body as sb', 'sb.organisation_id', 'body.superior_body_id')
    .select([
      'o.id',
      'o.slug',
      'o.name_mn',
      'o.name_en',
      'o.website',
      'o.email',
      'body.body_type',
      'body.place_code',
      'p.name_mn as place_mn',
      'p.name_en as place_en',
      'pp.name_mn as parent_mn',
      'pp.name_en as parent_en',
      'so.id as superior_id',
      'so.slug as superior_slug',
      'so.name_mn as superior_mn',
      'so.name_en as superior_en',
      'sb.body_type as superior_type',
    ]);
}

type BodyQueryRow = Awaited<ReturnType<ReturnType<typeof bodiesQuery>['executeTakeFirstOrThrow']>>;

function toSummary(r: BodyQueryRow): BodySummary & { website: string | null; email: string | null } {
  return {
    id: r.id,
    slug: r.slug,
    nameMn: r.name_mn,
    nameEn: r.name_en,
    type: r.body_type,
    website: r.website,
    email: r.email,
    place: toPlace(r.place_code, r.place_mn, r.place_en, r.parent_mn, r.parent_en),
    superior:
      r.superior_id !== null && r.superior_slug !== null && r.superior_mn !== null && r.superior_en !== null && r.superior_type !== null
        ? { id: r.superior_id, slug: r.superior_slug, nameMn: r.superior_mn, nameEn: r.superior_en, type: r.superior_type }
        : null,
  };
}

/** Bodies filtered by type, aimag, served place and name words, in one query. */
export async function listBodies(db: Queryable, filters: BodyFilters = {}): Promise<BodySummary[]> {
  let query = bodiesQuery(db);
  if (filters.type) query = query.where('body.body_type', '=', filters.type);
  if (filters.within) {
    const prefix = `${likeEscape(filters.within)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('body.place_code', 'like', prefix),
        eb.exists(eb.selectFrom('body_place as bp').select(sql`1`.as('one')).whereRef('bp.body_id', '=', 'body.organisation_id').where('bp.place_code', 'like', prefix)),
      ]),
    );
  }
  if (filters.serving) {
    const chain = placeAndAncestors(filters.serving);
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('body_place as bp').select(sql`1`.as('one')).whereRef('bp.body_id', '=', 'body.organisation_id').where('bp.place_code', 'in', chain)),
    );
  }
  // Every word must match, as typed (folded) or by its forgiving key ("баянзурх", "bayanzurh").
  for (const word of (filters.q ?? '').split(/\s+/).filter(Boolean).slice(0, 8)) {
    const forms = [...new Set([foldForSearch(word), looseKey(word)])].filter(Boolean);
    query = query.where((eb) => eb.or(forms.map((form) => eb('o.search_text', 'like', `%${likeEscape(form)}%`))));
  }
  const rows = await query.orderBy('o.name_mn').orderBy('o.id').execute();
  return rows.map(toSummary);
}

/** A body with everything its public page shows: superior, subordinates, places, categories, staff count. */
export async function findBodyDetail(db: Queryable, by: { slug: string } | { id: number }): Promise<BodyDetail | undefined> {
  const row = await bodiesQuery(db)
    .$call((q) => ('slug' in by ? q.where('o.slug', '=', by.slug) : q.where('o.id', '=', by.id)))
    .executeTakeFirst();
  if (!row) return undefined;
  const body = toSummary(row);
  const [subordinates, placesServed, categories, staff] = await Promise.all([
    db
      .selectFrom('body')
      .innerJoin('organisation as o', 'o.id', 'body.organisation_id')
      .where('body.superior_body_id', '=', body.id)
      .select(['o.id', 'o.slug', 'o.name_mn', 'o.name_en', 'body.body_type'])
      .orderBy('o.name_mn')
      .execute(),
    db
      .selectFrom('body_place as bp')
      .innerJoin('place as p', 'p.code', 'bp.place_code')
      .leftJoin('place as pp', 'pp.code', 'p.parent_code')
      .where('bp.body_id', '=', body.id)
      .select(['p.code', 'p.name_mn', 'p.name_en', 'pp.name_mn as parent_mn', 'pp.name_en as parent_en'])
      .orderBy('p.code')
      .execute(),
    bodyCategories(db, body.id),
    db.selectFrom('membership').where('organisation_id', '=', body.id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    ...body,
    subordinates: subordinates.map((s) => ({ id: s.id, slug: s.slug, nameMn: s.name_mn, nameEn: s.name_en, type: s.body_type })),
    placesServed: placesServed.map((p) => ({ code: p.code, nameMn: p.name_mn, nameEn: p.name_en, parentNameMn: p.parent_mn, parentNameEn: p.parent_en })),
    categories,
    staffCount: Number(staff.n),
  };
}

export async function findBodyLink(db: Queryable, slug: string): Promise<BodyLink | undefined> {
  const row = await db
    .selectFrom('body')
    .innerJoin('organisation as o', 'o.id', 'body.organisation_id')
    .where('o.slug', '=', slug)
    .select(['o.id', 'o.slug', 'o.name_mn', 'o.name_en', 'body.body_type'])
    .executeTakeFirst();
  return row && { id: row.id, slug: row.slug, nameMn: row.name_mn, nameEn: row.name_en, type: row.body_type };
}

/** The categories a body says it handles, in the categories' own order. */
export async function bodyCategories(db: Queryable, bodyId: number): Promise<CategoryName[]> {
  const rows = await db
    .selectFrom('body_category as bc')
    .innerJoin('category as c', 'c.id', 'bc.category_id')
    .where('bc.body_id', '=', bodyId)
    .select(['c.id', 'c.code', 'c.name_mn', 'c.name_en'])
    .orderBy('c.position')
    .orderBy('c.code')
    .execute();
  return rows.map((c) => ({ id: c.id, code: c.code, nameMn: c.name_mn, nameEn: c.name_en }));
}

/** Categories a body admin may choose from. */
export async function activeCategories(db: Queryable): Promise<(CategoryName & { descriptionMn: string; descriptionEn: string })[]> {
  const rows = await db
    .selectFrom('category')
    .where('active', '=', true)
    .select(['id', 'code', 'name_mn', 'name_en', 'description_mn', 'description_en'])
    .orderBy('position')
    .orderBy('code')
    .execute();
  return rows.map((c) => ({ id: c.id, code: c.code, nameMn: c.name_mn, nameEn: c.name_en, descriptionMn: c.description_mn, descriptionEn: c.description_en }));
}

export interface StaffMember {
  accountId: number;
  displayName: string;
  email: string;
  role: MembershipRole;
  since: Date;
}

/** A body's staff, admins first: shown only to those who manage the body. */
export async function listStaff(db: Queryable, organisationId: number): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .where('m.organisation_id', '=', organisationId)
    .select(['a.id', 'a.display_name', 'a.email', 'm.role', 'm.created_at'])
    .orderBy(sql`m.role = 'admin'`, 'desc')
    .orderBy('a.display_name')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ accountId: r.id, displayName: r.display_name, email: r.email, role: r.role, since: r.created_at }));
}

/** The capital and the aimags, for the "filter by aimag" choice. */
export async function levelOnePlaces(db: Queryable): Promise<PlaceName[]> {
  const rows = await db.selectFrom('place').where('level', '=', 1).select(['code', 'name_mn', 'name_en']).orderBy('code').execute();
  return rows.map((p) => ({ code: p.code, nameMn: p.name_mn, nameEn: p.name_en, parentNameMn: null, parentNameEn: null }));
}

export interface OrganisationRow {
  id: number;
  kind: 'body' | 'cso';
  slug: string;
  nameMn: string;
  nameEn: string;
  website: string | null;
  email: string | null;
}

/** Organisations of one kind (CSOs for now: their directory comes later). */
export async function listOrganisations(db: Queryable, kind: 'body' | 'cso'): Promise<OrganisationRow[]> {
  const rows = await db
    .selectFrom('organisation')
    .where('kind', '=', kind)
    .select(['id', 'kind', 'slug', 'name_mn', 'name_en', 'website', 'email'])
    .orderBy('name_mn')
    .execute();
  return rows.map((o) => ({ id: o.id, kind: o.kind, slug: o.slug, nameMn: o.name_mn, nameEn: o.name_en, website: o.website, email: o.email }));
}

export interface MembershipChangeRow {
  accountId: number;
  action: 'added' | 'role_changed' | 'removed';
  role: MembershipRole | null;
  previousRole: MembershipRole | null;
  changedBy: number | null;
  changedAt: Date;
}

/** The private trail of staff changes of one organisation, oldest first. */
export async function membershipTrail(db: Queryable, organisationId: number): Promise<MembershipChangeRow[]> {
  const rows = await db.selectFrom('membership_change').where('organisation_id', '=', organisationId).selectAll().orderBy('id').execute();
  return rows.map((r) => ({ accountId: r.account_id, action: r.action, role: r.role, previousRole: r.previous_role, changedBy: r.changed_by, changedAt: r.changed_at }));
}
