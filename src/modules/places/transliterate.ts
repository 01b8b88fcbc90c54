/**
 * Mongolian Cyrillic to Latin after the national standard MNS 5217:2012, the table
 * used for official names in passports and on maps (Ulaanbaatar, Sükhbaatar, Khentii).
 */
const TABLE: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'ye', ё: 'yo', ж: 'j', з: 'z', и: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ү: 'ü', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'i', ы: 'y', ь: 'i',
  э: 'e', ю: 'yu', я: 'ya',
};

export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = TABLE[lower];
    if (latin === undefined) {
      out += ch;
    } else if (ch !== lower) {
      // Capitalise only the first letter of a digraph: Х → Kh, not KH.
      out += latin.charAt(0).toUpperCase() + latin.slice(1);
    } else {
      out += latin;
    }
  }
  return out;
}

/**
 * Folds text for matching typed queries: lower case, and Latin letters with diacritics
 * reduced (ö → o, ü → u) since most keyboards cannot type them.
 */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
}

/** Both scripts of a Mongolian text, folded, for trigram and full-text search. */
export function searchableText(mongolian: string, english?: string | null): string {
  const parts = [mongolian, transliterate(mongolian)];
  if (english) parts.push(english);
  return foldForSearch(parts.join(' '));
}
