import type { DraftData } from './drafts.js';

/**
 * The staged form, one question per page, in this order. Each step knows whether the
 * draft has answered it; a person who jumps ahead (an old bookmark, a hand-typed
 * address) is sent to the first question still open, so the check page only ever shows
 * a complete draft.
 */
export const STEPS = ['kind', 'category', 'place', 'details', 'photos', 'publication', 'contact', 'check'] as const;
export type Step = (typeof STEPS)[number];
/** Steps that ask a question (the check page is not counted in "step n of 7"). */
export const QUESTION_STEPS = STEPS.filter((s) => s !== 'check');

export function isStep(value: unknown): value is Step {
  return typeof value === 'string' && (STEPS as readonly string[]).includes(value);
}

export function isAnswered(step: Step, data: DraftData): boolean {
  switch (step) {
    case 'kind':
      return !!data.kind;
    case 'category':
      return !!data.category;
    case 'place':
      return !!data.place;
    case 'details':
      return !!data.title && !!data.description;
    case 'photos':
      return !!data.photosDone;
    case 'publication':
      return !!data.publication;
    case 'contact':
      return !!data.contactDone;
    case 'check':
      return false;
  }
}

/** The first step without an answer ('check' when everything is answered). */
export function firstOpenStep(data: DraftData): Step {
  return STEPS.find((s) => !isAnswered(s, data)) ?? 'check';
}

/** True when the person may see this step now: it is answered or the next one to answer. */
export function isReachable(step: Step, data: DraftData): boolean {
  return STEPS.indexOf(step) <= STEPS.indexOf(firstOpenStep(data));
}

export function nextStep(step: Step): Step {
  return STEPS[Math.min(STEPS.indexOf(step) + 1, STEPS.length - 1)]!;
}

export function previousStep(step: Step): Step | null {
  const i = STEPS.indexOf(step);
  return i > 0 ? STEPS[i - 1]! : null;
}

export function stepNumber(step: Step): number {
  return QUESTION_STEPS.indexOf(step as (typeof QUESTION_STEPS)[number]) + 1;
}

export const newFeedbackPath = '/feedback/new';
export function stepPath(draftId: string, step: Step | 'sent', options: { fromCheck?: boolean } = {}): string {
  return `/feedback/new/${draftId}/${step}${options.fromCheck ? '?change=1' : ''}`;
}
export function draftPhotoPath(draftId: string, photoId: number): string {
  return `/feedback/new/${draftId}/photos/${photoId}`;
}
