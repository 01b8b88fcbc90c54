import { sql } from 'kysely';
import type { Queryable } from '../../../shared/db/database.js';
import type { FeedbackKind, FeedbackStatus } from '../../../shared/db/db-types.js';
import { dueSoonLimit } from './due.js';

/**
 * Reads of the body inbox. Every list is keyset-paginated and written so PostgreSQL can
 * walk one index in the order shown (see 0006 feedback_item_inbox_idx and 0012) and stop
 * after a page, whatever the size of the table.
 */

export const INBOX_PAGE_SIZE = 50;

export type InboxTab = 'open' | 'done';
export const DONE_STATUSES = ['answered', 'closed'] as const satisfies readonly FeedbackStatus[];

// Written out, not bound as parameters, so the planner can match the partial indexes' predicates.
const OPEN_SQL = sql<boolean>`i.status in ('received', 'assigned', 'in_progress')`;
const DONE_SQL = sql<boolean>`i.status in ('answered', 'closed')`;

export interface InboxFilters {
  bodyId: number;
  tab: InboxTab;
  status?: FeedbackStatus;
  categoryId?: number;
  /** An aimag, soum, düüreg (or smaller) code: items at that place or inside it. */
  placePrefix?: string;
  overdue?: boolean;
  assigned?: { to: number } | 'nobody';
}

/** Position in the list: the sort value (due_at on the open tab, received_at when done) and the id. */
export interface Cursor {
  at: Date;
  id: number;
}

export function encodeCursor(c: Cursor): string {
  return `${c.at.getTime().toString(36)}.${c.id.toString(36)}`;
}

export function decodeCursor(raw: string | undefined): Cursor | null {
  const m = raw?.match(/^(-?[0-9a-z]{1,12})\.([0-9a-z]{1,8})$/);
  if (!m) return null;
  const at = parseInt(m[1]!, 36);
  const id = parseInt(m[2]!, 36);
  if (!Number.isSafeInteger(at) || !Number.isSafeInteger(id) || id <= 0) return null;
  return { at: new Date(at), id };
}

/**
 * Items at a place or inside it, written as the expressions 0012's indexes are built on:
 * left(place_code, 2) for an aimag, left(place_code, 4) for a soum or düüreg; a bagh or
 * khoroo is found among its soum's items.
 */
function placeMatches(code: string) {
  const digits = code.replace(/[^0-9]/g, '');
  if (digits.length <= 2) return sql<boolean>`left(i.place_code, 2) = ${digits}`;
  if (digits.length <= 4) return sql<boolean>`left(i.place_code, 4) = ${digits}`;
  return sql<boolean>`left(i.place_code, 4) = ${digits.slice(0, 4)} and i.place_code = ${digits}`;
}

export interface InboxRow {
  id: number;
  code: string;
  title: string;
  kind: FeedbackKind;
  status: FeedbackStatus;
  categoryMn: string;
  categoryEn: string;
  placeCode: string;
  receivedAt: Date;
  dueAt: Date;
  extended: boolean;
  answeredAt: Date | null;
  assigneeId: number | null;
  assigneeName: string | null;
}

export interface InboxPage {
  rows: InboxRow[];
  /** Cursors of the neighbouring pages, when there are any. */
  next: Cursor | null;
  prev: Cursor | null;
}

/**
 * One page of a body's inbox. The open tab runs by deadline, earliest first, so
 * overdue items come first; the answered tab runs newest first. `after` and `before`
 * are cursors of the neighbouring pages (keyset pagination: no OFFSET, so page 200
 * costs what page 1 does).
 */
export async function listInbox(db: Queryable, f: InboxFilters, now: Date, page: { after?: Cursor | null; before?: Cursor | null } = {}, size = INBOX_PAGE_SIZE): Promise<InboxPage> {
  const open = f.tab === 'open';
  const sortCol = open ? sql.ref('i.due_at') : sql.ref('i.received_at');
  // The open tab ascends (earliest deadline first), the answered tab descends (newest first).
  const backwards = !!page.before && !page.after;
  const ascending = open !== backwards;
  const cursor = page.after ?? page.before ?? null;

  // First the page's ids, from one index and (on the answered tab) without touching the
  // heap: 0012's index carries the filtered columns. Then the rows of those ids only.
  let ids = db.selectFrom('feedback_item as i').select('i.id').where('i.body_id', '=', f.bodyId).where(open ? OPEN_SQL : DONE_SQL);
  if (f.status) ids = ids.where('i.status', '=', f.status);
  if (f.categoryId !== undefined) ids = ids.where('i.category_id', '=', f.categoryId);
  if (f.placePrefix) ids = ids.where(placeMatches(f.placePrefix));
  if (f.overdue && open) ids = ids.where('i.due_at', '<', now);
  if (f.assigned === 'nobody') ids = ids.where('i.assignee_id', 'is', null);
  else if (f.assigned) ids = ids.where('i.assignee_id', '=', f.assigned.to);
  if (cursor) {
    ids = ids.where(sql<boolean>`(${sortCol}, i.id) ${sql.raw(ascending ? '>' : '<')} (${cursor.at}, ${cursor.id})`);
  }
  const direction = ascending ? sql.raw('asc') : sql.raw('desc');
  ids = ids
    .orderBy(sql`${sortCol} ${direction}`)
    .orderBy(sql`i.id ${direction}`)
    .limit(size + 1);

  const rows = await db
    .selectFrom('feedback_item as r')
    .innerJoin('category as c', 'c.id', 'r.category_id')
    .leftJoin('account as a', 'a.id', 'r.assignee_id')
    .select([
      'r.id',
      'r.code',
      'r.title',
      'r.kind',
      'r.status',
      'c.name_mn as category_mn',
      'c.name_en as category_en',
      'r.place_code',
      'r.received_at',
      'r.due_at',
      'r.extended_at',
      'r.answered_at',
      'r.assignee_id',
      'a.display_name as assignee_name',
    ])
    .where('r.id', 'in', ids)
    .orderBy(sql`${open ? sql.ref('r.due_at') : sql.ref('r.received_at')} ${direction}`)
    .orderBy(sql`r.id ${direction}`)
    .execute();

  const more = rows.length > size;
  const slice = rows.slice(0, size);
  if (backwards) slice.reverse();
  const mapped: InboxRow[] = slice.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    kind: r.kind,
    status: r.status,
    categoryMn: r.category_mn,
    categoryEn: r.category_en,
    placeCode: r.place_code,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    extended: r.extended_at !== null,
    answeredAt: r.answered_at,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
  }));
  const key = (r: InboxRow): Cursor => ({ at: open ? r.dueAt : r.receivedAt, id: r.id });
  const first = mapped[0];
  const last = mapped[mapped.length - 1];
  // Going forwards, a previous page exists when we came from a cursor; going backwards, when more rows lay behind.
  const hasPrev = backwards ? more : !!cursor;
  const hasNext = backwards ? true : more;
  return {
    rows: mapped,
    next: hasNext && last ? key(last) : null,
    prev: hasPrev && first ? key(first) : null,
  };
}

export interface InboxCounts {
  open: number;
  overdue: number;
  dueSoon: number;
  /** Answered and closed items, counted up to DONE_COUNT_CAP + 1 (shown as "10 000+"). */
  done: number;
}

/** A body's history grows without end; past this many, the tab says "10 000+" instead of counting on. */
export const DONE_COUNT_CAP = 10_000;

/**
 * The numbers on the tabs and in the summary, as index-only scans of the partial indexes
 * (the deadline index of 0006 for open items, 0012's for answered ones). Open items are
 * counted exactly: they are the work to do.
 */
export async function inboxCounts(db: Queryable, bodyId: number, now: Date): Promise<InboxCounts> {
  const soon = dueSoonLimit(now);
  const { rows } = await sql<InboxCounts>`
    select count(*) as open,
           count(*) filter (where i.due_at < ${now}) as overdue,
           count(*) filter (where i.due_at >= ${now} and i.due_at <= ${soon}) as "dueSoon",
           (select count(*) from (
              select 1 from feedback_item d where d.body_id = ${bodyId} and d.status in ('answered', 'closed') limit ${DONE_COUNT_CAP + 1}
            ) d) as done
    from feedback_item i
    where i.body_id = ${bodyId} and ${OPEN_SQL}`.execute(db);
  return rows[0] ?? { open: 0, overdue: 0, dueSoon: 0, done: 0 };
}

export interface CategoryOption {
  id: number;
  code: string;
  nameMn: string;
  nameEn: string;
}

export async function activeCategoryOptions(db: Queryable): Promise<CategoryOption[]> {
  const rows = await db.selectFrom('category').select(['id', 'code', 'name_mn', 'name_en']).where('active', '=', true).orderBy('position').orderBy('name_mn').execute();
  return rows.map((c) => ({ id: c.id, code: c.code, nameMn: c.name_mn, nameEn: c.name_en }));
}

export async function categoryByCode(db: Queryable, code: string): Promise<CategoryOption | undefined> {
  const c = await db.selectFrom('category').select(['id', 'code', 'name_mn', 'name_en']).where('code', '=', code).executeTakeFirst();
  return c && { id: c.id, code: c.code, nameMn: c.name_mn, nameEn: c.name_en };
}

export interface Filing {
  code: string;
  title: string;
  status: FeedbackStatus;
  receivedAt: Date;
  dueAt: Date;
  bodyMn: string;
  bodyEn: string;
}

/** An operator's latest filings, for callers who ring back (0012 feedback_item_operator_idx). */
export async function recentFilings(db: Queryable, operatorId: number, limit = 10): Promise<Filing[]> {
  const rows = await db
    .selectFrom('feedback_item as i')
    .innerJoin('organisation as o', 'o.id', 'i.body_id')
    .select(['i.code', 'i.title', 'i.status', 'i.received_at', 'i.due_at', 'o.name_mn', 'o.name_en'])
    .where('i.operator_id', '=', operatorId)
    .orderBy('i.received_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ code: r.code, title: r.title, status: r.status, receivedAt: r.received_at, dueAt: r.due_at, bodyMn: r.name_mn, bodyEn: r.name_en }));
}

/** One filing, only if this operator made it: the read-back page shows nothing of others' calls. */
export async function findFiling(db: Queryable, operatorId: number, code: string): Promise<Filing | undefined> {
  const r = await db
    .selectFrom('feedback_item as i')
    .innerJoin('organisation as o', 'o.id', 'i.body_id')
    .select(['i.code', 'i.title', 'i.status', 'i.received_at', 'i.due_at', 'o.name_mn', 'o.name_en'])
    .where('i.code', '=', code)
    .where('i.operator_id', '=', operatorId)
    .executeTakeFirst();
  return r && { code: r.code, title: r.title, status: r.status, receivedAt: r.received_at, dueAt: r.due_at, bodyMn: r.name_mn, bodyEn: r.name_en };
}

/** The code of the item a form (by its id) already filed, if any. */
export async function findSubmission(db: Queryable, formId: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('feedback_submission as s')
    .innerJoin('feedback_item as i', 'i.id', 's.item_id')
    .select('i.code')
    .where('s.draft_id', '=', formId)
    .executeTakeFirst();
  return r?.code;
}
