import { randomInt } from 'node:crypto';

/**
 * Tracking codes are read over the phone and copied from paper, so the alphabet leaves
 * out characters that look or sound alike: 0/O, 1/I/L, 2/Z, 5/S, 8/B.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const CODE_LENGTH = 8;

export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Cyrillic letters that look like Latin ones, as typed on a Mongolian keyboard. */
const LOOKALIKES: Record<string, string> = { А: 'A', С: 'C', Е: 'E', Н: 'H', К: 'K', М: 'M', Р: 'P', Т: 'T', У: 'Y', Х: 'X', В: 'B', О: 'O' };

/** Accepts "k7m4-trx9", "K7M4 TRX9" or Cyrillic look-alikes; returns the canonical code or null. */
export function normaliseTrackingCode(input: string): string | null {
  const upper = input.toUpperCase().replace(/[\s-]/g, '');
  let code = '';
  for (const ch of upper) code += LOOKALIKES[ch] ?? ch;
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** "K7M4TRX9" → "K7M4-TRX9", easier to read aloud. */
export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
