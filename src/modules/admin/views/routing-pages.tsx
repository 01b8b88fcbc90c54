import type { FieldError } from '../../../shared/errors.js';
import { Button, DateText, ErrorSummary, Notice, Pagination, PostForm, Radios, Select, TableWrap } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { placeCatalogue } from '../../places/catalogue.js';
import { placeName } from '../../places/views/place-name.js';
import { PLACE_SEARCH_SCRIPT, PlacePicker } from '../../places/views/place-picker.js';
import type { BodyOption, CategoryRow, RuleChangeRow, RuleRow } from '../queries.js';
import { ANY_CATEGORY, WHOLE_COUNTRY } from '../schemas.js';
import { bodySelectOptions, categoryText, isFallback, named, placeText, ruleText, useAdminCrumbs } from './parts.js';

export function ruleEditHref(id: number): string {
  return `/admin/routing/${id}/edit`;
}

/** The test tool's address for a rule's own pair (a whole-country rule is tried at the capital). */
export function ruleTestHref(rule: Pick<RuleRow, 'category' | 'placeCode'>): string {
  const params = new URLSearchParams();
  if (rule.category) params.set('category', rule.category.code);
  if (rule.placeCode) params.set('place_code', rule.placeCode);
  const query = params.toString();
  return `/admin/routing/test${query ? `?${query}` : ''}`;
}

export interface RoutingFilterValues {
  category: string;
  aimag: string;
  body: string;
}

export type RoutingNotice = { kind: 'created' | 'changed' | 'deleted'; text: string; testHref?: string };

function categoryOptions(lang: 'mn' | 'en', categories: readonly CategoryRow[], t: (key: 'admin:routing.inactiveTag') => string) {
  return categories.map((c) => ({ value: c.code, label: c.active ? named(lang, c) : `${named(lang, c)} (${t('admin:routing.inactiveTag')})` }));
}

function RoutingNoticeBox({ notice }: { notice?: RoutingNotice }) {
  const { t } = usePage();
  if (!notice) return null;
  return (
    <Notice kind="success">
      <p>{t(`admin:routing.${notice.kind}`, { rule: notice.text })}</p>
      {notice.testHref && (
        <p>
          <a href={notice.testHref}>{t('admin:routing.tryIt')}</a>
        </p>
      )}
    </Notice>
  );
}

/** The private trail of routing changes, newest first. */
export function ChangesTable({ changes, caption }: { changes: RuleChangeRow[]; caption: string }) {
  const { t, lang } = usePage();
  if (changes.length === 0) return <p>{t('admin:routing.noHistory')}</p>;
  return (
    <TableWrap label={caption}>
      <table>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin:routing.when')}</th>
            <th scope="col">{t('admin:routing.change')}</th>
            <th scope="col">{t('admin:routing.rule')}</th>
            <th scope="col">{t('admin:routing.bodies')}</th>
            <th scope="col">{t('admin:routing.who')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.id}>
              <td>
                <DateText date={c.at} withTime />
              </td>
              <td>{t(`admin:routing.action.${c.action}`)}</td>
              <td>
                {categoryText(t, lang, c.category)} · {placeText(t, lang, c.placeCode)}
              </td>
              <td>{[c.before, c.after].filter((b) => b !== null).map((b) => named(lang, b!)).join(' → ')}</td>
              <td>{c.by ?? t('admin:routing.system')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export interface RoutingListProps {
  rules: RuleRow[];
  total: number;
  page: number;
  pageSize: number;
  filters: RoutingFilterValues;
  categories: CategoryRow[];
  bodies: BodyOption[];
  changes: RuleChangeRow[];
  notice?: RoutingNotice;
}

/** /admin/routing: the rules as a readable table with filters, and the latest changes. */
export function RoutingListPage(props: RoutingListProps) {
  const { rules, total, page, pageSize, filters, categories, bodies, changes, notice } = props;
  const { t, lang } = usePage();
  const crumbs = useAdminCrumbs();
  const pageHref = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
    if (p > 1) params.set('page', String(p));
    const query = params.toString();
    return `/admin/routing${query ? `?${query}` : ''}`;
  };
  const filtered = filters.category || filters.aimag || filters.body;
  return (
    <Layout title={t('admin:routing.title')} breadcrumbs={crumbs([{ label: t('admin:routing.title') }])}>
      <h1>{t('admin:routing.title')}</h1>
      <RoutingNoticeBox notice={notice} />
      <p class="lead">{t('admin:routing.lead')}</p>
      <p>{t('admin:routing.how')}</p>
      <ul class="inline-list">
        <li>
          <a class="button button-secondary" href="/admin/routing/new">
            {t('admin:routing.add')}
          </a>
        </li>
        <li>
          <a class="button button-secondary" href="/admin/routing/test">
            {t('admin:routing.test')}
          </a>
        </li>
      </ul>
      <form method="get" action="/admin/routing" class="filters" aria-labelledby="filters-title">
        <h2 id="filters-title" class="meta-heading">
          {t('admin:routing.filters')}
        </h2>
        <div class="filter-grid">
          <Select
            name="category"
            label={t('admin:routing.category')}
            value={filters.category}
            placeholder={t('admin:routing.all')}
            options={[{ value: ANY_CATEGORY, label: t('admin:routing.anyCategoryOption') }, ...categoryOptions(lang, categories, t)]}
          />
          <Select
            name="aimag"
            label={t('admin:routing.place')}
            value={filters.aimag}
            placeholder={t('admin:routing.all')}
            options={[{ value: WHOLE_COUNTRY, label: t('admin:routing.wholeCountry') }, ...placeCatalogue().firstLevel(lang).map((p) => ({ value: p.code, label: placeName(p, lang) }))]}
          />
          <Select name="body" label={t('admin:routing.body')} value={filters.body} placeholder={t('admin:routing.all')} options={bodySelectOptions(lang, bodies)} />
        </div>
        <div class="button-row">
          <button type="submit" class="button button-secondary">
            {t('form.filter')}
          </button>
          {filtered && <a href="/admin/routing">{t('form.clearFilters')}</a>}
        </div>
      </form>
      <p id="rules-found">{t('admin:routing.found', { n: total })}</p>
      {rules.length === 0 ? (
        <p>{t('admin:routing.none')}</p>
      ) : (
        <TableWrap label={t('admin:routing.title')}>
          <table>
            <caption class="visually-hidden">{t('admin:routing.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin:routing.category')}</th>
                <th scope="col">{t('admin:routing.place')}</th>
                <th scope="col">{t('admin:routing.body')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('admin:routing.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule) => (
                <tr key={rule.id}>
                  <td>
                    {categoryText(t, lang, rule.category)}
                    {rule.category && !rule.category.active && (
                      <>
                        {' '}
                        <span class="tag">{t('admin:routing.inactiveTag')}</span>
                      </>
                    )}
                    {isFallback(rule) && (
                      <>
                        {' '}
                        <span class="tag tag-warn">{t('admin:routing.fallbackTag')}</span>
                      </>
                    )}
                  </td>
                  <td>{placeText(t, lang, rule.placeCode)}</td>
                  <td>{named(lang, rule.body)}</td>
                  <td>
                    <a href={ruleEditHref(rule.id)}>
                      {t('admin:routing.edit')}
                      <span class="visually-hidden"> ({ruleText(t, lang, rule)})</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pagination prevHref={page > 1 ? pageHref(page - 1) : null} nextHref={page * pageSize < total ? pageHref(page + 1) : null} />
      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t('admin:routing.recentTitle')}</h2>
        <p class="hint">{t('admin:routing.historyNote')}</p>
        <ChangesTable changes={changes} caption={t('admin:routing.recentTitle')} />
      </section>
    </Layout>
  );
}

export interface RuleFormValues {
  category?: string;
  scope?: string;
  body?: string;
}

/** /admin/routing/new: category (or any), the whole country or a place, and the body. */
export function NewRulePage(props: { values: RuleFormValues; placeCode: string | null; errors?: FieldError[]; categories: CategoryRow[]; bodies: BodyOption[] }) {
  const { values, placeCode, errors = [], categories, bodies } = props;
  const { t, lang } = usePage();
  const crumbs = useAdminCrumbs();
  const existing = errors.find((e) => e.key === 'admin:errors.rule_exists')?.params?.ruleId;
  return (
    <Layout title={t('admin:routing.newTitle')} breadcrumbs={crumbs([{ href: '/admin/routing', label: t('admin:routing.title') }, { label: t('admin:routing.newTitle') }])} scripts={[PLACE_SEARCH_SCRIPT]}>
      <h1>{t('admin:routing.newTitle')}</h1>
      <p class="lead">{t('admin:routing.newLead')}</p>
      <ErrorSummary errors={errors} />
      {typeof existing === 'number' && (
        <p>
          <a href={ruleEditHref(existing)}>{t('admin:routing.seeExisting')}</a>
        </p>
      )}
      <PostForm action="/admin/routing/new">
        <Select
          name="category"
          label={t('admin:field.category')}
          value={values.category}
          errors={errors}
          placeholder={t('form.choose')}
          options={[{ value: ANY_CATEGORY, label: t('admin:routing.anyCategoryOption') }, ...categoryOptions(lang, categories, t)]}
        />
        <Radios
          name="scope"
          label={t('admin:routing.scope')}
          value={values.scope}
          errors={errors}
          options={[
            { value: WHOLE_COUNTRY, label: t('admin:routing.scopeCountry') },
            { value: 'place', label: t('admin:routing.scopePlace'), hint: t('admin:routing.scopePlaceHint') },
          ]}
        />
        <div class="field">
          <PlacePicker prefix="place" value={placeCode} errors={errors} legend={t('admin:routing.placeLegend')} hint={t('admin:routing.placeHint')} />
        </div>
        <Select name="body" label={t('admin:routing.body')} value={values.body} errors={errors} placeholder={t('form.choose')} options={bodySelectOptions(lang, bodies)} />
        <Button>{t('admin:routing.createButton')}</Button>
      </PostForm>
    </Layout>
  );
}

/** /admin/routing/:id/edit: change the body, delete the rule (not the fallback), its history. */
export function EditRulePage(props: { rule: RuleRow; bodies: BodyOption[]; value: string; errors?: FieldError[]; history: RuleChangeRow[]; notice?: RoutingNotice }) {
  const { rule, bodies, value, errors = [], history, notice } = props;
  const { t, lang } = usePage();
  const crumbs = useAdminCrumbs();
  return (
    <Layout title={t('admin:routing.editTitle')} breadcrumbs={crumbs([{ href: '/admin/routing', label: t('admin:routing.title') }, { label: t('admin:routing.editTitle') }])}>
      <h1>{t('admin:routing.editTitle')}</h1>
      <RoutingNoticeBox notice={notice} />
      <ErrorSummary errors={errors} />
      <dl class="summary-list">
        <dt>{t('admin:routing.category')}</dt>
        <dd>{categoryText(t, lang, rule.category)}</dd>
        <dt>{t('admin:routing.place')}</dt>
        <dd>{placeText(t, lang, rule.placeCode)}</dd>
        <dt>{t('admin:routing.currentBody')}</dt>
        <dd>
          <a href={`/bodies/${rule.body.slug}`}>{named(lang, rule.body)}</a>
        </dd>
      </dl>
      <p>
        <a href={ruleTestHref(rule)}>{t('admin:routing.tryIt')}</a>
      </p>
      <PostForm action={`${ruleEditHref(rule.id)}`}>
        <Select name="body" label={t('admin:routing.body')} value={value} errors={errors} options={bodySelectOptions(lang, bodies)} />
        <Button>{t('admin:routing.changeButton')}</Button>
      </PostForm>
      <section aria-labelledby="delete-title" class="action admin-section">
        <h2 id="delete-title">{t('admin:routing.deleteTitle')}</h2>
        {isFallback(rule) ? (
          <p>{t('admin:routing.fallbackText')}</p>
        ) : (
          <PostForm action={`/admin/routing/${rule.id}/delete`}>
            <p>{t('admin:routing.deleteText')}</p>
            <Button variant="warning">{t('admin:routing.deleteButton')}</Button>
          </PostForm>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('admin:routing.historyTitle')}</h2>
        <p class="hint">{t('admin:routing.historyNote')}</p>
        <ChangesTable changes={history} caption={t('admin:routing.historyTitle')} />
      </section>
    </Layout>
  );
}

export { categoryOptions };
