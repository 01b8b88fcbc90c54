import Type from 'typebox';

/** One schema per input and output of the public-record routes; types come from these. */

export const PAGE_SIZE = 50;
export const MAX_API_LIMIT = 200;
export const SUBJECT_MAX_LENGTH = 200;

const seq = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });

const filters = {
  type: Type.Optional(
    Type.String({
      maxLength: 64,
      pattern: '^([a-z_]+(\\.[a-z_]*)?)?$',
      description: "A module ('feedback': all its events) or the start of an event type ('feedback.received')",
      examples: ['feedback'],
    }),
  ),
  subject: Type.Optional(
    Type.String({
      maxLength: SUBJECT_MAX_LENGTH,
      pattern: '^([a-z0-9_]+/[A-Za-z0-9_.-]+)?$',
      description: 'What the events are about, exactly',
      examples: ['feedback/K7M4TRX9'],
    }),
  ),
};

export const RecordPageQuery = Type.Object({
  before: Type.Optional(Type.Integer({ ...seq, description: 'Show entries with a smaller seq (the next, older page)' })),
  ...filters,
});

export const RecordApiQuery = Type.Object({
  ...RecordPageQuery.properties,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_API_LIMIT, default: PAGE_SIZE })),
});

export const RecordDownloadQuery = Type.Object({
  after: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Start after this seq (to fetch only what is new since a previous download)' })),
});

const Hex32 = Type.String({ pattern: '^[0-9a-f]{64}$', description: '32 bytes as lower-case hex' });

export const RecordEventSchema = Type.Object({
  seq: Type.Integer({ description: 'Position in the chain, from 1 without gaps' }),
  id: Type.Integer({ description: 'The event id' }),
  occurred_at: Type.String({ description: 'When it happened, UTC with microseconds (the form the hash covers)', examples: ['2026-03-02T01:00:00.000000Z'] }),
  type: Type.String({ examples: ['feedback.received'] }),
  label: Type.Union([Type.Object({ mn: Type.String(), en: Type.String() }), Type.Null()], { description: 'The type in words, when the platform has a label for it' }),
  subject: Type.String({ examples: ['feedback/K7M4TRX9'] }),
  subject_path: Type.Union([Type.String(), Type.Null()], { description: "The subject's page on this site, if it has one" }),
  payload: Type.Object({}, { additionalProperties: true, description: "The event's public facts; each type has a fixed set of fields" }),
  prev_hash: Hex32,
  hash: Hex32,
  chained_at: Type.String({ format: 'date-time', description: 'When the event was linked into the chain' }),
});

export const RecordListResponse = Type.Object({
  events: Type.Array(RecordEventSchema, { description: 'Newest first' }),
  next_before: Type.Union([Type.Integer(), Type.Null()], { description: 'Pass as ?before= for the next, older page; null on the last page' }),
});

export const RecordStatusResponse = Type.Object({
  chained: Type.Integer({ description: 'Events linked into the chain' }),
  pending: Type.Integer({ description: 'Events committed and waiting to be linked (normally for a few seconds at most)' }),
  last_seq: Type.Union([Type.Integer(), Type.Null()]),
  last_hash: Type.Union([Hex32, Type.Null()], { description: 'Keep it: later downloads must contain the same hash at last_seq' }),
  last_chained_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const Messages = Type.Object({ mn: Type.String(), en: Type.String() });

/** The error handler's JSON (src/shared/http/error-handler.tsx), for the API description. */
export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    status: Type.Integer(),
    message: Type.String(),
    messages: Messages,
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String(), messages: Messages }))),
  }),
});
