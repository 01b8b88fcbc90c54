import type { ComponentChildren } from 'preact';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { PlaceDetail } from '../queries.js';
import '../messages.js';
import { placeHref, placeName } from './place-name.js';

export interface PlacePageProps {
  detail: PlaceDetail;
  /**
   * Sections other modules add below the place's own facts (responsiveness statistics,
   * petitions' counts...). Each should be a <section> with its own h2.
   */
  children?: ComponentChildren;
}

/** /places/:code: the place, where it lies (breadcrumbs), the units inside it, then added sections. */
export function PlacePage({ detail, children }: PlacePageProps) {
  const { t, lang } = usePage();
  const { place, ancestors } = detail;
  const name = placeName(place, lang);
  const kinds = new Set(detail.children.map((c) => c.kind));
  const childKind = kinds.size === 1 ? [...kinds][0] : undefined;
  return (
    <Layout
      title={name}
      jsonHref={`/api/places/${place.code}`}
      breadcrumbs={[{ href: '/places', label: t('places:title') }, ...ancestors.map((a) => ({ href: placeHref(a.code), label: placeName(a, lang) })), { label: name }]}
    >
      <h1>{name}</h1>
      <dl class="summary-list">
        <dt>{t('places:kindLabel')}</dt>
        <dd>{t(`places:kind.${place.kind}`)}</dd>
        <dt>{t('places:code')}</dt>
        <dd>{place.code}</dd>
        <dt>{t('places:otherName')}</dt>
        <dd lang={lang === 'mn' ? 'en' : 'mn'}>{lang === 'mn' ? place.name_en : place.name_mn}</dd>
      </dl>
      <section aria-labelledby="place-children-title">
        <h2 id="place-children-title">{childKind ? t(`places:kindPlural.${childKind}`) : t('places:childCount', { count: detail.children.length })}</h2>
        {detail.children.length > 0 ? (
          <ul class="place-list">
            {detail.children.map((c) => (
              <li key={c.code}>
                <a href={placeHref(c.code)}>{placeName(c, lang)}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('places:noChildren')}</p>
        )}
      </section>
      {children}
    </Layout>
  );
}
