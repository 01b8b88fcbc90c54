import type { FastifyRequest } from 'fastify';
import type { Lang } from '../../../shared/i18n/index.js';

/**
 * The language an Open311 client asked for: the `locale` (or `lang`) parameter, else
 * the Accept-Language header. Content defaults to Mongolian; errors to a client that
 * asked for nothing carry both languages, since we cannot know who reads them.
 */
export interface Open311Language {
  lang: Lang;
  explicit: boolean;
}

/** 'mn', 'mn-MN', 'mon', 'en_GB', 'eng' → a supported language; anything else → null. */
export function languageFromTag(tag: string): Lang | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === 'mn' || primary === 'mon') return 'mn';
  if (primary === 'en' || primary === 'eng') return 'en';
  return null;
}

/** The best supported language of an Accept-Language header, by quality then order. */
export function languageFromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  let best: { lang: Lang; q: number } | null = null;
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...params] = part.split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q) || q <= 0) continue;
    const lang = languageFromTag(tag);
    if (lang && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? null;
}

/** From the query string, else (POST) the form, else Accept-Language. */
export function open311Language(req: FastifyRequest): Open311Language {
  const sources = [req.query, req.body].filter((s): s is Record<string, unknown> => !!s && typeof s === 'object');
  for (const source of sources) {
    for (const name of ['locale', 'lang']) {
      const value = source[name];
      const lang = typeof value === 'string' ? languageFromTag(value) : null;
      if (lang) return { lang, explicit: true };
    }
  }
  const header = req.headers['accept-language'];
  const fromHeader = languageFromAcceptLanguage(Array.isArray(header) ? header.join(',') : header);
  return fromHeader ? { lang: fromHeader, explicit: true } : { lang: 'mn', explicit: false };
}
