import type { Lang } from './index.js';

/** Public times are shown in Mongolia's time zone whatever the server's zone is. */
export const TIME_ZONE = 'Asia/Ulaanbaatar';

const locales: Record<Lang, string> = { mn: 'mn-MN', en: 'en-GB' };
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${lang}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locales[lang], { timeZone: TIME_ZONE, ...options });
    cache.set(key, format);
  }
  return format;
}

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `n:${lang}:${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], options);
    cache.set(key, format);
  }
  return format;
}

/** "2026 оны 11 сарын 25" / "25 November 2026". */
export function formatDate(date: Date, lang: Lang): string {
  if (lang === 'mn') {
    const parts = dateFormat('mn', { year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')} оны ${Number(get('month'))} сарын ${Number(get('day'))}`;
  }
  return dateFormat('en', { dateStyle: 'long' }).format(date);
}

/** Compact numeric date for tables: "2026.11.25" / "25 Nov 2026". */
export function formatShortDate(date: Date, lang: Lang): string {
  if (lang === 'mn') {
    const parts = dateFormat('mn', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year')}.${get('month')}.${get('day')}`;
  }
  return dateFormat('en', { day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** Day and month for chart axes: "11.25" / "25 Nov". */
export function formatDayMonth(date: Date, lang: Lang): string {
  if (lang === 'mn') {
    // Digits from the English format: Mongolian's month alone comes out in Roman numerals.
    const parts = dateFormat('en', { month: '2-digit', day: '2-digit' }).formatToParts(date);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('month')}.${get('day')}`;
  }
  return dateFormat('en', { day: 'numeric', month: 'short' }).format(date);
}

export function formatDateTime(date: Date, lang: Lang): string {
  const time = dateFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  return `${formatDate(date, lang)}, ${time}`;
}

export function formatNumber(value: number, lang: Lang, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(lang, options).format(value);
}

export function formatPercent(ratio: number, lang: Lang): string {
  return numberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** Calendar date (YYYY-MM-DD) of an instant in Mongolia. */
export function localDay(date: Date): string {
  const parts = dateFormat('en', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Machine-readable value for <time datetime>. */
export function isoDate(date: Date): string {
  return date.toISOString();
}
