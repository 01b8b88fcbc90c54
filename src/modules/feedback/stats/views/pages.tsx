import { formatDateTime } from '../../../../shared/i18n/format.js';
import { TableWrap } from '../../../../shared/views/components.js';
import { localized, usePage } from '../../../../shared/views/context.js';
import { Layout } from '../../../../shared/views/layout.js';
import type { BodyRow, CategoryRow, Figures, MonthRow, Period, PlaceRow } from '../queries.js';
import { CountShare, Downloads, FigureCells, FigureHeaders, Method, MonthlyChart, MonthlyTable, monthLabel, Num, Totals } from './parts.js';

export interface PeriodChoice {
  /** 'last12' or a month 'YYYY-MM'. */
  value: string;
  months: string[];
}

function AsOf({ at }: { at: Date | null }) {
  const { t, lang } = usePage();
  return at ? <p class="meta">{t('stats:asOf', { time: formatDateTime(at, lang) })}</p> : null;
}

/** GET form choosing the period (and the aimag on the overview); works without JavaScript. */
function PeriodForm({ choice, action, aimags, aimag }: { choice: PeriodChoice; action: string; aimags?: { code: string; name: string }[]; aimag?: string }) {
  const { t, lang } = usePage();
  return (
    <form method="get" action={action} class="filters">
      <div class="filter-grid">
        <div class="field">
          <label class="label" for="f-period">
            {t('stats:period')}
          </label>
          <select id="f-period" name="period" class="select">
            <option value="last12" selected={choice.value === 'last12'}>
              {t('stats:last12')}
            </option>
            {choice.months.map((m) => (
              <option key={m} value={m.slice(0, 7)} selected={choice.value === m.slice(0, 7)}>
                {monthLabel(m, lang)}
              </option>
            ))}
          </select>
        </div>
        {aimags && (
          <div class="field">
            <label class="label" for="f-aimag">
              {t('stats:aimag')}
            </label>
            <select id="f-aimag" name="aimag" class="select">
              <option value="">{t('stats:allPlaces')}</option>
              {aimags.map((a) => (
                <option key={a.code} value={a.code} selected={aimag === a.code}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <button type="submit" class="button button-secondary">
        {t('stats:show')}
      </button>
    </form>
  );
}

function BodiesTable({ rows, caption }: { rows: BodyRow[]; caption: string }) {
  const { t, lang } = usePage();
  if (rows.length === 0) return <p>{t('stats:empty')}</p>;
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <FigureHeaders first={t('stats:body')} />
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.bodyId}>
              <th scope="row">
                <a href={`/responsiveness/bodies/${r.slug}`}>{localized(lang, r.nameMn, r.nameEn)}</a>
              </th>
              <FigureCells f={r} overdue={r.overdueNow} />
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function SimpleTable({ rows, caption, first, href }: { rows: (CategoryRow | PlaceRow)[]; caption: string; first: string; href?: (code: string) => string }) {
  const { lang } = usePage();
  if (rows.length === 0) return null;
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <StatsHeads />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <th scope="row">{href ? <a href={href(r.code)}>{localized(lang, r.nameMn, r.nameEn)}</a> : localized(lang, r.nameMn, r.nameEn)}</th>
              <td class="num">
                <Num value={r.received} />
              </td>
              <td class="num">
                <CountShare count={r.answered} of={r.received} />
              </td>
              <td class="num">
                <CountShare count={r.answeredOnTime} of={r.answered} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function StatsHeads() {
  const { t } = usePage();
  return (
    <>
      <th scope="col" class="num">{t('stats:received')}</th>
      <th scope="col" class="num">{t('stats:answered')}</th>
      <th scope="col" class="num">{t('stats:answeredOnTime')}</th>
    </>
  );
}

function query(choice: PeriodChoice, extra: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  if (choice.value !== 'last12') params.set('period', choice.value);
  for (const [k, v] of Object.entries(extra)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

export function OverviewPage(props: { choice: PeriodChoice; period: Period; rows: BodyRow[]; months: MonthRow[]; refreshedAt: Date | null; aimags: { code: string; name: string }[]; aimag?: string }) {
  const { t } = usePage();
  const q = query(props.choice, { aimag: props.aimag });
  return (
    <Layout title={t('stats:title')} jsonHref={`/api/responsiveness${q}`}>
      <h1>{t('stats:title')}</h1>
      <p class="lead">{t('stats:lead')}</p>
      <AsOf at={props.refreshedAt} />
      <PeriodForm choice={props.choice} action="/responsiveness" aimags={props.aimags} aimag={props.aimag} />
      <p>
        <a href="/responsiveness/reports">{t('stats:reports')}</a> · <a href={`/responsiveness/places${props.aimag ? `/${props.aimag}` : ''}`}>{t('stats:places')}</a>
      </p>
      <MonthlyChart rows={props.months} name={t('stats:totals')} id="chart-all" />
      <BodiesTable rows={props.rows} caption={t('stats:byBody')} />
      <Downloads csv={`/responsiveness.csv${q}`} json={`/api/responsiveness${q}`} />
      <Method />
    </Layout>
  );
}

export function BodyStatsPage(props: {
  body: { slug: string; nameMn: string; nameEn: string };
  choice: PeriodChoice;
  totals: Figures & { overdueNow: number };
  months: MonthRow[];
  categories: CategoryRow[];
  places: PlaceRow[];
  refreshedAt: Date | null;
}) {
  const { t, lang } = usePage();
  const name = localized(lang, props.body.nameMn, props.body.nameEn);
  const q = query(props.choice);
  return (
    <Layout
      title={t('stats:bodyTitle', { body: name })}
      jsonHref={`/api/responsiveness/bodies/${props.body.slug}${q}`}
      breadcrumbs={[{ href: '/responsiveness', label: t('common:site.responsiveness') }, { label: name }]}
    >
      <h1>{t('stats:bodyTitle', { body: name })}</h1>
      <p>
        <a href={`/bodies/${props.body.slug}`}>{t('stats:seeBody')}</a>
      </p>
      <AsOf at={props.refreshedAt} />
      <PeriodForm choice={props.choice} action={`/responsiveness/bodies/${props.body.slug}`} />
      <h2>{t('stats:totals')}</h2>
      <Totals f={props.totals} />
      <h2>{t('stats:byMonth')}</h2>
      <MonthlyChart rows={props.months} name={name} id="chart-body" />
      <MonthlyTable rows={props.months} caption={t('stats:byMonth')} />
      <SimpleTable rows={props.categories} caption={t('stats:byCategory')} first={t('stats:category')} />
      <SimpleTable rows={props.places} caption={t('stats:byPlace')} first={t('stats:place')} href={(code) => `/responsiveness/places/${code}`} />
      <Downloads csv={`/responsiveness/bodies/${props.body.slug}.csv${q}`} json={`/api/responsiveness/bodies/${props.body.slug}${q}`} />
      <Method />
    </Layout>
  );
}

export function PlaceStatsPage(props: {
  place: { code: string; nameMn: string; nameEn: string } | null;
  path: { code: string; nameMn: string; nameEn: string }[];
  choice: PeriodChoice;
  totals: Figures & { overdueNow: number };
  months: MonthRow[];
  bodies: BodyRow[];
  subPlaces: PlaceRow[];
  categories: CategoryRow[];
  refreshedAt: Date | null;
}) {
  const { t, lang } = usePage();
  const name = props.place ? localized(lang, props.place.nameMn, props.place.nameEn) : t('stats:allPlaces');
  const base = props.place ? `/responsiveness/places/${props.place.code}` : '/responsiveness/places';
  const q = query(props.choice);
  return (
    <Layout
      title={t('stats:placeTitle', { place: name })}
      jsonHref={`/api${base}${q}`}
      breadcrumbs={[
        { href: '/responsiveness', label: t('common:site.responsiveness') },
        { href: '/responsiveness/places', label: t('stats:allPlaces') },
        ...props.path.slice(0, -1).map((p) => ({ href: `/responsiveness/places/${p.code}`, label: localized(lang, p.nameMn, p.nameEn) })),
        ...(props.place ? [{ label: name }] : []),
      ]}
    >
      <h1>{t('stats:placeTitle', { place: name })}</h1>
      {props.place && (
        <p>
          <a href={`/places/${props.place.code}`}>{name}</a>
        </p>
      )}
      <AsOf at={props.refreshedAt} />
      <PeriodForm choice={props.choice} action={base} />
      <h2>{t('stats:totals')}</h2>
      <Totals f={props.totals} />
      <h2>{t('stats:byMonth')}</h2>
      <MonthlyChart rows={props.months} name={name} id="chart-place" />
      <MonthlyTable rows={props.months} caption={t('stats:byMonth')} />
      <SimpleTable rows={props.subPlaces} caption={t('stats:byPlace')} first={t('stats:place')} href={(code) => `/responsiveness/places/${code}`} />
      <BodiesTable rows={props.bodies} caption={t('stats:byBody')} />
      <SimpleTable rows={props.categories} caption={t('stats:byCategory')} first={t('stats:category')} />
      <Downloads csv={`${base}.csv${q}`} json={`/api${base}${q}`} />
      <Method />
    </Layout>
  );
}

export function ReportsIndexPage({ months }: { months: string[] }) {
  const { t, lang } = usePage();
  return (
    <Layout title={t('stats:reports')} breadcrumbs={[{ href: '/responsiveness', label: t('common:site.responsiveness') }, { label: t('stats:reports') }]}>
      <h1>{t('stats:reports')}</h1>
      <p class="lead">{t('stats:reportsLead')}</p>
      <ul class="card-list">
        {months.map((m) => (
          <li key={m}>
            <a href={`/responsiveness/reports/${m.slice(0, 7)}`}>{monthLabel(m, lang)}</a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function ReportPage(props: {
  month: string;
  totals: Figures & { overdueNow: number };
  bodies: BodyRow[];
  categories: CategoryRow[];
  places: PlaceRow[];
  refreshedAt: Date | null;
}) {
  const { t, lang } = usePage();
  const label = monthLabel(props.month, lang);
  const slug = props.month.slice(0, 7);
  return (
    <Layout
      title={t('stats:reportTitle', { month: label })}
      jsonHref={`/api/responsiveness/reports/${slug}`}
      breadcrumbs={[
        { href: '/responsiveness', label: t('common:site.responsiveness') },
        { href: '/responsiveness/reports', label: t('stats:reports') },
        { label },
      ]}
    >
      <h1>{t('stats:reportTitle', { month: label })}</h1>
      <AsOf at={props.refreshedAt} />
      <h2>{t('stats:totals')}</h2>
      <Totals f={props.totals} />
      <BodiesTable rows={props.bodies} caption={t('stats:byBody')} />
      <SimpleTable rows={props.categories} caption={t('stats:byCategory')} first={t('stats:category')} />
      <SimpleTable rows={props.places} caption={t('stats:byPlace')} first={t('stats:place')} href={(code) => `/responsiveness/places/${code}`} />
      <Downloads csv={`/responsiveness/reports/${slug}.csv`} json={`/api/responsiveness/reports/${slug}`} />
      <Method />
    </Layout>
  );
}
