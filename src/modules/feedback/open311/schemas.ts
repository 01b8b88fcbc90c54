import Type, { type Static, type TSchema } from 'typebox';
import { FEEDBACK_KINDS } from '../model.js';

/**
 * Inputs and outputs of the Open311 GeoReport v2 API, one schema each; the OpenAPI
 * document is generated from them, and the JSON and XML variants of a route share them.
 * Fields marked "Irgen extension" are not in GeoReport v2.
 */

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Language choice, accepted on every endpoint. */
const languageParams = {
  locale: Type.Optional(Type.String({ maxLength: 35, description: 'Language of names and messages: mn (default) or en. Accept-Language is honoured too.', examples: ['en'] })),
  lang: Type.Optional(Type.String({ maxLength: 35, description: 'Same as locale.' })),
};
const jurisdiction = {
  jurisdiction_id: Type.Optional(Type.String({ maxLength: 50, description: 'Irgen serves one jurisdiction, "mn"; the parameter may be left out.' })),
};

export const LanguageQuery = Type.Object({ ...languageParams, ...jurisdiction });

export const ServiceCodeParams = Type.Object({
  service_code: Type.String({ maxLength: 100, description: 'A service_code from services.json', examples: ['roads'] }),
});

export const RequestIdParams = Type.Object({
  service_request_id: Type.String({ maxLength: 20, description: 'The tracking code of the request, e.g. K7M4TRX9 (also accepted as K7M4-TRX9).' }),
});

export const TokenParams = Type.Object({
  token: Type.String({ maxLength: 64, description: 'The token returned when the request was created' }),
});

/** Mongolia's bounding box; the database holds coordinates to the same limits. */
export const MONGOLIA = { lat: { minimum: 41.5, maximum: 52.2 }, long: { minimum: 87.7, maximum: 120 } } as const;
export const DESCRIPTION_MAX = 4000;

export const CreateRequestBody = Type.Object({
  api_key: Type.Optional(Type.String({ maxLength: 200, description: 'The client application’s key (also accepted in the query string)' })),
  ...jurisdiction,
  service_code: Type.String({ minLength: 1, maxLength: 100, description: 'A service_code from services.json' }),
  lat: Type.Optional(Type.Number({ ...MONGOLIA.lat, description: 'WGS84 latitude, with long; stored with the request, shown once it is published' })),
  long: Type.Optional(Type.Number({ ...MONGOLIA.long, description: 'WGS84 longitude, with lat' })),
  address_string: Type.Optional(Type.String({ maxLength: 400, description: 'Street address or landmark; passed to the responsible body with the description, never published' })),
  address_id: Type.Optional(Type.String({ maxLength: 100, description: 'In Irgen, an administrative unit code (same as place_code)' })),
  place_code: Type.Optional(
    Type.String({ maxLength: 6, description: 'Irgen extension. National code of the administrative unit (aimag, soum/düüreg or bagh/khoroo), e.g. 111059. Required unless address_id carries it.', examples: ['111059'] }),
  ),
  email: Type.Optional(Type.String({ maxLength: 254, description: 'Submitter’s email: receives the tracking code. Never shown publicly.' })),
  device_id: Type.Optional(Type.String({ maxLength: 200, description: 'Accepted and ignored' })),
  account_id: Type.Optional(Type.String({ maxLength: 200, description: 'Accepted and ignored' })),
  first_name: Type.Optional(Type.String({ maxLength: 60, description: 'Never shown publicly' })),
  last_name: Type.Optional(Type.String({ maxLength: 60, description: 'Never shown publicly' })),
  phone: Type.Optional(Type.String({ maxLength: 30, description: 'Never shown publicly' })),
  description: Type.String({ minLength: 1, maxLength: DESCRIPTION_MAX, description: 'What happened. Required in Irgen. Its first sentence becomes the title. Only the responsible body reads it; the public sees a moderator’s summary.' }),
  media_url: Type.Optional(
    Type.String({ maxLength: 500, format: 'uri', pattern: '^https?://', description: 'Link to a photo or video: passed to the responsible body with the description; never fetched, never published' }),
  ),
  kind: Type.Optional(Type.Enum(FEEDBACK_KINDS, { default: 'complaint', description: 'Irgen extension. The kind of feedback; it sets the legal deadline.' })),
  public: Type.Optional(Type.Boolean({ default: false, description: 'Irgen extension. true: the submitter agrees to publish a moderated summary; false (default): only the body sees the text.' })),
  ...languageParams,
});
export type CreateRequestBody = Static<typeof CreateRequestBody>;

export const CreateRequestQuery = Type.Object({
  api_key: Type.Optional(Type.String({ maxLength: 200, description: 'The client application’s key (may instead be a form field)' })),
  ...languageParams,
  ...jurisdiction,
});

export const REQUEST_ID_MAX = 100;
export const PAGE_SIZE_MAX = 1000;

export const RequestsQuery = Type.Object({
  ...languageParams,
  ...jurisdiction,
  service_request_id: Type.Optional(Type.String({ maxLength: 2000, description: `Comma-separated ids (at most ${REQUEST_ID_MAX}); overrides every other filter` })),
  service_code: Type.Optional(Type.String({ maxLength: 1000, description: 'One service_code, or several separated by commas' })),
  start_date: Type.Optional(Type.String({ maxLength: 40, description: 'ISO 8601; earliest requested_datetime. Without an offset, Ulaanbaatar time (+08:00).', examples: ['2026-03-01T00:00:00+08:00'] })),
  end_date: Type.Optional(Type.String({ maxLength: 40, description: 'ISO 8601; latest requested_datetime. The window is at most 90 days and defaults to the last 90 days.' })),
  status: Type.Optional(Type.String({ maxLength: 20, description: 'open or closed, or both separated by a comma' })),
  place_code: Type.Optional(Type.String({ maxLength: 6, description: 'Irgen extension. Requests in this administrative unit and the units inside it' })),
  body: Type.Optional(Type.String({ maxLength: 80, description: 'Irgen extension. Slug of the responsible body' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1, description: 'Irgen extension. Page of results, from 1' })),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_MAX, description: 'Irgen extension. Results per page, at most 1000' })),
});
export type RequestsQuery = Static<typeof RequestsQuery>;

export const ServiceSchema = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: nullable(Type.String()),
  metadata: Type.Boolean({ description: 'Always false: Irgen services have no extra attributes' }),
  type: Type.Enum(['realtime', 'batch', 'blackbox'] as const),
  keywords: nullable(Type.String()),
  group: nullable(Type.String()),
});
export const ServicesResponse = Type.Array(ServiceSchema);

export const ServiceDefinitionResponse = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(
    Type.Object({
      variable: Type.Boolean(),
      code: Type.String(),
      datatype: Type.String(),
      required: Type.Boolean(),
      datatype_description: nullable(Type.String()),
      order: nullable(Type.Integer()),
      description: nullable(Type.String()),
    }),
    { description: 'Always empty (metadata is false)' },
  ),
});

export const RequestSchema = Type.Object({
  service_request_id: Type.String({ description: 'The tracking code' }),
  status: Type.Enum(['open', 'closed'] as const, { description: 'open: received, assigned or in progress; closed: answered or closed' }),
  status_notes: nullable(Type.String({ description: 'The outcome (resolved or rejected) and, once published, the body’s answer' })),
  service_name: nullable(Type.String()),
  service_code: Type.String(),
  description: nullable(Type.String({ maxLength: DESCRIPTION_MAX, description: 'The moderated public summary; null until published' })),
  agency_responsible: nullable(Type.String({ description: 'The responsible body' })),
  service_notice: nullable(Type.String({ description: 'Overdue or extended deadline, if so' })),
  requested_datetime: Type.String({ format: 'date-time' }),
  updated_datetime: nullable(Type.String({ format: 'date-time' })),
  expected_datetime: nullable(Type.String({ format: 'date-time', description: 'The legal deadline for an answer' })),
  address: nullable(Type.String({ description: 'Administrative units, most specific first; null until published' })),
  address_id: nullable(Type.String({ description: 'Administrative unit code; null until published' })),
  lat: nullable(Type.Number()),
  long: nullable(Type.Number()),
  media_url: nullable(Type.String()),
});
export type Open311Request = Static<typeof RequestSchema>;
export const RequestsResponse = Type.Array(RequestSchema);

export const CreatedResponse = Type.Array(
  Type.Object({
    service_request_id: Type.String({ description: 'The tracking code; the request exists when this answer arrives' }),
    token: Type.String({ description: 'Also resolvable through tokens/{token}' }),
    service_notice: nullable(Type.String({ description: 'The responsible body, the legal deadline and the tracking code, in words' })),
  }),
);

export const TokenResponse = Type.Array(Type.Object({ service_request_id: Type.String(), token: Type.String() }));

export const DiscoveryResponse = Type.Object({
  changeset: Type.String({ format: 'date-time' }),
  contact: Type.String(),
  key_service: Type.String(),
  endpoints: Type.Array(
    Type.Object({
      specification: Type.String(),
      url: Type.String(),
      changeset: Type.String({ format: 'date-time' }),
      type: Type.String(),
      formats: Type.Array(Type.String()),
    }),
  ),
});

export const ErrorsResponse = Type.Array(Type.Object({ code: Type.Integer({ description: 'The HTTP status' }), description: Type.String() }), {
  description: 'GeoReport v2 errors; descriptions in the language asked for, or "Монгол / English" when none was',
});
