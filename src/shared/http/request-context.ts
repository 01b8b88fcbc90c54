import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../auth/actor.js';
import type { Clock } from '../clock.js';
import { DEFAULT_LANG, isLang, translator, type Lang, type Translate } from '../i18n/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    t: Translate;
    largeText: boolean;
    /** The time this request acts at, from the app's clock (tests move it). */
    now: Date;
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Set false on routes authenticated otherwise (API keys), which need no CSRF token. */
    csrf?: boolean;
    /** Errors on this route are answered as JSON. */
    api?: boolean;
  }
}

export const LANG_COOKIE = 'lang';
export const DISPLAY_COOKIE = 'display';
const YEAR_SECONDS = 365 * 24 * 3600;

/** Only same-site paths are followed after a switch or sign-in, never another host. */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  try {
    const base = 'http://irgen.invalid';
    const url = new URL(next, base);
    if (url.origin !== base) return fallback;
    // Re-encoded: a Cyrillic path ("/places/ус") must be percent-encoded in a Location header.
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}

/**
 * Language, display preference and clock for every request. Mongolian is the default;
 * the choice persists in a cookie so it survives without an account.
 */
export const requestContext = fp(async function requestContext(app: FastifyInstance, opts: { clock: Clock }) {
  app.decorateRequest('lang', DEFAULT_LANG);
  app.decorateRequest('t', null as unknown as Translate);
  app.decorateRequest('largeText', false);
  app.decorateRequest('now', null as unknown as Date);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (req) => {
    const fromCookie = req.cookies[LANG_COOKIE];
    req.lang = isLang(fromCookie) ? fromCookie : DEFAULT_LANG;
    req.t = translator(req.lang);
    req.largeText = req.cookies[DISPLAY_COOKIE] === 'large';
    req.now = opts.clock.now();
  });

  app.get('/lang/:lang', { schema: { hide: true } }, async (req, reply) => {
    const { lang } = req.params as { lang: string };
    const { next } = req.query as { next?: string };
    if (isLang(lang)) reply.setCookie(LANG_COOKIE, lang, { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax', httpOnly: true });
    return reply.redirect(safeNext(next), 303);
  });

  app.get('/display/:mode', { schema: { hide: true } }, async (req, reply) => {
    const { mode } = req.params as { mode: string };
    const { next } = req.query as { next?: string };
    if (mode === 'large') reply.setCookie(DISPLAY_COOKIE, 'large', { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax', httpOnly: true });
    else reply.clearCookie(DISPLAY_COOKIE, { path: '/' });
    return reply.redirect(safeNext(next), 303);
  });
});
