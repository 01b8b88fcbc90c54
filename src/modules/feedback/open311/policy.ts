import { hasPlatformRole, type Actor } from '../../../shared/auth/actor.js';

/** Issuing and revoking Open311 API keys is platform configuration: platform admins only. */
export function canManageApiClients(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'platform_admin');
}
