import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { articleUnit, buildConsultation, consultationWorld, type ConsultationWorld } from '../../../test/support/consultation-factories.js';
import { signIn } from '../../../test/support/factories.js';
import type { CommandContext } from './commands/common.js';

/**
 * Property: whatever arrives at the comment form, the support and report buttons, the
 * answer form and the text import (random strings, repeated fields, odd ids, nested JSON,
 * huge and broken law texts), the answer is never a 5xx, a refusal is a page or JSON with
 * words for a person, and the database holds exactly the comments that were accepted.
 */
let t: TestApp;
let w: ConsultationWorld;
let id: number;
let art8: number;
let citizen: WebClient;
let member: WebClient;
let staff: WebClient;
let draftId: number;
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl });

const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '0', '-1', '1e309', 'NaN', 'null', 'draft', '2147483648', '99999999999', '<script>alert(1)</script>', "' OR 1=1 --", '\u0000', '\ud800', 'x'.repeat(6000), '11', '65', 'accepted', 'partly_accepted'),
);
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }));

function readable(response: LightMyRequestResponse, label: string): void {
  expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode >= 400) {
    const isHtml = String(response.headers['content-type'] ?? '').includes('text/html');
    if (isHtml) {
      expect(response.body, label).toMatch(/class="error-summary"|<h1>/);
      expect(response.body, `${label}: untranslated key`).not.toMatch(/(consultations|common):(errors|import|field|fieldRef)\./);
    } else {
      expect(JSON.parse(response.body).error.message, label).toBeTruthy();
    }
  }
}

async function post(client: WebClient, path: string, body: Record<string, unknown>): Promise<LightMyRequestResponse> {
  const params = new URLSearchParams();
  params.append('_csrf', client.csrf());
  for (const [k, v] of Object.entries(body)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, String(item));
  return client.request({ method: 'POST', url: path, payload: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t.db);
  ({ id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id }));
  art8 = await articleUnit(t.db, id, '8');
  ({ id: draftId } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id, publish: false }));
  citizen = new WebClient(t.app);
  await signIn(citizen, w.citizen.email);
  await citizen.get(`/consultations/${id}/articles/${art8}`);
  member = new WebClient(t.app);
  await signIn(member, w.csoMember.email);
  await member.get(`/consultations/${id}/general`);
  staff = new WebClient(t.app);
  await signIn(staff, w.staff.email);
  await staff.get(`/consultations/${draftId}/versions/1/edit`);
});
afterAll(async () => t.close());

describe('random input at the comment form', () => {
  it('never answers with a 5xx, and stores exactly the comments it accepted', async () => {
    const fields = fc.dictionary(fc.constantFrom('unit', 'text', 'on_behalf', 'place', 'return_to', '__proto__', 'constructor', 'comments'), value, { maxKeys: 6 });
    const unit = fc.oneof(fc.constant(String(art8)), fc.constant(''), scalar);
    let accepted = 0;
    const before = Number((await t.db.selectFrom('consultation_comment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await fc.assert(
      fc.asyncProperty(fields, unit, fc.boolean(), async (body, u, asMember) => {
        const client = asMember ? member : citizen;
        const response = await post(client, `/consultations/${id}/comments`, { unit: u, ...body });
        readable(response, JSON.stringify(body).slice(0, 200));
        if (response.statusCode === 303) accepted++;
        // Get a fresh token-bearing page for the next run (a refused post may be a bare error page).
        await client.get(`/consultations/${id}/general`);
      }),
      { numRuns: 200 },
    );
    const after = Number((await t.db.selectFrom('consultation_comment').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    expect(after - before).toBe(accepted);
  });

  it('never answers a JSON body at the comment form with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), async (json) => {
        const token = citizen.csrf();
        const payload = json !== null && typeof json === 'object' && !Array.isArray(json) ? { ...json, _csrf: token } : json;
        const response = await citizen.request({ method: 'POST', url: `/consultations/${id}/comments?_csrf=${encodeURIComponent(token)}`, payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
        readable(response, JSON.stringify(json).slice(0, 200));
        await citizen.get(`/consultations/${id}/general`);
      }),
      { numRuns: 60 },
    );
  });

  it('never answers made-up ids at every comment route with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('0', '1', '2147483648', '99999999999', '-5', '1.5')), fc.constantFrom('support', 'unsupport', 'flag'), async (commentId, action) => {
        const response = await post(citizen, `/consultations/${id}/comments/${encodeURIComponent(commentId)}/${action}`, { reason: 'abuse' });
        readable(response, `${action} ${commentId}`);
        const page = await citizen.get(`/consultations/${encodeURIComponent(commentId)}/articles/${encodeURIComponent(commentId)}`);
        readable(page, `article ${commentId}`);
        await citizen.get(`/consultations/${id}/general`);
      }),
      { numRuns: 80 },
    );
  });
});

describe('random input at the import and answer forms', () => {
  it('never answers a pasted text with a 5xx, whatever its shape', async () => {
    const line = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 50 }),
      fc.constantFrom('1 дүгээр зүйл.Зорилт', '2 дугаар зүйл', 'НЭГДҮГЭЭР БҮЛЭГ', 'ХОЁРДУГААР БҮЛЭГ', '1.1.Текст', '1.1.1.Заалт', '# Гарчиг', '### 3 дугаар зүйл', '\u0000', '3.зүйл', '99999 дүгээр зүйл', '2026.01.01'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), async (lines, eol) => {
        const response = await post(staff, `/consultations/${draftId}/versions/1/text`, { text: lines.join(eol) });
        readable(response, JSON.stringify(lines).slice(0, 300));
        await staff.get(`/consultations/${draftId}/versions/1/edit`);
      }),
      { numRuns: 80 },
    );
  });

  it('never answers random answer posts with a 5xx, and never answers a comment without a category and a reason', async () => {
    const fields = fc.dictionary(fc.constantFrom('comments', 'category', 'reason', 'return_query'), value, { maxKeys: 4 });
    await staff.get(`/consultations/${id}/answers`);
    await fc.assert(
      fc.asyncProperty(fields, async (body) => {
        const response = await post(staff, `/consultations/${id}/answers`, body);
        readable(response, JSON.stringify(body).slice(0, 200));
        await staff.get(`/consultations/${id}/answers`);
      }),
      { numRuns: 100 },
    );
    const bad = await t.db
      .selectFrom('consultation_answer')
      .where('consultation_id', '=', id)
      .where((eb) => eb(eb.fn('length', ['reason']), '<', 10))
      .select('id')
      .execute();
    expect(bad).toEqual([]);
  });
});
