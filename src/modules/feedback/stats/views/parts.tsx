import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../../shared/i18n/index.js';
import { formatNumber, formatPercent } from '../../../../shared/i18n/format.js';
import { TableWrap } from '../../../../shared/views/components.js';
import { usePage } from '../../../../shared/views/context.js';
import type { Figures, MonthRow } from '../queries.js';
import '../messages.js';

export function monthLabel(month: string, lang: Lang, withYear = true): string {
  const [y, m] = month.split('-');
  if (lang === 'mn') return withYear ? `${y} оны ${Number(m)}-р сар` : `${Number(m)}-р сар`;
  const date = new Date(`${month.slice(0, 7)}-15T00:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: withYear ? 'numeric' : undefined, timeZone: 'UTC' }).format(date);
}

export function Num({ value }: { value: number | null }) {
  const { lang, t } = usePage();
  return <>{value === null ? t('stats:none') : formatNumber(value, lang)}</>;
}

/** "12 (80%)" — a count and its share, or a dash when the share has no base. */
export function CountShare({ count, of }: { count: number; of: number }) {
  const { lang } = usePage();
  return (
    <>
      {formatNumber(count, lang)}
      {of > 0 && <span class="meta"> ({formatPercent(count / of, lang)})</span>}
    </>
  );
}

export function satisfactionOf(f: Pick<Figures, 'satisfied' | 'unsatisfied'>): number | null {
  const rated = f.satisfied + f.unsatisfied;
  return rated === 0 ? null : f.satisfied / rated;
}

export function Percent({ ratio }: { ratio: number | null }) {
  const { lang, t } = usePage();
  return <>{ratio === null ? t('stats:none') : formatPercent(ratio, lang)}</>;
}

/** The standard columns, as header cells, for tables of figures. */
export function FigureHeaders({ first }: { first: ComponentChildren }) {
  const { t } = usePage();
  return (
    <tr>
      <th scope="col">{first}</th>
      <th scope="col" class="num">{t('stats:received')}</th>
      <th scope="col" class="num">{t('stats:answered')}</th>
      <th scope="col" class="num">{t('stats:answeredOnTime')}</th>
      <th scope="col" class="num">{t('stats:medianDays')}</th>
      <th scope="col" class="num">{t('stats:overdueNow')}</th>
      <th scope="col" class="num">{t('stats:satisfaction')}</th>
    </tr>
  );
}

export function FigureCells({ f, overdue }: { f: Figures; overdue: number | null }) {
  return (
    <>
      <td class="num">
        <Num value={f.received} />
      </td>
      <td class="num">
        <CountShare count={f.answered} of={f.received} />
      </td>
      <td class="num">
        <CountShare count={f.answeredOnTime} of={f.answered} />
      </td>
      <td class="num">
        <Num value={f.medianDays} />
      </td>
      <td class="num">{overdue === null ? '' : overdue > 0 ? <span class="tag tag-overdue">{overdue}</span> : <Num value={0} />}</td>
      <td class="num">
        <Percent ratio={satisfactionOf(f)} />
      </td>
    </>
  );
}

/** Headline figures as a definition list. */
export function Totals({ f }: { f: Figures & { overdueNow: number } }) {
  const { t } = usePage();
  return (
    <dl class="summary-list">
      <dt>{t('stats:received')}</dt>
      <dd>
        <Num value={f.received} />
      </dd>
      <dt>{t('stats:answered')}</dt>
      <dd>
        <CountShare count={f.answered} of={f.received} />
      </dd>
      <dt>{t('stats:answeredOnTime')}</dt>
      <dd>
        <CountShare count={f.answeredOnTime} of={f.answered} />
      </dd>
      <dt>{t('stats:extended')}</dt>
      <dd>
        <Num value={f.extended} />
      </dd>
      <dt>{t('stats:medianDays')}</dt>
      <dd>
        <Num value={f.medianDays} />
      </dd>
      <dt>{t('stats:overdueNow')}</dt>
      <dd>{f.overdueNow > 0 ? <span class="tag tag-overdue">{f.overdueNow}</span> : <Num value={0} />}</dd>
      <dt>
        <abbr title={t('stats:satisfactionHint')}>{t('stats:satisfaction')}</abbr>
      </dt>
      <dd>
        <Percent ratio={satisfactionOf(f)} />
      </dd>
    </dl>
  );
}

const CHART = { width: 640, height: 240, left: 44, right: 8, top: 12, bottom: 40 };

function niceMax(value: number): number {
  if (value <= 5) return 5;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= value) return step * magnitude;
  return 10 * magnitude;
}

/**
 * Month-by-month stacked bars: answered on time, answered late, not answered. An SVG with
 * a title and description; the table beside it carries the same figures for screen readers.
 */
export function MonthlyChart({ rows, name, id }: { rows: MonthRow[]; name: string; id: string }) {
  const { t, lang } = usePage();
  const max = niceMax(Math.max(1, ...rows.map((r) => r.received)));
  const plotW = CHART.width - CHART.left - CHART.right;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const slot = plotW / Math.max(1, rows.length);
  const barW = Math.max(4, slot * 0.7);
  const y = (v: number) => CHART.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  return (
    <figure class="chart-figure">
      <svg class="chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width={CHART.width} height={CHART.height}>
        <title id={`${id}-title`}>{t('stats:chartTitle', { name })}</title>
        <desc id={`${id}-desc`}>{t('stats:chartDesc')}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line class="axis" x1={CHART.left} x2={CHART.width - CHART.right} y1={y(v)} y2={y(v)} />
            <text x={CHART.left - 6} y={y(v) + 4} text-anchor="end">
              {formatNumber(v, lang)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const x = CHART.left + i * slot + (slot - barW) / 2;
          const late = r.answered - r.answeredOnTime;
          const open = Math.max(0, r.received - r.answered);
          const parts: [string, number][] = [
            ['bar-ok', r.answeredOnTime],
            ['bar-late', late],
            ['bar-open', open],
          ];
          let base = 0;
          return (
            <g key={r.month}>
              {parts.map(([cls, value]) => {
                if (value <= 0) return null;
                const top = y(base + value);
                const h = y(base) - top;
                base += value;
                return <rect key={cls} class={cls} x={x} y={top} width={barW} height={h} />;
              })}
              <text x={x + barW / 2} y={CHART.height - CHART.bottom + 16} text-anchor="middle">
                {monthLabel(r.month, lang, false).replace('-р сар', '')}
              </text>
              {(i === 0 || r.month.endsWith('-01-01')) && (
                <text x={x + barW / 2} y={CHART.height - CHART.bottom + 32} text-anchor="middle">
                  {r.month.slice(0, 4)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="visually-hidden">{t('stats:legend')}: </span>
        <span class="key key-ok">{t('stats:answeredOnTime')}</span> <span class="key key-late">{t('stats:answeredLate')}</span>{' '}
        <span class="key key-open">{t('stats:notAnswered')}</span>
      </figcaption>
    </figure>
  );
}

export function MonthlyTable({ rows, caption }: { rows: MonthRow[]; caption: string }) {
  const { t, lang } = usePage();
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('stats:month')}</th>
            <th scope="col" class="num">{t('stats:received')}</th>
            <th scope="col" class="num">{t('stats:answered')}</th>
            <th scope="col" class="num">{t('stats:answeredOnTime')}</th>
            <th scope="col" class="num">{t('stats:medianDays')}</th>
            <th scope="col" class="num">{t('stats:satisfaction')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.month}>
              <th scope="row">
                <a href={`/responsiveness/reports/${r.month.slice(0, 7)}`}>{monthLabel(r.month, lang)}</a>
              </th>
              <td class="num">
                <Num value={r.received} />
              </td>
              <td class="num">
                <CountShare count={r.answered} of={r.received} />
              </td>
              <td class="num">
                <CountShare count={r.answeredOnTime} of={r.answered} />
              </td>
              <td class="num">
                <Num value={r.medianDays} />
              </td>
              <td class="num">
                <Percent ratio={satisfactionOf(r)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function Downloads({ csv, json }: { csv: string; json: string }) {
  const { t } = usePage();
  return (
    <p class="downloads">
      {t('stats:download')}: <a href={csv}>{t('stats:downloadCsv')}</a> · <a href={json}>{t('stats:downloadJson')}</a>
    </p>
  );
}

export function Method() {
  const { t } = usePage();
  return (
    <details class="method">
      <summary>{t('stats:method')}</summary>
      <p>{t('stats:methodText')}</p>
    </details>
  );
}
