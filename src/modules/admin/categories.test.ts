import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import type { WebClient } from '../../../test/support/client.js';
import { addRoutingRule, buildFeedback, createBody, createCategory } from '../../../test/support/feedback-factories.js';
import { errorSummary, signedInAdmin, snapshot } from './testing.js';

let t: TestApp;
let client: WebClient;

beforeAll(async () => {
  t = await createTestApp();
  ({ client } = await signedInAdmin(t));
});
afterAll(async () => t.close());

const valid = (code: string) => ({
  code,
  nameMn: 'Гудамжны гэрэлтүүлэг',
  nameEn: 'Street lighting',
  descriptionMn: 'Гудамж, талбайн гэрэл асахгүй, эвдэрсэн.',
  descriptionEn: 'Street and square lights that are out or broken.',
  keywords: 'гэрэл чийдэн   light lamp',
  position: '',
});

async function categoryRow(code: string) {
  return t.db.selectFrom('category').where('code', '=', code).selectAll().executeTakeFirst();
}

describe('a platform admin manages categories', () => {
  it('adds a category, which people can choose at once (Open311 services list it)', async () => {
    await createCategory(t.db, { code: 'earlier_category' });
    await t.db.updateTable('category').set({ position: 500 }).where('code', '=', 'earlier_category').execute();
    await client.get('/admin/categories/new');
    const res = await client.post('/admin/categories/new', valid('street_lighting'));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/admin/categories?done=created&code=street_lighting');
    const list = await client.follow(res);
    expect(list.body).toContain('«Гудамжны гэрэлтүүлэг» ангиллыг нэмлээ.');
    expect(list.body).toContain('<code>street_lighting</code>');
    const row = await categoryRow('street_lighting');
    // Empty position: after every other category. Keywords keep single spaces.
    expect(row).toMatchObject({ name_en: 'Street lighting', keywords: 'гэрэл чийдэн light lamp', position: 510, active: true });
    const services = await t.app.inject('/open311/v2/services.json');
    expect(services.json().map((s: { service_code: string }) => s.service_code)).toContain('street_lighting');
  });

  it('refuses bad input with field messages in the reader’s language, keeps what was typed, and writes nothing', async () => {
    const before = await snapshot(t);
    await client.get('/admin/categories/new');
    const res = await client.post('/admin/categories/new', { ...valid('Bad-Code!'), nameMn: 'Н'.repeat(121), nameEn: '', position: '-4' });
    expect(res.statusCode).toBe(400);
    const summary = errorSummary(res.body);
    expect(summary).toContain('Код латин жижиг үсгээр эхэлж');
    expect(summary).toContain('Монгол нэр 120 тэмдэгтээс хэтрэхгүй байх ёстой');
    expect(summary).toContain('Англи нэр оруулна уу');
    expect(summary).toContain('Дарааллыг 0-ээс 100000 хүртэлх бүхэл тоогоор');
    for (const field of ['code', 'nameMn', 'nameEn', 'position']) expect(res.body).toContain(`href="#f-${field}"`);
    expect(res.body).toContain('value="Bad-Code!"');
    expect(res.body).toContain('aria-invalid="true"');

    // Other malformed codes: a digit first, too short, too long, Cyrillic.
    for (const code of ['1roads', 'r', 'a'.repeat(42), 'зам']) {
      await client.get('/admin/categories/new');
      const bad = await client.post('/admin/categories/new', valid(code));
      expect(bad.statusCode, code).toBe(400);
      expect(errorSummary(bad.body), code).toMatch(/Код латин жижиг үсгээр эхэлж|Код \(service_code\) 41 тэмдэгтээс/);
    }
    // Position above the range, in English.
    const { client: en } = await signedInAdmin(t, { lang: 'en' });
    await en.get('/admin/categories/new');
    const english = await en.post('/admin/categories/new', { ...valid('ok_code'), position: '100001', nameEn: 'x' });
    expect(english.statusCode).toBe(400);
    expect(errorSummary(english.body)).toContain('Enter the position as a whole number from 0 to 100000');
    expect(errorSummary(english.body)).toContain('English name must be at least 2 characters');
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a code already in use with a field error (400), never a 500', async () => {
    await createCategory(t.db, { code: 'waste_test' });
    const before = await snapshot(t);
    await client.get('/admin/categories/new');
    const res = await client.post('/admin/categories/new', valid('waste_test'));
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toContain('Энэ кодтой ангилал аль хэдийн бий');
    expect(res.body).toContain('value="Гудамжны гэрэлтүүлэг"');
    expect(await snapshot(t)).toEqual(before);
  });

  it('edits names and position but never the code, and keeps typed values on a refusal', async () => {
    await createCategory(t.db, { code: 'heating_test', nameMn: 'Дулаан', nameEn: 'Heating' });
    const form = await client.get('/admin/categories/heating_test/edit');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<code>heating_test</code>');
    expect(form.body).not.toContain('name="code"');
    const refused = await client.post('/admin/categories/heating_test/edit', { nameMn: ' ', nameEn: 'Heating and hot water', position: 'abc' });
    expect(refused.statusCode).toBe(400);
    expect(errorSummary(refused.body)).toContain('Монгол нэр оруулна уу');
    expect(refused.body).toContain('value="Heating and hot water"');
    expect((await categoryRow('heating_test'))?.name_en).toBe('Heating');

    // A code posted along with the edit is ignored: the code is fixed.
    const saved = await client.post('/admin/categories/heating_test/edit', { code: 'renamed', nameMn: 'Дулаан, халуун ус', nameEn: 'Heating and hot water', descriptionMn: '', descriptionEn: '', keywords: '', position: '35' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/admin/categories/heating_test/edit?done=saved');
    expect((await client.follow(saved)).body).toContain('Өөрчлөлтийг хадгаллаа.');
    expect(await categoryRow('heating_test')).toMatchObject({ name_mn: 'Дулаан, халуун ус', name_en: 'Heating and hot water', position: 35 });
    expect(await categoryRow('renamed')).toBeUndefined();
  });

  it('deactivates a category (people can no longer choose it; old feedback keeps it) and reactivates it', async () => {
    const category = await createCategory(t.db, { code: 'transport_test' });
    await addRoutingRule(t.db, { bodyId: (await createBody(t.db, { type: 'hotline' })).id });
    const submit = () => buildFeedback(t.db, { now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets }, { categoryCode: 'transport_test', placeCode: '111059' });
    const earlier = await submit();
    await client.get('/admin/categories/transport_test/edit');
    const off = await client.post('/admin/categories/transport_test/deactivate');
    expect(off.statusCode).toBe(303);
    const page = await client.follow(off);
    expect(page.body).toContain('Ангиллыг идэвхгүй болголоо.');
    expect(page.body).toContain('Дахин идэвхжүүлэх');
    expect((await categoryRow('transport_test'))?.active).toBe(false);
    const services = await t.app.inject('/open311/v2/services.json');
    expect(services.json().map((s: { service_code: string }) => s.service_code)).not.toContain('transport_test');
    // New feedback in it is refused at once; feedback already received keeps it.
    await expect(submit()).rejects.toMatchObject({ code: 'validation_failed', fields: [{ field: 'category', key: 'feedback:errors.unknown_category' }] });
    expect((await t.db.selectFrom('feedback_item').where('id', '=', earlier.id).select('category_id').executeTakeFirst())?.category_id).toBe(category.id);
    // Still listed for the admin, as inactive; never deleted.
    expect((await client.get('/admin/categories')).body).toMatch(/transport_test[^]*?Идэвхгүй/);

    const on = await client.post('/admin/categories/transport_test/reactivate');
    expect(on.statusCode).toBe(303);
    expect((await client.follow(on)).body).toContain('Ангиллыг дахин идэвхжүүллээ.');
    expect((await categoryRow('transport_test'))?.active).toBe(true);
    expect((await submit()).id).toBeGreaterThan(earlier.id);
  });

  it('answers 404 for an unknown or tampered category code', async () => {
    expect((await client.get('/admin/categories/no_such_category/edit')).statusCode).toBe(404);
    expect((await client.get('/admin/categories/UPPER_CASE/edit')).statusCode).toBe(404);
    await client.get('/admin/categories');
    const token = client.csrf();
    expect((await client.post('/admin/categories/no_such_category/deactivate', { _csrf: token })).statusCode).toBe(404);
    expect((await client.post('/admin/categories/%27%3B--/edit', { _csrf: token, nameMn: 'Нэр', nameEn: 'Name' })).statusCode).toBe(404);
  });
});
