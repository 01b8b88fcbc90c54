import { sql } from 'kysely';
import { loadCalendar } from '../../../shared/calendar.js';
import { Batcher } from '../../../shared/db/batcher.js';
import type { Db, Queryable } from '../../../shared/db/database.js';
import type { FeedbackChannel } from '../../../shared/db/db-types.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { emailJobPayload, SEND_EMAIL_TASK } from '../../../shared/mail/email.js';
import { checkPublicPayload } from '../../../shared/public-record/events.js';
import { sha256 } from '../../../shared/secrets.js';
import type { ProcessedImage } from '../attachments.js';
import { feedbackReceivedEmail } from '../emails.js';
import { feedbackReceived, feedbackSubject } from '../events.js';
import { LIMITS, normaliseEmail, normalisePhone, type Kind } from '../model.js';
import { placeCatalogue } from '../../places/catalogue.js';
import { deadlineFromReference, feedbackReference, invalidateFeedbackReference, routeFromReference } from '../reference.js';
import { submitterKeyFor } from '../submitter-key.js';
import { newTrackingCode } from '../tracking-code.js';
import { managePath, trackPath } from '../urls.js';
import type { CommandContext } from './common.js';

export interface SubmitFeedbackInput {
  kind: Kind;
  categoryCode: string;
  placeCode: string;
  lat?: number | null;
  lon?: number | null;
  title: string;
  description: string;
  language: 'mn' | 'en';
  /** The submitter's choice: public items go to moderation before anything of their text is shown. */
  wantsPublic: boolean;
  contact?: { name?: string | null; email?: string | null; phone?: string | null };
  channel: FeedbackChannel;
  submitterId?: number | null;
  operatorId?: number | null;
  apiClientId?: number | null;
  images?: ProcessedImage[];
  /** The staged form's draft: a second submission of the same draft is refused. */
  draftId?: string;
}

export interface SubmittedFeedback {
  id: number;
  code: string;
  /** Secret of the private manage link (derived, stored only as a hash). */
  submitterKey: string;
  bodyId: number;
  dueAt: Date;
  open311Token: string | null;
}

function trimmed(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/** Domain checks the schema cannot express; all problems are reported together. */
function validate(input: SubmitFeedbackInput): { fields: FieldError[]; email: string | null; phone: string | null } {
  const fields: FieldError[] = [];
  const title = input.title.trim();
  const description = input.description.trim();
  if (!title) fields.push({ field: 'title', key: 'common:errors.field.required', params: { field: label('feedback:field.title') } });
  else if (title.length > LIMITS.title) fields.push({ field: 'title', key: 'common:errors.field.tooLong', params: { field: label('feedback:field.title'), max: LIMITS.title } });
  if (!description) fields.push({ field: 'description', key: 'common:errors.field.required', params: { field: label('feedback:field.description') } });
  else if (description.length > LIMITS.description) fields.push({ field: 'description', key: 'common:errors.field.tooLong', params: { field: label('feedback:field.description'), max: LIMITS.description } });
  const name = trimmed(input.contact?.name);
  if (name && name.length > LIMITS.name) fields.push({ field: 'name', key: 'common:errors.field.tooLong', params: { field: label('feedback:field.name'), max: LIMITS.name } });
  const rawEmail = trimmed(input.contact?.email);
  const email = rawEmail ? normaliseEmail(rawEmail) : null;
  if (rawEmail && !email) fields.push({ field: 'email', key: 'common:errors.field.email' });
  const rawPhone = trimmed(input.contact?.phone);
  const phone = rawPhone ? normalisePhone(rawPhone) : null;
  if (rawPhone && !phone) fields.push({ field: 'phone', key: 'common:errors.field.phone' });
  if ((input.lat == null) !== (input.lon == null)) fields.push({ field: 'lat', key: 'common:errors.field.invalid', params: { field: label('feedback:field.location') } });
  if (input.lat != null && (input.lat < 41.5 || input.lat > 52.2)) fields.push({ field: 'lat', key: 'common:errors.field.invalid', params: { field: label('feedback:field.location') } });
  if (input.lon != null && (input.lon < 87.7 || input.lon > 120)) fields.push({ field: 'long', key: 'common:errors.field.invalid', params: { field: label('feedback:field.location') } });
  return { fields, email, phone };
}

/**
 * Files a piece of feedback: routes it to the responsible body, sets its legal
 * deadline, gives it a tracking code, records its history and public event, and queues
 * the confirmation email. The configuration comes from memory (reference.ts) and the
 * writes go in one statement, so a submission costs one round trip and one commit and
 * either happens entirely or not at all. Drafts and photos add a transaction around it.
 */
export async function submitFeedback(db: Db, input: SubmitFeedbackInput, ctx: CommandContext): Promise<SubmittedFeedback> {
  const { fields, email, phone } = validate(input);
  let ref = await feedbackReference(db);
  // A category or body created in the last few seconds may be missing from memory: reload once.
  if (!ref.categories.has(input.categoryCode)) {
    invalidateFeedbackReference();
    ref = await feedbackReference(db);
  }
  const category = ref.categories.get(input.categoryCode);
  if (!category) fields.push({ field: 'category', key: 'feedback:errors.unknown_category' });
  const place = placeCatalogue().get(input.placeCode);
  if (!place) fields.push({ field: 'place', key: 'feedback:errors.unknown_place' });
  if (fields.length || !category || !place) throw new AppError('validation_failed', { fields });

  let bodyId = routeFromReference(ref, category.id, place.code);
  if (bodyId !== undefined && !ref.bodies.has(bodyId)) {
    invalidateFeedbackReference();
    ref = await feedbackReference(db);
    bodyId = routeFromReference(ref, category.id, place.code);
  }
  const body = bodyId === undefined ? undefined : ref.bodies.get(bodyId);
  if (!body) throw new AppError('feedback.no_route', { status: 503 });
  const rule = deadlineFromReference(ref, input.kind, body.id);
  const dueAt = (await loadCalendar(db)).deadline(ctx.now, rule.days, rule.dayCount);
  const item: NewItem = {
    input,
    categoryId: category.id,
    categoryCode: category.code,
    placeCode: place.code,
    body,
    dueAt,
    contact: { name: trimmed(input.contact?.name), email, phone },
  };

  // Plain submissions (Open311, operators) join the group commit; drafts and photos need a transaction.
  if (!input.draftId && !input.images?.length && !db.isTransaction) return submissionBatcher(db).submit({ item, ctx });
  return db.transaction().execute(async (tx) => {
    if (input.draftId) {
      const previous = await tx
        .selectFrom('feedback_submission')
        .innerJoin('feedback_item', 'feedback_item.id', 'feedback_submission.item_id')
        .select('feedback_item.code')
        .where('draft_id', '=', input.draftId)
        .executeTakeFirst();
      if (previous) throw new AppError('feedback.already_submitted', { status: 409, params: { code: previous.code } });
    }
    const submitted = await insertItem(tx, item, ctx);
    for (const image of input.images ?? []) {
      await tx
        .insertInto('feedback_attachment')
        .values({ item_id: submitted.id, media_type: image.mediaType, bytes: image.bytes, width: image.width, height: image.height, created_at: ctx.now })
        .execute();
    }
    if (input.draftId) {
      await tx.insertInto('feedback_submission').values({ draft_id: input.draftId, item_id: submitted.id }).execute();
      await tx.deleteFrom('feedback_draft').where('id', '=', input.draftId).execute();
    }
    return submitted;
  });
}

interface NewItem {
  input: SubmitFeedbackInput;
  categoryId: number;
  categoryCode: string;
  placeCode: string;
  body: { id: number; slug: string; name_mn: string; name_en: string };
  dueAt: Date;
  contact: { name: string | null; email: string | null; phone: string | null };
}

/** One submission as the columns of the write statement, with everything derived from its code. */
interface Row {
  code: string;
  submitterKey: string;
  item: NewItem;
  ctx: CommandContext;
  payload: string;
  mail: string | null;
}

function buildRow(item: NewItem, ctx: CommandContext, code = newTrackingCode()): Row {
  const { input, body, contact, dueAt } = item;
  const submitterKey = submitterKeyFor(ctx.secrets, code);
  const payload = {
    code,
    kind: input.kind,
    category: item.categoryCode,
    place: item.placeCode.slice(0, 4),
    body: body.slug,
    channel: input.channel,
    due_at: dueAt.toISOString(),
  };
  checkPublicPayload(feedbackReceived.type, payload);
  const mail = contact.email
    ? emailJobPayload(feedbackReceivedEmail, contact.email, input.language, {
        code,
        kind: input.kind,
        title: input.title.trim(),
        body: { mn: body.name_mn, en: body.name_en },
        dueAt: dueAt.toISOString(),
        trackUrl: ctx.publicUrl + trackPath(code),
        manageUrl: ctx.publicUrl + managePath(code, submitterKey),
      })
    : null;
  return { code, submitterKey, item, ctx, payload: JSON.stringify(payload), mail: mail ? JSON.stringify(mail) : null };
}

function submitted(row: Row, written: { id: number; token: string | null }): SubmittedFeedback {
  return { id: written.id, code: row.code, submitterKey: row.submitterKey, bodyId: row.item.body.id, dueAt: row.item.dueAt, open311Token: written.token };
}

/**
 * Writes submissions (one, or a batch) in ONE statement: the items, their contact
 * details, their first history entries, their public events, their Open311 tokens and
 * their confirmation emails. A tracking code that already exists (ON CONFLICT DO NOTHING)
 * writes nothing for that row; the caller retries it with a new code.
 */
async function writeRows(q: Queryable, rows: Row[]): Promise<Map<string, { id: number; token: string | null }>> {
  const col = <V>(f: (r: Row) => V) => rows.map(f);
  const input = (r: Row) => r.item.input;
  const result = await sql<{ id: number; code: string; token: string | null }>`
    WITH input AS (
      SELECT * FROM unnest(
        ${col((r) => r.code)}::text[], ${col((r) => input(r).kind)}::feedback_kind[], ${col((r) => r.item.categoryId)}::int[],
        ${col((r) => r.item.placeCode)}::text[], ${col((r) => input(r).lat ?? null)}::float8[], ${col((r) => input(r).lon ?? null)}::float8[],
        ${col((r) => input(r).title.trim())}::text[], ${col((r) => input(r).description.trim())}::text[], ${col((r) => input(r).language)}::text[],
        ${col((r) => (input(r).wantsPublic ? 'pending' : 'private'))}::feedback_publication[], ${col((r) => r.item.body.id)}::int[],
        ${col((r) => input(r).channel)}::feedback_channel[], ${col((r) => input(r).submitterId ?? null)}::int[], ${col((r) => sha256(r.submitterKey))}::bytea[],
        ${col((r) => input(r).operatorId ?? null)}::int[], ${col((r) => input(r).apiClientId ?? null)}::int[], ${col((r) => r.ctx.now)}::timestamptz[],
        ${col((r) => r.item.dueAt)}::timestamptz[], ${col((r) => r.item.contact.name)}::text[], ${col((r) => r.item.contact.email)}::text[],
        ${col((r) => r.item.contact.phone)}::text[], ${col((r) => feedbackSubject(r.code))}::text[], ${col((r) => r.payload)}::text[], ${col((r) => r.mail)}::text[]
      ) WITH ORDINALITY AS i (code, kind, category_id, place_code, lat, lon, title, description, language, publication, body_id, channel,
        submitter_id, key_hash, operator_id, api_client_id, received_at, due_at, name, email, phone, subject, payload, mail, ord)
    ), item AS (
      INSERT INTO feedback_item (code, kind, category_id, place_code, lat, lon, title, description, language, publication, status,
        body_id, channel, submitter_id, submitter_key_hash, operator_id, api_client_id, received_at, due_at, updated_at)
      SELECT code, kind, category_id, place_code, lat, lon, title, description, language, publication, 'received',
        body_id, channel, submitter_id, key_hash, operator_id, api_client_id, received_at, due_at, received_at
      FROM input ORDER BY ord
      ON CONFLICT (code) DO NOTHING
      RETURNING id, code
    ), contact AS (
      INSERT INTO feedback_contact (item_id, name, email, phone)
      SELECT item.id, i.name, i.email, i.phone FROM item JOIN input i USING (code) WHERE coalesce(i.name, i.email, i.phone) IS NOT NULL
    ), history AS (
      INSERT INTO feedback_event (item_id, type, at, actor_id, body_id, data)
      SELECT item.id, 'received', i.received_at, i.operator_id, i.body_id, jsonb_build_object('channel', i.channel) FROM item JOIN input i USING (code)
    ), record AS (
      INSERT INTO public_event (type, subject, payload, occurred_at)
      SELECT ${feedbackReceived.type}, i.subject, i.payload::jsonb, i.received_at FROM item JOIN input i USING (code) ORDER BY i.ord
    ), token AS (
      INSERT INTO open311_token (item_id)
      SELECT item.id FROM item JOIN input i USING (code) WHERE i.channel = 'open311'
      RETURNING item_id, token
    ), mail AS (
      SELECT graphile_worker.add_job(${SEND_EMAIL_TASK}::text, i.mail::json, max_attempts => 10)
      FROM item JOIN input i USING (code) WHERE i.mail IS NOT NULL
    )
    SELECT item.id, item.code, token.token::text AS token
    FROM item LEFT JOIN token ON token.item_id = item.id CROSS JOIN (SELECT count(*) FROM mail) AS queued`.execute(q);
  return new Map(result.rows.map((r) => [r.code, { id: r.id, token: r.token }]));
}

/** One submission alone (drafts and photos inside their transaction, and the batch's fallback). */
async function insertItem(q: Queryable, item: NewItem, ctx: CommandContext): Promise<SubmittedFeedback> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const row = buildRow(item, ctx);
    const written = (await writeRows(q, [row])).get(row.code);
    if (written) return submitted(row, written);
  }
  throw new Error('could not allocate a tracking code');
}

interface Waiting {
  item: NewItem;
  ctx: CommandContext;
}

const batchers = new WeakMap<Db, Batcher<Waiting, SubmittedFeedback>>();

/** The group commit of this database's submissions: one per process and database. */
function submissionBatcher(db: Db): Batcher<Waiting, SubmittedFeedback> {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new Batcher<Waiting, SubmittedFeedback>({
      maxBatch: 500,
      maxInFlight: 2,
      async writeBatch(waiting) {
        const rows: Row[] = [];
        const codes = new Set<string>();
        for (const w of waiting) {
          let row = buildRow(w.item, w.ctx);
          while (codes.has(row.code)) row = buildRow(w.item, w.ctx);
          codes.add(row.code);
          rows.push(row);
        }
        const written = await writeRows(db, rows);
        // A row whose code already existed wrote nothing: it goes again alone with a new code.
        return Promise.all(rows.map((row, i) => {
          const w = written.get(row.code);
          return w ? submitted(row, w) : insertItem(db, waiting[i]!.item, waiting[i]!.ctx);
        }));
      },
      writeOne: (w) => insertItem(db, w.item, w.ctx),
    });
    batchers.set(db, batcher);
  }
  return batcher;
}

/** Batches written so far in this process (for tests and the benchmark). */
export function submissionBatchStats(db: Db): Batcher<Waiting, SubmittedFeedback>['stats'] | undefined {
  return batchers.get(db)?.stats;
}

/** Waits until every submission handed to the group commit is written (shutdown, tests). */
export async function submissionsDrained(db: Db): Promise<void> {
  await batchers.get(db)?.drained();
}
