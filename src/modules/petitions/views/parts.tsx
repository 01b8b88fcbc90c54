import { formatDate, formatDayMonth, formatNumber } from '../../../shared/i18n/format.js';
import { DateText, TableWrap } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import { placeCatalogue } from '../../places/catalogue.js';
import type { State } from '../model.js';
import { countsByAimag, isLate, type Counts, type PetitionView, type ResponseView, type StepView } from '../queries.js';
import '../messages.js';

export function StateTag({ state }: { state: State }) {
  const { t } = usePage();
  const cls = state === 'open' ? 'tag tag-ok' : state === 'rejected' ? 'tag tag-overdue' : 'tag';
  return <span class={cls}>{t(`petitions:state.${state}`)}</span>;
}

export function Votes({ n }: { n: number }) {
  const { t, lang } = usePage();
  return <>{t('petitions:list.votes', { count: n, n: formatNumber(n, lang) })}</>;
}

function daysLate(due: Date, now: Date): number {
  return Math.max(1, Math.ceil((now.getTime() - due.getTime()) / 86_400_000));
}

/** The ladder: each step with its count, consequence, when it was reached and whether its answer is due, late or given. */
export function Ladder({ steps, now }: { steps: StepView[]; now: Date }) {
  const { t, lang } = usePage();
  return (
    <ol class="ladder">
      {steps.map((s) => (
        <li key={s.position} class={s.reachedAt ? 'ladder-step ladder-reached' : 'ladder-step'}>
          <p>
            <strong>{t(s.counts === 'supporters' ? 'petitions:page.stepSupporters' : 'petitions:page.stepVotes', { n: formatNumber(s.threshold, lang) })}</strong>
            {' → '}
            {t(`petitions:consequence.${s.consequence}`)}
          </p>
          <p class="meta">
            {s.reachedAt ? (
              <>
                {t('petitions:page.reachedAt')} <DateText date={s.reachedAt} withTime />
              </>
            ) : (
              t('petitions:page.notReached')
            )}
            {s.closesVoting && !s.reachedAt && <> · {t('petitions:page.closesVoting')}</>}
          </p>
          {s.dueAt && (
            <p>
              {s.answeredAt ? (
                s.answeredAt.getTime() <= s.dueAt.getTime() ? (
                  <span class="tag tag-ok">{t('petitions:page.answeredOnTime')}</span>
                ) : (
                  <span class="tag tag-warn">{t('petitions:page.answeredLate')}</span>
                )
              ) : isLate(s, now) ? (
                <span class="tag tag-overdue">{t('petitions:page.late', { days: daysLate(s.dueAt, now) })}</span>
              ) : null}{' '}
              <span class="meta">
                {t('petitions:page.dueBy')} <DateText date={s.dueAt} />
              </span>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

export function Responses({ responses, view }: { responses: ResponseView[]; view: Pick<PetitionView, 'body'> }) {
  const { t, lang } = usePage();
  if (!responses.length) return <p>{t('petitions:page.noResponses')}</p>;
  return (
    <ol class="card-list">
      {[...responses].reverse().map((r) => (
        <li key={r.id}>
          <h3>
            {r.kind === 'outcome' && r.outcome ? t('petitions:page.outcome', { outcome: t(`petitions:outcome.${r.outcome}`) }) : t('petitions:page.response')} ·{' '}
            {localized(lang, view.body.nameMn, view.body.nameEn)}
          </h3>
          <p class="meta">
            <DateText date={r.respondedAt} />{' '}
            {r.onTime === true && <span class="tag tag-ok">{t('petitions:page.answeredOnTime')}</span>}
            {r.onTime === false && <span class="tag tag-warn">{t('petitions:page.answeredLate')}</span>}
          </p>
          <p class="pre-line">{r.text}</p>
        </li>
      ))}
    </ol>
  );
}

/** The 22 first-level units on a grid, roughly where they lie (west left, north up). */
const TILES: Record<string, [number, number]> = {
  '83': [0, 0], '85': [1, 0], '67': [3, 0], '63': [4, 0], '43': [5, 0], '45': [6, 0],
  '84': [1, 1], '81': [2, 1], '65': [3, 1], '61': [4, 1], '41': [5, 1], '11': [6, 1], '23': [7, 1], '21': [8, 1],
  '82': [2, 2], '64': [3, 2], '62': [4, 2], '48': [5, 2], '42': [6, 2], '22': [7, 2],
  '46': [4, 3], '44': [6, 3],
};
const TILE_W = 70;
const TILE_H = 52;

/** Votes by aimag and the capital as an SVG tile grid; the table after it carries the same figures. */
export function TileMap({ counts, id }: { counts: Counts; id: string }) {
  const { t, lang } = usePage();
  const byAimag = countsByAimag(counts);
  const max = Math.max(1, ...byAimag.values());
  const level = (n: number) => (n === 0 ? 0 : Math.min(4, 1 + Math.floor((n / max) * 3.999)));
  return (
    <figure class="chart-figure">
      <svg class="chart tile-map" viewBox={`0 0 ${9 * TILE_W} ${4 * TILE_H}`} width={9 * TILE_W} height={4 * TILE_H} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{t('petitions:page.mapTitle')}</title>
        <desc id={`${id}-desc`}>{t('petitions:page.mapDesc')}</desc>
        {placeCatalogue()
          .firstLevel(lang)
          .map((p) => {
            const [c, r] = TILES[p.code] ?? [8, 3];
            const n = byAimag.get(p.code) ?? 0;
            const l = level(n);
            const name = lang === 'en' ? p.name_en : p.name_mn;
            return (
              <g key={p.code} class={`tile tile-${l}`}>
                <rect x={c * TILE_W + 1} y={r * TILE_H + 1} width={TILE_W - 2} height={TILE_H - 2} rx="3" />
                <text x={c * TILE_W + TILE_W / 2} y={r * TILE_H + 20} text-anchor="middle">
                  {name.length > 11 ? name.slice(0, 10) + '…' : name}
                </text>
                <text x={c * TILE_W + TILE_W / 2} y={r * TILE_H + 38} text-anchor="middle" class="tile-count">
                  {formatNumber(n, lang)}
                </text>
              </g>
            );
          })}
      </svg>
    </figure>
  );
}

export function AimagTable({ counts, petitionId }: { counts: Counts; petitionId: number }) {
  const { t, lang } = usePage();
  const byAimag = countsByAimag(counts);
  const total = Math.max(1, counts.total);
  const rows = placeCatalogue()
    .firstLevel(lang)
    .map((p) => ({ p, n: byAimag.get(p.code) ?? 0 }))
    .sort((a, b) => b.n - a.n);
  return (
    <TableWrap label={t('petitions:page.byAimag')}>
      <table>
        <caption>{t('petitions:page.byAimag')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('petitions:page.aimag')}</th>
            <th scope="col" class="num">
              {t('petitions:page.votes')}
            </th>
            <th scope="col" class="num">
              {t('petitions:page.share')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ p, n }) => (
            <tr key={p.code}>
              <th scope="row">
                <a href={`/petitions/${petitionId}/places?aimag=${p.code}`}>{lang === 'en' ? p.name_en : p.name_mn}</a>
              </th>
              <td class="num">{formatNumber(n, lang)}</td>
              <td class="num">{formatNumber(n / total, lang, { style: 'percent', maximumFractionDigits: 1 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Ulaanbaatar is UTC+8 all year (no daylight saving since 2017): its days start at 16:00 UTC. */
const UB_OFFSET = 8 * HOUR;
const ubDayStart = (ms: number) => Math.floor((ms + UB_OFFSET) / DAY) * DAY - UB_OFFSET;
const hourStart = (ms: number) => Math.floor(ms / HOUR) * HOUR;

export interface HourlySeries {
  /** The axis: from the hour voting opened to the end of the period (exclusive), epoch ms. */
  start: number;
  end: number;
  /** Hours known so far end here (the current hour, or the end of the period once it is over). */
  until: number;
  /** Votes in each hour from `start` to `until`. */
  values: number[];
  /** Votes in each Ulaanbaatar day from the one holding `start` to the one holding `until`. */
  days: { start: number; votes: number }[];
}

/** The whole signing period hour by hour, and the same votes per day in Ulaanbaatar time. */
export function hourlySeries(byHour: ReadonlyMap<number, number>, period: { openedAt: Date | null; closesAt: Date | null; closedAt: Date | null }, now: Date): HourlySeries | null {
  if (byHour.size === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (const h of byHour.keys()) {
    first = Math.min(first, h);
    last = Math.max(last, h);
  }
  const start = Math.min(first, period.openedAt ? hourStart(period.openedAt.getTime()) : first);
  const ends = period.closedAt ?? period.closesAt;
  const end = Math.max(last + HOUR, ends ? hourStart(ends.getTime() + HOUR - 1) : last + HOUR);
  const until = Math.max(last + HOUR, Math.min(end, hourStart(now.getTime()) + HOUR));
  const values = Array.from({ length: (until - start) / HOUR }, (_, i) => byHour.get(start + i * HOUR) ?? 0);
  const days: HourlySeries['days'] = [];
  values.forEach((v, i) => {
    const day = ubDayStart(start + i * HOUR);
    if (days.at(-1)?.start !== day) days.push({ start: day, votes: 0 });
    days.at(-1)!.votes += v;
  });
  return { start, end, until, values, days };
}

/**
 * A step outline of the hourly values in a coordinate system of one unit per hour and one
 * per vote, as one path: a run of equal hours is one segment, so a month of quiet hours
 * costs a few bytes and a busy month about seven bytes an hour.
 */
function stepArea(values: number[], top: number): string {
  let d = `M0 ${top}`;
  let run = 0;
  let previous = -1;
  for (const raw of values) {
    // An invalidation counted in another hour than its vote can leave an hour below zero.
    const v = Math.max(0, raw);
    if (v === previous) {
      run++;
      continue;
    }
    if (run > 0) d += `h${run}`;
    d += `V${top - v}`;
    previous = v;
    run = 1;
  }
  return `${d}h${run}V${top}Z`;
}

/**
 * Votes per hour over the whole signing period as one filled step outline, dates (in
 * Ulaanbaatar time) along the axis and a mark at the present while voting goes on. The
 * details that follow give the votes per day; every hour's count is in the open data.
 */
export function HourlyChart({ counts, view, id }: { counts: Counts; view: Pick<PetitionView, 'id' | 'openedAt' | 'closesAt' | 'closedAt'>; id: string }) {
  const { t, lang, now } = usePage();
  const series = hourlySeries(counts.byHour, view, now);
  if (!series) return null;
  const { start, end, until, values, days } = series;
  const max = Math.max(1, ...values);
  const W = 640;
  const H = 200;
  const left = 48;
  const right = 12;
  const top = 12;
  const bottom = 28;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const hours = (end - start) / HOUR;
  const x = (ms: number) => Math.round((left + ((ms - start) / (end - start)) * plotW) * 10) / 10;
  // Date labels at Ulaanbaatar midnights, at most seven of them.
  const firstMidnight = ubDayStart(start) + (ubDayStart(start) < start ? DAY : 0);
  const step = Math.max(1, Math.ceil((end - firstMidnight) / DAY / 7));
  const ticks: number[] = [];
  for (let d = firstMidnight; d < end; d += step * DAY) ticks.push(d);
  const total = days.reduce((n, d) => n + d.votes, 0);
  return (
    <>
      <figure class="chart-figure">
        <svg class="chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
          <title id={`${id}-title`}>{t('petitions:page.hourlyTitle', { from: formatDate(new Date(start), lang), to: formatDate(new Date(end - 1), lang) })}</title>
          <desc id={`${id}-desc`}>{t('petitions:page.hourlyDesc', { max: formatNumber(max, lang) })}</desc>
          <svg x={left} y={top} width={plotW} height={plotH} viewBox={`0 0 ${hours} ${max}`} preserveAspectRatio="none">
            <path class="bar" d={stepArea(values, max)} />
          </svg>
          <line class="axis" x1={left} x2={W - right} y1={H - bottom} y2={H - bottom} />
          <line class="axis" x1={left} x2={left} y1={top} y2={H - bottom} />
          <text x={left - 6} y={top + 4} text-anchor="end">
            {formatNumber(max, lang)}
          </text>
          <text x={left - 6} y={H - bottom} text-anchor="end">
            0
          </text>
          {ticks.map((d) => (
            <g key={d}>
              <line class="axis" x1={x(d)} x2={x(d)} y1={H - bottom} y2={H - bottom + 5} />
              <text x={x(d)} y={H - 8} text-anchor="middle">
                {formatDayMonth(new Date(d), lang)}
              </text>
            </g>
          ))}
          {until < end && (
            <g>
              <line class="axis" x1={x(until)} x2={x(until)} y1={top} y2={H - bottom} stroke-dasharray="4 3" />
              <text x={x(until) > W - 60 ? x(until) - 4 : x(until) + 4} y={top + 4} text-anchor={x(until) > W - 60 ? 'end' : 'start'}>
                {t('petitions:page.hourlyNow')}
              </text>
            </g>
          )}
        </svg>
      </figure>
      <details class="method">
        <summary>{t('petitions:page.daily')}</summary>
        <TableWrap label={t('petitions:page.daily')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('petitions:page.day')}</th>
                <th scope="col" class="num">
                  {t('petitions:page.votes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.start}>
                  <th scope="row">
                    <DateText date={new Date(d.start)} />
                  </th>
                  <td class="num">{formatNumber(d.votes, lang)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('petitions:page.dailyTotal')}</th>
                <td class="num">{formatNumber(total, lang)}</td>
              </tr>
            </tfoot>
          </table>
        </TableWrap>
        <p>
          {t('petitions:page.hourlyData')} <a href={`/api/petitions/${view.id}`}>JSON</a> (<code>by_hour</code>), <a href={`/petitions/${view.id}.csv`}>CSV</a>
        </p>
      </details>
    </>
  );
}
