import { sql } from 'kysely';
import type { Queryable } from '../../shared/db/database.js';
import type { Lang } from '../../shared/i18n/index.js';
import type { Place } from './catalogue.js';
import { ancestorCodes, isPlaceCode, pathCodes } from './codes.js';
import { sortPlaces } from './sorting.js';
import { foldForSearch, looseKey } from './transliterate.js';

export { aimagCodeOf, ancestorCodes, isPlaceCode, isWithin, levelOfCode, parentCodeOf, pathCodes } from './codes.js';
export type { Place } from './catalogue.js';
export { sortPlaces } from './sorting.js';

export interface PlaceWithAncestors {
  place: Place;
  /** Units above the place, top first ("Улаанбаатар", "Баянзүрх" for "5-р хороо"). */
  ancestors: Place[];
}

export interface PlaceDetail extends PlaceWithAncestors {
  /** Units directly inside the place, in display order (numbered khoroos by number). */
  children: Place[];
}

export interface PlaceHit extends Place {
  /** The hit and the units above it, top first: the hit is the last entry. */
  path: Place[];
}

const COLUMNS = ['code', 'parent_code', 'level', 'kind', 'name_mn', 'name_en'] as const;

function toPlace(row: { code: string; parent_code: string | null; level: number; kind: Place['kind']; name_mn: string; name_en: string }): Place {
  return { code: row.code, parent_code: row.parent_code, level: row.level as Place['level'], kind: row.kind, name_mn: row.name_mn, name_en: row.name_en };
}

export async function getPlace(db: Queryable, code: string): Promise<Place | undefined> {
  if (!isPlaceCode(code)) return undefined;
  const row = await db.selectFrom('place').select(COLUMNS).where('code', '=', code).executeTakeFirst();
  return row && toPlace(row);
}

/** Places by code, in no particular order; unknown and malformed codes are left out. */
export async function getPlaces(db: Queryable, codes: readonly string[]): Promise<Place[]> {
  const wanted = [...new Set(codes.filter(isPlaceCode))];
  if (wanted.length === 0) return [];
  const rows = await db.selectFrom('place').select(COLUMNS).where('code', 'in', wanted).execute();
  return rows.map(toPlace);
}

/** The place and the units above it, top first, in one query (codes are prefixes); [] if unknown. */
export async function placePath(db: Queryable, code: string): Promise<Place[]> {
  if (!isPlaceCode(code)) return [];
  const places = await getPlaces(db, pathCodes(code));
  if (!places.some((p) => p.code === code)) return [];
  return places.sort((a, b) => a.level - b.level);
}

/** For breadcrumbs: "Улаанбаатар › Баянзүрх › 5-р хороо". */
export async function getPlaceWithAncestors(db: Queryable, code: string): Promise<PlaceWithAncestors | undefined> {
  const path = await placePath(db, code);
  const place = path.at(-1);
  return place && { place, ancestors: path.slice(0, -1) };
}

export async function childrenOf(db: Queryable, code: string, lang: Lang = 'mn'): Promise<Place[]> {
  if (!isPlaceCode(code)) return [];
  const rows = await db.selectFrom('place').select(COLUMNS).where('parent_code', '=', code).execute();
  return sortPlaces(rows.map(toPlace), lang);
}

/** The capital and the 21 aimags, the capital first. */
export async function firstLevelPlaces(db: Queryable, lang: Lang = 'mn'): Promise<Place[]> {
  const rows = await db.selectFrom('place').select(COLUMNS).where('level', '=', 1).execute();
  return sortPlaces(rows.map(toPlace), lang);
}

/** A place, its ancestors and its children: what the place page and its JSON twin show. */
export async function getPlaceDetail(db: Queryable, code: string, lang: Lang = 'mn'): Promise<PlaceDetail | undefined> {
  const found = await getPlaceWithAncestors(db, code);
  if (!found) return undefined;
  return { ...found, children: await childrenOf(db, code, lang) };
}

export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_MAX_LIMIT = 50;

function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Finds places by name in either script, with or without diacritics, and in the
 * spellings people use ("khovd", "Ховд", "Bayanzürkh", "umnugovi"). The query is folded
 * the way search_text was (see transliterate.ts) and matched through the trigram index
 * by substring or word similarity. Best first: a match at the start of a word, then
 * closer similarity, then larger units (an aimag before a soum of the same name).
 */
export async function searchPlaces(db: Queryable, query: string, options: { limit?: number } = {}): Promise<PlaceHit[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 10), 1), SEARCH_MAX_LIMIT);
  const trimmed = query.trim().slice(0, SEARCH_MAX_LENGTH);
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return [];
  const rows = await placeSearchQuery(db, trimmed, limit).execute();
  const ancestors = new Map((await getPlaces(db, rows.flatMap((r) => ancestorCodes(r.code)))).map((p) => [p.code, p]));
  return rows.map((row) => {
    const place = toPlace(row);
    const above = ancestorCodes(place.code).map((c) => ancestors.get(c)).filter((p): p is Place => p !== undefined);
    return { ...place, path: [...above, place] };
  });
}

/** The search's SQL, on its own so a test can check the trigram index serves it. */
export function placeSearchQuery(db: Queryable, query: string, limit: number) {
  const folded = foldForSearch(query).replace(/\s+/g, ' ');
  const loose = looseKey(query).replace(/\s+/g, ' ');
  const foldedLike = likePattern(folded);
  const looseLike = likePattern(loose);
  // Word starts are compared with hyphens and commas read as spaces ("Баян-Өлгий", "2-р баг, Хулж").
  const wordStart = likePattern(folded.replace(/[-,]/g, ' '));
  return db
    .selectFrom('place')
    .select(COLUMNS)
    .select([
      sql<boolean>`(' ' || translate(search_text, '-,', '  ')) LIKE ('% ' || ${wordStart} || '%') OR (' ' || search_text) LIKE ('% ' || ${looseLike} || '%')`.as('word_start'),
      sql<number>`greatest(word_similarity(${folded}, search_text), word_similarity(${loose}, search_text))`.as('score'),
    ])
    .where((eb) =>
      eb.or([
        eb('search_text', 'like', `%${foldedLike}%`),
        // The forgiving key folds double letters, so a short one ("zzzz" → "z") would match almost anything.
        ...(loose.length >= 3 ? [eb('search_text', 'like', `%${looseLike}%`)] : []),
        sql<boolean>`${folded} <% search_text`,
        sql<boolean>`${loose} <% search_text`,
      ]),
    )
    .orderBy('word_start', 'desc')
    .orderBy('score', 'desc')
    .orderBy('level')
    .orderBy('code')
    .limit(limit);
}
