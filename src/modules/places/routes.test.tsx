import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { ManualClock } from '../../shared/clock.js';
import { errorHandler } from '../../shared/http/error-handler.js';
import { requestContext } from '../../shared/http/request-context.js';
import placesModule from './routes.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

const get = (url: string, lang: 'mn' | 'en' = 'mn') => t.app.inject({ url, cookies: lang === 'en' ? { lang: 'en' } : {} });

describe('the places JSON API', () => {
  it('lists the 22 first-level units, the capital first', async () => {
    const res = await get('/api/places');
    expect(res.statusCode).toBe(200);
    const { places } = res.json();
    expect(places).toHaveLength(22);
    expect(places[0]).toEqual({ code: '11', parent_code: null, level: 1, kind: 'capital', name_mn: 'Улаанбаатар', name_en: 'Ulaanbaatar' });
    expect(res.headers['cache-control']).toContain('max-age');
  });

  it('gives a place with its ancestors and children', async () => {
    const res = await get('/api/places/1110');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.place).toMatchObject({ code: '1110', kind: 'duureg', name_mn: 'Баянзүрх', name_en: 'Bayanzürkh' });
    expect(body.ancestors.map((a: { code: string }) => a.code)).toEqual(['11']);
    expect(body.children[0]).toMatchObject({ code: '111051', name_mn: '1-р хороо', name_en: 'Khoroo 1' });
    expect(body.children.at(-1).name_mn).toBe('28-р хороо');
    const khoroo = (await get('/api/places/111059')).json();
    expect(khoroo.ancestors.map((a: { name_mn: string }) => a.name_mn)).toEqual(['Улаанбаатар', 'Баянзүрх']);
    expect(khoroo.children).toEqual([]);
  });

  it('searches in either script and gives each hit its path', async () => {
    for (const q of ['khovd', 'Ховд', 'Khövd']) {
      const res = await get(`/api/places/search?q=${encodeURIComponent(q)}&limit=5`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.query).toBe(q);
      expect(body.results.length).toBeLessThanOrEqual(5);
      expect(body.results[0]).toMatchObject({ code: '84', name_mn: 'Ховд', path: [{ code: '84' }] });
    }
    const soum = (await get('/api/places/search?q=Bayanz')).json().results[0];
    expect(soum.path.map((p: { name_mn: string }) => p.name_mn)).toEqual(['Улаанбаатар', 'Баянзүрх']);
    expect((await get('/api/places/search?q=qzxwvj')).json().results).toEqual([]);
  });

  it('answers a malformed code with 400 and an unknown one with 404, in both languages', async () => {
    const malformed = await get('/api/places/abc');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'validation_failed', status: 400, fields: [{ field: 'code' }] });
    expect(malformed.json().error.messages.mn).toMatch(/[а-яө]/i);
    expect(malformed.json().error.messages.en).toMatch(/not right/);
    for (const url of ['/api/places/119999', '/api/places/99']) {
      const unknown = await get(url);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toMatchObject({
        code: 'places.not_found',
        status: 404,
        messages: { mn: 'Ийм кодтой засаг захиргааны нэгж алга.', en: 'There is no administrative unit with this code.' },
      });
    }
    const english = await get('/api/places/119999', 'en');
    expect(english.json().error.message).toBe('There is no administrative unit with this code.');
  });

  it.each([
    ['/api/places/search', 'q'],
    ['/api/places/search?q=', 'q'],
    ['/api/places/search?q=%20%20', 'q'],
    [`/api/places/search?q=${'а'.repeat(101)}`, 'q'],
    ['/api/places/search?q=khovd&limit=0', 'limit'],
    ['/api/places/search?q=khovd&limit=51', 'limit'],
    ['/api/places/search?q=khovd&limit=many', 'limit'],
  ])('refuses bad search input %s with a 400 naming the field', async (url, field) => {
    const res = await get(url);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(error.messages.mn).toBeTruthy();
    expect(error.messages.en).toBeTruthy();
  });

  it('is described in the OpenAPI document under the places tag', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const path of ['/api/places', '/api/places/{code}', '/api/places/search']) {
      const operation = doc.paths[path]?.get;
      expect(operation, path).toBeDefined();
      expect(operation.tags).toEqual(['places']);
      expect(operation.responses['200'].content['application/json'].schema).toBeDefined();
    }
    expect(doc.paths['/api/places/{code}'].get.responses['404']).toBeDefined();
    expect(doc.paths['/places/{code}']).toBeUndefined();
  });
});

describe('the place pages', () => {
  it('lists the capital and the aimags, linked, with the JSON twin', async () => {
    const res = await get('/places');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Засаг захиргааны нэгжүүд</h1>');
    expect(res.body).toContain('href="/places/11">Улаанбаатар</a>');
    expect(res.body).toContain('href="/places/46">Өмнөговь</a>');
    expect(res.body.match(/href="\/places\/\d{2}"/g)).toHaveLength(22);
    expect(res.body).toContain('<link rel="alternate" type="application/json" href="/api/places"/>');
  });

  it('searches without JavaScript and shows where each hit lies', async () => {
    const res = await get('/places?q=bayanzurkh');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/places/1110">Баянзүрх</a>');
    expect(res.body).toContain('Улаанбаатар');
    expect(res.body).toContain('href="/api/places/search?q=bayanzurkh"');
    expect((await get('/places?q=qzxwvj')).body).toContain('Ийм нэртэй газар олдсонгүй');
    const tooLong = await get(`/places?q=${'х'.repeat(101)}`);
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.body).toContain('error-summary');
    expect(tooLong.body).toContain('href="#f-q"');
  });

  it('shows a place with breadcrumbs, its children as links and its JSON twin', async () => {
    const res = await get('/places/1110');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Баянзүрх</h1>');
    expect(res.body).toMatch(/<nav aria-label="Байршил" class="breadcrumbs"><ol><li><a href="\/places">Засаг захиргааны нэгжүүд<\/a><\/li><li><a href="\/places\/11">Улаанбаатар<\/a><\/li><li><span aria-current="page">Баянзүрх<\/span>/);
    expect(res.body).toContain('<h2 id="place-children-title">Хороод</h2>');
    expect(res.body).toContain('href="/places/111059">5-р хороо</a>');
    expect(res.body).toContain('href="/api/places/1110"');
    expect(res.body.indexOf('>2-р хороо<')).toBeLessThan(res.body.indexOf('>10-р хороо<'));
  });

  it('shows English names on English pages', async () => {
    const res = await get('/places/1110', 'en');
    expect(res.body).toContain('<h1>Bayanzürkh</h1>');
    expect(res.body).toContain('href="/places/111059">Khoroo 5</a>');
    expect(res.body).toContain('<h2 id="place-children-title">Khoroos</h2>');
    expect(res.body).toContain('<dd lang="mn">Баянзүрх</dd>');
    expect((await get('/places', 'en')).body).toContain('href="/places/46">Ömnögovi</a>');
  });

  it('answers unknown and malformed codes with a 404 page', async () => {
    for (const url of ['/places/119999', '/places/abc', '/places/1', '/places/%00']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toContain('text/html');
    }
    expect((await get('/places/119999')).body).toContain('Ийм кодтой засаг захиргааны нэгж алга.');
  });

  it('lets other modules add sections to the place page', async () => {
    const app = Fastify();
    await app.register(cookie);
    await app.register(requestContext, { clock: new ManualClock('2026-03-02T01:00:00Z') });
    await app.register(errorHandler);
    await app.register(placesModule, {
      db: t.db,
      placeSections: [
        { render: (detail) => <section id="extra">Responsiveness of {detail.place.name_mn}</section> },
        { render: async () => null },
      ],
    });
    const res = await app.inject('/places/4601');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<section id="extra">Responsiveness of Даланзадгад</section>');
    await app.close();
  });
});

describe('the place picker without JavaScript (/places/pick)', () => {
  it('goes from aimag to soum to bagh by plain form posts and gives one code', async () => {
    const client = new WebClient(t.app);
    const start = await client.get('/places/pick');
    expect(start.statusCode).toBe(200);
    expect(start.body).toContain('name="place_l1"');
    expect(start.body).not.toContain('name="place_l2"');
    expect(start.body).toContain('name="place_refine"');

    const soums = await client.post('/places/pick', { place_l1: '46', place_refine: '1' });
    expect(soums.statusCode).toBe(200);
    expect(soums.body).toMatch(/<option value="46" selected(="")?>Өмнөговь<\/option>/);
    expect(soums.body).toContain('<label for="f-place_l2" class="label">Сум</label>');
    expect(soums.body).toContain('<option value="4601">Даланзадгад</option>');
    expect(soums.body).not.toContain('id="pick-result"');

    const baghs = await client.post('/places/pick', { place_l1: '46', place_l2: '4601', place_refine: '1' });
    expect(baghs.body).toContain('name="place_l3"');
    expect(baghs.body).toContain('<option value="460151">1-р баг, Баруунсайхан</option>');

    const done = await client.post('/places/pick', { place_l1: '46', place_l2: '4601', place_l3: '460151' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Та сонгосон: Өмнөговь › Даланзадгад › 1-р баг, Баруунсайхан (код 460151)');
  });

  it('accepts a choice that stops at the soum, and offers khoroos for a düüreg', async () => {
    const client = new WebClient(t.app);
    await client.get('/places/pick');
    const soum = await client.post('/places/pick', { place_l1: '46', place_l2: '4601', place_l3: '' });
    expect(soum.body).toContain('(код 4601)');
    const district = await client.post('/places/pick', { place_l1: '11', place_refine: '1' });
    expect(district.body).toContain('<label for="f-place_l2" class="label">Дүүрэг</label>');
  });

  it('asks for the soum when the form is sent with only the aimag', async () => {
    const client = new WebClient(t.app);
    await client.get('/places/pick');
    const res = await client.post('/places/pick', { place_l1: '46' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<a href="#f-place_l2">Сумаа сонгоно уу</a>');
    expect(res.body).toContain('<option value="4601">Даланзадгад</option>');
  });

  it('refuses tampered and mismatched codes with a clear message, never a 500', async () => {
    const client = new WebClient(t.app);
    await client.get('/places/pick');
    const mismatched = await client.post('/places/pick', { place_l1: '46', place_l2: '1110' });
    expect(mismatched.statusCode).toBe(400);
    expect(mismatched.body).toContain('Баянзүрх нь Өмнөговь дотор байхгүй');
    const unknown = await client.post('/places/pick', { place_l1: '46', place_l2: '4699' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('<a href="#f-place_l2">Сонгосон байршил жагсаалтад алга');
    const tampered: Record<string, string | string[]>[] = [{ place_l1: 'x'.repeat(5000) }, { place_l1: ['46', '11'] }, { place_code: '999999' }, { place_l1: '46', place_l2: '4601', place_l3: '../../etc' }];
    for (const form of tampered) {
      const res = await client.post('/places/pick', form);
      expect(res.statusCode, JSON.stringify(form).slice(0, 60)).toBe(400);
      expect(res.body).toContain('error-summary');
    }
    client.setCookie('lang', 'en');
    await client.get('/places/pick');
    const english = await client.post('/places/pick', { place_l1: '46', place_l2: '1110' });
    expect(english.body).toContain('Bayanzürkh is not in Ömnögovi');
  });

  it('refuses a post without its CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/places/pick', payload: 'place_l1=46', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(403);
  });

  it('takes a code chosen by the search enhancement', async () => {
    const client = new WebClient(t.app);
    await client.get('/places/pick');
    const res = await client.post('/places/pick', { place_code: '1110', place_l1: '' });
    expect(res.body).toContain('Та сонгосон: Улаанбаатар › Баянзүрх (код 1110)');
    expect(res.body).toMatch(/<option value="1110" selected(="")?>Баянзүрх<\/option>/);
  });

  it('fills the picker from a query string, so GET forms and links work too', async () => {
    const res = await get('/places/pick?place_l1=11&place_l2=1110');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('name="place_l3"');
    expect((await get('/places/pick?place_l1=11&place_l2=4601')).statusCode).toBe(400);
  });

  it('loads the search enhancement and gives it its words', async () => {
    const res = await get('/places/pick');
    expect(res.body).toMatch(/<script src="\/static\/place-search\.js\?v=[0-9a-f]+" defer/);
    expect(res.body).toContain('data-code-field="place_code"');
    expect(res.body).toContain('data-label="Нэрээр хайх"');
  });
});
