import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.js';
import type { Database } from '../../shared/db/database.js';
import { placeCatalogue } from './catalogue.js';
import { childrenOf, firstLevelPlaces, getPlace, getPlaceDetail, getPlaceWithAncestors, placePath, placeSearchQuery, searchPlaces } from './queries.js';

let database: Database & { drop(): Promise<void> };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.drop());

describe('the place table', () => {
  it('holds all 2,170 units with 22 at the first level, one of them the capital', async () => {
    const rows = await database.db.selectFrom('place').select(['code', 'parent_code', 'level', 'kind']).execute();
    expect(rows).toHaveLength(2170);
    expect(rows.filter((r) => r.level === 1)).toHaveLength(22);
    expect(rows.filter((r) => r.kind === 'capital').map((r) => r.code)).toEqual(['11']);
  });

  it('is a consistent hierarchy: each parent exists one level up, its code a prefix, its kind the right one', async () => {
    const rows = await database.db.selectFrom('place').selectAll().execute();
    const byCode = new Map(rows.map((r) => [r.code, r]));
    const allowed: Record<string, string[]> = { capital: ['duureg'], aimag: ['soum'], duureg: ['khoroo'], soum: ['bagh'], khoroo: [], bagh: [] };
    const problems: string[] = [];
    for (const row of rows) {
      if (row.level === 1) {
        if (row.parent_code !== null || !['capital', 'aimag'].includes(row.kind)) problems.push(row.code);
        continue;
      }
      const parent = byCode.get(row.parent_code ?? '');
      if (!parent || parent.level !== row.level - 1 || !row.code.startsWith(parent.code) || row.code.length !== row.level * 2 || !allowed[parent.kind]!.includes(row.kind)) problems.push(row.code);
    }
    expect(problems).toEqual([]);
    // Every aimag and düüreg has units inside it; names are filled in both languages.
    for (const row of rows.filter((r) => r.level < 3 && r.kind !== 'soum')) expect(rows.some((c) => c.parent_code === row.code), row.code).toBe(true);
    expect(rows.filter((r) => !r.name_mn.trim() || !r.name_en.trim() || !r.search_text.trim())).toEqual([]);
  });

  it('matches the in-memory catalogue the picker uses', async () => {
    const rows = await database.db.selectFrom('place').select(['code', 'parent_code', 'level', 'kind', 'name_mn', 'name_en']).execute();
    const catalogue = placeCatalogue();
    expect(catalogue.size).toBe(rows.length);
    for (const row of rows) expect(catalogue.get(row.code), row.code).toEqual(row);
  });
});

describe('place queries', () => {
  it('gets a place with its ancestors for breadcrumbs', async () => {
    const found = await getPlaceWithAncestors(database.db, '111059');
    expect(found?.place.name_mn).toBe('5-р хороо');
    expect(found?.place.name_en).toBe('Khoroo 5');
    expect(found?.ancestors.map((a) => a.name_mn)).toEqual(['Улаанбаатар', 'Баянзүрх']);
    expect((await placePath(database.db, '111059')).map((p) => p.code)).toEqual(['11', '1110', '111059']);
    expect(await getPlaceWithAncestors(database.db, '119999')).toBeUndefined();
    expect(await getPlaceWithAncestors(database.db, 'nonsense')).toBeUndefined();
    expect(await getPlace(database.db, '46')).toMatchObject({ name_mn: 'Өмнөговь', name_en: 'Ömnögovi', kind: 'aimag', level: 1, parent_code: null });
  });

  it('lists children in display order', async () => {
    const khoroos = await childrenOf(database.db, '1110');
    expect(khoroos.slice(0, 3).map((k) => k.name_mn)).toEqual(['1-р хороо', '2-р хороо', '3-р хороо']);
    expect(khoroos.at(-1)?.name_mn).toBe('28-р хороо');
    const soums = await childrenOf(database.db, '46');
    expect(soums.map((s) => s.name_mn).slice(0, 3)).toEqual(['Баян-Овоо', 'Баяндалай', 'Булган']);
    expect(await childrenOf(database.db, '111059')).toEqual([]);
  });

  it('lists the 22 first-level units, the capital first', async () => {
    const places = await firstLevelPlaces(database.db);
    expect(places).toHaveLength(22);
    expect(places[0]?.code).toBe('11');
    expect((await firstLevelPlaces(database.db, 'en'))[0]?.name_en).toBe('Ulaanbaatar');
  });

  it('gives a place detail with ancestors and children', async () => {
    const detail = await getPlaceDetail(database.db, '4601');
    expect(detail?.place.name_mn).toBe('Даланзадгад');
    expect(detail?.ancestors.map((a) => a.code)).toEqual(['46']);
    expect(detail?.children[0]?.name_mn).toBe('1-р баг, Баруунсайхан');
  });
});

describe('place search', () => {
  const codes = async (q: string, limit?: number) => (await searchPlaces(database.db, q, { limit })).map((h) => h.code);

  it('finds a düüreg by its Mongolian name, best match first, with its path', async () => {
    const hits = await searchPlaces(database.db, 'Баянзүрх');
    expect(hits[0]?.code).toBe('1110');
    expect(hits[0]?.path.map((p) => p.name_mn)).toEqual(['Улаанбаатар', 'Баянзүрх']);
    // The soum of the same name in Khövsgöl comes next, before baghs of that name.
    expect(hits[1]?.code).toBe('6710');
    expect(hits[1]?.path.map((p) => p.name_mn)).toEqual(['Хөвсгөл', 'Баянзүрх']);
  });

  it.each([
    ['bayanzurkh', '1110'],
    ['Bayanzürkh', '1110'],
    ['BAYANZURKH', '1110'],
    ['Bayanz', '1110'],
    ['khovd', '84'],
    ['Ховд', '84'],
    ['hovd', '84'],
    ['umnugovi', '46'],
    ['Ömnögovi', '46'],
    ['omnogobi', '46'],
    ['Өмнөговь', '46'],
    ['Dalanzadgad', '4601'],
    ['даланзад', '4601'],
    ['Khuvsgul', '67'],
    ['Ulaanbaatar', '11'],
    ['Ulanbator', '11'],
    ['darkhan uul', '45'],
    ['Bayan-Ölgii', '83'],
  ])('"%s" finds %s first', async (q, code) => {
    expect((await codes(q))[0]).toBe(code);
  });

  it('finds a numbered khoroo in either script, each hit with its full path', async () => {
    const fifth = placeCatalogue()
      .children('11')
      .flatMap((d) => placeCatalogue().children(d.code))
      .filter((k) => k.name_mn === '5-р хороо');
    expect(fifth.length).toBeGreaterThan(5);
    const hits = await searchPlaces(database.db, '5-р хороо', { limit: fifth.length });
    expect(hits.map((h) => h.code).sort()).toEqual(fifth.map((k) => k.code).sort());
    expect(hits.every((h) => h.path.length === 3 && h.path[0]!.code === '11' && h.path[2]!.code === h.code)).toBe(true);
    expect(await codes('khoroo 5', 50)).toContain('111059');
  });

  it('returns nothing for nonsense, punctuation or an empty query', async () => {
    expect(await codes('qzxwvj')).toEqual([]);
    expect(await codes('zzzzzzzz')).toEqual([]);
    expect(await codes('   ')).toEqual([]);
    expect(await codes('%_\\')).toEqual([]);
    expect(await codes("'; DROP TABLE place; --")).toEqual([]);
  });

  it('can be served by the trigram index', async () => {
    // The table is small enough that the planner prefers a scan; forbid it to see that the index fits.
    const plan = await database.db.connection().execute(async (conn) => {
      await sql`SET enable_seqscan = off`.execute(conn);
      try {
        return (await placeSearchQuery(conn, 'bayanzurkh', 10).explain()).map((row) => Object.values(row).join(' ')).join('\n');
      } finally {
        await sql`RESET enable_seqscan`.execute(conn);
      }
    });
    expect(plan).toContain('place_search_trgm_idx');
  });

  it('respects the limit', async () => {
    expect(await codes('баг', 3)).toHaveLength(3);
    expect((await codes('баг', 500)).length).toBeLessThanOrEqual(50);
  });
});
