import type { Lang } from '../../shared/i18n/index.js';
import { pathCodes, type PlaceKind, type PlaceLevel } from './codes.js';
import { englishName, readAdminUnits } from './reference-data.js';
import { sortPlaces } from './sorting.js';

/** A place as every module sees it: the row of the `place` table, without search text. */
export interface Place {
  code: string;
  parent_code: string | null;
  level: PlaceLevel;
  kind: PlaceKind;
  name_mn: string;
  name_en: string;
}

/**
 * The national classification in memory, read from the same admin-units.json that
 * syncPlaces() writes into the `place` table on every start. The picker renders its
 * lists and checks posted codes from here, synchronously, so a form that embeds it needs
 * no extra loading; database queries (queries.ts) serve pages, the API and search.
 */
export interface PlaceCatalogue {
  get(code: string): Place | undefined;
  /** Children in display order for the language. */
  children(code: string, lang?: Lang): Place[];
  /** The 22 first-level units: the capital, then the 21 aimags. */
  firstLevel(lang?: Lang): Place[];
  /** The place and the units above it, top first; [] for an unknown code. */
  path(code: string): Place[];
  size: number;
}

function buildCatalogue(): PlaceCatalogue {
  const byCode = new Map<string, Place>();
  const childrenOf = new Map<string | null, Place[]>();
  for (const unit of readAdminUnits()) {
    const place: Place = { code: unit.code, parent_code: unit.parent, level: unit.level, kind: unit.kind, name_mn: unit.name_mn, name_en: englishName(unit) };
    byCode.set(place.code, place);
    const siblings = childrenOf.get(place.parent_code) ?? [];
    siblings.push(place);
    childrenOf.set(place.parent_code, siblings);
  }
  const sorted = new Map<string, Place[]>();
  const sortedChildren = (parent: string | null, lang: Lang): Place[] => {
    const key = `${parent ?? ''}:${lang}`;
    let list = sorted.get(key);
    if (!list) {
      list = sortPlaces(childrenOf.get(parent) ?? [], lang);
      sorted.set(key, list);
    }
    return list;
  };
  return {
    get: (code) => byCode.get(code),
    children: (code, lang = 'mn') => sortedChildren(code, lang),
    firstLevel: (lang = 'mn') => sortedChildren(null, lang),
    path(code) {
      if (!byCode.has(code)) return [];
      return pathCodes(code).map((c) => byCode.get(c)).filter((p): p is Place => p !== undefined);
    },
    size: byCode.size,
  };
}

let catalogue: PlaceCatalogue | undefined;

export function placeCatalogue(): PlaceCatalogue {
  return (catalogue ??= buildCatalogue());
}
