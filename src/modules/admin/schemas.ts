import Type, { type Static } from 'typebox';
import { FEEDBACK_KINDS, type Kind } from '../feedback/model.js';
import { placePickerSchema } from '../places/picker.js';

/**
 * Inputs of the platform admin's pages. Form fields arrive as text; each schema bounds
 * their size and shape, and the commands check what needs the database (a code in use,
 * an unknown body). Forms carry _csrf besides these fields, which is allowed.
 */

/** Same rule as the category.code CHECK in migration 0006: an Open311 service_code. */
export const CATEGORY_CODE_PATTERN = '^[a-z][a-z0-9_]{1,40}$';
export const CATEGORY_CODE_MAX = 41;
export const CATEGORY_NAME_MIN = 2;
export const CATEGORY_NAME_MAX = 120;
export const CATEGORY_DESCRIPTION_MAX = 1000;
export const CATEGORY_KEYWORDS_MAX = 500;
export const POSITION_MAX = 100_000;
export const HOLIDAY_NAME_MAX = 120;
/** Same bounds as the deadline_rule.days CHECK. */
export const DAYS_MIN = 1;
export const DAYS_MAX = 365;
export const DAY_COUNTS = ['calendar', 'working'] as const;

export function isCategoryCode(value: string): boolean {
  return new RegExp(CATEGORY_CODE_PATTERN).test(value);
}

const text = (max: number) => Type.Optional(Type.String({ maxLength: max }));

const categoryFields = {
  nameMn: Type.String({ minLength: CATEGORY_NAME_MIN, maxLength: CATEGORY_NAME_MAX }),
  nameEn: Type.String({ minLength: CATEGORY_NAME_MIN, maxLength: CATEGORY_NAME_MAX }),
  descriptionMn: text(CATEGORY_DESCRIPTION_MAX),
  descriptionEn: text(CATEGORY_DESCRIPTION_MAX),
  keywords: text(CATEGORY_KEYWORDS_MAX),
  // Empty: put it last. 0 to 100000 (POSITION_MAX), so every problem shows at once.
  position: Type.Optional(Type.String({ pattern: '^(100000|[0-9]{1,5})?$' })),
};

export const CreateCategoryForm = Type.Object({
  code: Type.String({ minLength: 1, maxLength: CATEGORY_CODE_MAX, pattern: CATEGORY_CODE_PATTERN }),
  ...categoryFields,
});
export type CreateCategoryForm = Static<typeof CreateCategoryForm>;

export const EditCategoryForm = Type.Object(categoryFields);
export type EditCategoryForm = Static<typeof EditCategoryForm>;

export const CodeParams = Type.Object({ code: Type.String({ maxLength: 100 }) });
export type CodeParams = Static<typeof CodeParams>;

/** Ids in addresses are read as text and parsed, so a tampered id is a plain 404. */
export const IdParams = Type.Object({ id: Type.String({ maxLength: 12 }) });
export type IdParams = Static<typeof IdParams>;

export function parseId(value: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

/** Which notice to show after a redirect (Post/Redirect/Get), and about what. */
export const NoticeQuery = Type.Object({
  done: Type.Optional(Type.String({ maxLength: 20 })),
  code: Type.Optional(Type.String({ maxLength: 100 })),
  rule: Type.Optional(Type.String({ maxLength: 12 })),
});
export type NoticeQuery = Static<typeof NoticeQuery>;

// ---- Routing ----

export const ANY_CATEGORY = 'any';
export const WHOLE_COUNTRY = 'country';
export const SCOPES = [WHOLE_COUNTRY, 'place'] as const;

/** Filters of /admin/routing; values that match nothing simply find no rules. */
export const RoutingQuery = Type.Object({
  category: text(100),
  aimag: text(20),
  body: text(100),
  page: text(6),
  done: text(20),
  rule: text(12),
});
export type RoutingQuery = Static<typeof RoutingQuery>;

export const RuleForm = Type.Object({
  category: text(100),
  scope: text(20),
  body: text(100),
  ...placePickerSchema('place'),
});
export type RuleForm = Static<typeof RuleForm>;

export const RuleBodyForm = Type.Object({ body: text(100) });
export type RuleBodyForm = Static<typeof RuleBodyForm>;

export const RoutingTestQuery = Type.Object({
  category: text(100),
  check: text(5),
  ...placePickerSchema('place'),
});
export type RoutingTestQuery = Static<typeof RoutingTestQuery>;

// ---- Deadlines ----

/** The default periods are one form: days_<kind> and count_<kind> for every kind. */
export const defaultsField = (name: 'days' | 'count', kind: Kind) => `${name}_${kind}`;
export const DefaultsForm = Type.Object(Object.fromEntries(FEEDBACK_KINDS.flatMap((kind) => [[defaultsField('days', kind), text(20)], [defaultsField('count', kind), text(20)]])));
export type DefaultsForm = Record<string, string | undefined>;

export const OverrideForm = Type.Object({
  body: text(100),
  kind: text(20),
  days: text(20),
  dayCount: text(20),
});
export type OverrideForm = Static<typeof OverrideForm>;

export const OverrideEditForm = Type.Object({
  days: text(20),
  dayCount: text(20),
});
export type OverrideEditForm = Static<typeof OverrideEditForm>;

// ---- Holidays ----

export const HolidayForm = Type.Object({
  date: Type.String({ minLength: 1, maxLength: 30 }),
  nameMn: Type.String({ minLength: 2, maxLength: HOLIDAY_NAME_MAX }),
  nameEn: Type.String({ minLength: 2, maxLength: HOLIDAY_NAME_MAX }),
});
export type HolidayForm = Static<typeof HolidayForm>;

export const HolidaysQuery = Type.Object({
  year: text(10),
  done: text(20),
  day: text(20),
});
export type HolidaysQuery = Static<typeof HolidaysQuery>;

export const DayParams = Type.Object({ day: Type.String({ maxLength: 20 }) });
export type DayParams = Static<typeof DayParams>;
