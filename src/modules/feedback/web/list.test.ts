import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { WebClient } from '../../../../test/support/client.js';
import { addRoutingRule, buildFeedback, createBody, createCategory, createStaffMember, feedbackWorld } from '../../../../test/support/feedback-factories.js';
import type { CommandContext } from '../commands/common.js';
import { answerFeedback } from '../commands/handle.js';
import { publishFeedback } from '../commands/moderate.js';
import { listPublicItems, searchQuery } from '../queries.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let staff: { accountId: number };
let roads: { id: number; code: string };
let gobiBody: { id: number; slug: string };
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });
const codes: Record<string, string> = {};

async function published(name: string, input: { title: string; summary: string; categoryCode?: string; placeCode?: string; kind?: 'complaint' | 'praise' | 'request' }) {
  const sent = await buildFeedback(t.db, ctx(), { categoryCode: input.categoryCode ?? world.category.code, placeCode: input.placeCode ?? '111059', kind: input.kind ?? 'complaint', title: 'Илгээгчийн гарчиг', description: `Илгээгчийн үг ${name}` });
  await publishFeedback(t.db, sent.code, { title: input.title, summary: input.summary }, staff.accountId, ctx());
  codes[name] = sent.code;
  return sent;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
  staff = await createStaffMember(t.db, world.district.id);
  roads = await createCategory(t.db, { nameMn: 'Зам тээвэр', nameEn: 'Roads' });
  const gobi = await createBody(t.db, { placeCode: '46', nameMn: 'Өмнөговь аймгийн Засаг даргын Тамгын газар', nameEn: 'Ömnögovi Governor’s Office' });
  gobiBody = gobi;
  await addRoutingRule(t.db, { bodyId: gobi.id, placeCode: '46' });
  // Oldest first, one minute apart, so "newest first" has a known order.
  const items: [string, Parameters<typeof published>[1]][] = [
    ['waste', { title: 'Хогийн сав дүүрсэн', summary: 'Хогийн савыг ачаагүй долоо хонож байна.' }],
    ['road', { title: 'Замын нүх томорсон', summary: 'Гудамжны замд том нүх гарсан.', categoryCode: roads.code }],
    ['gobi', { title: 'Сумын төвийн гэрэлтүүлэг', summary: 'Гудамжны гэрэл асахгүй байна.', placeCode: '4601' }],
    ['praise', { title: 'Эмчид талархал', summary: 'Эмнэлгийн эмч маш сайн үйлчилсэн.', kind: 'praise' }],
    ['english', { title: 'Bus stop shelter broken', summary: 'The shelter at the bus stop has no roof.', categoryCode: roads.code }],
  ];
  for (const [i, [name, input]] of items.entries()) {
    t.clock.set(new Date(Date.parse('2026-03-02T01:00:00Z') + i * 60_000));
    await published(name, input);
  }
  t.clock.set('2026-03-02T02:00:00Z');
  await answerFeedback(t.db, codes.praise!, { resolution: 'resolved', text: 'Талархлыг эмчид дамжууллаа.' }, staff, ctx());
  // A private and a pending item whose words must never be found.
  await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, title: 'Нууцхог үг', description: 'Нууцхог тайлбар', wantsPublic: false });
  await buildFeedback(t.db, ctx(), { categoryCode: world.category.code, title: 'Хүлээгдэж буй нууцхог', description: 'Нууцхог', wantsPublic: true });
});
afterAll(async () => t.close());

async function listed(query: string): Promise<string[]> {
  const response = await new WebClient(t.app).get(`/api/feedback${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items.map((i: { code: string }) => i.code);
}

const names = (list: string[]) => list.map((code) => Object.entries(codes).find(([, c]) => c === code)?.[0] ?? code);

describe('the public list', () => {
  it('lists published items newest first, each with title, kind, category, place, body and status', async () => {
    expect(names(await listed(''))).toEqual(['english', 'praise', 'gobi', 'road', 'waste']);
    const page = await new WebClient(t.app).get('/feedback');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Замын нүх томорсон');
    expect(page.body).toContain('Зам тээвэр');
    expect(page.body).toContain('Өмнөговь › Баян-Овоо'.slice(0, 8));
    expect(page.body).toContain(world.district.name_mn);
    expect(page.body).toContain('Хариулсан');
    expect(page.body).not.toContain('Илгээгчийн үг');
    expect(page.body).not.toContain('Нууцхог');
  });

  it('filters by aimag, soum, category, body, status and kind', async () => {
    expect(names(await listed('?place=46'))).toEqual(['gobi']);
    expect(names(await listed('?place=11'))).toEqual(['english', 'praise', 'road', 'waste']);
    expect(names(await listed('?place=1110'))).toEqual(['english', 'praise', 'road', 'waste']);
    expect(names(await listed('?place=111059'))).toEqual(['english', 'praise', 'road', 'waste']);
    expect(names(await listed('?place=1101'))).toEqual([]);
    expect(names(await listed(`?category=${roads.code}`))).toEqual(['english', 'road']);
    expect(names(await listed(`?body=${gobiBody.slug}`))).toEqual(['gobi']);
    expect(names(await listed('?status=answered'))).toEqual(['praise']);
    expect(names(await listed('?kind=praise'))).toEqual(['praise']);
    expect(names(await listed(`?place=11&category=${roads.code}&kind=complaint`))).toEqual(['english', 'road']);
    // The HTML page takes the place picker's fields.
    const page = await new WebClient(t.app).get('/feedback?place_l1=46&place_l2=4601');
    expect(page.body).toContain('Сумын төвийн гэрэлтүүлэг');
    expect(page.body).not.toContain('Замын нүх');
  });

  it('shows only overdue items when asked', async () => {
    expect(await listed('?overdue=true')).toEqual([]);
    t.clock.set('2026-04-10T01:00:00Z');
    try {
      expect(names(await listed('?overdue=true'))).toEqual(['english', 'gobi', 'road', 'waste']);
      const page = await new WebClient(t.app).get('/feedback?overdue=1');
      expect(page.body).toContain('tag-overdue');
      expect(page.body).not.toContain('Эмчид талархал');
    } finally {
      t.clock.set('2026-03-02T02:00:00Z');
    }
  });

  it('searches in Cyrillic, Latin transliteration and English, by word beginnings, and never finds unpublished words', async () => {
    expect(names(await listed(`?q=${encodeURIComponent('хог')}`))).toEqual(['waste']);
    expect(names(await listed('?q=khog'))).toEqual(['waste']);
    expect(names(await listed('?q=hogiin'))).toEqual(['waste']);
    expect(names(await listed(`?q=${encodeURIComponent('ГУДАМЖ')}`))).toEqual(['gobi', 'road']);
    expect(names(await listed('?q=gudamj'))).toEqual(['gobi', 'road']);
    expect(names(await listed('?q=shelter%20bus'))).toEqual(['english']);
    expect(names(await listed(`?q=${encodeURIComponent('эмнэлэг')}`))).toEqual([]);
    expect(names(await listed(`?q=${encodeURIComponent('эмнэл')}`))).toEqual(['praise']);
    expect(await listed(`?q=${encodeURIComponent('нууцхог')}`)).toEqual([]);
    expect(await listed(`?q=${encodeURIComponent('Илгээгчийн')}`)).toEqual([]);
    expect(names(await listed(`?q=${encodeURIComponent('нүх')}&category=${roads.code}`))).toEqual(['road']);
    expect(await listed(`?q=${encodeURIComponent("'); DROP TABLE feedback_item; --")}`)).toEqual([]);
    expect(await listed(`?q=${encodeURIComponent('!!! & | :*')}`)).toHaveLength(5);
    const page = await new WebClient(t.app).get(`/feedback?q=${encodeURIComponent('хог')}`);
    expect(page.body).toContain('Хогийн сав дүүрсэн');
    expect(page.body).not.toContain('Замын нүх');
  });

  it('pages with cursors both ways and no total count', async () => {
    const client = new WebClient(t.app);
    const first = (await client.get('/api/feedback?limit=2')).json();
    expect(names(first.items.map((i: { code: string }) => i.code))).toEqual(['english', 'praise']);
    expect(first.newer).toBeNull();
    const second = (await client.get(first.older.replace(t.config.publicUrl, ''))).json();
    expect(names(second.items.map((i: { code: string }) => i.code))).toEqual(['gobi', 'road']);
    const third = (await client.get(second.older.replace(t.config.publicUrl, ''))).json();
    expect(names(third.items.map((i: { code: string }) => i.code))).toEqual(['waste']);
    expect(third.older).toBeNull();
    const back = (await client.get(third.newer.replace(t.config.publicUrl, ''))).json();
    expect(names(back.items.map((i: { code: string }) => i.code))).toEqual(['gobi', 'road']);
    expect(JSON.stringify(first)).not.toMatch(/total|count/);
    // The HTML page links the same way and keeps the filters.
    const page = await client.get(`/feedback?category=${roads.code}`);
    expect(page.body).not.toContain('rel="next"');
    const all = await client.get('/feedback');
    expect(all.body).not.toContain('rel="prev"');
  });

  it('refuses unknown filter values with a message (400), in both languages', async () => {
    const client = new WebClient(t.app);
    const api = await client.get('/api/feedback?category=no_such');
    expect(api.statusCode).toBe(400);
    expect(api.json().error.messages).toEqual({ mn: 'Оруулсан мэдээлэлд алдаа байна. Доорх тайлбарыг үзээд засна уу.', en: 'Some of the information is not right. See below and correct it.' });
    expect(api.json().error.fields[0].messages.en).toBe('There is no such category.');
    expect((await client.get('/api/feedback?status=lost')).statusCode).toBe(400);
    expect((await client.get('/api/feedback?place=99')).statusCode).toBe(400);
    expect((await client.get('/api/feedback?place=9999')).statusCode).toBe(400);
    expect((await client.get('/api/feedback?limit=1000')).statusCode).toBe(400);
    expect((await client.get(`/api/feedback?q=${'a'.repeat(201)}`)).statusCode).toBe(400);
    const page = await client.get('/feedback?body=nobody&kind=gossip');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Ийм байгууллага олдсонгүй');
    expect(page.body).toContain('gossip');
    client.setCookie('lang', 'en');
    expect((await client.get('/feedback?body=nobody')).body).toContain('There is no such body.');
  });
});

describe('the search query', () => {
  it('uses the indexed forms of each word as prefixes and drops operators', () => {
    expect(searchQuery('Хог сав')).toBe('(хог:* | khog:* | hog:*) & (сав:* | sav:* | sab:*)');
    expect(searchQuery("a & b | !c :* '")).toBe('a & b & c');
    expect(searchQuery('   ')).toBeNull();
  });

  it('is used by listPublicItems for rare and common words alike', async () => {
    const result = await listPublicItems(t.db, { q: 'zzzz' }, { limit: 20 }, t.clock.now());
    expect(result.items).toEqual([]);
  });
});
