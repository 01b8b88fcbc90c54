import { sql } from 'kysely';
import type { Queryable } from '../../shared/db/database.js';
import type { CommitmentPlanKind, CommitmentSource } from '../../shared/db/db-types.js';
import { localDay } from '../../shared/i18n/format.js';
import { disagrees, fromColumns, type ProgressValue } from './model.js';
import { computeFigures, isOverdue, type MilestoneState, type PlanFigures, type StatedSummary } from './summary.js';

/** Reads of the commitments module: plans, their commitments and milestones with current views, histories, comments. */

export interface OrgRef {
  id: number;
  slug: string;
  kind: 'body' | 'cso';
  nameMn: string;
  nameEn: string;
}

export interface PlanRow {
  id: number;
  slug: string;
  kind: CommitmentPlanKind;
  titleMn: string | null;
  titleEn: string | null;
  owner: OrgRef;
  place: { code: string; nameMn: string; nameEn: string } | null;
  periodLabel: string;
  periodStart: string;
  periodEnd: string;
  introductionMn: string | null;
  introductionEn: string | null;
  processMn: string | null;
  processEn: string | null;
  lessonsMn: string | null;
  lessonsEn: string | null;
  recommendationsMn: string | null;
  recommendationsEn: string | null;
  stated: StatedSummary;
  /** Parts of an imported file the tables do not model (publisher, IRM recommendations…). */
  extra: Record<string, unknown>;
  source: CommitmentSource;
  createdAt: Date;
  closedAt: Date | null;
}

export interface Party extends OrgRef {
  role: 'lead' | 'partner';
  printed: string | null;
}

export interface CommitmentView {
  id: number;
  number: number;
  titleMn: string | null;
  titleEn: string | null;
  titleAsPrinted: string | null;
  objectiveMn: string | null;
  objectiveEn: string | null;
  note: string | null;
  parties: Party[];
}

export interface FileRef {
  id: number;
  filename: string;
  mediaType: string;
  size: number;
}

export interface ReportView {
  id: number;
  milestoneId: number;
  version: number;
  value: ProgressValue | null;
  evidence: string | null;
  lang: 'mn' | 'en';
  links: string[];
  body: OrgRef;
  reportedAt: Date;
  source: CommitmentSource;
  files: FileRef[];
}

export interface AssessmentView {
  id: number;
  milestoneId: number;
  version: number;
  organisation: OrgRef | null;
  printed: string | null;
  value: ProgressValue | null;
  justification: string | null;
  evidence: string | null;
  lang: 'mn' | 'en';
  links: string[];
  assessedOn: string | null;
  assessedAt: Date;
  source: CommitmentSource;
  importKind: string | null;
  note: string | null;
}

export interface AdditionalCommentView {
  organization: string;
  date: string | null;
  text: string;
  note?: string;
}

export interface MilestoneView {
  id: number;
  commitmentId: number;
  commitmentNumber: number;
  sequence: number;
  titleMn: string | null;
  titleEn: string | null;
  titleRaw: string | null;
  titleCandidate: string | null;
  lead: OrgRef;
  implementers: OrgRef[];
  implementingAsPrinted: string | null;
  dueOn: string | null;
  /** The milestone's due date, else the end of the plan's period. */
  due: string;
  note: string | null;
  additionalComments: AdditionalCommentView[];
  /** The latest government report. */
  government: ReportView | null;
  /** Each organisation's current assessment (entries without an organisation each stand alone). */
  assessments: AssessmentView[];
  disagreement: boolean;
  overdue: boolean;
}

export interface PlanDetail {
  plan: PlanRow;
  commitments: CommitmentView[];
  milestones: MilestoneView[];
  figures: PlanFigures;
}

const lang = (value: string): 'mn' | 'en' => (value === 'en' ? 'en' : 'mn');
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

function planQuery(q: Queryable) {
  return q
    .selectFrom('commitment_plan as p')
    .innerJoin('organisation as o', 'o.id', 'p.owner_body_id')
    .leftJoin('place as pl', 'pl.code', 'p.place_code')
    .selectAll('p')
    .select(['o.slug as owner_slug', 'o.kind as owner_kind', 'o.name_mn as owner_mn', 'o.name_en as owner_en', 'pl.name_mn as place_mn', 'pl.name_en as place_en']);
}

type PlanQueryRow = Awaited<ReturnType<ReturnType<typeof planQuery>['executeTakeFirstOrThrow']>>;

function toPlan(r: PlanQueryRow): PlanRow {
  return {
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    titleMn: r.title_mn,
    titleEn: r.title_en,
    owner: { id: r.owner_body_id, slug: r.owner_slug, kind: r.owner_kind, nameMn: r.owner_mn, nameEn: r.owner_en },
    place: r.place_code && r.place_mn && r.place_en ? { code: r.place_code, nameMn: r.place_mn, nameEn: r.place_en } : null,
    periodLabel: r.period_label,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    introductionMn: r.introduction_mn,
    introductionEn: r.introduction_en,
    processMn: r.process_mn,
    processEn: r.process_en,
    lessonsMn: r.lessons_mn,
    lessonsEn: r.lessons_en,
    recommendationsMn: r.recommendations_mn,
    recommendationsEn: r.recommendations_en,
    stated: {
      commitments: r.stated_commitments,
      milestones: r.stated_milestones,
      completed: r.stated_completed,
      inProgress: r.stated_in_progress,
      notStarted: r.stated_not_started,
      note: r.stated_note,
    },
    extra: json<Record<string, unknown>>(r.source_extra),
    source: r.source,
    createdAt: r.created_at,
    closedAt: r.closed_at,
  };
}

export async function findPlan(q: Queryable, slug: string): Promise<PlanRow | undefined> {
  if (slug.length > 80) return undefined;
  const row = await planQuery(q).where('p.slug', '=', slug).executeTakeFirst();
  return row ? toPlan(row) : undefined;
}

export async function listPlans(q: Queryable): Promise<PlanRow[]> {
  const rows = await planQuery(q).orderBy('p.closed_at', (ob) => ob.desc().nullsFirst()).orderBy('p.period_end', 'desc').orderBy('p.id', 'desc').execute();
  return rows.map(toPlan);
}

/**
 * The status each CSO gives milestone `m` in its latest assessment (one per organisation;
 * an assessor without one counts alone), as a JSON array of [status, status_up_to].
 * One definition, so the figures and the work lists count CSO views the same way.
 */
const CSO_LATEST_STATUSES = sql<unknown>`coalesce((
  SELECT json_agg(json_build_array(a.status, a.status_up_to))
  FROM (
    SELECT DISTINCT ON (coalesce(x.organisation_id, -x.id)) x.status, x.status_up_to
    FROM commitment_assessment x WHERE x.milestone_id = m.id
    ORDER BY coalesce(x.organisation_id, -x.id), x.version DESC
  ) a WHERE a.status IS NOT NULL
), '[]')`;

/**
 * Each milestone's state for the figures: current government status, current CSO
 * statuses, due date. One query for any number of plans (the plans list shows them all).
 */
export async function milestoneStates(q: Queryable, planIds: number[]): Promise<Map<number, MilestoneState[]>> {
  const out = new Map<number, MilestoneState[]>(planIds.map((id) => [id, []]));
  if (planIds.length === 0) return out;
  const { rows } = await sql<{ plan_id: number; number: number; due: string; status: ProgressValueColumns['status']; status_up_to: ProgressValueColumns['status_up_to']; cso: [ProgressValueColumns['status'], ProgressValueColumns['status_up_to']][] }>`
    SELECT c.plan_id, c.number, coalesce(m.due_on, p.period_end)::text AS due, r.status, r.status_up_to,
      ${CSO_LATEST_STATUSES} AS cso
    FROM commitment_milestone m
    JOIN commitment c ON c.id = m.commitment_id
    JOIN commitment_plan p ON p.id = c.plan_id
    LEFT JOIN LATERAL (
      SELECT status, status_up_to FROM commitment_report WHERE milestone_id = m.id ORDER BY version DESC LIMIT 1
    ) r ON true
    WHERE c.plan_id IN (${sql.join(planIds)})
    ORDER BY c.number, m.sequence`.execute(q);
  for (const r of rows) {
    out.get(r.plan_id)!.push({
      commitmentNumber: r.number,
      government: fromColumns(r),
      cso: r.cso.map(([status, status_up_to]) => fromColumns({ status, status_up_to })).filter((v): v is ProgressValue => v !== null),
      due: r.due,
    });
  }
  return out;
}

interface ProgressValueColumns {
  status: Parameters<typeof fromColumns>[0]['status'];
  status_up_to: Parameters<typeof fromColumns>[0]['status_up_to'];
}

function orgRef(id: number, slug: string, kind: 'body' | 'cso', nameMn: string, nameEn: string): OrgRef {
  return { id, slug, kind, nameMn, nameEn };
}

async function filesOf(q: Queryable, reportIds: number[]): Promise<Map<number, FileRef[]>> {
  const out = new Map<number, FileRef[]>();
  if (reportIds.length === 0) return out;
  const rows = await q.selectFrom('commitment_report_file').where('report_id', 'in', reportIds).select(['id', 'report_id', 'filename', 'media_type', 'size']).orderBy('id').execute();
  for (const r of rows) {
    const list = out.get(r.report_id) ?? [];
    list.push({ id: r.id, filename: r.filename, mediaType: r.media_type, size: r.size });
    out.set(r.report_id, list);
  }
  return out;
}

function reportsQuery(q: Queryable) {
  return q
    .selectFrom('commitment_report as r')
    .innerJoin('organisation as o', 'o.id', 'r.body_id')
    .select(['r.id', 'r.milestone_id', 'r.version', 'r.status', 'r.status_up_to', 'r.evidence', 'r.lang', 'r.links', 'r.reported_at', 'r.source', 'o.id as body_id', 'o.slug as body_slug', 'o.kind as body_kind', 'o.name_mn as body_mn', 'o.name_en as body_en']);
}
type ReportRow = Awaited<ReturnType<ReturnType<typeof reportsQuery>['execute']>>[number];

function toReport(r: ReportRow, files: Map<number, FileRef[]>): ReportView {
  return {
    id: r.id,
    milestoneId: r.milestone_id,
    version: r.version,
    value: fromColumns(r),
    evidence: r.evidence,
    lang: lang(r.lang),
    links: r.links,
    body: orgRef(r.body_id, r.body_slug, r.body_kind, r.body_mn, r.body_en),
    reportedAt: r.reported_at,
    source: r.source,
    files: files.get(r.id) ?? [],
  };
}

function assessmentsQuery(q: Queryable) {
  return q
    .selectFrom('commitment_assessment as a')
    .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
    .select([
      'a.id',
      'a.milestone_id',
      'a.version',
      'a.organisation_id',
      'a.organisation_as_printed',
      'a.status',
      'a.status_up_to',
      'a.justification',
      'a.evidence',
      'a.lang',
      'a.links',
      'a.assessed_on',
      'a.assessed_at',
      'a.source',
      'a.import_kind',
      'a.note',
      'o.slug as org_slug',
      'o.kind as org_kind',
      'o.name_mn as org_mn',
      'o.name_en as org_en',
    ]);
}
type AssessmentRow = Awaited<ReturnType<ReturnType<typeof assessmentsQuery>['execute']>>[number];

function toAssessment(a: AssessmentRow): AssessmentView {
  return {
    id: a.id,
    milestoneId: a.milestone_id,
    version: a.version,
    organisation: a.organisation_id !== null && a.org_slug && a.org_kind && a.org_mn && a.org_en ? orgRef(a.organisation_id, a.org_slug, a.org_kind, a.org_mn, a.org_en) : null,
    printed: a.organisation_as_printed,
    value: fromColumns(a),
    justification: a.justification,
    evidence: a.evidence,
    lang: lang(a.lang),
    links: a.links,
    assessedOn: a.assessed_on,
    assessedAt: a.assessed_at,
    source: a.source,
    importKind: a.import_kind,
    note: a.note,
  };
}

/** A milestone's row fields, shared by the plan detail and the single milestone. */
function milestonesQuery(q: Queryable) {
  return q
    .selectFrom('commitment_milestone as m')
    .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
    .innerJoin('commitment_plan as p', 'p.id', 'c.plan_id')
    .innerJoin('organisation as lead', 'lead.id', 'm.lead_body_id')
    .selectAll('m')
    .select(['c.number as commitment_number', 'p.period_end', 'lead.slug as lead_slug', 'lead.kind as lead_kind', 'lead.name_mn as lead_mn', 'lead.name_en as lead_en']);
}

/**
 * Everything the plan, commitment, disagreement and report pages show: commitments with
 * their parties, milestones with the latest report and each organisation's current
 * assessment, and the figures. Seven indexed queries whatever the plan's size.
 */
export async function loadPlanDetail(q: Queryable, plan: PlanRow, now: Date): Promise<PlanDetail> {
  const today = localDay(now);
  const [commitments, parties, milestoneRows, implementers, reports, assessments] = await Promise.all([
    q.selectFrom('commitment').selectAll().where('plan_id', '=', plan.id).orderBy('number').execute(),
    q
      .selectFrom('commitment_party as cp')
      .innerJoin('commitment as c', 'c.id', 'cp.commitment_id')
      .innerJoin('organisation as o', 'o.id', 'cp.organisation_id')
      .where('c.plan_id', '=', plan.id)
      .select(['cp.commitment_id', 'cp.role', 'cp.name_as_printed', 'o.id', 'o.slug', 'o.kind', 'o.name_mn', 'o.name_en'])
      .orderBy('cp.position')
      .execute(),
    milestonesQuery(q).where('c.plan_id', '=', plan.id).orderBy('c.number').orderBy('m.sequence').execute(),
    q
      .selectFrom('commitment_milestone_implementer as i')
      .innerJoin('commitment_milestone as m', 'm.id', 'i.milestone_id')
      .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
      .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
      .where('c.plan_id', '=', plan.id)
      .select(['i.milestone_id', 'o.id', 'o.slug', 'o.kind', 'o.name_mn', 'o.name_en'])
      .orderBy('i.position')
      .execute(),
    reportsQuery(q)
      .innerJoin('commitment_milestone as m', 'm.id', 'r.milestone_id')
      .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
      .where('c.plan_id', '=', plan.id)
      .distinctOn('r.milestone_id')
      .orderBy('r.milestone_id')
      .orderBy('r.version', 'desc')
      .execute(),
    currentAssessments(q, { planId: plan.id }),
  ]);
  const files = await filesOf(
    q,
    reports.map((r) => r.id),
  );
  const reportOf = new Map(reports.map((r) => [r.milestone_id, toReport(r, files)]));
  const commitmentViews: CommitmentView[] = commitments.map((c) => ({
    id: c.id,
    number: c.number,
    titleMn: c.title_mn,
    titleEn: c.title_en,
    titleAsPrinted: c.title_as_printed,
    objectiveMn: c.objective_mn,
    objectiveEn: c.objective_en,
    note: c.note,
    parties: parties.filter((p) => p.commitment_id === c.id).map((p) => ({ ...orgRef(p.id, p.slug, p.kind, p.name_mn, p.name_en), role: p.role, printed: p.name_as_printed })),
  }));
  const milestones = milestoneRows.map((m) =>
    toMilestone(
      m,
      implementers.filter((i) => i.milestone_id === m.id).map((i) => orgRef(i.id, i.slug, i.kind, i.name_mn, i.name_en)),
      reportOf.get(m.id) ?? null,
      assessments.filter((a) => a.milestoneId === m.id),
      today,
    ),
  );
  const states: MilestoneState[] = milestones.map((m) => ({
    commitmentNumber: m.commitmentNumber,
    government: m.government?.value ?? null,
    cso: m.assessments.map((a) => a.value).filter((v): v is ProgressValue => v !== null),
    due: m.due,
  }));
  return { plan, commitments: commitmentViews, milestones, figures: computeFigures(states, today) };
}

type MilestoneRow = Awaited<ReturnType<ReturnType<typeof milestonesQuery>['execute']>>[number];

function toMilestone(m: MilestoneRow, implementers: OrgRef[], government: ReportView | null, assessments: AssessmentView[], today: string): MilestoneView {
  const due = m.due_on ?? m.period_end;
  const value = government?.value ?? null;
  return {
    id: m.id,
    commitmentId: m.commitment_id,
    commitmentNumber: m.commitment_number,
    sequence: m.sequence,
    titleMn: m.title_mn,
    titleEn: m.title_en,
    titleRaw: m.title_raw,
    titleCandidate: m.title_candidate,
    lead: orgRef(m.lead_body_id, m.lead_slug, m.lead_kind, m.lead_mn, m.lead_en),
    implementers,
    implementingAsPrinted: m.implementing_as_printed,
    dueOn: m.due_on,
    due,
    note: m.note,
    additionalComments: json<AdditionalCommentView[]>(m.additional_comments),
    government,
    assessments,
    disagreement: assessments.some((a) => disagrees(a.value, value)),
    overdue: isOverdue({ government: value, due }, today),
  };
}

/** Each organisation's latest assessment (entries without an organisation are each their own), in the order printed then published. */
export async function currentAssessments(q: Queryable, where: { planId: number } | { milestoneId: number }): Promise<AssessmentView[]> {
  let query = assessmentsQuery(q);
  if ('planId' in where) {
    query = query.innerJoin('commitment_milestone as m', 'm.id', 'a.milestone_id').innerJoin('commitment as c', 'c.id', 'm.commitment_id').where('c.plan_id', '=', where.planId);
  } else {
    query = query.where('a.milestone_id', '=', where.milestoneId);
  }
  const rows = await query.execute();
  const latest = new Map<string, AssessmentRow>();
  for (const r of rows) {
    const key = r.organisation_id === null ? `row:${r.id}` : `${r.milestone_id}:${r.organisation_id}`;
    const seen = latest.get(key);
    if (!seen || r.version > seen.version) latest.set(key, r);
  }
  return [...latest.values()].sort((a, b) => a.milestone_id - b.milestone_id || (a.source === b.source ? 0 : a.source === 'import' ? -1 : 1) || a.id - b.id).map(toAssessment);
}

export interface MilestoneDetail {
  milestone: MilestoneView;
  commitment: CommitmentView;
  /** Every government report, newest first. */
  reports: ReportView[];
  /** Every assessment of every organisation, newest first. */
  assessmentHistory: AssessmentView[];
}

/** One milestone of a plan with its whole history; undefined when the id is not the plan's. */
export async function loadMilestone(q: Queryable, plan: PlanRow, milestoneId: number, now: Date): Promise<MilestoneDetail | undefined> {
  if (!Number.isSafeInteger(milestoneId) || milestoneId < 1 || milestoneId > 2_147_483_647) return undefined;
  const row = await milestonesQuery(q).where('m.id', '=', milestoneId).where('c.plan_id', '=', plan.id).executeTakeFirst();
  if (!row) return undefined;
  const [commitment, parties, implementers, reportRows, history] = await Promise.all([
    q.selectFrom('commitment').selectAll().where('id', '=', row.commitment_id).executeTakeFirstOrThrow(),
    q
      .selectFrom('commitment_party as cp')
      .innerJoin('organisation as o', 'o.id', 'cp.organisation_id')
      .where('cp.commitment_id', '=', row.commitment_id)
      .select(['cp.role', 'cp.name_as_printed', 'o.id', 'o.slug', 'o.kind', 'o.name_mn', 'o.name_en'])
      .orderBy('cp.position')
      .execute(),
    q
      .selectFrom('commitment_milestone_implementer as i')
      .innerJoin('organisation as o', 'o.id', 'i.organisation_id')
      .where('i.milestone_id', '=', milestoneId)
      .select(['o.id', 'o.slug', 'o.kind', 'o.name_mn', 'o.name_en'])
      .orderBy('i.position')
      .execute(),
    reportsQuery(q).where('r.milestone_id', '=', milestoneId).orderBy('r.version', 'desc').execute(),
    assessmentsQuery(q).where('a.milestone_id', '=', milestoneId).orderBy('a.assessed_at', 'desc').orderBy('a.id', 'desc').execute(),
  ]);
  const files = await filesOf(
    q,
    reportRows.map((r) => r.id),
  );
  const reports = reportRows.map((r) => toReport(r, files));
  const current = await currentAssessments(q, { milestoneId });
  const milestone = toMilestone(
    row,
    implementers.map((i) => orgRef(i.id, i.slug, i.kind, i.name_mn, i.name_en)),
    reports[0] ?? null,
    current,
    localDay(now),
  );
  return {
    milestone,
    commitment: {
      id: commitment.id,
      number: commitment.number,
      titleMn: commitment.title_mn,
      titleEn: commitment.title_en,
      titleAsPrinted: commitment.title_as_printed,
      objectiveMn: commitment.objective_mn,
      objectiveEn: commitment.objective_en,
      note: commitment.note,
      parties: parties.map((p) => ({ ...orgRef(p.id, p.slug, p.kind, p.name_mn, p.name_en), role: p.role, printed: p.name_as_printed })),
    },
    reports,
    assessmentHistory: history.map(toAssessment),
  };
}

export interface CommentView {
  id: number;
  commitmentNumber: number | null;
  section: string | null;
  organisation: OrgRef | null;
  /** Written by a person, not an organisation: never named in public. */
  byPerson: boolean;
  printed: string | null;
  text: string;
  lang: 'mn' | 'en';
  commentedOn: string | null;
  commentedAt: Date;
  source: CommitmentSource;
  note: string | null;
  /** Written by the plan's owner: the report's own words, which need no answer. */
  byOwner: boolean;
  answer: { text: string; lang: 'mn' | 'en'; at: Date; body: OrgRef } | null;
}

export async function planComments(q: Queryable, plan: PlanRow): Promise<CommentView[]> {
  const rows = await q
    .selectFrom('commitment_comment as k')
    .leftJoin('commitment as c', 'c.id', 'k.commitment_id')
    .leftJoin('organisation as o', 'o.id', 'k.organisation_id')
    .leftJoin('organisation as b', 'b.id', 'k.answer_body_id')
    .where('k.plan_id', '=', plan.id)
    .select([
      'k.id',
      'c.number',
      'k.section',
      'k.organisation_id',
      'k.author_id',
      'k.author_as_printed',
      'k.text',
      'k.lang',
      'k.commented_on',
      'k.commented_at',
      'k.source',
      'k.note',
      'k.answer',
      'k.answer_lang',
      'k.answered_at',
      'k.answer_body_id',
      'o.slug as org_slug',
      'o.kind as org_kind',
      'o.name_mn as org_mn',
      'o.name_en as org_en',
      'b.slug as body_slug',
      'b.name_mn as body_mn',
      'b.name_en as body_en',
    ])
    .orderBy('k.position')
    .orderBy('k.id')
    .execute();
  return rows.map((k) => ({
    id: k.id,
    commitmentNumber: k.number,
    section: k.section,
    organisation: k.organisation_id !== null && k.org_slug && k.org_kind && k.org_mn && k.org_en ? orgRef(k.organisation_id, k.org_slug, k.org_kind, k.org_mn, k.org_en) : null,
    byPerson: k.organisation_id === null && k.author_id !== null,
    printed: k.author_as_printed,
    text: k.text,
    lang: lang(k.lang),
    commentedOn: k.commented_on,
    commentedAt: k.commented_at,
    source: k.source,
    note: k.note,
    byOwner: k.organisation_id === plan.owner.id,
    answer:
      k.answer !== null && k.answered_at && k.answer_body_id !== null && k.body_slug && k.body_mn && k.body_en
        ? { text: k.answer, lang: lang(k.answer_lang ?? 'mn'), at: k.answered_at, body: orgRef(k.answer_body_id, k.body_slug, 'body', k.body_mn, k.body_en) }
        : null,
  }));
}

export async function findFile(q: Queryable, id: number) {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
  return q.selectFrom('commitment_report_file').where('id', '=', id).select(['id', 'filename', 'media_type', 'bytes', 'size']).executeTakeFirst();
}

/** The bodies a person works for that lead milestones, with the milestones that need attention. */
export interface WorkItem {
  planSlug: string;
  planTitleMn: string | null;
  planTitleEn: string | null;
  milestoneId: number;
  commitmentNumber: number;
  sequence: number;
  titleMn: string | null;
  titleEn: string | null;
  due: string;
  government: ProgressValue | null;
  lastReportedAt: Date | null;
  leadSlug: string;
  disagreements: number;
}

/** Open plans' milestones led by these bodies, soonest due first. */
export async function milestonesLedBy(q: Queryable, bodyIds: number[]): Promise<WorkItem[]> {
  if (bodyIds.length === 0) return [];
  const { rows } = await sql<{
    slug: string;
    title_mn: string | null;
    title_en: string | null;
    id: number;
    number: number;
    sequence: number;
    m_title_mn: string | null;
    m_title_en: string | null;
    due: string;
    status: ProgressValueColumns['status'];
    status_up_to: ProgressValueColumns['status_up_to'];
    reported_at: Date | null;
    lead_slug: string;
    cso: [ProgressValueColumns['status'], ProgressValueColumns['status_up_to']][];
  }>`
    SELECT p.slug, p.title_mn, p.title_en, m.id, c.number, m.sequence, m.title_mn AS m_title_mn, m.title_en AS m_title_en,
      coalesce(m.due_on, p.period_end)::text AS due, r.status, r.status_up_to, r.reported_at, o.slug AS lead_slug,
      ${CSO_LATEST_STATUSES} AS cso
    FROM commitment_milestone m
    JOIN commitment c ON c.id = m.commitment_id
    JOIN commitment_plan p ON p.id = c.plan_id
    JOIN organisation o ON o.id = m.lead_body_id
    LEFT JOIN LATERAL (
      SELECT status, status_up_to, reported_at FROM commitment_report WHERE milestone_id = m.id ORDER BY version DESC LIMIT 1
    ) r ON true
    WHERE m.lead_body_id IN (${sql.join(bodyIds)}) AND p.closed_at IS NULL
    ORDER BY coalesce(m.due_on, p.period_end), p.id, c.number, m.sequence
    LIMIT 500`.execute(q);
  return rows.map((r) => {
    const government = fromColumns(r);
    return {
      planSlug: r.slug,
      planTitleMn: r.title_mn,
      planTitleEn: r.title_en,
      milestoneId: r.id,
      commitmentNumber: r.number,
      sequence: r.sequence,
      titleMn: r.m_title_mn,
      titleEn: r.m_title_en,
      due: r.due,
      government,
      lastReportedAt: r.reported_at,
      leadSlug: r.lead_slug,
      disagreements: r.cso.filter(([status, status_up_to]) => disagrees(fromColumns({ status, status_up_to }), government)).length,
    };
  });
}

/** Comments on open plans owned by these bodies that still wait for an answer. */
export async function unansweredComments(q: Queryable, bodyIds: number[]): Promise<{ planSlug: string; count: number; oldest: Date }[]> {
  if (bodyIds.length === 0) return [];
  const rows = await q
    .selectFrom('commitment_comment as k')
    .innerJoin('commitment_plan as p', 'p.id', 'k.plan_id')
    .where('p.owner_body_id', 'in', bodyIds)
    .where('k.answered_at', 'is', null)
    .where((eb) => eb.or([eb('k.organisation_id', 'is', null), eb('k.organisation_id', '!=', eb.ref('p.owner_body_id'))]))
    .groupBy('p.slug')
    .select((eb) => ['p.slug', eb.fn.countAll<number>().as('n'), eb.fn.min('k.commented_at').as('oldest')])
    .execute();
  return rows.map((r) => ({ planSlug: r.slug, count: Number(r.n), oldest: new Date(r.oldest as unknown as string) }));
}

/** Plans owned by, and milestones led or implemented by, an organisation (its page on /bodies). */
export async function involvementOf(q: Queryable, organisationId: number) {
  const [owned, milestones, assessed] = await Promise.all([
    q.selectFrom('commitment_plan').where('owner_body_id', '=', organisationId).select(['slug', 'title_mn', 'title_en', 'period_label', 'closed_at']).orderBy('period_end', 'desc').execute(),
    q
      .selectFrom('commitment_milestone_implementer as i')
      .innerJoin('commitment_milestone as m', 'm.id', 'i.milestone_id')
      .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
      .innerJoin('commitment_plan as p', 'p.id', 'c.plan_id')
      .where('i.organisation_id', '=', organisationId)
      .select((eb) => ['p.slug', 'p.title_mn', 'p.title_en', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(eb.case().when('m.lead_body_id', '=', organisationId).then(1).else(0).end()).as('lead')])
      .groupBy(['p.slug', 'p.title_mn', 'p.title_en', 'p.period_end'])
      .orderBy('p.period_end', 'desc')
      .execute(),
    q
      .selectFrom('commitment_assessment as a')
      .innerJoin('commitment_milestone as m', 'm.id', 'a.milestone_id')
      .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
      .innerJoin('commitment_plan as p', 'p.id', 'c.plan_id')
      .where('a.organisation_id', '=', organisationId)
      .select((eb) => ['p.slug', 'p.title_mn', 'p.title_en', eb.fn.count<number>('a.milestone_id').distinct().as('n')])
      .groupBy(['p.slug', 'p.title_mn', 'p.title_en', 'p.period_end'])
      .orderBy('p.period_end', 'desc')
      .execute(),
  ]);
  return {
    owned: owned.map((p) => ({ slug: p.slug, titleMn: p.title_mn, titleEn: p.title_en, period: p.period_label, closed: p.closed_at !== null })),
    milestones: milestones.map((p) => ({ slug: p.slug, titleMn: p.title_mn, titleEn: p.title_en, count: Number(p.n), lead: Number(p.lead) })),
    assessed: assessed.map((p) => ({ slug: p.slug, titleMn: p.title_mn, titleEn: p.title_en, count: Number(p.n) })),
  };
}

/** Every government report of a plan, every version, for the CSV download. */
export async function planReportHistory(q: Queryable, planId: number) {
  const rows = await reportsQuery(q)
    .innerJoin('commitment_milestone as m', 'm.id', 'r.milestone_id')
    .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
    .where('c.plan_id', '=', planId)
    .select(['c.number', 'm.sequence'])
    .orderBy('c.number')
    .orderBy('m.sequence')
    .orderBy('r.version')
    .execute();
  const files = await filesOf(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...toReport(r, files), commitmentNumber: r.number, sequence: r.sequence }));
}

/** Every CSO assessment of a plan, every version, for the CSV download. */
export async function planAssessmentHistory(q: Queryable, planId: number) {
  const rows = await assessmentsQuery(q)
    .innerJoin('commitment_milestone as m', 'm.id', 'a.milestone_id')
    .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
    .where('c.plan_id', '=', planId)
    .select(['c.number', 'm.sequence'])
    .orderBy('c.number')
    .orderBy('m.sequence')
    .orderBy('a.position')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...toAssessment(r), commitmentNumber: r.number, sequence: r.sequence }));
}
