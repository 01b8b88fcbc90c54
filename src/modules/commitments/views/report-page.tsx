import { Fragment, type ComponentChildren } from 'preact';
import { formatDate } from '../../../shared/i18n/format.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { disagrees } from '../model.js';
import type { AssessmentView, CommentView, MilestoneView, PlanDetail } from '../queries.js';
import { figuresOf } from '../summary.js';
import { apiPlanPath, planPath, plansPath, reportPath, reportPdfPath } from '../urls.js';
import { CommentItem } from './comments-page.js';
import { DayText, FiguresChart, FiguresTable, Headline, KeyFigures, Links, MilestoneTitle, milestoneNumber, orgName, Paragraphs, planTitle, StatedVsComputed, StatusTag, Txt, Written } from './parts.js';

/**
 * The plan's report, structured like the OGP NAP IV report: introduction, process, use of
 * IRM recommendations, summary, assessment of each commitment (milestones with the
 * government's assessment and evidence beside each CSO's assessment and justification),
 * lessons, recommendations, and the comments received with their answers. The same
 * component is the printable page and, without the site's header, the PDF.
 */

interface IrmRecommendation {
  commitments: number[];
  irm_title?: string;
  recommendations?: string[];
  follow_up?: string;
  follow_up_counts?: Record<string, number>;
  note?: string;
}

function asIrm(value: unknown): IrmRecommendation[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is IrmRecommendation => !!v && typeof v === 'object' && Array.isArray((v as IrmRecommendation).commitments));
}

function CsoAssessment({ a, m }: { a: AssessmentView; m: MilestoneView }) {
  const { t, lang } = usePage();
  const differs = disagrees(a.value, m.government?.value ?? null);
  const name = a.organisation ? orgName(lang, a.organisation) : a.importKind === 'ngo_assessment_row_unattributed' ? t('commitments:milestone.unattributed') : t('commitments:milestone.unnamedOrganisation');
  return (
    <div class={differs ? 'cso-entry differs' : 'cso-entry'}>
      <p>
        <strong>{name}</strong>
        {a.assessedOn && (
          <>
            {' '}
            (<DayText day={a.assessedOn} />)
          </>
        )}
        {a.value ? (
          <>
            : <StatusTag value={a.value} />
          </>
        ) : (
          <span class="meta"> · {t('commitments:milestone.commentOnly')}</span>
        )}
        {differs && <span class="tag tag-warn">{t('commitments:milestone.disagreement')}</span>}
      </p>
      {a.justification && (
        <>
          <p class="meta-heading">{t('commitments:milestone.justification')}</p>
          <Written text={a.justification} lang={a.lang} />
        </>
      )}
      {a.evidence && (
        <>
          <p class="meta-heading">{t('commitments:milestone.csoEvidence')}</p>
          <Written text={a.evidence} lang={a.lang} />
        </>
      )}
      <Links links={a.links} />
    </div>
  );
}

function MilestoneSection({ m }: { m: MilestoneView }) {
  const { t, lang } = usePage();
  return (
    <section class={m.disagreement ? 'report-milestone differs' : 'report-milestone'} aria-labelledby={`m-${m.id}`}>
      <h4 id={`m-${m.id}`}>
        {milestoneNumber(m)} <MilestoneTitle m={m} />
      </h4>
      <dl class="milestone-facts">
        <dt>{t('commitments:report.government')}</dt>
        <dd>
          <StatusTag value={m.government?.value ?? null} />
          {m.government && m.government.source === 'platform' && (
            <span class="meta">
              {' '}
              ({formatDate(m.government.reportedAt, lang)}, {t('commitments:milestone.version', { version: m.government.version })})
            </span>
          )}
          {m.overdue && <span class="tag tag-overdue">{t('commitments:milestone.overdue')}</span>}
        </dd>
        <dt>{t('commitments:report.implementing')}</dt>
        <dd>{m.implementers.map((o) => orgName(lang, o)).join(', ')}</dd>
        <dt>{t('commitments:report.evidence')}</dt>
        <dd>
          {m.government?.evidence ? <Written text={m.government.evidence} lang={m.government.lang} /> : <p>{t('commitments:milestone.noReport')}</p>}
          {m.government && <Links links={m.government.links} />}
          {m.government && m.government.files.length > 0 && <p class="meta">{m.government.files.map((f) => f.filename).join(', ')}</p>}
        </dd>
        <dt>{t('commitments:report.cso')}</dt>
        <dd>
          {m.assessments.length === 0 ? (
            <p>{t('commitments:milestone.noAssessment')}</p>
          ) : (
            m.assessments.map((a) => <CsoAssessment key={a.id} a={a} m={m} />)
          )}
        </dd>
        {m.additionalComments.map((c, i) => (
          <Fragment key={i}>
            <dt>{t('commitments:milestone.additionalComment', { organisation: c.organization, date: c.date ?? t('commitments:milestone.dateUnknown') })}</dt>
            <dd>
              <Written text={c.text} lang="en" />
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}

function Sect({ id, n, title, children }: { id: string; n: number; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={id} class="report-section">
      <h2 id={id}>
        {n}. {title}
      </h2>
      {children}
    </section>
  );
}

function ReportBody({ detail, comments, now }: { detail: PlanDetail; comments: CommentView[]; now: Date }) {
  const { t, lang } = usePage();
  const { plan, figures } = detail;
  const irm = asIrm(plan.extra.irm_recommendations);
  const irmContext = typeof plan.extra.irm_recommendations_context === 'string' ? plan.extra.irm_recommendations_context : null;
  const meta = (plan.extra.report ?? {}) as Record<string, unknown>;
  const bySection = (section: string) => comments.filter((c) => c.section !== null && c.section.toLowerCase().startsWith(section));
  const ownRecommendations = comments.filter((c) => c.byOwner && (c.section ?? '').toLowerCase().startsWith('recommendation'));
  const received = comments.filter((c) => !c.byOwner);
  const sections: [string, string][] = [
    ['r-intro', t('commitments:report.introduction')],
    ['r-process', t('commitments:report.process')],
    ...(irm.length ? ([['r-irm', t('commitments:report.irm')]] as [string, string][]) : []),
    ['r-summary', t('commitments:report.summary')],
    ['r-assessment', t('commitments:report.assessment')],
    ['r-lessons', t('commitments:report.lessons')],
    ['r-recommendations', t('commitments:report.recommendations')],
    ['r-comments', t('commitments:report.comments')],
  ];
  let n = 0;
  const next = () => ++n;
  return (
    <article class="report">
      <header class="report-cover">
        <h1>{t('commitments:report.title', { plan: planTitle(lang, plan) })}</h1>
        <dl class="summary-list">
          <dt>{t('commitments:meta.owner')}</dt>
          <dd>{orgName(lang, plan.owner)}</dd>
          <dt>{t('commitments:meta.period')}</dt>
          <dd>{plan.periodLabel}</dd>
          {typeof meta.publisher === 'string' && (
            <>
              <dt>{t('commitments:report.publisher')}</dt>
              <dd lang="en">{meta.publisher}</dd>
            </>
          )}
          {typeof meta.date_on_cover === 'string' && (
            <>
              <dt>{t('commitments:report.reportDate')}</dt>
              <dd>
                <DayText day={meta.date_on_cover} />
              </dd>
            </>
          )}
        </dl>
        <p class="meta">{t('commitments:report.generated', { date: formatDate(now, lang) })}</p>
      </header>
      <nav aria-labelledby="r-contents" class="report-contents">
        <h2 id="r-contents">{t('commitments:report.contents')}</h2>
        <ol>
          {sections.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ol>
      </nav>
      <Sect id="r-intro" n={next()} title={t('commitments:report.introduction')}>
        <Paragraphs mn={plan.introductionMn} en={plan.introductionEn} />
      </Sect>
      <Sect id="r-process" n={next()} title={t('commitments:report.process')}>
        <Paragraphs mn={plan.processMn} en={plan.processEn} />
      </Sect>
      {irm.length > 0 && (
        <Sect id="r-irm" n={next()} title={t('commitments:report.irm')}>
          {irmContext && <p lang="en">{irmContext}</p>}
          {irm.map((r, i) => {
            const f = figuresOf(figures, r.commitments);
            return (
              <section key={i} aria-labelledby={`irm-${i}`}>
                <h3 id={`irm-${i}`}>
                  {r.commitments.map((c) => t('commitments:commitment.short', { number: c })).join(', ')}
                  {r.irm_title && (
                    <>
                      : <span lang="en">{r.irm_title}</span>
                    </>
                  )}
                </h3>
                {r.recommendations && (
                  <ul lang="en">
                    {r.recommendations.map((x, j) => (
                      <li key={j}>{x}</li>
                    ))}
                  </ul>
                )}
                {r.follow_up && <p lang="en">{r.follow_up}</p>}
                <p>
                  {r.follow_up_counts && (
                    <>
                      {t('commitments:figures.irmStated', { green: r.follow_up_counts.completed_or_substantial_progress ?? 0, yellow: r.follow_up_counts.limited_progress ?? 0 })}{' '}
                    </>
                  )}
                  {t('commitments:figures.irmComputed', { green: f.governmentBands.green, yellow: f.governmentBands.yellow, none: f.governmentBands.none })}
                </p>
              </section>
            );
          })}
        </Sect>
      )}
      <Sect id="r-summary" n={next()} title={t('commitments:report.summary')}>
        <Headline figures={figures.plan} />
        <KeyFigures figures={figures.plan} />
        <StatedVsComputed stated={plan.stated} figures={figures.plan} />
        <FiguresChart figures={figures.plan} name={planTitle(lang, plan)} id="report-chart" />
        <FiguresTable figures={figures.plan} caption={t('commitments:figures.tableCaption')} />
        <p class="meta">{t('commitments:figures.methodText')}</p>
      </Sect>
      <Sect id="r-assessment" n={next()} title={t('commitments:report.assessment')}>
        {detail.commitments.map((c) => (
          <section key={c.id} aria-labelledby={`c-${c.number}`} class="report-commitment">
            <h3 id={`c-${c.number}`}>
              {t('commitments:commitment.short', { number: c.number })}: <Txt mn={c.titleMn} en={c.titleEn} />
            </h3>
            <p class="meta">
              {t('commitments:meta.leads')}:{' '}
              {c.parties
                .filter((p) => p.role === 'lead')
                .map((p) => orgName(lang, p))
                .join(', ')}
            </p>
            {detail.milestones
              .filter((m) => m.commitmentId === c.id)
              .map((m) => (
                <MilestoneSection key={m.id} m={m} />
              ))}
          </section>
        ))}
      </Sect>
      <Sect id="r-lessons" n={next()} title={t('commitments:report.lessons')}>
        <Paragraphs mn={plan.lessonsMn} en={plan.lessonsEn} />
        <ul class="card-list">
          {bySection('lesson').map((c) => (
            <CommentItem key={c.id} c={c} />
          ))}
        </ul>
      </Sect>
      <Sect id="r-recommendations" n={next()} title={t('commitments:report.recommendations')}>
        <Paragraphs mn={plan.recommendationsMn} en={plan.recommendationsEn} />
        {ownRecommendations.map((c) => (
          <Written key={c.id} text={c.text} lang={c.lang} />
        ))}
        <ul class="card-list">
          {bySection('recommendation')
            .filter((c) => !c.byOwner)
            .map((c) => (
              <CommentItem key={c.id} c={c} />
            ))}
        </ul>
      </Sect>
      <Sect id="r-comments" n={next()} title={t('commitments:report.comments')}>
        {received.length === 0 ? (
          <p>{t('commitments:report.noComments')}</p>
        ) : (
          <ul class="card-list">
            {received.map((c) => (
              <CommentItem key={c.id} c={c} />
            ))}
          </ul>
        )}
      </Sect>
    </article>
  );
}

/** The printable page, inside the site's layout (print styles hide the header and footer). */
export function ReportPage({ detail, comments, now }: { detail: PlanDetail; comments: CommentView[]; now: Date }) {
  const { t, lang } = usePage();
  const { plan } = detail;
  const other = lang === 'mn' ? 'en' : 'mn';
  return (
    <Layout
      title={t('commitments:report.title', { plan: planTitle(lang, plan) })}
      jsonHref={apiPlanPath(plan.slug)}
      breadcrumbs={[{ href: plansPath, label: t('commitments:title') }, { href: planPath(plan.slug), label: planTitle(lang, plan) }, { label: t('commitments:plan.report') }]}
    >
      <p class="no-print">
        {t('commitments:report.printHint')} <a href={reportPdfPath(plan.slug, lang)}>{t('commitments:report.pdf')}</a> ·{' '}
        <a href={`/lang/${other}?next=${encodeURIComponent(reportPath(plan.slug))}`} hrefLang={other} lang={other}>
          {t('commitments:report.otherLanguage')}
        </a>
      </p>
      <ReportBody detail={detail} comments={comments} now={now} />
    </Layout>
  );
}

/** The same report as a document of its own, for the PDF. */
export function ReportDocument({ detail, comments, now }: { detail: PlanDetail; comments: CommentView[]; now: Date }) {
  const { t, lang } = usePage();
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <title>{t('commitments:report.title', { plan: planTitle(lang, detail.plan) })}</title>
      </head>
      <body class="pdf">
        <main>
          <ReportBody detail={detail} comments={comments} now={now} />
        </main>
      </body>
    </html>
  );
}
