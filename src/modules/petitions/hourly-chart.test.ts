import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { expectHtmlAccessible, launchBrowser } from '../../../test/support/browser.js';
import { WebClient } from '../../../test/support/client.js';
import { buildOpenPetition, buildPetitionBody, smallLadder } from '../../../test/support/petition-factories.js';
import { closeDuePetitions } from './commands/steps.js';
import { hourlySeries } from './views/parts.js';

/** Every public page must stay under 50 KB transferred (HTML, CSS and scripts, gzipped). */
const BUDGET = 50 * 1024;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestApp;
let browser: Browser | undefined;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-20T03:30:00Z');
});
afterAll(async () => {
  await browser?.close();
  await t.close();
});

/**
 * Counts as the vote writers leave them: hour rows spread over two shards, the totals and
 * the soum rows adding up to the same number. Written before the page is first loaded.
 */
async function giveVotes(petitionId: number, hours: Map<number, number>) {
  const rows = [...hours].flatMap(([hour, votes]) => [
    { petition_id: petitionId, hour: new Date(hour), shard: 1, votes: Math.ceil(votes / 2) },
    { petition_id: petitionId, hour: new Date(hour), shard: 2, votes: Math.floor(votes / 2) },
  ]);
  for (let i = 0; i < rows.length; i += 1000) await t.db.insertInto('petition_hour_count').values(rows.slice(i, i + 1000)).execute();
  const total = [...hours.values()].reduce((a, b) => a + b, 0);
  await t.db.insertInto('petition_count').values({ petition_id: petitionId, shard: 1, votes: total, invalidated: 0 }).execute();
  const soums = ['1110', '2101', '0401', '1201'];
  await t.db
    .insertInto('petition_place_count')
    .values(soums.map((code, i) => ({ petition_id: petitionId, place_code: code, shard: 1, votes: Math.floor(total / soums.length) + (i === 0 ? total % soums.length : 0) })))
    .execute();
  return total;
}

/** The rows of the per-day table: the day's instant and its votes. */
function dayRows(html: string): { day: string; votes: number }[] {
  const details = html.slice(html.indexOf('<details class="method">'), html.indexOf('</details>', html.indexOf('<details class="method">')));
  const body = details.slice(details.indexOf('<tbody>'), details.indexOf('</tbody>'));
  return [...body.matchAll(/<tr><th scope="row"><time datetime="([^"]+)">[^<]+<\/time><\/th><td class="num">([^<]+)<\/td><\/tr>/g)].map((m) => ({
    day: m[1]!,
    votes: Number(m[2]!.replace(/\D/g, '')),
  }));
}

describe('the hourly chart of a petition', () => {
  it('covers the whole period so far, with a table per Ulaanbaatar day adding up to the total', async () => {
    const body = await buildPetitionBody(t.db, { steps: smallLadder([5000]), openDays: 30 });
    const opened = new Date('2026-11-15T02:10:00Z');
    const p = await buildOpenPetition(t.db, { bodySlug: body.slug, now: opened });
    // Five days of votes, from the hour it opened to the current one, including the hours
    // either side of Ulaanbaatar midnight (16:00 UTC) and a quiet day without any.
    const votes = new Map<number, number>([
      [Date.parse('2026-11-15T02:00:00Z'), 7],
      [Date.parse('2026-11-15T15:00:00Z'), 40], // 23:00 on the 15th in Ulaanbaatar
      [Date.parse('2026-11-15T16:00:00Z'), 3], // 00:00 on the 16th
      [Date.parse('2026-11-16T09:00:00Z'), 120],
      [Date.parse('2026-11-16T10:00:00Z'), 85],
      [Date.parse('2026-11-18T01:00:00Z'), 11],
      [Date.parse('2026-11-19T23:00:00Z'), 2],
      [Date.parse('2026-11-20T03:00:00Z'), 9],
    ]);
    const total = await giveVotes(p.id, votes);
    expect(total).toBe(277);

    const page = await t.app.inject(`/petitions/${p.id}`);
    expect(page.statusCode).toBe(200);
    const html = page.body;
    // The chart: one path for the whole period, named for assistive technology.
    expect(html).toContain('aria-labelledby="petition-hours-title petition-hours-desc"');
    expect(html).toContain('<title id="petition-hours-title">Цаг тутмын санал, 2026 оны 11 сарын 15-с 2026 оны 12 сарын 15 хүртэл</title>');
    expect(html).toContain('(нэг цагт хамгийн ихдээ 120)');
    expect(html.match(/<path class="bar" d="M0 120[^"]*Z"/g)).toHaveLength(1);
    // Dates along the axis in Ulaanbaatar time, and the present marked while voting goes on.
    expect(html).toContain('>11.16</text>');
    expect(html).toContain('>Одоо</text>');

    const rows = dayRows(html);
    expect(rows.map((r) => [new Date(r.day).toISOString(), r.votes])).toEqual([
      ['2026-11-14T16:00:00.000Z', 47],
      ['2026-11-15T16:00:00.000Z', 208],
      ['2026-11-16T16:00:00.000Z', 0],
      ['2026-11-17T16:00:00.000Z', 11],
      ['2026-11-18T16:00:00.000Z', 0],
      ['2026-11-19T16:00:00.000Z', 11],
    ]);
    expect(rows.reduce((n, r) => n + r.votes, 0)).toBe(total);
    expect(html).toMatch(/<tfoot><tr><th scope="row">Нийт<\/th><td class="num">277<\/td><\/tr><\/tfoot>/);
    // Every hour is in the open data the details point to.
    expect(html).toContain(`<a href="/api/petitions/${p.id}">JSON</a> (<code>by_hour</code>)`);
    const json = (await t.app.inject(`/api/petitions/${p.id}`)).json() as { by_hour: { hour: string; votes: number }[] };
    expect(json.by_hour.reduce((n, h) => n + h.votes, 0)).toBe(total);

    const english = await new WebClient(t.app).get(`/petitions/${p.id}`, { cookie: 'lang=en' });
    expect(english.body).toContain('<title id="petition-hours-title">Votes per hour, 15 November 2026 to 15 December 2026</title>');
    expect(english.body).toContain('<summary>Votes per day</summary>');
    expect(english.body).toContain('>16 Nov</text>');

    browser = await launchBrowser();
    await expectHtmlAccessible(browser, html, async (path) => (await t.app.inject(path)).body);
  });

  it('keeps a finished month of busy hours under the page budget, the table one row a day', async () => {
    const body = await buildPetitionBody(t.db, { steps: smallLadder([100_000]), openDays: 30 });
    const opened = new Date(t.clock.now().getTime() - 32 * DAY);
    const p = await buildOpenPetition(t.db, { bodySlug: body.slug, now: opened });
    expect(await closeDuePetitions(t.db, t.clock.now())).toContain(p.id);
    // Every hour of the period different, the worst case for the outline.
    const start = Math.floor(opened.getTime() / HOUR) * HOUR;
    const votes = new Map<number, number>();
    for (let i = 0; i < 30 * 24; i++) votes.set(start + i * HOUR, 1 + ((i * 37) % 211));
    const total = await giveVotes(p.id, votes);

    const client = new WebClient(t.app);
    const page = await client.get(`/petitions/${p.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('>Одоо</text>');
    const rows = dayRows(page.body);
    expect(rows.length).toBeGreaterThanOrEqual(30);
    expect(rows.length).toBeLessThanOrEqual(31);
    expect(rows.reduce((n, r) => n + r.votes, 0)).toBe(total);
    let transferred = gzipSync(page.body).length;
    for (const [, asset] of page.body.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)) {
      if (asset!.endsWith('.svg')) continue;
      transferred += gzipSync((await client.get(asset!)).rawPayload).length;
    }
    expect(transferred).toBeLessThan(BUDGET);
  });
});

describe('hourlySeries', () => {
  const period = { openedAt: new Date('2026-03-01T00:20:00Z'), closesAt: new Date('2026-03-04T00:20:00Z'), closedAt: null };

  it('runs from the opening hour to the end of the period, values up to the current hour', () => {
    const s = hourlySeries(new Map([[Date.parse('2026-03-01T05:00:00Z'), 4]]), period, new Date('2026-03-01T07:59:00Z'))!;
    expect(new Date(s.start).toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(new Date(s.end).toISOString()).toBe('2026-03-04T01:00:00.000Z');
    expect(new Date(s.until).toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(s.values).toEqual([0, 0, 0, 0, 0, 4, 0, 0]);
    expect(s.days).toEqual([{ start: Date.parse('2026-02-28T16:00:00Z'), votes: 4 }]);
  });

  it('stops at the end of a period that closed early, and has nothing to draw without votes', () => {
    const closedAt = new Date('2026-03-02T18:30:00Z');
    const s = hourlySeries(new Map([[Date.parse('2026-03-02T17:00:00Z'), 2]]), { ...period, closedAt }, new Date('2026-03-09T00:00:00Z'))!;
    expect(new Date(s.end).toISOString()).toBe('2026-03-02T19:00:00.000Z');
    expect(s.until).toBe(s.end);
    expect(s.days.map((d) => d.votes)).toEqual([0, 0, 2]);
    expect(hourlySeries(new Map(), period, new Date())).toBeNull();
  });
});
