import type { Lang, Translate } from '../../../shared/i18n/index.js';
import { localized, usePage } from '../../../shared/views/context.js';
import type { Crumb } from '../../../shared/views/layout.js';
import { placeCatalogue } from '../../places/catalogue.js';
import { pathText } from '../../places/views/place-name.js';
import type { BodyOption, RuleRow } from '../queries.js';
import '../messages.js';

type Named = { nameMn: string; nameEn: string };

export function named(lang: Lang, item: Named): string {
  return localized(lang, item.nameMn, item.nameEn);
}

const collators = new Map<Lang, Intl.Collator>();

/** Sorted by the name people read on the page (Mongolian alphabet or English). */
export function byName<T extends Named>(lang: Lang, items: readonly T[]): T[] {
  let collator = collators.get(lang);
  if (!collator) {
    collator = new Intl.Collator(lang === 'mn' ? 'mn' : 'en', { numeric: true });
    collators.set(lang, collator);
  }
  const c = collator;
  return [...items].sort((a, b) => c.compare(named(lang, a), named(lang, b)));
}

/** Breadcrumbs of every admin page: Administration › … */
export function useAdminCrumbs(): (extra: Crumb[]) => Crumb[] {
  const { t } = usePage();
  return (extra) => [{ href: '/admin', label: t('admin:breadcrumb') }, ...extra];
}

/** "Ховд › Жаргалант" or "Whole country". */
export function placeText(t: Translate, lang: Lang, code: string | null): string {
  if (code === null) return t('admin:routing.wholeCountry');
  const path = placeCatalogue().path(code);
  return path.length ? pathText(path, lang) : code;
}

export function categoryText(t: Translate, lang: Lang, category: Named | null): string {
  return category ? named(lang, category) : t('admin:routing.anyCategory');
}

/** "Roads · Khovd › Jargalant → Khovd Aimag Governor’s Office". */
export function ruleText(t: Translate, lang: Lang, rule: { category: Named | null; placeCode: string | null; body: Named }): string {
  return `${categoryText(t, lang, rule.category)} · ${placeText(t, lang, rule.placeCode)} → ${named(lang, rule.body)}`;
}

export function isFallback(rule: Pick<RuleRow, 'category' | 'placeCode'>): boolean {
  return rule.category === null && rule.placeCode === null;
}

export function bodySelectOptions(lang: Lang, bodies: readonly BodyOption[]) {
  return byName(lang, bodies).map((b) => ({ value: b.slug, label: named(lang, b) }));
}
