import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../shared/i18n/index.js';
import { formatDate, formatNumber, formatPercent } from '../../../shared/i18n/format.js';
import { textLanguage } from '../../../shared/i18n/text-language.js';
import { TableWrap } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { bandOf, paragraphs, PROGRESS_VALUES, type Band, type ProgressValue } from '../model.js';
import type { MilestoneView, OrgRef, PlanRow } from '../queries.js';
import type { Figures, StatedSummary } from '../summary.js';
import { share } from '../summary.js';
import '../messages.js';

/** A text held in Mongolian, English or both: the page's language when there, else the other, marked with its language. */
export function pickText(lang: Lang, mn: string | null | undefined, en: string | null | undefined): { text: string; lang: Lang } | null {
  const own = lang === 'mn' ? mn : en;
  if (own) return { text: own, lang };
  const other = lang === 'mn' ? en : mn;
  return other ? { text: other, lang: lang === 'mn' ? 'en' : 'mn' } : null;
}

export function plainText(lang: Lang, mn: string | null | undefined, en: string | null | undefined): string {
  return pickText(lang, mn, en)?.text ?? '';
}

/** Content text in its own language: a `lang` attribute where it is not the page's (WCAG 3.1.2). */
export function Txt({ mn, en, as = 'span', class: cls }: { mn?: string | null; en?: string | null; as?: 'span' | 'p' | 'div'; class?: string }) {
  const { lang } = usePage();
  const picked = pickText(lang, mn, en);
  if (!picked) return null;
  const Tag = as;
  return (
    <Tag lang={picked.lang === lang ? undefined : picked.lang} class={cls}>
      {picked.text}
    </Tag>
  );
}

/**
 * A text written by a person in one language (evidence, a justification, a comment). The
 * letters decide its language (people type English on the Mongolian site too); the
 * language of the page it was written on is the guess only when there are no letters.
 */
export function Written({ text, lang: writtenOn, as = 'p', class: cls }: { text: string; lang: Lang; as?: 'p' | 'div' | 'span'; class?: string }) {
  const { lang } = usePage();
  const textLang = textLanguage(text) ?? writtenOn;
  const Tag = as;
  return (
    <Tag lang={textLang === lang ? undefined : textLang} class={cls ?? 'pre-line'}>
      {text}
    </Tag>
  );
}

/** Narrative paragraphs (introduction, lessons…) from a pair of columns. */
export function Paragraphs({ mn, en }: { mn: string | null; en: string | null }) {
  const { lang } = usePage();
  const picked = pickText(lang, mn, en);
  if (!picked) return null;
  return (
    <div lang={picked.lang === lang ? undefined : picked.lang}>
      {paragraphs(picked.text).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}

export function planTitle(lang: Lang, plan: Pick<PlanRow, 'titleMn' | 'titleEn'>): string {
  return plainText(lang, plan.titleMn, plan.titleEn);
}

export function orgName(lang: Lang, org: Pick<OrgRef, 'nameMn' | 'nameEn'>): string {
  return lang === 'en' ? org.nameEn : org.nameMn;
}

/** A body links to its page; CSOs have none yet. */
export function OrgLink({ org }: { org: OrgRef }) {
  const { lang } = usePage();
  return org.kind === 'body' ? <a href={`/bodies/${org.slug}`}>{orgName(lang, org)}</a> : <span>{orgName(lang, org)}</span>;
}

/** The status as words, coloured by its band; the words carry the meaning, the colour only repeats it. */
export function StatusTag({ value }: { value: ProgressValue | null }) {
  const { t } = usePage();
  const band: Band | 'none' = value === null ? 'none' : bandOf(value);
  return <span class={`status status-${band}`}>{t(`commitments:status.${value ?? 'none'}`)}</span>;
}

export function milestoneNumber(m: Pick<MilestoneView, 'commitmentNumber' | 'sequence'>): string {
  return `${m.commitmentNumber}.${m.sequence}`;
}

/** A milestone's title, or what the source left of it. */
export function MilestoneTitle({ m }: { m: Pick<MilestoneView, 'titleMn' | 'titleEn' | 'titleRaw' | 'titleCandidate'> }) {
  const { t } = usePage();
  if (m.titleMn || m.titleEn) return <Txt mn={m.titleMn} en={m.titleEn} />;
  return <em>{t('commitments:milestone.lostTitle')}</em>;
}

export function milestoneTitleText(lang: Lang, m: Pick<MilestoneView, 'titleMn' | 'titleEn' | 'titleRaw' | 'titleCandidate'>, lost: string): string {
  return plainText(lang, m.titleMn, m.titleEn) || lost;
}

export function DayText({ day }: { day: string }) {
  const { lang } = usePage();
  return <time dateTime={day}>{formatDate(new Date(`${day}T12:00:00+08:00`), lang)}</time>;
}

export function CountShare({ count, of }: { count: number; of: number }) {
  const { lang } = usePage();
  const ratio = share(count, of);
  return (
    <>
      {formatNumber(count, lang)}
      {ratio !== null && <span class="meta"> ({formatPercent(ratio, lang)})</span>}
    </>
  );
}

const BANDS: (Band | 'none')[] = ['green', 'yellow', 'red', 'none'];
/** Each bar has its label above it, so labels of any length fit on a phone too. */
const CHART = { width: 640, height: 164, left: 4, right: 4, top: 26, bar: 36, gap: 42 };

/**
 * Two stacked bars, the government's view and the CSOs', by band. An SVG with a title and
 * a description; the table next to it carries the same figures for everyone.
 */
export function FiguresChart({ figures, name, id }: { figures: Figures; name: string; id: string }) {
  const { t, lang } = usePage();
  const total = Math.max(1, figures.milestones);
  const plotW = CHART.width - CHART.left - CHART.right;
  const rows: [string, Record<Band | 'none', number>][] = [
    [t('commitments:figures.government'), figures.governmentBands],
    [t('commitments:figures.cso'), figures.csoBands],
  ];
  return (
    <figure class="chart-figure">
      <svg class="chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} width={CHART.width} height={CHART.height}>
        <title id={`${id}-title`}>{t('commitments:figures.chartTitle', { name })}</title>
        <desc id={`${id}-desc`}>{t('commitments:figures.chartDesc')}</desc>
        {rows.map(([label, bands], i) => {
          const y = CHART.top + i * (CHART.bar + CHART.gap);
          let x = CHART.left;
          return (
            <g key={label}>
              <text x={CHART.left} y={y - 8}>
                {label}
              </text>
              {BANDS.map((band) => {
                const w = (bands[band] / total) * plotW;
                if (w <= 0) return null;
                const rect = <rect key={band} class={`band-${band}`} x={x} y={y} width={w} height={CHART.bar} />;
                const label = w >= 28 ? (
                  <text key={`${band}-n`} class={`band-label band-label-${band}`} x={x + w / 2} y={y + CHART.bar / 2 + 4} text-anchor="middle">
                    {formatNumber(bands[band], lang)}
                  </text>
                ) : null;
                x += w;
                return [rect, label];
              })}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <span class="visually-hidden">{t('commitments:figures.legend')}: </span>
        {BANDS.map((band) => (
          <span key={band} class={`key key-${band}`}>
            {t(`commitments:band.${band}`)}{' '}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Milestones by status: government and CSOs side by side. */
export function FiguresTable({ figures, caption }: { figures: Figures; caption: string }) {
  const { t } = usePage();
  const values = PROGRESS_VALUES.filter((v) => v !== 'completed_or_substantial_progress' || figures.government[v] > 0 || figures.cso[v] > 0);
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('commitments:figures.statusColumn')}</th>
            <th scope="col" class="num">
              {t('commitments:figures.government')}
            </th>
            <th scope="col" class="num">
              {t('commitments:figures.cso')}
            </th>
          </tr>
        </thead>
        <tbody>
          {[...values, 'none' as const].map((v) => (
            <tr key={v}>
              <th scope="row">{t(`commitments:status.${v}`)}</th>
              <td class="num">
                <CountShare count={figures.government[v]} of={figures.milestones} />
              </td>
              <td class="num">
                <CountShare count={figures.cso[v]} of={figures.milestones} />
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t('commitments:figures.total')}</th>
            <td class="num">{figures.milestones}</td>
            <td class="num">{figures.milestones}</td>
          </tr>
        </tbody>
      </table>
    </TableWrap>
  );
}

export function Headline({ figures }: { figures: Figures }) {
  const { t, lang } = usePage();
  const ratio = share(figures.governmentBands.green, figures.milestones);
  return (
    <p class="headline">
      {t('commitments:figures.headline', { count: figures.governmentBands.green, total: figures.milestones, percent: ratio === null ? '–' : formatPercent(ratio, lang) })}
      {figures.government.completed > 0 && <> {t('commitments:figures.headlineCompleted', { count: figures.government.completed })}</>}
    </p>
  );
}

export function KeyFigures({ figures }: { figures: Figures }) {
  const { t } = usePage();
  return (
    <dl class="summary-list">
      <dt>{t('commitments:figures.milestones')}</dt>
      <dd>{figures.milestones}</dd>
      <dt>{t('commitments:figures.assessedByCsos')}</dt>
      <dd>
        <CountShare count={figures.assessedByCsos} of={figures.milestones} />
      </dd>
      <dt>{t('commitments:figures.disagreements')}</dt>
      <dd>{figures.disagreements > 0 ? <span class="tag tag-warn">{figures.disagreements}</span> : 0}</dd>
      <dt>{t('commitments:figures.overdue')}</dt>
      <dd>{figures.overdue > 0 ? <span class="tag tag-overdue">{figures.overdue}</span> : 0}</dd>
    </dl>
  );
}

/** The plan's own summary beside the one counted from its milestones. */
export function StatedVsComputed({ stated, figures }: { stated: StatedSummary; figures: Figures }) {
  const { t, lang } = usePage();
  if (stated.milestones === null && stated.completed === null) return null;
  const pct = (n: number, of: number) => (of > 0 ? formatPercent(n / of, lang) : '–');
  const statedTotal = stated.milestones ?? figures.milestones;
  const differs = stated.completed !== null && stated.completed !== figures.governmentBands.green;
  return (
    <section class="panel stated" aria-labelledby="stated-title">
      <h3 id="stated-title">{t('commitments:figures.statedVsComputed')}</h3>
      <dl class="summary-list">
        <dt>{t('commitments:figures.stated')}</dt>
        <dd>
          {stated.completed !== null &&
            t('commitments:figures.statedLine', { completed: stated.completed, total: statedTotal, percent: pct(stated.completed, statedTotal), progress: stated.inProgress ?? 0 })}{' '}
          {stated.commitments !== null && t('commitments:figures.statedCommitments', { count: stated.commitments })}
        </dd>
        <dt>{t('commitments:figures.computed')}</dt>
        <dd>
          {t('commitments:figures.computedLine', {
            green: figures.governmentBands.green,
            total: figures.milestones,
            percent: pct(figures.governmentBands.green, figures.milestones),
            yellow: figures.governmentBands.yellow,
            red: figures.governmentBands.red,
            none: figures.governmentBands.none,
          })}
        </dd>
      </dl>
      {differs && <p>{t('commitments:figures.differs')}</p>}
      {stated.note && (
        <details class="method">
          <summary>{t('commitments:figures.statedNote')}</summary>
          <p lang="en">{stated.note}</p>
        </details>
      )}
    </section>
  );
}

export function Method() {
  const { t } = usePage();
  return (
    <details class="method">
      <summary>{t('commitments:figures.method')}</summary>
      <p>{t('commitments:figures.methodText')}</p>
    </details>
  );
}

export function FiguresSection({ figures, name, id, stated }: { figures: Figures; name: string; id: string; stated?: StatedSummary }) {
  const { t } = usePage();
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('commitments:figures.title')}</h2>
      <Headline figures={figures} />
      <KeyFigures figures={figures} />
      {stated && <StatedVsComputed stated={stated} figures={figures} />}
      <FiguresChart figures={figures} name={name} id={`${id}-chart`} />
      <FiguresTable figures={figures} caption={t('commitments:figures.tableCaption')} />
      <Method />
    </section>
  );
}

export function Links({ links }: { links: string[] }) {
  if (links.length === 0) return null;
  return (
    <ul class="link-list">
      {links.map((l) => (
        <li key={l}>
          <a href={l} rel="nofollow noopener noreferrer" class="external">
            {l}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function Section({ id, title, children }: { id: string; title: ComponentChildren; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
