import { sql } from 'kysely';
import type { Queryable } from '../../shared/db/database.js';
import type { ConsultationKind, ConsultationStatus } from '../../shared/db/db-types.js';
import type { ElementKind } from './import.js';
import type { AnswerCategory } from './model.js';

/**
 * Reads of consultations and their texts. Comment reads are in comment-queries.ts, the
 * report's in report.ts. Every list is bounded or paged: a 300-article draft with
 * 20,000 comments must still answer in a few milliseconds (see bench/consultations).
 */

export interface BodyRef {
  id: number;
  slug: string;
  nameMn: string;
  nameEn: string;
}

export interface Consultation {
  id: number;
  body: BodyRef;
  kind: ConsultationKind;
  titleMn: string;
  titleEn: string | null;
  note: string;
  opensAt: Date;
  closesAt: Date;
  answerDays: number;
  answersDueAt: Date;
  status: ConsultationStatus;
  createdAt: Date;
  publishedAt: Date | null;
  finishedAt: Date | null;
}

/** The shape commands and policy functions use (database column names). */
export function accessOf(c: Consultation): { body_id: number; status: ConsultationStatus; opens_at: Date; closes_at: Date; answers_due_at: Date } {
  return { body_id: c.body.id, status: c.status, opens_at: c.opensAt, closes_at: c.closesAt, answers_due_at: c.answersDueAt };
}

function consultationsQuery(db: Queryable) {
  return db
    .selectFrom('consultation as c')
    .innerJoin('organisation as o', 'o.id', 'c.body_id')
    .select([
      'c.id',
      'c.body_id',
      'o.slug as body_slug',
      'o.name_mn as body_mn',
      'o.name_en as body_en',
      'c.kind',
      'c.title_mn',
      'c.title_en',
      'c.note',
      'c.opens_at',
      'c.closes_at',
      'c.answer_days',
      'c.answers_due_at',
      'c.status',
      'c.created_at',
      'c.published_at',
      'c.finished_at',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof consultationsQuery>['executeTakeFirstOrThrow']>>;

function toConsultation(r: Row): Consultation {
  return {
    id: r.id,
    body: { id: r.body_id, slug: r.body_slug, nameMn: r.body_mn, nameEn: r.body_en },
    kind: r.kind,
    titleMn: r.title_mn,
    titleEn: r.title_en,
    note: r.note,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    answerDays: r.answer_days,
    answersDueAt: r.answers_due_at,
    status: r.status,
    createdAt: r.created_at,
    publishedAt: r.published_at,
    finishedAt: r.finished_at,
  };
}

/** The consultations query with two more columns: each one's published comments, and those still unanswered. */
function withCommentCounts(query: ReturnType<typeof consultationsQuery>) {
  return query.select((eb) => [
    eb
      .selectFrom('consultation_comment as cc')
      .whereRef('cc.consultation_id', '=', 'c.id')
      .where('cc.status', '=', 'published')
      .select((e) => e.fn.countAll<number>().as('n'))
      .as('comments'),
    eb
      .selectFrom('consultation_comment as cc')
      .whereRef('cc.consultation_id', '=', 'c.id')
      .where('cc.status', '=', 'published')
      .where('cc.answer_id', 'is', null)
      .select((e) => e.fn.countAll<number>().as('n'))
      .as('unanswered'),
  ]);
}

function toListed(r: Row & { comments: number | null; unanswered: number | null }): ListedConsultation {
  return { ...toConsultation(r), comments: Number(r.comments ?? 0), unanswered: Number(r.unanswered ?? 0) };
}

export async function findConsultation(db: Queryable, id: number): Promise<Consultation | undefined> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return undefined;
  const row = await consultationsQuery(db).where('c.id', '=', id).executeTakeFirst();
  return row && toConsultation(row);
}

export interface ListFilters {
  phase?: 'open' | 'upcoming' | 'closed' | 'finished';
  bodyId?: number;
  kind?: ConsultationKind;
}

export interface ListedConsultation extends Consultation {
  comments: number;
  unanswered: number;
}

/**
 * Published consultations, open ones first (closing soonest first), then the rest by
 * closing date, newest first; with their comment counts. Paged by offset: the list is
 * short (a body publishes a few drafts a month).
 */
export async function listConsultations(db: Queryable, filters: ListFilters, now: Date, page: { offset: number; limit: number }): Promise<{ items: ListedConsultation[]; more: boolean }> {
  let query = consultationsQuery(db).where('c.status', '<>', 'draft');
  if (filters.bodyId) query = query.where('c.body_id', '=', filters.bodyId);
  if (filters.kind) query = query.where('c.kind', '=', filters.kind);
  switch (filters.phase) {
    case 'open':
      query = query.where('c.status', '=', 'published').where('c.opens_at', '<=', now).where('c.closes_at', '>=', now);
      break;
    case 'upcoming':
      query = query.where('c.status', '=', 'published').where('c.opens_at', '>', now);
      break;
    case 'closed':
      query = query.where('c.status', '=', 'published').where('c.closes_at', '<', now);
      break;
    case 'finished':
      query = query.where('c.status', '=', 'finished');
      break;
  }
  const rows = await withCommentCounts(query)
    .orderBy(sql`(c.status = 'published' AND c.opens_at <= ${now} AND c.closes_at >= ${now})`, 'desc')
    .orderBy(sql`CASE WHEN c.status = 'published' AND c.closes_at >= ${now} THEN c.closes_at END`, 'asc')
    .orderBy('c.closes_at', 'desc')
    .orderBy('c.id', 'desc')
    .offset(page.offset)
    .limit(page.limit + 1)
    .execute();
  return {
    items: rows.slice(0, page.limit).map(toListed),
    more: rows.length > page.limit,
  };
}

/** A body's consultations for its staff (drafts included), newest first. */
export async function bodyConsultations(db: Queryable, bodyIds: readonly number[], limit = 100): Promise<ListedConsultation[]> {
  if (bodyIds.length === 0) return [];
  const rows = await withCommentCounts(consultationsQuery(db).where('c.body_id', 'in', bodyIds))
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toListed);
}

export interface LateConsultation extends ListedConsultation {
  daysLate: number;
}

/** Published consultations whose answers are past due with comments still unanswered, most overdue first. */
export async function lateConsultations(db: Queryable, now: Date, filters: { bodyId?: number } = {}): Promise<ListedConsultation[]> {
  let query = consultationsQuery(db)
    .where('c.status', '=', 'published')
    .where('c.answers_due_at', '<', now)
    .where((eb) => eb.exists(eb.selectFrom('consultation_comment as cc').select(sql`1`.as('one')).whereRef('cc.consultation_id', '=', 'c.id').where('cc.status', '=', 'published').where('cc.answer_id', 'is', null)));
  if (filters.bodyId) query = query.where('c.body_id', '=', filters.bodyId);
  const rows = await withCommentCounts(query)
    .orderBy('c.answers_due_at', 'asc')
    .orderBy('c.id', 'asc')
    .limit(200)
    .execute();
  return rows.map(toListed);
}

export interface VersionRow {
  id: number;
  number: number;
  changeNote: string;
  createdAt: Date;
  publishedAt: Date | null;
}

export async function listVersions(db: Queryable, consultationId: number): Promise<VersionRow[]> {
  const rows = await db
    .selectFrom('consultation_version')
    .where('consultation_id', '=', consultationId)
    .select(['id', 'number', 'change_note', 'created_at', 'published_at'])
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ id: r.id, number: r.number, changeNote: r.change_note, createdAt: r.created_at, publishedAt: r.published_at }));
}

/** The version the public reads: the last published one. */
export function currentVersion(versions: readonly VersionRow[]): VersionRow | undefined {
  return [...versions].reverse().find((v) => v.publishedAt !== null);
}

/** The version in preparation, if any. */
export function draftVersion(versions: readonly VersionRow[]): VersionRow | undefined {
  return versions.find((v) => v.publishedAt === null);
}

export interface TextElement {
  id: number;
  unitId: number;
  position: number;
  kind: ElementKind;
  number: string;
  heading: string;
  body: string;
  articleUnitId: number | null;
  chapterUnitId: number | null;
}

const elementColumns = ['id', 'unit_id', 'position', 'kind', 'number', 'heading', 'body', 'article_unit_id', 'chapter_unit_id'] as const;

type ElementRow = { id: number; unit_id: number; position: number; kind: ElementKind; number: string; heading: string; body: string; article_unit_id: number | null; chapter_unit_id: number | null };

function toElement(r: ElementRow): TextElement {
  return { id: r.id, unitId: r.unit_id, position: r.position, kind: r.kind, number: r.number, heading: r.heading, body: r.body, articleUnitId: r.article_unit_id, chapterUnitId: r.chapter_unit_id };
}

/** The whole text of a version, in reading order. */
export async function versionElements(db: Queryable, versionId: number): Promise<TextElement[]> {
  const rows = await db.selectFrom('consultation_element').where('version_id', '=', versionId).select(elementColumns).orderBy('position').execute();
  return rows.map(toElement);
}

/** Part of a version's text: elements from `fromPosition` up to (not including) `toPosition`. */
export async function versionElementsBetween(db: Queryable, versionId: number, fromPosition: number, toPosition: number | null): Promise<TextElement[]> {
  let query = db.selectFrom('consultation_element').where('version_id', '=', versionId).where('position', '>=', fromPosition);
  if (toPosition !== null) query = query.where('position', '<', toPosition);
  const rows = await query.select(elementColumns).orderBy('position').execute();
  return rows.map(toElement);
}

/** Chapters and articles of a version (headings only), for the table of contents. */
export async function outline(db: Queryable, versionId: number): Promise<TextElement[]> {
  const rows = await db
    .selectFrom('consultation_element')
    .where('version_id', '=', versionId)
    .where('kind', 'in', ['chapter', 'article', 'preamble'])
    .select(['id', 'unit_id', 'position', 'kind', 'number', 'heading', sql<string>`''`.as('body'), 'article_unit_id', 'chapter_unit_id'])
    .orderBy('position')
    .execute();
  return rows.map(toElement);
}

/** One article (or the article a paragraph belongs to) with its paragraphs and points, in a version. */
export async function articleInVersion(db: Queryable, versionId: number, unitId: number): Promise<TextElement[] | undefined> {
  if (!Number.isSafeInteger(unitId) || unitId < 1 || unitId > 2_147_483_647) return undefined;
  const target = await db.selectFrom('consultation_element').where('version_id', '=', versionId).where('unit_id', '=', unitId).select(['article_unit_id', 'kind']).executeTakeFirst();
  if (!target || target.article_unit_id === null) return undefined;
  const rows = await db
    .selectFrom('consultation_element')
    .where('version_id', '=', versionId)
    .where('article_unit_id', '=', target.article_unit_id)
    .select(elementColumns)
    .orderBy('position')
    .execute();
  return rows.map(toElement);
}

/** The articles before and after a position, for "previous / next article" links. */
export async function neighbourArticles(db: Queryable, versionId: number, position: number): Promise<{ previous: TextElement | null; next: TextElement | null }> {
  const [previous, next] = await Promise.all([
    db
      .selectFrom('consultation_element')
      .where('version_id', '=', versionId)
      .where('kind', '=', 'article')
      .where('position', '<', position)
      .select(elementColumns)
      .orderBy('position', 'desc')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('consultation_element')
      .where('version_id', '=', versionId)
      .where('kind', '=', 'article')
      .where('position', '>', position)
      .select(elementColumns)
      .orderBy('position')
      .limit(1)
      .executeTakeFirst(),
  ]);
  return { previous: previous ? toElement(previous) : null, next: next ? toElement(next) : null };
}

/** The last published version that contains a unit (an article removed later is still readable there). */
export async function lastVersionWithUnit(db: Queryable, consultationId: number, unitId: number): Promise<number | undefined> {
  if (!Number.isSafeInteger(unitId) || unitId < 1 || unitId > 2_147_483_647) return undefined;
  const row = await db
    .selectFrom('consultation_element as e')
    .innerJoin('consultation_version as v', 'v.id', 'e.version_id')
    .where('v.consultation_id', '=', consultationId)
    .where('v.published_at', 'is not', null)
    .where('e.unit_id', '=', unitId)
    .select('v.number')
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.number;
}

export interface CommentFigures {
  comments: number;
  answered: number;
  unanswered: number;
  accepted: number;
  partlyAccepted: number;
  notAccepted: number;
  fromOrganisations: number;
  fromCitizens: number;
  fromHearings: number;
  supports: number;
  answeredLate: number;
  /** Held for a moderator or reported: the body's and moderators' concern. */
  pending: number;
  removed: number;
}

export interface ArticleCount {
  comments: number;
  unanswered: number;
}

export interface ArticleFigures extends ArticleCount {
  accepted: number;
  partlyAccepted: number;
  notAccepted: number;
}

export interface ConsultationFigures {
  totals: CommentFigures;
  /** Published comments per article unit (paragraph comments count towards their article); key 0 is the draft as a whole. */
  byArticle: Map<number, ArticleFigures>;
}

/**
 * Every figure of a consultation's comments: one grouped, index-only pass over the
 * published comments (per article, summed for the totals) and one over the few that are
 * held, reported or removed.
 */
export async function consultationFigures(db: Queryable, consultationId: number, answersDueAt: Date): Promise<ConsultationFigures> {
  const [rows, other] = await Promise.all([
    db
      .selectFrom('consultation_comment')
      .where('consultation_id', '=', consultationId)
      .where('status', '=', 'published')
      .select((eb) => [
        'article_unit_id',
        eb.fn.countAll<number>().as('comments'),
        eb.fn.count<number>('answer_category').as('answered'),
        eb.fn.countAll<number>().filterWhere('answer_category', '=', 'accepted').as('accepted'),
        eb.fn.countAll<number>().filterWhere('answer_category', '=', 'partly_accepted').as('partly'),
        eb.fn.countAll<number>().filterWhere('answer_category', '=', 'not_accepted').as('not_accepted'),
        eb.fn.count<number>('organisation_id').as('orgs'),
        eb.fn.countAll<number>().filterWhere('channel', '=', 'hearing').as('hearings'),
        sql<number>`coalesce(sum(support_count), 0)`.as('supports'),
        eb.fn.countAll<number>().filterWhere('first_answered_at', '>', answersDueAt).as('late'),
      ])
      .groupBy('article_unit_id')
      .execute(),
    db
      .selectFrom('consultation_comment')
      .where('consultation_id', '=', consultationId)
      .where((eb) => eb.or([eb('status', '<>', 'published'), eb('needs_review', '=', true)]))
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere((e) => e.or([e('status', '=', 'pending'), e('needs_review', '=', true)])).as('pending'),
        eb.fn.countAll<number>().filterWhere('status', 'in', ['removed', 'rejected']).as('removed'),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  const totals: CommentFigures = {
    comments: 0,
    answered: 0,
    unanswered: 0,
    accepted: 0,
    partlyAccepted: 0,
    notAccepted: 0,
    fromOrganisations: 0,
    fromCitizens: 0,
    fromHearings: 0,
    supports: 0,
    answeredLate: 0,
    pending: Number(other.pending),
    removed: Number(other.removed),
  };
  const byArticle = new Map<number, ArticleFigures>();
  for (const r of rows) {
    const comments = Number(r.comments);
    const answered = Number(r.answered);
    totals.comments += comments;
    totals.answered += answered;
    totals.accepted += Number(r.accepted);
    totals.partlyAccepted += Number(r.partly);
    totals.notAccepted += Number(r.not_accepted);
    totals.fromOrganisations += Number(r.orgs);
    totals.fromHearings += Number(r.hearings);
    totals.supports += Number(r.supports);
    totals.answeredLate += Number(r.late);
    byArticle.set(r.article_unit_id ?? 0, { comments, unanswered: comments - answered, accepted: Number(r.accepted), partlyAccepted: Number(r.partly), notAccepted: Number(r.not_accepted) });
  }
  totals.unanswered = totals.comments - totals.answered;
  totals.fromCitizens = totals.comments - totals.fromOrganisations;
  return { totals, byArticle };
}

/** Totals of a consultation's comments. */
export async function commentFigures(db: Queryable, consultationId: number, answersDueAt: Date): Promise<CommentFigures> {
  return (await consultationFigures(db, consultationId, answersDueAt)).totals;
}

/** Published comments per article unit (and how many are unanswered); key 0 is the draft as a whole. */
export async function countsByArticle(db: Queryable, consultationId: number): Promise<Map<number, ArticleCount>> {
  const rows = await db
    .selectFrom('consultation_comment')
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'published')
    .select((eb) => ['article_unit_id', eb.fn.countAll<number>().as('n'), eb.fn.count<number>('answer_category').as('answered')])
    .groupBy('article_unit_id')
    .execute();
  return new Map(rows.map((r) => [r.article_unit_id ?? 0, { comments: Number(r.n), unanswered: Number(r.n) - Number(r.answered) }]));
}

/** Published comments per unit of one article (the article itself and each paragraph). */
export async function countsByUnit(db: Queryable, consultationId: number, articleUnitId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('consultation_comment')
    .where('consultation_id', '=', consultationId)
    .where('article_unit_id', '=', articleUnitId)
    .where('status', '=', 'published')
    .select((eb) => ['unit_id', eb.fn.countAll<number>().as('n')])
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id ?? 0, Number(r.n)]));
}

export interface Hearing {
  id: number;
  startsAt: Date;
  place: string;
  howToJoin: string;
  minutes: string | null;
  minutesAddedAt: Date | null;
  comments: number;
}

export async function listHearings(db: Queryable, consultationId: number): Promise<Hearing[]> {
  const rows = await db
    .selectFrom('consultation_hearing as h')
    .where('h.consultation_id', '=', consultationId)
    .select((eb) => [
      'h.id',
      'h.starts_at',
      'h.place',
      'h.how_to_join',
      'h.minutes',
      'h.minutes_added_at',
      eb
        .selectFrom('consultation_comment as cc')
        .whereRef('cc.hearing_id', '=', 'h.id')
        .where('cc.status', '=', 'published')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('comments'),
    ])
    .orderBy('h.starts_at')
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({ id: r.id, startsAt: r.starts_at, place: r.place, howToJoin: r.how_to_join, minutes: r.minutes, minutesAddedAt: r.minutes_added_at, comments: Number(r.comments ?? 0) }));
}

export type SubscriptionState = 'following' | 'muted' | null;

export async function subscriptionOf(db: Queryable, consultationId: number, accountId: number): Promise<SubscriptionState> {
  const row = await db.selectFrom('consultation_subscription').where('consultation_id', '=', consultationId).where('account_id', '=', accountId).select('state').executeTakeFirst();
  return row?.state ?? null;
}

export async function followerCount(db: Queryable, consultationId: number): Promise<number> {
  const row = await db
    .selectFrom('consultation_subscription')
    .where('consultation_id', '=', consultationId)
    .where('state', '=', 'following')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Civil-society organisations, for staff entering a hearing comment made for one. */
export async function listCsos(db: Queryable): Promise<BodyRef[]> {
  const rows = await db.selectFrom('organisation').where('kind', '=', 'cso').select(['id', 'slug', 'name_mn', 'name_en']).orderBy('name_mn').limit(2000).execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, nameMn: r.name_mn, nameEn: r.name_en }));
}

export type { AnswerCategory };
