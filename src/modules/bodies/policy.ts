import { hasPlatformRole, membershipIn, type Actor } from '../../shared/auth/actor.js';

/**
 * Who may do what with bodies and organisations. Handlers call these explicitly after
 * loading the body; a `false` for an anonymous actor means "sign in", for anyone else
 * "forbidden" (see `authorise` in http.ts).
 */

/** Platform admins configure bodies: create them, rename them, set their superior body and place. */
export function canAdministerBodies(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'platform_admin');
}

/**
 * A body's admins (and platform admins) manage its staff, the categories it handles and
 * the places it serves. Plain staff of the body may not, nor admins of another body.
 */
export function canManageBody(actor: Actor | null, bodyId: number): boolean {
  if (canAdministerBodies(actor)) return true;
  const membership = membershipIn(actor, bodyId);
  return membership?.kind === 'body' && membership.role === 'admin';
}

/** Platform admins register civil-society organisations until CSOs can register themselves. */
export function canCreateOrganisation(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'platform_admin');
}
