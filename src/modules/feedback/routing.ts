import { sql } from 'kysely';
import type { Queryable } from '../../shared/db/database.js';
import { AppError } from '../../shared/errors.js';

/** The place and all its ancestors, most specific first: '111059' → ['111059', '1110', '11']. */
export function placeChain(code: string): string[] {
  const chain: string[] = [];
  for (let length = code.length; length >= 2; length -= 2) chain.push(code.slice(0, length));
  return chain;
}

/**
 * Which body answers feedback of this category at this place. Routing rules are data:
 * walking from the place up to the whole country, the first place with a rule decides,
 * and at that place a rule for the category beats a rule for any category. Everything
 * ends at the national fallback rule (category NULL, place NULL) when one is configured.
 */
export async function resolveResponsibleBody(db: Queryable, categoryId: number, placeCode: string): Promise<number> {
  const rule = await decidingRule(db, categoryId, placeCode);
  if (!rule) throw new AppError('feedback.no_route', { status: 503 });
  return rule.bodyId;
}

/** The routing rule that decides, as resolveResponsibleBody() chooses it. */
export interface DecidingRule {
  id: number;
  bodyId: number;
  /** null: the rule is for any category. */
  categoryId: number | null;
  /** null: the rule covers the whole country. */
  placeCode: string | null;
}

/**
 * The rule that decides which body answers feedback of this category at this place
 * (undefined when not even a national fallback is configured). The platform admin's
 * "test routing" tool shows it; resolveResponsibleBody() uses its body.
 */
export async function decidingRule(db: Queryable, categoryId: number, placeCode: string): Promise<DecidingRule | undefined> {
  const rule = await db
    .selectFrom('routing_rule')
    .select(['id', 'body_id', 'category_id', 'place_code'])
    .where((eb) => eb.or([eb('place_code', 'in', placeChain(placeCode)), eb('place_code', 'is', null)]))
    .where((eb) => eb.or([eb('category_id', '=', categoryId), eb('category_id', 'is', null)]))
    .orderBy(sql`length(coalesce(place_code, ''))`, 'desc')
    .orderBy(sql`category_id IS NULL`)
    .limit(1)
    .executeTakeFirst();
  return rule && { id: rule.id, bodyId: rule.body_id, categoryId: rule.category_id, placeCode: rule.place_code };
}
