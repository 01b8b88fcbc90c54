import Type, { type Static } from 'typebox';
import { ErrorResponse } from '../places/schemas.js';
import { AnswerCategorySchema, ChannelSchema, CONSULTATION_KINDS, KindSchema, StatusSchema } from './model.js';

/**
 * One schema per input. Form fields are optional strings: handlers check them against the
 * domain and answer with per-field messages, keeping what the person typed. Path ids are
 * digit strings (anything else is a 404, never a 500).
 */
const text = () => Type.Optional(Type.String());
const csrf = { _csrf: Type.Optional(Type.String()) };
const id = (description: string) => Type.String({ pattern: '^[0-9]{1,10}$', description });

export const IdParams = Type.Object({ id: id('Consultation id') });
export const ArticleParams = Type.Object({ id: id('Consultation id'), unit: id('Article (unit) id: stable across versions') });
export const VersionParams = Type.Object({ id: id('Consultation id'), version: id('Version number, from 1') });
export const VersionArticleParams = Type.Object({ id: id('Consultation id'), version: id('Version number'), unit: id('Article (unit) id') });
export const CommentParams = Type.Object({ id: id('Consultation id'), comment: id('Comment id') });
export const ElementParams = Type.Object({ id: id('Consultation id'), element: id('Element id') });
export const HearingParams = Type.Object({ id: id('Consultation id'), hearing: id('Hearing id') });
export const ModerationParams = Type.Object({ comment: id('Comment id') });

export const ListQuery = Type.Object({ phase: text(), kind: text(), body: text(), page: text() });
export const PageQuery = Type.Object({ page: text(), done: text() });
export const CommentListQuery = Type.Object({ after: text(), before: text(), part: text(), answer: text(), by: text(), done: text() });
export const AnswersQuery = Type.Object({ status: text(), on: text(), by: text(), after: text(), before: text(), select: text(), done: text() });
export const DoneQuery = Type.Object({ done: text() });
export const TokenQuery = Type.Object({ token: text() });

export const DetailsBody = Type.Object({ ...csrf, body: text(), kind: text(), title_mn: text(), title_en: text(), note: text(), opens_on: text(), closes_on: text(), answer_days: text(), text: text() });
export const TextBody = Type.Object({ ...csrf, text: text() });
export const ElementBody = Type.Object({ ...csrf, heading: text(), body: text() });
export const ChangeNoteBody = Type.Object({ ...csrf, change_note: text() });
export const EmptyBody = Type.Object({ ...csrf });
export const CommentBody = Type.Object({ ...csrf, unit: text(), text: text(), on_behalf: text(), place: text(), return_to: text() });
export const ReturnBody = Type.Object({ ...csrf, return_to: text() });
export const FlagBody = Type.Object({ ...csrf, reason: text() });
export const AnswerBody = Type.Object({ ...csrf, comments: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String(), { maxItems: 1000 })])), category: text(), reason: text(), return_query: text() });
export const HearingBody = Type.Object({ ...csrf, day: text(), time: text(), place: text(), how_to_join: text() });
export const MinutesBody = Type.Object({ ...csrf, minutes: text() });
export const HearingCommentBody = Type.Object({ ...csrf, unit: text(), text: text(), organisation: text(), place: text() });
export const ModerationBody = Type.Object({ ...csrf, action: text(), reason: text(), note: text(), text: text() });
export const UnsubscribeBody = Type.Object({ ...csrf, token: text() });

// ---- Open data (JSON). Never names of citizens, emails or accounts.

const Names = Type.Object({ mn: Type.String(), en: Type.Union([Type.String(), Type.Null()]) });
const BodyJson = Type.Object({ slug: Type.String(), name: Type.Object({ mn: Type.String(), en: Type.String() }), url: Type.String() });
const Instant = Type.String({ format: 'date-time' });
const Figures = Type.Object({
  comments: Type.Integer(),
  answered: Type.Integer(),
  unanswered: Type.Integer(),
  accepted: Type.Integer(),
  partly_accepted: Type.Integer(),
  not_accepted: Type.Integer(),
  from_organisations: Type.Integer(),
  from_citizens: Type.Integer(),
  from_hearings: Type.Integer(),
  supports: Type.Integer(),
  answered_late: Type.Integer(),
});

export const ConsultationSummaryJson = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  kind: KindSchema,
  title: Names,
  body: BodyJson,
  status: StatusSchema,
  phase: Type.Enum(['upcoming', 'open', 'closed', 'finished'] as const),
  opens_at: Instant,
  closes_at: Instant,
  answers_due_at: Instant,
  answers_late: Type.Boolean({ description: 'The due date passed with comments still unanswered' }),
  comments: Type.Integer(),
  unanswered: Type.Integer(),
});

export const ConsultationListJson = Type.Object({ items: Type.Array(ConsultationSummaryJson), next: Type.Union([Type.String(), Type.Null()]) });

const VersionJson = Type.Object({ number: Type.Integer(), published_at: Instant, change_note: Type.String(), url: Type.String(), changes_url: Type.Union([Type.String(), Type.Null()]) });
const ArticleSummaryJson = Type.Object({ unit: Type.Integer(), number: Type.String(), heading: Type.String(), url: Type.String(), comments: Type.Integer(), unanswered: Type.Integer() });
const HearingJson = Type.Object({ starts_at: Instant, place: Type.String(), how_to_join: Type.String(), minutes: Type.Union([Type.String(), Type.Null()]), comments: Type.Integer() });

export const ConsultationJson = Type.Intersect([
  ConsultationSummaryJson,
  Type.Object({
    note: Type.String(),
    answer_days: Type.Integer(),
    published_at: Type.Union([Instant, Type.Null()]),
    finished_at: Type.Union([Instant, Type.Null()]),
    figures: Figures,
    versions: Type.Array(VersionJson),
    articles: Type.Array(ArticleSummaryJson),
    hearings: Type.Array(HearingJson),
    report_url: Type.String(),
  }),
]);

const ElementJson = Type.Object({
  unit: Type.Integer({ description: 'Stable identity across versions' }),
  kind: Type.Enum(['preamble', 'chapter', 'article', 'paragraph', 'point'] as const),
  number: Type.String(),
  heading: Type.String(),
  text: Type.String(),
  article_unit: Type.Union([Type.Integer(), Type.Null()]),
});

export const VersionTextJson = Type.Object({ consultation: Type.Integer(), number: Type.Integer(), published_at: Instant, change_note: Type.String(), elements: Type.Array(ElementJson) });

const BlockTextJson = Type.Object({ kind: Type.Enum(['preamble', 'chapter', 'article'] as const), number: Type.String(), heading: Type.String(), text: Type.String() });
const CommentRefJson = Type.Object({ id: Type.Integer(), url: Type.String(), answer: Type.Union([AnswerCategorySchema, Type.Null()]) });

export const VersionChangesJson = Type.Object({
  consultation: Type.Integer(),
  number: Type.Integer(),
  previous: Type.Integer({ description: 'The version this one is compared with' }),
  published_at: Instant,
  change_note: Type.String(),
  summary: Type.Object(
    { changed: Type.Integer(), added: Type.Integer(), removed: Type.Integer(), renumbered: Type.Integer(), unchanged: Type.Integer() },
    { description: 'Articles by what happened to them' },
  ),
  changes: Type.Array(
    Type.Object({
      unit: Type.Integer({ description: 'Stable identity across versions' }),
      status: Type.Enum(['added', 'removed', 'changed', 'renumbered'] as const),
      before: Type.Union([BlockTextJson, Type.Null()]),
      after: Type.Union([BlockTextJson, Type.Null()]),
      diff: Type.Array(Type.Object({ op: Type.Enum(['same', 'added', 'removed'] as const), text: Type.String() }), { description: 'Word diff of the texts: joining same+removed gives the old text, same+added the new' }),
      comments: Type.Array(CommentRefJson, { description: 'Accepted and partly accepted comments this change answers' }),
    }),
  ),
  comments: Type.Array(CommentRefJson, { description: 'Comments on the draft as a whole this version answers' }),
});

export const CommentJson = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  version: Type.Integer({ description: 'The version the commenter read' }),
  article_unit: Type.Union([Type.Integer(), Type.Null()], { description: 'null: the draft as a whole' }),
  unit: Type.Union([Type.Integer(), Type.Null()]),
  on: Type.Union([Type.String(), Type.Null()], { description: 'Article or paragraph number in that version' }),
  by: Type.Union([Type.Literal('citizen'), Type.Object({ organisation: Type.String(), name: Type.Object({ mn: Type.String(), en: Type.String() }) })]),
  channel: ChannelSchema,
  text: Type.String(),
  supports: Type.Integer(),
  published_at: Instant,
  answer: Type.Union([Type.Object({ category: AnswerCategorySchema, reason: Type.String(), answered_at: Instant, revised: Type.Boolean(), on_time: Type.Boolean() }), Type.Null()]),
});

export const CommentListJson = Type.Object({ items: Type.Array(CommentJson), next: Type.Union([Type.String(), Type.Null()]), previous: Type.Union([Type.String(), Type.Null()]) });

export const ReportJson = Type.Object({
  consultation: ConsultationSummaryJson,
  final: Type.Boolean(),
  generated_at: Instant,
  figures: Figures,
  by_aimag: Type.Array(Type.Object({ aimag: Type.Union([Type.String(), Type.Null()]), name: Names, comments: Type.Integer() })),
  articles: Type.Array(
    Type.Object({
      unit: Type.Union([Type.Integer(), Type.Null()]),
      number: Type.String(),
      heading: Type.String(),
      removed: Type.Boolean(),
      comments: Type.Integer(),
      accepted: Type.Integer(),
      partly_accepted: Type.Integer(),
      not_accepted: Type.Integer(),
      unanswered: Type.Integer(),
    }),
  ),
});

export const ApiListQuery = Type.Object({
  phase: Type.Optional(Type.Enum(['open', 'upcoming', 'closed', 'finished'] as const)),
  kind: Type.Optional(Type.Enum(CONSULTATION_KINDS)),
  body: Type.Optional(Type.String({ maxLength: 80, description: 'Slug of the body, as in /bodies/{slug}' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});

export const ApiCommentsQuery = Type.Object({
  article: Type.Optional(Type.String({ pattern: '^([0-9]{1,10}|draft)$', description: "An article unit id, or 'draft' for comments on the draft as a whole" })),
  answer: Type.Optional(Type.Enum(['unanswered', 'answered', 'accepted', 'partly_accepted', 'not_accepted'] as const)),
  by: Type.Optional(Type.Enum(['citizens', 'organisations', 'hearings'] as const)),
  after: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
  before: Type.Optional(Type.Integer({ minimum: 0, maximum: 2147483647 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
});

export { ErrorResponse };
export type ApiListQuery = Static<typeof ApiListQuery>;
export type ApiCommentsQuery = Static<typeof ApiCommentsQuery>;
