import { Fragment } from 'preact';
import { formatDate, formatPercent } from '../../../shared/i18n/format.js';
import { Button, Notice, PostForm, TableWrap } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { disagrees } from '../model.js';
import type { CommitmentView, MilestoneView, PlanDetail, PlanRow } from '../queries.js';
import { emptyFigures, share, type Figures } from '../summary.js';
import {
  apiPlanPath,
  commentsPath,
  commitmentPath,
  csvPath,
  disagreementsPath,
  exportPath,
  milestonePath,
  planPath,
  plansPath,
  reportPath,
  reportPdfPath,
  workPath,
} from '../urls.js';
import { DayText, FiguresSection, MilestoneTitle, milestoneNumber, OrgLink, orgName, plainText, planTitle, StatusTag, Txt, Written } from './parts.js';

export interface PlanListEntry {
  plan: PlanRow;
  figures: Figures;
  commitments: number;
}

function PlanCard({ entry }: { entry: PlanListEntry }) {
  const { t, lang } = usePage();
  const { plan, figures } = entry;
  const ratio = share(figures.governmentBands.green, figures.milestones);
  return (
    <li>
      <h3>
        <a href={planPath(plan.slug)}>
          <Txt mn={plan.titleMn} en={plan.titleEn} />
        </a>
      </h3>
      <p class="meta">
        {orgName(lang, plan.owner)} · {plan.periodLabel}
        {plan.place && <> · {lang === 'en' ? plan.place.nameEn : plan.place.nameMn}</>} · {t('commitments:plans.commitments', { count: entry.commitments })}
      </p>
      <p>
        {t('commitments:plans.headline', { green: figures.governmentBands.green, total: figures.milestones, percent: ratio === null ? '–' : formatPercent(ratio, lang) })}
        {figures.disagreements > 0 && (
          <>
            {' · '}
            <span class="tag tag-warn">{t('commitments:plans.disagreements', { count: figures.disagreements })}</span>
          </>
        )}
        {figures.overdue > 0 && (
          <>
            {' · '}
            <span class="tag tag-overdue">{t('commitments:plans.overdue', { count: figures.overdue })}</span>
          </>
        )}
      </p>
    </li>
  );
}

export function PlansPage({ entries, showWork, canCreate }: { entries: PlanListEntry[]; showWork: boolean; canCreate: boolean }) {
  const { t } = usePage();
  const groups: [string, PlanListEntry[]][] = [
    [t('commitments:plans.national'), entries.filter((e) => e.plan.kind === 'national' && !e.plan.closedAt)],
    [t('commitments:plans.local'), entries.filter((e) => e.plan.kind === 'local' && !e.plan.closedAt)],
    [t('commitments:plans.closedList'), entries.filter((e) => e.plan.closedAt)],
  ];
  return (
    <Layout title={t('commitments:title')} jsonHref="/api/commitments/plans">
      <h1>{t('commitments:title')}</h1>
      <p class="lead">{t('commitments:lead')}</p>
      {(showWork || canCreate) && (
        <ul class="inline-list">
          {showWork && (
            <li>
              <a href={workPath}>{t('commitments:plan.work')}</a>
            </li>
          )}
          {canCreate && (
            <li>
              <a href="/commitments/new">{t('commitments:author.newPlan')}</a>
            </li>
          )}
        </ul>
      )}
      {entries.length === 0 && <p>{t('commitments:noPlans')}</p>}
      {groups
        .filter(([, list]) => list.length > 0)
        .map(([title, list], i) => (
          <section key={title} aria-labelledby={`plans-${i}`}>
            <h2 id={`plans-${i}`}>{title}</h2>
            <ul class="card-list">
              {list.map((e) => (
                <PlanCard key={e.plan.id} entry={e} />
              ))}
            </ul>
          </section>
        ))}
    </Layout>
  );
}

export function PlanMeta({ plan }: { plan: PlanRow }) {
  const { t, lang } = usePage();
  return (
    <dl class="summary-list">
      <dt>{t('commitments:meta.kind')}</dt>
      <dd>{t(`commitments:kind.${plan.kind}`)}</dd>
      <dt>{t('commitments:meta.owner')}</dt>
      <dd>
        <OrgLink org={plan.owner} />
      </dd>
      <dt>{t('commitments:meta.period')}</dt>
      <dd>{plan.periodLabel}</dd>
      {plan.place && (
        <>
          <dt>{t('commitments:meta.place')}</dt>
          <dd>
            <a href={`/places/${plan.place.code}`}>{lang === 'en' ? plan.place.nameEn : plan.place.nameMn}</a>
          </dd>
        </>
      )}
      <dt>{t('commitments:meta.state')}</dt>
      <dd>{plan.closedAt ? t('commitments:meta.closed', { date: formatDate(plan.closedAt, lang) }) : t('commitments:meta.open')}</dd>
    </dl>
  );
}

function leadsOf(c: CommitmentView) {
  return c.parties.filter((p) => p.role === 'lead');
}

function CommitmentsTable({ detail }: { detail: PlanDetail }) {
  const { t } = usePage();
  const caption = t('commitments:figures.byCommitment');
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('commitments:figures.commitmentColumn')}</th>
            <th scope="col">{t('commitments:plan.leadColumn')}</th>
            <th scope="col" class="num">
              {t('commitments:plan.milestonesColumn')}
            </th>
            <th scope="col" class="num">
              {t('commitments:figures.green')}
            </th>
            <th scope="col" class="num">
              {t('commitments:figures.yellow')}
            </th>
            <th scope="col" class="num">
              {t('commitments:figures.red')}
            </th>
            <th scope="col" class="num">
              {t('commitments:figures.none')}
            </th>
            <th scope="col" class="num">
              {t('commitments:figures.disagreements')}
            </th>
            <th scope="col" class="num">
              {t('commitments:figures.overdue')}
            </th>
          </tr>
        </thead>
        <tbody>
          {detail.commitments.map((c) => {
            const f = detail.figures.byCommitment.get(c.number);
            return (
              <tr key={c.id}>
                <th scope="row">
                  <a href={commitmentPath(detail.plan.slug, c.number)}>
                    {c.number}. <Txt mn={c.titleMn} en={c.titleEn} />
                  </a>
                </th>
                <td>
                  {leadsOf(c).map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && ', '}
                      <OrgLink org={p} />
                    </span>
                  ))}
                </td>
                <td class="num">{f?.milestones ?? 0}</td>
                <td class="num">{f?.governmentBands.green ?? 0}</td>
                <td class="num">{f?.governmentBands.yellow ?? 0}</td>
                <td class="num">{f?.governmentBands.red ?? 0}</td>
                <td class="num">{f?.governmentBands.none ?? 0}</td>
                <td class="num">{f && f.disagreements > 0 ? <span class="tag tag-warn">{f.disagreements}</span> : 0}</td>
                <td class="num">{f && f.overdue > 0 ? <span class="tag tag-overdue">{f.overdue}</span> : 0}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function PlanPage(props: { detail: PlanDetail; comments: number; notice: string | null; canClose: boolean; canReopen: boolean; canWork: boolean; canEdit: boolean }) {
  const { t, lang } = usePage();
  const { plan, figures } = props.detail;
  const title = planTitle(lang, plan);
  return (
    <Layout title={title} jsonHref={apiPlanPath(plan.slug)} breadcrumbs={[{ href: plansPath, label: t('commitments:title') }, { label: title }]}>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <h1>
        <Txt mn={plan.titleMn} en={plan.titleEn} />
      </h1>
      {plan.closedAt && <Notice kind="warning">{t('commitments:plan.closedNotice', { date: formatDate(plan.closedAt, lang) })}</Notice>}
      <PlanMeta plan={plan} />
      {plan.source === 'import' && <p class="meta">{t('commitments:plan.sourceNote')}</p>}
      <nav aria-labelledby="plan-links">
        <h2 id="plan-links">{t('commitments:plan.links')}</h2>
        <ul class="link-list">
          <li>
            <a href={reportPath(plan.slug)}>{t('commitments:plan.report')}</a>
          </li>
          <li>
            <a href={reportPdfPath(plan.slug, 'mn')} hrefLang="mn">
              {t('commitments:plan.reportPdfMn')}
            </a>
          </li>
          <li>
            <a href={reportPdfPath(plan.slug, 'en')} hrefLang="en">
              {t('commitments:plan.reportPdfEn')}
            </a>
          </li>
          <li>
            <a href={disagreementsPath(plan.slug)}>{t('commitments:plan.disagreements', { count: figures.plan.disagreements })}</a>
          </li>
          <li>
            <a href={commentsPath(plan.slug)}>{t('commitments:plan.comments', { count: props.comments })}</a>
          </li>
          {props.canWork && (
            <li>
              <a href={workPath}>{t('commitments:plan.work')}</a>
            </li>
          )}
        </ul>
      </nav>
      <FiguresSection figures={figures.plan} name={title} id="plan-figures" stated={plan.stated} />
      <section aria-labelledby="commitments-title">
        <h2 id="commitments-title">{t('commitments:plan.commitments')}</h2>
        {props.detail.commitments.length ? <CommitmentsTable detail={props.detail} /> : <p>{t('commitments:author.empty')}</p>}
        {props.canEdit && !plan.closedAt && (
          <p>
            <a class="button button-secondary" href={`${planPath(plan.slug)}/commitments/new`}>
              {t('commitments:author.addCommitment')}
            </a>
          </p>
        )}
      </section>
      <Downloads plan={plan} />
      {props.canClose && !plan.closedAt && (
        <section aria-labelledby="close-title" class="action">
          <h2 id="close-title">{t('commitments:plan.close')}</h2>
          <p>{t('commitments:plan.closeHint')}</p>
          <PostForm action={`${planPath(plan.slug)}/close`}>
            <Button variant="warning">{t('commitments:plan.closeConfirm')}</Button>
          </PostForm>
        </section>
      )}
      {props.canReopen && plan.closedAt && (
        <section aria-labelledby="reopen-title" class="action">
          <h2 id="reopen-title">{t('commitments:plan.reopen')}</h2>
          <PostForm action={`${planPath(plan.slug)}/reopen`}>
            <Button variant="secondary">{t('commitments:plan.reopen')}</Button>
          </PostForm>
        </section>
      )}
    </Layout>
  );
}

export function Downloads({ plan }: { plan: PlanRow }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="downloads-title">
      <h2 id="downloads-title">{t('commitments:plan.downloads')}</h2>
      <ul class="inline-list">
        <li>
          <a href={apiPlanPath(plan.slug)}>{t('commitments:plan.json')}</a>
        </li>
        <li>
          <a href={csvPath(plan.slug, 'milestones')}>{t('commitments:plan.milestonesCsv')}</a>
        </li>
        <li>
          <a href={csvPath(plan.slug, 'reports')}>{t('commitments:plan.reportsCsv')}</a>
        </li>
        <li>
          <a href={csvPath(plan.slug, 'assessments')}>{t('commitments:plan.assessmentsCsv')}</a>
        </li>
        <li>
          <a href={csvPath(plan.slug, 'comments')}>{t('commitments:plan.commentsCsv')}</a>
        </li>
        <li>
          <a href={exportPath(plan.slug)}>{t('commitments:plan.planFile')}</a>
        </li>
      </ul>
    </section>
  );
}

/** The CSOs' current views of a milestone, each with its status; differing ones flagged. */
export function CsoStatuses({ m }: { m: MilestoneView }) {
  const { t, lang } = usePage();
  const rated = m.assessments.filter((a) => a.value !== null);
  if (rated.length === 0) return <span class="meta">{t('commitments:commitment.noCso')}</span>;
  return (
    <ul class="plain-list">
      {rated.map((a) => {
        const differs = disagrees(a.value, m.government?.value ?? null);
        return (
          <li key={a.id} class={differs ? 'differs' : undefined}>
            <span class="org">{a.organisation ? orgName(lang, a.organisation) : t('commitments:milestone.unattributed')}</span>: <StatusTag value={a.value} />
            {differs && <span class="visually-hidden"> ({t('commitments:milestone.disagreement')})</span>}
          </li>
        );
      })}
    </ul>
  );
}

export function MilestonesTable({ plan, milestones, caption }: { plan: PlanRow; milestones: MilestoneView[]; caption: string }) {
  const { t } = usePage();
  return (
    <TableWrap label={caption}>
      <table class="milestones">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('commitments:commitment.milestoneColumn')}</th>
            <th scope="col">{t('commitments:commitment.dueColumn')}</th>
            <th scope="col">{t('commitments:commitment.governmentColumn')}</th>
            <th scope="col">{t('commitments:commitment.csoColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((m) => (
            <tr key={m.id} class={m.disagreement ? 'row-differs' : undefined}>
              <th scope="row">
                <a href={milestonePath(plan.slug, m.id)}>
                  {milestoneNumber(m)} <MilestoneTitle m={m} />
                </a>
                {m.disagreement && (
                  <>
                    {' '}
                    <span class="tag tag-warn">{t('commitments:milestone.disagreement')}</span>
                  </>
                )}
              </th>
              <td>
                <DayText day={m.due} />
                {m.overdue && (
                  <>
                    {' '}
                    <span class="tag tag-overdue">{t('commitments:milestone.overdue')}</span>
                  </>
                )}
              </td>
              <td>
                <StatusTag value={m.government?.value ?? null} />
              </td>
              <td>
                <CsoStatuses m={m} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function CommitmentPage({ detail, commitment, notice, canEdit }: { detail: PlanDetail; commitment: CommitmentView; notice: string | null; canEdit: boolean }) {
  const { t, lang } = usePage();
  const { plan } = detail;
  const milestones = detail.milestones.filter((m) => m.commitmentId === commitment.id);
  const figures = detail.figures.byCommitment.get(commitment.number) ?? emptyFigures();
  const title = t('commitments:commitment.short', { number: commitment.number });
  const name = t('commitments:commitment.heading', { number: commitment.number, title: plainText(lang, commitment.titleMn, commitment.titleEn) });
  const partners = commitment.parties.filter((p) => p.role === 'partner');
  return (
    <Layout
      title={name}
      jsonHref={`${apiPlanPath(plan.slug)}/commitments/${commitment.number}`}
      breadcrumbs={[{ href: plansPath, label: t('commitments:title') }, { href: planPath(plan.slug), label: planTitle(lang, plan) }, { label: title }]}
    >
      {notice && <Notice kind="success">{notice}</Notice>}
      <h1>
        {title}: <Txt mn={commitment.titleMn} en={commitment.titleEn} />
      </h1>
      <dl class="summary-list">
        <dt>{t('commitments:meta.leads')}</dt>
        <dd>
          {leadsOf(commitment).map((p, i) => (
            <span key={p.id}>
              {i > 0 && ', '}
              <OrgLink org={p} />
            </span>
          ))}
        </dd>
        {partners.length > 0 && (
          <>
            <dt>{t('commitments:meta.partners')}</dt>
            <dd>
              {partners.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && ', '}
                  <OrgLink org={p} />
                </span>
              ))}
            </dd>
          </>
        )}
        {(commitment.objectiveMn || commitment.objectiveEn) && (
          <>
            <dt>{t('commitments:meta.objective')}</dt>
            <dd>
              <Txt mn={commitment.objectiveMn} en={commitment.objectiveEn} />
            </dd>
          </>
        )}
        {commitment.titleAsPrinted && (
          <>
            <dt>{t('commitments:commitment.printed')}</dt>
            <dd lang="en">{commitment.titleAsPrinted}</dd>
          </>
        )}
      </dl>
      <FiguresSection figures={figures} name={title} id="commitment-figures" />
      <section aria-labelledby="milestones-title">
        <h2 id="milestones-title">{t('commitments:commitment.milestones')}</h2>
        {milestones.length ? <MilestonesTable plan={plan} milestones={milestones} caption={t('commitments:commitment.caption', { number: commitment.number })} /> : <p>{t('commitments:author.noMilestones')}</p>}
        {canEdit && !plan.closedAt && (
          <p>
            <a class="button button-secondary" href={`${commitmentPath(plan.slug, commitment.number)}/milestones/new`}>
              {t('commitments:author.addMilestone')}
            </a>
          </p>
        )}
      </section>
    </Layout>
  );
}

export function DisagreementsPage({ detail }: { detail: PlanDetail }) {
  const { t, lang } = usePage();
  const { plan } = detail;
  const title = t('commitments:disagreements.title');
  const list = detail.milestones.filter((m) => m.disagreement);
  return (
    <Layout
      title={`${title}: ${planTitle(lang, plan)}`}
      jsonHref={`${apiPlanPath(plan.slug)}/disagreements`}
      breadcrumbs={[{ href: plansPath, label: t('commitments:title') }, { href: planPath(plan.slug), label: planTitle(lang, plan) }, { label: title }]}
    >
      <h1>{title}</h1>
      <p class="lead">{t('commitments:disagreements.lead')}</p>
      <p>{list.length === 0 ? t('commitments:disagreements.none') : t('commitments:disagreements.count', { count: list.length })}</p>
      {detail.commitments
        .filter((c) => list.some((m) => m.commitmentId === c.id))
        .map((c) => (
          <section key={c.id} aria-labelledby={`d-${c.number}`}>
            <h2 id={`d-${c.number}`}>
              <a href={commitmentPath(plan.slug, c.number)}>
                {t('commitments:commitment.short', { number: c.number })}: <Txt mn={c.titleMn} en={c.titleEn} />
              </a>
            </h2>
            <ul class="card-list">
              {list
                .filter((m) => m.commitmentId === c.id)
                .map((m) => (
                  <li key={m.id} class="differs-card">
                    <h3>
                      <a href={milestonePath(plan.slug, m.id)}>
                        {milestoneNumber(m)} <MilestoneTitle m={m} />
                      </a>
                    </h3>
                    <dl class="summary-list">
                      <dt>{t('commitments:figures.government')}</dt>
                      <dd>
                        <StatusTag value={m.government?.value ?? null} /> <span class="meta">({orgName(lang, m.lead)})</span>
                      </dd>
                      {m.assessments
                        .filter((a) => disagrees(a.value, m.government?.value ?? null))
                        .map((a) => (
                          <Fragment key={a.id}>
                            <dt>{a.organisation ? orgName(lang, a.organisation) : t('commitments:milestone.unattributed')}</dt>
                            <dd>
                              <StatusTag value={a.value} />
                              {a.justification && <Written text={a.justification} lang={a.lang} class="quote pre-line" />}
                            </dd>
                          </Fragment>
                        ))}
                    </dl>
                  </li>
                ))}
            </ul>
          </section>
        ))}
    </Layout>
  );
}
