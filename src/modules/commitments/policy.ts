import { hasPlatformRole, isAdminOf, isStaffOf, membershipIn, type Actor, type Membership } from '../../shared/auth/actor.js';

/**
 * Who may do what with action plans. Handlers load the plan or milestone, then ask here;
 * a `false` for an anonymous actor means "sign in", for anyone else "forbidden".
 */

/** Staff of a milestone's lead body report its progress (not staff of partner bodies). */
export function canReport(actor: Actor | null, milestone: { lead: { id: number } }): boolean {
  return isStaffOf(actor, milestone.lead.id);
}

/** Members of a CSO assess milestones on its behalf. */
export function canAssessAs(actor: Actor | null, organisationId: number): boolean {
  const membership = membershipIn(actor, organisationId);
  return !!membership && membership.kind === 'cso';
}

/** The CSOs a person may assess for. */
export function csoMemberships(actor: Actor | null): Membership[] {
  return (actor?.memberships ?? []).filter((m) => m.kind === 'cso');
}

/** Anyone signed in with a confirmed address comments on a plan's progress, as themselves or as their CSO. */
export function canComment(actor: Actor | null): boolean {
  return !!actor && actor.emailVerified;
}

/** Staff of the plan's owner body answer the comments it receives. */
export function canAnswer(actor: Actor | null, plan: { owner: { id: number } }): boolean {
  return isStaffOf(actor, plan.owner.id);
}

/** The owner body's admins close a plan (no more reports, assessments or comments); platform admins too. */
export function canClose(actor: Actor | null, plan: { owner: { id: number } }): boolean {
  return hasPlatformRole(actor, 'platform_admin') || (isStaffOf(actor, plan.owner.id) && isAdminOf(actor, plan.owner.id));
}

/** Reopening a closed plan undoes a public decision: platform admins only. */
export function canReopen(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'platform_admin');
}

/** Platform admins load plans from files. */
export function canImport(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'platform_admin');
}

/** Bodies a person may write plans for: any body for platform admins, else the bodies they administer. */
export function canCreatePlanFor(actor: Actor | null, bodyId: number): boolean {
  return hasPlatformRole(actor, 'platform_admin') || (isStaffOf(actor, bodyId) && isAdminOf(actor, bodyId));
}

/** Whether the person may write plans at all (the "new plan" link). */
export function canCreatePlans(actor: Actor | null): boolean {
  return hasPlatformRole(actor, 'platform_admin') || (actor?.memberships ?? []).some((m) => m.kind === 'body' && m.role === 'admin');
}

/** The owner body's admins (and platform admins) add commitments and milestones to an open plan. */
export function canEditPlan(actor: Actor | null, plan: { owner: { id: number } }): boolean {
  return canCreatePlanFor(actor, plan.owner.id);
}
