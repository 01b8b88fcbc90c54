import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { WebClient } from '../../../../test/support/client.js';
import { addMembership, buildAccount, grantPlatformRole, signIn, type BuiltAccount } from '../../../../test/support/factories.js';
import { buildFeedback, createBody, createCategory, addRoutingRule, feedbackWorld } from '../../../../test/support/feedback-factories.js';
import type { CommandContext } from '../commands/common.js';
import { answerFeedback, assignFeedback } from '../commands/handle.js';
import { formatTrackingCode } from '../tracking-code.js';
import { dueSoonLimit, dueState } from './due.js';
import { decodeCursor, encodeCursor } from './queries.js';

/**
 * The body inbox: Ganbold works at the Bayanzürkh district governor's office. Items are
 * filed at different times with a manual clock, so their deadlines differ; the inbox is
 * then read "today", 2 April 2026 09:00 in Ulaanbaatar.
 */
const TODAY = '2026-04-02T01:00:00Z';
const DAY = 86_400_000;

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let ganbold: BuiltAccount;
let colleague: BuiltAccount;
let client: WebClient;
const codes = {} as Record<'overdue' | 'soon' | 'later' | 'answered' | 'mine', string>;
let otherCategory: { id: number; code: string };

const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

async function fileAt(daysBeforeToday: number, input: Partial<Parameters<typeof buildFeedback>[2]> = {}) {
  t.clock.set(new Date(Date.parse(TODAY) - daysBeforeToday * DAY));
  const filed = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, ...input });
  return filed.code;
}

async function signedIn(account: BuiltAccount): Promise<WebClient> {
  const c = new WebClient(t.app);
  await signIn(c, account.email);
  return c;
}

/** Codes in the order the page lists them. */
function listed(html: string): string[] {
  return [...html.matchAll(/href="\/inbox\/items\/([A-Z0-9]{8})"/g)].map((m) => m[1]!);
}

beforeAll(async () => {
  t = await createTestApp({ now: TODAY });
  world = await feedbackWorld(t.db);
  otherCategory = await createCategory(t.db, { nameMn: 'Зам', nameEn: 'Roads' });
  await addRoutingRule(t.db, { bodyId: world.district.id, categoryId: otherCategory.id, placeCode: '1110' });
  ganbold = await buildAccount(t.db, { displayName: 'Ганболд' });
  colleague = await buildAccount(t.db, { displayName: 'Сарантуяа' });
  await addMembership(t.db, ganbold.id, world.district.id);
  await addMembership(t.db, colleague.id, world.district.id);
  // Filed 40 days ago: 30-day deadline passed 10 days ago.
  codes.overdue = await fileAt(40, { title: 'Гэрэлтүүлэг ажиллахгүй' });
  // Filed 29 days ago (4 March): due at the end of Friday 3 April, tomorrow.
  codes.soon = await fileAt(29, { title: 'Замын нүх', categoryCode: otherCategory.code });
  // Filed 5 days ago: a suggestion, 60 days.
  codes.later = await fileAt(5, { kind: 'suggestion', title: 'Цэцэрлэгт хүрээлэн', placeCode: '111051' });
  // Filed 10 days ago, then answered: on the other tab.
  codes.answered = await fileAt(10, { title: 'Хариулсан өргөдөл' });
  await answerFeedback(t.db, codes.answered, { resolution: 'resolved', text: 'Асуудлыг шийдвэрлэлээ, баярлалаа.' }, { accountId: colleague.id }, ctx());
  // Filed 20 days ago and assigned to Ganbold.
  codes.mine = await fileAt(20, { title: 'Надад оноосон' });
  await assignFeedback(t.db, codes.mine, ganbold.id, { accountId: colleague.id }, ctx());
  t.clock.set(TODAY);
  client = await signedIn(ganbold);
});
afterAll(async () => t.close());

describe('deadline flags', () => {
  it('counts days overdue and days left in Ulaanbaatar calendar days', () => {
    const now = new Date(TODAY);
    // A deadline is the end of a day in Ulaanbaatar (15:59:59.999Z).
    expect(dueState({ status: 'received', due_at: new Date('2026-04-01T15:59:59.999Z') }, now)).toEqual({ kind: 'overdue', days: 1 });
    expect(dueState({ status: 'assigned', due_at: new Date('2026-03-23T15:59:59.999Z') }, now)).toEqual({ kind: 'overdue', days: 10 });
    expect(dueState({ status: 'in_progress', due_at: new Date('2026-04-02T15:59:59.999Z') }, now)).toEqual({ kind: 'soon', days: 0 });
    expect(dueState({ status: 'received', due_at: new Date('2026-04-05T15:59:59.999Z') }, now)).toEqual({ kind: 'soon', days: 3 });
    expect(dueState({ status: 'received', due_at: new Date('2026-04-06T15:59:59.999Z') }, now)).toEqual({ kind: 'later' });
    expect(dueState({ status: 'answered', due_at: new Date('2026-03-01T15:59:59.999Z') }, now)).toEqual({ kind: 'none' });
    expect(dueSoonLimit(now).toISOString()).toBe('2026-04-05T15:59:59.999Z');
  });

  it('round-trips page cursors and refuses garbage', () => {
    const c = { at: new Date('2026-04-01T15:59:59.999Z'), id: 12345 };
    expect(decodeCursor(encodeCursor(c))).toEqual(c);
    for (const bad of ['', 'x', '1.0', 'zz.zz.zz', '1.-1', `${'z'.repeat(13)}.1`]) expect(decodeCursor(bad)).toBeNull();
  });
});

describe('the open tab', () => {
  it('lists the body’s open items by deadline, overdue first and flagged with the days', async () => {
    const res = await client.get('/inbox');
    expect(res.statusCode).toBe(200);
    const order = listed(res.body);
    expect(order).toEqual([codes.overdue, codes.soon, codes.mine, codes.later]);
    expect(order).not.toContain(codes.answered);
    expect(res.body).toContain('Хугацаа 10 хоног хэтэрсэн');
    expect(res.body).toContain('Удахгүй: 1 хоног үлдсэн');
    expect(res.body).toContain('Гэрэлтүүлэг ажиллахгүй');
    expect(res.body).toContain(formatTrackingCode(codes.overdue));
    // Counts on the tabs and in the summary.
    expect(res.body).toMatch(/Шийдвэрлэх <span class="count">\(4\)<\/span>/);
    expect(res.body).toMatch(/Хариулсан, хаагдсан <span class="count">\(1\)<\/span>/);
    expect(res.body).toContain('Хугацаа хэтэрсэн: 1');
    expect(res.body).toContain('3 хоногийн дотор дуусах: 1');
    expect(res.body).toContain('Ганболд (та)');
  });

  it('moves items into the overdue flag as the clock moves on', async () => {
    t.clock.set(new Date(Date.parse(TODAY) + 3 * DAY));
    try {
      const res = await client.get('/inbox?overdue=yes');
      expect(listed(res.body)).toEqual([codes.overdue, codes.soon]);
      expect(res.body).toContain('Хугацаа 13 хоног хэтэрсэн');
      expect(res.body).toContain('Хугацаа 2 хоног хэтэрсэн');
    } finally {
      t.clock.set(TODAY);
    }
  });

  it('is in English too', async () => {
    const en = new WebClient(t.app);
    en.setCookie('lang', 'en');
    await signIn(en, ganbold.email);
    const page = await en.get('/inbox');
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('10 days overdue');
    expect(page.body).toContain('Due soon: 1 day left');
    expect(page.body).toContain('Inbox: Bayanzürkh District Governor’s Office');
  });
});

describe('filters', () => {
  it('by status, category, place, overdue and assignee', async () => {
    expect(listed((await client.get('/inbox?status=assigned')).body)).toEqual([codes.mine]);
    expect(listed((await client.get(`/inbox?category=${otherCategory.code}`)).body)).toEqual([codes.soon]);
    expect(listed((await client.get('/inbox?overdue=yes')).body)).toEqual([codes.overdue]);
    expect(listed((await client.get('/inbox?assigned=me')).body)).toEqual([codes.mine]);
    expect(listed((await client.get('/inbox?assigned=nobody')).body)).toEqual([codes.overdue, codes.soon, codes.later]);
    // The place picker's lists: Ulaanbaatar › Bayanzürkh › khoroo 51 holds only the suggestion.
    expect(listed((await client.get('/inbox?place_l1=11&place_l2=1110&place_l3=111051')).body)).toEqual([codes.later]);
    expect(listed((await client.get('/inbox?place_l1=11&place_l2=1110')).body)).toHaveLength(4);
    expect(listed((await client.get('/inbox?place_l1=21')).body)).toEqual([]);
    // Filters combine.
    expect(listed((await client.get(`/inbox?assigned=nobody&category=${world.category.code}&overdue=yes`)).body)).toEqual([codes.overdue]);
  });

  it('shows answered items on their own tab, newest first', async () => {
    const res = await client.get('/inbox?tab=done');
    expect(listed(res.body)).toEqual([codes.answered]);
    expect(listed((await client.get('/inbox?tab=done&status=closed')).body)).toEqual([]);
  });

  it('refuses a hand-edited filter with a 400 naming it, never a 500', async () => {
    for (const url of ['/inbox?status=lost', '/inbox?tab=everything', '/inbox?category=no_such_category', '/inbox?assigned=someone', '/inbox?body=NOT%20A%20SLUG']) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(400);
    }
    const badPlace = await client.get('/inbox?place_l1=11&place_l2=2101');
    expect(badPlace.statusCode).toBe(400);
    expect(badPlace.body).toContain('error-summary');
    // A garbled cursor just starts at the first page.
    expect((await client.get('/inbox?after=zzzz')).statusCode).toBe(200);
  });
});

describe('pagination', () => {
  it('pages by keyset through a long list and back', async () => {
    const busy = await createBody(t.db, { placeCode: '21' });
    const category = await createCategory(t.db);
    await addRoutingRule(t.db, { bodyId: busy.id, categoryId: category.id, placeCode: '21' });
    const clerk = await buildAccount(t.db);
    await addMembership(t.db, clerk.id, busy.id);
    const made: string[] = [];
    for (let i = 0; i < 53; i++) made.push(await fileAt(60 - i, { categoryCode: category.code, placeCode: '2101' }));
    t.clock.set(TODAY);
    const c = await signedIn(clerk);
    const first = await c.get('/inbox');
    expect(listed(first.body)).toEqual(made.slice(0, 50));
    const next = first.body.match(/href="([^"]+)" rel="next"/)![1]!.replace(/&amp;/g, '&');
    expect(first.body).not.toContain('rel="prev"');
    const second = await c.get(next);
    expect(listed(second.body)).toEqual(made.slice(50));
    expect(second.body).not.toContain('rel="next"');
    const prev = second.body.match(/href="([^"]+)" rel="prev"/)![1]!.replace(/&amp;/g, '&');
    expect(listed((await c.get(prev)).body)).toEqual(made.slice(0, 50));
    const json = await c.get('/api/inbox');
    const data = json.json();
    expect(data.items).toHaveLength(50);
    expect(data.counts.open).toBe(53);
    const rest = (await c.get(data.next)).json();
    expect(rest.items.map((i: { code: string }) => i.code)).toEqual(made.slice(50));
  });
});

describe('the JSON twin', () => {
  it('gives the same list with flags, for a signed-in member of staff', async () => {
    const res = await client.get('/api/inbox');
    expect(res.statusCode).toBe(200);
    const data = res.json();
    expect(data.body.slug).toBe(world.district.slug);
    expect(data.counts).toEqual({ open: 4, overdue: 1, due_soon: 1, done: 1, done_capped: false });
    expect(data.items.map((i: { code: string }) => i.code)).toEqual([codes.overdue, codes.soon, codes.mine, codes.later]);
    expect(data.items[0]).toMatchObject({ code: codes.overdue, overdue_days: 10, due_soon: false, assignee: null, status: 'received', kind: 'complaint' });
    expect(data.items[1]).toMatchObject({ overdue_days: null, due_soon: true });
    expect(JSON.stringify(data)).not.toMatch(/email|phone/);
  });

  it('is not in the public OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).not.toContain('/api/inbox');
  });
});

describe('page weight', () => {
  it('keeps every staff page under 50 KB transferred with its stylesheet and scripts', async () => {
    const everyone = await buildAccount(t.db);
    await addMembership(t.db, everyone.id, world.district.id);
    await grantPlatformRole(t.db, everyone.id, 'operator');
    await grantPlatformRole(t.db, everyone.id, 'moderator');
    const c = await signedIn(everyone);
    const gz = { 'accept-encoding': 'gzip' };
    for (const path of ['/inbox', '/inbox?tab=done', `/inbox/items/${codes.overdue}`, '/operator', '/moderation', `/moderation/items/${codes.later}`]) {
      const page = await c.get(path, gz);
      expect(page.statusCode, path).toBe(200);
      const assets = [...page.body.matchAll(/(?:href|src)="(\/static\/[^"]+\.(?:css|js)\?v=[^"]+)"/g)].map((m) => m[1]!);
      let bytes = page.rawPayload.length;
      for (const asset of assets) bytes += (await c.get(asset, gz)).rawPayload.length;
      expect(bytes, path).toBeLessThan(50 * 1024);
    }
  });
});

describe('who may see an inbox', () => {
  it('sends anonymous visitors to sign in, and answers 401 JSON on the API', async () => {
    const anon = new WebClient(t.app);
    const page = await anon.get('/inbox');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toMatch(/^\/account\/sign-in\?next=%2Finbox/);
    const api = await anon.get('/api/inbox');
    expect(api.statusCode).toBe(401);
    expect(api.json().error.code).toBe('sign_in_required');
  });

  it('refuses citizens, operators and moderators with 403', async () => {
    const citizen = await buildAccount(t.db);
    const operator = await buildAccount(t.db);
    await grantPlatformRole(t.db, operator.id, 'operator');
    const moderator = await buildAccount(t.db);
    await grantPlatformRole(t.db, moderator.id, 'moderator');
    for (const who of [citizen, operator, moderator]) {
      const c = await signedIn(who);
      expect((await c.get('/inbox')).statusCode).toBe(403);
      expect((await c.get('/api/inbox')).statusCode).toBe(403);
    }
  });

  it('refuses staff of another body asking for this body’s inbox', async () => {
    const elsewhere = await createBody(t.db, { placeCode: '46' });
    const stranger = await buildAccount(t.db);
    await addMembership(t.db, stranger.id, elsewhere.id);
    const c = await signedIn(stranger);
    const own = await c.get('/inbox');
    expect(own.statusCode).toBe(200);
    expect(listed(own.body)).toEqual([]);
    expect((await c.get(`/inbox?body=${world.district.slug}`)).statusCode).toBe(403);
    expect((await c.get(`/api/inbox?body=${world.district.slug}`)).statusCode).toBe(403);
  });

  it('lets a person who works for two bodies switch between them', async () => {
    await addMembership(t.db, ganbold.id, world.capital.id);
    try {
      const c = await signedIn(ganbold);
      const page = await c.get(`/inbox?body=${world.district.slug}`);
      expect(page.body).toContain(`href="/inbox?body=${world.capital.slug}"`);
      const capital = await c.get(`/inbox?body=${world.capital.slug}`);
      expect(capital.statusCode).toBe(200);
      expect(capital.body).toContain('Нийслэлийн Засаг даргын Тамгын газар: ирсэн санал, гомдол');
      expect(listed(capital.body)).toEqual([]);
    } finally {
      await t.db.deleteFrom('membership').where('account_id', '=', ganbold.id).where('organisation_id', '=', world.capital.id).execute();
    }
  });
});
