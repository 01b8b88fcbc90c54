import type { Queryable } from '../db/database.js';
import { checkPublicPayload, type PayloadOf, type PublicEventKind } from './events.js';
import type { TSchema } from 'typebox';

export interface AppendInput<K extends PublicEventKind<TSchema>> {
  kind: K;
  /** Public path of what the event is about: 'feedback/K7M4TRX9'. */
  subject: string;
  payload: PayloadOf<K>;
  occurredAt: Date;
}

/**
 * Appends an event to the public record inside the caller's transaction, so the event
 * exists exactly when the change it describes does. Linking into the hash chain happens
 * later, in the background, which keeps concurrent writers from queueing on one row.
 */
export async function appendPublicEvent<K extends PublicEventKind<TSchema>>(q: Queryable, input: AppendInput<K>): Promise<number> {
  checkPublicPayload(input.kind.type, input.payload);
  const row = await q
    .insertInto('public_event')
    .values({ type: input.kind.type, subject: input.subject, payload: JSON.stringify(input.payload), occurred_at: input.occurredAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
