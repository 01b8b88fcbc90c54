import { hasPlatformRole, isStaffOf, type Actor } from '../../shared/auth/actor.js';
import { safeEqual, sha256 } from '../../shared/secrets.js';

/** The parts of an item that decisions depend on. */
export interface ItemAccess {
  body_id: number;
  submitter_id: number | null;
  submitter_key_hash: Buffer;
  publication: 'private' | 'pending' | 'published' | 'withheld';
}

/** Staff of the responsible body handle the item and see its private details (text, contact, notes). */
export function canHandle(actor: Actor | null, item: Pick<ItemAccess, 'body_id'>): boolean {
  return isStaffOf(actor, item.body_id);
}

/** Moderators decide what of a public item is published; platform admins may too. */
export function canModerate(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'moderator') || hasPlatformRole(actor, 'platform_admin');
}

/** Hotline operators file feedback on behalf of callers. */
export function canFileForCaller(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'operator');
}

/**
 * The submitter rates, reopens and escalates: either signed in as the account that sent
 * it, or holding the private link given when it was sent (anonymous submitters).
 */
export function canActAsSubmitter(actor: Actor | null, item: Pick<ItemAccess, 'submitter_id' | 'submitter_key_hash'>, key?: string | null): boolean {
  if (actor && item.submitter_id !== null && item.submitter_id === actor.accountId) return true;
  return !!key && safeEqual(sha256(key), item.submitter_key_hash);
}

/** The full text of an item is for its body, or the public once a moderator published it. */
export function canReadPublicText(item: Pick<ItemAccess, 'publication'>): boolean {
  return item.publication === 'published';
}
