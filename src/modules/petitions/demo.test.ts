import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { seedDemoData } from '../../demo/index.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.db, { now: t.clock.now(), publicUrl: t.config.publicUrl, secrets: t.secrets });
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('demo petitions', () => {
  it('has petitions in every stage, one answered late, with exact counts', async () => {
    const rows = await t.db.selectFrom('petition').select(['id', 'state']).execute();
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['open', 'closed', 'moderation', 'collecting', 'rejected']));
    const late = await t.db.selectFrom('petition_response').select('on_time').where('kind', '=', 'response').execute();
    expect(late.map((r) => r.on_time).sort()).toEqual([false, true]);
    const { rows: counts } = await sql<{ id: number; stored: number; counted: number; places: number }>`
      SELECT p.id, (SELECT count(*) FROM petition_signature s WHERE s.petition_id = p.id) AS stored,
             (SELECT coalesce(sum(votes), 0) FROM petition_count c WHERE c.petition_id = p.id) AS counted,
             (SELECT coalesce(sum(votes), 0) FROM petition_place_count c WHERE c.petition_id = p.id) AS places
      FROM petition p`.execute(t.db);
    for (const c of counts) expect([Number(c.counted), Number(c.places)]).toEqual([Number(c.stored), Number(c.stored)]);
    const reached = await t.db.selectFrom('petition_step').select('consequence').where('reached_at', 'is not', null).where('counts', '=', 'votes').execute();
    expect(reached.map((r) => r.consequence)).toContain('working_group');
  });

  it('shows on the public pages: the list, the late answer and the waiting list', async () => {
    const list = await t.app.inject('/petitions');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Агаарын бохирдлыг бууруулах');
    const waiting = await t.app.inject('/petitions/waiting');
    expect(waiting.body).toContain('Агаарын бохирдлыг бууруулах');
    const rejected = await t.db.selectFrom('petition').select('id').where('state', '=', 'rejected').executeTakeFirstOrThrow();
    const page = await t.app.inject(`/petitions/${rejected.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Нэр бүхий багшийг');
  });

  it('keeps an answer given late visible on the body’s page after it was given, in both languages', async () => {
    // The Ministry of Education answered its petition after the due date: it is no longer waiting, but the lateness stays.
    const waiting = await t.app.inject('/api/petitions/waiting');
    expect(JSON.parse(waiting.body).petitions.map((w: { body: { slug: string } }) => w.body.slug)).not.toContain('ministry-of-education');
    const mn = await t.app.inject('/bodies/ministry-of-education');
    expect(mn.statusCode).toBe(200);
    const section = mn.body.slice(mn.body.indexOf('id="petitions-title"'));
    expect(section).toContain('Хугацаа хэтрүүлж өгсөн 1 хариу');
    expect(section).toContain('Хугацаа хэтрүүлж хариулсан');
    const en = await t.app.inject({ url: '/bodies/ministry-of-education', headers: { cookie: 'lang=en' } });
    const enSection = en.body.slice(en.body.indexOf('id="petitions-title"'));
    expect(enSection).toContain('1 answer given late');
    expect(enSection).toContain('Answered late');
    // A body that answered on time shows no such tag.
    const onTime = await t.app.inject({ url: '/bodies/ovorkhangai-aimag-khural', headers: { cookie: 'lang=en' } });
    expect(onTime.body).toContain('id="petitions-title"');
    expect(onTime.body).not.toContain('given late');
  });

  // Last: it moves the clock.
  it('filters the list by late answers like the list API, and refuses a junk filter value with a 400 in the reader’s language', async () => {
    const none = await t.app.inject('/petitions?late=true');
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('Шүүлтүүрт тохирох өргөдөл алга.');
    expect(none.body).toMatch(/name="late" value="true" checked/);
    expect(none.body).toContain('/api/petitions?late=true');
    // Past the parliament petition's working-group due date, it is late; the ministry's late answer was given, so it is not.
    t.clock.advanceDays(40);
    const late = await t.app.inject('/petitions?late=true');
    expect(late.statusCode).toBe(200);
    expect(late.body).toContain('Агаарын бохирдлыг бууруулах');
    expect(late.body).not.toContain('Бага ангийн сурагчдыг');
    const api = JSON.parse((await t.app.inject('/api/petitions?late=true')).body) as { petitions: { title: string }[] };
    expect(api.petitions.map((p) => p.title)).toEqual([expect.stringContaining('Агаарын бохирдлыг бууруулах')]);
    const all = await t.app.inject('/petitions');
    expect(all.body).toContain('Бага ангийн сурагчдыг');
    const junk = await t.app.inject('/petitions?late=maybe');
    expect(junk.statusCode).toBe(400);
    expect(junk.body).toContain('Хариу хоцорсон өргөдлийн шүүлтүүрийг сонгох эсвэл хоосон үлдээнэ үү');
    const junkEn = await t.app.inject({ url: '/petitions?late=maybe', headers: { cookie: 'lang=en' } });
    expect(junkEn.statusCode).toBe(400);
    expect(junkEn.body).toContain('Tick the late-answers filter or leave it empty');
  });
});
