import { wordDiff, type DiffPart } from './diff.js';
import type { ElementKind } from './import.js';

/**
 * What changed between two versions, block by block: the preamble, each chapter's title
 * and each article with its paragraphs and points. Blocks are paired by unit (the
 * identity matching.ts kept), so an article that moved and was renumbered is "renumbered"
 * rather than "removed" and "added".
 */
export interface VersionElement {
  unitId: number;
  kind: ElementKind;
  number: string;
  heading: string;
  body: string;
}

export type ChangeStatus = 'added' | 'removed' | 'changed' | 'renumbered' | 'unchanged';

export interface BlockText {
  kind: 'preamble' | 'chapter' | 'article';
  number: string;
  heading: string;
  /** The block as readers see it, paragraphs with their numbers, one per line. */
  text: string;
}

export interface BlockChange {
  unitId: number;
  status: ChangeStatus;
  before: BlockText | null;
  after: BlockText | null;
  /** Word diff of the texts ([] when unchanged). */
  diff: DiffPart[];
}

interface Block {
  unitId: number;
  text: BlockText;
  /** The words without any numbering, to tell renumbering from change. */
  plain: string;
  /** Paragraphs and points: their number within the article ("1", "1.2") and text. */
  parts: { local: string; body: string }[];
  lead: string;
}

function localNumber(number: string): string {
  const dot = number.indexOf('.');
  return dot === -1 ? '' : number.slice(dot + 1);
}

/** The block's text with its paragraphs numbered under `articleNumber`. */
function textOf(block: Block, articleNumber: string): string {
  return [block.lead, ...block.parts.map((p) => `${articleNumber}.${p.local}. ${p.body}`)].filter((line, i) => i > 0 || line !== '').join('\n');
}

export function blocksOf(elements: readonly VersionElement[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const e of elements) {
    if (e.kind === 'paragraph' || e.kind === 'point') {
      if (current && current.text.kind === 'article') {
        current.parts.push({ local: localNumber(e.number), body: e.body });
        current.plain += `\n${localNumber(e.number)} ${e.body}`;
        current.text.text = textOf(current, current.text.number);
      }
      continue;
    }
    const lines = e.kind === 'preamble' ? [e.body] : [e.heading, e.body].filter(Boolean);
    current = { unitId: e.unitId, text: { kind: e.kind, number: e.number, heading: e.heading, text: lines.join('\n') }, plain: lines.join('\n'), parts: [], lead: lines.join('\n') };
    blocks.push(current);
  }
  return blocks;
}

export function compareVersions(previous: readonly VersionElement[], next: readonly VersionElement[]): BlockChange[] {
  const before = blocksOf(previous);
  const after = blocksOf(next);
  const beforeByUnit = new Map(before.map((b) => [b.unitId, b]));
  const afterUnits = new Set(after.map((b) => b.unitId));
  const changes: BlockChange[] = [];
  for (const b of after) {
    const old = beforeByUnit.get(b.unitId);
    if (!old) {
      changes.push({ unitId: b.unitId, status: 'added', before: null, after: b.text, diff: [{ op: 'added', text: b.text.text }] });
      continue;
    }
    const sameWords = old.plain === b.plain;
    const status: ChangeStatus = sameWords ? (old.text.number === b.text.number ? 'unchanged' : 'renumbered') : 'changed';
    // A renumbered article's paragraphs are compared under its new number: only real changes show.
    const diff = status === 'changed' ? wordDiff(old.text.kind === 'article' ? textOf(old, b.text.number) : old.text.text, b.text.text) : [];
    changes.push({ unitId: b.unitId, status, before: old.text, after: b.text, diff });
  }
  for (const old of before) {
    if (!afterUnits.has(old.unitId)) changes.push({ unitId: old.unitId, status: 'removed', before: old.text, after: null, diff: [{ op: 'removed', text: old.text.text }] });
  }
  return changes;
}

export interface ChangeSummary {
  changed: number;
  added: number;
  removed: number;
  renumbered: number;
  unchanged: number;
}

/** Counts of articles by status (chapters and the preamble are not counted as articles). */
export function summarise(changes: readonly BlockChange[]): ChangeSummary {
  const summary: ChangeSummary = { changed: 0, added: 0, removed: 0, renumbered: 0, unchanged: 0 };
  for (const c of changes) {
    const kind = (c.after ?? c.before)!.kind;
    if (kind === 'article') summary[c.status]++;
  }
  return summary;
}
