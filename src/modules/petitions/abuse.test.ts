import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildOpenPetition, buildPetitionBody, registryNumber, smallLadder } from '../../../test/support/petition-factories.js';
import { AppError } from '../../shared/errors.js';
import { LIMITS, screenVerification } from './signing/abuse.js';

let t: TestApp;
let person = 5000;
const key = Buffer.from('a key for grouping addresses in tests');

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function openPetition() {
  const body = await buildPetitionBody(t.db, { steps: smallLadder([1000]), minLevel: 'email' });
  return buildOpenPetition(t.db, { bodySlug: body.slug, now: t.clock.now() });
}

const attempts = async (petitionId: number) =>
  Number((await t.db.selectFrom('petition_verification_attempt').select((eb) => eb.fn.countAll<number>().as('n')).where('petition_id', '=', petitionId).executeTakeFirstOrThrow()).n);

/** The error code a refused request throws, or null if it was let through. */
async function refusal(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    if (error instanceof AppError && error.status === 429) return error.code;
    throw error;
  }
}

describe('rate limits on verification requests', () => {
  it('refuse the 11th email request from one address within 10 minutes with 429 in the reader’s language, writing nothing, and allow it again later', async () => {
    const p = await openPetition();
    const client = new WebClient(t.app);
    const request = async (i: number, c = client) => {
      await c.get(`/petitions/${p.id}/sign/email`);
      return c.post(`/petitions/${p.id}/sign/email`, { registry: registryNumber(person++), email: `neighbour${i}-${p.id}@example.mn`, residence_l1: '11', residence_l2: '1110' });
    };
    for (let i = 0; i < LIMITS.perIp; i++) expect((await request(i)).statusCode).toBe(200);
    const refused = await request(99);
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('Таны хаягаас хэт олон хүсэлт ирлээ');
    // Each request counts for the address and for the email domain: nothing more for the refused one.
    expect(await attempts(p.id)).toBe(2 * LIMITS.perIp);
    await t.runJobs();
    await t.mail.waitFor(`neighbour${LIMITS.perIp - 1}-${p.id}@example.mn`);
    expect(t.mail.to(`neighbour99-${p.id}@example.mn`)).toEqual([]);

    const english = new WebClient(t.app);
    await english.get('/lang/en?next=/');
    const refusedEn = await request(98, english);
    expect(refusedEn.statusCode).toBe(429);
    expect(refusedEn.body).toContain('Too many requests from your address');

    t.clock.advanceMs(LIMITS.windowMs);
    expect((await request(97)).statusCode).toBe(200);
  });

  it('limit one email domain and one phone prefix across addresses, but never a large mail provider', async () => {
    const p = await openPetition();
    const now = t.clock.now();
    const ip = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
    for (let i = 0; i < LIMITS.perDomain; i++) await screenVerification(t.db, key, { petitionId: p.id, ip: ip(i), email: `s${i}@small-company.mn`, now });
    expect(await refusal(() => screenVerification(t.db, key, { petitionId: p.id, ip: ip(1000), email: 'late@small-company.mn', now }))).toBe('petitions.rate_limited_domain');
    // The refused request is not counted (each request counts for its address and its domain); other domains go on.
    expect(await attempts(p.id)).toBe(2 * LIMITS.perDomain);
    expect(await refusal(() => screenVerification(t.db, key, { petitionId: p.id, ip: ip(1001), email: 'someone@other.mn', now }))).toBeNull();

    for (let i = 0; i < LIMITS.perDomain + 5; i++) await screenVerification(t.db, key, { petitionId: p.id, ip: ip(2000 + i), email: `g${i}@gmail.com`, now });

    for (let i = 0; i < LIMITS.perPrefix; i++) await screenVerification(t.db, key, { petitionId: p.id, ip: ip(4000 + i), phone: `+97688${String(i).padStart(6, '0')}`, now });
    expect(await refusal(() => screenVerification(t.db, key, { petitionId: p.id, ip: ip(5000), phone: '+97688009999', now }))).toBe('petitions.rate_limited_prefix');
    expect(await refusal(() => screenVerification(t.db, key, { petitionId: p.id, ip: ip(5001), phone: '+97699999999', now }))).toBeNull();
    // Limits are per petition: the same domain is fine on another one.
    const other = await openPetition();
    expect(await refusal(() => screenVerification(t.db, key, { petitionId: other.id, ip: ip(1000), email: 'late@small-company.mn', now }))).toBeNull();
  });
});

describe('burst flags', () => {
  it('flag (not refuse) the third request from one address, the 30th from one domain and the 50th from one prefix, naming only the domain or prefix', async () => {
    const p = await openPetition();
    const now = t.clock.now();
    const fromOne = [];
    for (let i = 0; i < 3; i++) fromOne.push(await screenVerification(t.db, key, { petitionId: p.id, ip: '192.0.2.7', email: `h${i}@example.mn`, now }));
    expect(fromOne.map((v) => v.flags.includes('burst_ip'))).toEqual([false, false, true]);
    expect(fromOne[2]!.hint).toBe('example.mn');

    const domain = [];
    for (let i = 0; i < LIMITS.burstDomain; i++) domain.push(await screenVerification(t.db, key, { petitionId: p.id, ip: `198.18.0.${i}`, email: `d${i}@burst.mn`, now }));
    expect(domain.findIndex((v) => v.flags.includes('burst_domain'))).toBe(LIMITS.burstDomain - 1);

    const prefix = [];
    for (let i = 0; i < LIMITS.burstPrefix; i++) prefix.push(await screenVerification(t.db, key, { petitionId: p.id, ip: `198.19.0.${i}`, phone: `+97695${String(i).padStart(6, '0')}`, now }));
    expect(prefix.findIndex((v) => v.flags.includes('burst_prefix'))).toBe(LIMITS.burstPrefix - 1);
    expect(prefix[0]!.hint).toBe('9500****');

    const disposable = await screenVerification(t.db, key, { petitionId: p.id, ip: '203.0.113.1', email: 'x@mailinator.com', now });
    expect(disposable.flags).toEqual(['disposable']);
  });

  it('never keep the address itself, only a keyed hash', async () => {
    const p = await openPetition();
    await screenVerification(t.db, key, { petitionId: p.id, ip: '192.0.2.55', email: 'a@example.mn', now: t.clock.now() });
    const keys = (await t.db.selectFrom('petition_verification_attempt').select('key').where('petition_id', '=', p.id).execute()).map((r) => r.key);
    expect(keys.some((k) => k.includes('192.0.2.55'))).toBe(false);
    expect(keys.filter((k) => k.startsWith('ip:'))).toHaveLength(1);
  });
});
