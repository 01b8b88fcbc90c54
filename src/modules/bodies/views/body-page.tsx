import { localized, usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { LoadedSection } from '../extensions.js';
import type { BodyDetail } from '../queries.js';
import { BodyLinkText, bodyName, placeLabel, sortByName, useBodyCrumbs } from './parts.js';

export interface BodyPageProps {
  body: BodyDetail;
  /** Sections other modules registered for the body page (see extensions.tsx). */
  sections: LoadedSection[];
  canManage: boolean;
  canEdit: boolean;
  jsonHref: string;
}

/** /bodies/:slug: what a body is, where it sits in the hierarchy and what it handles. */
export function BodyPage({ body, sections, canManage, canEdit, jsonHref }: BodyPageProps) {
  const { t, lang } = usePage();
  const crumbs = useBodyCrumbs();
  const name = bodyName(lang, body);
  return (
    <Layout title={name} jsonHref={jsonHref} breadcrumbs={crumbs([{ label: name }])}>
      <h1>{name}</h1>
      {lang === 'en' ? (
        <p class="lead" lang="mn">
          {body.nameMn}
        </p>
      ) : (
        <p class="lead" lang="en">
          {body.nameEn}
        </p>
      )}
      {(canManage || canEdit) && (
        <p class="button-row">
          {canManage && (
            <a class="button button-secondary" href={`/bodies/${body.slug}/manage`}>
              {t('bodies:body.manage')}
            </a>
          )}
          {canEdit && (
            <a class="button button-secondary" href={`/admin/bodies/${body.slug}/edit`}>
              {t('bodies:body.edit')}
            </a>
          )}
        </p>
      )}

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('bodies:body.details')}</h2>
        <dl class="summary-list">
          <dt>{t('bodies:body.type')}</dt>
          <dd>{t(`bodies:type.${body.type}`)}</dd>
          <dt>{t('bodies:body.place')}</dt>
          <dd>{body.place ? <a href={`/places/${body.place.code}`}>{placeLabel(lang, body.place)}</a> : t('bodies:body.national')}</dd>
          <dt>{t('bodies:body.superior')}</dt>
          <dd>{body.superior ? <BodyLinkText body={body.superior} /> : t('bodies:body.noSuperior')}</dd>
          <dt>{t('bodies:body.placesServed')}</dt>
          <dd>
            {body.placesServed.length
              ? body.placesServed.map((p, i) => (
                  <span key={p.code}>
                    {i > 0 && '; '}
                    <a href={`/places/${p.code}`}>{placeLabel(lang, p)}</a>
                  </span>
                ))
              : t('bodies:body.placesServedNational')}
          </dd>
          <dt>{t('bodies:body.staffCount')}</dt>
          <dd>{t('bodies:body.staff', { count: body.staffCount })}</dd>
          {body.website && (
            <>
              <dt>{t('bodies:body.website')}</dt>
              <dd>
                <a href={body.website} rel="noopener noreferrer">
                  {body.website}
                </a>
              </dd>
            </>
          )}
          {body.email && (
            <>
              <dt>{t('bodies:body.email')}</dt>
              <dd>
                <a href={`mailto:${body.email}`}>{body.email}</a>
              </dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="categories-title">
        <h2 id="categories-title">{t('bodies:body.categories')}</h2>
        {body.categories.length ? (
          <ul>
            {body.categories.map((c) => (
              <li key={c.code}>{localized(lang, c.nameMn, c.nameEn)}</li>
            ))}
          </ul>
        ) : (
          <p>{t('bodies:body.noCategories')}</p>
        )}
      </section>

      {/* EXTENSION SLOT: sections registered by other modules through registerBodyPageSection()
          (extensions.tsx) render here, e.g. the feedback module's responsiveness statistics and open items. */}
      {sections.map((s) => (
        <div key={s.key} id={`section-${s.key}`}>
          {s.node}
        </div>
      ))}

      <section aria-labelledby="subordinates-title">
        <h2 id="subordinates-title">{t('bodies:body.subordinates')}</h2>
        {body.subordinates.length ? (
          <ul>
            {sortByName(lang, body.subordinates).map((s) => (
              <li key={s.slug}>
                <BodyLinkText body={s} /> <span class="meta">({t(`bodies:type.${s.type}`)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('bodies:body.noSubordinates')}</p>
        )}
      </section>
    </Layout>
  );
}
