import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { addMembership, buildAccount, buildBody, grantPlatformRole, signIn, type BuiltAccount } from '../../../test/support/factories.js';

let t: TestApp;
let platformAdmin: BuiltAccount;
let client: WebClient;

beforeAll(async () => {
  t = await createTestApp();
  platformAdmin = await buildAccount(t.db);
  await grantPlatformRole(t.db, platformAdmin.id, 'platform_admin');
  client = new WebClient(t.app);
  await signIn(client, platformAdmin.email, platformAdmin.password);
});
afterAll(async () => t.close());

const valid = (slug: string) => ({
  slug,
  nameMn: 'Ховд аймгийн Жаргалант сумын Засаг даргын Тамгын газар',
  nameEn: 'Jargalant Soum Governor’s Office, Khovd Aimag',
  type: 'governor_office',
  place: '8401',
  superior: '',
  placesServed: '8401',
  website: '',
  email: '',
});

async function organisationCount(): Promise<number> {
  return Number((await t.db.selectFrom('organisation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
}

describe('who may configure bodies', () => {
  it('sends anonymous visitors to sign in and refuses everyone but platform admins', async () => {
    const anonymous = await t.app.inject('/admin/bodies');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/account\/sign-in\?next=/);
    const body = await buildBody(t.db);
    const bodyAdmin = await buildAccount(t.db);
    await addMembership(t.db, bodyAdmin.id, body.id, 'admin');
    const moderator = await buildAccount(t.db);
    await grantPlatformRole(t.db, moderator.id, 'moderator');
    for (const account of [await buildAccount(t.db), bodyAdmin, moderator]) {
      const c = new WebClient(t.app);
      await signIn(c, account.email, account.password);
      expect((await c.get('/admin/bodies')).statusCode).toBe(403);
      expect((await c.get(`/admin/bodies/${body.slug}/edit`)).statusCode).toBe(403);
      expect((await c.post('/admin/bodies', valid(`denied-${account.id}`))).statusCode).toBe(403);
      expect((await c.post(`/admin/bodies/${body.slug}/edit`, { ...valid(body.slug), nameEn: 'Hijacked' })).statusCode).toBe(403);
    }
    expect(await t.db.selectFrom('organisation').where('name_en', '=', 'Hijacked').select('id').executeTakeFirst()).toBeUndefined();
    // A body admin does not see the edit link on the public page either.
    const c = new WebClient(t.app);
    await signIn(c, bodyAdmin.email, bodyAdmin.password);
    expect((await c.get(`/bodies/${body.slug}`)).body).not.toContain('/edit"');
  });
});

describe('a platform admin', () => {
  it('adds a body with its place, superior body and places served', async () => {
    const superior = await buildBody(t.db, { slug: 'khovd-aimag-office-test', placeCode: '84' });
    await client.get('/admin/bodies');
    const res = await client.post('/admin/bodies', { ...valid('khovd-jargalant-test'), superior: superior.slug });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/bodies?created=khovd-jargalant-test');
    expect((await client.follow(res)).body).toContain('Байгууллагыг нэмлээ.');
    const json = (await t.app.inject('/api/bodies/khovd-jargalant-test')).json();
    expect(json).toMatchObject({ type: 'governor_office', place: { code: '8401' }, superior: { slug: superior.slug }, placesServed: [{ code: '8401' }] });
    expect((await t.app.inject('/admin/bodies')).statusCode).toBe(303);
  });

  it('refuses overlong names, an invalid slug and an unknown place with field messages in the reader’s language, writing nothing', async () => {
    const before = await organisationCount();
    await client.get('/admin/bodies');
    const res = await client.post('/admin/bodies', { ...valid('Bad Slug!'), nameMn: 'Н'.repeat(301), nameEn: 'x', place: '99', website: 'ftp://x' });
    expect(res.statusCode).toBe(400);
    for (const field of ['slug', 'nameMn', 'nameEn', 'website']) expect(res.body).toContain(`href="#f-${field}"`);
    expect(res.body).toContain('Монгол нэр 300 тэмдэгтээс хэтрэхгүй байх ёстой');
    expect(res.body).toContain('Хаяг зөвхөн латин жижиг үсэг');
    // What was typed stays in the form.
    expect(res.body).toContain('value="Bad Slug!"');
    // The unknown place is reported once the schema is satisfied (it needs the database).
    await client.get('/admin/bodies');
    const place = await client.post('/admin/bodies', { ...valid('unknown-place-test'), place: '99' });
    expect(place.statusCode).toBe(400);
    expect(place.body).toContain('Ийм кодтой засаг захиргааны нэгж алга');
    const en = new WebClient(t.app);
    en.setCookie('lang', 'en');
    await signIn(en, platformAdmin.email, platformAdmin.password);
    await en.get('/admin/bodies');
    const english = await en.post('/admin/bodies', { ...valid('unknown-place-test'), nameMn: 'Н'.repeat(301), place: '99' });
    expect(english.body).toContain('Mongolian name must be 300 characters or fewer');
    await en.get('/admin/bodies');
    expect((await en.post('/admin/bodies', { ...valid('unknown-place-test'), place: '99', placesServed: '8401, 7777' })).body).toContain('These codes were not found: 7777');
    expect(await organisationCount()).toBe(before);
  });

  it('answers JSON clients with field errors in both languages', async () => {
    await client.get('/admin/bodies');
    const res = await client.request({
      method: 'POST',
      url: '/admin/bodies',
      payload: new URLSearchParams({ _csrf: client.csrf(), ...valid('json-test'), place: '99', superior: 'no-such-body' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    const fields = Object.fromEntries(error.fields.map((f: { field: string; messages: { mn: string; en: string } }) => [f.field, f.messages]));
    expect(fields.place.mn).toMatch(/засаг захиргааны нэгж алга/);
    expect(fields.place.en).toMatch(/no administrative unit/);
    expect(fields.superior.en).toMatch(/no such superior body/);
  });

  it('refuses a taken slug', async () => {
    const existing = await buildBody(t.db);
    await client.get('/admin/bodies');
    const res = await client.post('/admin/bodies', valid(existing.slug));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Энэ хаягийг өөр байгууллага ашиглаж байна');
  });

  it('edits a body and refuses a superior body that would close a loop, keeping the old values', async () => {
    const top = await buildBody(t.db, { nameMn: 'Дээд байгууллага', nameEn: 'Top body' });
    const middle = await buildBody(t.db, { superiorSlug: top.slug });
    const bottom = await buildBody(t.db, { superiorSlug: middle.slug });
    const form = (await client.get(`/admin/bodies/${top.slug}/edit`)).body;
    expect(form).toContain('value="Дээд байгууллага"');
    // The body itself is not offered as its own superior.
    expect(form).not.toContain(`<option value="${top.slug}"`);
    const loop = await client.post(`/admin/bodies/${top.slug}/edit`, { ...valid(top.slug), nameMn: 'Шинэ нэр', place: '', placesServed: '', superior: bottom.slug });
    expect(loop.statusCode).toBe(400);
    expect(loop.body).toContain('Энэ байгууллагыг дээд шатны байгууллага болгож болохгүй');
    expect(loop.body).toContain('value="Шинэ нэр"');
    const unchanged = (await t.app.inject(`/api/bodies/${top.slug}`)).json();
    expect(unchanged).toMatchObject({ name: { mn: 'Дээд байгууллага' }, superior: null });

    await client.get(`/admin/bodies/${middle.slug}/edit`);
    const saved = await client.post(`/admin/bodies/${middle.slug}/edit`, {
      nameMn: 'Шинэчилсэн нэр',
      nameEn: 'Updated name',
      type: 'agency',
      place: '11',
      superior: '',
      placesServed: '1110,\n1125',
      website: 'https://example.mn',
      email: 'info@example.mn',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/admin/bodies/${middle.slug}/edit?saved=1`);
    expect((await client.follow(saved)).body).toContain('Өөрчлөлтийг хадгаллаа.');
    expect((await t.app.inject(`/api/bodies/${middle.slug}`)).json()).toMatchObject({
      name: { mn: 'Шинэчилсэн нэр', en: 'Updated name' },
      type: 'agency',
      place: { code: '11' },
      superior: null,
      placesServed: [{ code: '1110' }, { code: '1125' }],
      website: 'https://example.mn',
      email: 'info@example.mn',
    });
  });

  it('answers 404 for editing an unknown body', async () => {
    expect((await client.get('/admin/bodies/no-such-body/edit')).statusCode).toBe(404);
  });
});
