import { bandOf, disagrees, isDone, lowerOf, PROGRESS_VALUES, type Band, type ProgressValue } from './model.js';

/**
 * Summary figures of a plan and of each commitment, always computed from the milestones
 * (never typed in): milestones by status according to the government (each milestone's
 * latest report) and according to CSOs, the milestones where they disagree, and those
 * overdue. A plan's own stated summary is shown beside these, never instead of them.
 *
 * "According to CSOs" counts each milestone once, by the most critical current view of
 * any CSO that assessed it (two CSOs saying "limited" and "substantial" count it as
 * limited); milestones no CSO assessed are counted as such.
 */
export interface MilestoneState {
  commitmentNumber: number;
  government: ProgressValue | null;
  /** Each organisation's current assessment that carries a status. */
  cso: ProgressValue[];
  /** Due date as YYYY-MM-DD (the milestone's, else the end of the plan's period). */
  due: string;
}

export type StatusCounts = Record<ProgressValue | 'none', number>;
export type BandCounts = Record<Band | 'none', number>;

export interface Figures {
  milestones: number;
  government: StatusCounts;
  governmentBands: BandCounts;
  cso: StatusCounts;
  csoBands: BandCounts;
  /** Milestones at least one CSO assessed with a status. */
  assessedByCsos: number;
  /** Milestones where a CSO's current view cannot be true together with the government's. */
  disagreements: number;
  /** Past their due date without a report of completion. */
  overdue: number;
}

export interface PlanFigures {
  plan: Figures;
  byCommitment: Map<number, Figures>;
}

export interface StatedSummary {
  commitments: number | null;
  milestones: number | null;
  completed: number | null;
  inProgress: number | null;
  notStarted: number | null;
  note: string | null;
}

function zeroStatuses(): StatusCounts {
  const counts = { none: 0 } as StatusCounts;
  for (const value of PROGRESS_VALUES) counts[value] = 0;
  return counts;
}

function zeroBands(): BandCounts {
  return { red: 0, yellow: 0, green: 0, none: 0 };
}

export function emptyFigures(): Figures {
  return { milestones: 0, government: zeroStatuses(), governmentBands: zeroBands(), cso: zeroStatuses(), csoBands: zeroBands(), assessedByCsos: 0, disagreements: 0, overdue: 0 };
}

/** The most critical of the CSOs' views, or null when none gave a status. */
export function csoView(values: readonly ProgressValue[]): ProgressValue | null {
  return values.reduce<ProgressValue | null>((low, v) => (low === null ? v : lowerOf(low, v)), null);
}

export function isOverdue(state: Pick<MilestoneState, 'government' | 'due'>, today: string): boolean {
  return state.due < today && !isDone(state.government);
}

function add(f: Figures, m: MilestoneState, today: string): void {
  f.milestones++;
  f.government[m.government ?? 'none']++;
  f.governmentBands[m.government === null ? 'none' : bandOf(m.government)]++;
  const cso = csoView(m.cso);
  f.cso[cso ?? 'none']++;
  f.csoBands[cso === null ? 'none' : bandOf(cso)]++;
  if (cso !== null) f.assessedByCsos++;
  if (m.cso.some((v) => disagrees(v, m.government))) f.disagreements++;
  if (isOverdue(m, today)) f.overdue++;
}

/** Figures of a plan and of each of its commitments; `today` is the local day (YYYY-MM-DD) overdue is judged on. */
export function computeFigures(milestones: readonly MilestoneState[], today: string): PlanFigures {
  const plan = emptyFigures();
  const byCommitment = new Map<number, Figures>();
  for (const m of milestones) {
    add(plan, m, today);
    let f = byCommitment.get(m.commitmentNumber);
    if (!f) byCommitment.set(m.commitmentNumber, (f = emptyFigures()));
    add(f, m, today);
  }
  return { plan, byCommitment };
}

/** Completed, plus substantial and the combined band: OGP's green. */
export function completedOrSubstantial(f: Pick<Figures, 'governmentBands'>): number {
  return f.governmentBands.green;
}

/** Figures of a group of commitments (the IRM recommendations cover one or two). */
export function figuresOf(figures: PlanFigures, numbers: readonly number[]): Figures {
  const sum = emptyFigures();
  for (const n of numbers) {
    const f = figures.byCommitment.get(n);
    if (!f) continue;
    sum.milestones += f.milestones;
    for (const k of Object.keys(sum.government) as (keyof StatusCounts)[]) {
      sum.government[k] += f.government[k];
      sum.cso[k] += f.cso[k];
    }
    for (const k of Object.keys(sum.governmentBands) as (keyof BandCounts)[]) {
      sum.governmentBands[k] += f.governmentBands[k];
      sum.csoBands[k] += f.csoBands[k];
    }
    sum.assessedByCsos += f.assessedByCsos;
    sum.disagreements += f.disagreements;
    sum.overdue += f.overdue;
  }
  return sum;
}

/** The share as a whole percentage, or null without a base. */
export function share(count: number, of: number): number | null {
  return of > 0 ? count / of : null;
}
