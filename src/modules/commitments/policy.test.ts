import { describe, expect, it } from 'vitest';
import type { Actor, Membership, PlatformRole } from '../../shared/auth/actor.js';
import { canAnswer, canAssessAs, canClose, canComment, canImport, canReopen, canReport, csoMemberships } from './policy.js';

function actor(memberships: Partial<Membership>[] = [], roles: PlatformRole[] = [], emailVerified = true): Actor {
  return {
    accountId: 1,
    email: 'a@example.mn',
    displayName: 'A',
    emailVerified,
    preferredLang: 'mn',
    platformRoles: new Set(roles),
    memberships: memberships.map((m) => ({ organisationId: 0, kind: 'body', role: 'member', slug: 's', nameMn: 'н', nameEn: 'n', ...m })),
  };
}

const LEAD = 10;
const OWNER = 20;
const CSO = 30;
const milestone = { lead: { id: LEAD } };
const plan = { owner: { id: OWNER } };

describe('commitments policy', () => {
  it('lets only the lead body’s staff report progress', () => {
    expect(canReport(actor([{ organisationId: LEAD }]), milestone)).toBe(true);
    expect(canReport(actor([{ organisationId: LEAD, role: 'admin' }]), milestone)).toBe(true);
    expect(canReport(actor([{ organisationId: OWNER }]), milestone)).toBe(false);
    expect(canReport(actor([{ organisationId: LEAD, kind: 'cso' }]), milestone)).toBe(false);
    expect(canReport(actor([], ['platform_admin']), milestone)).toBe(false);
    expect(canReport(null, milestone)).toBe(false);
  });

  it('lets CSO members assess on behalf of their CSO only', () => {
    const member = actor([{ organisationId: CSO, kind: 'cso' }, { organisationId: LEAD }]);
    expect(canAssessAs(member, CSO)).toBe(true);
    expect(canAssessAs(member, LEAD)).toBe(false);
    expect(canAssessAs(member, 31)).toBe(false);
    expect(canAssessAs(null, CSO)).toBe(false);
    expect(csoMemberships(member).map((m) => m.organisationId)).toEqual([CSO]);
  });

  it('lets people with a confirmed address comment, and the owner body’s staff answer', () => {
    expect(canComment(actor())).toBe(true);
    expect(canComment(actor([], [], false))).toBe(false);
    expect(canComment(null)).toBe(false);
    expect(canAnswer(actor([{ organisationId: OWNER }]), plan)).toBe(true);
    expect(canAnswer(actor([{ organisationId: LEAD }]), plan)).toBe(false);
    expect(canAnswer(actor([], ['platform_admin']), plan)).toBe(false);
  });

  it('lets the owner body’s admins and platform admins close a plan; only platform admins reopen or import', () => {
    expect(canClose(actor([{ organisationId: OWNER, role: 'admin' }]), plan)).toBe(true);
    expect(canClose(actor([{ organisationId: OWNER }]), plan)).toBe(false);
    expect(canClose(actor([], ['platform_admin']), plan)).toBe(true);
    expect(canClose(actor([{ organisationId: LEAD, role: 'admin' }]), plan)).toBe(false);
    expect(canReopen(actor([{ organisationId: OWNER, role: 'admin' }]))).toBe(false);
    expect(canReopen(actor([], ['platform_admin']))).toBe(true);
    expect(canImport(actor([], ['moderator']))).toBe(false);
    expect(canImport(actor([], ['platform_admin']))).toBe(true);
    expect(canImport(null)).toBe(false);
  });
});
