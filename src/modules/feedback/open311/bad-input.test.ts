import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { feedbackWorld } from '../../../../test/support/feedback-factories.js';
import { issueApiKey, revokeApiKey } from './api-keys.js';

/**
 * Malformed Open311 parameters and wrong keys: each gets the GeoReport error shape
 * `[{ code, description }]` with the right 4xx status, in the language asked for or in
 * both, and nothing is written.
 */

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let apiKey: string;

const xml = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'error' });

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
  apiKey = (await issueApiKey(t.db, { name: 'Bad input tester', now: t.clock.now() })).key;
});
afterAll(async () => t.close());

function valid(): Record<string, string> {
  return { api_key: apiKey, service_code: world.category.code, place_code: '111059', description: 'Зам эвдэрсэн байна. Засна уу.' };
}

function post(params: Record<string, string>, options: { format?: 'json' | 'xml'; query?: string; headers?: Record<string, string>; payload?: string } = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${options.format ?? 'json'}${options.query ?? ''}`,
    payload: options.payload ?? new URLSearchParams(params).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
  });
}

async function counts() {
  const n = async (table: 'feedback_item' | 'feedback_contact' | 'open311_token' | 'public_event' | 'feedback_event') =>
    Number((await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return { items: await n('feedback_item'), contacts: await n('feedback_contact'), tokens: await n('open311_token'), events: await n('public_event'), history: await n('feedback_event') };
}

/** The GeoReport error shape with this status; returns the descriptions. */
function expectErrors(res: LightMyRequestResponse, status: number): string[] {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/json');
  const body = res.json();
  expect(Array.isArray(body)).toBe(true);
  expect(body.length).toBeGreaterThan(0);
  for (const e of body) {
    expect(Object.keys(e).sort()).toEqual(['code', 'description']);
    expect(e.code).toBe(status);
    expect(typeof e.description).toBe('string');
  }
  return body.map((e: { description: string }) => e.description);
}

describe('creating a request with bad input', () => {
  const cases: [string, (p: Record<string, string>) => Record<string, string>, number, RegExp][] = [
    ['no api_key', ({ api_key: _k, ...p }) => p, 403, /api_key is required/],
    ['a wrong api_key', (p) => ({ ...p, api_key: 'irg_not-a-real-key-at-all-000000000' }), 403, /api_key is not valid/],
    ['a key of the wrong shape', (p) => ({ ...p, api_key: 'x'.repeat(150) }), 403, /api_key is not valid/],
    ['no service_code', ({ service_code: _c, ...p }) => p, 400, /service_code is required/],
    ['an unknown service_code', (p) => ({ ...p, service_code: 'no_such_service' }), 400, /no service with service_code "no_such_service"/],
    ['an unknown place_code', (p) => ({ ...p, place_code: '999999' }), 400, /no administrative unit with code "999999"/],
    ['a malformed place_code', (p) => ({ ...p, place_code: 'abc' }), 400, /no administrative unit with code "abc"/],
    ['an address_id that is not a place code', ({ place_code: _p, ...p }) => ({ ...p, address_id: 'ADDR-1' }), 400, /no administrative unit with code "ADDR-1"/],
    ['no place at all', ({ place_code: _p, ...p }) => p, 400, /place_code/],
    ['coordinates without a place', ({ place_code: _p, ...p }) => ({ ...p, lat: '47.9', long: '106.9' }), 400, /Places are not derived from coordinates/],
    ['lat without long', (p) => ({ ...p, lat: '47.9' }), 400, /Give lat and long together/],
    ['long without lat', (p) => ({ ...p, long: '106.9' }), 400, /Give lat and long together/],
    ['a non-numeric lat', (p) => ({ ...p, lat: 'north', long: '106.9' }), 400, /lat must be a number/],
    ['coordinates outside Mongolia', (p) => ({ ...p, lat: '51.5', long: '-0.12' }), 400, /lat and long must be a point in Mongolia/],
    ['Infinity as a latitude', (p) => ({ ...p, lat: 'Infinity', long: '106.9' }), 400, /lat and long must be a point in Mongolia/],
    ['no description', ({ description: _d, ...p }) => p, 400, /description is required/],
    ['a blank description', (p) => ({ ...p, description: '   ' }), 400, /description is required/],
    ['an overlong description', (p) => ({ ...p, description: 'я'.repeat(4001) }), 400, /description must be 4000 characters or fewer/],
    ['a bad email', (p) => ({ ...p, email: 'not-an-email' }), 400, /email is not valid/],
    ['a bad phone', (p) => ({ ...p, phone: '123' }), 400, /phone is not valid/],
    ['an unknown kind', (p) => ({ ...p, kind: 'rant' }), 400, /kind must be one of: complaint, request, suggestion, criticism, praise/],
    ['public that is not a boolean', (p) => ({ ...p, public: 'maybe' }), 400, /public must be true or false/],
    ['a media_url that is not http', (p) => ({ ...p, media_url: 'javascript:alert(1)' }), 400, /media_url must be an http\(s\) URL/],
    ['another jurisdiction', (p) => ({ ...p, jurisdiction_id: 'sfgov.org' }), 400, /jurisdiction_id must be "mn"/],
    ['an overlong first name', (p) => ({ ...p, first_name: 'Б'.repeat(61) }), 400, /first_name must be 60 characters or fewer/],
    ['a NUL character, which PostgreSQL text cannot hold', (p) => ({ ...p, address_string: 'a\u0000b' }), 400, /address_string is not valid/],
  ];

  for (const [name, change, status, message] of cases) {
    it(`refuses ${name} with ${status} and writes nothing`, async () => {
      const before = await counts();
      const res = await post(change(valid()), { headers: { 'accept-language': 'en' } });
      const descriptions = expectErrors(res, status);
      expect(descriptions.join('\n')).toMatch(message);
      expect(await counts()).toEqual(before);
    });
  }

  it('reports every problem at once', async () => {
    const res = await post({ api_key: apiKey, lat: '47.9', description: 'x'.repeat(4001), kind: 'rant' }, { query: '?locale=en' });
    const descriptions = expectErrors(res, 400);
    expect(descriptions).toEqual(expect.arrayContaining([expect.stringMatching(/service_code is required/), expect.stringMatching(/description must be/), expect.stringMatching(/kind must be one of/)]));
  });

  it('checks the key before anything else, so a client without one learns nothing more', async () => {
    const res = await post({ service_code: 'x', lat: 'y' }, { query: '?locale=en' });
    expect(expectErrors(res, 403)).toEqual(['An api_key is required to create a request. Ask a platform administrator for one.']);
  });

  it('refuses a revoked key', async () => {
    const revoked = await issueApiKey(t.db, { name: 'Soon revoked', now: t.clock.now() });
    expect((await post({ ...valid(), api_key: revoked.key })).statusCode).toBe(200);
    await revokeApiKey(t.db, revoked.id, t.clock.now());
    // Revoked outside the app's admin page: the checker's cache lets it through at most for its TTL; a fresh app refuses it at once.
    const fresh = await createTestAppLike();
    try {
      const res = await fresh.inject({ method: 'POST', url: '/open311/v2/requests.json?locale=en', payload: new URLSearchParams({ ...valid(), api_key: revoked.key }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(expectErrors(res, 403)).toEqual(['The api_key is not valid or has been revoked.']);
    } finally {
      await fresh.close();
    }
  });

  it('answers in both languages when none is asked for, in the language asked for otherwise', async () => {
    const both = expectErrors(await post({ ...valid(), service_code: 'nope' }), 400);
    expect(both[0]).toBe('"nope" кодтой үйлчилгээ (service_code) алга. / There is no service with service_code "nope".');
    const mn = expectErrors(await post({ ...valid(), service_code: 'nope' }, { query: '?locale=mn' }), 400);
    expect(mn[0]).toBe('"nope" кодтой үйлчилгээ (service_code) алга.');
    const en = expectErrors(await post({ ...valid(), service_code: 'nope', locale: 'en' }), 400);
    expect(en[0]).toBe('There is no service with service_code "nope".');
  });

  it('answers errors of the XML endpoint in XML', async () => {
    const res = await post({ ...valid(), api_key: 'wrong' }, { format: 'xml', query: '?locale=en' });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('text/xml');
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?><errors><error>')).toBe(true);
    expect(xml.parse(res.body).errors.error).toEqual([{ code: '403', description: 'The api_key is not valid or has been revoked.' }]);
  });

  it('refuses JSON and other bodies with 415', async () => {
    const before = await counts();
    const json = await post({}, { payload: JSON.stringify(valid()), headers: { 'content-type': 'application/json' }, query: '?locale=en' });
    expect(expectErrors(json, 415)).toEqual(['Send the parameters as application/x-www-form-urlencoded.']);
    expectErrors(await post({}, { payload: 'hello', headers: { 'content-type': 'text/plain' } }), 415);
    expectErrors(await post({}, { payload: '--x\r\n', headers: { 'content-type': 'multipart/form-data; boundary=x' } }), 415);
    expect(await counts()).toEqual(before);
  });

  it('refuses a body over 64 KB with 413', async () => {
    expectErrors(await post({ ...valid(), description: 'я'.repeat(40_000) }), 413);
  });
});

describe('reading with bad input', () => {
  const cases: [string, string, number, RegExp][] = [
    ['a malformed start_date', '/open311/v2/requests.json?start_date=yesterday', 400, /start_date must be an ISO 8601 date/],
    ['an impossible end_date', '/open311/v2/requests.json?end_date=2026-02-30', 400, /end_date must be an ISO 8601 date/],
    ['an end before the start', '/open311/v2/requests.json?start_date=2026-03-01&end_date=2026-02-01', 400, /end_date must be after start_date/],
    ['a window over 90 days', '/open311/v2/requests.json?start_date=2025-01-01&end_date=2025-12-31', 400, /at most 90 days apart/],
    ['an unknown status', '/open311/v2/requests.json?status=pending', 400, /status must be one of: open, closed/],
    ['an unknown service_code', '/open311/v2/requests.json?service_code=nope', 400, /no service with service_code "nope"/],
    ['an unknown place_code', '/open311/v2/requests.json?place_code=99', 400, /no administrative unit with code "99"/],
    ['an unknown body', '/open311/v2/requests.json?body=no-such-body', 400, /There is no body "no-such-body"/],
    ['a page size over 1000', '/open311/v2/requests.json?page_size=5000', 400, /page_size is not valid/],
    ['a malformed service_request_id', '/open311/v2/requests.json?service_request_id=12345', 400, /service_request_id is not valid/],
    ['too many ids', `/open311/v2/requests.json?service_request_id=${Array(101).fill('KKKKKKKK').join(',')}`, 400, /at most 100/],
    ['another jurisdiction', '/open311/v2/requests.json?jurisdiction_id=nyc', 400, /jurisdiction_id must be "mn"/],
    ['an unknown request', '/open311/v2/requests/KKKKKKKK.json', 404, /no request with id "KKKKKKKK"/],
    ['a malformed request id', '/open311/v2/requests/not-a-code.json', 404, /no request with id "not-a-code"/],
    ['an unknown token', '/open311/v2/tokens/00000000-0000-4000-8000-000000000000.json', 404, /no such token/],
    ['a malformed token', '/open311/v2/tokens/abc.json', 404, /no such token/],
    ['an unknown service', '/open311/v2/services/nope.json', 404, /no service with service_code "nope"/],
    ['an unknown address', '/open311/v2/nothing.json', 404, /no such Open311 address/],
    ['an unknown format', '/open311/v2/services.csv', 404, /no such Open311 address/],
    ['a NUL in a filter', '/open311/v2/requests.json?service_code=%00', 400, /service_code is not valid/],
    ['a NUL in a path', '/open311/v2/services/a%00b.json', 400, /service_code is not valid/],
  ];
  for (const [name, url, status, message] of cases) {
    it(`answers ${name} with ${status}`, async () => {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
      expect(expectErrors(res, status).join('\n')).toMatch(message);
    });
  }

  it('collects every filter problem into one answer', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json?locale=en&start_date=x&status=y&service_code=z&place_code=1' });
    expect(expectErrors(res, 400)).toHaveLength(4);
  });

  it('answers other methods with 405 and Allow', async () => {
    const res = await t.app.inject({ method: 'DELETE', url: '/open311/v2/requests.json?locale=en' });
    expect(expectErrors(res, 405)).toEqual(['This address does not accept DELETE requests.']);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    const put = await t.app.inject({ method: 'POST', url: '/open311/v2/services.xml' });
    expect(put.statusCode).toBe(405);
    expect(xml.parse(put.body).errors.error).toHaveLength(1);
  });

  it('keeps the rest of the site’s error pages to itself', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/open311/v3/discovery.json', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('text/html');
  });
});

describe('random input', () => {
  const PARAMS = ['api_key', 'service_code', 'lat', 'long', 'address_string', 'address_id', 'place_code', 'email', 'first_name', 'last_name', 'phone', 'description', 'media_url', 'kind', 'public', 'jurisdiction_id', 'locale', 'attribute[x]', 'device_id'];

  it('never answers a POST with a 5xx, and every refusal has the GeoReport error shape', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 50 }),
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'true', 'null', '47.9', '106.9', '111059', '1110', 'complaint', 'mn', 'https://x.example/a', '%00', '\u0000', 'я'.repeat(4001)),
      fc.double().map(String),
    );
    const paramSet = fc.dictionary(fc.constantFrom(...PARAMS), value, { maxKeys: 10 }).map((p) => (Math.random() < 0.5 ? p : { ...valid(), ...p }));
    await fc.assert(
      fc.asyncProperty(paramSet, fc.constantFrom<'json' | 'xml'>('json', 'xml'), async (params, format) => {
        const res = await post(params, { format });
        expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) {
          if (format === 'json') expectErrors(res, res.statusCode);
          else expect(xml.parse(res.body).errors.error.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('never answers a search with a 5xx', async () => {
    const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('2026-03-01', 'open', 'closed', '11', '\u0000', '-1', '1e9'));
    const q = fc.dictionary(fc.constantFrom('service_request_id', 'service_code', 'start_date', 'end_date', 'status', 'place_code', 'body', 'page', 'page_size', 'locale'), text, { maxKeys: 6 });
    await fc.assert(
      fc.asyncProperty(q, async (params) => {
        const res = await t.app.inject({ method: 'GET', url: `/open311/v2/requests.json?${new URLSearchParams(params)}` });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });

  it('never answers a read by id, token or service code with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('requests', 'tokens', 'services'), fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.constantFrom('json', 'xml'), async (kind, id, format) => {
        const res = await t.app.inject({ method: 'GET', url: `/open311/v2/${kind}/${encodeURIComponent(id)}.${format}` });
        expect(res.statusCode, res.body).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
  });
});

/** A second app on the same database: what another process sees right after a revocation. */
async function createTestAppLike() {
  const { buildApp } = await import('../../../app.js');
  const app = await buildApp({ config: t.config, database: t.database, db: t.db, clock: t.clock, secrets: t.secrets });
  await app.ready();
  return app;
}
