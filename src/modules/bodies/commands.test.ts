import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.js';
import { addMembership, buildAccount, buildBody } from '../../../test/support/factories.js';
import type { Database, Db, Tx } from '../../shared/db/database.js';
import { AppError } from '../../shared/errors.js';
import { createBody, setBodyCategories, setBodyPlaces, setSuperiorBody, updateBody, type BodyInput } from './commands/bodies.js';
import { addMember, changeMemberRole, removeMember } from './commands/membership.js';
import { createCso } from './commands/organisations.js';
import { listOrganisations, membershipTrail } from './queries.js';

let database: Database & { drop(): Promise<void> };
let db: Db;
const NOW = new Date('2026-03-02T01:00:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
  await db
    .insertInto('category')
    .values([
      { code: 'cmd_roads', name_mn: 'Зам', name_en: 'Roads' },
      { code: 'cmd_waste', name_mn: 'Хог', name_en: 'Waste' },
    ])
    .execute();
});
afterAll(async () => database.drop());

/** The field errors of a refused command. */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; status: number; fields: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, status: error.status, fields: Object.fromEntries(error.fields.map((f) => [f.field, f.key])) };
  }
  throw new Error('expected the command to refuse');
}

const input = (overrides: Partial<BodyInput & { slug: string; placesServed: string[] }> = {}) => ({
  slug: `cmd-${Math.random().toString(36).slice(2, 10)}`,
  nameMn: 'Ховд аймгийн Засаг даргын Тамгын газар',
  nameEn: 'Khovd Aimag Governor’s Office',
  type: 'governor_office' as const,
  placeCode: '84',
  superiorSlug: null,
  ...overrides,
});

async function inTx<T>(fn: (t: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

async function superiorSlugOf(bodyId: number): Promise<string | null> {
  const row = await db.selectFrom('body').leftJoin('organisation as s', 's.id', 'body.superior_body_id').where('body.organisation_id', '=', bodyId).select('s.slug').executeTakeFirstOrThrow();
  return row.slug;
}

describe('creating a body', () => {
  it('writes the organisation, the body, its places and search text, and a public event', async () => {
    const data = input({ placesServed: ['84'] });
    const id = await inTx((t) => createBody(t, data, NOW));
    const org = await db.selectFrom('organisation').where('id', '=', id).selectAll().executeTakeFirstOrThrow();
    expect(org).toMatchObject({ kind: 'body', slug: data.slug, name_mn: data.nameMn });
    // Cyrillic, its transliteration, the English name and the aimag's name.
    expect(org.search_text).toContain('ховд');
    expect(org.search_text).toContain('khovd aimgiin');
    expect(org.search_text).toContain('governor');
    const places = await db.selectFrom('body_place').where('body_id', '=', id).select('place_code').execute();
    expect(places).toEqual([{ place_code: '84' }]);
    const events = await db.selectFrom('public_event').where('subject', '=', `body/${data.slug}`).select(['type', 'payload']).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['bodies.body_created', 'bodies.places_changed']);
    expect(events[0]!.payload).toEqual({ slug: data.slug, type: 'governor_office', name_mn: data.nameMn, name_en: data.nameEn, place: '84', superior: null });
  });

  it('refuses a bad slug, a taken slug, an unknown place, superior or served place, all at once, and writes nothing', async () => {
    const taken = await buildBody(db);
    const before = await db.selectFrom('organisation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect((await refusal(inTx((t) => createBody(t, input({ slug: 'Not A Slug' }), NOW)))).fields).toEqual({ slug: 'bodies:errors.slug_format' });
    const refused = await refusal(inTx((t) => createBody(t, input({ slug: taken.slug, placeCode: '99', superiorSlug: 'no-such-body', placesServed: ['84', '9999'] }), NOW)));
    expect(refused).toMatchObject({ code: 'validation_failed', status: 400 });
    expect(refused.fields).toEqual({
      slug: 'bodies:errors.slug_taken',
      place: 'bodies:errors.unknown_place',
      superior: 'bodies:errors.unknown_superior',
      placesServed: 'bodies:errors.unknown_places',
    });
    const after = await db.selectFrom('organisation').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('superior bodies', () => {
  it('sets and changes the superior body', async () => {
    const capital = await buildBody(db, { placeCode: '11' });
    const district = await buildBody(db, { placeCode: '1110', superiorSlug: capital.slug });
    expect(await superiorSlugOf(district.id)).toBe(capital.slug);
    const other = await buildBody(db);
    await inTx((t) => setSuperiorBody(t, district.id, other.slug, NOW));
    expect(await superiorSlugOf(district.id)).toBe(other.slug);
    await inTx((t) => setSuperiorBody(t, district.id, null, NOW));
    expect(await superiorSlugOf(district.id)).toBeNull();
  });

  it('refuses a body as its own superior and any longer loop, leaving the hierarchy as it was', async () => {
    const a = await buildBody(db);
    const b = await buildBody(db, { superiorSlug: a.slug });
    const c = await buildBody(db, { superiorSlug: b.slug });
    for (const [body, superior] of [
      [a, a],
      [a, b],
      [a, c],
    ] as const) {
      const refused = await refusal(inTx((t) => setSuperiorBody(t, body.id, superior.slug, NOW)));
      expect(refused.fields).toEqual({ superior: 'bodies:errors.superior_cycle' });
    }
    expect(await superiorSlugOf(a.id)).toBeNull();
    expect(await superiorSlugOf(c.id)).toBe(b.slug);
  });

  it('is protected by the database too: a hand-written UPDATE cannot close a loop', async () => {
    const a = await buildBody(db);
    const b = await buildBody(db, { superiorSlug: a.slug });
    await expect(sql`UPDATE body SET superior_body_id = ${b.id} WHERE organisation_id = ${a.id}`.execute(db)).rejects.toThrow(/own superior/);
  });

  it('records an update in the public record only when something public changed', async () => {
    const body = await buildBody(db);
    const data = { nameMn: body.nameMn, nameEn: body.nameEn, type: 'governor_office' as const, placeCode: null, superiorSlug: null };
    const events = () => db.selectFrom('public_event').where('subject', '=', `body/${body.slug}`).where('type', '=', 'bodies.body_updated').select('payload').execute();
    await inTx((t) => updateBody(t, body.id, { ...data, website: 'https://example.mn' }, NOW));
    expect(await events()).toHaveLength(0);
    await inTx((t) => updateBody(t, body.id, { ...data, nameEn: 'Renamed body' }, NOW));
    expect((await events()).map((e) => (e.payload as { name_en: string }).name_en)).toEqual(['Renamed body']);
  });
});

describe('places served and categories handled', () => {
  it('replaces the places served, refusing unknown codes and too many', async () => {
    const body = await buildBody(db);
    await inTx((t) => setBodyPlaces(t, body.id, ['2104', '2101', '2101'], NOW));
    expect((await db.selectFrom('body_place').where('body_id', '=', body.id).select('place_code').orderBy('place_code').execute()).map((r) => r.place_code)).toEqual(['2101', '2104']);
    expect((await refusal(inTx((t) => setBodyPlaces(t, body.id, ['2101', '0000'], NOW)))).fields).toEqual({ placesServed: 'bodies:errors.unknown_places' });
    const many = (await db.selectFrom('place').where('level', '=', 2).select('code').limit(61).execute()).map((p) => p.code);
    expect((await refusal(inTx((t) => setBodyPlaces(t, body.id, many, NOW)))).fields).toEqual({ placesServed: 'bodies:errors.too_many_places' });
    await inTx((t) => setBodyPlaces(t, body.id, [], NOW));
    expect(await db.selectFrom('body_place').where('body_id', '=', body.id).select('place_code').execute()).toEqual([]);
  });

  it('replaces the categories handled and records the change once', async () => {
    const body = await buildBody(db);
    await inTx((t) => setBodyCategories(t, body.id, ['cmd_waste', 'cmd_roads'], NOW));
    await inTx((t) => setBodyCategories(t, body.id, ['cmd_roads', 'cmd_waste'], NOW));
    const events = await db.selectFrom('public_event').where('subject', '=', `body/${body.slug}`).where('type', '=', 'bodies.categories_changed').select('payload').execute();
    expect(events.map((e) => e.payload)).toEqual([{ slug: body.slug, categories: ['cmd_roads', 'cmd_waste'] }]);
    expect((await refusal(inTx((t) => setBodyCategories(t, body.id, ['cmd_roads', 'no_such'], NOW)))).fields).toEqual({ category: 'bodies:errors.unknown_category' });
    expect(await db.selectFrom('body_category').where('body_id', '=', body.id).select('category_id').execute()).toHaveLength(2);
  });
});

describe('staff of a body', () => {
  it('adds an existing account by email, changes roles, removes, and keeps a private trail', async () => {
    const body = await buildBody(db);
    const admin = await buildAccount(db);
    await addMembership(db, admin.id, body.id, 'admin');
    const colleague = await buildAccount(db, { email: 'Colleague.' + Math.random().toString(36).slice(2, 8) + '@Example.mn' });
    const ctx = { organisationId: body.id, by: admin.id, now: NOW };
    const id = await inTx((t) => addMember(t, { ...ctx, email: `  ${colleague.email.toUpperCase()} `, role: 'member' }));
    expect(id).toBe(colleague.id);
    await inTx((t) => changeMemberRole(t, { ...ctx, accountId: colleague.id, role: 'admin' }));
    await inTx((t) => changeMemberRole(t, { ...ctx, accountId: admin.id, role: 'member' }));
    await inTx((t) => removeMember(t, { ...ctx, accountId: admin.id }));
    const staff = await db.selectFrom('membership').where('organisation_id', '=', body.id).select(['account_id', 'role']).execute();
    expect(staff).toEqual([{ account_id: colleague.id, role: 'admin' }]);
    expect((await membershipTrail(db, body.id)).map((c) => [c.accountId, c.action, c.previousRole, c.role, c.changedBy])).toEqual([
      [colleague.id, 'added', null, 'member', admin.id],
      [colleague.id, 'role_changed', 'member', 'admin', admin.id],
      [admin.id, 'role_changed', 'admin', 'member', admin.id],
      [admin.id, 'removed', 'member', null, admin.id],
    ]);
    // Staff changes are private: nothing about them in the public record.
    const events = await db.selectFrom('public_event').where('subject', '=', `body/${body.slug}`).select('type').execute();
    expect(events.map((e) => e.type)).toEqual(['bodies.body_created']);
  });

  it('says when there is no account with the email, or the person is already on the staff', async () => {
    const body = await buildBody(db);
    const member = await buildAccount(db);
    await addMembership(db, member.id, body.id);
    const ctx = { organisationId: body.id, by: null, now: NOW };
    expect((await refusal(inTx((t) => addMember(t, { ...ctx, email: 'nobody-here@example.mn', role: 'member' })))).fields).toEqual({ email: 'bodies:errors.no_account' });
    expect((await refusal(inTx((t) => addMember(t, { ...ctx, email: member.email, role: 'admin' })))).fields).toEqual({ email: 'bodies:errors.already_member' });
    const disabled = await buildAccount(db, { disabled: true });
    expect((await refusal(inTx((t) => addMember(t, { ...ctx, email: disabled.email, role: 'member' })))).fields).toEqual({ email: 'bodies:errors.no_account' });
  });

  it('never removes or demotes the last admin', async () => {
    const body = await buildBody(db);
    const admin = await buildAccount(db);
    const member = await buildAccount(db);
    await addMembership(db, admin.id, body.id, 'admin');
    await addMembership(db, member.id, body.id, 'member');
    const ctx = { organisationId: body.id, by: admin.id, now: NOW };
    const demote = await refusal(inTx((t) => changeMemberRole(t, { ...ctx, accountId: admin.id, role: 'member' })));
    expect(demote).toMatchObject({ code: 'bodies.last_admin', status: 409, fields: { staff: 'bodies:errors.last_admin' } });
    expect((await refusal(inTx((t) => removeMember(t, { ...ctx, accountId: admin.id })))).code).toBe('bodies.last_admin');
    // Plain staff can always be removed.
    await inTx((t) => removeMember(t, { ...ctx, accountId: member.id }));
    expect((await refusal(inTx((t) => removeMember(t, { ...ctx, accountId: member.id })))).code).toBe('bodies.not_member');
    expect(await db.selectFrom('membership').where('organisation_id', '=', body.id).select(['account_id', 'role']).execute()).toEqual([{ account_id: admin.id, role: 'admin' }]);
  });

  it('keeps the trail append-only', async () => {
    await expect(sql`UPDATE membership_change SET action = 'added'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM membership_change`.execute(db)).rejects.toThrow(/append-only/);
  });
});

describe('civil-society organisations', () => {
  it('registers a CSO, lists it, and refuses a taken slug', async () => {
    const slug = `cso-${Math.random().toString(36).slice(2, 8)}`;
    await inTx((t) => createCso(t, { slug, nameMn: 'Нээлттэй нийгэм форум', nameEn: 'Open Society Forum' }, NOW));
    expect((await listOrganisations(db, 'cso')).map((o) => o.slug)).toContain(slug);
    expect((await listOrganisations(db, 'body')).map((o) => o.slug)).not.toContain(slug);
    expect((await refusal(inTx((t) => createCso(t, { slug, nameMn: 'Өөр', nameEn: 'Other' }, NOW)))).fields).toEqual({ slug: 'bodies:errors.slug_taken' });
    const event = await db.selectFrom('public_event').where('subject', '=', `organisation/${slug}`).select(['type', 'payload']).executeTakeFirstOrThrow();
    expect(event).toEqual({ type: 'bodies.organisation_created', payload: { slug, kind: 'cso', name_mn: 'Нээлттэй нийгэм форум', name_en: 'Open Society Forum' } });
  });
});
