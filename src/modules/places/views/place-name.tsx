import type { Lang } from '../../../shared/i18n/index.js';
import { localized } from '../../../shared/views/context.js';
import type { Place } from '../catalogue.js';

type Named = Pick<Place, 'name_mn' | 'name_en'>;

/** The name in the page language: Mongolian, or the English name on English pages. */
export function placeName(place: Named, lang: Lang): string {
  return localized(lang, place.name_mn, place.name_en);
}

/** "Улаанбаатар › Баянзүрх › 5-р хороо". */
export function pathText(path: readonly Named[], lang: Lang): string {
  return path.map((p) => placeName(p, lang)).join(' › ');
}

export function placeHref(code: string): string {
  return `/places/${code}`;
}
