import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { hasPlatformRole, membershipIn, type Actor, type Membership, type MembershipRole, type PlatformRole } from './actor.js';

/**
 * Guards for handlers: each returns the signed-in actor or throws the AppError the
 * error handler turns into the right answer. Decisions about a particular resource
 * stay in the module's policy.ts (`canHandle(actor, item)`); guards answer "who is
 * asking" before those run.
 *
 *   const actor = requireVerified(req);
 *   if (!canSign(actor, petition)) throw forbidden();
 */

/**
 * Anonymous requests are refused with 'sign_in_required' (401). A page visit (GET or
 * HEAD from a browser) is instead redirected to /account/sign-in?next=<this page> by
 * the error handler; API clients get the JSON error.
 */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('sign_in_required');
  return req.actor;
}

/**
 * Accounts may sign in before confirming their address; actions that must be tied to a
 * real mailbox (signing a petition) also need this: 403 'accounts.verification_required'.
 */
export function requireVerified(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (!actor.emailVerified) throw new AppError('accounts.verification_required', { status: 403 });
  return actor;
}

/** Operator, moderator or platform admin: 401 when anonymous, 403 without the role. */
export function requirePlatformRole(req: FastifyRequest, role: PlatformRole): Actor {
  const actor = requireActor(req);
  if (!hasPlatformRole(actor, role)) throw new AppError('forbidden');
  return actor;
}

/**
 * A member of the organisation (body staff, CSO member), or with `role: 'admin'` one
 * who manages it: 401 when anonymous, 403 otherwise. Returns the membership too.
 */
export function requireMembership(req: FastifyRequest, organisationId: number, role?: MembershipRole): { actor: Actor; membership: Membership } {
  const actor = requireActor(req);
  const membership = membershipIn(actor, organisationId);
  if (!membership || (role === 'admin' && membership.role !== 'admin')) throw new AppError('forbidden');
  return { actor, membership };
}
