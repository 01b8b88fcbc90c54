import { gunzipSync, gzipSync } from 'node:zlib';
import fs from 'node:fs';
import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { defineMessages } from '../i18n/define.js';
import { registerMessages, translator } from '../i18n/index.js';
import { STATIC_DIR } from '../views/assets.js';
import { appendPublicEvent } from './append.js';
import { chainPending } from './chain.js';
import { definePublicEvent } from './events.js';
import { payloadValueLabel } from './labels.js';
import { verifyNdjson } from './verify.js';

const strict = { additionalProperties: false } as const;
const filed = definePublicEvent('routetest.filed', Type.Object({ code: Type.String(), on_time: Type.Boolean(), due_at: Type.String(), summary: Type.String(), stage: Type.String(), verdict: Type.String(), note: Type.String() }, strict));
const other = definePublicEvent('routeother.happened', Type.Object({ n: Type.Integer() }, strict));
// A module names its events and fields under its own namespace (docs/PUBLIC-RECORD.md).
registerMessages(
  'routetest',
  defineMessages({
    mn: {
      publicRecord: { group: 'Туршилт', events: { filed: 'Туршилтын өргөдөл бүртгэгдсэн' }, fields: { code: 'Код', on_time: 'Хугацаандаа' }, values: { stage: { late_answer: 'Хоцорсон хариу' } } },
      verdict: { kept: 'Хэвээр үлдээсэн', grouped: { one: 'Нэг' } },
    },
    en: {
      publicRecord: { group: 'Test', events: { filed: 'Test item filed' }, fields: { code: 'Code', on_time: 'On time' }, values: { stage: { late_answer: 'Late answer' } } },
      verdict: { kept: 'Kept', grouped: { one: 'One' } },
    },
  }),
);

let t: TestApp;
let seqOfFirst: number;

beforeAll(async () => {
  t = await createTestApp();
  const at = t.clock.now();
  await t.db.transaction().execute(async (tx) => {
    await appendPublicEvent(tx, { kind: filed, subject: 'feedback/K7M4TRX9', payload: { code: 'K7M4TRX9', on_time: true, due_at: '2026-04-01T01:00:00.000Z', summary: 'Нүхтэй зам. '.repeat(100), stage: 'late_answer', verdict: 'kept', note: 'not a code' }, occurredAt: at });
    await appendPublicEvent(tx, { kind: other, subject: 'body/mof', payload: { n: 1 }, occurredAt: at });
    await appendPublicEvent(tx, { kind: other, subject: 'thing/x-1', payload: { n: 2 }, occurredAt: at });
    for (let i = 0; i < 117; i++) await appendPublicEvent(tx, { kind: other, subject: `thing/n${i % 3}`, payload: { n: 100 + i }, occurredAt: at });
  });
  while ((await chainPending(t.db)) > 0);
  seqOfFirst = (await t.db.selectFrom('public_event_chain as c').innerJoin('public_event as e', 'e.id', 'c.event_id').select('c.seq').where('e.type', '=', 'routetest.filed').executeTakeFirstOrThrow()).seq;
});
afterAll(async () => t?.close());

function seqsOn(html: string): number[] {
  return [...html.matchAll(/Бичлэг №(\d+)|Entry no\. (\d+)/g)].map((m) => Number(m[1] ?? m[2]));
}

describe('GET /record', () => {
  it('explains the record and lists the latest entries, newest first', async () => {
    const res = await t.app.inject('/record');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Нээлттэй бүртгэл</h1>');
    expect(res.body).toContain('Яагаад итгэж болох вэ');
    expect(res.body).toContain('href="/record.ndjson"');
    const seqs = seqsOn(res.body);
    expect(seqs).toHaveLength(50);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(res.body).toContain('rel="next"');
  });

  it('shows each entry with its label or raw type, subject link, payload and a short hash', async () => {
    const res = await t.app.inject(`/record?before=${seqOfFirst + 3}`);
    expect(res.body).toContain('<h3>Туршилтын өргөдөл бүртгэгдсэн</h3>');
    expect(res.body).toContain('<h3>routeother.happened</h3>');
    expect(res.body).toContain('<a href="/feedback/K7M4TRX9">feedback/K7M4TRX9</a>');
    expect(res.body).toContain('<a href="/bodies/mof">body/mof</a>');
    expect(res.body).not.toContain('href="/thing');
    expect(res.body).toMatch(/<dt>Код<\/dt><dd>K7M4TRX9<\/dd>/);
    expect(res.body).not.toContain('<span lang="mn">');
    expect(res.body).toMatch(/<dt>Хугацаандаа<\/dt><dd>Тийм<\/dd>/);
    expect(res.body).toMatch(/<dt>due_at<\/dt><dd><time datetime="2026-04-01T01:00:00.000Z">/);
    expect(res.body).toContain('…'); // the long summary is shortened on the page
    expect(res.body).toMatch(/хэш <code>[0-9a-f]{12}<\/code>/);
    // Coded values in words, with the value as stored: the module's words for the field, or its own vocabulary.
    expect(res.body).toMatch(/<dt>stage<\/dt><dd>Хоцорсон хариу \(<code>late_answer<\/code>\)<\/dd>/);
    expect(res.body).toMatch(/<dt>verdict<\/dt><dd>Хэвээр үлдээсэн \(<code>kept<\/code>\)<\/dd>/);
    // Free text and unknown codes are shown as stored.
    expect(res.body).toMatch(/<dt>note<\/dt><dd><span lang="en">not a code<\/span><\/dd>/);
    // A value that names a group of messages is not a coded value; nor are names and sentences.
    const mn = translator('mn');
    expect(payloadValueLabel(mn, 'routetest.filed', 'verdict', 'grouped')).toBeNull();
    expect(payloadValueLabel(mn, 'routetest.filed', 'verdict', 'no_such_code')).toBeNull();
    expect(payloadValueLabel(mn, 'routetest.filed', 'verdict', 'Kept by the moderator')).toBeNull();
    expect(payloadValueLabel(mn, 'routetest.filed', 'verdict', 3)).toBeNull();
  });

  it('speaks English when asked', async () => {
    const client = new WebClient(t.app);
    client.setCookie('lang', 'en');
    const res = await client.get(`/record?before=${seqOfFirst + 1}`);
    expect(res.body).toContain('<h1>Public record</h1>');
    expect(res.body).toContain('<h3>Test item filed</h3>');
    expect(res.body).toMatch(/<dt>On time<\/dt><dd>Yes<\/dd>/);
    expect(res.body).toMatch(/<dd>Late answer \(<code>late_answer<\/code>\)<\/dd>/);
    // Mongolian text in the payload is marked as such on the English page; codes are not.
    expect(res.body).toMatch(/<dd><span lang="mn">Нүхтэй зам\. /);
    expect(res.body).toMatch(/<dd>K7M4TRX9<\/dd>/);
    expect(res.body).toContain('Check it yourself');
  });

  it('pages backwards and forwards by seq without losing or repeating an entry', async () => {
    const seen: number[] = [];
    let url: string | undefined = '/record';
    const pages: string[] = [];
    while (url) {
      const res: { body: string } = await t.app.inject(url);
      pages.push(url);
      seen.push(...seqsOn(res.body));
      url = res.body.match(/href="([^"]+)" rel="next"/)?.[1]?.replace(/&amp;/g, '&');
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    // From the last page, "newer" leads back through the same pages.
    const last = await t.app.inject(pages[pages.length - 1]!);
    const newer = last.body.match(/href="([^"]+)" rel="prev"/)?.[1]?.replace(/&amp;/g, '&');
    expect(newer).toBe(pages[pages.length - 2]);
  });

  it('filters by type prefix and by subject', async () => {
    const byModule = await t.app.inject('/record?type=routetest');
    expect(seqsOn(byModule.body)).toEqual([seqOfFirst]);
    const byType = await t.app.inject('/record?type=routeother.happened');
    expect(seqsOn(byType.body)).not.toContain(seqOfFirst);
    const bySubject = await t.app.inject(`/record?subject=${encodeURIComponent('thing/x-1')}`);
    expect(seqsOn(bySubject.body)).toEqual([seqOfFirst + 2]);
    expect(bySubject.body).toContain('value="thing/x-1"');
    const none = await t.app.inject('/record?subject=thing/none');
    expect(none.body).toContain('Шүүлтэд тохирох бичлэг олдсонгүй.');
  });

  it('answers a malformed ?before with 400 in the reader’s language, as a page or JSON', async () => {
    const mn = await t.app.inject('/record?before=abc');
    expect(mn.statusCode).toBe(400);
    expect(mn.body).toContain('&quot;before&quot; нь бичлэгийн дугаар');
    const en = await t.app.inject({ url: '/record?before=-3', cookies: { lang: 'en' } });
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('&quot;before&quot; must be an entry number');
    const api = await t.app.inject('/api/record?before=1.5');
    expect(api.statusCode).toBe(400);
    const error = api.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.fields[0].field).toBe('before');
    expect(error.messages.mn).toBeTruthy();
    expect(error.messages.en).toBeTruthy();
  });

  it('refuses an overlong subject filter with the form and its error, keeping what was typed', async () => {
    const long = `thing/${'a'.repeat(300)}`;
    const res = await t.app.inject(`/record?subject=${long}`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('Сэдэв 200 тэмдэгтээс хэтрэхгүй байх ёстой');
    expect(res.body).toContain(`value="${long}"`);
    const api = await t.app.inject(`/api/record?subject=${long}`);
    expect(api.statusCode).toBe(400);
    expect(api.json().error.fields[0]).toMatchObject({ field: 'subject', messages: { mn: expect.stringContaining('200'), en: expect.stringContaining('200') } });
  });

  it('weighs under 50 KB gzipped with its stylesheet and scripts', async () => {
    const html = (await t.app.inject(`/record?before=${seqOfFirst + 3}`)).body;
    const assets = ['site.css', 'enhance.js'].map((f) => fs.readFileSync(STATIC_DIR + f));
    const total = [Buffer.from(html), ...assets].reduce((sum, b) => sum + gzipSync(b).length, 0);
    expect(total).toBeLessThan(50 * 1024);
  });
});

describe('GET /record.ndjson', () => {
  it('streams every link as one JSON object per line, named for download', async () => {
    const res = await t.app.inject('/record.ndjson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="irgen-public-record.ndjson"');
    const lines = res.body.trimEnd().split('\n');
    expect(lines).toHaveLength(120);
    const first = JSON.parse(lines[0]!);
    expect(Object.keys(first)).toEqual(['seq', 'id', 'occurred_at', 'type', 'subject', 'payload', 'prev_hash', 'hash']);
    expect(first.prev_hash).toBe('0'.repeat(64));
    expect(first.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(await verifyNdjson(lines.values() as unknown as AsyncIterable<string>)).toMatchObject({ ok: true, checked: 120 });
  });

  it('is compressed for clients that accept gzip, and can start after a seq', async () => {
    const res = await t.app.inject({ url: '/record.ndjson?after=100', headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-disposition']).toContain('irgen-public-record-after-100.ndjson');
    const lines = gunzipSync(res.rawPayload).toString('utf8').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l).seq)).toEqual(Array.from({ length: 20 }, (_, i) => 101 + i));
  });

  it('refuses a malformed ?after in both languages', async () => {
    const res = await t.app.inject('/record.ndjson?after=x');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'record.bad_after', messages: { mn: expect.stringContaining('after'), en: expect.stringContaining('"after" must be') } });
  });
});

describe('the JSON API', () => {
  it('GET /api/record is the page’s twin, with labels in both languages and a next page', async () => {
    const res = await t.app.inject(`/api/record?limit=3&before=${seqOfFirst + 1}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.events).toHaveLength(1);
    expect(body.next_before).toBeNull();
    expect(body.events[0]).toMatchObject({
      seq: seqOfFirst,
      type: 'routetest.filed',
      label: { mn: 'Туршилтын өргөдөл бүртгэгдсэн', en: 'Test item filed' },
      subject: 'feedback/K7M4TRX9',
      subject_path: '/feedback/K7M4TRX9',
      payload: { code: 'K7M4TRX9', on_time: true },
    });
    expect(body.events[0].hash).toMatch(/^[0-9a-f]{64}$/);
    const page = (await t.app.inject('/api/record?limit=2')).json();
    expect(page.events.map((e: { seq: number }) => e.seq)).toEqual([120, 119]);
    expect(page.next_before).toBe(119);
    expect(page.events[0].label).toBeNull();
  });

  it('GET /api/record/status tells how much is linked and the latest hash', async () => {
    const status = (await t.app.inject('/api/record/status')).json();
    const ndjson = (await t.app.inject('/record.ndjson')).body.trimEnd().split('\n');
    expect(status).toMatchObject({ chained: 120, pending: 0, last_seq: 120, last_hash: JSON.parse(ndjson[119]!).hash });
    expect(new Date(status.last_chained_at).getTime()).not.toBeNaN();
  });

  it('is described in the OpenAPI document under the public-record tag', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    for (const path of ['/api/record', '/api/record/status', '/record.ndjson']) expect(doc.paths[path].get.tags).toEqual(['public-record']);
    expect(doc.paths['/record']).toBeUndefined();
  });
});
