import { Button, Select, TextInput } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { bodyUrl, type BodySummary, type PlaceName } from '../queries.js';
import { BODY_TYPES, type BodyType } from '../schemas.js';
import { bodyName, placeLabel, sortByName } from './parts.js';

export interface BodiesListProps {
  bodies: BodySummary[];
  filters: { type: BodyType | ''; aimag: string; q: string };
  aimags: PlaceName[];
  jsonHref: string;
}

/** /bodies: every public body, grouped by type, with filters that work without JavaScript. */
export function BodiesListPage({ bodies, filters, aimags, jsonHref }: BodiesListProps) {
  const { t, lang } = usePage();
  const groups = BODY_TYPES.map((type) => ({ type, bodies: sortByName(lang, bodies.filter((b) => b.type === type)) })).filter((g) => g.bodies.length > 0);
  const aimagOptions = [...aimags].sort((a, b) => (a.code === '11' ? -1 : b.code === '11' ? 1 : localized(lang, a.nameMn, a.nameEn).localeCompare(localized(lang, b.nameMn, b.nameEn), lang)));
  return (
    <Layout title={t('bodies:list.title')} jsonHref={jsonHref} breadcrumbs={[{ href: '/', label: t('site.home') }, { label: t('bodies:list.title') }]}>
      <h1>{t('bodies:list.title')}</h1>
      <p class="lead">{t('bodies:list.lead')}</p>
      <form method="get" action="/bodies" class="filters" role="search" aria-labelledby="filters-title">
        <h2 id="filters-title" class="visually-hidden">
          {t('bodies:list.filtersTitle')}
        </h2>
        <div class="filter-grid">
          <TextInput name="q" type="search" label={t('bodies:list.search')} hint={t('bodies:list.searchHint')} value={filters.q} maxLength={100} spellcheck={false} />
          <Select
            name="aimag"
            label={t('bodies:list.aimag')}
            placeholder={t('bodies:list.allAimags')}
            value={filters.aimag}
            options={aimagOptions.map((p) => ({ value: p.code, label: localized(lang, p.nameMn, p.nameEn) }))}
          />
          <Select name="type" label={t('bodies:list.type')} placeholder={t('bodies:list.allTypes')} value={filters.type} options={BODY_TYPES.map((type) => ({ value: type, label: t(`bodies:type.${type}`) }))} />
        </div>
        <Button variant="secondary">{t('bodies:list.apply')}</Button>
      </form>
      <p role="status">{bodies.length === 0 ? t('bodies:list.empty') : t('bodies:list.count', { count: bodies.length })}</p>
      {groups.map((group) => (
        <section key={group.type} aria-labelledby={`group-${group.type}`}>
          <h2 id={`group-${group.type}`}>{t(`bodies:typePlural.${group.type}`)}</h2>
          <ul class="card-list">
            {group.bodies.map((b) => (
              <li key={b.slug}>
                <a href={bodyUrl(b.slug)}>{bodyName(lang, b)}</a>
                <br />
                <span class="meta">{b.place ? placeLabel(lang, b.place) : t('bodies:list.national')}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
