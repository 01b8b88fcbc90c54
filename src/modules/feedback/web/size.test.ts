import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { WebClient } from '../../../../test/support/client.js';
import { buildFeedback, createBody, createStaffMember, feedbackWorld } from '../../../../test/support/feedback-factories.js';
import type { CommandContext } from '../commands/common.js';
import { answerFeedback } from '../commands/handle.js';
import { publishFeedback } from '../commands/moderate.js';
import { managePath } from '../urls.js';
import { fillForm } from './testing.js';

/** Every public page must stay under 50 KB transferred (HTML, CSS and scripts, gzipped). */
const BUDGET = 50 * 1024;

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
});
afterAll(async () => t.close());

async function transferred(client: WebClient, path: string): Promise<number> {
  const page = await client.get(path);
  expect(page.statusCode, path).toBeLessThan(400);
  let total = gzipSync(page.body).length;
  for (const [, asset] of page.body.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)) {
    if (asset!.endsWith('.svg')) continue;
    total += gzipSync((await client.get(asset!)).rawPayload).length;
  }
  return total;
}

describe('page weight', () => {
  it('keeps every feedback page under 50 KB gzipped, with a realistic amount on it', async () => {
    const staff = await createStaffMember(t.db, world.district.id);
    // Many bodies and long texts: the list's body filter and the item page at their largest.
    for (let i = 0; i < 30; i++) await createBody(t.db, { placeCode: i % 2 ? '46' : null, nameMn: `Аймгийн ${i}-р газрын нэлээд урт нэртэй байгууллага`, nameEn: `Agency ${i} with a rather long name` });
    let last = { code: '', submitterKey: '' };
    for (let i = 0; i < 25; i++) {
      last = await buildFeedback(t.db, ctx(), { categoryCode: world.category.code });
      await publishFeedback(t.db, last.code, { title: `Урт гарчиг ${i} `.repeat(8).slice(0, 200), summary: 'Тойм '.repeat(900) }, staff.accountId, ctx());
    }
    await answerFeedback(t.db, last.code, { resolution: 'resolved', text: 'Хариулт '.repeat(600) }, staff, ctx());
    const client = new WebClient(t.app);
    const base = await fillForm(client, { category: world.category.code });
    const pages = [
      '/feedback/new',
      `${base}/kind`,
      `${base}/category`,
      `${base}/place`,
      `${base}/details`,
      `${base}/photos`,
      `${base}/publication`,
      `${base}/contact`,
      `${base}/check`,
      '/track',
      `/feedback/${last.code}`,
      managePath(last.code, last.submitterKey),
      '/feedback',
      '/feedback?place_l1=11&place_l2=1110',
      '/feedback?q=urt',
    ];
    const sizes: Record<string, number> = {};
    for (const path of pages) sizes[path] = await transferred(client, path);
    for (const [path, size] of Object.entries(sizes)) expect(size, `${path}: ${size} bytes`).toBeLessThan(BUDGET);
  });
});
