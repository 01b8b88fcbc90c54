import Type from 'typebox';
import { placePickerSchema } from '../../places/picker.js';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, KindSchema, StatusSchema } from '../model.js';
import { LIST_MAX_LIMIT, SEARCH_MAX_LENGTH } from '../queries.js';

/**
 * One schema per input. Form fields are optional strings here: the handlers check them
 * against the domain (known category, real place, limits) and answer with per-field
 * messages, keeping what the person typed. Anything that is not a string (a repeated
 * field, say) fails the schema and is reported the same way.
 */
const csrf = { _csrf: Type.Optional(Type.String()) };
const text = () => Type.Optional(Type.String());

export const DraftIdParams = Type.Object({ draftId: Type.String({ maxLength: 64 }) });
export const DraftParams = Type.Object({ draftId: Type.String({ maxLength: 64 }), step: Type.String({ maxLength: 20 }) });
export const DraftPhotoParams = Type.Object({ draftId: Type.String({ maxLength: 64 }), photoId: Type.String({ maxLength: 12 }) });
export const StepQuery = Type.Object({ change: Type.Optional(Type.String({ maxLength: 4 })) });

export const KindBody = Type.Object({ ...csrf, kind: text() });
export const CategoryBody = Type.Object({ ...csrf, category: text() });
export const PlaceBody = Type.Object({ ...csrf, ...placePickerSchema('place') });
export const DetailsBody = Type.Object({ ...csrf, title: text(), description: text() });
/** The photos step without files (a "Remove" button, or "Continue" sent without JavaScript's multipart). */
export const PhotosBody = Type.Object({ ...csrf, remove: text(), action: text() });
export const PublicationBody = Type.Object({ ...csrf, publication: text() });
export const ContactBody = Type.Object({ ...csrf, name: text(), email: text(), phone: text() });
export const CheckBody = Type.Object({ ...csrf });

export const CodeParams = Type.Object({ code: Type.String({ maxLength: 40, description: 'Tracking code, e.g. K7M4TRX9 (dashes and lower case are accepted)', examples: ['K7M4TRX9'] }) });
export const PhotoParams = Type.Object({ code: Type.String({ maxLength: 40 }), photoId: Type.String({ maxLength: 12 }) });
export const TrackQuery = Type.Object({ code: Type.Optional(Type.String()) });

export const ManageQuery = Type.Object({ key: Type.Optional(Type.String({ maxLength: 200 })), done: Type.Optional(Type.String({ maxLength: 20 })) });
export const RateBody = Type.Object({ ...csrf, key: text(), satisfaction: text() });
export const ReopenBody = Type.Object({ ...csrf, key: text(), reopen_reason: text() });
export const EscalateBody = Type.Object({ ...csrf, key: text(), escalate_reason: text() });

/** The HTML list's query: the API's filters plus the place picker's fields. */
export const ListPageQuery = Type.Object({
  ...placePickerSchema('place'),
  place: text(),
  q: text(),
  category: text(),
  body: text(),
  status: text(),
  kind: text(),
  overdue: text(),
  after: text(),
  before: text(),
});

export const ListApiQuery = Type.Object({
  place: Type.Optional(Type.String({ pattern: '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$', description: 'Place code: 2 digits (aimag or the capital), 4 (soum or düüreg) or 6 (bagh or khoroo); items in that place or inside it', examples: ['1110'] })),
  category: Type.Optional(Type.String({ maxLength: 60, description: 'Category code (the Open311 service_code)', examples: ['waste'] })),
  body: Type.Optional(Type.String({ maxLength: 80, description: 'Slug of the responsible body, as in /bodies/{slug}' })),
  status: Type.Optional(Type.Enum(FEEDBACK_STATUSES, { description: 'Current status' })),
  kind: Type.Optional(Type.Enum(FEEDBACK_KINDS)),
  overdue: Type.Optional(Type.Boolean({ description: 'Only items still unanswered after their deadline' })),
  q: Type.Optional(Type.String({ maxLength: SEARCH_MAX_LENGTH, description: 'Words of the published title and summary, in Cyrillic or Latin letters (хог, khog); words match as prefixes' })),
  after: Type.Optional(Type.Integer({ minimum: 1, description: 'Cursor: items older than this one (the `older` cursor of the previous answer)' })),
  before: Type.Optional(Type.Integer({ minimum: 1, description: 'Cursor: items newer than this one (the `newer` cursor of the previous answer)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIST_MAX_LIMIT, default: 20 })),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
const Named = Type.Object({ code: Type.String(), name_mn: Type.String(), name_en: Type.String() });
const Body = Type.Object({ slug: Type.String(), name_mn: Type.String(), name_en: Type.String(), url: Type.String() });
const PlaceRef = Type.Object({
  code: Type.String({ description: 'Down to the soum or düüreg unless the item is published' }),
  path: Type.Array(Named, { description: 'The place and the units above it, top first' }),
});
const Deadline = Type.Object({
  due_at: Instant,
  overdue: Type.Boolean({ description: 'Still unanswered after the deadline' }),
  days_left: Nullable(Type.Integer({ description: 'Calendar days until the deadline (negative when overdue); null once answered' })),
});

export const PublicItemResponse = Type.Object({
  code: Type.String({ examples: ['K7M4TRX9'] }),
  url: Type.String(),
  kind: KindSchema,
  status: StatusSchema,
  resolution: Nullable(Type.Union([Type.Literal('resolved'), Type.Literal('rejected'), Type.Literal('forwarded')])),
  publication: Type.Union([Type.Literal('private'), Type.Literal('pending'), Type.Literal('published'), Type.Literal('withheld')], {
    description: 'published: the moderated text is shown; private (the sender’s choice), pending (awaiting moderation) and withheld: only the status information',
  }),
  category: Named,
  place: PlaceRef,
  body: Body,
  received_at: Instant,
  deadline: Deadline,
  extended_at: Nullable(Instant),
  extension_reason: Nullable(Type.String({ description: 'Only for published items' })),
  answered_at: Nullable(Instant),
  answered_on_time: Nullable(Type.Boolean()),
  closed_at: Nullable(Instant),
  satisfaction: Nullable(Type.Union([Type.Literal('satisfied'), Type.Literal('unsatisfied')])),
  title: Nullable(Type.String({ description: 'Moderated title; only for published items' })),
  summary: Nullable(Type.String({ description: 'Moderated summary; only for published items' })),
  answer: Nullable(Type.String({ description: 'The body’s answer; only for published items' })),
  photos: Type.Array(Type.Object({ url: Type.String(), media_type: Type.String(), width: Type.Integer(), height: Type.Integer() }), { description: 'Only for published items' }),
  history: Type.Array(
    Type.Object({
      type: Type.String({ description: 'received, assigned, started, forwarded, extended, answered, rated, reopened, escalated, closed, published' }),
      at: Instant,
      body: Nullable(Body),
      to_body: Nullable(Body),
      text: Nullable(Type.String({ description: 'The body’s words: a forwarding or extension reason, or an answer; only for published items' })),
      days: Type.Optional(Type.Integer()),
      due_at: Type.Optional(Instant),
      resolution: Type.Optional(Type.String()),
      satisfaction: Type.Optional(Type.String()),
    }),
  ),
});

export const PublicListResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      url: Type.String(),
      title: Type.String({ description: 'Moderated title' }),
      kind: KindSchema,
      status: StatusSchema,
      resolution: Nullable(Type.String()),
      category: Named,
      place: PlaceRef,
      body: Body,
      received_at: Instant,
      deadline: Deadline,
      answered_at: Nullable(Instant),
    }),
  ),
  older: Nullable(Type.String({ description: 'Address of the next page (older items)' })),
  newer: Nullable(Type.String({ description: 'Address of the previous page (newer items)' })),
});
