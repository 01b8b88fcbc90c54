/**
 * A helper for moderators, not a guarantee: finds text that looks like personal data so
 * it can be highlighted before publication. Names and street addresses cannot be found
 * reliably this way; the moderator still reads everything.
 */
export type PersonalDataKind = 'email' | 'registry' | 'phone';

export interface Segment {
  text: string;
  /** Set when the text looks like personal data. */
  kind?: PersonalDataKind;
}

const CYRILLIC = 'А-ЯЁӨҮа-яёөү';
const PATTERN = new RegExp(
  [
    // name@example.mn
    `(?<email>[^\\s@<>()"',;:]+@[^\\s@<>()"',;:]+\\.[A-Za-z]{2,})`,
    // Registry (national ID) number: two Cyrillic letters and eight digits, e.g. УБ99112233.
    `(?<registry>(?<![${CYRILLIC}A-Za-z])[${CYRILLIC}]{2}[ -]?\\d{8}(?!\\d))`,
    // Phone: eight digits, optionally after +976, written 99112233, 9911 2233, 9911-2233 or 99 11 22 33.
    `(?<phone>(?<![\\d+])(?:\\+?976[ -]?)?(?:\\d{4}[ -]?\\d{4}|\\d{2}[ -]\\d{2}[ -]\\d{2}[ -]\\d{2})(?!\\d))`,
  ].join('|'),
  'gu',
);

/** Splits text into plain and possibly personal segments, in order; joined, they give the text back. */
export function findPersonalData(text: string): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const groups = match.groups ?? {};
    const kind: PersonalDataKind = groups.email ? 'email' : groups.registry ? 'registry' : 'phone';
    if (match.index > last) segments.push({ text: text.slice(last, match.index) });
    segments.push({ text: match[0], kind });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

export function countPersonalData(segments: Segment[]): number {
  return segments.filter((s) => s.kind).length;
}
