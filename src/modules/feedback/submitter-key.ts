import type { Secrets } from '../../shared/secrets.js';

/**
 * The secret in a submitter's private link, derived from the code with a server key.
 * Every email can carry the link again without the platform storing it; the item keeps
 * only its SHA-256 so the check needs no key.
 */
export function submitterKeyFor(secrets: Secrets, code: string): string {
  return secrets.keyedHash('feedback-submitter-link', code).subarray(0, 18).toString('base64url');
}
