import { sql } from 'kysely';
import type { Queryable } from '../../shared/db/database.js';
import type { ConsultationChannel, ConsultationCommentStatus } from '../../shared/db/db-types.js';
import type { ElementKind } from './import.js';
import type { AnswerCategory } from './model.js';

/**
 * Reads of comments. What leaves here for public pages never names the citizen: a
 * comment is "by" a citizen or by the organisation it was made for. Lists are cursor
 * pages over the comment id (oldest first, as a discussion reads).
 */

export type By = { kind: 'citizen' } | { kind: 'organisation'; slug: string; nameMn: string; nameEn: string };

export interface CommentAnswer {
  category: AnswerCategory;
  reason: string;
  answeredAt: Date;
  /** The comment was answered before and this answer replaced that one. */
  revised: boolean;
}

export interface PublicComment {
  id: number;
  consultationId: number;
  unitId: number | null;
  articleUnitId: number | null;
  /** The version the commenter read, and the article or paragraph number in it. */
  versionNumber: number;
  on: { kind: ElementKind; number: string } | null;
  by: By;
  channel: ConsultationChannel;
  hearingId: number | null;
  text: string;
  supportCount: number;
  status: ConsultationCommentStatus;
  createdAt: Date;
  publishedAt: Date | null;
  firstAnsweredAt: Date | null;
  answer: CommentAnswer | null;
}

export type AnswerFilter = 'unanswered' | 'answered' | AnswerCategory;
export type ByFilter = 'citizens' | 'organisations' | 'hearings';

export interface CommentFilters {
  /** An article unit, 'draft' (comments on the draft as a whole) or undefined (all). */
  on?: number | 'draft';
  /** Only comments on this unit (an article itself or one paragraph). */
  unitId?: number;
  answer?: AnswerFilter;
  by?: ByFilter;
  /** Statuses to include; published only unless given (staff and moderators see more). */
  statuses?: ConsultationCommentStatus[];
  ids?: number[];
}

export interface CommentPage {
  items: PublicComment[];
  /** Cursor of the next page (older → newer) and of the previous one. */
  after: number | null;
  before: number | null;
}

function commentsQuery(db: Queryable) {
  return db
    .selectFrom('consultation_comment as cc')
    .innerJoin('consultation_version as v', 'v.id', 'cc.version_id')
    .leftJoin('consultation_element as e', (join) => join.onRef('e.version_id', '=', 'cc.version_id').onRef('e.unit_id', '=', 'cc.unit_id'))
    .leftJoin('organisation as o', 'o.id', 'cc.organisation_id')
    .leftJoin('consultation_answer as a', 'a.id', 'cc.answer_id')
    .select([
      'cc.id',
      'cc.consultation_id',
      'cc.unit_id',
      'cc.article_unit_id',
      'v.number as version_number',
      'e.kind as on_kind',
      'e.number as on_number',
      'o.slug as org_slug',
      'o.name_mn as org_mn',
      'o.name_en as org_en',
      'cc.channel',
      'cc.hearing_id',
      'cc.text',
      'cc.support_count',
      'cc.status',
      'cc.created_at',
      'cc.published_at',
      'cc.first_answered_at',
      'a.category',
      'a.reason',
      'a.answered_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof commentsQuery>['executeTakeFirstOrThrow']>>;

function toComment(r: Row): PublicComment {
  return {
    id: r.id,
    consultationId: r.consultation_id,
    unitId: r.unit_id,
    articleUnitId: r.article_unit_id,
    versionNumber: r.version_number,
    on: r.on_kind && r.on_number !== null ? { kind: r.on_kind, number: r.on_number } : null,
    by: r.org_slug && r.org_mn && r.org_en ? { kind: 'organisation', slug: r.org_slug, nameMn: r.org_mn, nameEn: r.org_en } : { kind: 'citizen' },
    channel: r.channel,
    hearingId: r.hearing_id,
    text: r.text,
    supportCount: r.support_count,
    status: r.status,
    createdAt: r.created_at,
    publishedAt: r.published_at,
    firstAnsweredAt: r.first_answered_at,
    answer:
      r.category && r.reason !== null && r.answered_at
        ? { category: r.category, reason: r.reason, answeredAt: r.answered_at, revised: !!r.first_answered_at && r.first_answered_at.getTime() < r.answered_at.getTime() }
        : null,
  };
}

function filtered(db: Queryable, consultationId: number, filters: CommentFilters) {
  let q = commentsQuery(db).where('cc.consultation_id', '=', consultationId);
  q = q.where('cc.status', 'in', filters.statuses?.length ? filters.statuses : ['published']);
  if (filters.on === 'draft') q = q.where('cc.article_unit_id', 'is', null);
  else if (typeof filters.on === 'number') q = q.where('cc.article_unit_id', '=', filters.on);
  if (filters.unitId !== undefined) q = q.where('cc.unit_id', '=', filters.unitId);
  if (filters.ids) q = q.where('cc.id', 'in', filters.ids.length ? filters.ids : [0]);
  switch (filters.answer) {
    case 'unanswered':
      q = q.where('cc.answer_id', 'is', null);
      break;
    case 'answered':
      q = q.where('cc.answer_id', 'is not', null);
      break;
    case 'accepted':
    case 'partly_accepted':
    case 'not_accepted':
      q = q.where('cc.answer_category', '=', filters.answer);
      break;
  }
  switch (filters.by) {
    case 'citizens':
      q = q.where('cc.organisation_id', 'is', null);
      break;
    case 'organisations':
      q = q.where('cc.organisation_id', 'is not', null);
      break;
    case 'hearings':
      q = q.where('cc.channel', '=', 'hearing');
      break;
  }
  return q;
}

/** One page of comments, oldest first; `after`/`before` are cursors from an earlier page. */
export async function listComments(db: Queryable, consultationId: number, filters: CommentFilters, page: { after?: number | null; before?: number | null; limit: number }): Promise<CommentPage> {
  let q = filtered(db, consultationId, filters);
  const backwards = !page.after && !!page.before;
  if (page.after) q = q.where('cc.id', '>', page.after);
  if (backwards) q = q.where('cc.id', '<', page.before!);
  const rows = await q
    .orderBy('cc.id', backwards ? 'desc' : 'asc')
    .limit(page.limit + 1)
    .execute();
  const more = rows.length > page.limit;
  const slice = rows.slice(0, page.limit);
  if (backwards) slice.reverse();
  const items = slice.map(toComment);
  const first = items[0]?.id ?? null;
  const last = items[items.length - 1]?.id ?? null;
  const hasNext = backwards ? true : more;
  const hasPrevious = backwards ? more : !!page.after;
  return { items, after: hasNext && last !== null ? last : null, before: hasPrevious && first !== null ? first : null };
}

/** Every published comment of a consultation in order (report and CSV), in one query. */
export async function allComments(db: Queryable, consultationId: number, filters: CommentFilters = {}): Promise<PublicComment[]> {
  const rows = await filtered(db, consultationId, filters).orderBy('cc.id').execute();
  return rows.map(toComment);
}

export async function findComment(db: Queryable, consultationId: number, commentId: number): Promise<(PublicComment & { authorId: number | null; heldReason: string | null }) | undefined> {
  if (!Number.isSafeInteger(commentId) || commentId < 1 || commentId > 2_147_483_647) return undefined;
  const row = await commentsQuery(db)
    .select(['cc.author_id', 'cc.held_reason'])
    .where('cc.consultation_id', '=', consultationId)
    .where('cc.id', '=', commentId)
    .executeTakeFirst();
  return row && { ...toComment(row), authorId: row.author_id, heldReason: row.held_reason };
}

/** Every answer a comment was given, oldest first. */
export async function answerHistory(db: Queryable, commentId: number): Promise<CommentAnswer[]> {
  const rows = await db
    .selectFrom('consultation_comment_answer as ca')
    .innerJoin('consultation_answer as a', 'a.id', 'ca.answer_id')
    .where('ca.comment_id', '=', commentId)
    .select(['a.category', 'a.reason', 'a.answered_at'])
    .orderBy('a.answered_at')
    .orderBy('a.id')
    .execute();
  return rows.map((r, i) => ({ category: r.category, reason: r.reason, answeredAt: r.answered_at, revised: i > 0 }));
}

/** The versions whose changes answer a comment. */
export async function versionsAnswering(db: Queryable, commentId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('consultation_change_link as l')
    .innerJoin('consultation_version as v', 'v.id', 'l.version_id')
    .where('l.comment_id', '=', commentId)
    .select('v.number')
    .orderBy('v.number')
    .execute();
  return rows.map((r) => r.number);
}

/** Of these comments, the ones the person wrote and the ones they support. */
export async function viewerMarks(db: Queryable, accountId: number, commentIds: readonly number[]): Promise<{ own: Set<number>; supported: Set<number> }> {
  if (commentIds.length === 0) return { own: new Set(), supported: new Set() };
  const [own, supported] = await Promise.all([
    db.selectFrom('consultation_comment').where('id', 'in', commentIds).where('author_id', '=', accountId).select('id').execute(),
    db.selectFrom('consultation_support').where('comment_id', 'in', commentIds).where('account_id', '=', accountId).select('comment_id').execute(),
  ]);
  return { own: new Set(own.map((r) => r.id)), supported: new Set(supported.map((r) => r.comment_id)) };
}

/** Comments a new version's change answers, per article unit (0: the version as a whole). */
export async function changeLinks(db: Queryable, versionId: number): Promise<Map<number, PublicComment[]>> {
  const rows = await commentsQuery(db)
    .innerJoin('consultation_change_link as l', 'l.comment_id', 'cc.id')
    .where('l.version_id', '=', versionId)
    .select('l.unit_id as linked_unit')
    .orderBy('cc.id')
    .execute();
  const out = new Map<number, PublicComment[]>();
  for (const r of rows) out.set(r.linked_unit ?? 0, [...(out.get(r.linked_unit ?? 0) ?? []), toComment(r)]);
  return out;
}

export interface ModerationItem extends PublicComment {
  consultationTitleMn: string;
  consultationTitleEn: string | null;
  heldReason: string | null;
  needsReview: boolean;
  flags: { reason: string; count: number }[];
  original: string | null;
}

/** Moderators' queue: comments held by screening, then reported ones, oldest first. */
export async function moderationQueue(db: Queryable, limit = 50, only?: number): Promise<ModerationItem[]> {
  const rows = await commentsQuery(db)
    .$if(only !== undefined, (q) => q.where('cc.id', '=', only!))
    .innerJoin('consultation as c', 'c.id', 'cc.consultation_id')
    .leftJoin('consultation_comment_original as orig', 'orig.comment_id', 'cc.id')
    .where((eb) => eb.or([eb('cc.status', '=', 'pending'), eb('cc.needs_review', '=', true)]))
    .select(['c.title_mn', 'c.title_en', 'cc.held_reason', 'cc.needs_review', 'orig.text as original'])
    .orderBy('cc.created_at')
    .orderBy('cc.id')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => r.id);
  const flags = ids.length
    ? await db
        .selectFrom('consultation_comment_flag')
        .where('comment_id', 'in', ids)
        .select((eb) => ['comment_id', 'reason', eb.fn.countAll<number>().as('n')])
        .groupBy(['comment_id', 'reason'])
        .execute()
    : [];
  return rows.map((r) => ({
    ...toComment(r),
    consultationTitleMn: r.title_mn,
    consultationTitleEn: r.title_en,
    heldReason: r.held_reason,
    needsReview: r.needs_review,
    original: r.original,
    flags: flags.filter((f) => f.comment_id === r.id).map((f) => ({ reason: f.reason, count: Number(f.n) })),
  }));
}

export async function moderationQueueSize(db: Queryable): Promise<number> {
  const row = await db
    .selectFrom('consultation_comment')
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb('needs_review', '=', true)]))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Public counts of moderation decisions on a consultation, by decision and reason. */
export async function moderationCounts(db: Queryable, consultationId: number): Promise<{ decision: string; reason: string; count: number }[]> {
  const rows = await db
    .selectFrom('consultation_moderation as m')
    .innerJoin('consultation_comment as cc', 'cc.id', 'm.comment_id')
    .where('cc.consultation_id', '=', consultationId)
    .where('m.decision', 'in', ['rejected', 'removed', 'redacted'])
    .select((eb) => ['m.decision', 'm.reason', eb.fn.countAll<number>().as('n')])
    .groupBy(['m.decision', 'm.reason'])
    .orderBy('m.decision')
    .execute();
  return rows.map((r) => ({ decision: r.decision, reason: r.reason, count: Number(r.n) }));
}

/** A person's comments on a consultation in the last day (the daily limit). */
export async function commentsToday(db: Queryable, accountId: number, consultationId: number, now: Date): Promise<number> {
  const row = await db
    .selectFrom('consultation_comment')
    .where('author_id', '=', accountId)
    .where('consultation_id', '=', consultationId)
    .where('created_at', '>', sql<Date>`${now}::timestamptz - interval '1 day'`)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
