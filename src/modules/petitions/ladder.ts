import { endOfLocalDay, addLocalDays } from '../../shared/calendar.js';
import type { Queryable } from '../../shared/db/database.js';
import type { BodyType } from '../../shared/db/db-types.js';
import { AppError, type FieldError } from '../../shared/errors.js';
import { localDay } from '../../shared/i18n/format.js';
import { CONSEQUENCES, VERIFICATION_LEVELS, type Consequence, type Level } from './model.js';

/**
 * Threshold ladders: each step has a count (of supporters before moderation, or of votes
 * once open), a consequence, and who must act within how many days. A platform admin
 * may set a body's own ladder; otherwise its type's default applies (variation by data,
 * not by `if (body === …)`). A petition copies its ladder when it starts collecting.
 */
export interface LadderStep {
  counts: 'supporters' | 'votes';
  threshold: number;
  consequence: Consequence;
  actWithinDays: number | null;
  closesVoting: boolean;
}

export interface BodyRules {
  openDays: number;
  minLevel: Level;
  steps: LadderStep[];
  /** Whether the body set its own (false: its type's default). */
  custom: boolean;
}

const supporters = (n: number): LadderStep => ({ counts: 'supporters', threshold: n, consequence: 'voting_opens', actWithinDays: null, closesVoting: false });
const response = (n: number): LadderStep => ({ counts: 'votes', threshold: n, consequence: 'response', actWithinDays: 30, closesVoting: false });

/**
 * Defaults from law and practice (product.md): D-Petition for parliament (100 supporters
 * open voting; 33,000 → working group; 70,000 → standing committee; 100,000 → parliament
 * decides, and voting may close then), e-ID required, 30 days open; a response step with
 * a 30-day due date for ministries and khurals, fewer votes the more local the body.
 */
export function defaultRules(type: BodyType, placeCode: string | null): Omit<BodyRules, 'custom'> {
  switch (type) {
    case 'parliament':
      return {
        openDays: 30,
        minLevel: 'eid',
        steps: [
          supporters(100),
          { counts: 'votes', threshold: 33_000, consequence: 'working_group', actWithinDays: 30, closesVoting: false },
          { counts: 'votes', threshold: 70_000, consequence: 'standing_committee', actWithinDays: 30, closesVoting: false },
          { counts: 'votes', threshold: 100_000, consequence: 'parliament_decides', actWithinDays: 30, closesVoting: true },
        ],
      };
    case 'ministry':
    case 'agency':
      return { openDays: 60, minLevel: 'sms', steps: [supporters(5), response(1000)] };
    case 'khural':
      // Aimag and capital khurals (2-digit place) hear a few hundred; soum and district khurals fewer.
      return { openDays: 45, minLevel: 'email', steps: [supporters(5), response(placeCode && placeCode.length > 2 ? 100 : 300)] };
    default:
      return { openDays: 45, minLevel: 'email', steps: [supporters(5), response(100)] };
  }
}

/** Body types that take petitions (the target-body list of the draft form). */
export const PETITION_BODY_TYPES: readonly BodyType[] = ['parliament', 'ministry', 'agency', 'khural'];

export async function bodyRules(q: Queryable, bodyId: number): Promise<BodyRules | null> {
  const body = await q.selectFrom('body').select(['body_type', 'place_code']).where('organisation_id', '=', bodyId).executeTakeFirst();
  if (!body) return null;
  const [rule, steps] = await Promise.all([
    q.selectFrom('petition_body_rule').select(['open_days', 'min_level']).where('body_id', '=', bodyId).executeTakeFirst(),
    q.selectFrom('petition_ladder_step').selectAll().where('body_id', '=', bodyId).orderBy('position').execute(),
  ]);
  const fallback = defaultRules(body.body_type, body.place_code);
  return {
    openDays: rule?.open_days ?? fallback.openDays,
    minLevel: rule?.min_level ?? fallback.minLevel,
    steps: steps.length
      ? steps.map((s) => ({ counts: s.counts as 'supporters' | 'votes', threshold: s.threshold, consequence: s.consequence, actWithinDays: s.act_within_days, closesVoting: s.closes_voting }))
      : fallback.steps,
    custom: !!rule || steps.length > 0,
  };
}

/**
 * Checks a ladder an admin typed: at most one supporters step and it comes first, vote
 * counts rise strictly, a step that closes voting is the last, consequences and levels
 * are known. Every problem is reported at once, naming the row.
 */
export function validateRules(input: { openDays: number; minLevel: string; steps: LadderStep[] }): FieldError[] {
  const errors: FieldError[] = [];
  if (!Number.isInteger(input.openDays) || input.openDays < 1 || input.openDays > 365) errors.push({ field: 'open_days', key: 'petitions:errors.open_days' });
  if (!(VERIFICATION_LEVELS as readonly string[]).includes(input.minLevel)) errors.push({ field: 'min_level', key: 'petitions:errors.min_level' });
  if (input.steps.length === 0) errors.push({ field: 'step_1_threshold', key: 'petitions:errors.no_steps' });
  let last = 0;
  input.steps.forEach((s, i) => {
    const row = i + 1;
    const field = `step_${row}_threshold`;
    if (!(CONSEQUENCES as readonly string[]).includes(s.consequence)) errors.push({ field: `step_${row}_consequence`, key: 'petitions:errors.step_consequence', params: { row } });
    if (!Number.isInteger(s.threshold) || s.threshold < 1 || s.threshold > 10_000_000) errors.push({ field, key: 'petitions:errors.step_threshold', params: { row } });
    else if (s.counts === 'votes' && s.threshold <= last) errors.push({ field, key: 'petitions:errors.step_order', params: { row } });
    if (s.counts === 'supporters' && (i !== 0 || s.consequence !== 'voting_opens')) errors.push({ field: `step_${row}_consequence`, key: 'petitions:errors.step_supporters', params: { row } });
    if (s.counts === 'votes' && s.consequence === 'voting_opens') errors.push({ field: `step_${row}_consequence`, key: 'petitions:errors.step_supporters', params: { row } });
    if (s.actWithinDays !== null && (!Number.isInteger(s.actWithinDays) || s.actWithinDays < 1 || s.actWithinDays > 365)) errors.push({ field: `step_${row}_days`, key: 'petitions:errors.step_days', params: { row } });
    if (s.consequence !== 'voting_opens' && s.actWithinDays === null) errors.push({ field: `step_${row}_days`, key: 'petitions:errors.step_days', params: { row } });
    if (s.closesVoting && i !== input.steps.length - 1) errors.push({ field: `step_${row}_closes`, key: 'petitions:errors.step_closes', params: { row } });
    if (s.counts === 'votes') last = s.threshold;
  });
  return errors;
}

export function assertValidRules(input: { openDays: number; minLevel: string; steps: LadderStep[] }): void {
  const fields = validateRules(input);
  if (fields.length) throw new AppError('validation_failed', { fields });
}

/** When a step's action falls due: the end of the day `days` calendar days after it was reached, in Ulaanbaatar. */
export function stepDueAt(reachedAt: Date, days: number): Date {
  return endOfLocalDay(addLocalDays(localDay(reachedAt), days));
}

/** End of the open period: the end of the last day, in Ulaanbaatar. */
export function closingTime(openedAt: Date, days: number): Date {
  return endOfLocalDay(addLocalDays(localDay(openedAt), days));
}
