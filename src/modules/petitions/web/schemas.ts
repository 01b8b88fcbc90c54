import Type from 'typebox';
import { placePickerSchema } from '../../places/picker.js';
import { ConsequenceSchema, LevelSchema, OutcomeSchema, ReasonSchema, StateSchema } from '../model.js';

/** One schema per input: form fields are optional strings checked by the handlers (so the person gets words, not a schema error). */
const csrf = { _csrf: Type.Optional(Type.String()) };
const text = () => Type.Optional(Type.String());

export const IdParams = Type.Object({ id: Type.String({ maxLength: 12, description: 'Petition number', examples: ['12'] }) });
export const SealQuery = Type.Object({ s: Type.Optional(Type.String({ maxLength: 2000 })) });
export const HandleParams = Type.Object({ id: Type.String({ maxLength: 12 }), handle: Type.String({ maxLength: 64 }) });
export const KeyParams = Type.Object({ key: Type.String({ maxLength: 100 }) });
export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 80 }) });

export const DraftBody = Type.Object({ ...csrf, body: text(), title: text(), action: text(), background: text(), links: text() });
export const EmptyBody = Type.Object({ ...csrf });
export const EmailSignBody = Type.Object({ ...csrf, registry: text(), email: text(), notify: text(), ...placePickerSchema('residence') });
export const SmsSignBody = Type.Object({ ...csrf, registry: text(), phone: text(), notify_email: text(), ...placePickerSchema('residence') });
export const CodeBody = Type.Object({ ...csrf, code: text() });
export const TokenQuery = Type.Object({ token: Type.Optional(Type.String({ maxLength: 100 })) });
export const UnsubscribeBody = Type.Object({ ...csrf, token: text() });
export const VoteBody = Type.Object({ ...csrf, seal: text(), notify_email: text(), ...placePickerSchema('residence') });
export const RejectBody = Type.Object({ ...csrf, reason: text(), note: text(), duplicate_of: text() });
export const RespondBody = Type.Object({ ...csrf, kind: text(), outcome: text(), text: text() });
export const InvalidateBody = Type.Object({ ...csrf, reason: text(), signatures: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String({ maxLength: 20 }), { maxItems: 5000 })])) });
export const PageQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 20 })), n: Type.Optional(Type.String({ maxLength: 12 })) });
export const PlacesQuery = Type.Object({ aimag: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })) });
export const ListPageQuery = Type.Object({ state: text(), body: text(), q: text(), late: text(), after: text() });

export const ListApiQuery = Type.Object({
  state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('rejected')], { description: 'Only petitions in this state' })),
  body: Type.Optional(Type.String({ maxLength: 80, description: 'Slug of the body addressed, as in /bodies/{slug}' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the title or the action requested' })),
  late: Type.Optional(Type.Boolean({ description: 'Only petitions whose body is late with an answer' })),
  after: Type.Optional(Type.Integer({ minimum: 1, description: 'Cursor: petitions numbered below this one (the `next` of the previous answer)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ format: 'date-time' });
const BodyRef = Type.Object({ slug: Type.String(), name_mn: Type.String(), name_en: Type.String(), url: Type.String() });

export const ListItemJson = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  state: StateSchema,
  title: Nullable(Type.String({ description: 'Null when a rejected petition’s text is withheld (abuse, personal data)' })),
  body: BodyRef,
  votes: Type.Integer(),
  opened_at: Nullable(Instant),
  closes_at: Nullable(Instant),
  closed_at: Nullable(Instant),
  rejection_reason: Nullable(ReasonSchema),
  answer_late_since: Nullable(Instant),
});
export const ListJson = Type.Object({ petitions: Type.Array(ListItemJson), next: Nullable(Type.String({ description: 'Address of the next page' })) });

export const CountJson = Type.Object({
  id: Type.Integer(),
  state: StateSchema,
  count: Type.Integer({ description: 'Valid votes now' }),
  invalidated: Type.Integer(),
  as_of: Instant,
});

const Counted = Type.Object({ code: Type.String(), name_mn: Type.String(), name_en: Type.String(), votes: Type.Integer() });
export const PetitionJson = Type.Object({
  id: Type.Integer(),
  url: Type.String(),
  state: StateSchema,
  title: Nullable(Type.String()),
  action: Nullable(Type.String()),
  background: Nullable(Type.String()),
  links: Type.Array(Type.String()),
  language: Type.String(),
  body: BodyRef,
  min_level: Nullable(LevelSchema),
  moderation: Type.Object({ reached_at: Nullable(Instant), due_at: Nullable(Instant), decided_at: Nullable(Instant), rejection_reason: Nullable(ReasonSchema), note: Nullable(Type.String()), duplicate_of: Nullable(Type.Integer()) }),
  opened_at: Nullable(Instant),
  closes_at: Nullable(Instant),
  closed_at: Nullable(Instant),
  closed_early: Type.Boolean(),
  supporters: Type.Integer(),
  votes: Type.Integer(),
  invalidated: Type.Integer(),
  thresholds: Type.Array(
    Type.Object({
      position: Type.Integer(),
      counts: Type.Union([Type.Literal('supporters'), Type.Literal('votes')]),
      threshold: Type.Integer(),
      consequence: ConsequenceSchema,
      act_within_days: Nullable(Type.Integer()),
      closes_voting: Type.Boolean(),
      reached_at: Nullable(Instant),
      due_at: Nullable(Instant),
      answered_at: Nullable(Instant),
      late: Type.Boolean({ description: 'Due and still unanswered after its due date' }),
    }),
  ),
  by_aimag: Type.Array(Counted),
  by_soum: Type.Array(Counted),
  by_hour: Type.Array(Type.Object({ hour: Instant, votes: Type.Integer() })),
  responses: Type.Array(
    Type.Object({ kind: Type.Union([Type.Literal('response'), Type.Literal('outcome')]), outcome: Nullable(OutcomeSchema), step: Nullable(Type.Integer()), text: Type.String(), responded_at: Instant, due_at: Nullable(Instant), on_time: Nullable(Type.Boolean()) }),
  ),
});

export const WaitingJson = Type.Object({
  petitions: Type.Array(Type.Object({ id: Type.Integer(), url: Type.String(), title: Type.String(), body: BodyRef, step: Type.Integer(), consequence: ConsequenceSchema, reached_at: Instant, due_at: Instant, late: Type.Boolean() })),
});

export const ModerationJson = Type.Object({
  target_days: Type.Integer(),
  waiting: Type.Integer(),
  overdue: Type.Integer(),
  published: Type.Integer(),
  rejected: Type.Record(Type.String(), Type.Integer()),
  invalidated_votes: Type.Integer(),
});

export const VoteJson = Type.Object({ receipt: Type.Integer({ description: 'Number of the vote, for your records' }), petition: Type.Integer(), count: Type.Integer() });
export { LevelSchema };
