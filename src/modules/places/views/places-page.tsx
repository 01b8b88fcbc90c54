import type { FieldError } from '../../../shared/errors.js';
import { ErrorSummary, TextInput } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { Place } from '../catalogue.js';
import type { PlaceHit } from '../queries.js';
import '../messages.js';
import { pathText, placeHref, placeName } from './place-name.js';

export interface PlacesPageProps {
  firstLevel: Place[];
  /** The search text, when the person searched. */
  query?: string;
  hits?: PlaceHit[];
  errors?: FieldError[];
}

/** /places: the capital and the aimags, and a search by name that works without JavaScript. */
export function PlacesPage({ firstLevel, query, hits, errors = [] }: PlacesPageProps) {
  const { t, lang } = usePage();
  const searched = query !== undefined && errors.length === 0;
  const jsonHref = searched ? `/api/places/search?q=${encodeURIComponent(query)}` : '/api/places';
  return (
    <Layout title={t('places:title')} jsonHref={jsonHref}>
      <h1>{t('places:title')}</h1>
      <p class="lead">{t('places:lead')}</p>
      <ErrorSummary errors={errors} />
      <section class="panel" aria-labelledby="place-search-title">
        <h2 id="place-search-title">{t('places:search.title')}</h2>
        <form method="get" action="/places" class="inline-search" role="search">
          <TextInput name="q" label={t('places:search.label')} hint={t('places:search.hint')} value={query} errors={errors} type="search" width="medium" spellcheck={false} autocomplete="off" />
          <button type="submit" class="button button-secondary">
            {t('places:search.submit')}
          </button>
        </form>
      </section>
      {searched && (
        <section aria-labelledby="place-results-title">
          <h2 id="place-results-title">{t('places:search.resultsTitle', { query })}</h2>
          {hits && hits.length > 0 ? (
            <ul class="card-list">
              {hits.map((hit) => (
                <li key={hit.code}>
                  <a href={placeHref(hit.code)}>{placeName(hit, lang)}</a>
                  <span class="meta">
                    {' '}
                    · {t(`places:kind.${hit.kind}`)}
                    {hit.path.length > 1 && ` · ${pathText(hit.path.slice(0, -1), lang)}`}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('places:search.none')}</p>
          )}
        </section>
      )}
      <section aria-labelledby="first-level-title">
        <h2 id="first-level-title">{t('places:firstLevelTitle')}</h2>
        <ul class="place-list">
          {firstLevel.map((p) => (
            <li key={p.code}>
              <a href={placeHref(p.code)}>{placeName(p, lang)}</a>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
