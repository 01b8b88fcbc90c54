/**
 * Numbers as Mongolian legal texts write them. An ordinal takes the suffix -дүгээр or
 * -дугаар by vowel harmony with the last number word spoken: 1 нэг, 4 дөрөв, 9 ес,
 * 40 дөч and 90 ер have front vowels (1 дүгээр, 4 дүгээр, 40 дүгээр); the others back
 * vowels (2 дугаар, 3 дугаар, 10 дугаар, 100 дугаар).
 */
export type OrdinalSuffix = 'дүгээр' | 'дугаар';

const FRONT_UNITS = new Set([1, 4, 9]);
const FRONT_TENS = new Set([4, 9]);

export function ordinalSuffix(n: number): OrdinalSuffix {
  const units = n % 10;
  if (units !== 0) return FRONT_UNITS.has(units) ? 'дүгээр' : 'дугаар';
  const tens = Math.floor(n / 10) % 10;
  if (tens !== 0) return FRONT_TENS.has(tens) ? 'дүгээр' : 'дугаар';
  // зуу (hundred), мянга (thousand): back vowels.
  return 'дугаар';
}

/** Stems of the ordinal words: "нэг|дүгээр", "хорь|дугаар"; tens before a unit take the attributive form ("арван нэгдүгээр"). */
const UNIT_STEMS = ['', 'нэг', 'хоёр', 'гурав', 'дөрөв', 'тав', 'зургаа', 'долоо', 'найм', 'ес'];
const TEN_STEMS = ['', 'арав', 'хорь', 'гуч', 'дөч', 'тавь', 'жар', 'дал', 'ная', 'ер'];
const TEN_ATTRIBUTIVE = ['', 'арван', 'хорин', 'гучин', 'дөчин', 'тавин', 'жаран', 'далан', 'наян', 'ерэн'];

/** "нэгдүгээр", "арван хоёрдугаар", "хорьдугаар" for 1–99; digits with the suffix beyond. */
export function ordinalWords(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return `${n} ${ordinalSuffix(n)}`;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  if (units === 0) return `${TEN_STEMS[tens]}${ordinalSuffix(n)}`;
  const unit = `${UNIT_STEMS[units]}${ordinalSuffix(n)}`;
  return tens ? `${TEN_ATTRIBUTIVE[tens]} ${unit}` : unit;
}

const SUFFIX = /(дүгээр|дугаар|дүгаар|дугээр)$/u;

/**
 * Reads an ordinal written in words ("НЭГДҮГЭЭР", "арван хоёрдугаар", "Хорьдугаар"),
 * forgiving the wrong harmony (a common typo); undefined when it is not one.
 */
export function parseOrdinalWords(text: string): number | undefined {
  const words = text.toLowerCase().trim().split(/\s+/u);
  if (words.length === 0 || words.length > 2) return undefined;
  const last = words[words.length - 1]!;
  const match = SUFFIX.exec(last);
  if (!match) return undefined;
  const stem = last.slice(0, -match[0].length);
  let value: number | undefined;
  const unit = UNIT_STEMS.indexOf(stem);
  const ten = TEN_STEMS.indexOf(stem);
  if (stem && unit > 0) value = unit;
  else if (stem && ten > 0) value = ten * 10;
  // "ерэдүгээр" and "хориндугаар" are heard too.
  else if (stem === 'ерэ') value = 90;
  if (value === undefined) return undefined;
  if (words.length === 2) {
    const tens = TEN_ATTRIBUTIVE.indexOf(words[0]!);
    if (tens <= 0 || value >= 10) return undefined;
    value += tens * 10;
  }
  return value;
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** I–XCIX, as some chapters are numbered; undefined otherwise. */
export function parseRoman(text: string): number | undefined {
  const s = text.toUpperCase();
  if (!/^[IVXL]{1,8}$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total < 100 ? total : undefined;
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/**
 * An article number such as "12" or "12¹" (an article inserted after 12 by an
 * amendment), as sortable parts: [12] or [12, 1].
 */
export function articleNumberParts(number: string): number[] {
  const m = /^(\d+)([⁰¹²³⁴⁵⁶⁷⁸⁹]*)$/u.exec(number);
  if (!m) return [Number.NaN];
  const parts = [Number(m[1])];
  if (m[2]) parts.push(Number([...m[2]].map((c) => SUPERSCRIPT.indexOf(c)).join('')));
  return parts;
}

/** Compares article numbers in reading order: 12 < 12¹ < 13. */
export function compareArticleNumbers(a: string, b: string): number {
  const pa = articleNumberParts(a);
  const pb = articleNumberParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** "12 дугаар зүйл", "12¹ дүгээр зүйл": the suffix follows the main number. */
export function articleLabelMn(number: string): string {
  const main = articleNumberParts(number)[0]!;
  return `${number} ${Number.isFinite(main) ? ordinalSuffix(main) : 'дугаар'} зүйл`;
}

/** "НЭГДҮГЭЭР БҮЛЭГ" as laws print it. */
export function chapterLabelMn(number: string): string {
  const n = Number(number);
  return Number.isInteger(n) && n >= 1 && n <= 99 ? `${ordinalWords(n).toUpperCase()} БҮЛЭГ` : `${number} ${ordinalSuffix(Number.isFinite(n) ? n : 0)} бүлэг`.toUpperCase();
}
