import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { addMembership, buildAccount, grantPlatformRole, signIn } from '../../../test/support/factories.js';
import { buildOpenPetition, buildPetitionBody, registryNumber, smallLadder } from '../../../test/support/petition-factories.js';
import { linkIn } from '../../../test/support/smtp.js';
import { closeDuePetitions } from './commands/steps.js';
import { CLOSE_TASK } from './jobs.js';

let t: TestApp;
let moderator: WebClient;
let admin: WebClient;
let person = 9000;

beforeAll(async () => {
  t = await createTestApp();
  const m = await buildAccount(t.db);
  await grantPlatformRole(t.db, m.id, 'moderator');
  moderator = new WebClient(t.app);
  await signIn(moderator, m.email);
  const a = await buildAccount(t.db);
  await grantPlatformRole(t.db, a.id, 'platform_admin');
  admin = new WebClient(t.app);
  await signIn(admin, a.email);
});
afterAll(async () => {
  await t.close();
});

async function citizen(options: { verified?: boolean } = {}) {
  const account = await buildAccount(t.db, options);
  const client = new WebClient(t.app);
  await signIn(client, account.email);
  return { account, client };
}

const petitionCount = async () => Number((await t.db.selectFrom('petition').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

async function vote(id: number, email: string) {
  const client = new WebClient(t.app);
  await client.get(`/petitions/${id}/sign/email`);
  await client.post(`/petitions/${id}/sign/email`, { registry: registryNumber(person++), email, residence_l1: '11', residence_l2: '1110', notify: 'yes' });
  await t.runJobs();
  const link = new URL(linkIn(await t.mail.waitFor(email, /Саналаа/), `/petitions/${id}/confirm`));
  const res = await client.post(link.pathname + link.search, {}, { csrf: false });
  expect(res.statusCode).toBe(303);
}

describe('drafting', () => {
  it('refuses an overlong title, an empty action and an unknown body with messages, writing nothing', async () => {
    const { client } = await citizen();
    const before = await petitionCount();
    await client.get('/petitions/new');
    const res = await client.post('/petitions/new', { body: 'no-such-body', title: 'Т'.repeat(151), action: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Гарчиг 150 тэмдэгтээс хэтрэхгүй байх ёстой');
    expect(res.body).toContain('Хүсэж буй арга хэмжээ оруулна уу');
    expect(res.body).toContain('Ийм байгууллага олдсонгүй');
    client.setCookie('lang', 'en');
    await client.get('/petitions/new');
    const english = await client.post('/petitions/new', { title: 'T'.repeat(151), action: 'x' });
    expect(english.statusCode).toBe(400);
    expect(english.body).toContain('Title must be 150 characters or fewer');
    client.setCookie('lang', 'mn');
    expect(await petitionCount()).toBe(before);
  });

  it('keeps the language the petition is written in, whatever the language of the page it was typed on', async () => {
    const body = await buildPetitionBody(t.db);
    const { client } = await citizen();
    await client.get('/petitions/new');
    const created = await client.post('/petitions/new', { body: body.slug, title: 'Safer crossings near schools', action: 'Build raised crossings at every school in the district.' });
    expect(created.statusCode).toBe(303);
    const id = Number(String(created.headers.location).split('/')[2]);
    expect((await t.db.selectFrom('petition').select('language').where('id', '=', id).executeTakeFirstOrThrow()).language).toBe('en');
    expect((await client.get(`/petitions/${id}/edit`)).statusCode).toBe(200);
    const own = (await client.get(`/petitions/${id}`)).body;
    expect(own).toMatch(/<h1 lang="en">Safer crossings near schools<\/h1>/);
  });

  it('sends anonymous people to sign in and refuses an unconfirmed address', async () => {
    const anonymous = await t.app.inject('/petitions/new');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toContain('/account/sign-in');
    const { client } = await citizen({ verified: false });
    expect((await client.get('/petitions/new')).statusCode).toBe(403);
  });

  it('gathers supporters through the share link: not the creator, not twice, then moderation', async () => {
    const body = await buildPetitionBody(t.db, { steps: smallLadder([10], { supporters: 2 }) });
    const { client } = await citizen();
    await client.get('/petitions/new');
    const created = await client.post('/petitions/new', { body: body.slug, title: 'Цэцэрлэгийн хүртээмж', action: 'Шинэ цэцэрлэг барихыг хүсье.' });
    expect(created.statusCode).toBe(303);
    const id = Number(String(created.headers.location).split('/')[2]);
    // Drafts are the creator's alone.
    expect((await t.app.inject(`/petitions/${id}`)).statusCode).toBe(404);
    await client.get(`/petitions/${id}/edit`);
    const collect = await client.post(`/petitions/${id}/collect`);
    const share = new URL(collect.body.match(/href="(http[^"]+\/petitions\/support\/[^"]+)"/)![1]!).pathname;
    await client.get(share);
    expect((await client.post(share)).statusCode).toBe(409);
    // Editing after collecting started is refused.
    await client.get('/petitions/mine');
    expect((await client.post(`/petitions/${id}/edit`, { title: 'Өөр', action: 'Өөр' })).statusCode).toBe(409);
    for (let i = 0; i < 2; i++) {
      const s = await citizen();
      await s.client.get(share);
      const res = await s.client.post(share);
      expect(res.statusCode).toBe(200);
      if (i === 0) {
        await s.client.get(share);
        expect((await s.client.post(share)).body).toContain('аль хэдийн дэмжсэн');
      }
    }
    const row = await t.db.selectFrom('petition').select(['state', 'supporter_count']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ state: 'moderation', supporter_count: 2 });
    expect((await t.app.inject('/petitions/support/not-a-real-key-123')).statusCode).toBe(404);
  });
});

describe('moderation', () => {
  async function inModeration() {
    const body = await buildPetitionBody(t.db, { steps: smallLadder([10]) });
    const { client } = await citizen();
    await client.get('/petitions/new');
    const created = await client.post('/petitions/new', { body: body.slug, title: 'Бат-Эрдэнэ гэдэг хүн 99112233', action: 'Түүнийг ажлаас халахыг хүсье.' });
    const id = Number(String(created.headers.location).split('/')[2]);
    await client.get(`/petitions/${id}/edit`);
    await client.post(`/petitions/${id}/collect`);
    return id;
  }

  it('is for moderators only', async () => {
    const id = await inModeration();
    const { client } = await citizen();
    expect((await client.get('/moderation/petitions')).statusCode).toBe(403);
    await client.get('/petitions/mine');
    expect((await client.post(`/moderation/petitions/${id}/publish`)).statusCode).toBe(403);
    expect((await t.app.inject('/moderation/petitions')).statusCode).toBe(303);
  });

  it('refuses a rejection without a reason or note, then rejects for personal data and hides the text', async () => {
    const id = await inModeration();
    const page = await moderator.get('/moderation/petitions');
    expect(page.body).toContain(`№${id}`);
    await moderator.get(`/moderation/petitions/${id}`);
    const bad = await moderator.post(`/moderation/petitions/${id}/reject`, { reason: 'nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Шалтгаан сонгоно уу');
    expect(bad.body).toContain('Тайлбар оруулна уу');
    await moderator.get(`/moderation/petitions/${id}`);
    const dup = await moderator.post(`/moderation/petitions/${id}/reject`, { reason: 'duplicate', note: 'Давхцсан', duplicate_of: '999999' });
    expect(dup.statusCode).toBe(400);
    expect((await t.db.selectFrom('petition').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('moderation');
    await moderator.get(`/moderation/petitions/${id}`);
    const ok = await moderator.post(`/moderation/petitions/${id}/reject`, { reason: 'personal_data', note: 'Хувь хүний нэр, утас орсон.' });
    expect(ok.statusCode).toBe(303);
    const pub = await t.app.inject(`/petitions/${id}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('Хувь хүний мэдээлэл агуулсан');
    expect(pub.body).not.toContain('99112233');
    const json = (await t.app.inject(`/api/petitions/${id}`)).json();
    expect(json.title).toBeNull();
    expect(json.action).toBeNull();
    const event = await t.db.selectFrom('public_event').select('payload').where('subject', '=', `petition/${id}`).where('type', '=', 'petitions.rejected').executeTakeFirstOrThrow();
    expect(JSON.stringify(event.payload)).not.toContain('99112233');
    // Published standards and public figures.
    const standards = await t.app.inject('/petitions/standards');
    expect(standards.body).toContain('10 хоногт');
    expect((await t.app.inject('/api/petitions/moderation')).json().rejected.personal_data).toBeGreaterThanOrEqual(1);
  });

  it('counts overdue moderation publicly', async () => {
    await inModeration();
    t.clock.advanceDays(11);
    try {
      const figures = (await t.app.inject('/api/petitions/moderation')).json();
      expect(figures.overdue).toBeGreaterThanOrEqual(1);
      expect((await moderator.get('/moderation/petitions')).body).toContain('Хугацаа хэтэрсэн');
    } finally {
      t.clock.advanceDays(-11);
    }
  });
});

describe('responses', () => {
  it('only the body’s staff respond; nothing due is refused; a response reaches subscribers in batches', async () => {
    const body = await buildPetitionBody(t.db, { steps: smallLadder([2]) });
    const other = await buildPetitionBody(t.db);
    const p = await buildOpenPetition(t.db, { bodySlug: body.slug, now: t.clock.now() });
    const staff = await citizen();
    await addMembership(t.db, staff.account.id, body.id);
    const outsider = await citizen();
    await addMembership(t.db, outsider.account.id, other.id);
    expect((await outsider.client.get(`/petitions/${p.id}/respond`)).statusCode).toBe(403);
    await staff.client.get(`/petitions/${p.id}/respond`);
    const none = await staff.client.post(`/petitions/${p.id}/respond`, { kind: 'response', text: 'Хариу' });
    expect(none.statusCode).toBe(409);
    expect(none.body).toContain('хугацаатай хариу хүлээгдээгүй');
    await vote(p.id, 'sub1@example.mn');
    await vote(p.id, 'sub2@example.mn');
    await staff.client.get(`/petitions/${p.id}/respond`);
    const empty = await staff.client.post(`/petitions/${p.id}/respond`, { kind: 'response', text: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Хариуны текст оруулна уу');
    await staff.client.get(`/petitions/${p.id}/respond`);
    expect((await staff.client.post(`/petitions/${p.id}/respond`, { kind: 'response', text: 'Бид судлаад шийдвэрлэнэ.' })).statusCode).toBe(303);
    await t.runJobs();
    await t.runJobs();
    const toFirst = await t.mail.waitFor('sub1@example.mn', /Өргөдөлд хариу ирлээ/);
    const toSecond = await t.mail.waitFor('sub2@example.mn', /Өргөдөлд хариу ирлээ/);
    const json = (await t.app.inject(`/api/petitions/${p.id}`)).json();
    expect(json.responses[0].on_time).toBe(true);
    expect(json.thresholds[0].answered_at).not.toBeNull();

    // Each email carries its own unsubscribe link: opening it asks, the form deletes the address.
    const prefix = `/petitions/${p.id}/unsubscribe?token=`;
    const link = new URL(linkIn(toFirst, prefix));
    const secondLink = new URL(linkIn(toSecond, prefix));
    expect(link.searchParams.get('token')).toMatch(/^[0-9a-f]{32}$/);
    expect(secondLink.searchParams.get('token')).not.toBe(link.searchParams.get('token'));
    expect(toFirst.text).toContain('Энэ өргөдлийн талаар имэйл авахыг хүсэхгүй бол');
    const reader = new WebClient(t.app);
    const ask = await reader.get(link.pathname + link.search);
    expect(ask.statusCode).toBe(200);
    expect(ask.body).toContain('өргөдлийн хариуны талаар имэйл авахаа болих уу?');
    const subscribers = () => t.db.selectFrom('petition_subscriber').select('email').where('petition_id', '=', p.id).orderBy('email').execute();
    expect(await subscribers()).toHaveLength(2);
    const token = link.searchParams.get('token')!;
    const done = await reader.post(`/petitions/${p.id}/unsubscribe`, { token });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Таны имэйл хаягийг устгалаа');
    expect(await subscribers()).toEqual([{ email: 'sub2@example.mn' }]);
    // A used, forged or other petition's link is refused and deletes nothing.
    await reader.get(secondLink.pathname + secondLink.search);
    expect((await reader.post(`/petitions/${p.id}/unsubscribe`, { token })).statusCode).toBe(404);
    const elsewhere = await buildOpenPetition(t.db, { bodySlug: body.slug, now: t.clock.now() });
    const otherPetition = await reader.get(`/petitions/${elsewhere.id}/unsubscribe?token=${secondLink.searchParams.get('token')}`);
    expect(otherPetition.statusCode).toBe(404);
    const forged = await reader.get(`/petitions/${p.id}/unsubscribe?token=${'0'.repeat(32)}`);
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('Энэ холбоос хүчингүй эсвэл аль хэдийн ашиглагдсан байна.');
    expect(await subscribers()).toEqual([{ email: 'sub2@example.mn' }]);
  });
});

describe('flagged votes', () => {
  it('moderators invalidate only flagged votes, with a reason; the public count says how many', async () => {
    const body = await buildPetitionBody(t.db, { steps: smallLadder([100]) });
    const p = await buildOpenPetition(t.db, { bodySlug: body.slug, now: t.clock.now() });
    await vote(p.id, 'one@mailinator.com');
    await vote(p.id, 'clean@example.mn');
    const flagged = await t.db.selectFrom('petition_signature').select(['id', 'flags']).where('petition_id', '=', p.id).orderBy('id').execute();
    await moderator.get(`/moderation/petitions/${p.id}/signatures`);
    const noReason = await moderator.post(`/moderation/petitions/${p.id}/signatures`, { signatures: String(flagged[0]!.id), reason: '' });
    expect(noReason.statusCode).toBe(400);
    await moderator.get(`/moderation/petitions/${p.id}/signatures`);
    const unflagged = flagged.find((f) => f.flags.length === 0);
    if (unflagged) {
      expect((await moderator.post(`/moderation/petitions/${p.id}/signatures`, { signatures: String(unflagged.id), reason: 'Сэжигтэй' })).statusCode).toBe(409);
      await moderator.get(`/moderation/petitions/${p.id}/signatures`);
    }
    const ok = await moderator.post(`/moderation/petitions/${p.id}/signatures`, { signatures: String(flagged[0]!.id), reason: 'Түр зуурын имэйл' });
    expect(ok.statusCode).toBe(303);
    const count = (await t.app.inject(`/api/petitions/${p.id}/count`)).json();
    expect(count).toMatchObject({ count: 1, invalidated: 1 });
    expect((await t.app.inject(`/petitions/${p.id}`)).body).toContain('1 санал хяналтаар хүчингүй болсон');
  });
});

describe('threshold ladders (platform admins)', () => {
  it('refuses others and a ladder whose counts do not rise, and saves a valid one publicly', async () => {
    const body = await buildPetitionBody(t.db, { type: 'khural', placeCode: '62' });
    const { client } = await citizen();
    expect((await client.get(`/admin/petitions/${body.slug}`)).statusCode).toBe(403);
    await admin.get(`/admin/petitions/${body.slug}`);
    const bad = await admin.post(`/admin/petitions/${body.slug}`, {
      open_days: '30',
      min_level: 'email',
      step_1_counts: 'votes',
      step_1_threshold: '500',
      step_1_consequence: 'response',
      step_1_days: '30',
      step_2_counts: 'votes',
      step_2_threshold: '100',
      step_2_consequence: 'response',
      step_2_days: '30',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('2-р шатны саналын тоо өмнөх шатныхаас их байх ёстой');
    expect(await t.db.selectFrom('petition_ladder_step').select('position').where('body_id', '=', body.id).execute()).toEqual([]);
    await admin.get(`/admin/petitions/${body.slug}`);
    const ok = await admin.post(`/admin/petitions/${body.slug}`, {
      open_days: '21',
      min_level: 'sms',
      step_1_counts: 'supporters',
      step_1_threshold: '3',
      step_1_consequence: 'voting_opens',
      step_2_counts: 'votes',
      step_2_threshold: '150',
      step_2_consequence: 'response',
      step_2_days: '14',
    });
    expect(ok.statusCode).toBe(303);
    const event = await t.db.selectFrom('public_event').select('payload').where('type', '=', 'petitions.ladder_set').where('subject', '=', `body/${body.slug}`).executeTakeFirstOrThrow();
    expect(event.payload).toMatchObject({ open_days: 21, min_level: 'sms' });
  });
});

describe('closing and open data', () => {
  it('closes at the end of the period with the time it ended, whenever the job runs', async () => {
    const body = await buildPetitionBody(t.db, { steps: smallLadder([100]), openDays: 5 });
    const p = await buildOpenPetition(t.db, { bodySlug: body.slug, now: t.clock.now() });
    const { closes_at } = await t.db.selectFrom('petition').select('closes_at').where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(await closeDuePetitions(t.db, new Date(closes_at!.getTime() - 1000))).not.toContain(p.id);
    expect(await closeDuePetitions(t.db, new Date(closes_at!.getTime() + 3 * 86_400_000))).toContain(p.id);
    const row = await t.db.selectFrom('petition').select(['state', 'closed_at']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.state).toBe('closed');
    expect(row.closed_at?.getTime()).toBe(closes_at!.getTime());
    expect(CLOSE_TASK).toBe('petitions_close');
  });

  it('documents the list, the petition, the count and the waiting list in OpenAPI under the petitions tag', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    for (const path of ['/api/petitions', '/api/petitions/{id}', '/api/petitions/{id}/count', '/api/petitions/waiting', '/api/petitions/moderation']) {
      expect(doc.paths[path]?.get?.tags, path).toEqual(['petitions']);
    }
    const bad = await t.app.inject('/api/petitions?state=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.messages.en).toBeTruthy();
    expect((await t.app.inject('/api/petitions/abc')).statusCode).toBe(404);
    expect((await t.app.inject('/api/petitions/99999999')).statusCode).toBe(404);
  });
});
