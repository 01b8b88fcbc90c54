import { sql } from 'kysely';
import type { Queryable } from '../../../shared/db/database.js';
import type { FeedbackKind, FeedbackPublication } from '../../../shared/db/db-types.js';
import type { Cursor } from './queries.js';

export const MODERATION_PAGE_SIZE = 10;

export interface ModerationItem {
  id: number;
  code: string;
  kind: FeedbackKind;
  title: string;
  description: string;
  language: string;
  publication: FeedbackPublication;
  publicTitle: string | null;
  publicSummary: string | null;
  placeCode: string;
  categoryMn: string;
  categoryEn: string;
  receivedAt: Date;
}

function moderationSelect(db: Queryable) {
  return db
    .selectFrom('feedback_item as i')
    .innerJoin('category as c', 'c.id', 'i.category_id')
    .select([
      'i.id',
      'i.code',
      'i.kind',
      'i.title',
      'i.description',
      'i.language',
      'i.publication',
      'i.public_title',
      'i.public_summary',
      'i.place_code',
      'c.name_mn',
      'c.name_en',
      'i.received_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof moderationSelect>['executeTakeFirstOrThrow']>>;

function toItem(r: Row): ModerationItem {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    title: r.title,
    description: r.description,
    language: r.language,
    publication: r.publication,
    publicTitle: r.public_title,
    publicSummary: r.public_summary,
    placeCode: r.place_code,
    categoryMn: r.name_mn,
    categoryEn: r.name_en,
    receivedAt: r.received_at,
  };
}

/**
 * Items waiting for a moderator, oldest first, by keyset on (received_at, id) over the
 * partial index feedback_item_pending_idx; `before` walks back a page.
 */
export async function moderationQueue(db: Queryable, page: { after?: Cursor | null; before?: Cursor | null } = {}, size = MODERATION_PAGE_SIZE) {
  const backwards = !!page.before && !page.after;
  const cursor = page.after ?? page.before ?? null;
  let q = moderationSelect(db).where(sql<boolean>`i.publication = 'pending'`);
  if (cursor) q = q.where(sql<boolean>`(i.received_at, i.id) ${sql.raw(backwards ? '<' : '>')} (${cursor.at}, ${cursor.id})`);
  const dir = backwards ? 'desc' : 'asc';
  const rows = await q.orderBy('i.received_at', dir).orderBy('i.id', dir).limit(size + 1).execute();
  const more = rows.length > size;
  const items = rows.slice(0, size).map(toItem);
  if (backwards) items.reverse();
  const key = (i: ModerationItem): Cursor => ({ at: i.receivedAt, id: i.id });
  const first = items[0];
  const last = items[items.length - 1];
  return {
    items,
    next: (backwards || more) && last ? key(last) : null,
    prev: (backwards ? more : !!cursor) && first ? key(first) : null,
  };
}

export async function pendingCount(db: Queryable): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from feedback_item where publication = 'pending'`.execute(db);
  return rows[0]?.n ?? 0;
}

export async function findForModeration(db: Queryable, code: string): Promise<(ModerationItem & { version: number }) | undefined> {
  const r = await moderationSelect(db)
    .select((eb) => eb.selectFrom('feedback_event as e').whereRef('e.item_id', '=', 'i.id').where('e.type', '=', 'published').select(sql<number>`count(*)`.as('n')).as('version'))
    .where('i.code', '=', code)
    .executeTakeFirst();
  return r && { ...toItem(r), version: Number(r.version ?? 0) };
}
