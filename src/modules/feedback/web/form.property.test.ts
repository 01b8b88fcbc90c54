import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { WebClient } from '../../../../test/support/client.js';
import { buildFeedback, feedbackWorld } from '../../../../test/support/feedback-factories.js';
import { draftBase, fillForm, jpeg, multipartBody } from './testing.js';

/**
 * Property: whatever arrives at the staged form (random strings, repeated fields, nested
 * JSON, odd files, made-up draft ids), the answer is never a 5xx, and a refusal is a
 * page with words for a person, never a bare status or an untranslated message key.
 */

let t: TestApp;
let world: Awaited<ReturnType<typeof feedbackWorld>>;
let client: WebClient;
let token: string;
let base: string;

const STEPS = ['kind', 'category', 'place', 'details', 'photos', 'publication', 'contact', 'check'] as const;
const FIELDS = ['kind', 'category', 'place_l1', 'place_l2', 'place_l3', 'place_refine', 'place_code', 'title', 'description', 'publication', 'name', 'email', 'phone', 'remove', 'action', '__proto__', 'constructor', 'key', 'satisfaction', 'reopen_reason'];

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', 'complaint', 'public', 'private', '11', '1110', '111059', '99', '0', '-1', '1e309', 'NaN', 'null', '<script>alert(1)</script>', "' OR 1=1 --", '\u0000', '\ud800', 'x'.repeat(6000)),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));
const formBody = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 });
const jsonValue = fc.jsonValue({ maxDepth: 3 });

function readable(response: LightMyRequestResponse, label: string): void {
  expect(response.statusCode, `${label}: ${response.body.slice(0, 500)}`).toBeLessThan(500);
  if (response.statusCode >= 400) {
    const body = response.body;
    const isHtml = String(response.headers['content-type'] ?? '').includes('text/html');
    if (isHtml) {
      expect(body, label).toMatch(/class="error-summary"|class="lead"/);
      expect(body, `${label}: untranslated key`).not.toMatch(/(feedbackWeb|feedback|common|places):(errors|form)\./);
    } else {
      expect(JSON.parse(body).error.message, label).toBeTruthy();
    }
  }
}

beforeAll(async () => {
  t = await createTestApp();
  world = await feedbackWorld(t.db);
  client = new WebClient(t.app);
  base = await fillForm(client, { category: world.category.code });
  token = client.csrf();
});
afterAll(async () => t.close());

async function postForm(path: string, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  const params = new URLSearchParams();
  params.append('_csrf', token);
  for (const [k, v] of Object.entries(body)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item));
  return client.request({ method: 'POST', url: path, payload: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

describe('random input at every step of the staged form', () => {
  it('never answers a form post with a 5xx, and explains every refusal', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STEPS.filter((s) => s !== 'check')), formBody, fc.boolean(), async (step, body, change) => {
        const response = await postForm(`${base}/${step}${change ? '?change=1' : ''}`, body);
        readable(response, `${step} ${JSON.stringify(body).slice(0, 200)}`);
      }),
      { numRuns: 150 },
    );
  });

  it('never answers a JSON body (nested objects, numbers, null) with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...STEPS.filter((s) => s !== 'check')), jsonValue, async (step, json) => {
        const payload = json !== null && typeof json === 'object' && !Array.isArray(json) ? { ...json, _csrf: token } : json;
        const response = await client.request({ method: 'POST', url: `${base}/${step}?_csrf=${encodeURIComponent(token)}`, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
        readable(response, `${step} json ${JSON.stringify(json).slice(0, 200)}`);
      }),
      { numRuns: 60 },
    );
  });

  it('never answers random files and fields at the photo step with a 5xx', async () => {
    const real = await jpeg();
    const file = fc.record({
      name: fc.constantFrom('photos', 'other', ''),
      filename: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('a.jpg', '../../etc/passwd', 'с.png', '')),
      type: fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'text/html', ''),
      data: fc.oneof(fc.uint8Array({ maxLength: 3000 }).map((a) => Buffer.from(a)), fc.constant(real), fc.constant(Buffer.concat([real.subarray(0, 200)]))),
    });
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('action', 'remove', 'kind'), fc.string({ maxLength: 20 }), { maxKeys: 3 }), fc.array(file, { maxLength: 3 }), async (fields, files) => {
        const { payload, contentType } = multipartBody(fields, files);
        const response = await client.request({ method: 'POST', url: `${base}/photos?change=1&_csrf=${encodeURIComponent(token)}`, payload, headers: { 'content-type': contentType } });
        readable(response, `photos ${JSON.stringify(fields)} ${files.map((f) => `${f.filename}:${f.type}:${f.data.length}`).join(',')}`);
        // Keep the draft below the photo limit so later runs test the other paths too.
        await t.db.deleteFrom('feedback_draft_attachment').where('draft_id', '=', base.slice(-36)).execute();
      }),
      { numRuns: 60 },
    );
  });

  it('never answers made-up draft ids and step names with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), fc.string({ maxLength: 20 }), fc.boolean(), async (draftId, step, post) => {
        const url = `/feedback/new/${encodeURIComponent(draftId)}/${encodeURIComponent(step)}`;
        const response = post ? await postForm(url, { kind: 'complaint' }) : await client.get(url);
        readable(response, url);
      }),
      { numRuns: 100 },
    );
  });
});

describe('random input at the final submit', () => {
  it('files each complete draft once, whatever else the post carries, and refuses replays with 409', async () => {
    await fc.assert(
      fc.asyncProperty(formBody, async (body) => {
        const fresh = new WebClient(t.app);
        const draft = await fillForm(fresh, { category: world.category.code, email: 'random@example.mn' });
        const freshToken = fresh.csrf();
        const send = async () => {
          const params = new URLSearchParams({ _csrf: freshToken });
          for (const [k, v] of Object.entries(body)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item));
          return fresh.request({ method: 'POST', url: `${draft}/check`, payload: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
        };
        const first = await send();
        readable(first, 'first submit');
        expect(first.statusCode).toBe(303);
        const replay = await send();
        readable(replay, 'replay');
        expect(replay.statusCode).toBe(409);
        const filed = await t.db.selectFrom('feedback_submission').select('item_id').where('draft_id', '=', draftBase(`${draft}/x`).slice(-36)).execute();
        expect(filed).toHaveLength(1);
      }),
      { numRuns: 15 },
    );
  });

  it('refuses the final submit of random drafts’ data without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('kind', 'category', 'place', 'title', 'description', 'publication', 'name', 'email', 'phone', 'photosDone', 'contactDone'), jsonValue, { maxKeys: 11 }), async (data) => {
        // Drafts are written only by the form's own handlers; even a corrupted one must not crash the last step.
        const draft = await t.db
          .insertInto('feedback_draft')
          .values({ data: JSON.stringify({ kind: 'complaint', category: world.category.code, place: '111059', title: 'Гарчиг', description: 'Тайлбар', publication: 'public', photosDone: true, contactDone: true, ...data }), created_at: t.clock.now(), updated_at: t.clock.now() })
          .returning('id')
          .executeTakeFirstOrThrow();
        const check = await client.get(`/feedback/new/${draft.id}/check`);
        readable(check, `check page ${JSON.stringify(data).slice(0, 200)}`);
        const response = await postForm(`/feedback/new/${draft.id}/check`, {});
        readable(response, `submit ${JSON.stringify(data).slice(0, 200)}`);
      }),
      { numRuns: 60 },
    );
  });
});

describe('random input at the submitter’s private page', () => {
  it('never answers rate, reopen or escalate with a 5xx, with or without the right key', async () => {
    const sent = await buildFeedback(t.db, { now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets }, { categoryCode: world.category.code });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('rate', 'reopen', 'escalate'), formBody, fc.boolean(), async (action, body, rightKey) => {
        const response = await postForm(`/feedback/${sent.code}/manage/${action}`, { ...body, key: rightKey ? sent.submitterKey : (body.key ?? '') });
        readable(response, `${action} ${JSON.stringify(body).slice(0, 200)}`);
      }),
      { numRuns: 60 },
    );
  });
});
