import { sql } from 'kysely';
import type { Queryable } from '../../shared/db/database.js';
import type { BodyType, PetitionOutcome, PetitionResponseKind } from '../../shared/db/db-types.js';
import type { Consequence, Level, Reason, State } from './model.js';

/** Everything a petition's pages show except the counts, as read in one go. */
export interface PetitionView {
  id: number;
  state: State;
  title: string;
  action: string;
  background: string;
  links: string[];
  language: 'mn' | 'en';
  body: { id: number; slug: string; nameMn: string; nameEn: string; type: BodyType };
  creatorId: number;
  minLevel: Level | null;
  openDays: number | null;
  createdAt: Date;
  collectingAt: Date | null;
  moderationAt: Date | null;
  moderationDueAt: Date | null;
  moderatedAt: Date | null;
  rejectionReason: Reason | null;
  rejectionNote: string | null;
  duplicateOf: number | null;
  openedAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
  closedEarly: boolean;
  supporterCount: number;
  steps: StepView[];
  responses: ResponseView[];
}

export interface StepView {
  position: number;
  counts: 'supporters' | 'votes';
  threshold: number;
  consequence: Consequence;
  actWithinDays: number | null;
  closesVoting: boolean;
  reachedAt: Date | null;
  dueAt: Date | null;
  answeredAt: Date | null;
}

export interface ResponseView {
  id: number;
  kind: PetitionResponseKind;
  outcome: PetitionOutcome | null;
  stepPosition: number | null;
  text: string;
  respondedAt: Date;
  dueAt: Date | null;
  onTime: boolean | null;
}

export async function loadPetitionView(db: Queryable, id: number): Promise<PetitionView | null> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return null;
  const [row, steps, responses] = await Promise.all([
    db
      .selectFrom('petition as p')
      .innerJoin('body as b', 'b.organisation_id', 'p.body_id')
      .innerJoin('organisation as o', 'o.id', 'p.body_id')
      .selectAll('p')
      .select(['o.slug', 'o.name_mn', 'o.name_en', 'b.body_type'])
      .where('p.id', '=', id)
      .executeTakeFirst(),
    db.selectFrom('petition_step').selectAll().where('petition_id', '=', id).orderBy('position').execute(),
    db.selectFrom('petition_response').selectAll().where('petition_id', '=', id).orderBy('id').execute(),
  ]);
  if (!row) return null;
  return {
    id: row.id,
    state: row.state,
    title: row.title,
    action: row.action,
    background: row.background,
    links: row.links,
    language: row.language === 'en' ? 'en' : 'mn',
    body: { id: row.body_id, slug: row.slug, nameMn: row.name_mn, nameEn: row.name_en, type: row.body_type },
    creatorId: row.creator_id,
    minLevel: row.min_level,
    openDays: row.open_days,
    createdAt: row.created_at,
    collectingAt: row.collecting_at,
    moderationAt: row.moderation_at,
    moderationDueAt: row.moderation_due_at,
    moderatedAt: row.moderated_at,
    rejectionReason: row.rejection_reason,
    rejectionNote: row.rejection_note,
    duplicateOf: row.duplicate_of,
    openedAt: row.opened_at,
    closesAt: row.closes_at,
    closedAt: row.closed_at,
    closedEarly: row.closed_early,
    supporterCount: row.supporter_count,
    steps: steps.map((s) => ({
      position: s.position,
      counts: s.counts as 'supporters' | 'votes',
      threshold: s.threshold,
      consequence: s.consequence,
      actWithinDays: s.act_within_days,
      closesVoting: s.closes_voting,
      reachedAt: s.reached_at,
      dueAt: s.due_at,
      answeredAt: s.answered_at,
    })),
    responses: responses.map((r) => ({ id: r.id, kind: r.kind, outcome: r.outcome, stepPosition: r.step_position, text: r.text, respondedAt: r.responded_at, dueAt: r.due_at, onTime: r.on_time })),
  };
}

/** The state as the public sees it at `now`: open past its closing time is closed, even before the closing job ran. */
export function effectiveState(view: Pick<PetitionView, 'state' | 'closesAt'>, now: Date): State {
  return view.state === 'open' && view.closesAt && view.closesAt.getTime() <= now.getTime() ? 'closed' : view.state;
}

/** Steps whose action is due and not answered, the earliest first. */
export function outstandingSteps(view: Pick<PetitionView, 'steps'>): StepView[] {
  return view.steps.filter((s) => s.dueAt && !s.answeredAt).sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime());
}

export function isLate(step: StepView, now: Date): boolean {
  return !!step.dueAt && !step.answeredAt && step.dueAt.getTime() < now.getTime();
}

/** Exact counts of valid votes: the sum over the writers' shards. */
export interface Counts {
  total: number;
  invalidated: number;
  /** Soum or düüreg code → votes. */
  byPlace: Map<string, number>;
  /** Start of the hour (epoch ms) → votes. */
  byHour: Map<number, number>;
}

export async function loadCounts(db: Queryable, id: number): Promise<Counts> {
  const [totals, places, hours] = await Promise.all([
    sql<{ votes: number; invalidated: number }>`SELECT coalesce(sum(votes), 0) AS votes, coalesce(sum(invalidated), 0) AS invalidated FROM petition_count WHERE petition_id = ${id}`.execute(db),
    sql<{ place_code: string; votes: number }>`SELECT place_code, sum(votes) AS votes FROM petition_place_count WHERE petition_id = ${id} GROUP BY place_code`.execute(db),
    sql<{ hour: Date; votes: number }>`SELECT hour, sum(votes) AS votes FROM petition_hour_count WHERE petition_id = ${id} GROUP BY hour`.execute(db),
  ]);
  const t = totals.rows[0];
  return {
    total: Number(t?.votes ?? 0),
    invalidated: Number(t?.invalidated ?? 0),
    byPlace: new Map(places.rows.filter((r) => Number(r.votes) !== 0).map((r) => [r.place_code, Number(r.votes)])),
    byHour: new Map(hours.rows.filter((r) => Number(r.votes) !== 0).map((r) => [r.hour.getTime(), Number(r.votes)])),
  };
}

/** Votes per aimag or the capital (2-digit code), from the soum counts. */
export function countsByAimag(counts: Counts): Map<string, number> {
  const out = new Map<string, number>();
  for (const [code, n] of counts.byPlace) out.set(code.slice(0, 2), (out.get(code.slice(0, 2)) ?? 0) + n);
  return out;
}

export interface ListFilters {
  state?: State;
  bodySlug?: string;
  q?: string;
  /** Only petitions with an answer overdue. */
  late?: boolean;
}

export interface ListedPetition {
  id: number;
  state: State;
  title: string;
  body: { slug: string; nameMn: string; nameEn: string };
  openedAt: Date | null;
  closesAt: Date | null;
  closedAt: Date | null;
  rejectionReason: Reason | null;
  votes: number;
  lateSince: Date | null;
}

/** Published petitions (open, closed, rejected) for the list and its JSON twin, newest first, with a keyset cursor. */
export async function listPetitions(db: Queryable, filters: ListFilters, page: { after?: number | null; limit: number }, now: Date): Promise<{ items: ListedPetition[]; next: number | null }> {
  const q = filters.q?.trim().toLowerCase().slice(0, 100);
  const rows = await sql<{
    id: number;
    state: State;
    title: string;
    slug: string;
    name_mn: string;
    name_en: string;
    opened_at: Date | null;
    closes_at: Date | null;
    closed_at: Date | null;
    rejection_reason: Reason | null;
    votes: number;
    late_since: Date | null;
  }>`
    SELECT p.id, p.state, p.title, o.slug, o.name_mn, o.name_en, p.opened_at, p.closes_at, p.closed_at, p.rejection_reason,
           coalesce((SELECT sum(votes) FROM petition_count c WHERE c.petition_id = p.id), 0) AS votes,
           (SELECT min(due_at) FROM petition_step s WHERE s.petition_id = p.id AND s.due_at < ${now} AND s.answered_at IS NULL) AS late_since
    FROM petition p JOIN organisation o ON o.id = p.body_id
    WHERE p.state IN ('open', 'closed', 'rejected')
      ${filters.state ? sql`AND p.state = ${filters.state}` : sql``}
      ${filters.bodySlug ? sql`AND o.slug = ${filters.bodySlug}` : sql``}
      ${q ? sql`AND (lower(p.title) LIKE ${'%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'} OR lower(p.action) LIKE ${'%' + q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'})` : sql``}
      ${filters.late ? sql`AND EXISTS (SELECT 1 FROM petition_step s WHERE s.petition_id = p.id AND s.due_at < ${now} AND s.answered_at IS NULL)` : sql``}
      ${page.after ? sql`AND p.id < ${page.after}` : sql``}
    ORDER BY p.id DESC
    LIMIT ${page.limit + 1}`.execute(db);
  const items = rows.rows.slice(0, page.limit).map((r) => ({
    id: r.id,
    state: r.state,
    title: r.title,
    body: { slug: r.slug, nameMn: r.name_mn, nameEn: r.name_en },
    openedAt: r.opened_at,
    closesAt: r.closes_at,
    closedAt: r.closed_at,
    rejectionReason: r.rejection_reason,
    votes: Number(r.votes),
    lateSince: r.late_since,
  }));
  return { items, next: rows.rows.length > page.limit ? items[items.length - 1]!.id : null };
}

export interface WaitingPetition {
  id: number;
  title: string;
  body: { slug: string; nameMn: string; nameEn: string };
  position: number;
  consequence: Consequence;
  reachedAt: Date;
  dueAt: Date;
}

/** Steps owed an answer, the longest waiting first (by when they were reached). */
export async function waitingForAnswer(db: Queryable, options: { bodyId?: number; limit?: number } = {}): Promise<WaitingPetition[]> {
  let query = db
    .selectFrom('petition_step as s')
    .innerJoin('petition as p', 'p.id', 's.petition_id')
    .innerJoin('organisation as o', 'o.id', 'p.body_id')
    .select(['p.id', 'p.title', 'o.slug', 'o.name_mn', 'o.name_en', 's.position', 's.consequence', 's.reached_at', 's.due_at'])
    .where('s.due_at', 'is not', null)
    .where('s.answered_at', 'is', null)
    .orderBy('s.reached_at')
    .orderBy('p.id')
    .limit(options.limit ?? 100);
  if (options.bodyId) query = query.where('p.body_id', '=', options.bodyId);
  const rows = await query.execute();
  return rows.map((r) => ({ id: r.id, title: r.title, body: { slug: r.slug, nameMn: r.name_mn, nameEn: r.name_en }, position: r.position, consequence: r.consequence, reachedAt: r.reached_at!, dueAt: r.due_at! }));
}

/** Public moderation figures: waiting now, of which past the target, and decisions so far. */
export async function moderationFigures(db: Queryable, now: Date): Promise<{ waiting: number; overdue: number; published: number; rejected: Record<Reason, number>; invalidated: number }> {
  const [row, reasons, invalid] = await Promise.all([
    sql<{ waiting: number; overdue: number; published: number }>`
      SELECT count(*) FILTER (WHERE state = 'moderation') AS waiting,
             count(*) FILTER (WHERE state = 'moderation' AND moderation_due_at < ${now}) AS overdue,
             count(*) FILTER (WHERE state IN ('open', 'closed')) AS published
      FROM petition`.execute(db),
    sql<{ reason: Reason; n: number }>`SELECT rejection_reason AS reason, count(*) AS n FROM petition WHERE state = 'rejected' GROUP BY 1`.execute(db),
    sql<{ n: number }>`SELECT coalesce(sum(invalidated), 0) AS n FROM petition_count`.execute(db),
  ]);
  const rejected = { duplicate: 0, outside_remit: 0, defamatory: 0, hateful: 0, personal_data: 0, not_action: 0 } as Record<Reason, number>;
  for (const r of reasons.rows) rejected[r.reason] = Number(r.n);
  const f = row.rows[0]!;
  return { waiting: Number(f.waiting), overdue: Number(f.overdue), published: Number(f.published), rejected, invalidated: Number(invalid.rows[0]?.n ?? 0) };
}

/** Bodies that take petitions, for the draft form's list. */
export async function petitionBodies(db: Queryable): Promise<{ id: number; slug: string; nameMn: string; nameEn: string; type: BodyType; placeCode: string | null }[]> {
  const rows = await db
    .selectFrom('body as b')
    .innerJoin('organisation as o', 'o.id', 'b.organisation_id')
    .select(['o.id', 'o.slug', 'o.name_mn', 'o.name_en', 'b.body_type', 'b.place_code'])
    .where('b.body_type', 'in', ['parliament', 'ministry', 'agency', 'khural'])
    .orderBy('b.body_type')
    .orderBy('o.name_mn')
    .execute();
  return rows.map((r) => ({ id: r.id, slug: r.slug, nameMn: r.name_mn, nameEn: r.name_en, type: r.body_type, placeCode: r.place_code }));
}
