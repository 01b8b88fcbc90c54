import type { Lang } from './index.js';

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * The language people's own text is written in, told by its letters: Mongolian is written
 * in Cyrillic and English in Latin, so whichever script has more letters decides.
 * Null when the text has no letters (a number, a code): it takes the page's language.
 */
export function textLanguage(text: string): Lang | null {
  const cyrillic = text.match(CYRILLIC)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (cyrillic === 0 && latin === 0) return null;
  return cyrillic >= latin ? 'mn' : 'en';
}

/**
 * The `lang` attribute for people's text shown on a page in `pageLang` (WCAG 3.1.2,
 * language of parts): the text's language when it differs from the page's, else nothing.
 */
export function langOfText(text: string | null | undefined, pageLang: Lang): Lang | undefined {
  if (!text) return undefined;
  const language = textLanguage(text);
  return language && language !== pageLang ? language : undefined;
}
