import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../shared/db/database.js';
import { createTestDatabase } from '../../../test/support/database.js';
import { placeAndAncestors } from './queries.js';
import { DEMO_SLUGS, seedDemoBodies } from './demo-data.js';
import { DEMO_BODIES, DEMO_CATEGORIES, DEMO_CSOS, DEMO_ROUTING_RULES } from './demo-reference.js';

let database: Database & { drop(): Promise<void> };
const NOW = new Date('2026-03-02T01:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

/** The body that answers feedback of a category at a place, by the routing rules (most specific place, then category). */
async function routeOf(category: string, place: string): Promise<string | undefined> {
  const row = await database.db
    .selectFrom('routing_rule as r')
    .innerJoin('organisation as o', 'o.id', 'r.body_id')
    .leftJoin('category as c', 'c.id', 'r.category_id')
    .where((eb) => eb.or([eb('r.place_code', 'in', placeAndAncestors(place)), eb('r.place_code', 'is', null)]))
    .where((eb) => eb.or([eb('c.code', '=', category), eb('r.category_id', 'is', null)]))
    .orderBy(sql`length(coalesce(r.place_code, ''))`, 'desc')
    .orderBy(sql`r.category_id IS NULL`)
    .select('o.slug')
    .limit(1)
    .executeTakeFirst();
  return row?.slug;
}

describe('the demo reference dataset', () => {
  it('loads once, and a second run creates nothing new', async () => {
    const first = await seedDemoBodies(database.db, { now: NOW });
    expect(first).toEqual({ categories: DEMO_CATEGORIES.length, bodies: DEMO_BODIES.length, routingRules: DEMO_ROUTING_RULES.length, organisations: DEMO_CSOS.length });
    const count = async () => {
      const tables = ['organisation', 'body', 'body_place', 'body_category', 'category', 'routing_rule', 'public_event'] as const;
      return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, Number((await database.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)])));
    };
    const before = await count();
    const second = await seedDemoBodies(database.db, { now: NOW });
    expect(second).toEqual({ categories: 0, bodies: 0, routingRules: 0, organisations: 0 });
    expect(await count()).toEqual(before);
  });

  it('gives every body a Mongolian name in Cyrillic and an English name in Latin letters, and unique slugs', async () => {
    const slugs = new Set<string>();
    for (const body of DEMO_BODIES) {
      expect(body.nameMn, body.slug).toMatch(/[А-ЯӨҮа-яөү]/);
      expect(body.nameEn, body.slug).toMatch(/^[A-Za-zÖÜöü0-9 ,.’()'-]+$/);
      expect(slugs.has(body.slug), `duplicate ${body.slug}`).toBe(false);
      slugs.add(body.slug);
    }
    const rows = await database.db.selectFrom('organisation').select(['slug', 'name_mn', 'name_en', 'search_text']).execute();
    for (const row of rows) {
      expect(row.name_mn.length).toBeGreaterThanOrEqual(2);
      expect(row.name_en.length).toBeGreaterThanOrEqual(2);
      expect(row.search_text).not.toBe('');
    }
  });

  it('names each governor’s office and khural after the place it governs, at the right level', async () => {
    const places = new Map((await database.db.selectFrom('place').select(['code', 'name_mn', 'kind']).execute()).map((p) => [p.code, p]));
    for (const body of DEMO_BODIES.filter((b) => b.type === 'governor_office' || b.type === 'khural')) {
      const place = places.get(body.place ?? '');
      expect(place, body.slug).toBeDefined();
      if (place!.kind === 'capital') expect(body.nameMn).toMatch(/^Нийслэлийн/);
      else expect(body.nameMn, body.slug).toContain(place!.name_mn.replace(/-р хороо$/, '-р хорооны'));
      const word = { capital: 'Нийслэл', aimag: 'аймгийн', duureg: 'дүүргийн', soum: 'сумын', khoroo: 'хорооны', bagh: 'багийн' }[place!.kind];
      expect(body.nameMn, body.slug).toContain(word);
    }
  });

  it('points every routing rule at an existing body, place and category, with one national fallback to the 11-11 centre', async () => {
    const rules = await database.db
      .selectFrom('routing_rule as r')
      .leftJoin('body as b', 'b.organisation_id', 'r.body_id')
      .leftJoin('place as p', 'p.code', 'r.place_code')
      .leftJoin('category as c', 'c.id', 'r.category_id')
      .select(['r.category_id', 'r.place_code', 'b.organisation_id as body', 'p.code as place', 'c.id as category'])
      .execute();
    expect(rules.length).toBe(DEMO_ROUTING_RULES.length);
    for (const rule of rules) {
      expect(rule.body).not.toBeNull();
      if (rule.place_code !== null) expect(rule.place).toBe(rule.place_code);
      if (rule.category_id !== null) expect(rule.category).toBe(rule.category_id);
    }
    for (const rule of DEMO_ROUTING_RULES) {
      expect(DEMO_BODIES.some((b) => b.slug === rule.body)).toBe(true);
      if (rule.category) expect(DEMO_CATEGORIES.some((c) => c.code === rule.category)).toBe(true);
    }
    const fallback = DEMO_ROUTING_RULES.filter((r) => r.category === null && r.place === null);
    expect(fallback).toEqual([{ category: null, place: null, body: DEMO_SLUGS.hotline }]);
  });

  it('routes like the real administration would', async () => {
    // A khoroo office takes what happens in its khoroo; the city runs buses and water itself.
    expect(await routeOf('waste', '111051')).toBe(DEMO_SLUGS.bayanzurkhKhoroo1);
    expect(await routeOf('public_transport', '111051')).toBe(DEMO_SLUGS.transport);
    expect(await routeOf('water', '111053')).toBe(DEMO_SLUGS.water);
    // Another khoroo of Bayanzürkh without its own office goes to the district.
    expect(await routeOf('roads', '111055')).toBe(DEMO_SLUGS.bayanzurkh);
    // A soum with an office, and a bagh inside it.
    expect(await routeOf('health', '6201')).toBe(DEMO_SLUGS.arvaikheer);
    expect(await routeOf('health', '620151')).toBe(DEMO_SLUGS.arvaikheer);
    // A soum without one goes to its aimag's office.
    expect(await routeOf('education', '2107')).toBe(DEMO_SLUGS.dornod);
    // An aimag with no demo office: land goes to the land agency, everything else to 11-11.
    expect(await routeOf('land', '2301')).toBe(DEMO_SLUGS.landAgency);
    expect(await routeOf('roads', '2301')).toBe(DEMO_SLUGS.hotline);
  });

  it('builds the hierarchy: khoroo → district → capital → Cabinet Secretariat; soum → aimag; ministries → Cabinet Secretariat', async () => {
    const superiorOf = async (slug: string) =>
      (
        await database.db
          .selectFrom('body')
          .innerJoin('organisation as o', 'o.id', 'body.organisation_id')
          .leftJoin('organisation as s', 's.id', 'body.superior_body_id')
          .where('o.slug', '=', slug)
          .select('s.slug as superior')
          .executeTakeFirstOrThrow()
      ).superior;
    expect(await superiorOf(DEMO_SLUGS.bayanzurkhKhoroo1)).toBe(DEMO_SLUGS.bayanzurkh);
    expect(await superiorOf(DEMO_SLUGS.bayanzurkh)).toBe(DEMO_SLUGS.capital);
    expect(await superiorOf(DEMO_SLUGS.capital)).toBe(DEMO_SLUGS.cabinetSecretariat);
    expect(await superiorOf(DEMO_SLUGS.arvaikheer)).toBe('ovorkhangai-aimag-governors-office');
    expect(await superiorOf(DEMO_SLUGS.dornod)).toBe(DEMO_SLUGS.cabinetSecretariat);
    expect(await superiorOf(DEMO_SLUGS.health)).toBe(DEMO_SLUGS.cabinetSecretariat);
    expect(await superiorOf(DEMO_SLUGS.hotline)).toBe(DEMO_SLUGS.cabinetSecretariat);
    expect(await superiorOf('sgk-petitions-committee')).toBe(DEMO_SLUGS.parliament);
    // Every local body serves its own place.
    for (const body of DEMO_BODIES.filter((b) => b.place)) expect(body.serves, body.slug).toContain(body.place);
  });

  it('includes the bodies the brief and the seed reports name', () => {
    const slugs = new Set(DEMO_BODIES.map((b) => b.slug));
    for (const stem of ['bayanzurkh', 'songinokhairkhan', 'chingeltei', 'sukhbaatar', 'khan-uul', 'bayangol']) expect(slugs).toContain(`${stem}-district-governors-office`);
    for (const stem of ['dornod', 'sukhbaatar', 'ovorkhangai', 'selenge', 'omnogovi', 'khovd', 'darkhan-uul', 'tov']) expect(slugs).toContain(`${stem}-aimag-governors-office`);
    for (const slug of ['ovorkhangai-arvaikheer-soum-governors-office', 'dornod-bayandun-soum-governors-office', 'sukhbaatar-dariganga-soum-governors-office']) expect(slugs).toContain(slug);
    for (const code of ['health', 'education', 'roads', 'waste', 'water', 'social_welfare', 'public_transport', 'land']) expect(DEMO_CATEGORIES.map((c) => c.code)).toContain(code);
    expect(DEMO_BODIES.filter((b) => b.type === 'ministry').length).toBeGreaterThanOrEqual(10);
  });
});
