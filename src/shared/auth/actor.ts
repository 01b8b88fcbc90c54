import type { Lang } from '../i18n/index.js';

export type PlatformRole = 'operator' | 'moderator' | 'platform_admin';
export type MembershipRole = 'member' | 'admin';

export interface Membership {
  organisationId: number;
  kind: 'body' | 'cso';
  role: MembershipRole;
  slug: string;
  nameMn: string;
  nameEn: string;
}

/** The signed-in person a request acts for; `null` on a request means anonymous. */
export interface Actor {
  accountId: number;
  email: string;
  displayName: string;
  emailVerified: boolean;
  preferredLang: Lang;
  platformRoles: ReadonlySet<PlatformRole>;
  memberships: readonly Membership[];
}

export function hasPlatformRole(actor: Actor | null, role: PlatformRole): boolean {
  return !!actor && actor.platformRoles.has(role);
}

export function membershipIn(actor: Actor | null, organisationId: number): Membership | undefined {
  return actor?.memberships.find((m) => m.organisationId === organisationId);
}

/** Body staff: any member (or admin) of the body. */
export function isStaffOf(actor: Actor | null, bodyId: number): boolean {
  const m = membershipIn(actor, bodyId);
  return !!m && m.kind === 'body';
}

export function isAdminOf(actor: Actor | null, organisationId: number): boolean {
  return membershipIn(actor, organisationId)?.role === 'admin';
}

export function staffBodyIds(actor: Actor | null): number[] {
  return (actor?.memberships ?? []).filter((m) => m.kind === 'body').map((m) => m.organisationId);
}
