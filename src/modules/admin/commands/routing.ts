import { sql } from 'kysely';
import type { Tx } from '../../../shared/db/database.js';
import type { RoutingRuleChangeAction } from '../../../shared/db/db-types.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { invalid, isUniqueViolation } from '../forms.js';
import { canDeleteRoutingRule } from '../policy.js';

/** A rule as the admin names it: category code (null: any), place code (null: whole country), body slug. */
export interface RuleInput {
  categoryCode: string | null;
  placeCode: string | null;
  bodySlug: string;
}

/** Who acts and when: every routing change is written to the private trail. */
export interface ChangeContext {
  accountId: number | null;
  now: Date;
}

interface BodyRow {
  id: number;
  name_mn: string;
  name_en: string;
}

async function bodyBySlug(tx: Tx, slug: string): Promise<BodyRow | undefined> {
  if (!slug) return undefined;
  return tx
    .selectFrom('body')
    .innerJoin('organisation as o', 'o.id', 'body.organisation_id')
    .where('o.slug', '=', slug)
    .select(['o.id', 'o.name_mn', 'o.name_en'])
    .executeTakeFirst();
}

async function bodyNames(tx: Tx, id: number): Promise<BodyRow> {
  return tx.selectFrom('organisation').where('id', '=', id).select(['id', 'name_mn', 'name_en']).executeTakeFirstOrThrow();
}

async function record(
  tx: Tx,
  ctx: ChangeContext,
  change: { ruleId: number; action: RoutingRuleChangeAction; categoryId: number | null; placeCode: string | null; before: number | null; after: number | null },
): Promise<void> {
  await tx
    .insertInto('routing_rule_change')
    .values({
      rule_id: change.ruleId,
      action: change.action,
      category_id: change.categoryId,
      place_code: change.placeCode,
      body_before_id: change.before,
      body_after_id: change.after,
      changed_by: ctx.accountId,
      changed_at: ctx.now,
    })
    .execute();
}

/** The rule for this exact (category, place) pair, NULLs included, if there is one. */
async function rulePair(tx: Tx, categoryId: number | null, placeCode: string | null) {
  return tx
    .selectFrom('routing_rule')
    .where((eb) => (categoryId === null ? eb('category_id', 'is', null) : eb('category_id', '=', categoryId)))
    .where((eb) => (placeCode === null ? eb('place_code', 'is', null) : eb('place_code', '=', placeCode)))
    .select(['id', 'body_id'])
    .executeTakeFirst();
}

async function ruleExistsError(tx: Tx, existing: { id: number; body_id: number }): Promise<FieldError> {
  const body = await bodyNames(tx, existing.body_id);
  return { field: 'category', key: 'admin:errors.rule_exists', params: { bodyMn: body.name_mn, bodyEn: body.name_en, ruleId: existing.id } };
}

/**
 * Adds a routing rule: feedback of the category (or any category) from the place and
 * every place inside it (or the whole country) goes to the body. Everything is checked
 * first, every problem at once; a second rule for the same pair is a field error that
 * names the existing rule, also when two admins add it at once (the unique index decides).
 */
export async function createRoutingRule(tx: Tx, input: RuleInput, ctx: ChangeContext): Promise<number> {
  // Rule additions run one at a time, so the "pair is free" check below stays true until the insert.
  await sql`SELECT pg_advisory_xact_lock(hashtext('irgen:routing_rule'))`.execute(tx);
  const fields: FieldError[] = [];
  let categoryId: number | null = null;
  if (input.categoryCode !== null) {
    const category = await tx.selectFrom('category').where('code', '=', input.categoryCode).select('id').executeTakeFirst();
    if (category) categoryId = category.id;
    else fields.push({ field: 'category', key: 'admin:errors.unknown_category' });
  }
  if (input.placeCode !== null && !(await tx.selectFrom('place').where('code', '=', input.placeCode).select('code').executeTakeFirst())) {
    fields.push({ field: 'place_l1', key: 'places:errors.unknownPlace' });
  }
  const body = await bodyBySlug(tx, input.bodySlug);
  if (!body) fields.push(input.bodySlug ? { field: 'body', key: 'admin:errors.unknown_body' } : { field: 'body', key: 'admin:errors.choose_body' });
  if (fields.length === 0) {
    const existing = await rulePair(tx, categoryId, input.placeCode);
    if (existing) fields.push(await ruleExistsError(tx, existing));
  }
  if (fields.length || !body) throw invalid(fields);

  let id: number;
  try {
    ({ id } = await tx.insertInto('routing_rule').values({ category_id: categoryId, place_code: input.placeCode, body_id: body.id, created_at: ctx.now }).returning('id').executeTakeFirstOrThrow());
  } catch (error) {
    if (!isUniqueViolation(error, 'routing_rule_pair_key')) throw error;
    // Only a writer that bypassed this command (a seed run) can get here; say so plainly.
    throw invalid([{ field: 'category', key: 'admin:errors.rule_exists_now' }]);
  }
  await record(tx, ctx, { ruleId: id, action: 'created', categoryId, placeCode: input.placeCode, before: null, after: body.id });
  return id;
}

async function lockRule(tx: Tx, ruleId: number) {
  const rule = await tx.selectFrom('routing_rule').where('id', '=', ruleId).select(['id', 'category_id', 'place_code', 'body_id']).forUpdate().executeTakeFirst();
  if (!rule) throw new AppError('not_found');
  return rule;
}

/**
 * Sends the rule's feedback to another body from now on (items already received stay
 * where they are). Returns false when the body was already the rule's body.
 */
export async function changeRoutingRuleBody(tx: Tx, ruleId: number, bodySlug: string, ctx: ChangeContext): Promise<boolean> {
  const rule = await lockRule(tx, ruleId);
  const body = await bodyBySlug(tx, bodySlug);
  if (!body) throw invalid([bodySlug ? { field: 'body', key: 'admin:errors.unknown_body' } : { field: 'body', key: 'admin:errors.choose_body' }]);
  if (body.id === rule.body_id) return false;
  await tx.updateTable('routing_rule').set({ body_id: body.id }).where('id', '=', rule.id).execute();
  await record(tx, ctx, { ruleId: rule.id, action: 'body_changed', categoryId: rule.category_id, placeCode: rule.place_code, before: rule.body_id, after: body.id });
  return true;
}

/**
 * Deletes a rule: its feedback is decided by the rule of a place further up from now on.
 * The national fallback rule is refused (409): feedback no rule matches needs it.
 */
export async function deleteRoutingRule(tx: Tx, ruleId: number, ctx: ChangeContext): Promise<void> {
  const rule = await lockRule(tx, ruleId);
  if (!canDeleteRoutingRule({ categoryId: rule.category_id, placeCode: rule.place_code })) throw new AppError('admin.fallback_undeletable', { status: 409 });
  await tx.deleteFrom('routing_rule').where('id', '=', rule.id).execute();
  await record(tx, ctx, { ruleId: rule.id, action: 'deleted', categoryId: rule.category_id, placeCode: rule.place_code, before: rule.body_id, after: null });
}
