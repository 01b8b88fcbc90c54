import { CODE_ALPHABET } from '../src/modules/feedback/tracking-code.js';

/**
 * Tracking codes for generated items, computed from the row number so a million rows
 * get a million different codes in one INSERT … SELECT, without the retry loop the
 * platform uses for random codes. The same function exists twice, in TypeScript (for
 * tests and for sampling) and as an SQL expression (for loading); the loader checks that
 * both agree on sample rows.
 *
 * n ↦ (n · MULTIPLIER + OFFSET) mod 25⁸ is a bijection of the code space because the
 * multiplier shares no factor with 25⁸ (it is not a multiple of 5); writing the result in
 * base 25 over the tracking-code alphabet gives 8 characters. Consecutive rows therefore
 * get unrelated-looking, unique, valid codes.
 */

export const CODE_BASE = CODE_ALPHABET.length;
export const CODE_LENGTH = 8;
export const CODE_SPACE = CODE_BASE ** CODE_LENGTH; // 152,587,890,625
/** 3^18: coprime with 25⁸. n · MULTIPLIER stays below 2^53 for n up to 23 million. */
export const CODE_MULTIPLIER = 387_420_489;
export const CODE_OFFSET = 12_345_678_901;
/** The largest row number whose product is still exact in a JavaScript number. */
export const MAX_CODE_ROW = Math.floor((Number.MAX_SAFE_INTEGER - CODE_OFFSET) / CODE_MULTIPLIER);

/** The code of row n (n ≥ 0). */
export function codeForRow(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_CODE_ROW) throw new RangeError(`row number out of range: ${n}`);
  let x = (n * CODE_MULTIPLIER + CODE_OFFSET) % CODE_SPACE;
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    code = CODE_ALPHABET[x % CODE_BASE]! + code;
    x = Math.floor(x / CODE_BASE);
  }
  return code;
}

/**
 * The same code as a PostgreSQL expression over a bigint expression `n` (trusted SQL
 * text written by the loader, never user input).
 */
export function codeForRowSql(n: string): string {
  const x = `((${n})::bigint * ${CODE_MULTIPLIER} + ${CODE_OFFSET}) % ${CODE_SPACE}`;
  const digits: string[] = [];
  for (let i = CODE_LENGTH - 1; i >= 0; i--) {
    digits.push(`substr('${CODE_ALPHABET}', ((${x} / ${CODE_BASE ** i}) % ${CODE_BASE})::int + 1, 1)`);
  }
  return digits.join(' || ');
}
