import type { Insertable } from 'kysely';
import type { Queryable, Tx } from '../../../shared/db/database.js';
import type { FeedbackEvent } from '../../../shared/db/db-types.js';
import { AppError } from '../../../shared/errors.js';
import type { Secrets } from '../../../shared/secrets.js';

export interface CommandContext {
  now: Date;
  /** Base URL for links in emails. */
  publicUrl: string;
  /** Derives the submitter's private link (see submitter-key.ts). */
  secrets: Secrets;
}

export interface BodyRef {
  id: number;
  slug: string;
  name_mn: string;
  name_en: string;
  superior_body_id: number | null;
}

export async function loadBody(q: Queryable, bodyId: number): Promise<BodyRef> {
  const body = await q
    .selectFrom('body')
    .innerJoin('organisation', 'organisation.id', 'body.organisation_id')
    .select(['organisation.id', 'organisation.slug', 'organisation.name_mn', 'organisation.name_en', 'body.superior_body_id'])
    .where('body.organisation_id', '=', bodyId)
    .executeTakeFirst();
  if (!body) throw new AppError('feedback.unknown_body', { status: 400 });
  return body;
}

/** Locks the item for the rest of the transaction, so two staff acting at once cannot both extend it. */
export async function lockItem(tx: Tx, code: string) {
  const item = await tx.selectFrom('feedback_item').selectAll().where('code', '=', code).forUpdate().executeTakeFirst();
  if (!item) throw new AppError('feedback.not_found', { status: 404 });
  return item;
}

export type LockedItem = Awaited<ReturnType<typeof lockItem>>;

export async function addHistory(tx: Tx, event: Insertable<FeedbackEvent>): Promise<void> {
  await tx.insertInto('feedback_event').values(event).execute();
}

export function invalidTransition(): AppError {
  return new AppError('feedback.invalid_transition', { status: 409 });
}

/** Where the submitter can be written to, if they gave an email address. */
export async function contactEmail(q: Queryable, itemId: number): Promise<string | null> {
  const contact = await q.selectFrom('feedback_contact').select('email').where('item_id', '=', itemId).executeTakeFirst();
  return contact?.email ?? null;
}

/** The language to write to the submitter in: the item's language. */
export function itemLang(item: { language: string }): 'mn' | 'en' {
  return item.language === 'en' ? 'en' : 'mn';
}
