import { localDay } from '../../shared/i18n/format.js';
import { disagrees } from './model.js';
import type { AssessmentView, CommentView, CommitmentView, MilestoneDetail, MilestoneView, OrgRef, PlanDetail, PlanRow, ReportView } from './queries.js';
import { emptyFigures, type Figures } from './summary.js';
import { commitmentPath, filePath, milestonePath, planPath } from './urls.js';

/** The JSON shapes of schemas.ts, built from the views the pages use (one source for both). */

export const orgJson = (o: OrgRef) => ({ slug: o.slug, kind: o.kind, name: { mn: o.nameMn, en: o.nameEn } });

export function figuresJson(f: Figures) {
  return {
    milestones: f.milestones,
    government: { ...f.government },
    government_bands: { ...f.governmentBands },
    cso: { ...f.cso },
    cso_bands: { ...f.csoBands },
    assessed_by_csos: f.assessedByCsos,
    disagreements: f.disagreements,
    overdue: f.overdue,
  };
}

export function reportJson(r: ReportView, base: string) {
  return {
    version: r.version,
    status: r.value,
    evidence: r.evidence,
    lang: r.lang,
    links: r.links,
    files: r.files.map((f) => ({ id: f.id, filename: f.filename, media_type: f.mediaType, size: f.size, url: `${base}${filePath(f.id)}` })),
    body: r.body.slug,
    reported_at: r.reportedAt.toISOString(),
    source: r.source,
  };
}

export function assessmentJson(a: AssessmentView, government: ReportView | null) {
  return {
    version: a.version,
    organisation: a.organisation ? orgJson(a.organisation) : null,
    organisation_as_printed: a.printed,
    status: a.value,
    justification: a.justification,
    evidence: a.evidence,
    lang: a.lang,
    links: a.links,
    assessed_on: a.assessedOn,
    assessed_at: a.assessedAt.toISOString(),
    source: a.source,
    kind: a.importKind,
    disagrees: disagrees(a.value, government?.value ?? null),
  };
}

export function milestoneJson(plan: PlanRow, m: MilestoneView, base: string) {
  return {
    id: m.id,
    number: `${m.commitmentNumber}.${m.sequence}`,
    sequence: m.sequence,
    title: { mn: m.titleMn, en: m.titleEn },
    lead_body: orgJson(m.lead),
    implementers: m.implementers.map(orgJson),
    due: m.due,
    overdue: m.overdue,
    disagreement: m.disagreement,
    government: m.government ? reportJson(m.government, base) : null,
    assessments: m.assessments.map((a) => assessmentJson(a, m.government)),
    url: `${base}${milestonePath(plan.slug, m.id)}`,
  };
}

export function commitmentJson(detail: PlanDetail, c: CommitmentView, base: string) {
  return {
    number: c.number,
    title: { mn: c.titleMn, en: c.titleEn },
    objective: { mn: c.objectiveMn, en: c.objectiveEn },
    lead_bodies: c.parties.filter((p) => p.role === 'lead').map(orgJson),
    partners: c.parties.filter((p) => p.role === 'partner').map(orgJson),
    figures: figuresJson(detail.figures.byCommitment.get(c.number) ?? emptyFigures()),
    milestones: detail.milestones.filter((m) => m.commitmentId === c.id).map((m) => milestoneJson(detail.plan, m, base)),
    url: `${base}${commitmentPath(detail.plan.slug, c.number)}`,
  };
}

export function planSummaryJson(plan: PlanRow, figures: Figures, base: string) {
  return {
    slug: plan.slug,
    kind: plan.kind,
    title: { mn: plan.titleMn, en: plan.titleEn },
    owner: orgJson(plan.owner),
    place: plan.place ? { code: plan.place.code, name: { mn: plan.place.nameMn, en: plan.place.nameEn } } : null,
    period: { label: plan.periodLabel, start: plan.periodStart, end: plan.periodEnd },
    closed_at: plan.closedAt ? plan.closedAt.toISOString() : null,
    figures: figuresJson(figures),
    url: `${base}${planPath(plan.slug)}`,
  };
}

export function planJson(detail: PlanDetail, base: string) {
  const { plan } = detail;
  return {
    ...planSummaryJson(plan, detail.figures.plan, base),
    stated: {
      commitments: plan.stated.commitments,
      milestones: plan.stated.milestones,
      completed: plan.stated.completed,
      in_progress: plan.stated.inProgress,
      not_started: plan.stated.notStarted,
      note: plan.stated.note,
    },
    commitments: detail.commitments.map((c) => commitmentJson(detail, c, base)),
  };
}

export function milestoneDetailJson(plan: PlanRow, d: MilestoneDetail, base: string) {
  return {
    ...milestoneJson(plan, d.milestone, base),
    plan: plan.slug,
    commitment: d.commitment.number,
    reports: d.reports.map((r) => reportJson(r, base)),
    assessment_history: d.assessmentHistory.map((a) => assessmentJson(a, d.milestone.government)),
  };
}

export function commentJson(c: CommentView) {
  return {
    id: c.id,
    commitment: c.commitmentNumber,
    section: c.section,
    author: {
      kind: c.organisation ? ('organisation' as const) : c.byPerson ? ('person' as const) : ('as_printed' as const),
      organisation: c.organisation ? orgJson(c.organisation) : null,
      name_as_printed: c.printed,
    },
    by_owner: c.byOwner,
    text: c.text,
    lang: c.lang,
    date: c.commentedOn ?? localDay(c.commentedAt),
    answer: c.answer ? { body: orgJson(c.answer.body), text: c.answer.text, lang: c.answer.lang, answered_at: c.answer.at.toISOString() } : null,
  };
}
