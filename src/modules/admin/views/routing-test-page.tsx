import type { FieldError } from '../../../shared/errors.js';
import { ErrorSummary, Select, TableWrap } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { PLACE_SEARCH_SCRIPT, PlacePicker } from '../../places/views/place-picker.js';
import type { CategoryRow, RuleRow } from '../queries.js';
import { categoryText, isFallback, named, placeText, ruleText, useAdminCrumbs } from './parts.js';
import { categoryOptions, ruleEditHref } from './routing-pages.js';

/** One step of the walk up from the place: the rules found there. */
export interface WalkStep {
  /** null: the whole country. */
  placeCode: string | null;
  categoryRule: RuleRow | null;
  anyRule: RuleRow | null;
}

export interface RoutingTestResult {
  category: CategoryRow;
  placeCode: string;
  /** The rule resolveResponsibleBody() follows; null when not even a fallback exists. */
  decided: RuleRow | null;
  walk: WalkStep[];
}

function RuleCell({ rule, decided }: { rule: RuleRow | null; decided: RuleRow | null }) {
  const { t, lang } = usePage();
  if (!rule) return <td class="meta">{t('admin:routing.noRule')}</td>;
  const wins = decided?.id === rule.id;
  return (
    <td>
      {wins ? <strong>{named(lang, rule.body)}</strong> : named(lang, rule.body)}
      {wins && (
        <>
          {' '}
          <span class="tag tag-ok">{t('admin:routing.decides')}</span>
        </>
      )}
    </td>
  );
}

function Result({ result }: { result: RoutingTestResult }) {
  const { t, lang } = usePage();
  const { decided } = result;
  return (
    <section aria-labelledby="result-title" class="panel" id="routing-result">
      <h2 id="result-title">{t('admin:routing.resultTitle')}</h2>
      {!result.category.active && <p>{t('admin:routing.inactiveCategory')}</p>}
      {decided ? (
        <>
          <dl class="summary-list">
            <dt>{t('admin:routing.resultBody')}</dt>
            <dd id="result-body">
              <a href={`/bodies/${decided.body.slug}`}>{named(lang, decided.body)}</a>
            </dd>
            <dt>{t('admin:routing.resultRule')}</dt>
            <dd id="result-rule">
              {ruleText(t, lang, decided)} <a href={ruleEditHref(decided.id)}>{t('admin:routing.editRule')}</a>
            </dd>
          </dl>
          {isFallback(decided) && <p>{t('admin:routing.resultFallback')}</p>}
        </>
      ) : (
        <p>{t('admin:routing.resultNone')}</p>
      )}
      <h3>{t('admin:routing.walkTitle')}</h3>
      <TableWrap label={t('admin:routing.walkCaption')}>
        <table>
          <caption class="visually-hidden">{t('admin:routing.walkCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin:routing.level')}</th>
              <th scope="col">
                {t('admin:routing.categoryRule')} ({categoryText(t, lang, result.category)})
              </th>
              <th scope="col">{t('admin:routing.anyRule')}</th>
            </tr>
          </thead>
          <tbody>
            {result.walk.map((step) => (
              <tr key={step.placeCode ?? 'country'}>
                <th scope="row">{placeText(t, lang, step.placeCode)}</th>
                <RuleCell rule={step.categoryRule} decided={decided} />
                <RuleCell rule={step.anyRule} decided={decided} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/**
 * /admin/routing/test: choose a category and a place, see which body would answer and
 * which rule decided. A GET form, so a result can be bookmarked or linked from a rule.
 */
export function RoutingTestPage(props: { categories: CategoryRow[]; category: string; placeCode: string | null; errors?: FieldError[]; result?: RoutingTestResult }) {
  const { categories, category, placeCode, errors = [], result } = props;
  const { t, lang } = usePage();
  const crumbs = useAdminCrumbs();
  return (
    <Layout title={t('admin:routing.testTitle')} breadcrumbs={crumbs([{ href: '/admin/routing', label: t('admin:routing.title') }, { label: t('admin:routing.testTitle') }])} scripts={[PLACE_SEARCH_SCRIPT]}>
      <h1>{t('admin:routing.testTitle')}</h1>
      <p class="lead">{t('admin:routing.testLead')}</p>
      <ErrorSummary errors={errors} />
      {result && <Result result={result} />}
      <form method="get" action="/admin/routing/test" noValidate>
        <Select name="category" label={t('admin:field.category')} value={category} errors={errors} placeholder={t('form.choose')} options={categoryOptions(lang, categories, t)} />
        <div class="field">
          <PlacePicker prefix="place" value={placeCode} errors={errors} legend={t('admin:routing.testPlaceLegend')} />
        </div>
        <div class="button-row">
          <button type="submit" class="button button-primary" name="check" value="1">
            {t('admin:routing.testButton')}
          </button>
        </div>
      </form>
    </Layout>
  );
}
