import { sql } from 'kysely';
import type { DayCount } from '../../shared/calendar.js';
import type { Queryable } from '../../shared/db/database.js';
import type { RoutingRuleChangeAction } from '../../shared/db/db-types.js';
import { localDay } from '../../shared/i18n/format.js';
import { FEEDBACK_KINDS, type Kind } from '../feedback/model.js';
import type { Period } from './commands/deadlines.js';

// ---- Dashboard ----

export interface DashboardCounts {
  bodies: number;
  categories: { active: number; total: number };
  routingRules: number;
  overrides: number;
  holidays: { year: number; count: number };
  apiClients: number;
  /** The national fallback rule's body and how much feedback it took in 30 days; null without one. */
  fallback: { bodyMn: string; bodyEn: string; slug: string; items: number } | null;
}

const DAY_MS = 86_400_000;

/** A few live figures for the admin dashboard, each one small indexed query. */
export async function dashboardCounts(db: Queryable, now: Date): Promise<DashboardCounts> {
  const year = Number(localDay(now).slice(0, 4));
  const count = (table: 'body' | 'routing_rule') => db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const [bodies, categories, rules, overrides, holidays, apiClients, fallbackRule] = await Promise.all([
    count('body'),
    db
      .selectFrom('category')
      .select((eb) => [eb.fn.countAll<number>().as('total'), eb.fn.count<number>('id').filterWhere('active', '=', true).as('active')])
      .executeTakeFirstOrThrow(),
    count('routing_rule'),
    db.selectFrom('deadline_rule').where('body_id', 'is not', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('public_holiday')
      .where('day', '>=', `${year}-01-01`)
      .where('day', '<=', `${year}-12-31`)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db.selectFrom('api_client').where('revoked_at', 'is', null).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('routing_rule as r')
      .innerJoin('organisation as o', 'o.id', 'r.body_id')
      .where('r.category_id', 'is', null)
      .where('r.place_code', 'is', null)
      .select(['o.id', 'o.slug', 'o.name_mn', 'o.name_en'])
      .executeTakeFirst(),
  ]);
  let fallback: DashboardCounts['fallback'] = null;
  if (fallbackRule) {
    // The body an item was first routed to is in its 'received' history event (forwarding changes feedback_item.body_id later).
    const since = new Date(now.getTime() - 30 * DAY_MS);
    const { n } = await db
      .selectFrom('feedback_item as i')
      .innerJoin('feedback_event as e', (join) => join.onRef('e.item_id', '=', 'i.id').on('e.type', '=', 'received'))
      .where('i.received_at', '>=', since)
      .where('i.received_at', '<=', now)
      .where('e.body_id', '=', fallbackRule.id)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    fallback = { bodyMn: fallbackRule.name_mn, bodyEn: fallbackRule.name_en, slug: fallbackRule.slug, items: n };
  }
  return {
    bodies: bodies.n,
    categories: { active: categories.active, total: categories.total },
    routingRules: rules.n,
    overrides: overrides.n,
    holidays: { year, count: holidays.n },
    apiClients: apiClients.n,
    fallback,
  };
}

// ---- Categories ----

export interface CategoryRow {
  id: number;
  code: string;
  nameMn: string;
  nameEn: string;
  descriptionMn: string;
  descriptionEn: string;
  keywords: string;
  position: number;
  active: boolean;
  /** Routing rules naming the category. */
  rules: number;
}

function categoryQuery(db: Queryable) {
  return db
    .selectFrom('category as c')
    .select(['c.id', 'c.code', 'c.name_mn', 'c.name_en', 'c.description_mn', 'c.description_en', 'c.keywords', 'c.position', 'c.active'])
    .select((eb) => eb.selectFrom('routing_rule as r').whereRef('r.category_id', '=', 'c.id').select((e) => e.fn.countAll<number>().as('n')).as('rules'));
}

type CategoryDbRow = Awaited<ReturnType<ReturnType<typeof categoryQuery>['executeTakeFirstOrThrow']>>;

function toCategory(r: CategoryDbRow): CategoryRow {
  return {
    id: r.id,
    code: r.code,
    nameMn: r.name_mn,
    nameEn: r.name_en,
    descriptionMn: r.description_mn,
    descriptionEn: r.description_en,
    keywords: r.keywords,
    position: r.position,
    active: r.active,
    rules: Number(r.rules ?? 0),
  };
}

/** Every category, active or not, in the order people see them. */
export async function listCategories(db: Queryable): Promise<CategoryRow[]> {
  return (await categoryQuery(db).orderBy('c.position').orderBy('c.name_mn').execute()).map(toCategory);
}

export async function findCategory(db: Queryable, code: string): Promise<CategoryRow | undefined> {
  const row = await categoryQuery(db).where('c.code', '=', code).executeTakeFirst();
  return row && toCategory(row);
}

// ---- Bodies to choose from ----

export interface BodyOption {
  id: number;
  slug: string;
  nameMn: string;
  nameEn: string;
}

export async function bodyOptions(db: Queryable): Promise<BodyOption[]> {
  const rows = await db
    .selectFrom('body')
    .innerJoin('organisation as o', 'o.id', 'body.organisation_id')
    .select(['o.id', 'o.slug', 'o.name_mn', 'o.name_en'])
    .orderBy('o.name_mn')
    .execute();
  return rows.map((b) => ({ id: b.id, slug: b.slug, nameMn: b.name_mn, nameEn: b.name_en }));
}

// ---- Routing rules ----

export interface RuleRow {
  id: number;
  /** null: any category. */
  category: { id: number; code: string; nameMn: string; nameEn: string; active: boolean } | null;
  /** null: the whole country. */
  placeCode: string | null;
  body: BodyOption;
}

export interface RuleFilters {
  /** A category code, or 'any' for rules covering any category. */
  category?: string;
  /** An aimag or capital code (rules at it or inside it), or 'country' for whole-country rules. */
  aimag?: string;
  /** A body's slug. */
  body?: string;
}

export const RULES_PAGE_SIZE = 100;

function ruleQuery(db: Queryable) {
  return db
    .selectFrom('routing_rule as r')
    .innerJoin('organisation as o', 'o.id', 'r.body_id')
    .leftJoin('category as c', 'c.id', 'r.category_id')
    .select(['r.id', 'r.place_code', 'r.category_id', 'c.code as category_code', 'c.name_mn as category_mn', 'c.name_en as category_en', 'c.active as category_active'])
    .select(['o.id as body_id', 'o.slug as body_slug', 'o.name_mn as body_mn', 'o.name_en as body_en']);
}

type RuleDbRow = Awaited<ReturnType<ReturnType<typeof ruleQuery>['executeTakeFirstOrThrow']>>;

function toRule(r: RuleDbRow): RuleRow {
  return {
    id: r.id,
    category:
      r.category_id !== null && r.category_code !== null
        ? { id: r.category_id, code: r.category_code, nameMn: r.category_mn ?? '', nameEn: r.category_en ?? '', active: r.category_active ?? true }
        : null,
    placeCode: r.place_code,
    body: { id: r.body_id, slug: r.body_slug, nameMn: r.body_mn, nameEn: r.body_en },
  };
}

function filtered(db: Queryable, filters: RuleFilters) {
  let q = ruleQuery(db);
  if (filters.category === 'any') q = q.where('r.category_id', 'is', null);
  else if (filters.category) q = q.where('c.code', '=', filters.category);
  if (filters.aimag === 'country') q = q.where('r.place_code', 'is', null);
  else if (filters.aimag) q = /^[0-9]{2}$/.test(filters.aimag) ? q.where('r.place_code', 'like', `${filters.aimag}%`) : q.where(sql<boolean>`false`);
  if (filters.body) q = q.where('o.slug', '=', filters.body);
  return q;
}

/**
 * Rules in a readable order: whole-country rules first, then by place code (so an
 * aimag's rules sit together, the aimag before its soums), any-category rules before
 * category rules at each place.
 */
export async function listRoutingRules(db: Queryable, filters: RuleFilters, page: number): Promise<{ rules: RuleRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    filtered(db, filters)
      .orderBy(sql`r.place_code asc nulls first`)
      .orderBy(sql`c.position asc nulls first`)
      .orderBy('r.id')
      .limit(RULES_PAGE_SIZE)
      .offset((page - 1) * RULES_PAGE_SIZE)
      .execute(),
    filtered(db, filters)
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rules: rows.map(toRule), total: total.n };
}

export async function findRoutingRule(db: Queryable, id: number): Promise<RuleRow | undefined> {
  const row = await ruleQuery(db).where('r.id', '=', id).executeTakeFirst();
  return row && toRule(row);
}

/** Every rule that could decide for the category at the place or above it: the test tool's walk. */
export async function rulesAlong(db: Queryable, categoryId: number, chain: string[]): Promise<RuleRow[]> {
  const rows = await ruleQuery(db)
    .where((eb) => eb.or([eb('r.place_code', 'in', chain), eb('r.place_code', 'is', null)]))
    .where((eb) => eb.or([eb('r.category_id', '=', categoryId), eb('r.category_id', 'is', null)]))
    .execute();
  return rows.map(toRule);
}

export interface RuleChangeRow {
  id: number;
  ruleId: number;
  action: RoutingRuleChangeAction;
  category: { nameMn: string; nameEn: string } | null;
  placeCode: string | null;
  before: { nameMn: string; nameEn: string } | null;
  after: { nameMn: string; nameEn: string } | null;
  /** The admin's display name; null for tools and seeds. */
  by: string | null;
  at: Date;
}

/** The private trail of routing changes, newest first: of one rule, or of all rules. */
export async function routingChanges(db: Queryable, options: { ruleId?: number; limit: number }): Promise<RuleChangeRow[]> {
  let q = db
    .selectFrom('routing_rule_change as ch')
    .leftJoin('category as c', 'c.id', 'ch.category_id')
    .leftJoin('organisation as b1', 'b1.id', 'ch.body_before_id')
    .leftJoin('organisation as b2', 'b2.id', 'ch.body_after_id')
    .leftJoin('account as a', 'a.id', 'ch.changed_by')
    .select(['ch.id', 'ch.rule_id', 'ch.action', 'ch.place_code', 'ch.changed_at', 'c.name_mn as category_mn', 'c.name_en as category_en'])
    .select(['b1.name_mn as before_mn', 'b1.name_en as before_en', 'b2.name_mn as after_mn', 'b2.name_en as after_en', 'a.display_name'])
    .orderBy('ch.id', 'desc')
    .limit(options.limit);
  if (options.ruleId !== undefined) q = q.where('ch.rule_id', '=', options.ruleId);
  const rows = await q.execute();
  const names = (mn: string | null, en: string | null) => (mn === null ? null : { nameMn: mn, nameEn: en ?? mn });
  return rows.map((r) => ({
    id: r.id,
    ruleId: r.rule_id,
    action: r.action,
    category: names(r.category_mn, r.category_en),
    placeCode: r.place_code,
    before: names(r.before_mn, r.before_en),
    after: names(r.after_mn, r.after_en),
    by: r.display_name,
    at: r.changed_at,
  }));
}

// ---- Deadlines ----

/** The default period of every kind; the law's 30 calendar days where a row is missing. */
export async function defaultPeriods(db: Queryable): Promise<Record<Kind, Period>> {
  const rows = await db.selectFrom('deadline_rule').where('body_id', 'is', null).select(['kind', 'days', 'day_count']).execute();
  const periods = Object.fromEntries(FEEDBACK_KINDS.map((k) => [k, { days: 30, dayCount: 'calendar' as DayCount }])) as Record<Kind, Period>;
  for (const r of rows) periods[r.kind] = { days: r.days, dayCount: r.day_count };
  return periods;
}

export interface OverrideRow extends Period {
  id: number;
  kind: Kind;
  body: BodyOption;
}

function overrideQuery(db: Queryable) {
  return db
    .selectFrom('deadline_rule as d')
    .innerJoin('organisation as o', 'o.id', 'd.body_id')
    .select(['d.id', 'd.kind', 'd.days', 'd.day_count', 'o.id as body_id', 'o.slug', 'o.name_mn', 'o.name_en']);
}

type OverrideDbRow = Awaited<ReturnType<ReturnType<typeof overrideQuery>['executeTakeFirstOrThrow']>>;

function toOverride(r: OverrideDbRow): OverrideRow {
  return { id: r.id, kind: r.kind, days: r.days, dayCount: r.day_count, body: { id: r.body_id, slug: r.slug, nameMn: r.name_mn, nameEn: r.name_en } };
}

export async function listOverrides(db: Queryable): Promise<OverrideRow[]> {
  const rows = await overrideQuery(db).orderBy('o.name_mn').orderBy('d.kind').execute();
  return rows.map(toOverride);
}

export async function findOverride(db: Queryable, id: number): Promise<OverrideRow | undefined> {
  const row = await overrideQuery(db).where('d.id', '=', id).executeTakeFirst();
  return row && toOverride(row);
}

// ---- Holidays ----

export interface HolidayRow {
  day: string;
  nameMn: string;
  nameEn: string;
}

export async function holidaysIn(db: Queryable, year: number): Promise<HolidayRow[]> {
  const rows = await db
    .selectFrom('public_holiday')
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .select(['day', 'name_mn', 'name_en'])
    .orderBy('day')
    .execute();
  return rows.map((h) => ({ day: String(h.day), nameMn: h.name_mn, nameEn: h.name_en }));
}

export async function findHoliday(db: Queryable, day: string): Promise<HolidayRow | undefined> {
  const row = await db.selectFrom('public_holiday').where('day', '=', day).select(['day', 'name_mn', 'name_en']).executeTakeFirst();
  return row && { day: String(row.day), nameMn: row.name_mn, nameEn: row.name_en };
}

/** The first and last year with a holiday, to offer every year in between. */
export async function holidayYearRange(db: Queryable): Promise<{ first: number; last: number } | null> {
  const row = await db
    .selectFrom('public_holiday')
    .select((eb) => [eb.fn.min('day').as('first'), eb.fn.max('day').as('last')])
    .executeTakeFirst();
  if (!row?.first || !row.last) return null;
  return { first: Number(String(row.first).slice(0, 4)), last: Number(String(row.last).slice(0, 4)) };
}
