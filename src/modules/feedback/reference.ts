import type { DayCount } from '../../shared/calendar.js';
import type { Queryable } from '../../shared/db/database.js';
import type { FeedbackKind } from '../../shared/db/db-types.js';
import type { DeadlineRule } from './deadlines.js';
import { placeChain } from './routing.js';

/**
 * The configuration every submission reads: active categories, routing rules, deadline
 * rules and body names. It changes a few times a month and is read thousands of times a
 * second under load, so it is held in memory: reloaded at most every few seconds, and at
 * once in this process when an administrator changes it (invalidateFeedbackReference).
 */
export interface FeedbackReference {
  categories: ReadonlyMap<string, { id: number; code: string }>;
  rules: readonly { id: number; categoryId: number | null; placeCode: string | null; bodyId: number }[];
  deadlineRules: readonly { kind: FeedbackKind; bodyId: number | null; days: number; dayCount: DayCount }[];
  bodies: ReadonlyMap<number, { id: number; slug: string; name_mn: string; name_en: string; superior_body_id: number | null }>;
}

/** Other server processes see an administrator's change within this time. */
const TTL_MS = 5_000;
let cache: { at: number; value: Promise<FeedbackReference> } | undefined;

async function load(db: Queryable): Promise<FeedbackReference> {
  const [categories, rules, deadlineRules, bodies] = await Promise.all([
    db.selectFrom('category').select(['id', 'code']).where('active', '=', true).execute(),
    db.selectFrom('routing_rule').select(['id', 'category_id', 'place_code', 'body_id']).execute(),
    db.selectFrom('deadline_rule').select(['kind', 'body_id', 'days', 'day_count']).execute(),
    db
      .selectFrom('body')
      .innerJoin('organisation', 'organisation.id', 'body.organisation_id')
      .select(['organisation.id', 'organisation.slug', 'organisation.name_mn', 'organisation.name_en', 'body.superior_body_id'])
      .execute(),
  ]);
  return {
    categories: new Map(categories.map((c) => [c.code, c])),
    rules: rules.map((r) => ({ id: r.id, categoryId: r.category_id, placeCode: r.place_code, bodyId: r.body_id })),
    deadlineRules: deadlineRules.map((r) => ({ kind: r.kind, bodyId: r.body_id, days: r.days, dayCount: r.day_count })),
    bodies: new Map(bodies.map((b) => [b.id, b])),
  };
}

export function feedbackReference(db: Queryable, nowMs = Date.now()): Promise<FeedbackReference> {
  if (!cache || nowMs - cache.at > TTL_MS) {
    const value = load(db);
    // Rows read inside a transaction may yet be rolled back: use them, but never keep them.
    if (db.isTransaction) return value;
    cache = { at: nowMs, value };
    // A failed load must not be served for the next five seconds.
    value.catch(() => {
      if (cache?.value === value) cache = undefined;
    });
  }
  return cache.value;
}

/** Called by every command that changes categories, routing or deadline rules, or bodies. */
export function invalidateFeedbackReference(): void {
  cache = undefined;
}

/**
 * The routing decision of routing.ts (resolveResponsibleBody), made from the rules in
 * memory: walking from the place up to the whole country, the first place with a rule
 * decides, a category rule beating an any-category rule there. A test keeps both equal.
 */
export function routeFromReference(ref: FeedbackReference, categoryId: number, placeCode: string): number | undefined {
  for (const place of [...placeChain(placeCode), null]) {
    let any: number | undefined;
    for (const rule of ref.rules) {
      if (rule.placeCode !== place) continue;
      if (rule.categoryId === categoryId) return rule.bodyId;
      if (rule.categoryId === null) any = rule.bodyId;
    }
    if (any !== undefined) return any;
  }
  return undefined;
}

/** The deadline rule of deadlines.ts, from memory: the body's own rule, else the default. */
export function deadlineFromReference(ref: FeedbackReference, kind: FeedbackKind, bodyId: number): DeadlineRule {
  const own = ref.deadlineRules.find((r) => r.kind === kind && r.bodyId === bodyId);
  const general = ref.deadlineRules.find((r) => r.kind === kind && r.bodyId === null);
  const rule = own ?? general;
  return rule ? { days: rule.days, dayCount: rule.dayCount } : { days: 30, dayCount: 'calendar' };
}
