import { DateText, Notice, TableWrap } from '../../../shared/views/components.js';
import { langOfText } from '../../../shared/i18n/text-language.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { ReportData, ReportSection } from '../report.js';
import { articlePath, generalCommentsPath, reportPath } from '../urls.js';
import { bodyName, consultationTitle, elementLabel, FiguresList, Num, Period, useCrumbs } from './parts.js';

function ReportHeader({ r }: { r: ReportData }) {
  const { t, lang } = usePage();
  return (
    <>
      <dl class="summary-list">
        <dt>{t('consultations:field.body')}</dt>
        <dd>{bodyName(lang, r.c.body)}</dd>
        <dt>{t('consultations:field.kind')}</dt>
        <dd>{t(`consultations:kind.${r.c.kind}`)}</dd>
        <dt>{t('consultations:page.period')}</dt>
        <dd>
          <Period c={r.c} />
        </dd>
        <dt>{t('consultations:page.answersDue')}</dt>
        <dd>
          <DateText date={r.c.answersDueAt} />
        </dd>
        <dt>{t('consultations:versions.title')}</dt>
        <dd>
          {r.versions
            .filter((v) => v.publishedAt)
            .map((v, i) => (
              <span key={v.id}>
                {i > 0 && '; '}
                {t('consultations:page.versionOf', { version: v.number })} (<DateText date={v.publishedAt!} />)
              </span>
            ))}
        </dd>
        <dt>{t('consultations:report.generated')}</dt>
        <dd>
          <DateText date={r.generatedAt} withTime />
        </dd>
      </dl>
      {!r.final && <Notice kind="warning">{t('consultations:report.interimNotice')}</Notice>}
    </>
  );
}

function Totals({ r }: { r: ReportData }) {
  const { t, lang } = usePage();
  return (
    <>
      <h2>{t('consultations:report.totals')}</h2>
      <FiguresList f={r.figures} />
      <p>{t('consultations:report.answeredLate', { count: r.figures.answeredLate })}</p>
      <h3>{t('consultations:report.byAimag')}</h3>
      <TableWrap label={t('consultations:report.byAimag')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('consultations:report.aimag')}</th>
              <th scope="col" class="num">
                {t('consultations:figures.comments')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.byAimag.map((a) => (
              <tr key={a.code ?? 'none'}>
                <td>{a.code ? (lang === 'en' ? a.nameEn : a.nameMn) : t('consultations:report.noAimag')}</td>
                <td class="num">
                  <Num value={a.count} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {r.hearings.length > 0 && (
        <>
          <h3>{t('consultations:hearing.title')}</h3>
          <ul>
            {r.hearings.map((h) => (
              <li key={h.id}>
                <DateText date={h.startsAt} withTime />, <span lang="mn">{h.place}</span>: {t('consultations:hearing.comments', { count: h.comments })}
                {h.minutes ? '' : ` (${t('consultations:hearing.noMinutes')})`}
              </li>
            ))}
          </ul>
        </>
      )}
      {r.moderation.length > 0 && (
        <p class="meta">
          {t('consultations:page.moderated')}{' '}
          {r.moderation.map((m, i) => (
            <span key={`${m.decision}-${m.reason}`}>
              {i > 0 && '; '}
              {t(`consultations:moderation.decision.${m.decision as 'rejected'}`)} ({t(`consultations:moderation.reason.${m.reason as 'abuse'}`)}): <Num value={m.count} />
            </span>
          ))}
        </p>
      )}
    </>
  );
}

function sectionLabel(lang: 'mn' | 'en', s: ReportSection, general: string): string {
  if (s.unitId === null) return general;
  return `${elementLabel(lang, 'article', s.number)}${s.heading ? `. ${s.heading}` : ''}`;
}

/** /consultations/:id/report: totals and a per-article table, with the full report and its downloads. */
export function ReportSummaryPage({ r, jsonHref }: { r: ReportData; jsonHref: string }) {
  const { t, lang } = usePage();
  const crumbs = useCrumbs(r.c);
  const title = r.final ? t('consultations:report.title') : t('consultations:report.interimTitle');
  return (
    <Layout title={`${title} · ${consultationTitle(lang, r.c)}`} jsonHref={jsonHref} breadcrumbs={crumbs([{ label: title }])}>
      <h1>
        {title}
        <span class="subtitle">{consultationTitle(lang, r.c)}</span>
      </h1>
      <ReportHeader r={r} />
      <p class="button-row">
        <a class="button button-primary" href={`${reportPath(r.c.id)}/full`}>
          {t('consultations:report.full')}
        </a>
        <a class="button button-secondary" href={`${reportPath(r.c.id)}.pdf`}>
          {t('consultations:report.pdf')}
        </a>
        <a class="button button-secondary" href={`${reportPath(r.c.id)}.csv`} download>
          {t('consultations:report.csv')}
        </a>
        <a class="button button-secondary" href={`${reportPath(r.c.id)}-totals.csv`} download>
          {t('consultations:report.totalsCsv')}
        </a>
      </p>
      <Totals r={r} />
      <h2>{t('consultations:report.perArticle')}</h2>
      <TableWrap label={t('consultations:report.perArticle')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('consultations:report.article')}</th>
              <th scope="col" class="num">
                {t('consultations:figures.comments')}
              </th>
              <th scope="col" class="num">
                {t('consultations:answer.accepted')}
              </th>
              <th scope="col" class="num">
                {t('consultations:answer.partly_accepted')}
              </th>
              <th scope="col" class="num">
                {t('consultations:answer.not_accepted')}
              </th>
              <th scope="col" class="num">
                {t('consultations:figures.unanswered')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.sections.map((s) => {
              const total = s.total;
              return (
                <tr key={s.unitId ?? 'general'}>
                  <th scope="row">
                    <a href={s.unitId === null ? generalCommentsPath(r.c.id) : articlePath(r.c.id, s.unitId)}>{sectionLabel(lang, s, t('consultations:report.general'))}</a>
                    {s.removed && <span class="meta"> ({t('consultations:report.removed')})</span>}
                  </th>
                  <td class="num">
                    <Num value={total} />
                  </td>
                  <td class="num">
                    <Num value={s.accepted} />
                  </td>
                  <td class="num">
                    <Num value={s.partlyAccepted} />
                  </td>
                  <td class="num">
                    <Num value={s.notAccepted} />
                  </td>
                  <td class="num">
                    <Num value={s.unanswered} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
    </Layout>
  );
}

/** The full report's content: header, totals, then every article with its comments and answers. */
export function ReportBody({ r }: { r: ReportData }) {
  const { t, lang } = usePage();
  const title = r.final ? t('consultations:report.title') : t('consultations:report.interimTitle');
  return (
    <div class="report">
      <h1>
        {title}
        <span class="subtitle">{consultationTitle(lang, r.c)}</span>
      </h1>
      <ReportHeader r={r} />
      <Totals r={r} />
      <h2>{t('consultations:report.perArticle')}</h2>
      {r.sections
        .filter((s) => s.comments.length > 0)
        .map((s) => (
          <section key={s.unitId ?? 'general'} class="report-section" aria-labelledby={`s-${s.unitId ?? 'general'}`}>
            <h3 id={`s-${s.unitId ?? 'general'}`}>
              {sectionLabel(lang, s, t('consultations:report.general'))}
              {s.removed && <span class="meta"> ({t('consultations:report.removed')})</span>}
            </h3>
            <p class="meta">
              {t('consultations:report.sectionCounts', { count: s.comments.length, accepted: s.accepted, partly: s.partlyAccepted, not: s.notAccepted, unanswered: s.unanswered })}
            </p>
            <table class="report-table">
              <thead>
                <tr>
                  <th scope="col">№</th>
                  <th scope="col">{t('consultations:report.comment')}</th>
                  <th scope="col">{t('consultations:report.answer')}</th>
                </tr>
              </thead>
              <tbody>
                {s.comments.map((cm) => (
                  <tr key={cm.id}>
                    <td>{cm.id}</td>
                    <td>
                      <p class="meta">
                        {cm.by.kind === 'organisation' ? (lang === 'en' ? cm.by.nameEn : cm.by.nameMn) : t('consultations:by.citizen')}
                        {cm.channel === 'hearing' && ` · ${t('consultations:by.atHearing')}`}
                        {cm.on && cm.on.kind !== 'article' && ` · ${elementLabel(lang, cm.on.kind, cm.on.number)}`}
                        {' · '}
                        {t('consultations:comment.supports', { count: cm.supportCount })}
                      </p>
                      <p class="pre-line" lang={langOfText(cm.text, lang)}>
                        {cm.text}
                      </p>
                    </td>
                    <td>
                      {cm.answer ? (
                        <>
                          <p>
                            <strong>{t(`consultations:answer.${cm.answer.category}`)}</strong>
                          </p>
                          <p class="pre-line" lang={langOfText(cm.answer.reason, lang)}>
                            {cm.answer.reason}
                          </p>
                        </>
                      ) : (
                        <p>{t('consultations:answer.none')}</p>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
    </div>
  );
}

/** /consultations/:id/report/full: the whole report as a printable page. */
export function FullReportPage({ r, jsonHref }: { r: ReportData; jsonHref: string }) {
  const { t, lang } = usePage();
  const crumbs = useCrumbs(r.c);
  const title = r.final ? t('consultations:report.title') : t('consultations:report.interimTitle');
  return (
    <Layout title={`${title} · ${consultationTitle(lang, r.c)}`} jsonHref={jsonHref} breadcrumbs={crumbs([{ href: reportPath(r.c.id), label: title }, { label: t('consultations:report.full') }])}>
      <p class="no-print">
        <a href={`${reportPath(r.c.id)}.pdf`}>{t('consultations:report.pdf')}</a> · <a href={`${reportPath(r.c.id)}.csv`}>{t('consultations:report.csv')}</a>
      </p>
      <ReportBody r={r} />
    </Layout>
  );
}

/** The standalone document Chromium prints to PDF (the renderer adds the site's stylesheet). */
export function ReportDocument({ r }: { r: ReportData }) {
  const { lang, t } = usePage();
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <title>{`${t('consultations:report.title')} · ${consultationTitle(lang, r.c)}`}</title>
      </head>
      <body class="pdf">
        <main>
          <ReportBody r={r} />
        </main>
      </body>
    </html>
  );
}
