import Type, { type Static } from 'typebox';
import type { PetitionConsequence, PetitionOutcome, PetitionRejectionReason, PetitionState, PetitionVerificationLevel } from '../../shared/db/db-types.js';

/**
 * The petitions vocabulary. Lists mirror the PostgreSQL enums of 0040_petitions.sql (a
 * test keeps them equal); TypeBox schemas are built from them, so there is one list.
 */
export const PETITION_STATES = ['draft', 'collecting', 'moderation', 'open', 'closed', 'rejected'] as const satisfies readonly PetitionState[];
/** Weakest first: a body's minimum admits that level and every stronger one. */
export const VERIFICATION_LEVELS = ['email', 'sms', 'eid'] as const satisfies readonly PetitionVerificationLevel[];
export const REJECTION_REASONS = ['duplicate', 'outside_remit', 'defamatory', 'hateful', 'personal_data', 'not_action'] as const satisfies readonly PetitionRejectionReason[];
export const CONSEQUENCES = ['voting_opens', 'response', 'working_group', 'standing_committee', 'parliament_decides'] as const satisfies readonly PetitionConsequence[];
export const OUTCOMES = ['debate', 'decision', 'rejection'] as const satisfies readonly PetitionOutcome[];
/** States the public may read: published once, readable forever. */
export const PUBLIC_STATES = ['open', 'closed', 'rejected'] as const satisfies readonly PetitionState[];
/** Reasons for which a rejected petition's text stays hidden (abuse, personal data). */
export const TEXT_HIDDEN_REASONS: readonly PetitionRejectionReason[] = ['defamatory', 'hateful', 'personal_data'];

export const StateSchema = Type.Enum(PETITION_STATES);
export const LevelSchema = Type.Enum(VERIFICATION_LEVELS);
export const ReasonSchema = Type.Enum(REJECTION_REASONS);
export const ConsequenceSchema = Type.Enum(CONSEQUENCES);
export const OutcomeSchema = Type.Enum(OUTCOMES);

export type State = Static<typeof StateSchema>;
export type Level = Static<typeof LevelSchema>;
export type Reason = Static<typeof ReasonSchema>;
export type Consequence = Static<typeof ConsequenceSchema>;

export const LIMITS = {
  title: 150,
  action: 1000,
  background: 5000,
  links: 5,
  link: 500,
  note: 2000,
  response: 10000,
  invalidationReason: 500,
} as const;

/** Moderation's published target: a decision within this many days of the petition reaching moderation. */
export const MODERATION_TARGET_DAYS = 10;
/** A confirmation link (email) and an e-ID vote page stay valid this long. */
export const EMAIL_LINK_HOURS = 72;
export const EID_VOTE_MINUTES = 30;
/** SMS codes: valid for 10 minutes, five wrong tries end the code. */
export const SMS_CODE_MINUTES = 10;
export const SMS_MAX_ATTEMPTS = 5;
/** Signers must be adults (D-Petition: citizens aged 18 and over). */
export const MIN_AGE = 18;

export function levelRank(level: Level): number {
  return VERIFICATION_LEVELS.indexOf(level);
}

/** Whether a signature verified at `level` may sign where `min` is required. */
export function meetsLevel(level: Level, min: Level): boolean {
  return levelRank(level) >= levelRank(min);
}

export function isPublicState(state: State): boolean {
  return (PUBLIC_STATES as readonly string[]).includes(state);
}

export function textHidden(p: { state: State; rejection_reason: Reason | null }): boolean {
  return p.state === 'rejected' && p.rejection_reason !== null && TEXT_HIDDEN_REASONS.includes(p.rejection_reason);
}

export function petitionPath(id: number): string {
  return `/petitions/${id}`;
}

/** The link in response emails that stops them; the token is appended last. */
export function unsubscribePath(id: number, token: string): string {
  return `/petitions/${id}/unsubscribe?token=${encodeURIComponent(token)}`;
}

/** Mongolian Cyrillic capitals that may start a registry number. */
const REGISTRY = /^([А-ЯЁӨҮ]{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/**
 * A registry number (two Cyrillic letters and eight digits) in its canonical form, or
 * null. Spaces, dashes and lower case are accepted. The digits begin with the birth date
 * (YYMMDD, months 21-32 for people born from 2000), which must be a real day.
 */
export function normaliseRegistryNumber(raw: string): { value: string; birth: Date } | null {
  const compact = raw.replace(/[\s-]/g, '').toUpperCase();
  const m = REGISTRY.exec(compact);
  if (!m) return null;
  const yy = Number(m[2]);
  let month = Number(m[3]);
  const day = Number(m[4]);
  let year = 1900 + yy;
  if (month > 20) {
    month -= 20;
    year = 2000 + yy;
  }
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return null;
  return { value: compact, birth };
}

export function ageAt(birth: Date, now: Date): number {
  let age = now.getUTCFullYear() - birth.getUTCFullYear();
  const beforeBirthday = now.getUTCMonth() < birth.getUTCMonth() || (now.getUTCMonth() === birth.getUTCMonth() && now.getUTCDate() < birth.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}
