import { hasPlatformRole, isStaffOf, type Actor } from '../../shared/auth/actor.js';
import type { State } from './model.js';

/**
 * Who may do what with petitions. Handlers load the petition, then ask here; anonymous
 * actors are sent to sign in, others refused (403).
 */

/** Moderators check petitions and flagged votes; platform admins may too. */
export function canModeratePetitions(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'moderator') || hasPlatformRole(actor, 'platform_admin');
}

/** Only staff of the body a petition is addressed to publish its responses. */
export function canRespond(actor: Actor | null, petition: { body: { id: number } }): boolean {
  return isStaffOf(actor, petition.body.id);
}

/** Platform admins set the thresholds, open periods and verification levels of bodies. */
export function canConfigureLadders(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'platform_admin');
}

/** Any account with a confirmed address may start a petition. */
export function canStartPetition(actor: Actor | null): boolean {
  return !!actor && actor.emailVerified;
}

/** The creator edits only a draft. */
export function canEditDraft(actor: Actor | null, petition: { creatorId: number; state: State }): boolean {
  return !!actor && actor.accountId === petition.creatorId && petition.state === 'draft';
}

/** Before publication a petition is seen by its creator and by moderators only. */
export function canSeeUnpublished(actor: Actor | null, petition: { creatorId: number }): boolean {
  return !!actor && (actor.accountId === petition.creatorId || canModeratePetitions(actor));
}
