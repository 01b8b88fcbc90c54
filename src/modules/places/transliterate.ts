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

function isUpper(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase();
}

function isLower(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase();
}

export function transliterate(text: string): string {
  const chars = [...text];
  let out = '';
  chars.forEach((ch, i) => {
    const lower = ch.toLowerCase();
    const latin = TABLE[lower];
    if (latin === undefined) {
      out += ch;
    } else if (ch === lower) {
      out += latin;
    } else if (isUpper(chars[i + 1]) || (isUpper(chars[i - 1]) && !isLower(chars[i + 1]))) {
      // A word in capitals stays in capitals: ХОВД → KHOVD.
      out += latin.toUpperCase();
    } else {
      // Otherwise only the first letter of a digraph is a capital: Ховд → Khovd, not KHovd.
      out += latin.charAt(0).toUpperCase() + latin.slice(1);
    }
  });
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

/**
 * A forgiving Latin key for names typed the way people really write them: Cyrillic is
 * transliterated, then the spellings that vary in everyday use fall together
 * (о/ө/у/ү as "o", kh/x/h as "h", v/w/b, ts/c, dz/z, ye/e, long vowels as one), so
 * "umnugovi", "Omnogobi" and "Өмнөговь" share one key.
 */
export function looseKey(text: string): string {
  return foldForSearch(transliterate(text))
    .replace(/['’ʼ`"-]/g, '')
    .replace(/kh|x/g, 'h')
    .replace(/dz/g, 'z')
    .replace(/ts/g, 'c')
    .replace(/zh/g, 'j')
    .replace(/[vw]/g, 'b')
    .replace(/u/g, 'o')
    .replace(/ye/g, 'e')
    .replace(/i[iyj]/g, 'i')
    .replace(/([a-z])\1+/g, '$1');
}

/**
 * Every form a place may be searched by, folded, for the trigram index: the Mongolian
 * name, its MNS 5217 transliteration, the English name and the forgiving key.
 */
export function searchableText(mongolian: string, english?: string | null): string {
  const forms = [foldForSearch(mongolian), foldForSearch(transliterate(mongolian))];
  if (english) forms.push(foldForSearch(english));
  forms.push(looseKey(mongolian));
  if (english) forms.push(looseKey(english));
  return [...new Set(forms)].join(' ');
}
