import { describe, expect, it } from 'vitest';
import type { Actor, Membership, PlatformRole } from '../../shared/auth/actor.js';
import { canAdministerBodies, canCreateOrganisation, canManageBody } from './policy.js';

function actor(memberships: Partial<Membership>[] = [], roles: PlatformRole[] = []): Actor {
  return {
    accountId: 1,
    email: 'a@example.mn',
    displayName: 'Сарнай',
    emailVerified: true,
    preferredLang: 'mn',
    platformRoles: new Set(roles),
    memberships: memberships.map((m) => ({ organisationId: 10, kind: 'body', role: 'member', slug: 'x', nameMn: 'Х', nameEn: 'X', ...m })),
  };
}

describe('bodies policy', () => {
  it('lets a body’s admin and platform admins manage the body', () => {
    expect(canManageBody(actor([{ organisationId: 10, role: 'admin' }]), 10)).toBe(true);
    expect(canManageBody(actor([], ['platform_admin']), 10)).toBe(true);
  });

  it('refuses anonymous people, citizens, plain staff, admins of another body and other platform roles', () => {
    expect(canManageBody(null, 10)).toBe(false);
    expect(canManageBody(actor(), 10)).toBe(false);
    expect(canManageBody(actor([{ organisationId: 10, role: 'member' }]), 10)).toBe(false);
    expect(canManageBody(actor([{ organisationId: 11, role: 'admin' }]), 10)).toBe(false);
    expect(canManageBody(actor([], ['operator', 'moderator']), 10)).toBe(false);
  });

  it('does not treat a CSO admin as a body admin even if ids were confused', () => {
    expect(canManageBody(actor([{ organisationId: 10, role: 'admin', kind: 'cso' }]), 10)).toBe(false);
  });

  it('keeps body configuration and organisation registration to platform admins', () => {
    expect(canAdministerBodies(actor([], ['platform_admin']))).toBe(true);
    expect(canCreateOrganisation(actor([], ['platform_admin']))).toBe(true);
    for (const who of [null, actor(), actor([{ organisationId: 10, role: 'admin' }]), actor([], ['moderator'])]) {
      expect(canAdministerBodies(who)).toBe(false);
      expect(canCreateOrganisation(who)).toBe(false);
    }
  });
});
