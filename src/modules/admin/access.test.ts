import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { addMembership, buildAccount, grantPlatformRole, signIn } from '../../../test/support/factories.js';
import { addRoutingRule, buildFeedback, createBody, createCategory } from '../../../test/support/feedback-factories.js';
import { canAdministerPlatform, canDeleteRoutingRule } from './policy.js';
import { signedInAdmin, snapshot } from './testing.js';

let t: TestApp;
let ruleId: number;
let overrideId: number;
let categoryCode: string;
let bodySlug: string;

beforeAll(async () => {
  t = await createTestApp();
  const body = await createBody(t.db, { placeCode: '84' });
  bodySlug = body.slug;
  const category = await createCategory(t.db);
  categoryCode = category.code;
  await addRoutingRule(t.db, { bodyId: body.id, categoryId: category.id, placeCode: '84' });
  ruleId = (await t.db.selectFrom('routing_rule').where('body_id', '=', body.id).select('id').executeTakeFirstOrThrow()).id;
  overrideId = (await t.db.insertInto('deadline_rule').values({ kind: 'complaint', body_id: body.id, days: 20, day_count: 'working' }).returning('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t.close());

const pages = () => [
  '/admin',
  '/admin/categories',
  '/admin/categories/new',
  `/admin/categories/${categoryCode}/edit`,
  '/admin/routing',
  '/admin/routing/new',
  `/admin/routing/${ruleId}/edit`,
  `/admin/routing/test?category=${categoryCode}&place_l1=84&check=1`,
  '/admin/deadlines',
  `/admin/deadlines/overrides/${overrideId}/edit`,
  '/admin/holidays',
];

const actions = (): [string, Record<string, string>][] => [
  ['/admin/categories/new', { code: 'hijacked_category', nameMn: 'Хулгайн ангилал', nameEn: 'Hijacked' }],
  [`/admin/categories/${categoryCode}/edit`, { nameMn: 'Хулгайн нэр', nameEn: 'Hijacked' }],
  [`/admin/categories/${categoryCode}/deactivate`, {}],
  [`/admin/categories/${categoryCode}/reactivate`, {}],
  ['/admin/routing/new', { category: 'any', scope: 'country', body: bodySlug }],
  [`/admin/routing/${ruleId}/edit`, { body: bodySlug }],
  [`/admin/routing/${ruleId}/delete`, {}],
  ['/admin/deadlines', { days_complaint: '1', count_complaint: 'calendar' }],
  ['/admin/deadlines/overrides', { body: bodySlug, kind: 'request', days: '5', dayCount: 'calendar' }],
  [`/admin/deadlines/overrides/${overrideId}/edit`, { days: '1', dayCount: 'calendar' }],
  [`/admin/deadlines/overrides/${overrideId}/remove`, {}],
  ['/admin/holidays', { date: '2027-05-05', nameMn: 'Хулгайн баяр', nameEn: 'Hijacked day' }],
  ['/admin/holidays/2026-07-11/remove', {}],
];

describe('who may administer the platform', () => {
  it('policy: only platform admins, and the national fallback rule is never deleted', () => {
    const actor = (roles: ('operator' | 'moderator' | 'platform_admin')[]) => ({
      accountId: 1,
      email: 'a@example.mn',
      displayName: 'A',
      emailVerified: true,
      preferredLang: 'mn' as const,
      platformRoles: new Set(roles),
      memberships: [{ organisationId: 5, kind: 'body' as const, role: 'admin' as const, slug: 'x', nameMn: 'x', nameEn: 'x' }],
    });
    expect(canAdministerPlatform(null)).toBe(false);
    expect(canAdministerPlatform(actor([]))).toBe(false);
    expect(canAdministerPlatform(actor(['operator', 'moderator']))).toBe(false);
    expect(canAdministerPlatform(actor(['platform_admin']))).toBe(true);
    expect(canDeleteRoutingRule({ categoryId: null, placeCode: null })).toBe(false);
    expect(canDeleteRoutingRule({ categoryId: 3, placeCode: null })).toBe(true);
    expect(canDeleteRoutingRule({ categoryId: null, placeCode: '84' })).toBe(true);
  });

  it('sends anonymous visitors to sign in and refuses their posts with 401', async () => {
    for (const url of pages()) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(303);
      expect(res.headers.location).toBe(`/account/sign-in?next=${encodeURIComponent(url)}`);
    }
    const before = await snapshot(t);
    const anonymous = new WebClient(t.app);
    await anonymous.get('/account/sign-in');
    const token = anonymous.csrf();
    for (const [url, form] of actions()) expect((await anonymous.post(url, { ...form, _csrf: token })).statusCode, url).toBe(401);
    expect(await snapshot(t)).toEqual(before);
  });

  it('answers 403 to a citizen, an operator, a moderator and a body admin, changing nothing', async () => {
    const citizen = await buildAccount(t.db);
    const operator = await buildAccount(t.db);
    await grantPlatformRole(t.db, operator.id, 'operator');
    const moderator = await buildAccount(t.db);
    await grantPlatformRole(t.db, moderator.id, 'moderator');
    const bodyAdmin = await buildAccount(t.db);
    const body = await t.db.selectFrom('organisation').where('slug', '=', bodySlug).select('id').executeTakeFirstOrThrow();
    await addMembership(t.db, bodyAdmin.id, body.id, 'admin');
    const before = await snapshot(t);
    for (const account of [citizen, operator, moderator, bodyAdmin]) {
      const client = new WebClient(t.app);
      await signIn(client, account.email, account.password);
      for (const url of pages()) expect((await client.get(url)).statusCode, `${url} as ${account.email}`).toBe(403);
      // No admin link in the menu either.
      const account_ = await client.get('/account');
      expect(account_.body).not.toContain('href="/admin"');
      const token = client.csrf();
      for (const [url, form] of actions()) expect((await client.post(url, { ...form, _csrf: token })).statusCode, `POST ${url}`).toBe(403);
    }
    expect(await snapshot(t)).toEqual(before);
    const category = await t.db.selectFrom('category').where('code', '=', categoryCode).select(['name_en', 'active']).executeTakeFirstOrThrow();
    expect(category).toEqual({ name_en: `Category ${categoryCode}`, active: true });
  });

  it('refuses a form without its CSRF token, even from a platform admin', async () => {
    const { client } = await signedInAdmin(t);
    const before = await snapshot(t);
    const res = await client.post('/admin/holidays', { _csrf: 'forged', date: '2027-05-05', nameMn: 'Баяр', nameEn: 'Holiday' });
    expect(res.statusCode).toBe(403);
    expect(await snapshot(t)).toEqual(before);
  });
});

describe('the dashboard', () => {
  it('links to every admin area and counts feedback that went to the national fallback in the last 30 days', async () => {
    const { client } = await signedInAdmin(t);
    const fallback = await createBody(t.db, { type: 'hotline', nameMn: 'Иргэдийн төв 11-11', nameEn: '11-11 Centre' });
    await addRoutingRule(t.db, { bodyId: fallback.id });
    const routed = await createCategory(t.db);
    const unrouted = await createCategory(t.db);
    const aimagOffice = await createBody(t.db, { placeCode: '62' });
    await addRoutingRule(t.db, { bodyId: aimagOffice.id, categoryId: routed.id, placeCode: '62' });

    const count = async () => {
      const page = await client.get('/admin');
      expect(page.statusCode).toBe(200);
      const match = page.body.match(/id="fallback-count">[^<]*: (\d+)</);
      expect(match, 'fallback count').not.toBeNull();
      return { page: page.body, n: Number(match![1]) };
    };
    const { page, n: before } = await count();
    for (const href of ['/admin/bodies', '/admin/categories', '/admin/routing', '/admin/routing/test', '/admin/deadlines', '/admin/holidays', '/admin/api-clients']) {
      expect(page).toContain(`href="${href}"`);
    }
    expect(page).toContain('11-11');

    const ctx = { now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets };
    await buildFeedback(t.db, ctx, { categoryCode: unrouted.code, placeCode: '6201' });
    await buildFeedback(t.db, ctx, { categoryCode: routed.code, placeCode: '1110' });
    await buildFeedback(t.db, ctx, { categoryCode: routed.code, placeCode: '6201' });
    // Older than 30 days: not counted.
    await buildFeedback(t.db, { ...ctx, now: new Date(t.clock.now().getTime() - 40 * 86_400_000) }, { categoryCode: unrouted.code, placeCode: '6201' });
    expect((await count()).n).toBe(before + 2);
  });

  it('warns when there is no national fallback rule', async () => {
    const other = await createTestApp();
    try {
      const { client } = await signedInAdmin(other);
      const page = await client.get('/admin');
      expect(page.body).toContain('Улсын нөөц дүрэм алга');
      expect(page.body).not.toContain('id="fallback-count"');
    } finally {
      await other.close();
    }
  });
});
