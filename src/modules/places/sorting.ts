import type { Lang } from '../../shared/i18n/index.js';
import type { PlaceKind } from './codes.js';

interface Sortable {
  code: string;
  kind: PlaceKind;
  name_mn: string;
  name_en: string;
}

const collators: Record<Lang, Intl.Collator> = {
  mn: new Intl.Collator('mn', { sensitivity: 'base', numeric: true }),
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
};

/** The number a numbered khoroo or bagh carries ("5-р хороо", "Khoroo 5", "2-р баг, Хулж"), if any. */
export function unitNumber(name: string): number | null {
  const match = /^(\d+)-р(?!\p{L})/u.exec(name) ?? /^(?:Khoroo|Bagh) (\d+)\b/.exec(name);
  return match ? Number(match[1]) : null;
}

/**
 * Orders places the way people look for them: the capital first, numbered khoroos and
 * baghs by their number (2 before 10), everything else alphabetically in the page
 * language (Mongolian order: ... о ө п ... у ү ...).
 */
export function comparePlaces(lang: Lang): (a: Sortable, b: Sortable) => number {
  const collator = collators[lang];
  return (a, b) => {
    if (a.kind === 'capital' || b.kind === 'capital') return Number(b.kind === 'capital') - Number(a.kind === 'capital');
    const na = unitNumber(a.name_mn);
    const nb = unitNumber(b.name_mn);
    if (na !== null || nb !== null) {
      if (na === null) return 1;
      if (nb === null) return -1;
      if (na !== nb) return na - nb;
    }
    const byName = lang === 'en' ? collator.compare(a.name_en, b.name_en) : collator.compare(a.name_mn, b.name_mn);
    return byName || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  };
}

/** A sorted copy. */
export function sortPlaces<T extends Sortable>(places: readonly T[], lang: Lang = 'mn'): T[] {
  return [...places].sort(comparePlaces(lang));
}
