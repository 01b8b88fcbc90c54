import type { Membership } from '../../../shared/auth/actor.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatDate, formatNumber } from '../../../shared/i18n/format.js';
import { Button, DateText, ErrorSummary, fieldId, Notice, PostForm, Radios, TextArea, useErrorText } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { disagrees, LIMITS, PROGRESS_SCALE } from '../model.js';
import type { AssessmentView, MilestoneDetail, PlanRow, ReportView } from '../queries.js';
import { apiPlanPath, assessFormPath, commitmentPath, filePath, milestonePath, planPath, plansPath, reportFormPath } from '../urls.js';
import { DayText, Links, MilestoneTitle, milestoneNumber, milestoneTitleText, OrgLink, orgName, planTitle, StatusTag, Txt, Written } from './parts.js';

function Crumbs(plan: PlanRow, detail: MilestoneDetail, t: ReturnType<typeof usePage>['t'], lang: 'mn' | 'en', last?: string) {
  const m = detail.milestone;
  return [
    { href: plansPath, label: t('commitments:title') },
    { href: planPath(plan.slug), label: planTitle(lang, plan) },
    { href: commitmentPath(plan.slug, m.commitmentNumber), label: t('commitments:commitment.short', { number: m.commitmentNumber }) },
    ...(last ? [{ href: milestonePath(plan.slug, m.id), label: milestoneNumber(m) }, { label: last }] : [{ label: milestoneNumber(m) }]),
  ];
}

function FileList({ files }: { files: ReportView['files'] }) {
  const { lang } = usePage();
  if (files.length === 0) return null;
  return (
    <ul class="link-list">
      {files.map((f) => (
        <li key={f.id}>
          <a href={filePath(f.id)} download={f.filename}>
            {f.filename}
          </a>{' '}
          <span class="meta">({formatNumber(Math.max(1, Math.round(f.size / 1024)), lang)} KB)</span>
        </li>
      ))}
    </ul>
  );
}

function ReportBody({ report }: { report: ReportView }) {
  const { t, lang } = usePage();
  return (
    <>
      <p class="status-line">
        <StatusTag value={report.value} />
      </p>
      {report.value === null && <p>{t('commitments:milestone.noStatusPrinted')}</p>}
      <p class="meta">
        {orgName(lang, report.body)}, <DateText date={report.reportedAt} /> · {t('commitments:milestone.version', { version: report.version })}
        {report.source === 'import' && <> · {t('commitments:milestone.fromImport')}</>}
      </p>
      {report.evidence && (
        <>
          <h3 class="meta-heading">{t('commitments:milestone.evidence')}</h3>
          <Written text={report.evidence} lang={report.lang} />
        </>
      )}
      {report.links.length > 0 && (
        <>
          <h3 class="meta-heading">{t('commitments:milestone.links')}</h3>
          <Links links={report.links} />
        </>
      )}
      {report.files.length > 0 && (
        <>
          <h3 class="meta-heading">{t('commitments:milestone.files')}</h3>
          <FileList files={report.files} />
        </>
      )}
    </>
  );
}

function AssessmentName({ a }: { a: AssessmentView }) {
  const { t, lang } = usePage();
  if (a.organisation) return <>{orgName(lang, a.organisation)}</>;
  return <>{a.importKind === 'ngo_assessment_row_unattributed' ? t('commitments:milestone.unattributed') : t('commitments:milestone.unnamedOrganisation')}</>;
}

function AssessmentBody({ a, government }: { a: AssessmentView; government: ReportView | null }) {
  const { t } = usePage();
  const differs = disagrees(a.value, government?.value ?? null);
  return (
    <>
      <p class="status-line">
        {a.value ? <StatusTag value={a.value} /> : <span class="meta">{t('commitments:milestone.commentOnly')}</span>}{' '}
        {differs && <span class="tag tag-warn">{t('commitments:milestone.disagreement')}</span>}
      </p>
      <p class="meta">
        {a.assessedOn ? <DayText day={a.assessedOn} /> : a.source === 'platform' ? <DateText date={a.assessedAt} /> : t('commitments:milestone.dateUnknown')}
        {a.organisation && <> · {t('commitments:milestone.version', { version: a.version })}</>}
        {a.source === 'import' && <> · {t('commitments:milestone.fromImport')}</>}
      </p>
      {a.justification && (
        <>
          <h4 class="meta-heading">{t('commitments:milestone.justification')}</h4>
          <Written text={a.justification} lang={a.lang} />
        </>
      )}
      {a.evidence && (
        <>
          <h4 class="meta-heading">{t('commitments:milestone.csoEvidence')}</h4>
          <Written text={a.evidence} lang={a.lang} />
        </>
      )}
      <Links links={a.links} />
      {a.note && (
        <details class="method">
          <summary>{t('commitments:milestone.sourceNotes')}</summary>
          <p lang="en">{a.note}</p>
        </details>
      )}
    </>
  );
}

export function MilestonePage(props: { plan: PlanRow; detail: MilestoneDetail; notice: string | null; canReport: boolean; csos: Membership[]; signedIn: boolean }) {
  const { t, lang } = usePage();
  const { plan, detail } = props;
  const m = detail.milestone;
  const titleText = milestoneTitleText(lang, m, t('commitments:milestone.lostTitle'));
  const differing = m.assessments.filter((a) => disagrees(a.value, m.government?.value ?? null));
  const open = !plan.closedAt;
  return (
    <Layout title={`${milestoneNumber(m)}: ${titleText}`} jsonHref={`${apiPlanPath(plan.slug)}/milestones/${m.id}`} breadcrumbs={Crumbs(plan, detail, t, lang)}>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <h1>
        {milestoneNumber(m)}: <MilestoneTitle m={m} />
      </h1>
      {!m.titleMn && !m.titleEn && m.titleCandidate && <p lang="en">{t('commitments:milestone.maybeTitle', { text: m.titleCandidate })}</p>}
      {m.titleRaw && (
        <p class="meta" lang="en">
          {t('commitments:milestone.rawTitle', { text: m.titleRaw })}
        </p>
      )}
      {m.disagreement && (
        <div class="notice notice-warning differs-notice">
          <p>
            <strong>{t('commitments:milestone.disagreement')}.</strong>{' '}
            {t('commitments:milestone.disagreementNotice', {
              organisations: differing.map((a) => (a.organisation ? orgName(lang, a.organisation) : t('commitments:milestone.unattributed'))).join(', '),
            })}
          </p>
        </div>
      )}
      {plan.closedAt && <Notice kind="warning">{t('commitments:errors.plan_closed')}</Notice>}
      <dl class="summary-list">
        <dt>{t('commitments:meta.commitment')}</dt>
        <dd>
          <a href={commitmentPath(plan.slug, m.commitmentNumber)}>
            {t('commitments:commitment.short', { number: m.commitmentNumber })}: <Txt mn={detail.commitment.titleMn} en={detail.commitment.titleEn} />
          </a>
        </dd>
        <dt>{t('commitments:meta.leads')}</dt>
        <dd>
          <OrgLink org={m.lead} />
        </dd>
        {m.implementers.length > 1 && (
          <>
            <dt>{t('commitments:meta.implementers')}</dt>
            <dd>
              {m.implementers.map((o, i) => (
                <span key={o.id}>
                  {i > 0 && ', '}
                  <OrgLink org={o} />
                </span>
              ))}
            </dd>
          </>
        )}
        <dt>{t('commitments:meta.due')}</dt>
        <dd>
          {m.dueOn ? <DayText day={m.due} /> : t('commitments:meta.dueFromPlan', { date: formatDate(new Date(`${m.due}T12:00:00+08:00`), lang) })}
          {m.overdue && (
            <>
              {' '}
              <span class="tag tag-overdue">{t('commitments:milestone.overdue')}</span>
            </>
          )}
        </dd>
      </dl>
      {open && (props.canReport || props.csos.length > 0) && (
        <p class="button-row">
          {props.canReport && (
            <a class="button button-primary" href={reportFormPath(plan.slug, m.id)}>
              {t('commitments:milestone.report')}
            </a>
          )}
          {props.csos.length > 0 && (
            <a class="button button-secondary" href={assessFormPath(plan.slug, m.id)}>
              {t('commitments:milestone.assess')}
            </a>
          )}
        </p>
      )}
      {open && !props.signedIn && (
        <p>
          <a href={`/account/sign-in?next=${encodeURIComponent(assessFormPath(plan.slug, m.id))}`}>{t('commitments:milestone.signInToAssess')}</a>
        </p>
      )}
      <div class="side-by-side assessments">
        <section aria-labelledby="government-title" class="view view-government">
          <h2 id="government-title">{t('commitments:milestone.government')}</h2>
          {m.government ? <ReportBody report={m.government} /> : <p>{t('commitments:milestone.noReport')}</p>}
        </section>
        <section aria-labelledby="csos-title" class="view view-csos">
          <h2 id="csos-title">{t('commitments:milestone.csos')}</h2>
          {m.assessments.length === 0 && <p>{t('commitments:milestone.noAssessment')}</p>}
          {m.assessments.map((a) => (
            <article key={a.id} class={disagrees(a.value, m.government?.value ?? null) ? 'assessment differs' : 'assessment'} aria-labelledby={`a-${a.id}`}>
              <h3 id={`a-${a.id}`}>
                <AssessmentName a={a} />
              </h3>
              <AssessmentBody a={a} government={m.government} />
            </article>
          ))}
        </section>
      </div>
      {m.additionalComments.map((c, i) => (
        <section key={i} aria-labelledby={`extra-${i}`}>
          <h2 id={`extra-${i}`}>{t('commitments:milestone.additionalComment', { organisation: c.organization, date: c.date ?? t('commitments:milestone.dateUnknown') })}</h2>
          <Written text={c.text} lang="en" />
        </section>
      ))}
      {m.note && (
        <details class="method">
          <summary>{t('commitments:milestone.sourceNotes')}</summary>
          <p lang="en">{m.note}</p>
        </details>
      )}
      {(detail.reports.length > 1 || detail.assessmentHistory.length > m.assessments.length) && (
        <section aria-labelledby="history-title">
          <h2 id="history-title">{t('commitments:milestone.history')}</h2>
          <h3>{t('commitments:milestone.reportHistory')}</h3>
          <ol class="timeline">
            {detail.reports.map((r) => (
              <li key={r.id}>
                <p>
                  <strong>{t('commitments:milestone.version', { version: r.version })}</strong>: <StatusTag value={r.value} />
                </p>
                <p class="meta">
                  {orgName(lang, r.body)}, <DateText date={r.reportedAt} />
                </p>
                {r.evidence && <Written text={r.evidence} lang={r.lang} class="pre-line quote" />}
              </li>
            ))}
          </ol>
          {detail.assessmentHistory.length > m.assessments.length && (
            <>
              <h3>{t('commitments:milestone.assessmentHistory')}</h3>
              <ol class="timeline">
                {detail.assessmentHistory.map((a) => (
                  <li key={a.id}>
                    <p>
                      <strong>
                        <AssessmentName a={a} />
                      </strong>
                      {a.organisation && <> ({t('commitments:milestone.version', { version: a.version })})</>}: <StatusTag value={a.value} />
                    </p>
                    <p class="meta">{a.assessedOn ? <DayText day={a.assessedOn} /> : <DateText date={a.assessedAt} />}</p>
                    {a.justification && <Written text={a.justification} lang={a.lang} class="pre-line quote" />}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}
    </Layout>
  );
}

function FileInput({ name, label, hint, errors }: { name: string; label: string; hint: string; errors: FieldError[] }) {
  const id = fieldId(name);
  const error = errors.find((e) => e.field === name);
  const text = useErrorText();
  const { t } = usePage();
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label class="label" for={id}>
        {label} <span class="optional">{t('form.optional')}</span>
      </label>
      <p class="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {text(error)}
        </p>
      )}
      <input
        id={id}
        name={name}
        type="file"
        multiple
        accept="application/pdf,image/jpeg,image/png,image/webp"
        class="file-input"
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

function statusOptions(t: ReturnType<typeof usePage>['t']) {
  return PROGRESS_SCALE.map((value) => ({ value, label: t(`commitments:status.${value}`), hint: t(`commitments:statusHint.${value}`) }));
}

export interface ProgressFormValues {
  status: string;
  evidence: string;
  links: string;
}

export function ReportFormPage(props: { plan: PlanRow; detail: MilestoneDetail; errors: FieldError[]; values: ProgressFormValues }) {
  const { t, lang } = usePage();
  const { plan, detail } = props;
  const m = detail.milestone;
  const name = `${milestoneNumber(m)} ${milestoneTitleText(lang, m, t('commitments:milestone.lostTitle'))}`;
  const title = t('commitments:reportForm.title', { milestone: name });
  return (
    <Layout title={title} breadcrumbs={Crumbs(plan, detail, t, lang, t('commitments:milestone.report'))}>
      <ErrorSummary errors={props.errors} />
      <h1>{title}</h1>
      <p>{t('commitments:reportForm.intro', { body: orgName(lang, m.lead) })}</p>
      <p>
        {t('commitments:reportForm.current')} <StatusTag value={m.government?.value ?? null} />
      </p>
      <PostForm action={reportFormPath(plan.slug, m.id)} multipart>
        <Radios name="status" label={t('commitments:field.status')} options={statusOptions(t)} value={props.values.status} errors={props.errors} />
        <TextArea name="evidence" label={t('commitments:field.evidence')} hint={t('commitments:hint.evidence')} value={props.values.evidence} errors={props.errors} maxLength={LIMITS.evidence} rows={8} />
        <TextArea name="links" label={t('commitments:field.links')} hint={t('commitments:hint.links')} value={props.values.links} errors={props.errors} optional rows={3} />
        <FileInput name="files" label={t('commitments:field.files')} hint={t('commitments:hint.files', { max: LIMITS.files })} errors={props.errors} />
        <div class="button-row">
          <Button>{t('commitments:reportForm.submit')}</Button>
          <a href={milestonePath(plan.slug, m.id)}>{t('commitments:reportForm.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
}

export interface AssessFormValues extends ProgressFormValues {
  organisation: string;
  justification: string;
}

export function AssessFormPage(props: { plan: PlanRow; detail: MilestoneDetail; csos: Membership[]; errors: FieldError[]; values: AssessFormValues }) {
  const { t, lang } = usePage();
  const { plan, detail } = props;
  const m = detail.milestone;
  const name = `${milestoneNumber(m)} ${milestoneTitleText(lang, m, t('commitments:milestone.lostTitle'))}`;
  const title = t('commitments:assessForm.title', { milestone: name });
  const only = props.csos.length === 1 ? props.csos[0]! : null;
  return (
    <Layout title={title} breadcrumbs={Crumbs(plan, detail, t, lang, t('commitments:milestone.assess'))}>
      <ErrorSummary errors={props.errors} />
      <h1>{title}</h1>
      <p>{t('commitments:assessForm.intro')}</p>
      <p>
        {t('commitments:assessForm.government')} <StatusTag value={m.government?.value ?? null} />
      </p>
      <PostForm action={assessFormPath(plan.slug, m.id)}>
        {only ? (
          <>
            <input type="hidden" name="organisation" value={String(only.organisationId)} />
            <p>
              <strong>{t('commitments:assessForm.asOrganisation', { name: lang === 'en' ? only.nameEn : only.nameMn })}</strong>
            </p>
          </>
        ) : (
          <Radios
            name="organisation"
            label={t('commitments:field.organisation')}
            options={props.csos.map((c) => ({ value: String(c.organisationId), label: lang === 'en' ? c.nameEn : c.nameMn }))}
            value={props.values.organisation}
            errors={props.errors}
          />
        )}
        <Radios name="status" label={t('commitments:field.status')} options={statusOptions(t)} value={props.values.status} errors={props.errors} />
        <TextArea name="justification" label={t('commitments:field.justification')} hint={t('commitments:hint.justification')} value={props.values.justification} errors={props.errors} maxLength={LIMITS.justification} rows={8} />
        <TextArea name="evidence" label={t('commitments:field.csoEvidence')} hint={t('commitments:hint.csoEvidence')} value={props.values.evidence} errors={props.errors} optional maxLength={LIMITS.evidence} rows={5} />
        <TextArea name="links" label={t('commitments:field.links')} hint={t('commitments:hint.links')} value={props.values.links} errors={props.errors} optional rows={3} />
        <div class="button-row">
          <Button>{t('commitments:assessForm.submit')}</Button>
          <a href={milestonePath(plan.slug, m.id)}>{t('commitments:reportForm.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
}

export function NotMemberPage({ plan, detail }: { plan: PlanRow; detail: MilestoneDetail }) {
  const { t, lang } = usePage();
  return (
    <Layout title={t('commitments:milestone.assess')} breadcrumbs={Crumbs(plan, detail, t, lang, t('commitments:milestone.assess'))}>
      <h1>{t('commitments:milestone.assess')}</h1>
      <p>{t('commitments:assessForm.notMember')}</p>
      <p>
        <a href={milestonePath(plan.slug, detail.milestone.id)}>{t('commitments:reportForm.cancel')}</a>
      </p>
    </Layout>
  );
}
