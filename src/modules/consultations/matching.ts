import { similarity, words } from './diff.js';
import type { ElementKind } from './import.js';

/**
 * Which article of a new version is which article of the previous one. An article keeps
 * its identity (its address, its comments) when it is the same text, or the same number
 * with mostly the same words, or, renumbered, still mostly the same words:
 *
 *   1. identical words (anywhere: an article inserted before it renumbers it);
 *   2. the same number and a similarity of at least 0.5;
 *   3. the most similar remaining pairs, best first, down to 0.6.
 *
 * Paragraphs and points are matched the same way inside matched articles, numbers
 * compared without the article's own number. What matches nothing is new.
 */
export interface ExistingElement {
  unitId: number;
  kind: ElementKind;
  number: string;
  heading: string;
  body: string;
}

export interface NewElement {
  kind: ElementKind;
  number: string;
  heading: string;
  body: string;
}

const SAME_NUMBER_THRESHOLD = 0.5;
const MOVED_THRESHOLD = 0.6;

interface Candidate {
  index: number;
  number: string;
  words: string[];
  key: string;
}

/** Pairs candidates of `next` with those of `previous`; returns next index → previous index. */
function pair(previous: Candidate[], next: Candidate[]): Map<number, number> {
  const result = new Map<number, number>();
  const usedPrev = new Set<number>();
  const byKey = new Map<string, Candidate[]>();
  for (const p of previous) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
  const match = (n: Candidate, p: Candidate) => {
    result.set(n.index, p.index);
    usedPrev.add(p.index);
  };
  // 1. Identical words; with several identical candidates, prefer the same number.
  for (const n of next) {
    const same = (byKey.get(n.key) ?? []).filter((p) => !usedPrev.has(p.index));
    const chosen = same.find((p) => p.number === n.number) ?? same[0];
    if (chosen && n.words.length > 0) match(n, chosen);
  }
  // 2. Same number, mostly the same words.
  const prevByNumber = new Map(previous.map((p) => [p.number, p]));
  for (const n of next) {
    if (result.has(n.index)) continue;
    const p = prevByNumber.get(n.number);
    if (p && !usedPrev.has(p.index) && similarity(p.words, n.words) >= SAME_NUMBER_THRESHOLD) match(n, p);
  }
  // 3. The most similar remaining pairs.
  const restNext = next.filter((n) => !result.has(n.index));
  const restPrev = previous.filter((p) => !usedPrev.has(p.index));
  const scored: { n: Candidate; p: Candidate; score: number }[] = [];
  for (const n of restNext) {
    for (const p of restPrev) {
      // Texts of very different lengths cannot reach the threshold: skip the count.
      const la = n.words.length;
      const lb = p.words.length;
      if ((2 * Math.min(la, lb)) / (la + lb || 1) < MOVED_THRESHOLD) continue;
      const score = similarity(p.words, n.words);
      if (score >= MOVED_THRESHOLD) scored.push({ n, p, score });
    }
  }
  scored.sort((x, y) => y.score - x.score || x.n.index - y.n.index);
  for (const { n, p } of scored) {
    if (result.has(n.index) || usedPrev.has(p.index)) continue;
    match(n, p);
  }
  return result;
}

interface Block<E> {
  index: number;
  element: E;
  children: number[];
}

function articleBlocks<E extends NewElement>(elements: readonly E[]): Block<E>[] {
  const blocks: Block<E>[] = [];
  let current: Block<E> | null = null;
  elements.forEach((e, index) => {
    if (e.kind === 'article') {
      current = { index, element: e, children: [] };
      blocks.push(current);
    } else if (e.kind === 'paragraph' || e.kind === 'point') {
      current?.children.push(index);
    } else {
      current = null;
    }
  });
  return blocks;
}

function candidate(index: number, number: string, text: string): Candidate {
  const w = words(text);
  return { index, number, words: w, key: w.join(' ') };
}

/** The part of a paragraph number after its article's: "13.2.1" → "2.1". */
function localNumber(number: string): string {
  const dot = number.indexOf('.');
  return dot === -1 ? number : number.slice(dot + 1);
}

/**
 * For each element of the new text, the unit of the previous version it continues, or
 * null when it is new. Each previous unit is used at most once.
 */
export function matchUnits(previous: readonly ExistingElement[], next: readonly NewElement[]): (number | null)[] {
  const units: (number | null)[] = next.map(() => null);

  const prevBlocks = articleBlocks(previous);
  const nextBlocks = articleBlocks(next);
  const blockText = <E extends NewElement>(elements: readonly E[], b: Block<E>) => [b.element.heading, b.element.body, ...b.children.map((i) => elements[i]!.body)].join(' ');
  const articlePairs = pair(
    prevBlocks.map((b, i) => candidate(i, b.element.number, blockText(previous, b))),
    nextBlocks.map((b, i) => candidate(i, b.element.number, blockText(next, b))),
  );
  for (const [ni, pi] of articlePairs) {
    const nb = nextBlocks[ni]!;
    const pb = prevBlocks[pi]!;
    units[nb.index] = previous[pb.index]!.unitId;
    const childPairs = pair(
      pb.children.map((i) => candidate(i, `${previous[i]!.kind}:${localNumber(previous[i]!.number)}`, previous[i]!.body)),
      nb.children.map((i) => candidate(i, `${next[i]!.kind}:${localNumber(next[i]!.number)}`, next[i]!.body)),
    );
    for (const [nci, pci] of childPairs) units[nci] = previous[pci]!.unitId;
  }

  // Chapters: the same title, else the same number; the preamble stays the preamble.
  const prevChapters = previous.filter((e) => e.kind === 'chapter');
  const usedChapters = new Set<number>();
  next.forEach((e, i) => {
    if (e.kind === 'preamble') {
      const p = previous.find((x) => x.kind === 'preamble');
      if (p) units[i] = p.unitId;
      return;
    }
    if (e.kind !== 'chapter') return;
    const key = words(e.heading).join(' ');
    const chosen =
      prevChapters.find((c) => !usedChapters.has(c.unitId) && key !== '' && words(c.heading).join(' ') === key) ??
      prevChapters.find((c) => !usedChapters.has(c.unitId) && c.number === e.number);
    if (chosen) {
      usedChapters.add(chosen.unitId);
      units[i] = chosen.unitId;
    }
  });
  return units;
}
