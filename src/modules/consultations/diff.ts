/**
 * A word-level diff for showing what changed in an article between two versions. It is
 * the classic longest-common-subsequence diff over words (with spaces and punctuation as
 * their own tokens), after cutting the common beginning and end, which is where most of
 * an amended article is. Articles are short, so the quadratic table stays small; past a
 * size limit the changed middle is shown as one removal and one addition instead of
 * spending seconds on a diff nobody would read word by word.
 */
export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Cells of the LCS table: 4,000,000 (e.g. two middles of 2,000 words) is ~16 MB and tens of ms. */
const MAX_CELLS = 4_000_000;

const TOKEN = /\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

export function tokenise(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ op: 'same', text: before }] : [];
  const a = tokenise(before);
  const b = tokenise(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const prev = parts[parts.length - 1];
    if (prev && prev.op === op) prev.text += text;
    else parts.push({ op, text });
  };
  push('same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push('removed', midA.join(''));
    push('added', midB.join(''));
  } else {
    for (const part of lcsDiff(midA, midB)) push(part.op, part.text);
  }
  push('same', a.slice(endA).join(''));
  return tidy(parts);
}

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m ? [{ op: 'added', text: b.join('') }] : [];
  if (m === 0) return [{ op: 'removed', text: a.join('') }];
  // lengths[i][j] = LCS of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      out.push({ op: 'removed', text: a[i++]! });
    } else {
      out.push({ op: 'added', text: b[j++]! });
    }
  }
  while (i < n) out.push({ op: 'removed', text: a[i++]! });
  while (j < m) out.push({ op: 'added', text: b[j++]! });
  return out;
}

/**
 * Readable runs: a lone space (or punctuation mark) kept between two changes is folded
 * into them, so "≈30≈ → 45 хоногоос" reads as one change, and removals come before
 * additions within each changed run.
 */
function tidy(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    const prev = merged[merged.length - 1];
    const next = parts[k + 1];
    if (part.op === 'same' && prev && prev.op !== 'same' && next && next.op !== 'same' && /^\s+$/u.test(part.text)) {
      merged.push({ op: 'removed', text: part.text }, { op: 'added', text: part.text });
      continue;
    }
    merged.push({ ...part });
  }
  // Group each run of changes: all removed text, then all added text.
  const out: DiffPart[] = [];
  let k = 0;
  while (k < merged.length) {
    if (merged[k]!.op === 'same') {
      out.push(merged[k]!);
      k++;
      continue;
    }
    let removed = '';
    let added = '';
    while (k < merged.length && merged[k]!.op !== 'same') {
      if (merged[k]!.op === 'removed') removed += merged[k]!.text;
      else added += merged[k]!.text;
      k++;
    }
    if (removed) out.push({ op: 'removed', text: removed });
    if (added) out.push({ op: 'added', text: added });
  }
  return out;
}

/** The text before (same + removed) and after (same + added) a diff: diffs are lossless. */
export function sides(parts: readonly DiffPart[]): { before: string; after: string } {
  let before = '';
  let after = '';
  for (const p of parts) {
    if (p.op !== 'added') before += p.text;
    if (p.op !== 'removed') after += p.text;
  }
  return { before, after };
}

/** Words of a text for similarity: lower case, letters and digits only. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
}

/** Dice similarity of two word multisets, 0 (nothing shared) to 1 (same words). */
export function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of b) {
    const c = counts.get(w);
    if (c) {
      shared++;
      counts.set(w, c - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}
