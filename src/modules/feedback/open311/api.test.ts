import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { createBody, createCategory, createStaffMember, feedbackWorld } from '../../../../test/support/feedback-factories.js';
import type { CommandContext } from '../commands/common.js';
import { answerFeedback } from '../commands/handle.js';
import { publishFeedback, withholdFeedback } from '../commands/moderate.js';
import { issueApiKey } from './api-keys.js';

/**
 * An Open311 client's view: every JSON answer is checked against the GeoReport v2 JSON
 * Schemas published by the Open311 community (schemas/), every XML answer is parsed back
 * and compared with its JSON twin.
 */

const SCHEMA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schemas');
const BASE = 'https://open311.example/schemas/';

function loadValidators() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // Swagger's own formats: identifiers, unsigned integers.
  ajv.addFormat('uid', true);
  ajv.addFormat('uint', true);
  for (const file of ['request.json', 'requests.json', 'service.json', 'services.json', 'service-definition.json']) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')), BASE + file);
  }
  const swagger = JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, 'swagger.json'), 'utf8'));
  ajv.addSchema({ definitions: swagger.definitions }, BASE + 'swagger.json');
  const get = (ref: string) => ajv.getSchema(BASE + ref) as ValidateFunction;
  return {
    requests: get('requests.json'),
    services: get('services.json'),
    serviceDefinition: get('service-definition.json'),
    created: ajv.compile({ type: 'array', minItems: 1, items: { $ref: `${BASE}swagger.json#/definitions/RequestResponse` } }),
    token: ajv.compile({ type: 'array', minItems: 1, items: { $ref: `${BASE}swagger.json#/definitions/TokenResponse` } }),
  };
}
const validators = loadValidators();

function expectValid(validate: ValidateFunction, body: unknown) {
  const ok = validate(body);
  expect(validate.errors ?? [], JSON.stringify(body).slice(0, 500)).toEqual([]);
  expect(ok).toBe(true);
}

const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['service', 'request', 'error', 'endpoint', 'format'].includes(name) });

/** XML text values as the JSON would have them: '' for null, strings for numbers and booleans. */
function asXmlText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asXmlText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asXmlText(v)]));
  return String(value);
}

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let apiKey: string;
let moderator: { accountId: number };
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

function form(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

function post(format: 'json' | 'xml', params: Record<string, string>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, payload: form(params), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
}

function get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url, headers });
}

async function create(params: Record<string, string> = {}): Promise<{ id: string; token: string }> {
  const res = await post('json', { api_key: apiKey, service_code: world.category.code, place_code: '111059', description: 'Гэрэлтүүлэг ажиллахгүй байна. Орой харанхуй.', ...params });
  expect(res.statusCode, res.body).toBe(200);
  const [created] = res.json();
  return { id: created.service_request_id, token: created.token };
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T01:00:00Z' });
  world = await feedbackWorld(t.db);
  await t.db
    .updateTable('category')
    .set({ name_mn: 'Гудамжны гэрэлтүүлэг', name_en: 'Street lighting', description_mn: 'Гэрэл асахгүй, гэмтсэн', description_en: 'Lights out or broken', keywords: 'гэрэл,light' })
    .where('id', '=', world.category.id)
    .execute();
  apiKey = (await issueApiKey(t.db, { name: 'Test client', now: t.clock.now() })).key;
  moderator = await createStaffMember(t.db, world.capital.id);
});
afterAll(async () => t.close());

describe('discovery and services', () => {
  it('describes the endpoint in JSON and XML', async () => {
    const res = await get('/open311/v2/discovery.json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    const body = res.json();
    expect(body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://irgen.test/open311/v2', type: 'production', formats: ['application/json', 'text/xml'] });
    expect(body.key_service).toContain('/admin/api-clients');
    const x = await get('/open311/v2/discovery.xml');
    expect(x.headers['content-type']).toContain('text/xml');
    const parsed = xml.parse(x.body);
    expect(parsed.discovery.endpoints.endpoint[0].formats.format).toEqual(['application/json', 'text/xml']);
    expect(parsed.discovery.changeset).toBe(body.changeset);
  });

  it('lists active services in Mongolian by default and in English when asked, valid against services.json', async () => {
    const inactive = await createCategory(t.db);
    await t.db.updateTable('category').set({ active: false }).where('id', '=', inactive.id).execute();

    const mn = await get('/open311/v2/services.json');
    expect(mn.statusCode).toBe(200);
    expectValid(validators.services, mn.json());
    const ours = mn.json().find((s: { service_code: string }) => s.service_code === world.category.code);
    expect(ours).toEqual({ service_code: world.category.code, service_name: 'Гудамжны гэрэлтүүлэг', description: 'Гэрэл асахгүй, гэмтсэн', metadata: false, type: 'realtime', keywords: 'гэрэл,light', group: null });
    expect(mn.json().map((s: { service_code: string }) => s.service_code)).not.toContain(inactive.code);

    for (const ask of [{ url: '/open311/v2/services.json?locale=en' }, { url: '/open311/v2/services.json?lang=en-GB' }, { url: '/open311/v2/services.json', headers: { 'accept-language': 'fr;q=1, en;q=0.8, mn;q=0.5' } }]) {
      const en = await get(ask.url, ask.headers);
      expectValid(validators.services, en.json());
      expect(en.json().find((s: { service_code: string }) => s.service_code === world.category.code)).toMatchObject({ service_name: 'Street lighting', description: 'Lights out or broken' });
    }

    const x = await get('/open311/v2/services.xml?locale=en');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('text/xml');
    const services = xml.parse(x.body).services.service;
    const json = (await get('/open311/v2/services.json?locale=en')).json();
    expect(services).toEqual(asXmlText(json));
  });

  it('gives a service definition with no attributes, and 404 for an unknown code', async () => {
    const res = await get(`/open311/v2/services/${world.category.code}.json`);
    expect(res.statusCode).toBe(200);
    expectValid(validators.serviceDefinition, res.json());
    expect(res.json()).toEqual({ service_code: world.category.code, attributes: [] });
    const x = xml.parse((await get(`/open311/v2/services/${world.category.code}.xml`)).body);
    expect(x.service_definition.service_code).toBe(world.category.code);

    const missing = await get('/open311/v2/services/no_such_service.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: expect.stringContaining('no_such_service') }]);
    const missingXml = await get('/open311/v2/services/no_such_service.xml?locale=en');
    expect(missingXml.statusCode).toBe(404);
    expect(xml.parse(missingXml.body).errors.error[0]).toEqual({ code: '404', description: 'There is no service with service_code "no_such_service".' });
  });
});

describe('a client creates a request and reads it back', () => {
  it('creates synchronously, then reads it by id and by token, in JSON and XML', async () => {
    const res = await post('json', {
      api_key: apiKey,
      service_code: world.category.code,
      place_code: '111059',
      lat: '47.92',
      long: '106.95',
      description: 'Манай гудамжны гэрэл гурав хоног асахгүй байна! Хүүхдүүд харанхуйд явж байна.',
      email: 'bold@example.mn',
      first_name: 'Болд',
      last_name: 'Бат',
      phone: '99112233',
    });
    expect(res.statusCode, res.body).toBe(200);
    expectValid(validators.created, res.json());
    const [created] = res.json();
    expect(created.service_request_id).toMatch(/^[A-Z0-9]{8}$/);
    expect(created.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).not.toHaveProperty('account_id');
    expect(created.service_notice).toContain('Баянзүрх дүүргийн Засаг даргын Тамгын газар');

    const item = await t.db.selectFrom('feedback_item').selectAll().where('code', '=', created.service_request_id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ channel: 'open311', kind: 'complaint', place_code: '111059', lat: 47.92, lon: 106.95, publication: 'private', body_id: world.district.id, title: 'Манай гудамжны гэрэл гурав хоног асахгүй байна!' });
    const client = await t.db.selectFrom('api_client').select('id').where('name', '=', 'Test client').executeTakeFirstOrThrow();
    expect(item.api_client_id).toBe(client.id);
    const contact = await t.db.selectFrom('feedback_contact').selectAll().where('item_id', '=', item.id).executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ name: 'Болд Бат', email: 'bold@example.mn', phone: '+97699112233' });

    const byId = await get(`/open311/v2/requests/${created.service_request_id}.json`);
    expect(byId.statusCode).toBe(200);
    expectValid(validators.requests, byId.json());
    const [request] = byId.json();
    expect(request).toMatchObject({
      service_request_id: created.service_request_id,
      status: 'open',
      service_code: world.category.code,
      service_name: 'Гудамжны гэрэлтүүлэг',
      agency_responsible: 'Баянзүрх дүүргийн Засаг даргын Тамгын газар',
      requested_datetime: '2026-03-02T01:00:00.000Z',
      expected_datetime: item.due_at.toISOString(),
      // Private: nothing of the text, place or coordinates.
      description: null,
      address: null,
      address_id: null,
      lat: null,
      long: null,
    });
    // Formatted and lower-case codes find it too.
    const formatted = `${created.service_request_id.slice(0, 4)}-${created.service_request_id.slice(4)}`.toLowerCase();
    expect((await get(`/open311/v2/requests/${formatted}.json`)).json()[0].service_request_id).toBe(created.service_request_id);

    const byToken = await get(`/open311/v2/tokens/${created.token}.json`);
    expect(byToken.statusCode).toBe(200);
    expectValid(validators.token, byToken.json());
    expect(byToken.json()).toEqual([{ service_request_id: created.service_request_id, token: created.token }]);

    const tokenXml = xml.parse((await get(`/open311/v2/tokens/${created.token}.xml`)).body);
    expect(tokenXml.service_requests.request).toEqual([{ service_request_id: created.service_request_id, token: created.token }]);
    const byIdXml = await get(`/open311/v2/requests/${created.service_request_id}.xml`);
    expect(byIdXml.headers['content-type']).toContain('text/xml');
    expect(xml.parse(byIdXml.body).service_requests.request).toEqual(asXmlText(byId.json()));
  });

  it('creates through the XML endpoint, in English, with the documented defaults and extensions', async () => {
    const res = await post('xml', {
      api_key: apiKey,
      jurisdiction_id: 'mn',
      service_code: world.category.code,
      address_id: '1110',
      address_string: 'Peace Avenue 12, near the school',
      media_url: 'https://photos.example/p/123.jpg',
      description: 'Broken street light near school 21. It has been dark for a week.',
      kind: 'request',
      public: 'true',
      locale: 'en',
    });
    expect(res.statusCode, res.body).toBe(200);
    const created = xml.parse(res.body).service_requests.request[0];
    expect(created.service_notice).toContain('Bayanzürkh District Governor’s Office');
    const item = await t.db.selectFrom('feedback_item').selectAll().where('code', '=', created.service_request_id).executeTakeFirstOrThrow();
    expect(item).toMatchObject({ kind: 'request', place_code: '1110', publication: 'pending', language: 'en', title: 'Broken street light near school 21.' });
    // The street address and media link reach the body with the description.
    expect(item.description).toBe('Broken street light near school 21. It has been dark for a week.\n\nAddress: Peace Avenue 12, near the school\nMedia link: https://photos.example/p/123.jpg');
  });

  it('accepts the parameters in the query string too, as the Swagger description has them', async () => {
    const query = form({ api_key: apiKey, service_code: world.category.code, place_code: '1110', description: 'Query-string client. Works as well.' });
    const res = await t.app.inject({ method: 'POST', url: `/open311/v2/requests.json?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    expectValid(validators.created, res.json());
  });
});

describe('searching requests', () => {
  let published: { id: string; token: string };
  let answered: { id: string };
  let privateOne: { id: string };
  let other: { id: string; code: string };

  beforeAll(async () => {
    t.clock.set('2026-03-03T02:00:00Z');
    published = await create({ public: 'true', description: 'Гэрэл асахгүй байна. Манай утас 99887766, нэр Дорж.' });
    await publishFeedback(t.db, published.id, { title: 'Гудамжны гэрэл асахгүй', summary: 'Баянзүрхийн 26-р хорооны гудамжны гэрэл асахгүй байна.' }, moderator.accountId, ctx());
    answered = await create({ public: 'true', description: 'Шат эвдэрсэн байна. Засаж өгнө үү.' });
    await publishFeedback(t.db, answered.id, { title: 'Шат эвдэрсэн', summary: 'Шат эвдэрсэн.' }, moderator.accountId, ctx());
    const staff = await createStaffMember(t.db, world.district.id);
    await answerFeedback(t.db, answered.id, { resolution: 'resolved', text: 'Шатыг 3-р сарын 10-нд засна.' }, staff, ctx());
    privateOne = await create({ description: 'Хувийн гомдол. Нууц мэдээлэл энд байна.' });
    const otherCategory = await createCategory(t.db);
    const otherBody = await createBody(t.db, { placeCode: '21' });
    await t.db.insertInto('routing_rule').values({ body_id: otherBody.id, category_id: otherCategory.id, place_code: '21' }).execute();
    const o = await create({ service_code: otherCategory.code, place_code: '2101', public: 'true', description: 'Өөр аймагт. Өөр ангилал.' });
    await publishFeedback(t.db, o.id, { title: 'Өөр', summary: 'Өөр аймгийн асуудал.' }, moderator.accountId, ctx());
    other = { id: o.id, code: otherCategory.code };
    t.clock.set('2026-03-05T02:00:00Z');
  });

  async function ids(query: string): Promise<string[]> {
    const res = await get(`/open311/v2/requests.json${query}`);
    expect(res.statusCode, res.body).toBe(200);
    expectValid(validators.requests, res.json());
    return res.json().map((r: { service_request_id: string }) => r.service_request_id);
  }

  it('lists only published requests of the last 90 days, with their public fields', async () => {
    const res = await get('/open311/v2/requests.json');
    expectValid(validators.requests, res.json());
    const list = res.json();
    const codes = list.map((r: { service_request_id: string }) => r.service_request_id);
    expect(codes).toEqual(expect.arrayContaining([published.id, answered.id, other.id]));
    expect(codes).not.toContain(privateOne.id);
    const p = list.find((r: { service_request_id: string }) => r.service_request_id === published.id);
    expect(p).toMatchObject({ status: 'open', description: 'Баянзүрхийн 26-р хорооны гудамжны гэрэл асахгүй байна.', address_id: '111059', status_notes: null });
    expect(p.address).toMatch(/^.+, Баянзүрх, Улаанбаатар$/);
    const a = list.find((r: { service_request_id: string }) => r.service_request_id === answered.id);
    expect(a).toMatchObject({ status: 'closed', status_notes: 'Шийдвэрлэсэн: Шатыг 3-р сарын 10-нд засна.' });
    const en = (await get('/open311/v2/requests.json?locale=en')).json().find((r: { service_request_id: string }) => r.service_request_id === answered.id);
    expect(en).toMatchObject({ status_notes: 'Resolved: Шатыг 3-р сарын 10-нд засна.', agency_responsible: 'Bayanzürkh District Governor’s Office', service_name: 'Street lighting' });
    expect(en.address).toMatch(/, Bayanzürkh, Ulaanbaatar$/);
  });

  it('filters by status, service_code, dates, place and body, and pages', async () => {
    expect(await ids('?status=closed')).toEqual([answered.id]);
    expect(await ids('?status=open')).toEqual(expect.arrayContaining([published.id, other.id]));
    expect(await ids('?status=open')).not.toContain(answered.id);
    expect(await ids('?status=open,closed')).toEqual(expect.arrayContaining([published.id, answered.id]));
    expect(await ids(`?service_code=${other.code}`)).toEqual([other.id]);
    expect(await ids(`?service_code=${other.code},${world.category.code}`)).toEqual(expect.arrayContaining([other.id, published.id]));
    expect(await ids('?place_code=21')).toEqual([other.id]);
    expect(await ids('?place_code=1110')).toEqual(expect.arrayContaining([published.id, answered.id]));
    expect(await ids(`?body=${world.district.slug}`)).not.toContain(other.id);
    expect(await ids('?start_date=2026-03-04T00:00:00Z')).toEqual([]);
    expect(await ids('?start_date=2026-03-03&end_date=2026-03-03')).toEqual(expect.arrayContaining([published.id, answered.id, other.id]));
    expect(await ids('?end_date=2026-03-01T23:59:59%2B08:00')).toEqual([]);
    // Unencoded '+' arrives as a space and still reads as an offset.
    expect(await ids('?start_date=2026-03-03T09:00:00+08:00&end_date=2026-03-03T11:00:00+08:00')).toEqual(expect.arrayContaining([published.id]));
    // Newest first; page_size and page walk the list.
    const all = await ids(`?service_code=${world.category.code}`);
    expect(await ids(`?service_code=${world.category.code}&page_size=1`)).toEqual(all.slice(0, 1));
    expect(await ids(`?service_code=${world.category.code}&page_size=1&page=2`)).toEqual(all.slice(1, 2));
  });

  it('finds any request by service_request_id, with only status fields for unpublished ones', async () => {
    const res = await get(`/open311/v2/requests.json?service_request_id=${privateOne.id},${published.id},KKKKKKKK&status=closed`);
    expect(res.statusCode).toBe(200);
    expectValid(validators.requests, res.json());
    const list = res.json();
    expect(list.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([privateOne.id, published.id].sort());
    const p = list.find((r: { service_request_id: string }) => r.service_request_id === privateOne.id);
    expect(p).toMatchObject({ status: 'open', description: null, address: null, lat: null, long: null, agency_responsible: expect.any(String) });
  });

  it('answers the list as XML with the same content', async () => {
    const json = (await get('/open311/v2/requests.json?status=closed')).json();
    const res = await get('/open311/v2/requests.xml?status=closed');
    expect(res.headers['content-type']).toContain('text/xml');
    expect(xml.parse(res.body).service_requests.request).toEqual(asXmlText(json));
    const empty = xml.parse((await get('/open311/v2/requests.xml?start_date=2026-03-04T00:00:00Z')).body);
    expect(empty.service_requests).toBe('');
  });

  it('flags overdue requests in service_notice', async () => {
    t.clock.set('2026-05-01T02:00:00Z');
    const [r] = (await get(`/open311/v2/requests/${published.id}.json?locale=en`)).json();
    expect(r.service_notice).toBe('The legal deadline for an answer has passed.');
    t.clock.set('2026-03-05T02:00:00Z');
  });
});

describe('privacy', () => {
  it('never shows contact details or the submitter’s own words in any response', async () => {
    const secrets = { email: 'secret.person@example.mn', first_name: 'Нууцхүү', last_name: 'Хувьхүү', phone: '88776655', address_string: 'Нууц гудамж 7', media_url: 'https://private.example/photo.jpg' };
    const sent = await create({ ...secrets, public: 'true', description: 'Миний хөрш Сүхээ архи ууж шуугиан тарьдаг. Тэр 5-р байранд амьдардаг.' });
    const withheld = await create({ ...secrets, public: 'true', description: 'Хоёр дахь хувийн текст. Энд нууц бий.' });
    await withholdFeedback(t.db, withheld.id, 'Хувийн мэдээлэлтэй', moderator.accountId, ctx());
    const pending = await create({ ...secrets, public: 'true', description: 'Гурав дахь хувийн текст. Энд бас нууц бий.' });
    await publishFeedback(t.db, sent.id, { title: 'Хөршийн шуугиан', summary: 'Хөрш шуугиан тарьдаг тухай гомдол.' }, moderator.accountId, ctx());

    const bodies: string[] = [];
    for (const format of ['json', 'xml']) {
      for (const id of [sent.id, withheld.id, pending.id]) bodies.push((await get(`/open311/v2/requests/${id}.${format}`)).body);
      for (const token of [sent.token, withheld.token, pending.token]) bodies.push((await get(`/open311/v2/tokens/${token}.${format}`)).body);
      bodies.push((await get(`/open311/v2/requests.${format}`)).body);
      bodies.push((await get(`/open311/v2/requests.${format}?service_request_id=${sent.id},${withheld.id},${pending.id}`)).body);
    }
    const all = bodies.join('\n');
    for (const secret of [...Object.values(secrets), '99887766', 'Сүхээ', '5-р байранд', 'хувийн текст', 'Дорж', '+97688776655']) expect(all).not.toContain(secret);
    expect(all).toContain('Хөрш шуугиан тарьдаг тухай гомдол.');
  });
});

describe('API description', () => {
  it('lists every Open311 route in /api/openapi.json under the open311 tag', async () => {
    const doc = (await get('/api/openapi.json')).json();
    const paths = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[] }>>).filter(([p]) => p.startsWith('/open311/v2/'));
    const routes = paths.flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ route: `${m.toUpperCase()} ${p}`, tags: op.tags })));
    for (const format of ['json', 'xml']) {
      for (const r of [
        `GET /open311/v2/discovery.${format}`,
        `GET /open311/v2/services.${format}`,
        `GET /open311/v2/services/{service_code}.${format}`,
        `POST /open311/v2/requests.${format}`,
        `GET /open311/v2/requests.${format}`,
        `GET /open311/v2/requests/{service_request_id}.${format}`,
        `GET /open311/v2/tokens/{token}.${format}`,
      ]) {
        expect(routes.find((x) => x.route === r), r).toMatchObject({ tags: ['open311'] });
      }
    }
    expect(routes.some((r) => r.route.startsWith('DELETE'))).toBe(false);
  });
});
