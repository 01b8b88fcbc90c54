import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import type { WebClient } from '../../../test/support/client.js';
import type { BuiltAccount } from '../../../test/support/factories.js';
import { addRoutingRule, buildFeedback, createBody, createCategory, type BuiltBody } from '../../../test/support/feedback-factories.js';
import { errorSummary, signedInAdmin, snapshot } from './testing.js';

let t: TestApp;
let client: WebClient;
let admin: BuiltAccount;
let hotline: BuiltBody;
let khovd: BuiltBody;
let jargalant: BuiltBody;
let water: BuiltBody;

beforeAll(async () => {
  t = await createTestApp();
  ({ client, account: admin } = await signedInAdmin(t, { displayName: 'Энхжаргал' }));
  hotline = await createBody(t.db, { type: 'hotline', nameMn: '11-11 төв', nameEn: '11-11 Centre' });
  khovd = await createBody(t.db, { placeCode: '84', nameMn: 'Ховд аймгийн Засаг даргын Тамгын газар', nameEn: 'Khovd Aimag Governor’s Office' });
  jargalant = await createBody(t.db, { placeCode: '8401', superiorId: khovd.id, nameMn: 'Жаргалант сумын Засаг даргын Тамгын газар', nameEn: 'Jargalant Soum Governor’s Office' });
  water = await createBody(t.db, { type: 'agency', nameMn: 'Ус сувгийн газар', nameEn: 'Water Authority' });
  await addRoutingRule(t.db, { bodyId: hotline.id });
  await addRoutingRule(t.db, { bodyId: jargalant.id, placeCode: '8401' });
});
afterAll(async () => t.close());

const ctx = () => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

/** Where new feedback of this category about this place goes now, through the real submission command. */
async function routedTo(categoryCode: string, placeCode: string): Promise<number> {
  return (await buildFeedback(t.db, ctx(), { categoryCode, placeCode })).bodyId;
}

async function ruleFor(categoryId: number | null, placeCode: string | null) {
  return t.db
    .selectFrom('routing_rule')
    .where((eb) => (categoryId === null ? eb('category_id', 'is', null) : eb('category_id', '=', categoryId)))
    .where((eb) => (placeCode === null ? eb('place_code', 'is', null) : eb('place_code', '=', placeCode)))
    .selectAll()
    .executeTakeFirst();
}

describe('adding a routing rule', () => {
  it('routes a category in Khovd aimag to the aimag office, changing where new feedback goes', async () => {
    const lighting = await createCategory(t.db, { code: 'lighting_khovd', nameMn: 'Гудамжны гэрэл', nameEn: 'Street lighting' });
    // Before: a bagh of Myangad soum (8434) has no rule of its own; the national fallback answers.
    expect(await routedTo(lighting.code, '843451')).toBe(hotline.id);

    const form = await client.get('/admin/routing/new');
    expect(form.statusCode).toBe(200);
    // The picker's own button shows the soum list without adding anything.
    const before = await snapshot(t);
    const refine = await client.post('/admin/routing/new', { category: lighting.code, scope: '', body: khovd.slug, place_l1: '84', place_refine: '1' });
    expect(refine.statusCode).toBe(200);
    expect(refine.body).toContain('name="place_l2"');
    expect(refine.body).toMatch(/<input type="radio" id="f-scope-1" name="scope" value="place" checked/);
    expect(await snapshot(t)).toEqual(before);

    const res = await client.post('/admin/routing/new', { category: lighting.code, scope: 'place', body: khovd.slug, place_l1: '84', place_l2: '' });
    expect(res.statusCode).toBe(303);
    const rule = await ruleFor(lighting.id, '84');
    expect(rule?.body_id).toBe(khovd.id);
    expect(res.headers.location).toBe(`/admin/routing?done=created&rule=${rule!.id}`);
    const list = await client.follow(res);
    expect(list.body).toContain('Дүрмийг нэмлээ: Гудамжны гэрэл · Ховд → Ховд аймгийн Засаг даргын Тамгын газар');

    // After: the aimag office answers anywhere in Khovd without a more specific rule.
    expect(await routedTo(lighting.code, '843451')).toBe(khovd.id);
    // Jargalant soum has its own any-category rule, and the most specific place wins.
    expect(await routedTo(lighting.code, '840151')).toBe(jargalant.id);
    // Outside Khovd nothing changed.
    expect(await routedTo(lighting.code, '6201')).toBe(hotline.id);

    const trail = await t.db.selectFrom('routing_rule_change').where('rule_id', '=', rule!.id).selectAll().execute();
    expect(trail).toMatchObject([{ action: 'created', category_id: lighting.id, place_code: '84', body_before_id: null, body_after_id: khovd.id, changed_by: admin.id }]);
  });

  it('adds a whole-country rule for one category', async () => {
    const water_ = await createCategory(t.db, { code: 'water_national', nameMn: 'Ус', nameEn: 'Water' });
    await client.get('/admin/routing/new?category=water_national');
    expect(client.lastPage).toMatch(/<option value="water_national" selected/);
    // The picker's lists are ignored when the rule is for the whole country.
    const res = await client.post('/admin/routing/new', { category: water_.code, scope: 'country', body: water.slug, place_l1: '84' });
    expect(res.statusCode).toBe(303);
    expect((await ruleFor(water_.id, null))?.body_id).toBe(water.id);
    expect(await routedTo(water_.code, '111059')).toBe(water.id);
    // A place rule for any category beats a whole-country category rule: the nearest place decides.
    expect(await routedTo(water_.code, '840151')).toBe(jargalant.id);
  });

  it('refuses missing, unknown and tampered input with messages, writing nothing', async () => {
    const category = await createCategory(t.db, { code: 'roads_refusals' });
    const before = await snapshot(t);
    await client.get('/admin/routing/new');
    const empty = await client.post('/admin/routing/new', { category: '', scope: '', body: '' });
    expect(empty.statusCode).toBe(400);
    const summary = errorSummary(empty.body);
    expect(summary).toContain('Ангилал сонгоно уу.');
    expect(summary).toContain('Дүрэм улс даяар эсвэл тодорхой газарт хамаарахыг сонгоно уу.');
    expect(summary).toContain('Байгууллага сонгоно уу.');

    const cases: [Record<string, string>, string][] = [
      [{ category: 'no_such_category', scope: 'country', body: khovd.slug }, 'Ийм ангилал алга'],
      [{ category: category.code, scope: 'place', body: khovd.slug }, 'Аймаг эсвэл нийслэл'],
      [{ category: category.code, scope: 'place', body: khovd.slug, place_l1: '99' }, 'Сонгосон байршил жагсаалтад алга'],
      [{ category: category.code, scope: 'place', body: khovd.slug, place_l1: '84', place_l2: '6201' }, 'Арвайхээр'],
      [{ category: category.code, scope: 'place', body: 'no-such-body', place_l1: '84' }, 'Ийм байгууллага алга'],
      [{ category: category.code, scope: 'everywhere', body: khovd.slug }, 'Дүрэм улс даяар эсвэл тодорхой газарт хамаарахыг сонгоно уу.'],
      [{ category: 'x'.repeat(101), scope: 'country', body: khovd.slug }, 'Ангилал'],
    ];
    for (const [form, message] of cases) {
      await client.get('/admin/routing/new');
      const res = await client.post('/admin/routing/new', form);
      expect(res.statusCode, JSON.stringify(form)).toBe(400);
      expect(errorSummary(res.body), JSON.stringify(form)).toContain(message);
    }
    // What was typed stays chosen.
    await client.get('/admin/routing/new');
    const kept = await client.post('/admin/routing/new', { category: category.code, scope: 'place', body: 'no-such-body', place_l1: '84', place_l2: '8401' });
    expect(kept.body).toMatch(new RegExp(`<option value="${category.code}" selected`));
    expect(kept.body).toMatch(/<option value="8401" selected/);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a second rule for the same category and place with a clear field error, never a 500', async () => {
    const category = await createCategory(t.db, { code: 'duplicate_pair' });
    await client.get('/admin/routing/new');
    expect((await client.post('/admin/routing/new', { category: category.code, scope: 'place', body: khovd.slug, place_l1: '84' })).statusCode).toBe(303);
    const existing = await ruleFor(category.id, '84');
    const before = await snapshot(t);
    await client.get('/admin/routing/new');
    const res = await client.post('/admin/routing/new', { category: category.code, scope: 'place', body: water.slug, place_l1: '84' });
    expect(res.statusCode).toBe(400);
    expect(errorSummary(res.body)).toContain('Энэ ангилал, газарт дүрэм аль хэдийн бий (хүлээн авагч: Ховд аймгийн Засаг даргын Тамгын газар)');
    expect(res.body).toContain(`href="/admin/routing/${existing!.id}/edit"`);
    // The national pair too (any category, whole country).
    await client.get('/admin/routing/new');
    const national = await client.post('/admin/routing/new', { category: 'any', scope: 'country', body: water.slug });
    expect(national.statusCode).toBe(400);
    expect(errorSummary(national.body)).toContain('11-11 төв');
    expect(await snapshot(t)).toEqual(before);
  });
});

describe('changing and deleting rules', () => {
  it('sends a rule’s feedback to another body and keeps the change in the private history', async () => {
    const category = await createCategory(t.db, { code: 'change_body', nameMn: 'Ус хангамж', nameEn: 'Water supply' });
    await addRoutingRule(t.db, { bodyId: khovd.id, categoryId: category.id, placeCode: '84' });
    const rule = (await ruleFor(category.id, '84'))!;
    expect(await routedTo(category.code, '843451')).toBe(khovd.id);

    const page = await client.get(`/admin/routing/${rule.id}/edit`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Дүрмийг устгах');
    const refused = await client.post(`/admin/routing/${rule.id}/edit`, { body: 'no-such-body' });
    expect(refused.statusCode).toBe(400);
    expect(errorSummary(refused.body)).toContain('Ийм байгууллага алга');

    const res = await client.post(`/admin/routing/${rule.id}/edit`, { body: water.slug });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/routing/${rule.id}/edit?done=changed`);
    const after = await client.follow(res);
    expect(after.body).toContain('Байгууллагыг солилоо: Ус хангамж · Ховд → Ус сувгийн газар');
    expect(after.body).toContain('Байгууллага сольсон');
    expect(after.body).toContain('Ховд аймгийн Засаг даргын Тамгын газар → Ус сувгийн газар');
    expect(after.body).toContain('Энхжаргал');
    expect(await routedTo(category.code, '843451')).toBe(water.id);

    // Choosing the same body again changes nothing and records nothing.
    const changes = await t.db.selectFrom('routing_rule_change').where('rule_id', '=', rule.id).select('action').execute();
    expect(changes).toEqual([{ action: 'body_changed' }]);
    await client.post(`/admin/routing/${rule.id}/edit`, { body: water.slug });
    expect(await t.db.selectFrom('routing_rule_change').where('rule_id', '=', rule.id).select('action').execute()).toHaveLength(1);
    // The history cannot be rewritten.
    await expect(t.db.deleteFrom('routing_rule_change').where('rule_id', '=', rule.id).execute()).rejects.toThrow(/append-only/);
  });

  it('deletes a rule: its feedback falls back to the rule of the place above', async () => {
    const category = await createCategory(t.db, { code: 'delete_me', nameMn: 'Зам', nameEn: 'Roads' });
    await addRoutingRule(t.db, { bodyId: water.id, categoryId: category.id, placeCode: '8434' });
    await addRoutingRule(t.db, { bodyId: khovd.id, placeCode: '84' });
    const rule = (await ruleFor(category.id, '8434'))!;
    expect(await routedTo(category.code, '843451')).toBe(water.id);
    await client.get(`/admin/routing/${rule.id}/edit`);
    const res = await client.post(`/admin/routing/${rule.id}/delete`);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/admin/routing?done=deleted&rule=${rule.id}`);
    expect((await client.follow(res)).body).toContain('Дүрмийг устгалаа: Зам · Ховд › Мянгад → Ус сувгийн газар');
    expect(await ruleFor(category.id, '8434')).toBeUndefined();
    expect(await routedTo(category.code, '843451')).toBe(khovd.id);
    expect(await t.db.selectFrom('routing_rule_change').where('rule_id', '=', rule.id).select(['action', 'body_before_id', 'body_after_id', 'changed_by']).execute()).toEqual([
      { action: 'deleted', body_before_id: water.id, body_after_id: null, changed_by: admin.id },
    ]);
    // The recent changes on the list page name it.
    expect((await client.get('/admin/routing')).body).toContain('Устгасан');
  });

  it('never deletes the national fallback rule', async () => {
    const fallback = (await ruleFor(null, null))!;
    const page = await client.get(`/admin/routing/${fallback.id}/edit`);
    expect(page.body).toContain('Энэ бол улсын нөөц дүрэм');
    expect(page.body).not.toContain(`action="/admin/routing/${fallback.id}/delete"`);
    const res = await client.post(`/admin/routing/${fallback.id}/delete`);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Улсын нөөц дүрмийг устгах боломжгүй');
    expect(await ruleFor(null, null)).toBeDefined();
  });

  it('answers 404 for unknown and tampered rule ids', async () => {
    for (const id of ['999999', 'abc', '0', '-1', '1e3', '99999999999']) {
      expect((await client.get(`/admin/routing/${id}/edit`)).statusCode, id).toBe(404);
    }
    await client.get('/admin/routing');
    const token = client.csrf();
    expect((await client.post('/admin/routing/999999/edit', { _csrf: token, body: water.slug })).statusCode).toBe(404);
    expect((await client.post('/admin/routing/abc/delete', { _csrf: token })).statusCode).toBe(404);
  });
});

describe('the routing list', () => {
  it('filters by category, aimag and body', async () => {
    const category = await createCategory(t.db, { code: 'filter_me', nameMn: 'Шүүлтүүр', nameEn: 'Filtered' });
    await addRoutingRule(t.db, { bodyId: water.id, categoryId: category.id, placeCode: '6201' });
    const all = await client.get('/admin/routing');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('Улс даяар');
    expect(all.body).toContain('нөөц дүрэм');

    const byCategory = await client.get('/admin/routing?category=filter_me');
    expect(byCategory.body).toContain('Олдсон дүрэм: 1');
    expect(byCategory.body).toContain('Өвөрхангай › Арвайхээр');
    const byAimag = await client.get('/admin/routing?aimag=62');
    expect(byAimag.body).toContain('Шүүлтүүр');
    expect(byAimag.body).toContain('Олдсон дүрэм: 1');
    const byBody = await client.get(`/admin/routing?body=${jargalant.slug}`);
    expect(byBody.body).toContain('Олдсон дүрэм: 1');
    const any = await client.get('/admin/routing?category=any&aimag=country');
    expect(any.body).toContain('Олдсон дүрэм: 1');
    expect(any.body).toContain('11-11 төв');
    const nothing = await client.get('/admin/routing?category=nothing_like_this');
    expect(nothing.body).toContain('Шүүлтүүрт тохирох дүрэм алга.');
    // Tampered filters find nothing rather than fail.
    const tampered = await client.get(`/admin/routing?aimag=${'x'.repeat(15)}&page=abc`);
    expect(tampered.statusCode).toBe(200);
    expect(tampered.body).toContain('Олдсон дүрэм: 0');
    expect((await client.get(`/admin/routing?page=${'9'.repeat(20)}&aimag=${'x'.repeat(50)}`)).statusCode).toBe(200);
  });
});

describe('the test-routing tool', () => {
  it('shows which body would answer and which rule decided, walking up from the place', async () => {
    const category = await createCategory(t.db, { code: 'tool_test', nameMn: 'Хог хаягдал', nameEn: 'Waste' });
    await addRoutingRule(t.db, { bodyId: water.id, categoryId: category.id, placeCode: '84' });
    const rule = (await ruleFor(category.id, '84'))!;
    const res = await client.get('/admin/routing/test?category=tool_test&place_l1=84&place_l2=8434&check=1');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/id="result-body"><a href="\/bodies\/[^"]+">Ус сувгийн газар</);
    expect(res.body).toContain('Хог хаягдал · Ховд → Ус сувгийн газар');
    expect(res.body).toContain(`href="/admin/routing/${rule.id}/edit"`);
    // The walk: Myangad (no rule), Khovd (category rule decides), whole country (fallback).
    expect(res.body).toContain('Ховд › Мянгад');
    expect(res.body).toMatch(/<strong>Ус сувгийн газар<\/strong> <span class="tag tag-ok">шийдсэн/);

    // In Jargalant the soum's any-category rule decides: the nearest place wins.
    const soum = await client.get('/admin/routing/test?category=tool_test&place_l1=84&place_l2=8401&check=1');
    expect(soum.body).toMatch(/id="result-body"><a [^>]+>Жаргалант сумын Засаг даргын Тамгын газар</);
    // Elsewhere, the fallback, said as such.
    const elsewhere = await client.get('/admin/routing/test?category=tool_test&place_code=6201');
    expect(elsewhere.body).toContain('Тусгай дүрэм таарсангүй: улсын нөөц дүрэм шийдлээ.');
    // The tool agrees with the submission command.
    expect(await routedTo(category.code, '843451')).toBe(water.id);
    expect(await routedTo(category.code, '840151')).toBe(jargalant.id);
  });

  it('explains missing or unknown choices, and offers the next list without testing yet', async () => {
    const empty = await client.get('/admin/routing/test');
    expect(empty.statusCode).toBe(200);
    expect(errorSummary(empty.body)).toBe('');
    const missing = await client.get('/admin/routing/test?category=&check=1');
    expect(missing.statusCode).toBe(400);
    expect(errorSummary(missing.body)).toContain('Ангилал сонгоно уу.');
    expect(errorSummary(missing.body)).toContain('Аймаг эсвэл нийслэл');
    const unknown = await client.get('/admin/routing/test?category=nope&place_l1=99&check=1');
    expect(unknown.statusCode).toBe(400);
    expect(errorSummary(unknown.body)).toContain('Ийм ангилал алга');
    const refine = await client.get('/admin/routing/test?category=tool_test&place_l1=84&place_refine=1');
    expect(refine.statusCode).toBe(200);
    expect(refine.body).toContain('name="place_l2"');
    expect(refine.body).not.toContain('id="routing-result"');
  });
});
