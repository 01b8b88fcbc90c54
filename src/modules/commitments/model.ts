import Type from 'typebox';
import type { CommitmentPlanKind, CommitmentProgress } from '../../shared/db/db-types.js';

/**
 * The commitments vocabulary.
 *
 * PROGRESS_SCALE is the scale of OGP reports, lowest first: "not started or severe delays",
 * "limited progress", "substantial progress", "completed". It mirrors the PostgreSQL enum
 * commitment_progress (a test keeps them equal); bodies and CSOs choose from it.
 *
 * The NAP IV report prints three bands instead of four steps: its green band "completed
 * or substantial progress" does not say which of the two. An imported value keeps that:
 * COMBINED_BAND is the range substantial..completed (stored as status + status_up_to),
 * never one step claimed for it. Nobody can choose it in a form.
 */
export const PROGRESS_SCALE = ['not_started_or_severe_delays', 'limited_progress', 'substantial_progress', 'completed'] as const satisfies readonly CommitmentProgress[];
export type Progress = (typeof PROGRESS_SCALE)[number];
export const COMBINED_BAND = 'completed_or_substantial_progress';
export type ProgressValue = Progress | typeof COMBINED_BAND;
/** Every value a report or assessment may carry, in scale order (the combined band after its two steps). */
export const PROGRESS_VALUES = [...PROGRESS_SCALE, COMBINED_BAND] as const satisfies readonly ProgressValue[];

export const PLAN_KINDS = ['national', 'local'] as const satisfies readonly CommitmentPlanKind[];
export type PlanKind = (typeof PLAN_KINDS)[number];

export const ProgressSchema = Type.Enum(PROGRESS_SCALE);

/** OGP's traffic lights: red, yellow, green ("it is possible to change the assessment into green"). */
export type Band = 'red' | 'yellow' | 'green';

export function bandOf(value: ProgressValue): Band {
  if (value === 'not_started_or_severe_delays') return 'red';
  if (value === 'limited_progress') return 'yellow';
  return 'green';
}

export function isProgress(value: unknown): value is Progress {
  return typeof value === 'string' && (PROGRESS_SCALE as readonly string[]).includes(value);
}

export function isProgressValue(value: unknown): value is ProgressValue {
  return isProgress(value) || value === COMBINED_BAND;
}

/** The steps of the scale a value covers: one, or two for the combined band. */
export function rangeOf(value: ProgressValue): [number, number] {
  if (value === COMBINED_BAND) return [2, 3];
  const i = PROGRESS_SCALE.indexOf(value);
  return [i, i];
}

/** The two columns a value is stored in. */
export function toColumns(value: ProgressValue | null): { status: Progress | null; status_up_to: Progress | null } {
  if (value === null) return { status: null, status_up_to: null };
  if (value === COMBINED_BAND) return { status: 'substantial_progress', status_up_to: 'completed' };
  return { status: value, status_up_to: null };
}

export function fromColumns(row: { status: Progress | null; status_up_to: Progress | null }): ProgressValue | null {
  if (row.status === null) return null;
  return row.status_up_to === 'completed' ? COMBINED_BAND : row.status;
}

/**
 * Two views disagree when they cannot both be true: a CSO's "limited progress" against
 * the government's "completed or substantial progress" does; "completed" against the
 * combined band does not (the band includes it). No view on either side: no disagreement.
 */
export function disagrees(a: ProgressValue | null, b: ProgressValue | null): boolean {
  if (a === null || b === null) return false;
  const [aLow, aHigh] = rangeOf(a);
  const [bLow, bHigh] = rangeOf(b);
  return aHigh < bLow || bHigh < aLow;
}

/** The more critical of two views (the lower bottom of the range; ties keep the narrower). */
export function lowerOf(a: ProgressValue, b: ProgressValue): ProgressValue {
  const [aLow, aHigh] = rangeOf(a);
  const [bLow, bHigh] = rangeOf(b);
  if (aLow !== bLow) return aLow < bLow ? a : b;
  return aHigh <= bHigh ? a : b;
}

/** Whether a milestone with this government status still has work left (for overdue). */
export function isDone(value: ProgressValue | null): boolean {
  // The combined band may be "completed": it is not called overdue on a guess.
  return value === 'completed' || value === COMBINED_BAND;
}

export const LIMITS = {
  evidence: 10_000,
  justification: 10_000,
  justificationMin: 20,
  comment: 5_000,
  commentMin: 10,
  answer: 5_000,
  answerMin: 10,
  /** Comments one person may write on one plan in 24 hours: enough to take part, too few to flood the owner body. */
  commentsPerDay: 10,
  links: 10,
  linkLength: 500,
  files: 5,
  fileBytes: 5 * 1024 * 1024,
  importBytes: 4 * 1024 * 1024,
} as const;

/** Days before a milestone's due date when its lead body is reminded. */
export const REMINDER_STAGES = [
  { stage: 'due_in_14_days', days: 14 },
  { stage: 'due_in_3_days', days: 3 },
] as const;

/**
 * Evidence links: one per line, absolute http(s) addresses only (no javascript:, no
 * relative paths). Returns the links, and the lines that are not links (1-based).
 */
export function parseLinks(text: string): { links: string[]; bad: { line: number; value: string }[] } {
  const links: string[] = [];
  const bad: { line: number; value: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const value = raw.trim();
    if (!value) return;
    if (isHttpUrl(value)) links.push(value);
    else bad.push({ line: i + 1, value: value.length > 60 ? `${value.slice(0, 57)}…` : value });
  });
  return { links, bad };
}

export function isHttpUrl(value: string): boolean {
  if (value.length > LIMITS.linkLength || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** Paragraphs of a narrative text column (separated by a blank line). */
export function paragraphs(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}
