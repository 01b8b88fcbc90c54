import { countPersonalData, findPersonalData } from '../../shared/personal-data.js';

/**
 * Light moderation: most comments are published at once; a comment that looks like it
 * holds personal data (a phone number, an email address, a registry number) or a link
 * (spam's usual vehicle) waits for a moderator instead. Abuse cannot be recognised by a
 * pattern; people report it and moderators remove it, with a reason either way.
 */
export type HeldReason = 'personal_data' | 'link';

const LINK = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]{2,}\.(?:mn|com|org|net|info|io|ru|cn|xyz|top)\b/iu;

export function screenComment(text: string): HeldReason | null {
  if (countPersonalData(findPersonalData(text)) > 0) return 'personal_data';
  if (LINK.test(text)) return 'link';
  return null;
}
