import type { Db } from '../../../shared/db/database.js';
import type { FeedbackChannel } from '../../../shared/db/db-types.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { enqueueEmail } from '../../../shared/mail/email.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { sha256 } from '../../../shared/secrets.js';
import type { ProcessedImage } from '../attachments.js';
import { computeDueAt } from '../deadlines.js';
import { feedbackReceivedEmail } from '../emails.js';
import { feedbackReceived, feedbackSubject } from '../events.js';
import { LIMITS, normaliseEmail, normalisePhone, type Kind } from '../model.js';
import { resolveResponsibleBody } from '../routing.js';
import { submitterKeyFor } from '../submitter-key.js';
import { newTrackingCode } from '../tracking-code.js';
import { managePath, trackPath } from '../urls.js';
import { addHistory, loadBody, type CommandContext } from './common.js';

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
 * the confirmation email: all in one transaction, so a failure leaves nothing behind.
 */
export async function submitFeedback(db: Db, input: SubmitFeedbackInput, ctx: CommandContext): Promise<SubmittedFeedback> {
  const { fields, email, phone } = validate(input);
  const category = await db.selectFrom('category').select(['id', 'code']).where('code', '=', input.categoryCode).where('active', '=', true).executeTakeFirst();
  if (!category) fields.push({ field: 'category', key: 'feedback:errors.unknown_category' });
  const place = await db.selectFrom('place').select(['code']).where('code', '=', input.placeCode).executeTakeFirst();
  if (!place) fields.push({ field: 'place', key: 'feedback:errors.unknown_place' });
  if (fields.length || !category || !place) throw new AppError('validation_failed', { fields });

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
    const bodyId = await resolveResponsibleBody(tx, category.id, place.code);
    const body = await loadBody(tx, bodyId);
    const dueAt = await computeDueAt(tx, input.kind, bodyId, ctx.now);
    const name = trimmed(input.contact?.name);

    let inserted: { id: number; code: string } | undefined;
    for (let attempt = 0; !inserted; attempt++) {
      const code = newTrackingCode();
      const key = submitterKeyFor(ctx.secrets, code);
      // A collision among 25^8 codes is rare; ON CONFLICT keeps the transaction alive to retry.
      inserted = await tx
        .insertInto('feedback_item')
        .values({
          code,
          kind: input.kind,
          category_id: category.id,
          place_code: place.code,
          lat: input.lat ?? null,
          lon: input.lon ?? null,
          title: input.title.trim(),
          description: input.description.trim(),
          language: input.language,
          publication: input.wantsPublic ? 'pending' : 'private',
          status: 'received',
          body_id: bodyId,
          channel: input.channel,
          submitter_id: input.submitterId ?? null,
          submitter_key_hash: sha256(key),
          operator_id: input.operatorId ?? null,
          api_client_id: input.apiClientId ?? null,
          received_at: ctx.now,
          due_at: dueAt,
          updated_at: ctx.now,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning(['id', 'code'])
        .executeTakeFirst();
      if (attempt > 5) throw new Error('could not allocate a tracking code');
    }
    const { id, code } = inserted;
    const submitterKey = submitterKeyFor(ctx.secrets, code);

    if (name || email || phone) await tx.insertInto('feedback_contact').values({ item_id: id, name, email, phone }).execute();
    for (const image of input.images ?? []) {
      await tx
        .insertInto('feedback_attachment')
        .values({ item_id: id, media_type: image.mediaType, bytes: image.bytes, width: image.width, height: image.height, created_at: ctx.now })
        .execute();
    }
    if (input.draftId) {
      await tx.insertInto('feedback_submission').values({ draft_id: input.draftId, item_id: id }).execute();
      await tx.deleteFrom('feedback_draft').where('id', '=', input.draftId).execute();
    }
    let open311Token: string | null = null;
    if (input.channel === 'open311') {
      open311Token = (await tx.insertInto('open311_token').values({ item_id: id }).returning('token').executeTakeFirstOrThrow()).token;
    }
    await addHistory(tx, { item_id: id, type: 'received', at: ctx.now, actor_id: input.operatorId ?? null, body_id: bodyId, data: JSON.stringify({ channel: input.channel }) });
    await appendPublicEvent(tx, {
      kind: feedbackReceived,
      subject: feedbackSubject(code),
      occurredAt: ctx.now,
      payload: {
        code,
        kind: input.kind,
        category: category.code,
        place: place.code.slice(0, 4),
        body: body.slug,
        channel: input.channel,
        due_at: dueAt.toISOString(),
      },
    });
    if (email) {
      await enqueueEmail(tx, feedbackReceivedEmail, email, input.language, {
        code,
        kind: input.kind,
        title: input.title.trim(),
        body: { mn: body.name_mn, en: body.name_en },
        dueAt: dueAt.toISOString(),
        trackUrl: ctx.publicUrl + trackPath(code),
        manageUrl: ctx.publicUrl + managePath(code, submitterKey),
      });
    }
    return { id, code, submitterKey, bodyId, dueAt, open311Token };
  });
}
