import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import { formatDate } from '../../../shared/i18n/format.js';
import { translate } from '../../../shared/i18n/index.js';
import { localized } from '../../../shared/views/context.js';
import { submitFeedback } from '../commands/submit.js';
import { normaliseTrackingCode, formatTrackingCode } from '../tracking-code.js';
import type { ApiClientRef, ApiKeyChecker } from './api-keys.js';
import { notFound, Open311Error, problem, sendOpen311Error, toOpen311Error, type Problem } from './errors.js';
import { open311Language } from './language.js';
import './messages.js';
import { placeCodesOf, presentRequest } from './present.js';
import {
  activeServiceExists,
  activeServices,
  bodyNames,
  codeByToken,
  placeNames,
  publishedRequests,
  requestsByCode,
} from './queries.js';
import {
  CreatedResponse,
  CreateRequestBody,
  CreateRequestQuery,
  DiscoveryResponse,
  ErrorsResponse,
  LanguageQuery,
  RequestIdParams,
  RequestsQuery,
  RequestsResponse,
  ServiceCodeParams,
  ServiceDefinitionResponse,
  ServicesResponse,
  TokenParams,
  TokenResponse,
} from './schemas.js';
import { parseSearch } from './search.js';
import { toSubmission } from './submission.js';
import { sendFormatted, type Open311Format } from './xml.js';

export const OPEN311_PREFIX = '/open311/v2';
/** When this API last changed in a way clients may care about (GeoReport v2 discovery `changeset`). */
export const API_CHANGESET = '2026-03-01T00:00:00Z';
const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
const FORMATS = ['json', 'xml'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAMES_TTL_MS = 60_000;

export interface Open311ApiOptions extends Pick<AppDeps, 'db' | 'config' | 'secrets'> {
  keys: ApiKeyChecker;
}

/** Route options every Open311 route shares: API errors, no CSRF (keys, not cookies, authenticate). */
const routeConfig = { api: true, csrf: false } as const;

function schemaFor<S extends object>(format: Open311Format, schema: S): S & { tags: string[]; produces: string[] } {
  return { tags: ['open311'], produces: [format === 'xml' ? 'text/xml' : 'application/json'], ...schema };
}

const errorResponses = { 400: ErrorsResponse, 403: ErrorsResponse, 404: ErrorsResponse };

/**
 * Open311 GeoReport v2 at /open311/v2: discovery, services, service definitions,
 * requests (create, search, read) and tokens, each as .json and .xml. Errors here,
 * including unknown addresses, are answered in the GeoReport format by this plugin's own
 * handlers (Fastify encapsulation keeps them from the rest of the site).
 */
export async function open311Api(app: FastifyInstance, opts: Open311ApiOptions): Promise<void> {
  const { db, config, secrets, keys } = opts;
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const clients = new WeakMap<FastifyRequest, ApiClientRef>();
  const bodyNameCache = new Map<number, { names: { name_mn: string; name_en: string }; until: number }>();

  // GeoReport v2 takes form-encoded parameters; JSON or text bodies get a 415 in the GeoReport format.
  app.removeContentTypeParser(['application/json', 'text/plain']);

  app.setErrorHandler((error, req, reply) => {
    const e = toOpen311Error(error);
    if (e.status >= 500) req.log.error({ err: error }, 'open311 request failed');
    else req.log.info({ status: e.status, problems: e.problems.map((p) => p.key), url: req.url }, 'open311 request refused');
    return sendOpen311Error(req, reply, e);
  });
  app.setNotFoundHandler((req, reply) => sendOpen311Error(req, reply, notFound('not_found')));

  // PostgreSQL text cannot hold U+0000; a parameter carrying one is refused before it reaches a query.
  app.addHook('preValidation', async (req) => {
    const problems: Problem[] = [];
    for (const source of [req.params, req.query, req.body]) {
      if (!source || typeof source !== 'object') continue;
      for (const [param, value] of Object.entries(source)) {
        const values = Array.isArray(value) ? value : [value];
        if (values.some((v) => typeof v === 'string' && v.includes('\u0000'))) problems.push(problem('invalid', { param }));
      }
    }
    if (problems.length) throw new Open311Error(400, problems);
  });

  // Public data without cookies: any web page may read it (a key in a browser app is that app's choice).
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('access-control-allow-origin', '*');
    return payload;
  });

  async function bodyName(id: number, lang: 'mn' | 'en'): Promise<string> {
    const now = Date.now();
    let entry = bodyNameCache.get(id);
    if (!entry || entry.until < now) {
      const names = (await bodyNames(db, id)) ?? { name_mn: '', name_en: '' };
      entry = { names, until: now + NAMES_TTL_MS };
      if (bodyNameCache.size > 5000) bodyNameCache.clear();
      bodyNameCache.set(id, entry);
    }
    return localized(lang, entry.names.name_mn, entry.names.name_en);
  }

  for (const format of FORMATS) {
    api.get(
      `/discovery.${format}`,
      {
        config: routeConfig,
        schema: schemaFor(format, { summary: `Discovery (${format})`, description: 'Where the API is and how to get a key', querystring: LanguageQuery, response: { 200: DiscoveryResponse } }),
      },
      async (req, reply) => {
        const { lang } = open311Language(req);
        const endpoint = { specification: SPECIFICATION, url: `${config.publicUrl}${OPEN311_PREFIX}`, changeset: API_CHANGESET, type: 'production', formats: ['application/json', 'text/xml'] };
        const discovery = {
          changeset: API_CHANGESET,
          contact: translate(lang, 'open311:discovery.contact', { url: config.publicUrl }),
          key_service: translate(lang, 'open311:discovery.keyService', { url: `${config.publicUrl}/admin/api-clients` }),
          endpoints: [endpoint],
        };
        reply.header('cache-control', 'public, max-age=3600');
        return sendFormatted(reply, format, discovery, () => ({ discovery: { ...discovery, endpoints: { endpoint: { ...endpoint, formats: { format: endpoint.formats } } } } }));
      },
    );

    api.get(
      `/services.${format}`,
      {
        config: routeConfig,
        schema: schemaFor(format, {
          summary: `Service types (${format})`,
          description: 'The active feedback categories; service_code is the category code. Names and descriptions in the requested language (Mongolian by default).',
          querystring: LanguageQuery,
          response: { 200: ServicesResponse, ...errorResponses },
        }),
      },
      async (req, reply) => {
        const { lang } = open311Language(req);
        const services = (await activeServices(db)).map((s) => ({
          service_code: s.code,
          service_name: localized(lang, s.name_mn, s.name_en),
          description: localized(lang, s.description_mn, s.description_en) || null,
          metadata: false,
          type: 'realtime' as const,
          keywords: s.keywords || null,
          // Categories are one flat list; there are no groups to report.
          group: null,
        }));
        reply.header('cache-control', 'public, max-age=300');
        return sendFormatted(reply, format, services, () => ({ services: { service: services } }));
      },
    );

    api.get(
      `/services/:service_code.${format}`,
      {
        config: routeConfig,
        schema: schemaFor(format, {
          summary: `Service definition (${format})`,
          description: 'Irgen services have no extra attributes (metadata is false), so the list is empty.',
          params: ServiceCodeParams,
          querystring: LanguageQuery,
          response: { 200: ServiceDefinitionResponse, ...errorResponses },
        }),
      },
      async (req, reply) => {
        const code = req.params.service_code;
        if (!(await activeServiceExists(db, code))) throw notFound('unknown_service', { code });
        const definition = { service_code: code, attributes: [] };
        reply.header('cache-control', 'public, max-age=300');
        return sendFormatted(reply, format, definition, () => ({ service_definition: { service_code: code, attributes: '' } }));
      },
    );

    api.post(
      `/requests.${format}`,
      {
        config: routeConfig,
        bodyLimit: 64 * 1024,
        schema: schemaFor(format, {
          summary: `Create a service request (${format})`,
          description:
            'Files feedback with the responsible body, synchronously: the answer carries the tracking code (service_request_id) and a token. ' +
            'Parameters are form-encoded (application/x-www-form-urlencoded); they are also read from the query string, the form winning. ' +
            'The place is required as place_code or address_id (an administrative unit code); coordinates alone are not mapped to a place. ' +
            'The description is required; its first sentence becomes the title. address_string and media_url reach the body with the description and are never published; media is never fetched.',
          consumes: ['application/x-www-form-urlencoded'],
          security: [{ open311ApiKey: [] }],
          querystring: CreateRequestQuery,
          body: CreateRequestBody,
          response: { 200: CreatedResponse, ...errorResponses },
        }),
        preValidation: async (req) => {
          const contentType = req.headers['content-type'];
          if (contentType !== undefined && !/^application\/x-www-form-urlencoded\b/i.test(contentType)) throw new Open311Error(415, [problem('form_encoded')]);
          req.body = mergeParams(req.query, req.body) as typeof req.body;
          const key = (req.body as Record<string, unknown>).api_key;
          if (typeof key !== 'string' || !key.trim()) throw new Open311Error(403, [problem('api_key_missing')]);
          const client = await keys.check(key.trim());
          if (!client) throw new Open311Error(403, [problem('api_key_invalid')]);
          clients.set(req, client);
        },
      },
      async (req, reply) => {
        const client = clients.get(req);
        if (!client) throw new Open311Error(403, [problem('api_key_missing')]);
        const { lang } = open311Language(req);
        const input = toSubmission(req.body, lang, client.id);
        const sent = await submitFeedback(db, input, { now: req.now, publicUrl: config.publicUrl, secrets }).catch((error: unknown) => {
          throw toOpen311Error(error, { service_code: input.categoryCode, place_code: input.placeCode });
        });
        const notice = translate(lang, 'open311:notice.received', { body: await bodyName(sent.bodyId, lang), due: formatDate(sent.dueAt, lang), code: formatTrackingCode(sent.code) });
        // account_id is left out: API submitters have no Irgen account (Swagger's RequestResponse types it as a string, so null would not do).
        const created = [{ service_request_id: sent.code, token: sent.open311Token ?? '', service_notice: notice }];
        reply.header('cache-control', 'no-store');
        return sendFormatted(reply, format, created, () => ({ service_requests: { request: created } }));
      },
    );

    api.get(
      `/requests.${format}`,
      {
        config: routeConfig,
        schema: schemaFor(format, {
          summary: `Search service requests (${format})`,
          description:
            'Published requests received in a window of at most 90 days (default: the last 90), newest first, at most 1000 per page. ' +
            'service_request_id overrides the other filters and also finds unpublished requests, showing only their status and dates.',
          querystring: RequestsQuery,
          response: { 200: RequestsResponse, ...errorResponses },
        }),
      },
      async (req, reply) => {
        const q = req.query;
        const { lang } = open311Language(req);
        const search = await parseSearch(db, q, req.now);
        const rows = 'codes' in search ? await requestsByCode(db, search.codes) : await publishedRequests(db, search.filter);
        const places = await placeNames(db, placeCodesOf(rows));
        const list = rows.map((row) => presentRequest(row, lang, places, req.now));
        reply.header('cache-control', 'no-cache');
        return sendFormatted(reply, format, list, () => ({ service_requests: { request: list } }));
      },
    );

    api.get(
      `/requests/:service_request_id.${format}`,
      {
        config: routeConfig,
        schema: schemaFor(format, {
          summary: `One service request (${format})`,
          description: 'Any request by its tracking code; an unpublished one shows only its status, body and dates.',
          params: RequestIdParams,
          querystring: LanguageQuery,
          response: { 200: RequestsResponse, ...errorResponses },
        }),
      },
      async (req, reply) => {
        const { lang } = open311Language(req);
        const id = req.params.service_request_id;
        const code = normaliseTrackingCode(id);
        const rows = code ? await requestsByCode(db, [code]) : [];
        if (rows.length === 0) throw notFound('unknown_request', { id });
        const places = await placeNames(db, placeCodesOf(rows));
        const list = rows.map((row) => presentRequest(row, lang, places, req.now));
        reply.header('cache-control', 'no-cache');
        return sendFormatted(reply, format, list, () => ({ service_requests: { request: list } }));
      },
    );

    api.get(
      `/tokens/:token.${format}`,
      {
        config: routeConfig,
        schema: schemaFor(format, {
          summary: `Request id from a token (${format})`,
          params: TokenParams,
          querystring: LanguageQuery,
          response: { 200: TokenResponse, ...errorResponses },
        }),
      },
      async (req, reply) => {
        const token = req.params.token.toLowerCase();
        const code = UUID.test(token) ? await codeByToken(db, token) : null;
        if (!code) throw notFound('unknown_token');
        const list = [{ service_request_id: code, token }];
        reply.header('cache-control', 'no-cache');
        return sendFormatted(reply, format, list, () => ({ service_requests: { request: list } }));
      },
    );
  }

  // Other methods on known addresses: 405 with Allow, in the GeoReport format.
  const allowed: [string, HTTPMethods[]][] = [
    ['/discovery', ['GET', 'HEAD']],
    ['/services', ['GET', 'HEAD']],
    ['/services/:service_code', ['GET', 'HEAD']],
    ['/requests', ['GET', 'HEAD', 'POST']],
    ['/requests/:service_request_id', ['GET', 'HEAD']],
    ['/tokens/:token', ['GET', 'HEAD']],
  ];
  const ALL: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
  for (const [path, methods] of allowed) {
    const others = ALL.filter((m) => !methods.includes(m));
    for (const format of FORMATS) {
      app.route({
        method: others,
        url: `${path}.${format}`,
        config: routeConfig,
        schema: { hide: true },
        handler: async (req, reply) => {
          reply.header('allow', methods.join(', '));
          return sendOpen311Error(req, reply, new Open311Error(405, [problem('method_not_allowed', { method: req.method })]));
        },
      });
    }
  }
}

/**
 * The form's parameters with the query string's beneath them (the GeoReport wiki says
 * form, its Swagger says query), and empty values dropped, so `lat=&long=` from a form
 * with blank fields reads as "not given".
 */
function mergeParams(query: unknown, body: unknown): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const source of [query, body]) {
    if (!source || typeof source !== 'object') continue;
    for (const [key, value] of Object.entries(source)) {
      if (value === '' || value === undefined) continue;
      merged[key] = value;
    }
  }
  return merged;
}
