import type { Lang } from '../../../shared/i18n/index.js';
import { localized, usePage } from '../../../shared/views/context.js';
import type { Crumb } from '../../../shared/views/layout.js';
import type { BodyLink, PlaceName } from '../queries.js';
import { bodyUrl } from '../queries.js';
import '../messages.js';

/** "Arvaikheer, Övörkhangai": a place with the unit above it, in the page language. */
export function placeLabel(lang: Lang, place: PlaceName): string {
  const name = localized(lang, place.nameMn, place.nameEn);
  const parent = place.parentNameMn ? localized(lang, place.parentNameMn, place.parentNameEn) : null;
  return parent ? `${name}, ${parent}` : name;
}

export function bodyName(lang: Lang, body: Pick<BodyLink, 'nameMn' | 'nameEn'>): string {
  return localized(lang, body.nameMn, body.nameEn);
}

const collators = new Map<Lang, Intl.Collator>();

/** Sorts by the name people read on the page (Mongolian alphabet or English). */
export function sortByName<T extends Pick<BodyLink, 'nameMn' | 'nameEn'>>(lang: Lang, items: readonly T[]): T[] {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang === 'mn' ? 'mn' : 'en', { numeric: true });
    collators.set(lang, collator);
  }
  const c = collator;
  return [...items].sort((a, b) => c.compare(bodyName(lang, a), bodyName(lang, b)));
}

export function BodyLinkText({ body }: { body: BodyLink }) {
  const { lang } = usePage();
  return <a href={bodyUrl(body.slug)}>{bodyName(lang, body)}</a>;
}

export function useBodyCrumbs(): (extra: Crumb[]) => Crumb[] {
  const { t } = usePage();
  return (extra) => [{ href: '/', label: t('site.home') }, { href: '/bodies', label: t('bodies:list.title') }, ...extra];
}
