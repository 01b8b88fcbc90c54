import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * A strict Content-Security-Policy (no inline script or style, nothing from other
 * hosts) and CSRF tokens on every unsafe request unless the route opts out because it
 * is authenticated by an API key rather than a cookie.
 */
export const security = fp(async function security(app: FastifyInstance, opts: { https: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(opts.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: opts.https ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });

  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'irgen_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: opts.https },
    // Multipart forms carry the token in the query string, since it is checked before the body is read.
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body === 'object' ? body._csrf : undefined;
      const value = fromBody ?? (req.query as Record<string, unknown> | undefined)?._csrf;
      return typeof value === 'string' ? value : '';
    },
  });

  app.addHook('preHandler', (req, reply, done) => {
    if (!UNSAFE_METHODS.has(req.method) || req.routeOptions.config.csrf === false) return done();
    app.csrfProtection(req, reply, (err?: Error) => done(err ? new AppError('csrf_invalid') : undefined));
  });
});
