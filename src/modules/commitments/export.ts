import type { Queryable } from '../../shared/db/database.js';
import { localDay } from '../../shared/i18n/format.js';
import type { AdditionalComment, CommentEntry, CommitmentEntry, MilestoneEntry, NgoEntry, PlanDocument } from './format.js';
import { fromColumns, paragraphs } from './model.js';

/**
 * A plan as a plan file (the structure of plan-files/ogp-nap4-mongolia.json, see format.ts):
 * what import.ts reads, so a plan can move between platforms and be loaded again.
 * Each milestone carries its current government report and every organisation's current
 * assessment (the file has no versions; the JSON API has them). Parts of an imported file
 * the tables do not model come back as they were, so importing the NAP IV file and
 * exporting it gives the same document.
 */
export async function exportPlan(q: Queryable, planId: number): Promise<PlanDocument> {
  const plan = await q.selectFrom('commitment_plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
  const extra = (typeof plan.source_extra === 'string' ? JSON.parse(plan.source_extra) : plan.source_extra) as Record<string, unknown>;
  const lang: 'mn' | 'en' = extra.language === 'mn' ? 'mn' : 'en';
  const main = <T,>(mn: T, en: T): T => (lang === 'mn' ? mn : en);
  const otherLang = lang === 'en' ? 'mn' : 'en';
  /** `{ title_mn: … }` in an English file (`title_en` in a Mongolian one) when that text exists. */
  const other = (key: string, mn: string | null, en: string | null): Record<string, string> => {
    const value = lang === 'en' ? mn : en;
    return value ? { [`${key}_${otherLang}`]: value } : {};
  };
  const otherList = (key: string, mn: string | null, en: string | null): Record<string, string[]> => {
    const list = paragraphs(lang === 'en' ? mn : en);
    return list.length ? { [`${key}_${otherLang}`]: list } : {};
  };

  const [commitments, parties, milestones, reports, assessments, comments] = await Promise.all([
    q.selectFrom('commitment').selectAll().where('plan_id', '=', planId).orderBy('number').execute(),
    q
      .selectFrom('commitment_party as p')
      .innerJoin('commitment as c', 'c.id', 'p.commitment_id')
      .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
      .where('c.plan_id', '=', planId)
      .select(['p.commitment_id', 'p.role', 'p.position', 'p.name_as_printed', 'o.name_en', 'o.name_mn'])
      .orderBy('p.position')
      .execute(),
    q
      .selectFrom('commitment_milestone as m')
      .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
      .innerJoin('organisation as lead', 'lead.id', 'm.lead_body_id')
      .where('c.plan_id', '=', planId)
      .selectAll('m')
      .select(['lead.name_en as lead_en', 'lead.name_mn as lead_mn'])
      .orderBy('m.sequence')
      .execute(),
    q
      .selectFrom('commitment_report as r')
      .innerJoin('commitment_milestone as m', 'm.id', 'r.milestone_id')
      .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
      .where('c.plan_id', '=', planId)
      .distinctOn('r.milestone_id')
      .select(['r.milestone_id', 'r.status', 'r.status_up_to', 'r.evidence', 'r.links'])
      .orderBy('r.milestone_id')
      .orderBy('r.version', 'desc')
      .execute(),
    q
      .selectFrom('commitment_assessment as a')
      .innerJoin('commitment_milestone as m', 'm.id', 'a.milestone_id')
      .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
      .leftJoin('organisation as o', 'o.id', 'a.organisation_id')
      .where('c.plan_id', '=', planId)
      .selectAll('a')
      .select(['o.name_en as org_en', 'o.name_mn as org_mn'])
      .orderBy('a.milestone_id')
      .orderBy('a.position')
      .orderBy('a.id')
      .execute(),
    q
      .selectFrom('commitment_comment as k')
      .leftJoin('organisation as o', 'o.id', 'k.organisation_id')
      .leftJoin('organisation as b', 'b.id', 'k.answer_body_id')
      .where('k.plan_id', '=', planId)
      .selectAll('k')
      .select(['o.name_en as org_en', 'o.name_mn as org_mn', 'b.name_en as body_en', 'b.name_mn as body_mn'])
      .orderBy('k.position')
      .orderBy('k.id')
      .execute(),
  ]);

  const orgName = (printed: string | null, mn: string | null, en: string | null): string | null => printed ?? (lang === 'mn' ? mn : en) ?? mn ?? en;
  const reportOf = new Map(reports.map((r) => [r.milestone_id, r]));
  // An organisation's current view is its highest version; entries without an organisation stand alone.
  const currentAssessments = assessments.filter((a) => a.organisation_id === null || !assessments.some((b) => b.milestone_id === a.milestone_id && b.organisation_id === a.organisation_id && b.version > a.version));

  const commitmentEntries: CommitmentEntry[] = commitments.map((c) => {
    const own = parties.filter((p) => p.commitment_id === c.id);
    const partners = own.filter((p) => p.role === 'partner').map((p) => orgName(p.name_as_printed, p.name_mn, p.name_en)!);
    const entry: CommitmentEntry = {
      number: c.number,
      title: main(c.title_mn, c.title_en) ?? c.title_en ?? c.title_mn ?? '',
      ...other('title', c.title_mn, c.title_en),
      ...(c.title_as_printed !== null ? { title_as_printed: c.title_as_printed } : {}),
      ...(main(c.objective_mn, c.objective_en) ? { objective: main(c.objective_mn, c.objective_en)! } : {}),
      ...other('objective', c.objective_mn, c.objective_en),
      lead_bodies: own.filter((p) => p.role === 'lead').map((p) => orgName(p.name_as_printed, p.name_mn, p.name_en)!),
      ...(partners.length ? { partners } : {}),
      milestones: milestones
        .filter((m) => m.commitment_id === c.id)
        .map((m): MilestoneEntry => {
          const report = reportOf.get(m.id);
          const ngo: NgoEntry[] = currentAssessments
            .filter((a) => a.milestone_id === m.id)
            .map((a) => ({
              organization: a.source === 'import' ? a.organisation_as_printed : orgName(null, a.org_mn, a.org_en),
              date: a.assessed_on ?? (a.source === 'platform' ? localDay(a.assessed_at) : null),
              assessment: fromColumns(a),
              text: a.evidence,
              justification: a.justification,
              kind: a.import_kind ?? 'assessment',
              ...(a.note !== null ? { note: a.note } : {}),
              ...(a.links.length ? { links: a.links } : {}),
            }));
          const additional = (typeof m.additional_comments === 'string' ? JSON.parse(m.additional_comments) : m.additional_comments) as AdditionalComment[];
          return {
            sequence: m.sequence,
            title: main(m.title_mn, m.title_en),
            ...other('title', m.title_mn, m.title_en),
            ...(m.title_raw !== null ? { title_raw: m.title_raw } : {}),
            ...(m.title_candidate !== null ? { title_candidate: m.title_candidate } : {}),
            implementing_organization: m.implementing_as_printed ?? orgName(null, m.lead_mn, m.lead_en)!,
            ...(m.due_on !== null ? { due: m.due_on } : {}),
            government_assessment: report ? fromColumns(report) : null,
            evidence: report?.evidence ?? null,
            ...(report && report.links.length ? { evidence_links: report.links } : {}),
            ngo_assessments: ngo,
            ngo_recommendations_provided: ngo.length > 0,
            ...(additional.length ? { additional_comments: additional } : {}),
            ...(m.note !== null ? { note: m.note } : {}),
          };
        }),
      ...(c.note !== null ? { note: c.note } : {}),
    };
    return entry;
  });

  const commentEntries: CommentEntry[] = comments.map((k) => ({
    organization: k.author_as_printed ?? orgName(null, k.org_mn, k.org_en) ?? (lang === 'mn' ? 'Иргэн' : 'A citizen'),
    date: k.commented_on ?? (k.source === 'platform' ? localDay(k.commented_at) : null),
    section: k.section,
    text: k.text,
    ...(k.note !== null ? { note: k.note } : {}),
    ...(k.answer !== null && k.answered_at ? { answer: { body: orgName(null, k.body_mn, k.body_en)!, date: localDay(k.answered_at), text: k.answer } } : {}),
  }));

  const keptPlan = (extra.plan ?? {}) as Record<string, unknown>;
  const keptSummary = keptPlan.summary as Record<string, unknown> | undefined;
  const stated = {
    ...(plan.stated_commitments !== null ? { commitments: plan.stated_commitments } : {}),
    ...(plan.stated_milestones !== null ? { milestones_total_reported: plan.stated_milestones } : {}),
    ...(plan.stated_completed !== null ? { milestones_completed_reported: plan.stated_completed } : {}),
    ...(plan.stated_in_progress !== null ? { milestones_progress_reported: plan.stated_in_progress } : {}),
    ...(plan.stated_not_started !== null ? { milestones_not_started_reported: plan.stated_not_started } : {}),
    ...(plan.stated_note !== null ? { note: plan.stated_note } : {}),
  };
  const { summary: _summary, ...keptPlanRest } = keptPlan;
  const texts = (mn: string | null, en: string | null) => paragraphs(main(mn, en));
  const list = (name: string, values: string[]) => (values.length ? { [name]: values } : {});
  const title = main(plan.title_mn, plan.title_en) ?? plan.title_en ?? plan.title_mn ?? '';
  const periodFromLabel = /^[0-9]{4}-[0-9]{4}$/.test(plan.period_label) && plan.period_start === `${plan.period_label.slice(0, 4)}-01-01` && plan.period_end === `${plan.period_label.slice(5)}-12-31`;

  const { plan: _plan, ...keptTop } = extra;
  const document: PlanDocument = {
    ...keptTop,
    plan: {
      title,
      ...other('title', plan.title_mn, plan.title_en),
      period: plan.period_label,
      ...(periodFromLabel ? {} : { period_start: plan.period_start, period_end: plan.period_end }),
      ...keptPlanRest,
      ...(keptSummary || Object.keys(stated).length ? { summary: { ...stated, ...(keptSummary ?? {}) } } : {}),
      ...list('background', texts(plan.introduction_mn, plan.introduction_en)),
      ...otherList('background', plan.introduction_mn, plan.introduction_en),
      ...list('process', texts(plan.process_mn, plan.process_en)),
      ...otherList('process', plan.process_mn, plan.process_en),
    },
    commitments: commitmentEntries,
    ...list('lessons', texts(plan.lessons_mn, plan.lessons_en)),
    ...otherList('lessons', plan.lessons_mn, plan.lessons_en),
    ...list('recommendations', texts(plan.recommendations_mn, plan.recommendations_en)),
    ...otherList('recommendations', plan.recommendations_mn, plan.recommendations_en),
    ...(commentEntries.length ? { recommendations_and_comments: commentEntries } : {}),
  };
  return document;
}
