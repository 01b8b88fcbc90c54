import { hasPlatformRole, isStaffOf, membershipIn, staffBodyIds, type Actor } from '../../shared/auth/actor.js';
import type { ConsultationStatus } from '../../shared/db/db-types.js';

/**
 * Who may do what with consultations. Handlers call these after loading the resource;
 * each denial is tested (policy.test.ts and the HTTP tests).
 *
 * - Body staff and body admins of the consultation's body run it: create, edit, publish,
 *   publish versions, hold hearings, answer comments, finish. Platform admins may too.
 * - Signed-in citizens with a confirmed email comment and support; a CSO member may
 *   comment for their organisation, never for one they do not belong to.
 * - Moderators (and platform admins) moderate comments.
 */
export interface ConsultationAccess {
  body_id: number;
  status: ConsultationStatus;
}

function isPlatformAdmin(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'platform_admin');
}

/** Start a consultation for this body. */
export function canCreateFor(actor: Actor | null, bodyId: number): boolean {
  return isStaffOf(actor, bodyId) || isPlatformAdmin(actor);
}

/** Someone who may start a consultation for at least one body (the "new" link). */
export function canCreateAny(actor: Actor | null): boolean {
  return staffBodyIds(actor).length > 0 || isPlatformAdmin(actor);
}

/** Run the consultation: everything the body does. */
export function canManage(actor: Actor | null, c: Pick<ConsultationAccess, 'body_id'>): boolean {
  return isStaffOf(actor, c.body_id) || isPlatformAdmin(actor);
}

/** A draft consultation is the body's until published; afterwards everyone reads it. */
export function canRead(actor: Actor | null, c: ConsultationAccess): boolean {
  return c.status !== 'draft' || canManage(actor, c);
}

/** Comment and support need an account with a confirmed address (the guard checks that). */
export function canParticipate(actor: Actor | null): actor is Actor {
  return !!actor && actor.emailVerified;
}

/** Comment on behalf of an organisation: only a member of that civil-society organisation. */
export function canSpeakFor(actor: Actor | null, organisationId: number): boolean {
  const m = membershipIn(actor, organisationId);
  return !!m && m.kind === 'cso';
}

/** Support someone else's comment (one support per person is enforced by the database). */
export function canSupport(actor: Actor | null, comment: { author_id: number | null }): boolean {
  return canParticipate(actor) && comment.author_id !== actor.accountId;
}

export function canModerate(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'moderator') || isPlatformAdmin(actor);
}

/** The CSOs an actor may speak for, for the comment form's "on behalf of" choice. */
export function organisationsOf(actor: Actor | null): { id: number; slug: string; nameMn: string; nameEn: string }[] {
  return (actor?.memberships ?? []).filter((m) => m.kind === 'cso').map((m) => ({ id: m.organisationId, slug: m.slug, nameMn: m.nameMn, nameEn: m.nameEn }));
}
