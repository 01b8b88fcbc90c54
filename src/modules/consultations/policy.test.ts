import { describe, expect, it } from 'vitest';
import type { Actor, Membership, PlatformRole } from '../../shared/auth/actor.js';
import { canCreateAny, canCreateFor, canManage, canModerate, canParticipate, canRead, canSpeakFor, canSupport, organisationsOf } from './policy.js';

const BODY = 10;
const OTHER_BODY = 11;
const CSO = 20;
const OTHER_CSO = 21;

function actor(options: { roles?: PlatformRole[]; memberships?: Partial<Membership>[]; verified?: boolean; id?: number } = {}): Actor {
  return {
    accountId: options.id ?? 1,
    email: 'a@example.mn',
    displayName: 'A',
    emailVerified: options.verified ?? true,
    preferredLang: 'mn',
    platformRoles: new Set(options.roles ?? []),
    memberships: (options.memberships ?? []).map((m) => ({ organisationId: 0, kind: 'body', role: 'member', slug: 's', nameMn: 'н', nameEn: 'n', ...m }) as Membership),
  };
}

const anonymous = null;
const unverified = actor({ verified: false });
const citizen = actor();
const staff = actor({ memberships: [{ organisationId: BODY, kind: 'body', role: 'member' }] });
const bodyAdmin = actor({ memberships: [{ organisationId: BODY, kind: 'body', role: 'admin' }] });
const otherStaff = actor({ memberships: [{ organisationId: OTHER_BODY, kind: 'body', role: 'member' }] });
const csoMember = actor({ id: 5, memberships: [{ organisationId: CSO, kind: 'cso', role: 'member', slug: 'osf' }] });
const moderator = actor({ roles: ['moderator'] });
const operator = actor({ roles: ['operator'] });
const admin = actor({ roles: ['platform_admin'] });

const draft = { body_id: BODY, status: 'draft' as const };
const published = { body_id: BODY, status: 'published' as const };

describe('consultation policy', () => {
  it('lets the body’s staff, its admins and platform admins run a consultation, and nobody else', () => {
    const allowed = [staff, bodyAdmin, admin];
    const refused = [anonymous, unverified, citizen, otherStaff, csoMember, moderator, operator];
    for (const a of allowed) {
      expect(canManage(a, published)).toBe(true);
      expect(canCreateFor(a, BODY)).toBe(true);
    }
    for (const a of refused) {
      expect(canManage(a, published)).toBe(false);
      expect(canCreateFor(a, BODY)).toBe(false);
    }
    expect(canCreateAny(otherStaff)).toBe(true);
    expect(canCreateAny(citizen)).toBe(false);
    expect(canCreateAny(anonymous)).toBe(false);
  });

  it('keeps a consultation in preparation to its body', () => {
    expect(canRead(anonymous, published)).toBe(true);
    expect(canRead(citizen, published)).toBe(true);
    for (const a of [anonymous, citizen, otherStaff, csoMember, moderator]) expect(canRead(a, draft)).toBe(false);
    for (const a of [staff, bodyAdmin, admin]) expect(canRead(a, draft)).toBe(true);
  });

  it('needs a confirmed email to take part', () => {
    expect(canParticipate(anonymous)).toBe(false);
    expect(canParticipate(unverified)).toBe(false);
    expect(canParticipate(citizen)).toBe(true);
  });

  it('lets a CSO member speak only for their own organisation, and body staff for none', () => {
    expect(canSpeakFor(csoMember, CSO)).toBe(true);
    expect(canSpeakFor(csoMember, OTHER_CSO)).toBe(false);
    expect(canSpeakFor(staff, BODY)).toBe(false);
    expect(canSpeakFor(citizen, CSO)).toBe(false);
    expect(canSpeakFor(anonymous, CSO)).toBe(false);
    expect(organisationsOf(csoMember).map((o) => o.id)).toEqual([CSO]);
    expect(organisationsOf(staff)).toEqual([]);
  });

  it('lets people support others’ comments, not their own', () => {
    expect(canSupport(citizen, { author_id: 99 })).toBe(true);
    expect(canSupport(csoMember, { author_id: 5 })).toBe(false);
    expect(canSupport(unverified, { author_id: 99 })).toBe(false);
    expect(canSupport(anonymous, { author_id: 99 })).toBe(false);
  });

  it('leaves moderation to moderators and platform admins', () => {
    expect(canModerate(moderator)).toBe(true);
    expect(canModerate(admin)).toBe(true);
    for (const a of [anonymous, citizen, staff, bodyAdmin, operator, csoMember]) expect(canModerate(a)).toBe(false);
  });
});
