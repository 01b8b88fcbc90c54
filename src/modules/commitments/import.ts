import { sql } from 'kysely';
import type { Db, Queryable, Tx } from '../../shared/db/database.js';
import { AppError, type FieldError } from '../../shared/errors.js';
import { appendPublicEvent } from '../../shared/public-record/append.js';
import { createBody, lockOrganisations } from '../bodies/commands/bodies.js';
import { createCso } from '../bodies/commands/organisations.js';
import { isSlug, NAME_MAX, type BodyType } from '../bodies/schemas.js';
import { transliterate } from '../places/transliterate.js';
import { planImported, planSubject } from './events.js';
import { isRealDate, periodFromLabel, shapeProblems, type CommitmentEntry, type FileProblem, type MilestoneEntry, type PlanDocument } from './format.js';
import { KNOWN_ORGANISATIONS, OWNER, type KnownOrganisation } from './known-organisations.js';
import { isHttpUrl, toColumns, type PlanKind } from './model.js';

/**
 * Import of a plan file (the structure of plan-files/ogp-nap4-mongolia.json, see format.ts).
 *
 *   checkPlanFile(db, document, options) → every problem of the file, and what importing it
 *                                          would do (organisations found and to be created)
 *   importPlan(tx, document, options, now) → the plan with its commitments, milestones, the
 *                                          government's reports, the NGOs' assessments and
 *                                          comments, in the caller's transaction
 *
 * A file with any problem is refused as a whole ('commitments.invalid_file', 422, one field
 * error per problem naming where it is), so nothing is half-written. Names of organisations
 * are matched to the platform's organisations (known-organisations.ts first, then exact
 * names in either language); a name that matches none becomes a new body (lead and
 * implementing organisations) or CSO (NGOs) through the bodies module's commands.
 */

export interface ImportOptions {
  slug: string;
  ownerBodyId: number;
  kind: PlanKind;
  placeCode: string | null;
}

type Role = 'body' | 'cso' | 'any';

/** Addresses under /commitments/ that are pages of their own, not plans. */
export const RESERVED_SLUGS = ['work', 'import', 'files', 'new'];

export type Resolution =
  | { name: string; action: 'existing'; id: number; slug: string; kind: 'body' | 'cso'; nameMn: string; nameEn: string }
  | { name: string; action: 'create'; slug: string; kind: 'body' | 'cso'; type: BodyType | null; nameMn: string; nameEn: string; superior: string | null; website: string | null }
  | { name: string; action: 'owner' };

export interface PlanFileCheck {
  problems: FileProblem[];
  /** Every organisation name of the file and what it becomes; empty when the shape is wrong. */
  organisations: Resolution[];
  counts: { commitments: number; milestones: number; reports: number; assessments: number; comments: number };
  title: string;
  period: { label: string; start: string; end: string } | null;
}

export interface ImportResult {
  planId: number;
  slug: string;
  counts: PlanFileCheck['counts'];
  created: { slug: string; kind: 'body' | 'cso'; nameEn: string }[];
}

/** Names of a milestone's implementing organisations: 'A, B' is two names unless 'A, B' is itself one known name. */
export function splitOrganisations(printed: string, isName: (name: string) => boolean): string[] {
  const parts = printed
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const names: string[] = [];
  for (let i = 0; i < parts.length; ) {
    let taken = 1;
    for (let j = parts.length; j > i + 1; j--) {
      if (isName(parts.slice(i, j).join(', '))) {
        taken = j - i;
        break;
      }
    }
    names.push(parts.slice(i, i + taken).join(', '));
    i += taken;
  }
  return names;
}

function normalise(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’'`]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\s+(ngo|тбб)$/u, '')
    .trim();
}

export function slugify(name: string): string {
  const slug = transliterate(name)
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/g, '');
  return slug || 'organisation';
}

interface OrganisationRow {
  id: number;
  slug: string;
  kind: 'body' | 'cso';
  name_mn: string;
  name_en: string;
}

/** Matches names to organisations; plans the ones to create, with unique slugs. */
class Resolver {
  private byName = new Map<string, OrganisationRow>();
  private bySlug = new Map<string, OrganisationRow>();
  private planned = new Map<string, Resolution>();
  private takenSlugs = new Set<string>();

  constructor(rows: OrganisationRow[]) {
    for (const row of rows) {
      this.bySlug.set(row.slug, row);
      this.takenSlugs.add(row.slug);
      for (const n of [row.name_en, row.name_mn]) if (!this.byName.has(normalise(n))) this.byName.set(normalise(n), row);
    }
  }

  isName = (name: string): boolean => name in KNOWN_ORGANISATIONS || this.byName.has(normalise(name));

  resolve(name: string, role: Role): Resolution {
    const key = `${name}\u0000${role}`;
    const done = this.planned.get(key);
    if (done) return done;
    const resolution = this.decide(name, role);
    this.planned.set(key, resolution);
    return resolution;
  }

  private decide(name: string, role: Role): Resolution {
    const known = KNOWN_ORGANISATIONS[name];
    if (known === OWNER) return { name, action: 'owner' };
    if (known) {
      const row = this.bySlug.get(known.slug);
      if (row) return existing(name, row);
      return this.create(name, known.kind, known);
    }
    const row = this.byName.get(normalise(name));
    if (row) return existing(name, row);
    // The same new name met twice (as a lead body, then in a comment) is one organisation.
    for (const r of this.planned.values()) if (r.action === 'create' && r.name === name) return { ...r };
    return this.create(name, role === 'body' ? 'body' : 'cso', null);
  }

  private create(name: string, kind: 'body' | 'cso', known: KnownOrganisation | null): Resolution {
    // Two printed names of one known organisation ('Minister of…', 'Ministry of…') are one new organisation.
    if (known) {
      for (const r of this.planned.values()) if (r.action === 'create' && r.slug === known.slug) return { ...r, name };
    }
    let slug = known?.slug ?? slugify(name);
    if (!known || this.takenSlugs.has(slug)) {
      const stem = slug;
      for (let n = 2; this.takenSlugs.has(slug); n++) slug = `${stem}-${n}`;
    }
    this.takenSlugs.add(slug);
    const nameEn = (known?.nameEn ?? name).slice(0, NAME_MAX);
    const type: BodyType | null = kind === 'body' ? (known?.type ?? (/^ministry\b/i.test(name) ? 'ministry' : 'agency')) : null;
    const superior = known?.superior && this.bySlug.has(known.superior) ? known.superior : null;
    return { name, action: 'create', slug, kind, type, nameMn: (known?.nameMn ?? name).slice(0, NAME_MAX), nameEn, superior, website: known?.website ?? null };
  }
}

function existing(name: string, row: OrganisationRow): Resolution {
  return { name, action: 'existing', id: row.id, slug: row.slug, kind: row.kind, nameMn: row.name_mn, nameEn: row.name_en };
}

function languageOf(document: PlanDocument): 'mn' | 'en' {
  return document.language === 'mn' ? 'mn' : 'en';
}

/** Period of the plan: explicit dates, else the years of the label ('2021-2023'). */
function periodOf(document: PlanDocument): { label: string; start: string; end: string } | null {
  const plan = document.plan;
  const fromLabel = periodFromLabel(plan.period);
  const start = plan.period_start ?? fromLabel?.start;
  const end = plan.period_end ?? fromLabel?.end;
  if (!start || !end || !isRealDate(start) || !isRealDate(end) || end < start) return null;
  return { label: plan.period, start, end };
}

function countsOf(document: PlanDocument): PlanFileCheck['counts'] {
  let milestones = 0;
  let reports = 0;
  let assessments = 0;
  for (const c of document.commitments) {
    for (const m of c.milestones) {
      milestones++;
      if (m.government_assessment !== null || m.evidence !== null) reports++;
      assessments += m.ngo_assessments.length;
    }
  }
  return { commitments: document.commitments.length, milestones, reports, assessments, comments: document.recommendations_and_comments?.length ?? 0 };
}

async function organisationRows(q: Queryable): Promise<OrganisationRow[]> {
  return q.selectFrom('organisation').select(['id', 'slug', 'kind', 'name_mn', 'name_en']).orderBy('id').execute();
}

/**
 * Checks a parsed plan file against the format and the database, without writing:
 * every problem (shape, duplicate numbers, impossible dates, a CSO named as a lead body,
 * links that are not addresses, an owner that is not a body, a slug in use) and the
 * organisations the import would find or create.
 */
export async function checkPlanFile(q: Queryable, document: unknown, options: ImportOptions): Promise<PlanFileCheck> {
  const empty: PlanFileCheck = { problems: [], organisations: [], counts: { commitments: 0, milestones: 0, reports: 0, assessments: 0, comments: 0 }, title: '', period: null };
  const problems: FileProblem[] = [];
  if (!isSlug(options.slug)) problems.push({ path: 'slug', problem: 'slug_format' });
  else if (RESERVED_SLUGS.includes(options.slug)) problems.push({ path: 'slug', problem: 'slug_taken' });
  else if (await q.selectFrom('commitment_plan').where('slug', '=', options.slug).select('id').executeTakeFirst()) problems.push({ path: 'slug', problem: 'slug_taken' });
  const owner = await q.selectFrom('body').where('organisation_id', '=', options.ownerBodyId).select('organisation_id').executeTakeFirst();
  if (!owner) problems.push({ path: 'owner', problem: 'unknown_owner' });
  if (options.kind === 'local' && !options.placeCode) problems.push({ path: 'place', problem: 'local_needs_place' });
  if (options.kind === 'national' && options.placeCode) problems.push({ path: 'place', problem: 'national_has_no_place' });
  if (options.placeCode && !(await q.selectFrom('place').where('code', '=', options.placeCode).select('code').executeTakeFirst())) problems.push({ path: 'place', problem: 'unknown_place' });

  const shape = shapeProblems(document);
  if (shape.length) return { ...empty, problems: [...problems, ...shape] };
  const doc = document as PlanDocument;

  const period = periodOf(doc);
  if (!period) problems.push({ path: 'plan.period', problem: 'bad_period' });
  for (const [path, value] of [
    ['plan.period_start', doc.plan.period_start],
    ['plan.period_end', doc.plan.period_end],
  ] as const) {
    if (value && !isRealDate(value)) problems.push({ path, problem: 'not_a_date' });
  }

  const resolver = new Resolver(await organisationRows(q));
  const resolutions = new Map<string, Resolution>();
  const need = (name: string, role: Role, path: string) => {
    const r = resolver.resolve(name, role);
    const kind = r.action === 'owner' ? 'body' : r.kind;
    if (role === 'body' && kind !== 'body') problems.push({ path, problem: 'lead_not_a_body', params: { name } });
    if (role === 'cso' && kind !== 'cso') problems.push({ path, problem: 'assessor_not_a_cso', params: { name } });
    if (!resolutions.has(`${name}|${r.action}`)) resolutions.set(`${name}|${r.action}`, r);
    return r;
  };

  const numbers = new Set<number>();
  doc.commitments.forEach((c: CommitmentEntry, ci) => {
    const at = `commitments[${ci + 1}]`;
    if (numbers.has(c.number)) problems.push({ path: `${at}.number`, problem: 'duplicate_number', params: { number: c.number } });
    numbers.add(c.number);
    const parties = new Map<string, string>();
    const party = (name: string, role: Role, path: string) => {
      const r = need(name, role, path);
      const id = r.action === 'owner' ? 'owner' : r.slug;
      const before = parties.get(id);
      if (before !== undefined) problems.push({ path, problem: 'same_organisation_twice', params: { name, other: before } });
      else parties.set(id, name);
    };
    c.lead_bodies.forEach((name, i) => party(name, 'body', `${at}.lead_bodies[${i + 1}]`));
    (c.partners ?? []).forEach((name, i) => party(name, 'any', `${at}.partners[${i + 1}]`));
    const sequences = new Set<number>();
    c.milestones.forEach((m: MilestoneEntry, mi) => {
      const mat = `${at}.milestones[${mi + 1}]`;
      if (sequences.has(m.sequence)) problems.push({ path: `${mat}.sequence`, problem: 'duplicate_sequence', params: { sequence: m.sequence } });
      sequences.add(m.sequence);
      if (m.title === null && !m.title_mn && !m.title_en && !m.title_raw && !m.title_candidate) problems.push({ path: `${mat}.title`, problem: 'no_title' });
      if (m.due && !isRealDate(m.due)) problems.push({ path: `${mat}.due`, problem: 'not_a_date' });
      const implementers = splitOrganisations(m.implementing_organization, resolver.isName);
      implementers.forEach((name, i) => need(name, i === 0 ? 'body' : 'any', `${mat}.implementing_organization`));
      (m.evidence_links ?? []).forEach((link, i) => {
        if (!isHttpUrl(link)) problems.push({ path: `${mat}.evidence_links[${i + 1}]`, problem: 'not_a_link' });
      });
      m.ngo_assessments.forEach((n, ni) => {
        const nat = `${mat}.ngo_assessments[${ni + 1}]`;
        if (n.organization !== null) need(n.organization, 'cso', `${nat}.organization`);
        if (n.date && !isRealDate(n.date)) problems.push({ path: `${nat}.date`, problem: 'not_a_date' });
        (n.links ?? []).forEach((link, i) => {
          if (!isHttpUrl(link)) problems.push({ path: `${nat}.links[${i + 1}]`, problem: 'not_a_link' });
        });
        if (n.organization === null && n.assessment === null && !n.text && !n.justification) problems.push({ path: nat, problem: 'empty_entry' });
      });
      (m.additional_comments ?? []).forEach((a, ai) => {
        if (a.date && !isRealDate(a.date)) problems.push({ path: `${mat}.additional_comments[${ai + 1}].date`, problem: 'not_a_date' });
      });
    });
  });
  (doc.recommendations_and_comments ?? []).forEach((entry, i) => {
    const at = `recommendations_and_comments[${i + 1}]`;
    need(entry.organization, 'any', `${at}.organization`);
    if (entry.date && !isRealDate(entry.date)) problems.push({ path: `${at}.date`, problem: 'not_a_date' });
    if (entry.answer) {
      need(entry.answer.body, 'body', `${at}.answer.body`);
      if (!isRealDate(entry.answer.date)) problems.push({ path: `${at}.answer.date`, problem: 'not_a_date' });
    }
  });
  return { problems, organisations: [...resolutions.values()], counts: countsOf(doc), title: doc.plan.title, period };
}

/** The refusal of a file: 422 with one field error per problem. */
export function invalidFile(problems: FileProblem[]): AppError {
  const fields: FieldError[] = problems.map((p) => ({ field: p.path, key: `commitments:import.problem.${p.problem}`, params: { path: p.path, ...(p.params ?? {}) } }));
  return new AppError('commitments.invalid_file', { status: 422, fields, params: { count: problems.length } });
}

/** Midnight at the start of a day in Ulaanbaatar (UTC+8 all year). */
function startOfLocalDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The date printed on the report's cover, if any: imported reports were made then, not when loaded. */
function reportDate(document: PlanDocument): string | null {
  const report = document.report as Record<string, unknown> | undefined;
  const day = report && typeof report.date_on_cover === 'string' ? report.date_on_cover : null;
  return day && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(day) && isRealDate(day) ? day : null;
}

const MODELLED_PLAN_KEYS = ['title', 'title_mn', 'title_en', 'period', 'period_start', 'period_end', 'background', 'background_mn', 'background_en', 'process', 'process_mn', 'process_en'];
const MODELLED_SUMMARY_KEYS = ['commitments', 'milestones_total_reported', 'milestones_completed_reported', 'milestones_progress_reported', 'milestones_not_started_reported', 'note'];
const MODELLED_TOP_KEYS = ['plan', 'commitments', 'lessons', 'lessons_mn', 'lessons_en', 'recommendations', 'recommendations_mn', 'recommendations_en', 'recommendations_and_comments'];

/** The file without what the tables hold: kept as it is for the report and the export. */
export function unmodelledParts(document: PlanDocument): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(document)) if (!MODELLED_TOP_KEYS.includes(k)) rest[k] = v;
  const plan: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(document.plan)) if (!MODELLED_PLAN_KEYS.includes(k) && k !== 'summary') plan[k] = v;
  if (document.plan.summary) {
    const summary: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(document.plan.summary)) if (!MODELLED_SUMMARY_KEYS.includes(k)) summary[k] = v;
    plan.summary = summary;
  }
  rest.plan = plan;
  return rest;
}

const join = (list: string[] | undefined) => (list && list.length ? list.join('\n\n') : null);

/**
 * Imports a checked plan file in the caller's transaction (the organisations it needs,
 * the plan, its commitments and milestones, the reports, assessments and comments) and
 * records `commitments.plan_imported`. Refuses the whole file on any problem.
 */
export async function importPlan(tx: Tx, document: unknown, options: ImportOptions, now: Date): Promise<ImportResult> {
  // Organisation names and slugs are decided under the bodies module's lock.
  await lockOrganisations(tx);
  await sql`SELECT pg_advisory_xact_lock(hashtext('irgen:commitment-plans'))`.execute(tx);
  const check = await checkPlanFile(tx, document, options);
  if (check.problems.length) throw invalidFile(check.problems);
  const doc = document as PlanDocument;
  const lang = languageOf(doc);
  const period = check.period!;

  const created: ImportResult['created'] = [];
  const ids = new Map<string, number>();
  for (const r of check.organisations) {
    if (r.action === 'owner') continue;
    if (r.action === 'existing' || ids.has(r.slug)) {
      if (r.action === 'existing') ids.set(r.slug, r.id);
      continue;
    }
    const id =
      r.kind === 'body'
        ? await createBody(tx, { slug: r.slug, type: r.type ?? 'agency', nameMn: r.nameMn, nameEn: r.nameEn, placeCode: null, superiorSlug: r.superior, website: r.website }, now)
        : await createCso(tx, { slug: r.slug, nameMn: r.nameMn, nameEn: r.nameEn, website: r.website }, now);
    ids.set(r.slug, id);
    created.push({ slug: r.slug, kind: r.kind, nameEn: r.nameEn });
  }
  const resolver = new Resolver(await organisationRows(tx));
  const idOf = (name: string, role: Role): number => {
    const r = resolver.resolve(name, role);
    if (r.action === 'owner') return options.ownerBodyId;
    if (r.action === 'existing') return r.id;
    throw new Error(`organisation "${name}" was not created`);
  };

  const owner = await tx.selectFrom('organisation').where('id', '=', options.ownerBodyId).select(['slug']).executeTakeFirstOrThrow();
  const printedDay = reportDate(doc);
  const sourceAt = printedDay ? startOfLocalDay(printedDay) : now;
  // Texts without a suffix are in the file's language; the suffixed ones in the other.
  const pair = (main: string | null | undefined, mn: string | null | undefined, en: string | null | undefined) =>
    lang === 'en' ? { mn: mn ?? null, en: main ?? null } : { mn: main ?? null, en: en ?? null };
  const paras = (main: string[] | undefined, mn: string[] | undefined, en: string[] | undefined) => pair(join(main), join(mn), join(en));
  const title = pair(doc.plan.title, doc.plan.title_mn, doc.plan.title_en);
  const introduction = paras(doc.plan.background, doc.plan.background_mn, doc.plan.background_en);
  const process = paras(doc.plan.process, doc.plan.process_mn, doc.plan.process_en);
  const lessons = paras(doc.lessons, doc.lessons_mn, doc.lessons_en);
  const recommendations = paras(doc.recommendations, doc.recommendations_mn, doc.recommendations_en);
  const summary = doc.plan.summary;
  const plan = await tx
    .insertInto('commitment_plan')
    .values({
      slug: options.slug,
      kind: options.kind,
      title_mn: title.mn,
      title_en: title.en,
      owner_body_id: options.ownerBodyId,
      place_code: options.placeCode,
      period_label: period.label,
      period_start: period.start,
      period_end: period.end,
      introduction_mn: introduction.mn,
      introduction_en: introduction.en,
      process_mn: process.mn,
      process_en: process.en,
      lessons_mn: lessons.mn,
      lessons_en: lessons.en,
      recommendations_mn: recommendations.mn,
      recommendations_en: recommendations.en,
      stated_commitments: summary?.commitments ?? null,
      stated_milestones: summary?.milestones_total_reported ?? null,
      stated_completed: summary?.milestones_completed_reported ?? null,
      stated_in_progress: summary?.milestones_progress_reported ?? null,
      stated_not_started: summary?.milestones_not_started_reported ?? null,
      stated_note: summary?.note ?? null,
      source_extra: JSON.stringify(unmodelledParts(doc)),
      source: 'import',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  for (const c of doc.commitments) {
    const commitment = await tx
      .insertInto('commitment')
      .values({
        plan_id: plan.id,
        number: c.number,
        title_mn: pair(c.title, c.title_mn, c.title_en).mn,
        title_en: pair(c.title, c.title_mn, c.title_en).en,
        title_as_printed: c.title_as_printed ?? null,
        objective_mn: pair(c.objective, c.objective_mn, c.objective_en).mn,
        objective_en: pair(c.objective, c.objective_mn, c.objective_en).en,
        note: c.note ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const parties = [...c.lead_bodies.map((name) => ({ name, role: 'lead' as const })), ...(c.partners ?? []).map((name) => ({ name, role: 'partner' as const }))];
    await tx
      .insertInto('commitment_party')
      .values(parties.map((p, position) => ({ commitment_id: commitment.id, organisation_id: idOf(p.name, p.role === 'lead' ? 'body' : 'any'), role: p.role, position, name_as_printed: p.name })))
      .execute();

    for (const m of c.milestones) {
      const implementers = splitOrganisations(m.implementing_organization, resolver.isName);
      const leadId = idOf(implementers[0]!, 'body');
      const milestone = await tx
        .insertInto('commitment_milestone')
        .values({
          commitment_id: commitment.id,
          sequence: m.sequence,
          title_mn: pair(m.title, m.title_mn, m.title_en).mn,
          title_en: pair(m.title, m.title_mn, m.title_en).en,
          title_raw: m.title_raw ?? null,
          title_candidate: m.title_candidate ?? null,
          lead_body_id: leadId,
          implementing_as_printed: m.implementing_organization,
          due_on: m.due ?? null,
          note: m.note ?? null,
          additional_comments: JSON.stringify(m.additional_comments ?? []),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const implementerIds = [...new Set(implementers.map((name, i) => idOf(name, i === 0 ? 'body' : 'any')))];
      await tx
        .insertInto('commitment_milestone_implementer')
        .values(implementerIds.map((organisation_id, position) => ({ milestone_id: milestone.id, organisation_id, position })))
        .execute();
      if (m.government_assessment !== null || m.evidence !== null) {
        await tx
          .insertInto('commitment_report')
          .values({
            milestone_id: milestone.id,
            version: 1,
            ...toColumns(m.government_assessment),
            evidence: m.evidence,
            lang,
            links: m.evidence_links ?? [],
            body_id: leadId,
            reported_by: null,
            reported_at: sourceAt,
            source: 'import',
          })
          .execute();
      }
      const versions = new Map<number, number>();
      let position = 0;
      for (const n of m.ngo_assessments) {
        const organisationId = n.organization === null ? null : idOf(n.organization, 'cso');
        const version = organisationId === null ? 1 : (versions.get(organisationId) ?? 0) + 1;
        if (organisationId !== null) versions.set(organisationId, version);
        await tx
          .insertInto('commitment_assessment')
          .values({
            milestone_id: milestone.id,
            organisation_id: organisationId,
            organisation_as_printed: n.organization,
            version,
            ...toColumns(n.assessment),
            justification: n.justification,
            evidence: n.text,
            lang,
            links: n.links ?? [],
            assessed_on: n.date,
            assessed_at: n.date ? startOfLocalDay(n.date) : sourceAt,
            assessed_by: null,
            source: 'import',
            import_kind: n.kind,
            position: position++,
            note: n.note ?? null,
          })
          .execute();
      }
    }
  }

  let position = 0;
  for (const entry of doc.recommendations_and_comments ?? []) {
    await tx
      .insertInto('commitment_comment')
      .values({
        plan_id: plan.id,
        commitment_id: null,
        section: entry.section,
        organisation_id: idOf(entry.organization, 'any'),
        author_id: null,
        author_as_printed: entry.organization,
        text: entry.text,
        lang,
        commented_on: entry.date,
        commented_at: entry.date ? startOfLocalDay(entry.date) : sourceAt,
        source: 'import',
        position: position++,
        note: entry.note ?? null,
        ...(entry.answer
          ? { answer: entry.answer.text, answer_lang: lang, answered_at: startOfLocalDay(entry.answer.date), answer_body_id: idOf(entry.answer.body, 'body'), answered_by: null }
          : {}),
      })
      .execute();
  }

  await appendPublicEvent(tx, {
    kind: planImported,
    subject: planSubject(options.slug),
    payload: { plan: options.slug, kind: options.kind, owner: owner.slug, title_mn: title.mn, title_en: title.en, commitments: check.counts.commitments, milestones: check.counts.milestones },
    occurredAt: now,
  });
  return { planId: plan.id, slug: options.slug, counts: check.counts, created };
}

/** Imports in a transaction of its own. */
export async function importPlanFile(db: Db, document: unknown, options: ImportOptions, now: Date): Promise<ImportResult> {
  return db.transaction().execute((tx) => importPlan(tx, document, options, now));
}
