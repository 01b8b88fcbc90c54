import { sql } from 'kysely';
import type { Db, Queryable } from '../../../shared/db/database.js';
import { AppError } from '../../../shared/errors.js';
import type { ProcessedImage } from '../attachments.js';
import { isPlaceCode } from '../../places/codes.js';
import { FEEDBACK_KINDS, LIMITS, type Kind } from '../model.js';

/**
 * Server-side drafts of the staged web form (feedback_draft). The draft's id is a random
 * UUID that appears only in the person's own address bar: it is the capability to read
 * and change the answers, so a draft needs no account and no cookie. Drafts may hold
 * contact details, so they live for a day after the last change and are then deleted.
 */
export const DRAFT_LIFETIME_MS = 24 * 3600 * 1000;
/** How long after sending the confirmation page (with the private link) can be opened again. */
export const SENT_PAGE_LIFETIME_MS = 2 * 3600 * 1000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isDraftId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The answers given so far; every field is filled in by its own step. */
export interface DraftData {
  kind?: Kind;
  category?: string;
  place?: string;
  title?: string;
  description?: string;
  publication?: 'public' | 'private';
  name?: string;
  email?: string;
  phone?: string;
  /** Optional steps the person has passed, so the form knows where they are. */
  photosDone?: boolean;
  contactDone?: boolean;
}

export interface Draft {
  id: string;
  data: DraftData;
  accountId: number | null;
}

export interface DraftPhoto {
  id: number;
  filename: string;
  mediaType: string;
  width: number;
  height: number;
  size: number;
}

/** Starts a draft, and clears drafts nobody touched for a day (they may hold contact details). */
export async function createDraft(db: Db, now: Date, accountId: number | null): Promise<string> {
  await db.deleteFrom('feedback_draft').where('channel', '=', 'web').where('updated_at', '<', new Date(now.getTime() - DRAFT_LIFETIME_MS)).execute();
  const row = await db
    .insertInto('feedback_draft')
    .values({ data: JSON.stringify({}), channel: 'web', account_id: accountId, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A live web draft, or undefined when the id is malformed, unknown, expired or not the web form's. */
export async function loadDraft(db: Queryable, id: string, now: Date): Promise<Draft | undefined> {
  if (!isDraftId(id)) return undefined;
  const row = await db
    .selectFrom('feedback_draft')
    .select(['id', 'data', 'account_id'])
    .where('id', '=', id)
    .where('channel', '=', 'web')
    .where('updated_at', '>=', new Date(now.getTime() - DRAFT_LIFETIME_MS))
    .executeTakeFirst();
  if (!row) return undefined;
  return { id: row.id, data: readDraftData(row.data), accountId: row.account_id };
}

/**
 * The stored answers, keeping only values of the right shape: drafts are written by the
 * form's own handlers, but a damaged row must make the form ask again, not fail.
 */
export function readDraftData(raw: unknown): DraftData {
  const data: DraftData = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return data;
  const r = raw as Record<string, unknown>;
  const text = (key: keyof DraftData, max: number) => (typeof r[key] === 'string' && (r[key] as string).length <= max ? (r[key] as string) : undefined);
  if ((FEEDBACK_KINDS as readonly unknown[]).includes(r.kind)) data.kind = r.kind as Kind;
  data.category = text('category', 60);
  data.place = typeof r.place === 'string' && isPlaceCode(r.place) ? r.place : undefined;
  data.title = text('title', LIMITS.title);
  data.description = text('description', LIMITS.description);
  if (r.publication === 'public' || r.publication === 'private') data.publication = r.publication;
  data.name = text('name', LIMITS.name);
  data.email = text('email', LIMITS.email);
  data.phone = text('phone', 40);
  if (r.photosDone === true) data.photosDone = true;
  if (r.contactDone === true) data.contactDone = true;
  for (const key of Object.keys(data) as (keyof DraftData)[]) if (data[key] === undefined) delete data[key];
  return data;
}

/** Merges answers into the draft. */
export async function saveDraft(db: Queryable, id: string, changes: Partial<DraftData>, now: Date): Promise<void> {
  await db
    .updateTable('feedback_draft')
    .set({ data: sql`data || ${JSON.stringify(changes)}::jsonb`, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** The tracking code of the item filed from this draft, if it was sent. */
export async function submittedItem(db: Queryable, draftId: string): Promise<{ code: string; receivedAt: Date } | undefined> {
  if (!isDraftId(draftId)) return undefined;
  return db
    .selectFrom('feedback_submission as s')
    .innerJoin('feedback_item as f', 'f.id', 's.item_id')
    .select(['f.code', 'f.received_at as receivedAt'])
    .where('s.draft_id', '=', draftId)
    .executeTakeFirst();
}

export async function draftPhotos(db: Queryable, draftId: string): Promise<DraftPhoto[]> {
  return db
    .selectFrom('feedback_draft_attachment')
    .select(['id', 'filename', 'media_type as mediaType', 'width', 'height', (eb) => eb.fn<number>('octet_length', ['bytes']).as('size')])
    .where('draft_id', '=', draftId)
    .orderBy('id')
    .execute();
}

export async function draftPhotoBytes(db: Queryable, draftId: string, photoId: number): Promise<{ mediaType: string; bytes: Buffer } | undefined> {
  return db
    .selectFrom('feedback_draft_attachment')
    .select(['media_type as mediaType', 'bytes'])
    .where('draft_id', '=', draftId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

/** The processed photos, ready for submitFeedback. */
export async function draftImages(db: Queryable, draftId: string): Promise<ProcessedImage[]> {
  const rows = await db.selectFrom('feedback_draft_attachment').select(['media_type', 'bytes', 'width', 'height']).where('draft_id', '=', draftId).orderBy('id').execute();
  return rows.map((r) => ({ mediaType: r.media_type as ProcessedImage['mediaType'], bytes: r.bytes, width: r.width, height: r.height }));
}

/**
 * Adds already processed photos. The draft row is locked so two uploads at once cannot
 * pass the limit of five between them; over the limit, nothing is added.
 */
export async function addDraftPhotos(db: Db, draftId: string, photos: { filename: string; image: ProcessedImage }[], now: Date): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx.selectFrom('feedback_draft').select('id').where('id', '=', draftId).forUpdate().executeTakeFirstOrThrow();
    const existing = await tx
      .selectFrom('feedback_draft_attachment')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('draft_id', '=', draftId)
      .executeTakeFirstOrThrow();
    if (Number(existing.n) + photos.length > LIMITS.attachments) {
      throw new AppError('validation_failed', { fields: [{ field: 'photos', key: 'feedback:errors.too_many_images' }] });
    }
    for (const { filename, image } of photos) {
      await tx
        .insertInto('feedback_draft_attachment')
        .values({ draft_id: draftId, filename, media_type: image.mediaType, bytes: image.bytes, width: image.width, height: image.height, created_at: now })
        .execute();
    }
    await tx.updateTable('feedback_draft').set({ updated_at: now }).where('id', '=', draftId).execute();
  });
}

export async function removeDraftPhoto(db: Queryable, draftId: string, photoId: number): Promise<void> {
  await db.deleteFrom('feedback_draft_attachment').where('draft_id', '=', draftId).where('id', '=', photoId).execute();
}
