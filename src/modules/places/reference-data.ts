import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Queryable } from '../../shared/db/database.js';
import type { PlaceKind, PlaceLevel } from './codes.js';
import { searchableText, transliterate } from './transliterate.js';

export interface AdminUnit {
  code: string;
  parent: string | null;
  level: PlaceLevel;
  kind: PlaceKind;
  name_mn: string;
  name_en?: string;
}

export function readAdminUnits(): AdminUnit[] {
  const file = new URL('./admin-units.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { units: AdminUnit[] }).units;
}

/** English name: the official one where the classification gives it, else the MNS 5217 transliteration. */
export function englishName(unit: Pick<AdminUnit, 'name_mn' | 'name_en'>): string {
  if (unit.name_en) return unit.name_en;
  // "5-р хороо" reads "Khoroo 5"; "2-р баг, Хулж" reads "Bagh 2, Khulj".
  return transliterate(unit.name_mn).replace(/^(\d+)-r (khoroo|bag)\b/i, (_, n: string, w: string) => `${w.toLowerCase() === 'bag' ? 'Bagh' : 'Khoroo'} ${n}`);
}

/**
 * Brings the place table in line with the national classification shipped with the
 * code. Runs on every start after migrations; upserts, so renamed units update and
 * feedback pointing at a place keeps its reference.
 */
export async function syncPlaces(q: Queryable): Promise<number> {
  const units = readAdminUnits().sort((a, b) => a.level - b.level);
  const rows = units.map((u) => ({
    code: u.code,
    parent_code: u.parent,
    level: u.level,
    kind: u.kind,
    name_mn: u.name_mn,
    name_en: englishName(u),
    search_text: searchableText(u.name_mn, u.name_en),
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await q
      .insertInto('place')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          parent_code: sql`excluded.parent_code`,
          level: sql`excluded.level`,
          kind: sql`excluded.kind`,
          name_mn: sql`excluded.name_mn`,
          name_en: sql`excluded.name_en`,
          search_text: sql`excluded.search_text`,
        }),
      )
      .execute();
  }
  return rows.length;
}
