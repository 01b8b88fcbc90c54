import Type, { type Static } from 'typebox';
import { PROGRESS_VALUES } from './model.js';

/**
 * One schema per input of the commitments pages and API, and the shapes of the JSON
 * answers (documented in /api/openapi.json under the tag 'commitments'). Form bodies are
 * loose strings (`attachValidation: true`): the handler answers with messages written for
 * each field and the page again, never a bare 400.
 */

const slug = Type.String({ maxLength: 80, pattern: '^[a-z0-9-]+$', description: 'The plan’s address, e.g. ogp-nap-iv' });
const id = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });

export const PlanParams = Type.Object({ plan: slug });
export const CommitmentParams = Type.Object({ plan: slug, number: Type.Integer({ minimum: 1, maximum: 999 }) });
export const MilestoneParams = Type.Object({ plan: slug, id });
export const CommentParams = Type.Object({ plan: slug, id });
export const FileParams = Type.Object({ id });
export const UploadParams = Type.Object({ id: Type.String({ format: 'uuid', maxLength: 36 }) });
export type PlanParams = Static<typeof PlanParams>;
export type MilestoneParams = Static<typeof MilestoneParams>;

export const DoneQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })), v: Type.Optional(Type.String({ maxLength: 6 })) });
export const PdfQuery = Type.Object({ lang: Type.Optional(Type.Union([Type.Literal('mn'), Type.Literal('en')], { description: 'Language of the report; the page language by default' })) });

const text = (max: number) => Type.Optional(Type.String({ maxLength: max * 2 }));

export const AssessBody = Type.Object({
  organisation: Type.Optional(Type.String({ maxLength: 12 })),
  status: Type.Optional(Type.String({ maxLength: 60 })),
  justification: text(10_000),
  evidence: text(10_000),
  links: text(6_000),
});
export type AssessBody = Static<typeof AssessBody>;

export const CommentBody = Type.Object({
  organisation: Type.Optional(Type.String({ maxLength: 12 })),
  commitment: Type.Optional(Type.String({ maxLength: 4 })),
  text: text(5_000),
});
export type CommentBody = Static<typeof CommentBody>;

/** The answer's field is named after the comment (answer_<id>) so several forms on one page keep distinct ids. */
export const AnswerBody = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 10_000 }));

// ---- JSON answers ----

const Names = Type.Object({ mn: Type.Union([Type.String(), Type.Null()]), en: Type.Union([Type.String(), Type.Null()]) });
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Status = nullable(Type.Enum([...PROGRESS_VALUES], { description: 'OGP progress scale; completed_or_substantial_progress only where a source report printed that combined band' }));

export const OrgJson = Type.Object({ slug: Type.String(), kind: Type.Union([Type.Literal('body'), Type.Literal('cso')]), name: Names });

const counts = Type.Object(Object.fromEntries([...PROGRESS_VALUES, 'none'].map((k) => [k, Type.Integer()])) as Record<string, ReturnType<typeof Type.Integer>>);
const bands = Type.Object({ green: Type.Integer(), yellow: Type.Integer(), red: Type.Integer(), none: Type.Integer() });

export const FiguresJson = Type.Object(
  {
    milestones: Type.Integer(),
    government: counts,
    government_bands: bands,
    cso: counts,
    cso_bands: bands,
    assessed_by_csos: Type.Integer(),
    disagreements: Type.Integer(),
    overdue: Type.Integer(),
  },
  { description: 'Counted from the milestones: each milestone’s latest government report; for CSOs the most critical current view' },
);

export const FileJson = Type.Object({ id: Type.Integer(), filename: Type.String(), media_type: Type.String(), size: Type.Integer(), url: Type.String() });

export const ReportJson = Type.Object({
  version: Type.Integer(),
  status: Status,
  evidence: nullable(Type.String()),
  lang: Type.String(),
  links: Type.Array(Type.String()),
  files: Type.Array(FileJson),
  body: Type.String({ description: 'Slug of the reporting body' }),
  reported_at: Type.String({ format: 'date-time' }),
  source: Type.Union([Type.Literal('platform'), Type.Literal('import')]),
});

export const AssessmentJson = Type.Object({
  version: Type.Integer(),
  organisation: nullable(OrgJson),
  organisation_as_printed: nullable(Type.String()),
  status: Status,
  justification: nullable(Type.String()),
  evidence: nullable(Type.String()),
  lang: Type.String(),
  links: Type.Array(Type.String()),
  assessed_on: nullable(Type.String({ description: 'Date printed in the source report' })),
  assessed_at: Type.String({ format: 'date-time' }),
  source: Type.Union([Type.Literal('platform'), Type.Literal('import')]),
  kind: nullable(Type.String({ description: 'How the source report classed an imported entry' })),
  disagrees: Type.Boolean({ description: 'Cannot be true together with the government’s current status' }),
});

export const MilestoneJson = Type.Object({
  id: Type.Integer(),
  number: Type.String({ description: 'Commitment and milestone, e.g. 2.3' }),
  sequence: Type.Integer(),
  title: Names,
  lead_body: OrgJson,
  implementers: Type.Array(OrgJson),
  due: Type.String({ description: 'YYYY-MM-DD; the end of the plan’s period unless the milestone has its own' }),
  overdue: Type.Boolean(),
  disagreement: Type.Boolean(),
  government: nullable(ReportJson),
  assessments: Type.Array(AssessmentJson, { description: 'Each organisation’s current assessment' }),
  url: Type.String(),
});

export const CommitmentJson = Type.Object({
  number: Type.Integer(),
  title: Names,
  objective: Names,
  lead_bodies: Type.Array(OrgJson),
  partners: Type.Array(OrgJson),
  figures: FiguresJson,
  milestones: Type.Array(MilestoneJson),
  url: Type.String(),
});

export const PlanSummaryJson = Type.Object({
  slug: Type.String(),
  kind: Type.Union([Type.Literal('national'), Type.Literal('local')]),
  title: Names,
  owner: OrgJson,
  place: nullable(Type.Object({ code: Type.String(), name: Names })),
  period: Type.Object({ label: Type.String(), start: Type.String(), end: Type.String() }),
  closed_at: nullable(Type.String({ format: 'date-time' })),
  figures: FiguresJson,
  url: Type.String(),
});

export const StatedJson = Type.Object(
  {
    commitments: nullable(Type.Integer()),
    milestones: nullable(Type.Integer()),
    completed: nullable(Type.Integer()),
    in_progress: nullable(Type.Integer()),
    not_started: nullable(Type.Integer()),
    note: nullable(Type.String()),
  },
  { description: 'The summary the plan’s own report states; shown beside the computed figures' },
);

export const PlanJson = Type.Intersect([PlanSummaryJson, Type.Object({ stated: StatedJson, commitments: Type.Array(CommitmentJson) })]);

export const MilestoneDetailJson = Type.Intersect([
  MilestoneJson,
  Type.Object({ plan: Type.String(), commitment: Type.Integer(), reports: Type.Array(ReportJson, { description: 'Every version, newest first' }), assessment_history: Type.Array(AssessmentJson) }),
]);

export const CommentJson = Type.Object({
  id: Type.Integer(),
  commitment: nullable(Type.Integer()),
  section: nullable(Type.String()),
  author: Type.Object({
    kind: Type.Union([Type.Literal('organisation'), Type.Literal('person'), Type.Literal('as_printed')]),
    organisation: nullable(OrgJson),
    name_as_printed: nullable(Type.String()),
  }),
  by_owner: Type.Boolean({ description: 'The plan owner’s own text (imported report), which needs no answer' }),
  text: Type.String(),
  lang: Type.String(),
  date: Type.String({ description: 'YYYY-MM-DD' }),
  answer: nullable(Type.Object({ body: OrgJson, text: Type.String(), lang: Type.String(), answered_at: Type.String({ format: 'date-time' }) })),
});
