import { sql } from 'kysely';
import type { Queryable } from '../../../shared/db/database.js';
import { foldForSearch } from '../../places/transliterate.js';

/** Reads of one item for the staff of its body: everything, private parts included. */

export async function findStaffItem(db: Queryable, code: string) {
  return db
    .selectFrom('feedback_item as i')
    .innerJoin('category as c', 'c.id', 'i.category_id')
    .innerJoin('organisation as o', 'o.id', 'i.body_id')
    .leftJoin('account as a', 'a.id', 'i.assignee_id')
    .select([
      'i.id',
      'i.code',
      'i.kind',
      'i.status',
      'i.resolution',
      'i.title',
      'i.description',
      'i.language',
      'i.publication',
      'i.public_title',
      'i.public_summary',
      'i.channel',
      'i.place_code',
      'i.lat',
      'i.lon',
      'i.body_id',
      'i.submitter_id',
      'i.submitter_key_hash',
      'i.operator_id',
      'i.received_at',
      'i.due_at',
      'i.extended_at',
      'i.extension_reason',
      'i.answered_at',
      'i.answer_text',
      'i.assignee_id',
      'a.display_name as assignee_name',
      'c.code as category_code',
      'c.name_mn as category_mn',
      'c.name_en as category_en',
      'o.slug as body_slug',
      'o.name_mn as body_mn',
      'o.name_en as body_en',
    ])
    .where('i.code', '=', code)
    .executeTakeFirst();
}

export type StaffItem = NonNullable<Awaited<ReturnType<typeof findStaffItem>>>;

/** Contact details: in their own table so that no list query selects them by accident. */
export async function findContact(db: Queryable, itemId: number) {
  return db.selectFrom('feedback_contact').select(['name', 'email', 'phone']).where('item_id', '=', itemId).executeTakeFirst();
}

export async function attachmentIds(db: Queryable, itemId: number): Promise<{ id: number; width: number; height: number }[]> {
  return db.selectFrom('feedback_attachment').select(['id', 'width', 'height']).where('item_id', '=', itemId).orderBy('id').execute();
}

export async function findAttachment(db: Queryable, itemId: number, id: number) {
  return db.selectFrom('feedback_attachment').select(['media_type', 'bytes']).where('item_id', '=', itemId).where('id', '=', id).executeTakeFirst();
}

export interface HistoryEntry {
  id: number;
  type: string;
  at: Date;
  actorName: string | null;
  bodyMn: string | null;
  bodyEn: string | null;
  toBodyMn: string | null;
  toBodyEn: string | null;
  /** Null when the text is not for this body's eyes (another body's notes, a moderator's reason). */
  text: string | null;
  isPublic: boolean;
  data: Record<string, unknown>;
}

/**
 * The item's whole history as its current body sees it: every public step, and the
 * internal notes this body wrote. Notes of a body it was forwarded from stay with that
 * body, and a moderator's reason for withholding stays with the moderators.
 */
export async function staffHistory(db: Queryable, itemId: number, bodyId: number): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('feedback_event as e')
    .leftJoin('account as a', 'a.id', 'e.actor_id')
    .leftJoin('organisation as b', 'b.id', 'e.body_id')
    .leftJoin('organisation as tb', 'tb.id', 'e.to_body_id')
    .select(['e.id', 'e.type', 'e.at', 'e.text', 'e.is_public', 'e.data', 'e.body_id', 'a.display_name', 'b.name_mn as body_mn', 'b.name_en as body_en', 'tb.name_mn as to_mn', 'tb.name_en as to_en'])
    .where('e.item_id', '=', itemId)
    .where((eb) => eb.or([eb('e.is_public', '=', true), eb('e.type', '<>', 'note'), eb('e.body_id', '=', bodyId)]))
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    at: r.at,
    actorName: r.display_name,
    bodyMn: r.body_mn,
    bodyEn: r.body_en,
    toBodyMn: r.to_mn,
    toBodyEn: r.to_en,
    text: r.is_public || (r.type === 'note' && r.body_id === bodyId) ? r.text : null,
    isPublic: r.is_public,
    data: (r.data ?? {}) as Record<string, unknown>,
  }));
}

export interface Member {
  accountId: number;
  displayName: string;
}

/** The body's staff who can be given an item (disabled accounts left out). */
export async function bodyMembers(db: Queryable, bodyId: number): Promise<Member[]> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('account as a', 'a.id', 'm.account_id')
    .select(['a.id', 'a.display_name'])
    .where('m.organisation_id', '=', bodyId)
    .where('a.disabled_at', 'is', null)
    .orderBy('a.display_name')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ accountId: r.id, displayName: r.display_name }));
}

export interface BodyOption {
  id: number;
  slug: string;
  nameMn: string;
  nameEn: string;
}

const FORWARD_OPTIONS = 200;

/**
 * Bodies an item may be forwarded to. Without a search: national bodies, bodies of the
 * item's place and the units above it, and the current body's superior. With a search:
 * any body whose name (either script) contains every word.
 */
export async function forwardTargets(db: Queryable, item: { body_id: number; place_code: string }, search?: string): Promise<BodyOption[]> {
  let q = db
    .selectFrom('body')
    .innerJoin('organisation as o', 'o.id', 'body.organisation_id')
    .select(['o.id', 'o.slug', 'o.name_mn', 'o.name_en'])
    .where('o.id', '<>', item.body_id);
  const words = foldForSearch(search ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 6);
  if (words.length) {
    for (const word of words) {
      const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) => eb.or([eb('o.search_text', 'like', like), eb(sql`lower(o.name_mn)`, 'like', like), eb(sql`lower(o.name_en)`, 'like', like)]));
    }
  } else {
    const chain: string[] = [];
    for (let n = item.place_code.length; n >= 2; n -= 2) chain.push(item.place_code.slice(0, n));
    q = q.where((eb) =>
      eb.or([
        eb('body.place_code', 'is', null),
        eb('body.place_code', 'in', chain),
        eb.exists(eb.selectFrom('body_place as bp').select(sql`1`.as('one')).whereRef('bp.body_id', '=', 'body.organisation_id').where('bp.place_code', 'in', chain)),
        eb('o.id', '=', eb.selectFrom('body as cur').select('cur.superior_body_id').where('cur.organisation_id', '=', item.body_id)),
      ]),
    );
  }
  const rows = await q.orderBy('o.name_mn').limit(FORWARD_OPTIONS).execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, nameMn: r.name_mn, nameEn: r.name_en }));
}

export async function findBodyBySlug(db: Queryable, slug: string): Promise<BodyOption | undefined> {
  const r = await db
    .selectFrom('body')
    .innerJoin('organisation as o', 'o.id', 'body.organisation_id')
    .select(['o.id', 'o.slug', 'o.name_mn', 'o.name_en'])
    .where('o.slug', '=', slug)
    .executeTakeFirst();
  return r && { id: r.id, slug: r.slug, nameMn: r.name_mn, nameEn: r.name_en };
}
