import Type, { type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { PROGRESS_VALUES } from './model.js';

/**
 * The plan file format: the structure of plan-files/ogp-nap4-mongolia.json (the OGP National
 * Action Plan IV report as data), which import.ts reads and export.ts writes. Fields the
 * NAP IV file has are read as it has them; a few optional ones let other plans say more
 * (due dates, a period as dates, evidence links, answers to comments). Texts without a
 * suffix are in the file's `language` (English by default, as NAP IV is); `title_mn`,
 * `background_mn`… (or `_en` in a Mongolian file) give them in the other language. Inside commitments and
 * milestones unknown fields are refused, so a misspelt field is reported rather than lost;
 * at the top and in 'plan' and 'report' they are kept as they are and exported again.
 */
const text = (max = 20_000) => Type.String({ maxLength: max });
const nonEmpty = (max = 20_000) => Type.String({ minLength: 1, maxLength: max });
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
const date = Type.String({ pattern: DATE_PATTERN, description: 'YYYY-MM-DD' });
const value = Type.Enum([...PROGRESS_VALUES]);
const paragraphsSchema = Type.Array(text(), { maxItems: 200 });
const strict = { additionalProperties: false } as const;

export const NgoEntrySchema = Type.Object(
  {
    organization: nullable(nonEmpty(300)),
    date: nullable(date),
    assessment: nullable(value),
    text: nullable(text()),
    justification: nullable(text()),
    kind: Type.String({ maxLength: 60 }),
    note: Type.Optional(text()),
    links: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 10 })),
  },
  strict,
);

export const AdditionalCommentSchema = Type.Object({ organization: nonEmpty(300), date: nullable(date), text: nonEmpty(), note: Type.Optional(text()) }, strict);

const milestoneSchema = <N extends TSchema, A extends TSchema>(ngo: N, additional: A) =>
  Type.Object(
  {
    sequence: Type.Integer({ minimum: 1, maximum: 999 }),
    title: nullable(nonEmpty(2000)),
    title_mn: Type.Optional(nonEmpty(2000)),
    title_en: Type.Optional(nonEmpty(2000)),
    title_raw: Type.Optional(text(2000)),
    title_candidate: Type.Optional(text(2000)),
    implementing_organization: nonEmpty(600),
    due: Type.Optional(date),
    government_assessment: nullable(value),
    evidence: nullable(text()),
    evidence_links: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 10 })),
    ngo_assessments: Type.Array(ngo, { maxItems: 50 }),
    ngo_recommendations_provided: Type.Optional(Type.Boolean()),
    additional_comments: Type.Optional(Type.Array(additional, { maxItems: 20 })),
    note: Type.Optional(text()),
  },
  strict,
);
export const MilestoneSchema = milestoneSchema(NgoEntrySchema, AdditionalCommentSchema);

const commitmentSchema = <M extends TSchema>(milestone: M) =>
  Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 999 }),
    title: nonEmpty(1000),
    title_mn: Type.Optional(nonEmpty(1000)),
    title_en: Type.Optional(nonEmpty(1000)),
    title_as_printed: Type.Optional(text(1000)),
    objective: Type.Optional(text()),
    objective_mn: Type.Optional(text()),
    objective_en: Type.Optional(text()),
    lead_bodies: Type.Array(nonEmpty(300), { minItems: 1, maxItems: 20 }),
    partners: Type.Optional(Type.Array(nonEmpty(300), { maxItems: 50 })),
    milestones: Type.Array(milestone, { minItems: 1, maxItems: 200 }),
    note: Type.Optional(text()),
  },
  strict,
);
export const CommitmentSchema = commitmentSchema(MilestoneSchema);

export const StatedSummarySchema = Type.Object({
  commitments: Type.Optional(Type.Integer({ minimum: 0 })),
  milestones_total_reported: Type.Optional(Type.Integer({ minimum: 0 })),
  milestones_completed_reported: Type.Optional(Type.Integer({ minimum: 0 })),
  milestones_progress_reported: Type.Optional(Type.Integer({ minimum: 0 })),
  milestones_not_started_reported: Type.Optional(Type.Integer({ minimum: 0 })),
  note: Type.Optional(text()),
});

export const PlanPartSchema = Type.Object({
  title: nonEmpty(500),
  title_mn: Type.Optional(nonEmpty(500)),
  title_en: Type.Optional(nonEmpty(500)),
  period: Type.String({ minLength: 1, maxLength: 40 }),
  period_start: Type.Optional(date),
  period_end: Type.Optional(date),
  summary: Type.Optional(StatedSummarySchema),
  background: Type.Optional(paragraphsSchema),
  background_mn: Type.Optional(paragraphsSchema),
  background_en: Type.Optional(paragraphsSchema),
  process: Type.Optional(paragraphsSchema),
  process_mn: Type.Optional(paragraphsSchema),
  process_en: Type.Optional(paragraphsSchema),
});

/** The body's answer to a comment (not in the NAP IV file; exported by Irgen). */
export const AnswerSchema = Type.Object({ body: nonEmpty(300), date: date, text: nonEmpty() }, strict);

export const CommentEntrySchema = Type.Object(
  {
    organization: nonEmpty(300),
    date: nullable(date),
    section: nullable(text(200)),
    text: nonEmpty(),
    note: Type.Optional(text()),
    answer: Type.Optional(AnswerSchema),
  },
  strict,
);

const documentSchema = <C extends TSchema, E extends TSchema>(commitment: C, comment: E) =>
  Type.Object({
    /** The language of texts without a suffix (evidence, justifications, comments; titles unless _mn). */
    language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('mn')])),
    plan: PlanPartSchema,
    assessment_scale: Type.Optional(Type.Array(value, { maxItems: 10 })),
    commitments: Type.Array(commitment, { minItems: 1, maxItems: 200 }),
    lessons: Type.Optional(paragraphsSchema),
    lessons_mn: Type.Optional(paragraphsSchema),
    lessons_en: Type.Optional(paragraphsSchema),
    recommendations: Type.Optional(paragraphsSchema),
    recommendations_mn: Type.Optional(paragraphsSchema),
    recommendations_en: Type.Optional(paragraphsSchema),
    recommendations_and_comments: Type.Optional(Type.Array(comment, { maxItems: 2000 })),
  });
export const PlanDocumentSchema = documentSchema(CommitmentSchema, CommentEntrySchema);

export type PlanDocument = Static<typeof PlanDocumentSchema> & Record<string, unknown>;
export type CommitmentEntry = Static<typeof CommitmentSchema>;
export type MilestoneEntry = Static<typeof MilestoneSchema>;
export type NgoEntry = Static<typeof NgoEntrySchema>;
export type CommentEntry = Static<typeof CommentEntrySchema>;
export type AdditionalComment = Static<typeof AdditionalCommentSchema>;

/** A problem in a plan file: where (a JSON path such as commitments[2].milestones[0].title) and what. */
export interface FileProblem {
  path: string;
  /** Message key under commitments:import.problem. */
  problem: string;
  params?: Record<string, string | number>;
}

const compiled = Compile(PlanDocumentSchema);
// One level at a time (children as unknown), so every problem of every entry is found:
// the validator's error list of one large nested schema stops early on some inputs.
const levels = {
  document: Compile(documentSchema(Type.Unknown(), Type.Unknown())),
  commitment: Compile(commitmentSchema(Type.Unknown())),
  milestone: Compile(milestoneSchema(Type.Unknown(), Type.Unknown())),
  ngo: Compile(NgoEntrySchema),
  additional: Compile(AdditionalCommentSchema),
  comment: Compile(CommentEntrySchema),
};
type Level = (typeof levels)[keyof typeof levels];

function items(value: unknown, key: string): unknown[] {
  const list = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? list : [];
}

/** '/commitments/2/milestones/0/title' → 'commitments[3].milestones[1].title' (numbered from 1, as people count). */
export function readablePath(pointer: string): string {
  const parts = pointer.split('/').filter(Boolean);
  let out = '';
  for (const part of parts) {
    if (/^[0-9]+$/.test(part)) out += `[${Number(part) + 1}]`;
    else out += out ? `.${part.replace(/~1/g, '/').replace(/~0/g, '~')}` : part;
  }
  return out || '(file)';
}

/**
 * Checks the file's shape and returns every problem at once, in file order, one per place
 * (the most telling of the validator's findings there).
 */
export function shapeProblems(document: unknown): FileProblem[] {
  if (compiled.Check(document)) return [];
  const byPath = new Map<string, FileProblem>();
  collect(levels.document, document, '', byPath);
  items(document, 'commitments').forEach((commitment, c) => {
    collect(levels.commitment, commitment, `/commitments/${c}`, byPath);
    items(commitment, 'milestones').forEach((milestone, m) => {
      const at = `/commitments/${c}/milestones/${m}`;
      collect(levels.milestone, milestone, at, byPath);
      items(milestone, 'ngo_assessments').forEach((entry, n) => collect(levels.ngo, entry, `${at}/ngo_assessments/${n}`, byPath));
      items(milestone, 'additional_comments').forEach((entry, n) => collect(levels.additional, entry, `${at}/additional_comments/${n}`, byPath));
    });
  });
  items(document, 'recommendations_and_comments').forEach((entry, n) => collect(levels.comment, entry, `/recommendations_and_comments/${n}`, byPath));
  return [...byPath.values()];
}

const RANK = ['unknown_field', 'missing', 'not_in_scale', 'not_a_date', 'empty', 'too_long', 'too_many', 'too_few', 'too_small', 'wrong_type', 'invalid'];
const rank = (p: FileProblem) => RANK.indexOf(p.problem);

function collect(level: Level, value: unknown, prefix: string, byPath: Map<string, FileProblem>): void {
  if (level.Check(value)) return;
  for (const error of level.Errors(value)) {
    const e = error as { keyword: string; instancePath: string; params: Record<string, unknown>; schemaPath: string };
    let problem: FileProblem | null = null;
    const pointer = prefix + e.instancePath;
    const at = readablePath(pointer);
    switch (e.keyword) {
      case 'required':
        for (const name of (e.params.requiredProperties as string[] | undefined) ?? [String(e.params.missingProperty ?? '')]) {
          const path = readablePath(`${pointer}/${name}`);
          if (!byPath.has(path)) byPath.set(path, { path, problem: 'missing' });
        }
        continue;
      case 'additionalProperties':
        for (const name of (e.params.additionalProperties as string[] | undefined) ?? []) {
          const path = readablePath(`${pointer}/${name}`);
          byPath.set(path, { path, problem: 'unknown_field' });
        }
        continue;
      case 'boolean':
        // The per-property echo of additionalProperties: already reported.
        continue;
      case 'type':
        problem = { path: at, problem: 'wrong_type', params: { type: String(e.params.type) } };
        break;
      case 'enum':
      case 'const':
      case 'anyOf':
        problem = /(assessment|assessment_scale\[[0-9]+\])$/.test(at) ? { path: at, problem: 'not_in_scale', params: { values: PROGRESS_VALUES.join(', ') } } : { path: at, problem: 'invalid' };
        break;
      case 'pattern':
      case 'format':
        problem = { path: at, problem: 'not_a_date' };
        break;
      case 'minLength':
        problem = { path: at, problem: 'empty' };
        break;
      case 'maxLength':
        problem = { path: at, problem: 'too_long', params: { max: Number(e.params.limit) } };
        break;
      case 'maxItems':
        problem = { path: at, problem: 'too_many', params: { max: Number(e.params.limit) } };
        break;
      case 'minItems':
        problem = { path: at, problem: 'too_few', params: { min: Number(e.params.limit) } };
        break;
      case 'minimum':
      case 'maximum':
        problem = { path: at, problem: 'too_small' };
        break;
      default:
        problem = { path: at, problem: 'invalid' };
    }
    const seen = byPath.get(problem.path);
    if (!seen || rank(problem) < rank(seen)) byPath.set(problem.path, problem);
  }
}

/** A real calendar day ('2023-02-30' is refused even though it matches the pattern). */
export function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** '2021-2023' → the first and last day of those years; null when the label is not two years. */
export function periodFromLabel(label: string): { start: string; end: string } | null {
  const m = /^\s*([0-9]{4})\s*[-–]\s*([0-9]{4})\s*$/.exec(label) ?? /^\s*([0-9]{4})\s*$/.exec(label);
  if (!m) return null;
  const from = Number(m[1]);
  const to = Number(m[2] ?? m[1]);
  if (to < from) return null;
  return { start: `${from}-01-01`, end: `${to}-12-31` };
}
