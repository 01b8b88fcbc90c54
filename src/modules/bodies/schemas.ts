import Type, { type Static } from 'typebox';

/** Body types in the order the bodies list shows them: national bodies first, then local ones. */
export const BODY_TYPES = ['parliament', 'standing_committee', 'hotline', 'ministry', 'agency', 'governor_office', 'khural'] as const;
export type BodyType = (typeof BODY_TYPES)[number];

export const MEMBERSHIP_ROLES = ['member', 'admin'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** Same rule as the organisation.slug CHECK in migration 0002. */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const SLUG_MAX = 80;
export const NAME_MIN = 2;
export const NAME_MAX = 300;
/** A place code as in the national classification: 2, 4 or 6 digits. */
export const PLACE_CODE_PATTERN = '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$';
/** More places than this is a mistake (all 2,170 units are reached through their aimags). */
export const MAX_PLACES_SERVED = 60;

export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX && new RegExp(SLUG_PATTERN).test(value);
}

// ---- Public pages and API ----

export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 200 }) });
export type SlugParams = Static<typeof SlugParams>;

/** Filters of /bodies and /api/bodies. Empty strings come from a form left on "all". */
export const BodiesQuery = Type.Object({
  type: Type.Optional(Type.Enum(['', ...BODY_TYPES], { description: 'Only bodies of this type' })),
  aimag: Type.Optional(Type.String({ pattern: '^([0-9]{2})?$', description: 'Code of an aimag or the capital (11): bodies located in it or serving places in it' })),
  serving: Type.Optional(Type.String({ pattern: `^$|${PLACE_CODE_PATTERN}`, description: 'Code of any place: bodies serving it or one of its ancestors' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Words of the name, in Cyrillic or Latin letters' })),
});
export type BodiesQuery = Static<typeof BodiesQuery>;

const Names = Type.Object({ mn: Type.String(), en: Type.String() });
const PlaceRef = Type.Object({ code: Type.String(), name: Names });
const BodyRef = Type.Object({ slug: Type.String(), name: Names, type: Type.Enum([...BODY_TYPES]), url: Type.String() });
const CategoryRef = Type.Object({ code: Type.String({ description: 'Also the Open311 service_code' }), name: Names });

export const BodySummaryJson = Type.Object({
  slug: Type.String(),
  name: Names,
  type: Type.Enum([...BODY_TYPES]),
  place: Type.Union([PlaceRef, Type.Null()], { description: 'The unit a local body governs; null for national bodies' }),
  superior: Type.Union([BodyRef, Type.Null()]),
  url: Type.String({ description: 'Address of the body’s page' }),
});

export const BodyListJson = Type.Object({
  total: Type.Integer(),
  bodies: Type.Array(BodySummaryJson),
});

export const BodyDetailJson = Type.Object({
  slug: Type.String(),
  name: Names,
  type: Type.Enum([...BODY_TYPES]),
  place: Type.Union([PlaceRef, Type.Null()]),
  superior: Type.Union([BodyRef, Type.Null()]),
  subordinates: Type.Array(BodyRef),
  placesServed: Type.Array(PlaceRef, { description: 'Empty for a body serving the whole country' }),
  categories: Type.Array(CategoryRef),
  staffCount: Type.Integer({ description: 'How many people work for the body on Irgen (names are never published)' }),
  website: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  url: Type.String(),
});

const ErrorJson = Type.Object({
  error: Type.Object({
    code: Type.String(),
    status: Type.Integer(),
    message: Type.String(),
    messages: Names,
  }),
});
export const NotFoundJson = ErrorJson;

/** A refused request: which fields were wrong, in both languages. */
export const ValidationErrorJson = Type.Object({
  error: Type.Object({
    code: Type.String(),
    status: Type.Integer(),
    message: Type.String(),
    messages: Names,
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String(), messages: Names }))),
  }),
});

// ---- Forms (application/x-www-form-urlencoded; extra fields such as _csrf are allowed) ----

const Name = Type.String({ minLength: NAME_MIN, maxLength: NAME_MAX });
const OptionalText = (max: number) => Type.Optional(Type.String({ maxLength: max }));

/** Fields a platform admin sets on a body (the slug only when creating it). */
const bodyFields = {
  nameMn: Name,
  nameEn: Name,
  type: Type.Enum([...BODY_TYPES]),
  place: Type.Optional(Type.String({ pattern: `^$|${PLACE_CODE_PATTERN}` })),
  superior: OptionalText(SLUG_MAX),
  placesServed: OptionalText(2000),
  website: OptionalText(300),
  email: Type.Optional(Type.String({ maxLength: 254, pattern: '^$|^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' })),
};

export const CreateBodyForm = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: SLUG_MAX, pattern: SLUG_PATTERN }),
  ...bodyFields,
});
export type CreateBodyForm = Static<typeof CreateBodyForm>;

export const EditBodyForm = Type.Object(bodyFields);
export type EditBodyForm = Static<typeof EditBodyForm>;

export const AddMemberForm = Type.Object({
  email: Type.String({ minLength: 1, maxLength: 254, format: 'email' }),
  role: Type.Enum([...MEMBERSHIP_ROLES]),
});
export type AddMemberForm = Static<typeof AddMemberForm>;

export const RoleForm = Type.Object({ role: Type.Enum([...MEMBERSHIP_ROLES]) });
export type RoleForm = Static<typeof RoleForm>;

export const MemberParams = Type.Object({ slug: Type.String({ maxLength: 200 }), accountId: Type.Integer({ minimum: 1 }) });
export type MemberParams = Static<typeof MemberParams>;

export const CategoriesForm = Type.Object({
  category: Type.Optional(Type.Array(Type.String({ maxLength: 41 }), { maxItems: 200 })),
});
export type CategoriesForm = Static<typeof CategoriesForm>;

/** Which notice to show after a redirect (Post/Redirect/Get). */
export const NoticeQuery = Type.Object({ done: Type.Optional(Type.String({ maxLength: 30 })) });
