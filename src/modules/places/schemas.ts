import Type from 'typebox';
import { PLACE_CODE_PATTERN, PLACE_KINDS } from './codes.js';
import { SEARCH_MAX_LENGTH, SEARCH_MAX_LIMIT } from './queries.js';

/** One schema per input and output; route types come from these. */

export const PlaceCodeParams = Type.Object({
  code: Type.String({ pattern: PLACE_CODE_PATTERN, description: 'National classification code: 2 digits (aimag or the capital), 4 (soum or düüreg) or 6 (bagh or khoroo)', examples: ['1110'] }),
});

export const PlaceSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: SEARCH_MAX_LENGTH, description: 'Part of a name in Cyrillic or Latin letters, with or without diacritics', examples: ['bayanzurkh'] }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: SEARCH_MAX_LIMIT, default: 10 })),
});

/** The HTML list page's optional search box. */
export const PlacesPageQuery = Type.Object({
  q: Type.Optional(Type.String()),
});

export const PlaceSchema = Type.Object({
  code: Type.String({ examples: ['1110'] }),
  parent_code: Type.Union([Type.String(), Type.Null()]),
  level: Type.Integer({ minimum: 1, maximum: 3, description: '1 aimag or the capital, 2 soum or düüreg, 3 bagh or khoroo' }),
  kind: Type.Enum(PLACE_KINDS),
  name_mn: Type.String({ examples: ['Баянзүрх'] }),
  name_en: Type.String({ description: 'Official English name of aimags; MNS 5217:2012 transliteration of others', examples: ['Bayanzürkh'] }),
});

export const PlaceListResponse = Type.Object({ places: Type.Array(PlaceSchema) });

export const PlaceDetailResponse = Type.Object({
  place: PlaceSchema,
  ancestors: Type.Array(PlaceSchema, { description: 'Units above the place, top first' }),
  children: Type.Array(PlaceSchema, { description: 'Units directly inside the place, in display order' }),
});

export const PlaceSearchResponse = Type.Object({
  query: Type.String(),
  results: Type.Array(
    Type.Object({
      ...PlaceSchema.properties,
      path: Type.Array(PlaceSchema, { description: 'The place and the units above it, top first' }),
    }),
  ),
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
