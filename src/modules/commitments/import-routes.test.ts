import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildMember, multipart } from '../../../test/support/commitment-factories.js';
import { buildAccount, buildBody, grantPlatformRole, signIn } from '../../../test/support/factories.js';
import { readDataFile } from './demo.js';
import { importCleanupJob } from './reminders.js';
import { importPath } from './urls.js';

/** A platform admin loads a plan file: checked and shown first, saved only when confirmed, refused whole when wrong. */
let t: TestApp;
let admin: WebClient;
let owner: { id: number; slug: string };

beforeAll(async () => {
  t = await createTestApp();
  const account = await buildAccount(t.db, { displayName: 'С.Төмөрбаатар' });
  await grantPlatformRole(t.db, account.id, 'platform_admin');
  admin = new WebClient(t.app);
  await signIn(admin, account.email);
  owner = await buildBody(t.db, { type: 'agency', nameMn: 'Засгийн газрын Хэрэг эрхлэх газар', nameEn: 'Cabinet Secretariat' });
});
afterAll(async () => t.close());

async function upload(client: WebClient, fields: Record<string, string>, file: string | null, filename = 'nap4.json') {
  await client.get(importPath);
  const token = client.csrf();
  const { payload, contentType } = multipart(fields, file === null ? [] : [{ name: 'file', filename, type: 'application/json', data: Buffer.from(file) }]);
  return client.request({ method: 'POST', url: `${importPath}?_csrf=${encodeURIComponent(token)}`, payload, headers: { 'content-type': contentType } });
}

async function plans() {
  return (await t.db.selectFrom('commitment_plan').select('slug').execute()).map((p) => p.slug);
}

const nap4Text = () => JSON.stringify(readDataFile('ogp-nap4-mongolia.json'));

describe('importing a plan file', () => {
  it('shows what will happen, then imports on confirmation', async () => {
    const preview = await upload(admin, { owner: String(owner.id), slug: 'ogp-nap-iv', kind: 'national', place: '' }, nap4Text());
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Оруулахын өмнө шалгана уу');
    expect(preview.body).toContain('9 амлалт, 53 үе шат, 53 төрийн байгууллагын тайлан, 27 ТББ-ын бичлэг, 7 санал.');
    expect(preview.body).toContain('Шинээр бүртгэнэ: Хууль зүй, дотоод хэргийн яам (төрийн байгууллага)');
    expect(preview.body).toContain('Шинээр бүртгэнэ: Нээлттэй нийгэм форум (ИНБ)');
    expect(await plans()).toEqual([]);
    const action = preview.body.match(/action="(\/commitments\/import\/[0-9a-f-]+\/confirm)"/)![1]!;
    const done = await admin.post(action);
    expect(done.statusCode).toBe(303);
    expect(done.headers.location).toBe('/commitments/ogp-nap-iv?done=imported');
    const page = await admin.follow(done);
    expect(page.body).toContain('Төлөвлөгөөг орууллаа: 9 амлалт, 53 үе шат.');
    expect(await plans()).toEqual(['ogp-nap-iv']);
    // The upload is gone: confirming again is refused.
    await admin.get(importPath);
    expect((await admin.post(action)).statusCode).toBe(410);
    // The import is in the public record, without anyone's name.
    const event = await t.db.selectFrom('public_event').where('type', '=', 'commitments.plan_imported').select('payload').executeTakeFirstOrThrow();
    expect(event.payload).toEqual({ plan: 'ogp-nap-iv', kind: 'national', owner: owner.slug, title_mn: null, title_en: 'Open Government Partnership National Action Plan IV (NAP IV), Mongolia', commitments: 9, milestones: 53 });
  });

  it('refuses a file with problems (422), listing each, and saves nothing', async () => {
    const document = readDataFile('ogp-nap4-mongolia.json') as { commitments: { milestones: Record<string, unknown>[] }[] };
    document.commitments[0]!.milestones[0]!.government_assessment = 'mostly done';
    document.commitments[0]!.milestones[1]!.colour = 'green';
    const before = await t.db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const response = await upload(admin, { owner: String(owner.id), slug: 'bad-one', kind: 'national' }, JSON.stringify(document));
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('Файлд 2 алдаа байна. Засаад дахин оруулна уу; юу ч хадгалаагүй.');
    expect(response.body).toContain('commitments[1].milestones[1].government_assessment: үнэлгээ хуваарьт байхгүй.');
    expect(response.body).toContain('commitments[1].milestones[2].colour: танигдахгүй талбар.');
    expect(await plans()).toEqual(['ogp-nap-iv']);
    const after = await t.db.selectFrom('organisation').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    // What was typed stays in the form.
    expect(response.body).toContain('value="bad-one"');
  });

  it('refuses a file that is not JSON (400), no file (400), a taken address and a missing owner (422)', async () => {
    const notJson = await upload(admin, { owner: String(owner.id), slug: 'x-plan', kind: 'national' }, '{"plan": ');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.body).toContain('Файл JSON биш байна');
    const noFile = await upload(admin, { owner: String(owner.id), slug: 'x-plan', kind: 'national' }, null);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.body).toContain('Оруулах файлаа сонгоно уу.');
    const taken = await upload(admin, { owner: '', slug: 'ogp-nap-iv', kind: 'national' }, nap4Text());
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Энэ хаягтай төлөвлөгөө аль хэдийн бий.');
    expect(taken.body).toContain('Эзэмшигч төрийн байгууллагаа сонгоно уу.');
    const reserved = await upload(admin, { owner: String(owner.id), slug: 'work', kind: 'national' }, nap4Text());
    expect(reserved.statusCode).toBe(422);
    expect(await plans()).toEqual(['ogp-nap-iv']);
  });

  it('forgets an upload nobody confirmed after a day (the daily clean-up, for the time it runs)', async () => {
    const preview = await upload(admin, { owner: String(owner.id), slug: 'forgotten-plan', kind: 'national' }, nap4Text());
    const action = preview.body.match(/action="(\/commitments\/import\/[0-9a-f-]+\/confirm)"/)![1]!;
    const count = async () => Number((await t.db.selectFrom('commitment_import_upload').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(await count()).toBe(1);
    await importCleanupJob(t.db).run({}, new Date(t.clock.now().getTime() + 3_600_000));
    expect(await count()).toBe(1);
    await importCleanupJob(t.db).run({}, new Date(t.clock.now().getTime() + 2 * 86_400_000));
    expect(await count()).toBe(0);
    await admin.get(importPath);
    expect((await admin.post(action)).statusCode).toBe(410);
    expect(await plans()).toEqual(['ogp-nap-iv']);
  });

  it('is for platform admins only', async () => {
    const staff = new WebClient(t.app);
    await signIn(staff, (await buildMember(t.db, owner.id, 'admin')).email);
    expect((await staff.get(importPath)).statusCode).toBe(403);
    await staff.get('/account');
    const { payload, contentType } = multipart({ owner: String(owner.id), slug: 'sneaky' }, [{ name: 'file', filename: 'p.json', type: 'application/json', data: Buffer.from(nap4Text()) }]);
    const response = await staff.request({ method: 'POST', url: `${importPath}?_csrf=${encodeURIComponent(staff.csrf())}`, payload, headers: { 'content-type': contentType } });
    expect(response.statusCode).toBe(403);
    expect((await new WebClient(t.app).get(importPath)).statusCode).toBe(303);
    expect(await plans()).toEqual(['ogp-nap-iv']);
  });
});
