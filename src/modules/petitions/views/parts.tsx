import { formatNumber } from '../../../shared/i18n/format.js';
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

const HOURS_SHOWN = 24;

/** The last 24 hours with votes up to the latest, as bars; a table with the same figures follows. */
export function HourlyChart({ counts, id }: { counts: Counts; id: string }) {
  const { t, lang } = usePage();
  if (counts.byHour.size === 0) return null;
  const last = Math.max(...counts.byHour.keys());
  const hours = Array.from({ length: HOURS_SHOWN }, (_, i) => last - (HOURS_SHOWN - 1 - i) * 3_600_000);
  const values = hours.map((h) => counts.byHour.get(h) ?? 0);
  const max = Math.max(1, ...values);
  const W = 640;
  const H = 200;
  const left = 48;
  const bottom = 28;
  const slot = (W - left - 8) / HOURS_SHOWN;
  const hourLabel = (ms: number) => String((new Date(ms).getUTCHours() + 8) % 24).padStart(2, '0');
  return (
    <>
      <figure class="chart-figure">
        <svg class="chart" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
          <title id={`${id}-title`}>{t('petitions:page.hourlyTitle', { hours: HOURS_SHOWN })}</title>
          <desc id={`${id}-desc`}>{t('petitions:page.hourlyDesc')}</desc>
          <line class="axis" x1={left} x2={W - 8} y1={H - bottom} y2={H - bottom} />
          <text x={left - 6} y={16} text-anchor="end">
            {formatNumber(max, lang)}
          </text>
          <text x={left - 6} y={H - bottom} text-anchor="end">
            0
          </text>
          {values.map((v, i) => {
            const h = ((H - bottom - 12) * v) / max;
            const x = left + i * slot + slot * 0.15;
            return (
              <g key={hours[i]}>
                {v > 0 && <rect class="bar" x={x} y={H - bottom - h} width={slot * 0.7} height={h} />}
                {i % 3 === 0 && (
                  <text x={x + slot * 0.35} y={H - 10} text-anchor="middle">
                    {hourLabel(hours[i]!)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </figure>
      <details class="method">
        <summary>{t('petitions:page.hourly')}</summary>
        <TableWrap label={t('petitions:page.hourly')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('petitions:page.hour')}</th>
                <th scope="col" class="num">
                  {t('petitions:page.votes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {hours.map((h, i) => (
                <tr key={h}>
                  <th scope="row">
                    <DateText date={new Date(h)} withTime />
                  </th>
                  <td class="num">{formatNumber(values[i]!, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </>
  );
}
