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
  const rule = await db
    .selectFrom('routing_rule')
    .select('body_id')
    .where((eb) => eb.or([eb('place_code', 'in', placeChain(placeCode)), eb('place_code', 'is', null)]))
    .where((eb) => eb.or([eb('category_id', '=', categoryId), eb('category_id', 'is', null)]))
    .orderBy(sql`length(coalesce(place_code, ''))`, 'desc')
    .orderBy(sql`category_id IS NULL`)
    .limit(1)
    .executeTakeFirst();
  if (!rule) throw new AppError('feedback.no_route', { status: 503 });
  return rule.body_id;
}
