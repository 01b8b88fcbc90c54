import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.js';
import { WebClient } from '../../test/support/client.js';
import { signIn } from '../../test/support/factories.js';
import { findPersonalData } from '../shared/personal-data.js';
import { hashPassword } from '../modules/accounts/passwords.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, databaseState, seedDemoData, type DemoSeedResult } from './index.js';
import { demoOnStart } from './start.js';

/**
 * The demo dataset on a real database: every role can sign in, the items cover every
 * state and event, the public record holds no personal data, the public pages show it,
 * and it is loaded once, whole or not at all.
 */

let t: TestApp;
let result: DemoSeedResult;

beforeAll(async () => {
  t = await createTestApp();
  result = await seedDemoData(t.db, { now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });
}, 180_000);

afterAll(async () => {
  await t.close();
});

async function rows<T>(query: string): Promise<T[]> {
  return (await sql.raw<T>(query).execute(t.db)).rows;
}

async function count(query: string): Promise<number> {
  return Number((await rows<{ n: number }>(query))[0]!.n);
}

const OPEN = `status IN ('received', 'assigned', 'in_progress')`;

describe('the demo dataset', () => {
  it('is loaded, with its summary', () => {
    expect(result.status).toBe('seeded');
    if (result.status !== 'seeded') return;
    expect(result.summary.items).toBe(360);
    expect(result.summary.bodies.bodies).toBe(66);
    expect(result.summary.accounts).toBe(DEMO_ACCOUNTS.length);
    expect(result.summary.publicEvents).toBeGreaterThan(1500);
    expect(result.summary.refused).toEqual([]);
  });

  it('has an account for every role, and each signs in with the demo password and reaches its pages', async () => {
    const pages: Record<string, string> = {
      citizen: '/account',
      operator: '/operator',
      staff: '/inbox',
      bodyAdmin: '/bodies/bayanzurkh-district-governors-office/manage',
      ruralStaff: '/inbox',
      moderator: '/moderation',
      admin: '/admin',
      cso: '/account',
    };
    for (const account of DEMO_ACCOUNTS) {
      const client = new WebClient(t.app);
      await signIn(client, account.email, DEMO_PASSWORD);
      const page = await client.get(pages[account.key]!);
      expect(page.statusCode, `${account.key} at ${pages[account.key]}`).toBe(200);
      expect((await client.get('/account')).body).toContain(account.displayName);
    }
    const roles = await rows<{ email: string; role: string }>(`SELECT email, role::text FROM account JOIN account_platform_role ON account_id = id ORDER BY email`);
    expect(roles).toEqual([
      { email: 'admin@demo.irgen.mn', role: 'platform_admin' },
      { email: 'moderator@demo.irgen.mn', role: 'moderator' },
      { email: 'operator@demo.irgen.mn', role: 'operator' },
    ]);
    const memberships = await rows<{ email: string; slug: string; role: string }>(`
      SELECT a.email, o.slug, m.role::text FROM membership m JOIN account a ON a.id = m.account_id JOIN organisation o ON o.id = m.organisation_id
      WHERE a.email NOT LIKE '%-%@demo.irgen.mn' ORDER BY a.email`);
    expect(memberships).toEqual([
      { email: 'admin.bayanzurkh@demo.irgen.mn', slug: 'bayanzurkh-district-governors-office', role: 'admin' },
      { email: 'cso@demo.irgen.mn', slug: 'open-society-forum', role: 'member' },
      { email: 'operator@demo.irgen.mn', slug: '11-11-centre', role: 'member' },
      { email: 'staff.arvaikheer@demo.irgen.mn', slug: 'ovorkhangai-arvaikheer-soum-governors-office', role: 'member' },
      { email: 'staff.bayanzurkh@demo.irgen.mn', slug: 'bayanzurkh-district-governors-office', role: 'member' },
    ]);
    expect(await count(`SELECT count(*) AS n FROM account WHERE email_verified_at IS NULL`)).toBe(0);
    // The banner's example of another body's staff works too.
    const other = new WebClient(t.app);
    await signIn(other, 'songinokhairkhan-district-governors-office@demo.irgen.mn', DEMO_PASSWORD);
    expect((await other.get('/inbox')).statusCode).toBe(200);
  });

  it('spreads a few hundred items over fourteen months, every kind, channel, category and much of Mongolia', async () => {
    const now = t.clock.now().getTime();
    const span = (await rows<{ first: Date; last: Date }>(`SELECT min(received_at) AS first, max(received_at) AS last FROM feedback_item`))[0]!;
    expect(now - span.first.getTime()).toBeGreaterThan(380 * 86_400_000);
    expect(span.last.getTime()).toBeLessThanOrEqual(now);
    expect(await count(`SELECT count(DISTINCT date_trunc('month', received_at)) AS n FROM feedback_item`)).toBeGreaterThanOrEqual(14);

    const kinds = Object.fromEntries((await rows<{ kind: string; n: number }>(`SELECT kind::text, count(*)::int AS n FROM feedback_item GROUP BY 1`)).map((r) => [r.kind, r.n]));
    expect(Object.keys(kinds).sort()).toEqual(['complaint', 'criticism', 'praise', 'request', 'suggestion']);
    expect(kinds.complaint).toBe(Math.max(...Object.values(kinds)));
    expect(kinds.complaint! / 360).toBeLessThan(0.75);
    for (const kind of ['request', 'suggestion', 'criticism', 'praise']) expect(kinds[kind], kind).toBeGreaterThanOrEqual(8);

    const english = await count(`SELECT count(*) AS n FROM feedback_item WHERE language = 'en'`);
    expect(english / 360).toBeGreaterThan(0.06);
    expect(english / 360).toBeLessThan(0.3);
    const channels = Object.fromEntries((await rows<{ channel: string; n: number }>(`SELECT channel::text, count(*)::int AS n FROM feedback_item GROUP BY 1`)).map((r) => [r.channel, r.n]));
    for (const channel of ['web', 'operator', 'open311']) expect(channels[channel], channel).toBeGreaterThan(15);
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE channel = 'operator' AND operator_id IS NULL`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE channel = 'open311' AND api_client_id IS NULL`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE submitter_id IS NOT NULL`)).toBeGreaterThanOrEqual(3);

    expect(await count(`SELECT count(*) AS n FROM category WHERE id NOT IN (SELECT category_id FROM feedback_item)`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE place_code LIKE '11%'`) / 360).toBeGreaterThan(0.45);
    expect(await count(`SELECT count(DISTINCT left(place_code, 2)) AS n FROM feedback_item`)).toBeGreaterThanOrEqual(10);
    expect(await count(`SELECT count(DISTINCT left(place_code, 4)) AS n FROM feedback_item WHERE place_code NOT LIKE '11%'`)).toBeGreaterThanOrEqual(15);
  });

  it('has items in every state of the lifecycle, open and overdue ones too, and every kind of history', async () => {
    const statuses = Object.fromEntries((await rows<{ status: string; n: number }>(`SELECT status::text, count(*)::int AS n FROM feedback_item GROUP BY 1`)).map((r) => [r.status, r.n]));
    for (const status of ['received', 'assigned', 'in_progress', 'answered', 'closed']) expect(statuses[status], status).toBeGreaterThanOrEqual(3);
    expect(statuses.closed! / 360).toBeGreaterThan(0.5);
    const at = `'${t.clock.now().toISOString()}'::timestamptz`;
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE ${OPEN} AND due_at < ${at}`)).toBeGreaterThanOrEqual(15);
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE ${OPEN} AND due_at >= ${at}`)).toBeGreaterThanOrEqual(15);

    const enumTypes = await rows<{ type: string }>(`SELECT unnest(enum_range(NULL::feedback_event_type))::text AS type`);
    const seen = new Set((await rows<{ type: string }>(`SELECT DISTINCT type::text FROM feedback_event`)).map((r) => r.type));
    for (const { type } of enumTypes) expect(seen.has(type), `a "${type}" event`).toBe(true);
    const publicTypes = new Set((await rows<{ type: string }>(`SELECT DISTINCT type FROM public_event`)).map((r) => r.type));
    for (const type of ['received', 'assigned', 'started', 'forwarded', 'extended', 'answered', 'rated', 'reopened', 'escalated', 'closed', 'published', 'withheld', 'statistics_published']) {
      expect(publicTypes.has(`feedback.${type}`), `a public feedback.${type} event`).toBe(true);
    }

    // Answered on time and late; extended, forwarded and rejected with reasons; rated both ways; closed by the nightly job.
    expect(await count(`SELECT count(*) AS n FROM feedback_event WHERE type = 'answered' AND (data->>'on_time')::boolean`)).toBeGreaterThan(100);
    expect(await count(`SELECT count(*) AS n FROM feedback_event WHERE type = 'answered' AND NOT (data->>'on_time')::boolean`)).toBeGreaterThan(15);
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE extended_at IS NOT NULL AND length(extension_reason) > 20`)).toBeGreaterThan(5);
    expect(await count(`SELECT count(*) AS n FROM feedback_event WHERE type = 'forwarded' AND length(text) > 20 AND to_body_id IS NOT NULL`)).toBeGreaterThan(5);
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE resolution = 'rejected' AND length(answer_text) > 20`)).toBeGreaterThan(5);
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE satisfaction = 'satisfied'`)).toBeGreaterThan(50);
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE satisfaction = 'unsatisfied'`)).toBeGreaterThan(10);
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE reopened_at IS NOT NULL`)).toBeGreaterThan(3);
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE escalated_at IS NOT NULL`)).toBeGreaterThan(5);
    expect(await count(`SELECT count(*) AS n FROM feedback_event WHERE type = 'closed' AND data->>'automatic' = 'true'`)).toBeGreaterThan(30);
    // Every step happened in order, none after "now".
    expect(await count(`SELECT count(*) AS n FROM feedback_event WHERE at > ${at}`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM feedback_event e JOIN feedback_item i ON i.id = e.item_id WHERE e.at < i.received_at`)).toBe(0);
  });

  it('is about 60% public: published with a moderated summary, a few withheld or waiting, the rest private', async () => {
    const publication = Object.fromEntries((await rows<{ p: string; n: number }>(`SELECT publication::text AS p, count(*)::int AS n FROM feedback_item GROUP BY 1`)).map((r) => [r.p, r.n]));
    const wanted = (publication.published ?? 0) + (publication.withheld ?? 0) + (publication.pending ?? 0);
    expect(wanted / 360).toBeGreaterThan(0.5);
    expect(wanted / 360).toBeLessThan(0.7);
    expect(publication.withheld).toBeGreaterThanOrEqual(2);
    expect(publication.pending).toBeGreaterThanOrEqual(1);
    // Where the sender wrote personal details, the published summary leaves them out.
    expect(await count(`SELECT count(*) AS n FROM feedback_item WHERE publication = 'published' AND public_summary <> description`)).toBeGreaterThan(10);
    const summaries = await rows<{ public_summary: string }>(`SELECT public_summary FROM feedback_item WHERE publication = 'published'`);
    for (const { public_summary } of summaries) expect(findPersonalData(public_summary).filter((s) => s.kind)).toEqual([]);
  });

  it('puts no personal data in the public record', async () => {
    const record = (await rows<{ payload: unknown; subject: string }>(`SELECT payload, subject FROM public_event`)).map((r) => `${r.subject} ${JSON.stringify(r.payload)}`).join('\n');
    const contacts = await rows<{ name: string | null; email: string | null; phone: string | null }>(`SELECT name, email, phone FROM feedback_contact`);
    expect(contacts.length).toBeGreaterThan(50);
    for (const c of contacts) {
      for (const value of [c.name, c.email, c.phone?.replace('+976', '')]) if (value) expect(record).not.toContain(value);
    }
    const people = await rows<{ email: string; display_name: string }>(`SELECT email, display_name FROM account`);
    for (const p of people) {
      expect(record).not.toContain(p.email);
      expect(record).not.toContain(p.display_name);
    }
    expect(record).not.toMatch(/8800[ -]?\d{4}/);
    expect(record).not.toMatch(/@example\.mn/);
    // Nothing a sender wrote is public unless a moderator published it.
    expect(
      await count(`SELECT count(*) AS n FROM public_event e JOIN feedback_item i ON e.subject = 'feedback/' || i.code WHERE e.type = 'feedback.published' AND i.publication <> 'published'`),
    ).toBe(0);
  });

  it('tells a story on the responsiveness page: some bodies answer on time, others fall behind', async () => {
    const at = `'${t.clock.now().toISOString()}'::timestamptz`;
    const figures = await rows<{ slug: string; on_time: number; overdue: number }>(`
      SELECT o.slug,
        count(*) FILTER (WHERE answered_at <= due_at)::float / nullif(count(answered_at), 0) AS on_time,
        count(*) FILTER (WHERE ${OPEN} AND due_at < ${at})::int AS overdue
      FROM feedback_item f JOIN organisation o ON o.id = f.body_id GROUP BY o.slug`);
    const of = (slug: string) => figures.find((f) => f.slug === slug)!;
    expect(of('bayanzurkh-district-governors-office').on_time - of('songinokhairkhan-district-governors-office').on_time).toBeGreaterThan(0.2);
    expect(of('songinokhairkhan-district-governors-office').overdue).toBeGreaterThan(of('bayanzurkh-district-governors-office').overdue + 3);
    // The monthly figures are in the public record, month by month.
    expect(await count(`SELECT count(DISTINCT payload->>'month') AS n FROM public_event WHERE type = 'feedback.statistics_published'`)).toBeGreaterThanOrEqual(13);
  });

  it('shows on the public pages', async () => {
    const newest = (await rows<{ code: string; public_title: string }>(`
      SELECT code, public_title FROM feedback_item WHERE publication = 'published' AND language = 'mn' AND public_title !~ '["''<>&]'
      ORDER BY received_at DESC LIMIT 1`))[0]!;
    const list = await t.app.inject('/feedback');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(newest.public_title);
    const item = await t.app.inject(`/feedback/${newest.code}`);
    expect(item.statusCode).toBe(200);
    expect(item.body).toContain(newest.public_title);
    const responsiveness = await t.app.inject('/responsiveness');
    expect(responsiveness.statusCode).toBe(200);
    expect(responsiveness.body).toContain('Баянзүрх дүүргийн Засаг даргын Тамгын газар');
    expect(responsiveness.body).toContain('Сонгинохайрхан дүүргийн Засаг даргын Тамгын газар');
    const bodies = await t.app.inject('/bodies');
    expect(bodies.statusCode).toBe(200);
    expect(bodies.body).toContain('Засгийн газрын 11-11 төв');
  });

  it('queues no email for the made-up senders', async () => {
    expect(await count(`SELECT count(*) AS n FROM graphile_worker.jobs WHERE task_identifier = 'send_email'`)).toBe(0);
  });

  it('is never loaded twice', async () => {
    const before = await rows<{ items: number; accounts: number; events: number }>(
      `SELECT (SELECT count(*) FROM feedback_item)::int AS items, (SELECT count(*) FROM account)::int AS accounts, (SELECT count(*) FROM public_event)::int AS events`,
    );
    const again = await seedDemoData(t.db, { now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });
    expect(again).toEqual({ status: 'skipped', reason: 'has_feedback' });
    const fromCli = await seedDemoData(t.db, { now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets, when: 'no_feedback' });
    expect(fromCli).toEqual({ status: 'skipped', reason: 'has_feedback' });
    const banner = await demoOnStart(t.db, { load: true, now: t.clock.now(), publicUrl: 'http://irgen.test', secrets: t.secrets, log: () => {} });
    for (const account of DEMO_ACCOUNTS) expect(banner).toContain(account.email);
    const after = await rows(`SELECT (SELECT count(*) FROM feedback_item)::int AS items, (SELECT count(*) FROM account)::int AS accounts, (SELECT count(*) FROM public_event)::int AS events`);
    expect(after).toEqual(before);
  });
});

describe('loading on start', () => {
  it('keeps nothing when it fails half-way, loads on the next try, and prints only the accounts that still have the demo password', { timeout: 180_000 }, async () => {
    // Another time of year than the other tests, so the calendar plays out differently.
    const t2 = await createTestApp({ now: '2026-08-31T10:00:00Z' });
    try {
      const failing = seedDemoData(t2.db, {
        now: t2.clock.now(),
        publicUrl: 'http://irgen.test',
        secrets: t2.secrets,
        items: 40,
        onProgress: (done) => {
          if (done === 25) throw new Error('the power went out');
        },
      });
      await expect(failing).rejects.toThrow('the power went out');
      expect(await databaseState(t2.db)).toEqual({ bodies: false, feedback: false });
      const left = await sql<{ accounts: number; events: number; jobs: number }>`
        SELECT (SELECT count(*) FROM account)::int AS accounts, (SELECT count(*) FROM public_event)::int AS events, (SELECT count(*) FROM graphile_worker.jobs)::int AS jobs`.execute(t2.db);
      expect(left.rows[0]).toEqual({ accounts: 0, events: 0, jobs: 0 });

      const logs: string[] = [];
      const banner = await demoOnStart(t2.db, { load: true, now: t2.clock.now(), publicUrl: 'http://irgen.test', secrets: t2.secrets, log: (m) => logs.push(m) });
      expect(logs.join('\n')).toMatch(/Demo dataset loaded in [\d.]+ s: 66 public bodies/);
      expect(banner).toContain('http://irgen.test/account/sign-in');
      expect(banner).toContain(DEMO_PASSWORD);
      expect(await databaseState(t2.db)).toEqual({ bodies: true, feedback: true });

      // Someone changed the moderator's password: it is no longer printed.
      await t2.db.updateTable('account').set({ password_hash: await hashPassword('a password only she knows') }).where('email', '=', 'moderator@demo.irgen.mn').execute();
      const later = await demoOnStart(t2.db, { load: true, now: t2.clock.now(), publicUrl: 'http://irgen.test', secrets: t2.secrets, log: (m) => logs.push(m) });
      expect(later).not.toContain('moderator@demo.irgen.mn');
      expect(later).toContain('citizen@demo.irgen.mn');
      expect(logs.filter((l) => l.includes('loading the demo dataset'))).toHaveLength(1);
    } finally {
      await t2.close();
    }
  });

  it('prints nothing and loads nothing with DEMO_DATA=false on an empty database', async () => {
    const t3 = await createTestApp();
    try {
      expect(await demoOnStart(t3.db, { load: false, now: t3.clock.now(), publicUrl: 'http://irgen.test', secrets: t3.secrets, log: () => {} })).toBeNull();
      expect(await databaseState(t3.db)).toEqual({ bodies: false, feedback: false });
    } finally {
      await t3.close();
    }
  });
});
