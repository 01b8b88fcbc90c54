import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../i18n/index.js';
import { PageContextValue, type PageContext } from './context.js';

export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  let token: string | undefined;
  return {
    lang: req.lang,
    t: translator(req.lang),
    actor: req.actor,
    path: req.url,
    now: req.now,
    largeText: req.largeText,
    csrfToken: () => (token ??= reply.generateCsrf()),
  };
}

/** Renders a full page (a <Layout> element) as HTML. Everything interpolated is escaped by Preact. */
export function sendPage(req: FastifyRequest, reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  const html = '<!doctype html>' + renderToString(<PageContextValue.Provider value={pageContext(req, reply)}>{page}</PageContextValue.Provider>);
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}
