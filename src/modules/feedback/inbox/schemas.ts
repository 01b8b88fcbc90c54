import Type, { type Static } from 'typebox';
import { placePickerSchema } from '../../places/picker.js';
import { FEEDBACK_STATUSES, LIMITS } from '../model.js';

/**
 * One schema per input of the staff pages. Form bodies are loose on purpose (strings,
 * `attachValidation: true`): the handler re-renders the form with messages written for
 * each field instead of a bare 400 page. Query strings of lists are strict: a hand-edited
 * filter gets a 400 naming the parameter.
 */

const blank = Type.Literal('');
const slug = Type.String({ maxLength: 80, pattern: '^[a-z0-9-]*$' });
const cursor = Type.String({ maxLength: 30 });

export const InboxQuery = Type.Object({
  body: Type.Optional(slug),
  tab: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('done')])),
  status: Type.Optional(Type.Union([Type.Enum(FEEDBACK_STATUSES), blank])),
  category: Type.Optional(Type.String({ maxLength: 42, pattern: '^[a-z0-9_]*$' })),
  overdue: Type.Optional(Type.Union([Type.Literal('yes'), blank])),
  assigned: Type.Optional(Type.Union([Type.Literal('me'), Type.Literal('nobody'), blank])),
  after: Type.Optional(cursor),
  before: Type.Optional(cursor),
  ...placePickerSchema('place'),
  /** What the last action did (post/redirect/get notice). */
  done: Type.Optional(Type.String({ maxLength: 20 })),
  code: Type.Optional(Type.String({ maxLength: 12 })),
  to: Type.Optional(slug),
});
export type InboxQuery = Static<typeof InboxQuery>;

export const ItemParams = Type.Object({ code: Type.String({ maxLength: 20 }) });
export const PhotoParams = Type.Object({ code: Type.String({ maxLength: 20 }), id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });

export const ItemQuery = Type.Object({
  done: Type.Optional(Type.String({ maxLength: 20 })),
  /** Words of a body's name, to narrow the forward list. */
  bodies: Type.Optional(Type.String({ maxLength: 100 })),
});

const text = (max: number) => Type.Optional(Type.String({ maxLength: max * 2 }));

export const AssignBody = Type.Object({ assignee: Type.Optional(Type.String({ maxLength: 12 })) });
export const AnswerBody = Type.Object({ resolution: Type.Optional(Type.String({ maxLength: 20 })), answer: text(LIMITS.answer) });
export const ExtendBody = Type.Object({ days: Type.Optional(Type.String({ maxLength: 12 })), extend_reason: text(LIMITS.reason) });
export const ForwardBody = Type.Object({ to_body: Type.Optional(Type.String({ maxLength: 80 })), forward_reason: text(LIMITS.reason), bodies: Type.Optional(Type.String({ maxLength: 100 })) });
export const NoteBody = Type.Object({ note: text(LIMITS.reason) });
export type AnswerBody = Static<typeof AnswerBody>;
export type ExtendBody = Static<typeof ExtendBody>;
export type ForwardBody = Static<typeof ForwardBody>;

export const OperatorBody = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 20 })),
  category: Type.Optional(Type.String({ maxLength: 42 })),
  ...placePickerSchema('place'),
  title: text(LIMITS.title),
  description: text(LIMITS.description),
  name: text(LIMITS.name),
  phone: text(LIMITS.phone),
  email: text(LIMITS.email),
  publicity: Type.Optional(Type.String({ maxLength: 10 })),
  /** One id per form shown: a second post of the same form (a double click) files nothing twice. */
  form_id: Type.Optional(Type.String({ maxLength: 40 })),
});
export type OperatorBody = Static<typeof OperatorBody>;

export const OperatorQuery = Type.Object({ filed: Type.Optional(Type.String({ maxLength: 12 })) });

export const ModerationQuery = Type.Object({
  after: Type.Optional(cursor),
  before: Type.Optional(cursor),
  code: Type.Optional(Type.String({ maxLength: 20 })),
  done: Type.Optional(Type.String({ maxLength: 20 })),
  version: Type.Optional(Type.String({ maxLength: 6 })),
});
const back = Type.Optional(Type.Union([Type.Literal('queue'), Type.Literal('item')]));
export const PublishBody = Type.Object({ public_title: text(LIMITS.title), public_summary: text(LIMITS.description), back });
export const WithholdBody = Type.Object({ withhold_reason: text(LIMITS.reason), back });
export type PublishBody = Static<typeof PublishBody>;
