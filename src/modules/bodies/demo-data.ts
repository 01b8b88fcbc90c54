import type { Db, Tx } from '../../shared/db/database.js';
import { createBody, setBodyCategories } from './commands/bodies.js';
import { createCso } from './commands/organisations.js';
import { DEMO_BODIES, DEMO_CATEGORIES, DEMO_CSOS, DEMO_ROUTING_RULES } from './demo-reference.js';

export { DEMO_SLUGS } from './demo-reference.js';

export interface SeedCounts {
  categories: number;
  bodies: number;
  routingRules: number;
  organisations: number;
}

/**
 * Loads the demo reference dataset (categories, public bodies with their hierarchy,
 * places and categories, routing rules, CSOs) in one transaction. Idempotent: anything
 * that already exists, matched by code, slug or (category, place) pair, is left as it
 * is, so a second run creates nothing and never undoes an admin's later edits.
 * Returns how many rows of each kind it created.
 */
export async function seedDemoBodies(db: Db, options: { now?: Date } = {}): Promise<SeedCounts> {
  const now = options.now ?? new Date();
  return db.transaction().execute(async (tx) => {
    const counts: SeedCounts = { categories: 0, bodies: 0, routingRules: 0, organisations: 0 };
    counts.categories = await seedCategories(tx);
    const existing = new Set((await tx.selectFrom('organisation').select('slug').execute()).map((o) => o.slug));
    for (const body of DEMO_BODIES) {
      if (existing.has(body.slug)) continue;
      const id = await createBody(
        tx,
        {
          slug: body.slug,
          type: body.type,
          nameMn: body.nameMn,
          nameEn: body.nameEn,
          placeCode: body.place ?? null,
          superiorSlug: body.superior ?? null,
          website: body.website ?? null,
          placesServed: body.serves ?? [],
        },
        now,
      );
      if (body.categories?.length) await setBodyCategories(tx, id, body.categories, now);
      counts.bodies++;
    }
    counts.routingRules = await seedRoutingRules(tx);
    for (const cso of DEMO_CSOS) {
      if (existing.has(cso.slug)) continue;
      await createCso(tx, cso, now);
      counts.organisations++;
    }
    return counts;
  });
}

async function seedCategories(tx: Tx): Promise<number> {
  const inserted = await tx
    .insertInto('category')
    .values(
      DEMO_CATEGORIES.map((c, i) => ({
        code: c.code,
        name_mn: c.nameMn,
        name_en: c.nameEn,
        description_mn: c.descriptionMn,
        description_en: c.descriptionEn,
        keywords: c.keywords,
        position: (i + 1) * 10,
      })),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

async function seedRoutingRules(tx: Tx): Promise<number> {
  const bodies = new Map((await tx.selectFrom('organisation').where('kind', '=', 'body').select(['id', 'slug']).execute()).map((o) => [o.slug, o.id]));
  const categories = new Map((await tx.selectFrom('category').select(['id', 'code']).execute()).map((c) => [c.code, c.id]));
  const pairKey = (categoryId: number | null, place: string | null) => `${categoryId ?? ''}|${place ?? ''}`;
  const present = new Set((await tx.selectFrom('routing_rule').select(['category_id', 'place_code']).execute()).map((r) => pairKey(r.category_id, r.place_code)));
  let created = 0;
  for (const rule of DEMO_ROUTING_RULES) {
    const categoryId = rule.category === null ? null : categories.get(rule.category);
    const bodyId = bodies.get(rule.body);
    if (categoryId === undefined || bodyId === undefined) throw new Error(`demo routing rule names an unknown category or body: ${JSON.stringify(rule)}`);
    const key = pairKey(categoryId, rule.place);
    if (present.has(key)) continue;
    await tx.insertInto('routing_rule').values({ category_id: categoryId, place_code: rule.place, body_id: bodyId }).execute();
    present.add(key);
    created++;
  }
  return created;
}
