import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { addMembership, buildAccount } from '../../../test/support/factories.js';
import { STATIC_DIR } from '../../shared/views/assets.js';
import { DEMO_SLUGS, seedDemoBodies } from './demo-data.js';
import { registerBodyPageSection } from './extensions.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoBodies(t.db, { now: t.clock.now() });
});
afterAll(async () => t.close());

function english(): WebClient {
  const client = new WebClient(t.app);
  client.setCookie('lang', 'en');
  return client;
}

async function api(url: string) {
  const res = await t.app.inject(url);
  return { status: res.statusCode, json: res.json() };
}

describe('/bodies', () => {
  it('lists bodies grouped by type, in Mongolian by default, with a JSON twin', async () => {
    const res = await t.app.inject('/bodies');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="mn"');
    for (const heading of ['Яамд', 'Агентлагууд', 'Засаг даргын Тамгын газрууд', 'Иргэдийн Төлөөлөгчдийн Хурлууд', 'Байнгын хороод']) expect(res.body).toContain(`>${heading}</h2>`);
    expect(res.body).toContain('Эрүүл мэндийн яам');
    expect(res.body).toContain('href="/bodies/11-11-centre"');
    expect(res.body).toContain('<link rel="alternate" type="application/json" href="/api/bodies"');
    // Ministries come before governors' offices.
    expect(res.body.indexOf('>Яамд</h2>')).toBeLessThan(res.body.indexOf('>Засаг даргын Тамгын газрууд</h2>'));
  });

  it('speaks English when chosen', async () => {
    const res = await english().get('/bodies');
    expect(res.body).toContain('<html lang="en"');
    expect(res.body).toContain('>Ministries</h2>');
    expect(res.body).toContain('Ministry of Health');
    expect(res.body).toContain('Arvaikheer Soum Governor’s Office, Övörkhangai Aimag');
  });

  it('filters by aimag and by type', async () => {
    const aimag = await t.app.inject('/bodies?aimag=62');
    expect(aimag.body).toContain('Өвөрхангай аймгийн Арвайхээр сумын Засаг даргын Тамгын газар');
    expect(aimag.body).not.toContain('Дорнод аймгийн Засаг даргын Тамгын газар');
    expect(aimag.body).not.toContain('Эрүүл мэндийн яам');
    expect(aimag.body).toContain('<option value="62" selected');
    const ministries = await t.app.inject('/bodies?type=ministry&aimag=');
    expect(ministries.body).toContain('Сангийн яам');
    expect(ministries.body).not.toContain('Засаг даргын Тамгын газрууд</h2>');
    expect(ministries.body).toContain('href="/api/bodies?type=ministry"');
  });

  it('finds a body by name in Cyrillic, in Latin letters without diacritics, in English, or by its aimag', async () => {
    for (const q of ['Баянзүрх', 'bayanzurkh', 'BAYANZÜRKH district', 'баянзурх']) {
      const { json } = await api(`/api/bodies?q=${encodeURIComponent(q)}`);
      expect(json.bodies.map((b: { slug: string }) => b.slug), q).toContain(DEMO_SLUGS.bayanzurkh);
    }
    const byAimag = await api(`/api/bodies?q=${encodeURIComponent('övörkhangai soum')}`);
    expect(byAimag.json.bodies.map((b: { slug: string }) => b.slug)).toContain(DEMO_SLUGS.arvaikheer);
    const page = await t.app.inject(`/bodies?q=${encodeURIComponent('%_нет такого')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Хайлтад тохирох байгууллага олдсонгүй');
  });

  it('answers bad filters with 400, never 5xx', async () => {
    const res = await t.app.inject('/api/bodies?type=palace&aimag=9&q=' + 'x'.repeat(101));
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.messages.mn).toBeTruthy();
    expect(error.messages.en).toBeTruthy();
    expect(error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['aimag', 'q', 'type']);
    expect((await t.app.inject('/bodies?aimag=xx')).statusCode).toBe(400);
  });
});

describe('/api/bodies', () => {
  it('lists bodies with place and superior body', async () => {
    const { status, json } = await api('/api/bodies?type=governor_office&aimag=11');
    expect(status).toBe(200);
    expect(json.total).toBe(json.bodies.length);
    const khoroo = json.bodies.find((b: { slug: string }) => b.slug === DEMO_SLUGS.bayanzurkhKhoroo1);
    expect(khoroo).toEqual({
      slug: DEMO_SLUGS.bayanzurkhKhoroo1,
      name: { mn: 'Баянзүрх дүүргийн 1-р хорооны Засаг даргын Тамгын газар', en: 'Bayanzürkh District Khoroo 1 Governor’s Office' },
      type: 'governor_office',
      place: { code: '111051', name: { mn: '1-р хороо', en: expect.any(String) } },
      superior: { slug: DEMO_SLUGS.bayanzurkh, name: { mn: 'Баянзүрх дүүргийн Засаг даргын Тамгын газар', en: 'Bayanzürkh District Governor’s Office' }, type: 'governor_office', url: `/bodies/${DEMO_SLUGS.bayanzurkh}` },
      url: `/bodies/${DEMO_SLUGS.bayanzurkhKhoroo1}`,
    });
  });

  it('finds the bodies serving a place or any place above it', async () => {
    const { json } = await api('/api/bodies?serving=111051');
    const slugs = json.bodies.map((b: { slug: string }) => b.slug);
    expect(slugs).toEqual(expect.arrayContaining([DEMO_SLUGS.bayanzurkhKhoroo1, DEMO_SLUGS.bayanzurkh, DEMO_SLUGS.capital, DEMO_SLUGS.transport]));
    expect(slugs).not.toContain(DEMO_SLUGS.dornod);
    expect(slugs).not.toContain('bayanzurkh-khoroo-2-governors-office');
    // National bodies serve no particular place.
    expect(slugs).not.toContain(DEMO_SLUGS.health);
  });

  it('describes one body, with its staff counted but never named', async () => {
    const staff = await buildAccount(t.db, { displayName: 'Ганбаатар Нууцнэр' });
    const { id } = await t.db.selectFrom('organisation').where('slug', '=', DEMO_SLUGS.bayanzurkh).select('id').executeTakeFirstOrThrow();
    await addMembership(t.db, staff.id, id, 'member');
    const { status, json } = await api(`/api/bodies/${DEMO_SLUGS.bayanzurkh}`);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      slug: DEMO_SLUGS.bayanzurkh,
      type: 'governor_office',
      place: { code: '1110', name: { mn: 'Баянзүрх' } },
      superior: { slug: DEMO_SLUGS.capital },
      placesServed: [{ code: '1110', name: { mn: 'Баянзүрх' } }],
      staffCount: 1,
      url: `/bodies/${DEMO_SLUGS.bayanzurkh}`,
    });
    expect(json.subordinates.map((s: { slug: string }) => s.slug)).toEqual(expect.arrayContaining([DEMO_SLUGS.bayanzurkhKhoroo1, 'bayanzurkh-khoroo-2-governors-office']));
    expect(json.categories.map((c: { code: string }) => c.code)).toContain('waste');
    expect(JSON.stringify(json)).not.toContain('Ганбаатар');
    expect(JSON.stringify(json)).not.toContain(staff.email);
    const page = await t.app.inject(`/bodies/${DEMO_SLUGS.bayanzurkh}`);
    expect(page.body).not.toContain('Ганбаатар');
    expect(page.body).not.toContain(staff.email);
  });

  it('answers an unknown body with a 404 in both languages', async () => {
    const { status, json } = await api('/api/bodies/no-such-body');
    expect(status).toBe(404);
    expect(json.error.code).toBe('not_found');
    expect(json.error.messages.mn).toMatch(/олдсонгүй/);
    expect(json.error.messages.en).toMatch(/not found/);
  });

  it('is described in the OpenAPI document under the bodies tag', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    for (const path of ['/api/bodies', '/api/bodies/{slug}']) {
      expect(doc.paths[path]?.get?.tags).toEqual(['bodies']);
      expect(doc.paths[path].get.responses['200']).toBeDefined();
    }
    expect(doc.paths['/bodies']).toBeUndefined();
    expect(doc.paths['/admin/bodies']).toBeUndefined();
  });
});

describe('/bodies/:slug', () => {
  it('shows the body’s type, place, superior body, subordinates and categories', async () => {
    const res = await t.app.inject(`/bodies/${DEMO_SLUGS.bayanzurkh}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Баянзүрх дүүргийн Засаг даргын Тамгын газар</h1>');
    expect(res.body).toContain('<a href="/places/1110">Баянзүрх, Улаанбаатар</a>');
    expect(res.body).toContain(`href="/bodies/${DEMO_SLUGS.capital}"`);
    expect(res.body).toContain(`href="/bodies/${DEMO_SLUGS.bayanzurkhKhoroo1}"`);
    expect(res.body).toContain('Хог хаягдал');
    expect(res.body).toContain(`href="/api/bodies/${DEMO_SLUGS.bayanzurkh}"`);
    // Management links are for those who may manage.
    expect(res.body).not.toContain('/manage"');
    const en = await english().get(`/bodies/${DEMO_SLUGS.hotline}`);
    expect(en.body).toContain('<h1>Government 11-11 Citizen Feedback Centre</h1>');
    expect(en.body).toContain('Serves the whole country.');
  });

  it('answers an unknown or malformed slug with a 404 page in the reader’s language', async () => {
    const mn = await t.app.inject('/bodies/no-such-body');
    expect(mn.statusCode).toBe(404);
    expect(mn.body).toContain('Таны хайсан хуудас олдсонгүй');
    const en = await english().get('/bodies/Not%20A%20Slug!');
    expect(en.statusCode).toBe(404);
    expect(en.body).toContain('The page you were looking for was not found');
  });

  it('renders sections other modules register in its extension slot', async () => {
    registerBodyPageSection<{ open: number }>({
      key: 'test-open-items',
      order: 1,
      load: async ({ body }) => (body.slug === DEMO_SLUGS.dornod ? { open: 7 } : null),
      View: ({ data }) => <section id="test-open-items-title">Open items: {data.open}</section>,
    });
    expect((await t.app.inject(`/bodies/${DEMO_SLUGS.dornod}`)).body).toContain('Open items: 7');
    expect((await t.app.inject(`/bodies/${DEMO_SLUGS.arvaikheer}`)).body).not.toContain('Open items');
  });
});

describe('page weight', () => {
  it('keeps the list and a body page under 50 KB gzipped with the stylesheet and scripts', async () => {
    const assets = ['site.css', 'enhance.js'].map((f) => gzipSync(readFileSync(STATIC_DIR + f)).length).reduce((a, b) => a + b, 0);
    for (const url of ['/bodies', `/bodies/${DEMO_SLUGS.capital}`, '/api/bodies']) {
      const res = await t.app.inject(url);
      expect(gzipSync(res.body).length + assets, url).toBeLessThan(50 * 1024);
    }
  });
});
