import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { linkIn } from '../../../test/support/smtp.js';
import { buildOpenPetition, buildPetitionBody, registryNumber, signInAtProvider, smallLadder, startSmsGateway, type SmsGateway } from '../../../test/support/petition-factories.js';
import { startLocalEidProvider, type LocalEidProvider } from './signing/local-eid-provider.js';

let t: TestApp;
let sms: SmsGateway;
let eid: LocalEidProvider;
let person = 100;
const nextRegistry = () => registryNumber(person++);

beforeAll(async () => {
  sms = await startSmsGateway();
  eid = await startLocalEidProvider({ redirectUri: 'http://irgen.test/petitions/eid/callback', registryFor: (login) => registryNumber(Number(login.replace(/\D/g, '')) || 1) });
  t = await createTestApp({ env: { SMS_GATEWAY_URL: sms.url, EID_ISSUER_URL: eid.issuer, EID_CLIENT_ID: eid.clientId, EID_CLIENT_SECRET: eid.clientSecret } });
});
afterAll(async () => {
  await t.close();
  await sms.close();
  await eid.close();
});

async function openPetition(steps = smallLadder([1000])) {
  const body = await buildPetitionBody(t.db, { steps, minLevel: 'email' });
  return buildOpenPetition(t.db, { bodySlug: body.slug, now: t.clock.now() });
}

async function count(id: number): Promise<number> {
  const res = await t.app.inject(`/api/petitions/${id}/count`);
  expect(res.statusCode).toBe(200);
  return res.json().count;
}

async function signatures(id: number): Promise<number> {
  const row = await t.db.selectFrom('petition_signature').select((eb) => eb.fn.countAll<number>().as('n')).where('petition_id', '=', id).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function emailVote(client: WebClient, id: number, registry: string, email: string) {
  await client.get(`/petitions/${id}/sign/email`);
  const res = await client.post(`/petitions/${id}/sign/email`, { registry, email, residence_l1: '11', residence_l2: '1110' });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  await t.runJobs();
  const mail = await t.mail.waitFor(email, /Саналаа баталгаажуулна уу/);
  const link = new URL(linkIn(mail, `/petitions/${id}/confirm?s=`));
  return link.pathname + link.search;
}

async function eidVote(client: WebClient, id: number, login: string): Promise<{ status: number; body: string; seal?: string }> {
  const start = await client.get(`/petitions/${id}/sign/eid`);
  expect(start.statusCode).toBe(303);
  const callback = new URL(await signInAtProvider(String(start.headers.location), login));
  const page = await client.get(callback.pathname + callback.search);
  if (page.statusCode !== 200) return { status: page.statusCode, body: page.body };
  const seal = page.body.match(/name="seal" value="([^"]+)"/)![1]!;
  const res = await client.post(`/petitions/${id}/vote`, { seal, residence_l1: '21', residence_l2: '2101' });
  return { status: res.statusCode, body: res.body, seal };
}

describe('signing by email', () => {
  it('counts a vote only once the link is opened, and a reused link is refused without a second vote', async () => {
    const p = await openPetition();
    const client = new WebClient(t.app);
    const path = await emailVote(client, p.id, nextRegistry(), 'saraa@example.mn');
    expect(await count(p.id)).toBe(0);
    const confirm = await client.get(path);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Саналаа баталгаажуулах');
    const voted = await client.post(path, {}, { csrf: false });
    expect(voted.statusCode).toBe(303);
    expect(voted.headers.location).toBe(`/petitions/${p.id}/voted`);
    expect(await count(p.id)).toBe(1);
    const again = await client.post(path, {}, { csrf: false });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('аль хэдийн санал өгсөн');
    const json = await t.app.inject({ method: 'POST', url: path, headers: { accept: 'application/json' } });
    expect(json.json().error.messages.en).toContain('already voted');
    expect(await signatures(p.id)).toBe(1);
    const row = await t.db.selectFrom('petition_signature').selectAll().where('petition_id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.level).toBe('email');
    expect(row.place_code).toBe('1110');
  });

  it('refuses an expired link (410) and a tampered link (400) in the reader’s language, writing nothing', async () => {
    const p = await openPetition();
    const client = new WebClient(t.app);
    const path = await emailVote(client, p.id, nextRegistry(), 'bold@example.mn');
    const tampered = path.slice(0, -3) + (path.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await client.post(tampered, {}, { csrf: false })).statusCode).toBe(400);
    const english = await t.app.inject({ method: 'POST', url: tampered, headers: { cookie: 'lang=en' } });
    expect(english.body).toContain('This confirmation link is not valid');
    t.clock.advanceMs(73 * 3_600_000);
    try {
      const expired = await client.post(path, {}, { csrf: false });
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain('хугацаа дууссан');
    } finally {
      t.clock.advanceMs(-73 * 3_600_000);
    }
    expect(await signatures(p.id)).toBe(0);
  });

  it('reports bad registry numbers, a minor, a bad address and a missing residence together', async () => {
    const p = await openPetition();
    const client = new WebClient(t.app);
    await client.get(`/petitions/${p.id}/sign/email`);
    const res = await client.post(`/petitions/${p.id}/sign/email`, { registry: 'AB12', email: 'not-an-email' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Регистрийн дугаарыг хоёр үсэг, найман оронтой тоогоор');
    expect(res.body).toContain('Имэйл хаягийг name@example.mn');
    expect(res.body).toContain('error-summary');
    await client.get(`/petitions/${p.id}/sign/email`);
    const minor = await client.post(`/petitions/${p.id}/sign/email`, { registry: 'УБ15220101', email: 'child@example.mn', residence_l1: '11', residence_l2: '1110' });
    expect(minor.statusCode).toBe(400);
    expect(minor.body).toContain('18 нас');
    expect(t.mail.to('child@example.mn')).toEqual([]);
  });

  it('flags a disposable address for moderators and still counts it', async () => {
    const p = await openPetition();
    const client = new WebClient(t.app);
    const path = await emailVote(client, p.id, nextRegistry(), 'throwaway@mailinator.com');
    expect((await client.post(path, {}, { csrf: false })).statusCode).toBe(303);
    const row = await t.db.selectFrom('petition_signature').select(['flags', 'contact_hint']).where('petition_id', '=', p.id).executeTakeFirstOrThrow();
    expect(row.flags).toContain('disposable');
    expect(row.contact_hint).toBe('mailinator.com');
    expect(await count(p.id)).toBe(1);
  });
});

describe('signing by SMS code', () => {
  it('sends a code through the gateway and five wrong codes end it; a new code then votes', async () => {
    const p = await openPetition();
    const client = new WebClient(t.app);
    const registry = nextRegistry();
    await client.get(`/petitions/${p.id}/sign/sms`);
    const start = await client.post(`/petitions/${p.id}/sign/sms`, { registry, phone: '99112233', residence_l1: '62', residence_l2: '6201' });
    expect(start.statusCode).toBe(303);
    const codePage = String(start.headers.location);
    const code = sms.codeFor('+97699112233');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 4; i++) {
      await client.get(codePage);
      const res = await client.post(codePage, { code: wrong });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain(`Үлдсэн оролдлого: ${5 - i}`);
    }
    await client.get(codePage);
    const fifth = await client.post(codePage, { code: wrong });
    expect(fifth.statusCode).toBe(429);
    expect(fifth.body).toContain('5 удаа буруу');
    // Even the right code no longer works.
    await client.get(codePage);
    expect((await client.post(codePage, { code })).statusCode).toBe(429);
    expect(await signatures(p.id)).toBe(0);

    await client.get(`/petitions/${p.id}/sign/sms`);
    const retry = await client.post(`/petitions/${p.id}/sign/sms`, { registry, phone: '99112233', residence_l1: '62', residence_l2: '6201' });
    const page = String(retry.headers.location);
    await client.get(page);
    const ok = await client.post(page, { code: sms.codeFor('+97699112233') });
    expect(ok.statusCode).toBe(303);
    expect(await count(p.id)).toBe(1);
    await client.get(page);
    expect((await client.post(page, { code: sms.codeFor('+97699112233') })).statusCode).toBe(409);
  });

  it('says so when the gateway is down and keeps no code', async () => {
    const p = await openPetition();
    const client = new WebClient(t.app);
    sms.failWith = 503;
    try {
      await client.get(`/petitions/${p.id}/sign/sms`);
      const res = await client.post(`/petitions/${p.id}/sign/sms`, { registry: nextRegistry(), phone: '88112233', residence_l1: '62', residence_l2: '6201' });
      expect(res.statusCode).toBe(503);
      expect(res.body).toContain('SMS илгээх боломжгүй');
    } finally {
      sms.failWith = null;
    }
    const left = await t.db.selectFrom('petition_sms_challenge').select('id').where('petition_id', '=', p.id).execute();
    expect(left).toEqual([]);
  });
});

describe('signing with the national e-ID (a real local OpenID provider)', () => {
  it('verifies through OpenID Connect, asks the residence and records the e-ID level', async () => {
    const p = await openPetition();
    const client = new WebClient(t.app);
    const vote = await eidVote(client, p.id, 'citizen-501');
    expect(vote.status, vote.body.slice(0, 300)).toBe(303);
    const row = await t.db.selectFrom('petition_signature').select(['level', 'place_code']).where('petition_id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ level: 'eid', place_code: '2101' });
    // The same seal again: already voted.
    const again = await client.post(`/petitions/${p.id}/vote`, { seal: vote.seal!, residence_l1: '21', residence_l2: '2101' });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a second vote by the same person through another route (one person, one vote in the database)', async () => {
    const p = await openPetition();
    const client = new WebClient(t.app);
    expect((await eidVote(client, p.id, 'citizen-777')).status).toBe(303);
    // The same registry number by email: refused, nothing written.
    const path = await emailVote(new WebClient(t.app), p.id, registryNumber(777), 'same.person@example.mn');
    const res = await new WebClient(t.app).request({ method: 'POST', url: path });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('аль хэдийн санал өгсөн');
    expect(await signatures(p.id)).toBe(1);
    expect(await count(p.id)).toBe(1);
  });

  it('refuses a forged callback: no flow cookie, a wrong state, a made-up code', async () => {
    const p = await openPetition();
    const client = new WebClient(t.app);
    const noCookie = await client.get('/petitions/eid/callback?code=forged&state=forged');
    expect(noCookie.statusCode).toBe(400);
    expect(noCookie.body).toContain('Цахим үнэмлэхээр нэвтрэлтийг баталгаажуулж чадсангүй');
    const start = await client.get(`/petitions/${p.id}/sign/eid`);
    const callback = new URL(await signInAtProvider(String(start.headers.location), 'citizen-42'));
    const wrongState = await client.get(`${callback.pathname}?code=${callback.searchParams.get('code')}&state=not-the-state&iss=${encodeURIComponent(eid.issuer)}`);
    expect(wrongState.statusCode).toBe(400);
    const start2 = await client.get(`/petitions/${p.id}/sign/eid`);
    const state = new URL(String(start2.headers.location)).searchParams.get('state');
    const madeUp = await client.get(`/petitions/eid/callback?code=made-up-code&state=${state}&iss=${encodeURIComponent(eid.issuer)}`);
    expect(madeUp.statusCode).toBe(400);
    const json = await client.get('/petitions/eid/callback?code=x&state=y', { accept: 'application/json' });
    expect(json.json().error.code).toBe('petitions.eid_failed');
    expect(await signatures(p.id)).toBe(0);
  });

  it('a body that requires the e-ID refuses email and SMS', async () => {
    const body = await buildPetitionBody(t.db, { steps: smallLadder([100]), minLevel: 'eid' });
    const p = await buildOpenPetition(t.db, { bodySlug: body.slug, now: t.clock.now() });
    expect((await t.app.inject(`/petitions/${p.id}/sign/email`)).statusCode).toBe(403);
    expect((await t.app.inject(`/petitions/${p.id}/sign/sms`)).statusCode).toBe(403);
    const choice = await t.app.inject(`/petitions/${p.id}/sign`);
    expect(choice.body).toContain('Энэ өргөдөлд хүрэлцэхгүй');
  });
});

describe('the ladder and closing', () => {
  it('records each step with its time, and the top step closes voting early', async () => {
    const body = await buildPetitionBody(t.db, { steps: smallLadder([2, 3], { closeAtTop: true }), minLevel: 'email' });
    const p = await buildOpenPetition(t.db, { bodySlug: body.slug, now: t.clock.now() });
    for (let i = 0; i < 3; i++) {
      const client = new WebClient(t.app);
      const path = await emailVote(client, p.id, nextRegistry(), `ladder${i}@example.mn`);
      expect((await client.post(path, {}, { csrf: false })).statusCode).toBe(303);
    }
    const steps = await t.db.selectFrom('petition_step').select(['position', 'reached_at', 'due_at']).where('petition_id', '=', p.id).orderBy('position').execute();
    expect(steps.every((s) => s.reached_at !== null && s.due_at !== null)).toBe(true);
    const events = await t.db.selectFrom('public_event').select(['type', 'payload']).where('subject', '=', `petition/${p.id}`).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['petitions.submitted', 'petitions.published', 'petitions.step_reached', 'petitions.step_reached', 'petitions.closed']);
    const state = await t.db.selectFrom('petition').select(['state', 'closed_early']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(state).toEqual({ state: 'closed', closed_early: true });
    // A fourth signer is refused: voting is closed.
    const late = new WebClient(t.app);
    const res = await late.get(`/petitions/${p.id}/sign/email`);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('санал авахгүй байна');
  });

  it('the public page, JSON and CSV never show who signed', async () => {
    const p = await openPetition();
    const client = new WebClient(t.app);
    const registry = nextRegistry();
    const path = await emailVote(client, p.id, registry, 'private.person@example.mn');
    await client.post(path, {}, { csrf: false });
    for (const url of [`/petitions/${p.id}`, `/api/petitions/${p.id}`, `/petitions/${p.id}.csv`, '/api/petitions', '/record.ndjson']) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('private.person');
      expect(res.body, url).not.toContain(registry);
      expect(res.body, url).not.toContain('example.mn');
    }
  });
});
