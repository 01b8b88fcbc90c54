import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { addMembership, buildAccount, buildBody, grantPlatformRole, signIn, type BuiltAccount } from '../../../test/support/factories.js';
import { membershipTrail } from './queries.js';

let t: TestApp;
let body: { id: number; slug: string };
let otherBody: { id: number; slug: string };
let admin: BuiltAccount;

beforeAll(async () => {
  t = await createTestApp();
  await t.db
    .insertInto('category')
    .values([
      { code: 'mg_roads', name_mn: 'Зам, гүүр', name_en: 'Roads and bridges', position: 1 },
      { code: 'mg_waste', name_mn: 'Хог хаягдал', name_en: 'Waste', position: 2 },
    ])
    .execute();
  body = await buildBody(t.db, { nameMn: 'Чингэлтэй дүүргийн Засаг даргын Тамгын газар', nameEn: 'Chingeltei District Governor’s Office', placeCode: '1125', placesServed: ['1125'] });
  otherBody = await buildBody(t.db);
  admin = await buildAccount(t.db, { displayName: 'Оюунчимэг' });
  await addMembership(t.db, admin.id, body.id, 'admin');
});
afterAll(async () => t.close());

async function clientFor(account: BuiltAccount | null): Promise<WebClient> {
  const client = new WebClient(t.app);
  if (account) await signIn(client, account.email, account.password);
  return client;
}

async function staffOf(bodyId: number) {
  return t.db.selectFrom('membership').where('organisation_id', '=', bodyId).select(['account_id', 'role']).orderBy('account_id').execute();
}

describe('who may manage a body', () => {
  const manage = () => `/bodies/${body.slug}/manage`;

  it('sends anonymous visitors to sign in, and refuses their posts', async () => {
    const client = await clientFor(null);
    const page = await client.get(manage());
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe(`/account/sign-in?next=${encodeURIComponent(manage())}`);
    await client.get('/bodies'); // no form there: post with a token from a page that has one
    await client.get('/account/sign-in');
    const post = await client.post(`${manage()}/members`, { email: 'x@example.mn', role: 'member' });
    expect(post.statusCode).toBe(401);
  });

  it('refuses citizens, plain staff and admins of another body with 403, on the page and every form', async () => {
    const citizen = await buildAccount(t.db);
    const staff = await buildAccount(t.db);
    await addMembership(t.db, staff.id, body.id, 'member');
    const otherAdmin = await buildAccount(t.db);
    await addMembership(t.db, otherAdmin.id, otherBody.id, 'admin');
    const before = await staffOf(body.id);
    for (const account of [citizen, staff, otherAdmin]) {
      const client = await clientFor(account);
      expect((await client.get(manage())).statusCode, account.email).toBe(403);
      await client.get('/account');
      for (const [url, form] of [
        [`${manage()}/members`, { email: citizen.email, role: 'admin' }],
        [`${manage()}/members/${admin.id}/role`, { role: 'member' }],
        [`${manage()}/members/${admin.id}/remove`, {}],
        [`${manage()}/categories`, { category: 'mg_roads' }],
      ] as const) {
        const res = await client.post(url, form);
        expect(res.statusCode, `${account.email} ${url}`).toBe(403);
      }
    }
    expect(await staffOf(body.id)).toEqual(before);
    await t.db.deleteFrom('membership').where('account_id', '=', staff.id).execute();
  });

  it('lets the body’s admin and a platform admin in, and shows the link on the body page', async () => {
    const client = await clientFor(admin);
    const page = await client.get(manage());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Оюунчимэг');
    expect((await client.get(`/bodies/${body.slug}`)).body).toContain(`href="${manage()}"`);
    const platformAdmin = await buildAccount(t.db);
    await grantPlatformRole(t.db, platformAdmin.id, 'platform_admin');
    expect((await (await clientFor(platformAdmin)).get(manage())).statusCode).toBe(200);
  });

  it('answers 404 for an unknown body or member', async () => {
    const client = await clientFor(admin);
    expect((await client.get('/bodies/no-such-body/manage')).statusCode).toBe(404);
    await client.get(manage());
    expect((await client.post(`${manage()}/members/abc/remove`, {})).statusCode).toBe(404);
    await client.get(manage());
    expect((await client.post(`${manage()}/members/999999/remove`, {})).statusCode).toBe(404);
  });
});

describe('a body admin manages staff', () => {
  it('adds a colleague by email, makes them admin, makes them staff again, removes them, with a private trail', async () => {
    const colleague = await buildAccount(t.db, { displayName: 'Тэмүүлэн' });
    const client = await clientFor(admin);
    await client.get(`/bodies/${body.slug}/manage`);
    const added = await client.post(`/bodies/${body.slug}/manage/members`, { email: ` ${colleague.email.toUpperCase()} `, role: 'member' });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/bodies/${body.slug}/manage?done=added`);
    const page = await client.follow(added);
    expect(page.body).toContain('Ажилтныг нэмлээ.');
    expect(page.body).toContain('Тэмүүлэн');

    expect((await client.post(`/bodies/${body.slug}/manage/members/${colleague.id}/role`, { role: 'admin' })).headers.location).toContain('done=roleChanged');
    await client.get(`/bodies/${body.slug}/manage`);
    expect((await client.post(`/bodies/${body.slug}/manage/members/${colleague.id}/role`, { role: 'member' })).statusCode).toBe(303);
    await client.get(`/bodies/${body.slug}/manage`);
    expect((await client.post(`/bodies/${body.slug}/manage/members/${colleague.id}/remove`, {})).headers.location).toContain('done=removed');
    expect(await staffOf(body.id)).toEqual([{ account_id: admin.id, role: 'admin' }]);
    const trail = await membershipTrail(t.db, body.id);
    expect(trail.filter((c) => c.accountId === colleague.id).map((c) => [c.action, c.role, c.changedBy])).toEqual([
      ['added', 'member', admin.id],
      ['role_changed', 'admin', admin.id],
      ['role_changed', 'member', admin.id],
      ['removed', null, admin.id],
    ]);
  });

  it('explains that a person without an account must create one first, keeping what was typed', async () => {
    const client = await clientFor(admin);
    await client.get(`/bodies/${body.slug}/manage`);
    const res = await client.post(`/bodies/${body.slug}/manage/members`, { email: 'not-yet@example.mn', role: 'admin' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Энэ имэйлээр бүртгэл алга. Тухайн хүн эхлээд Иргэн платформд бүртгүүлсний дараа түүнийг нэмнэ үү.');
    expect(res.body).toContain('value="not-yet@example.mn"');
    expect(res.body).toMatch(/value="admin"[^>]*checked/);
    client.setCookie('lang', 'en');
    await client.get(`/bodies/${body.slug}/manage`);
    const en = await client.post(`/bodies/${body.slug}/manage/members`, { email: 'not-yet@example.mn', role: 'member' });
    expect(en.body).toContain('There is no account with this email. Ask the person to create an Irgen account first, then add them.');
  });

  it('refuses a malformed email or role with field messages, and answers JSON clients in both languages', async () => {
    const client = await clientFor(admin);
    await client.get(`/bodies/${body.slug}/manage`);
    const res = await client.post(`/bodies/${body.slug}/manage/members`, { email: 'not an email', role: 'owner' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('href="#f-email"');
    expect(res.body).toContain('href="#f-role"');
    await client.get(`/bodies/${body.slug}/manage`);
    const json = await client.request({
      method: 'POST',
      url: `/bodies/${body.slug}/manage/members`,
      payload: new URLSearchParams({ _csrf: client.csrf(), email: 'nobody@example.mn', role: 'member' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    });
    expect(json.statusCode).toBe(400);
    const field = json.json().error.fields[0];
    expect(field.field).toBe('email');
    expect(field.messages.mn).toMatch(/бүртгэл алга/);
    expect(field.messages.en).toMatch(/no account/);
  });

  it('never removes or demotes the last admin, and says why', async () => {
    const client = await clientFor(admin);
    await client.get(`/bodies/${body.slug}/manage`);
    const demote = await client.post(`/bodies/${body.slug}/manage/members/${admin.id}/role`, { role: 'member' });
    expect(demote.statusCode).toBe(409);
    expect(demote.body).toContain('Байгууллагын сүүлийн админыг хасах эсвэл эрхийг нь бууруулах боломжгүй');
    expect(demote.body).toContain('href="#f-staff"');
    await client.get(`/bodies/${body.slug}/manage`);
    expect((await client.post(`/bodies/${body.slug}/manage/members/${admin.id}/remove`, {})).statusCode).toBe(409);
    expect(await staffOf(body.id)).toEqual([{ account_id: admin.id, role: 'admin' }]);
  });

  it('chooses the categories the body handles, shown on its public page', async () => {
    const client = await clientFor(admin);
    await client.get(`/bodies/${body.slug}/manage`);
    const saved = await client.post(`/bodies/${body.slug}/manage/categories`, { category: ['mg_roads', 'mg_waste'] });
    expect(saved.headers.location).toContain('done=categoriesSaved');
    expect((await t.app.inject(`/api/bodies/${body.slug}`)).json().categories.map((c: { code: string }) => c.code)).toEqual(['mg_roads', 'mg_waste']);
    await client.get(`/bodies/${body.slug}/manage`);
    const bad = await client.post(`/bodies/${body.slug}/manage/categories`, { category: ['mg_roads', 'made_up'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Ийм ангилал алга.');
    await client.get(`/bodies/${body.slug}/manage`);
    // Unticking everything is allowed: the body then lists no categories.
    await client.post(`/bodies/${body.slug}/manage/categories`, {});
    expect((await t.app.inject(`/api/bodies/${body.slug}`)).json().categories).toEqual([]);
  });
});
