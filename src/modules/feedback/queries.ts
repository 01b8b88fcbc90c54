import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../../shared/db/database.js';
import type { FeedbackEventType, FeedbackPublication, FeedbackResolution, FeedbackSatisfaction, FeedbackStatus } from '../../shared/db/db-types.js';
import { searchableText } from '../places/transliterate.js';
import type { Kind } from './model.js';

/**
 * Public reads of feedback: what anyone may see of an item, its history and the public
 * list. Privacy is decided here, once, for the HTML pages and the JSON API alike: the
 * submitter's own words, contact details and identity are never selected; moderated
 * text, the answer, stated reasons and photos only when the item is published; places
 * of unpublished items only down to the soum or düüreg (as in the public record), so a
 * private complaint from a small bagh cannot be traced to a household.
 */

export interface NamedRef {
  code: string;
  nameMn: string;
  nameEn: string;
}

export interface BodyRef {
  id: number;
  slug: string;
  nameMn: string;
  nameEn: string;
}

export interface PublicPhoto {
  id: number;
  mediaType: string;
  width: number;
  height: number;
}

export interface PublicItem {
  id: number;
  code: string;
  kind: Kind;
  status: FeedbackStatus;
  resolution: FeedbackResolution | null;
  publication: FeedbackPublication;
  category: NamedRef;
  /** The place code as far as it may be shown (soum level unless published). */
  placeCode: string;
  body: BodyRef;
  receivedAt: Date;
  dueAt: Date;
  extendedAt: Date | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  reopenedAt: Date | null;
  escalatedAt: Date | null;
  satisfaction: FeedbackSatisfaction | null;
  /** Moderated title and summary: null unless published. */
  title: string | null;
  summary: string | null;
  /** The body's answer and its stated extension reason: null unless published. */
  answerText: string | null;
  extensionReason: string | null;
  /** Whether the latest answer came before the deadline in force then. */
  answeredOnTime: boolean | null;
}

/** A place code shown in public: the full code when published, else at most the soum or düüreg. */
export function publicPlaceCode(placeCode: string, publication: FeedbackPublication): string {
  return publication === 'published' ? placeCode : placeCode.slice(0, 4);
}

function itemQuery(db: Queryable) {
  return db
    .selectFrom('feedback_item as f')
    .innerJoin('category as c', 'c.id', 'f.category_id')
    .innerJoin('organisation as o', 'o.id', 'f.body_id')
    .select([
      'f.id',
      'f.code',
      'f.kind',
      'f.status',
      'f.resolution',
      'f.publication',
      'f.place_code',
      'f.received_at',
      'f.due_at',
      'f.extended_at',
      'f.extension_reason',
      'f.answered_at',
      'f.answer_text',
      'f.closed_at',
      'f.reopened_at',
      'f.escalated_at',
      'f.satisfaction',
      'f.public_title',
      'f.public_summary',
      'c.code as category_code',
      'c.name_mn as category_mn',
      'c.name_en as category_en',
      'o.id as body_id',
      'o.slug as body_slug',
      'o.name_mn as body_mn',
      'o.name_en as body_en',
    ]);
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof itemQuery>['executeTakeFirstOrThrow']>>;

function toPublicItem(r: ItemRow): PublicItem {
  const published = r.publication === 'published';
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    status: r.status,
    resolution: r.resolution,
    publication: r.publication,
    category: { code: r.category_code, nameMn: r.category_mn, nameEn: r.category_en },
    placeCode: publicPlaceCode(r.place_code, r.publication),
    body: { id: r.body_id, slug: r.body_slug, nameMn: r.body_mn, nameEn: r.body_en },
    receivedAt: r.received_at,
    dueAt: r.due_at,
    extendedAt: r.extended_at,
    answeredAt: r.answered_at,
    closedAt: r.closed_at,
    reopenedAt: r.reopened_at,
    escalatedAt: r.escalated_at,
    satisfaction: r.satisfaction,
    title: published ? r.public_title : null,
    summary: published ? r.public_summary : null,
    answerText: published ? r.answer_text : null,
    extensionReason: published ? r.extension_reason : null,
    answeredOnTime: r.answered_at ? r.answered_at.getTime() <= r.due_at.getTime() : null,
  };
}

export async function findPublicItem(db: Queryable, code: string): Promise<PublicItem | undefined> {
  const row = await itemQuery(db).where('f.code', '=', code).executeTakeFirst();
  return row ? toPublicItem(row) : undefined;
}

export interface PublicHistoryEntry {
  type: FeedbackEventType;
  at: Date;
  body: BodyRef | null;
  toBody: BodyRef | null;
  /** The body's words (a forwarding or extension reason, an answer): only for published items. */
  text: string | null;
  data: Record<string, unknown>;
}

/**
 * The item's public history, oldest first. Internal notes and moderation reasons are
 * not public; the person who acted is never named; texts the submitter wrote (reasons
 * for reopening or escalating) are never shown, and the body's reasons and answers
 * (earlier ones too, after a reopening) only once the item is published.
 */
export async function publicHistory(db: Queryable, item: Pick<PublicItem, 'id' | 'publication'>): Promise<PublicHistoryEntry[]> {
  const rows = await db
    .selectFrom('feedback_event as e')
    .leftJoin('organisation as b', 'b.id', 'e.body_id')
    .leftJoin('organisation as tb', 'tb.id', 'e.to_body_id')
    .select([
      'e.type',
      'e.at',
      'e.text',
      'e.data',
      'b.id as body_id',
      'b.slug as body_slug',
      'b.name_mn as body_mn',
      'b.name_en as body_en',
      'tb.id as to_id',
      'tb.slug as to_slug',
      'tb.name_mn as to_mn',
      'tb.name_en as to_en',
    ])
    .where('e.item_id', '=', item.id)
    .where('e.is_public', '=', true)
    .where('e.type', 'not in', ['note', 'withheld'])
    .orderBy('e.id')
    .execute();
  const published = item.publication === 'published';
  const bodyTexts: readonly FeedbackEventType[] = ['forwarded', 'extended', 'answered'];
  return rows.map((r) => {
    const data = (r.data ?? {}) as Record<string, unknown>;
    const safeData: Record<string, unknown> = {};
    // Only facts already in the public record: dates, days, outcome, rating.
    for (const key of ['days', 'due_at', 'resolution', 'on_time', 'satisfaction', 'channel', 'version']) if (key in data) safeData[key] = data[key];
    return {
      type: r.type,
      at: r.at,
      body: r.body_id !== null && r.body_slug !== null ? { id: r.body_id, slug: r.body_slug, nameMn: r.body_mn ?? '', nameEn: r.body_en ?? '' } : null,
      toBody: r.to_id !== null && r.to_slug !== null ? { id: r.to_id, slug: r.to_slug, nameMn: r.to_mn ?? '', nameEn: r.to_en ?? '' } : null,
      text: published && bodyTexts.includes(r.type) ? r.text : null,
      data: safeData,
    };
  });
}

/** Photos of a published item (none otherwise). */
export async function publicPhotos(db: Queryable, item: Pick<PublicItem, 'id' | 'publication'>): Promise<PublicPhoto[]> {
  if (item.publication !== 'published') return [];
  const rows = await db
    .selectFrom('feedback_attachment')
    .select(['id', 'media_type', 'width', 'height'])
    .where('item_id', '=', item.id)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, mediaType: r.media_type, width: r.width, height: r.height }));
}

/** The bytes of one photo, only when its item is published. */
export async function publicPhotoBytes(db: Queryable, code: string, photoId: number): Promise<{ mediaType: string; bytes: Buffer } | undefined> {
  const row = await db
    .selectFrom('feedback_attachment as a')
    .innerJoin('feedback_item as f', 'f.id', 'a.item_id')
    .select(['a.media_type', 'a.bytes'])
    .where('f.code', '=', code)
    .where('a.id', '=', photoId)
    .where('f.publication', '=', 'published')
    .executeTakeFirst();
  return row ? { mediaType: row.media_type, bytes: row.bytes } : undefined;
}

/** The superior body of a body, to which a submitter may escalate. */
export async function superiorBody(db: Queryable, bodyId: number): Promise<BodyRef | undefined> {
  return db
    .selectFrom('body')
    .innerJoin('organisation as o', 'o.id', 'body.superior_body_id')
    .select(['o.id', 'o.slug', 'o.name_mn as nameMn', 'o.name_en as nameEn'])
    .where('body.organisation_id', '=', bodyId)
    .executeTakeFirst();
}

/** What the submitter sees on their private page: their own words too, never contact details. */
export interface SubmitterView {
  item: PublicItem;
  submitterId: number | null;
  submitterKeyHash: Buffer;
  ownTitle: string;
  ownDescription: string;
  /** The latest answer, which the submitter sees whether or not the item is published. */
  answerText: string | null;
}

export async function findItemForSubmitter(db: Queryable, code: string): Promise<SubmitterView | undefined> {
  const row = await itemQuery(db)
    .select(['f.submitter_id', 'f.submitter_key_hash', 'f.title', 'f.description'])
    .where('f.code', '=', code)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    item: toPublicItem(row),
    submitterId: row.submitter_id,
    submitterKeyHash: row.submitter_key_hash,
    ownTitle: row.title,
    ownDescription: row.description,
    answerText: row.answer_text,
  };
}

export interface CategoryOption {
  id: number;
  code: string;
  nameMn: string;
  nameEn: string;
  descriptionMn: string;
  descriptionEn: string;
}

/** Active categories in their configured order. */
export async function activeCategories(db: Queryable): Promise<CategoryOption[]> {
  return db
    .selectFrom('category')
    .select(['id', 'code', 'name_mn as nameMn', 'name_en as nameEn', 'description_mn as descriptionMn', 'description_en as descriptionEn'])
    .where('active', '=', true)
    .orderBy('position')
    .orderBy('name_mn')
    .execute();
}

export async function findCategory(db: Queryable, code: string, options: { activeOnly?: boolean } = {}): Promise<CategoryOption | undefined> {
  let q = db
    .selectFrom('category')
    .select(['id', 'code', 'name_mn as nameMn', 'name_en as nameEn', 'description_mn as descriptionMn', 'description_en as descriptionEn'])
    .where('code', '=', code);
  if (options.activeOnly) q = q.where('active', '=', true);
  return q.executeTakeFirst();
}

export async function findBody(db: Queryable, slug: string): Promise<BodyRef | undefined> {
  return db
    .selectFrom('body')
    .innerJoin('organisation as o', 'o.id', 'body.organisation_id')
    .select(['o.id', 'o.slug', 'o.name_mn as nameMn', 'o.name_en as nameEn'])
    .where('o.slug', '=', slug)
    .executeTakeFirst();
}

/**
 * Bodies to offer in the list's body filter: those governing the chosen place or a unit
 * inside it, plus bodies without a place (national ones); with no place chosen, national
 * and aimag-level bodies only, so the list stays short. Any body can still be filtered
 * by its slug (the link from its own page).
 */
export async function bodyFilterOptions(db: Queryable, placePrefix: string | null): Promise<BodyRef[]> {
  let q = db.selectFrom('body').innerJoin('organisation as o', 'o.id', 'body.organisation_id').select(['o.id', 'o.slug', 'o.name_mn as nameMn', 'o.name_en as nameEn']);
  if (placePrefix) {
    const prefix = placePrefix.slice(0, 4);
    q = q.where((eb) => eb.or([eb('body.place_code', 'is', null), eb('body.place_code', 'like', `${prefix}%`), eb('body.place_code', '=', prefix.slice(0, 2))]));
  } else {
    q = q.where((eb) => eb.or([eb('body.place_code', 'is', null), eb(sql<number>`length(body.place_code)`, '=', 2)]));
  }
  return q.orderBy('o.name_mn').limit(400).execute();
}

/** The public list's filters; every one optional. */
export interface ListFilters {
  /** A place code: 2 digits (aimag or the capital), 4 (soum or düüreg) or 6 (bagh or khoroo). */
  place?: string | null;
  categoryId?: number | null;
  bodyId?: number | null;
  status?: FeedbackStatus | null;
  kind?: Kind | null;
  overdue?: boolean;
  /** Words in Mongolian or English, Cyrillic or Latin letters. */
  q?: string | null;
}

export interface ListPage {
  /** Items after this one (older), or before it (newer); ids of list entries. */
  after?: number | null;
  before?: number | null;
  limit: number;
}

export interface PublicListItem {
  id: number;
  code: string;
  kind: Kind;
  status: FeedbackStatus;
  resolution: FeedbackResolution | null;
  title: string;
  category: NamedRef;
  placeCode: string;
  body: BodyRef;
  receivedAt: Date;
  dueAt: Date;
  answeredAt: Date | null;
}

export interface PublicList {
  items: PublicListItem[];
  /** Cursor for older items, when there are more. */
  olderCursor: number | null;
  /** Cursor for newer items, when this is not the first page. */
  newerCursor: number | null;
}

export const LIST_MAX_LIMIT = 100;
export const SEARCH_MAX_LENGTH = 200;
const MAX_SEARCH_WORDS = 8;

/**
 * Turns what a person typed into a prefix tsquery over the same forms the published text
 * was indexed with (searchableText: Cyrillic, MNS transliteration, a loose Latin key).
 * Each word matches if any of its forms begins an indexed word, so "хог", "khog", "hog"
 * and "hogiin" all find "хогийн", and Mongolian suffixes do not hide a word; every word
 * must match. Terms hold only letters and digits, so they need no quoting. Null when
 * nothing searchable is left.
 */
export function searchQuery(text: string): string | null {
  const words = [...new Set(text.slice(0, SEARCH_MAX_LENGTH).split(/[^\p{L}\p{N}]+/u).filter(Boolean))].slice(0, MAX_SEARCH_WORDS);
  const clauses = words.map((word) => {
    const forms = [...new Set(searchableText(word).split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
    // One-letter forms would match almost everything as prefixes; they must match whole.
    const terms = forms.map((f) => (f.length > 1 ? `${f}:*` : f));
    return terms.length > 1 ? `(${terms.join(' | ')})` : terms[0];
  });
  const parts = clauses.filter((c): c is string => !!c);
  return parts.length ? parts.join(' & ') : null;
}

/** How many of the newest matching-by-filter items a text search first looks through. */
const SEARCH_RECENT_WINDOW = 10_000;

/**
 * Published items, newest first, with keyset pagination over (received_at, id) so a deep
 * page costs what the first does, and no total count (counting a million rows per page
 * view is what makes such lists slow). Each filter is written to match a partial index
 * of 0006/0011 (the literals matter: a parameter could not prove a partial index's
 * predicate). The page's ids are found first and only those rows are joined to their
 * category and body.
 *
 * Text search runs in two phases, because the planner cannot estimate prefix matches
 * well: a common word is found by walking the newest items in order and testing each
 * (cheap when matches are dense); when fewer than a page match among the newest
 * SEARCH_RECENT_WINDOW, the word is rare and the GIN index collects every match, which
 * is then few enough to sort.
 */
export async function listPublicItems(db: Queryable, filters: ListFilters, page: ListPage, now: Date): Promise<PublicList> {
  const limit = Math.max(1, Math.min(page.limit, LIST_MAX_LIMIT));
  const backwards = page.before != null && page.after == null;
  const conditions: RawBuilder<unknown>[] = [sql`f.publication = 'published'`];
  const place = filters.place;
  if (place) {
    if (place.length === 2) conditions.push(sql`left(f.place_code, 2) = ${place}`);
    else if (place.length === 4) conditions.push(sql`left(f.place_code, 4) = ${place}`);
    else conditions.push(sql`f.place_code = ${place}`);
  }
  if (filters.categoryId != null) conditions.push(sql`f.category_id = ${filters.categoryId}`);
  if (filters.bodyId != null) conditions.push(sql`f.body_id = ${filters.bodyId}`);
  if (filters.status) conditions.push(sql`f.status = ${filters.status}`);
  if (filters.kind) conditions.push(sql`f.kind = ${filters.kind}`);
  if (filters.overdue) conditions.push(sql`f.status IN ('received', 'assigned', 'in_progress') AND f.due_at < ${now}`);
  if (backwards) conditions.push(sql`(f.received_at, f.id) > (SELECT received_at, id FROM feedback_item WHERE id = ${page.before})`);
  else if (page.after != null) conditions.push(sql`(f.received_at, f.id) < (SELECT received_at, id FROM feedback_item WHERE id = ${page.after})`);
  const where = sql.join(conditions, sql` AND `);
  const order = backwards ? sql`f.received_at ASC, f.id ASC` : sql`f.received_at DESC, f.id DESC`;
  const tsquery = filters.q ? searchQuery(filters.q) : null;

  let ids: number[];
  if (!tsquery) {
    ids = (await sql<{ id: number }>`SELECT f.id FROM feedback_item f WHERE ${where} ORDER BY ${order} LIMIT ${limit + 1}`.execute(db)).rows.map((r) => r.id);
  } else {
    const recent = await sql<{ id: number }>`
      SELECT f.id FROM (
        SELECT f.id, f.received_at, f.search FROM feedback_item f WHERE ${where} ORDER BY ${order} LIMIT ${SEARCH_RECENT_WINDOW}
      ) f
      WHERE f.search @@ to_tsquery('simple', ${tsquery})
      ORDER BY ${order} LIMIT ${limit + 1}`.execute(db);
    ids = recent.rows.map((r) => r.id);
    if (ids.length <= limit) {
      const all = await sql<{ id: number }>`
        WITH f AS MATERIALIZED (
          SELECT f.id, f.received_at FROM feedback_item f WHERE ${where} AND f.search @@ to_tsquery('simple', ${tsquery})
        )
        SELECT f.id FROM f ORDER BY ${order} LIMIT ${limit + 1}`.execute(db);
      ids = all.rows.map((r) => r.id);
    }
  }

  const more = ids.length > limit;
  const pageIds = ids.slice(0, limit);
  if (backwards) pageIds.reverse();
  const rows = pageIds.length
    ? await db
        .selectFrom('feedback_item as f')
        .innerJoin('category as c', 'c.id', 'f.category_id')
        .innerJoin('organisation as o', 'o.id', 'f.body_id')
        .select([
          'f.id',
          'f.code',
          'f.kind',
          'f.status',
          'f.resolution',
          'f.public_title',
          'f.place_code',
          'f.received_at',
          'f.due_at',
          'f.answered_at',
          'c.code as category_code',
          'c.name_mn as category_mn',
          'c.name_en as category_en',
          'o.id as body_id',
          'o.slug as body_slug',
          'o.name_mn as body_mn',
          'o.name_en as body_en',
        ])
        .where('f.id', 'in', pageIds)
        .execute()
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = pageIds
    .map((id) => byId.get(id))
    .filter((r) => r !== undefined)
    .map(
      (r): PublicListItem => ({
        id: r.id,
        code: r.code,
        kind: r.kind,
        status: r.status,
        resolution: r.resolution,
        title: r.public_title ?? '',
        category: { code: r.category_code, nameMn: r.category_mn, nameEn: r.category_en },
        placeCode: r.place_code,
        body: { id: r.body_id, slug: r.body_slug, nameMn: r.body_mn, nameEn: r.body_en },
        receivedAt: r.received_at,
        dueAt: r.due_at,
        answeredAt: r.answered_at,
      }),
    );
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    olderCursor: last && (backwards || more) ? last.id : null,
    newerCursor: first && (backwards ? more : page.after != null) ? first.id : null,
  };
}
