import type { FastifyRequest } from 'fastify';
import { hasPlatformRole, type Actor } from '../../shared/auth/actor.js';
import { requirePlatformRole } from '../../shared/auth/guards.js';

/**
 * Who may configure the platform: bodies, categories, routing, deadlines and holidays
 * are the platform admin's alone. Body admins manage their own body elsewhere
 * (bodies/manage-routes); operators and moderators have their own consoles.
 */
export function canAdministerPlatform(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'platform_admin');
}

/**
 * Every admin page and action starts here: anonymous visitors are sent to sign in
 * (401 for a form post), everyone without the platform admin role gets 403.
 */
export function requirePlatformAdmin(req: FastifyRequest): Actor {
  return requirePlatformRole(req, 'platform_admin');
}

/**
 * The national fallback rule (any category, whole country) is where feedback that no
 * other rule matches goes; without it such feedback could not be accepted at all, so
 * it may be given another body but never deleted.
 */
export function canDeleteRoutingRule(rule: { categoryId: number | null; placeCode: string | null }): boolean {
  return !(rule.categoryId === null && rule.placeCode === null);
}
