/**
 * Place codes of the national classification are hierarchical by prefix: aimag or the
 * capital '11' > soum or düüreg '1110' > bagh or khoroo '111059'. These helpers work on
 * the code alone, without the database.
 */

export type PlaceLevel = 1 | 2 | 3;
export const PLACE_KINDS = ['capital', 'aimag', 'duureg', 'soum', 'khoroo', 'bagh'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** The same rule as the CHECK constraint on place.code. */
export const PLACE_CODE_PATTERN = '^[0-9]{2}([0-9]{2}([0-9]{2})?)?$';
const CODE_RE = new RegExp(PLACE_CODE_PATTERN);

/** True for a well-formed code (2, 4 or 6 digits); says nothing about whether the place exists. */
export function isPlaceCode(value: unknown): value is string {
  return typeof value === 'string' && CODE_RE.test(value);
}

function assertCode(code: string): void {
  if (!CODE_RE.test(code)) throw new RangeError(`not a place code: ${JSON.stringify(code)}`);
}

/** 1 for an aimag or the capital, 2 for a soum or düüreg, 3 for a bagh or khoroo. */
export function levelOfCode(code: string): PlaceLevel {
  assertCode(code);
  return (code.length / 2) as PlaceLevel;
}

/** The first-level unit (aimag or the capital) a place belongs to: '111059' → '11'. */
export function aimagCodeOf(code: string): string {
  assertCode(code);
  return code.slice(0, 2);
}

/** The parent's code, or null for a first-level unit: '111059' → '1110'. */
export function parentCodeOf(code: string): string | null {
  assertCode(code);
  return code.length === 2 ? null : code.slice(0, -2);
}

/** Codes of the units above a place, top first, without the place itself: '111059' → ['11', '1110']. */
export function ancestorCodes(code: string): string[] {
  assertCode(code);
  const out: string[] = [];
  for (let end = 2; end < code.length; end += 2) out.push(code.slice(0, end));
  return out;
}

/** The place and every unit above it, top first: '111059' → ['11', '1110', '111059']. */
export function pathCodes(code: string): string[] {
  return [...ancestorCodes(code), code];
}

/** True when `code` is `ancestor` or lies inside it ('111059' is within '11' and '1110'). */
export function isWithin(code: string, ancestor: string): boolean {
  return isPlaceCode(code) && isPlaceCode(ancestor) && code.startsWith(ancestor);
}
