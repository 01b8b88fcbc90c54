import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { AppDeps } from './deps.js';
import accountsModule from './modules/accounts/routes.js';
import adminModule from './modules/admin/routes.js';
import bodiesModule from './modules/bodies/routes.js';
import commitmentsModule from './modules/commitments/routes.js';
import consultationsModule from './modules/consultations/routes.js';
import feedbackModule from './modules/feedback/routes.js';
import homeModule from './modules/home/routes.js';
import placesModule from './modules/places/routes.js';
import petitionsModule from './modules/petitions/routes.js';
import { responsivenessPlaceSection } from './modules/feedback/stats/sections.js';
import { sessionPlugin } from './shared/auth/session.js';
import { errorHandler } from './shared/http/error-handler.js';
import { healthRoutes } from './shared/http/health.js';
import { warnAboutUntrustedProxy } from './shared/http/proxy-warning.js';
import { requestContext } from './shared/http/request-context.js';
import { security } from './shared/http/security.js';
import publicRecordModule from './shared/public-record/routes.js';
import { asset, STATIC_DIR } from './shared/views/assets.js';

export interface BuildAppOptions extends AppDeps {
  logger?: FastifyServerOptions['logger'];
}

/**
 * Builds the HTTP application in a visible order: transport plugins, request context
 * (language, clock), security (CSP, CSRF), session, error handling, then modules.
 * server.ts only listens and shuts down; tests call this with their own database and clock.
 */
export async function buildApp(deps: BuildAppOptions): Promise<FastifyInstance> {
  const { config, secrets } = deps;
  const https = config.publicUrl.startsWith('https:');
  const app = Fastify({
    logger: deps.logger ?? false,
    // Requests are not logged one by one; errors and refusals are, by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Form and API validation report every problem at once, not just the first.
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true, useDefaults: true } },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Irgen API',
        version: '1',
        description:
          'Open data and APIs of Irgen, the civic participation platform for Mongolia. Every public page has a JSON twin here. ' +
          'Service requests also follow Open311 GeoReport v2 under /open311/v2/.',
        license: { name: 'Open data: CC BY 4.0' },
      },
      servers: [{ url: config.publicUrl }],
      components: { securitySchemes: { open311ApiKey: { type: 'apiKey', in: 'query', name: 'api_key' } } },
    },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { api: true } }, async () => app.swagger());

  await app.register(cookie, { secret: secrets.key('cookie').toString('base64') });
  await app.register(formbody);
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(fastifyStatic, { root: STATIC_DIR, prefix: '/static/', maxAge: '365d', immutable: true, index: false });
  app.get('/favicon.ico', { schema: { hide: true } }, (_req, reply) => reply.redirect(asset('favicon.svg'), 301));

  warnAboutUntrustedProxy(app, config.trustProxy);
  await app.register(requestContext, { clock: deps.clock });
  await app.register(security, { https });
  await app.register(sessionPlugin, { db: deps.db, secureCookies: https });
  await app.register(errorHandler);

  await app.register(healthRoutes, { db: deps.db });
  await app.register(publicRecordModule, deps);
  await app.register(homeModule, deps);
  // Place pages show the responsiveness figures of feedback about that place.
  await app.register(placesModule, { ...deps, placeSections: [responsivenessPlaceSection(deps.db)] });
  await app.register(accountsModule, deps);
  await app.register(bodiesModule, deps);
  await app.register(feedbackModule, deps);
  await app.register(consultationsModule, deps);
  await app.register(petitionsModule, deps);
  await app.register(commitmentsModule, deps);
  await app.register(adminModule, deps);

  return app;
}
