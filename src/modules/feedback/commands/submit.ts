import { sql } from 'kysely';
import { loadCalendar } from '../../../shared/calendar.js';
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

  if (!input.draftId && !input.images?.length) return insertItem(db, item, ctx);
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

/**
 * The item, its contact details, its first history entry, its public event, its Open311
 * token and its confirmation email, written by one statement. A tracking-code collision
 * (ON CONFLICT DO NOTHING) writes nothing and is retried with a new code.
 */
async function insertItem(q: Queryable, item: NewItem, ctx: CommandContext): Promise<SubmittedFeedback> {
  const { input, body, contact, dueAt } = item;
  const title = input.title.trim();
  const hasContact = !!(contact.name || contact.email || contact.phone);
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newTrackingCode();
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
          title,
          body: { mn: body.name_mn, en: body.name_en },
          dueAt: dueAt.toISOString(),
          trackUrl: ctx.publicUrl + trackPath(code),
          manageUrl: ctx.publicUrl + managePath(code, submitterKey),
        })
      : null;
    const result = await sql<{ id: number; code: string; token: string | null }>`
      WITH item AS (
        INSERT INTO feedback_item (code, kind, category_id, place_code, lat, lon, title, description, language, publication, status,
          body_id, channel, submitter_id, submitter_key_hash, operator_id, api_client_id, received_at, due_at, updated_at)
        VALUES (${code}, ${input.kind}, ${item.categoryId}, ${item.placeCode}, ${input.lat ?? null}, ${input.lon ?? null}, ${title},
          ${input.description.trim()}, ${input.language}, ${input.wantsPublic ? 'pending' : 'private'}, 'received', ${body.id}, ${input.channel},
          ${input.submitterId ?? null}, ${sha256(submitterKey)}, ${input.operatorId ?? null}, ${input.apiClientId ?? null}, ${ctx.now}, ${dueAt}, ${ctx.now})
        ON CONFLICT (code) DO NOTHING
        RETURNING id, code
      ), contact AS (
        INSERT INTO feedback_contact (item_id, name, email, phone)
        SELECT id, ${contact.name}, ${contact.email}, ${contact.phone} FROM item WHERE ${hasContact}
      ), history AS (
        INSERT INTO feedback_event (item_id, type, at, actor_id, body_id, data)
        SELECT id, 'received', ${ctx.now}, ${input.operatorId ?? null}, ${body.id}, ${JSON.stringify({ channel: input.channel })}::jsonb FROM item
      ), record AS (
        INSERT INTO public_event (type, subject, payload, occurred_at)
        SELECT ${feedbackReceived.type}, ${feedbackSubject(code)}, ${JSON.stringify(payload)}::jsonb, ${ctx.now} FROM item
      ), token AS (
        INSERT INTO open311_token (item_id) SELECT id FROM item WHERE ${input.channel === 'open311'} RETURNING token
      ), mail AS (
        SELECT graphile_worker.add_job(${SEND_EMAIL_TASK}::text, ${mail ? JSON.stringify(mail) : null}::json, max_attempts => 10)
        FROM item WHERE ${mail !== null}
      )
      SELECT item.id, item.code, (SELECT token FROM token)::text AS token, (SELECT count(*) FROM mail) AS mails FROM item`.execute(q);
    const row = result.rows[0];
    if (row) return { id: row.id, code: row.code, submitterKey, bodyId: body.id, dueAt, open311Token: row.token };
  }
  throw new Error('could not allocate a tracking code');
}
