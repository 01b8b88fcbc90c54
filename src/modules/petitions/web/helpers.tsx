import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { AppError } from '../../../shared/errors.js';
import { PageContextValue } from '../../../shared/views/context.js';
import { pageContext } from '../../../shared/views/render.js';

export function str(body: unknown, name: string): string {
  const v = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof v === 'string' ? v : '';
}

/** A petition number from the URL; anything else is "no such petition". */
export function petitionId(raw: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) throw new AppError('petitions.not_found', { status: 404 });
  const n = Number(raw);
  if (n > 2_147_483_647) throw new AppError('petitions.not_found', { status: 404 });
  return n;
}

export function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export interface RenderedPage {
  html: string;
  gzip: Buffer;
}

/** A page rendered once (HTML and its gzip), to be sent to many readers while it stays current. */
export function renderPage(req: FastifyRequest, reply: FastifyReply, page: VNode): RenderedPage {
  const html = '<!doctype html>' + renderToString(<PageContextValue.Provider value={pageContext(req, reply)}>{page}</PageContextValue.Provider>);
  return { html, gzip: gzipSync(html, { level: 6 }) };
}

export function sendRendered(req: FastifyRequest, reply: FastifyReply, page: RenderedPage): FastifyReply {
  reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').header('vary', 'accept-encoding');
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.header('content-encoding', 'gzip').send(page.gzip);
  return reply.send(page.html);
}
