import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftLaw } from '../../../test/support/consultation-factories.js';
import { compareVersions, summarise, type VersionElement } from './changes.js';
import { sides, similarity, wordDiff, words } from './diff.js';
import { parseDraftText } from './import.js';
import { matchUnits } from './matching.js';

describe('word diff', () => {
  it('shows a changed number as one removal and one addition among unchanged words', () => {
    expect(wordDiff('Хэлэлцүүлгийн хугацаа 30 хоногоос доошгүй байна.', 'Хэлэлцүүлгийн хугацаа 45 хоногоос доошгүй байна.')).toEqual([
      { op: 'same', text: 'Хэлэлцүүлгийн хугацаа ' },
      { op: 'removed', text: '30' },
      { op: 'added', text: '45' },
      { op: 'same', text: ' хоногоос доошгүй байна.' },
    ]);
  });

  it('joins neighbouring changed words into one readable change', () => {
    const parts = wordDiff('14 хоног хүртэл богиносгож болно.', '21 хоногоос багагүй байхаар богиносгож болно.');
    expect(parts).toEqual([
      { op: 'removed', text: '14 хоног хүртэл' },
      { op: 'added', text: '21 хоногоос багагүй байхаар' },
      { op: 'same', text: ' богиносгож болно.' },
    ]);
  });

  it('handles additions, removals, empty texts and identical texts', () => {
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('а б', 'а б')).toEqual([{ op: 'same', text: 'а б' }]);
    expect(wordDiff('', 'шинэ')).toEqual([{ op: 'added', text: 'шинэ' }]);
    expect(wordDiff('хуучин', '')).toEqual([{ op: 'removed', text: 'хуучин' }]);
    expect(wordDiff('нэг гурав', 'нэг хоёр гурав')).toEqual([
      { op: 'same', text: 'нэг ' },
      { op: 'added', text: 'хоёр ' },
      { op: 'same', text: 'гурав' },
    ]);
  });

  it('stays quick and whole on very long, completely rewritten texts', () => {
    const a = Array.from({ length: 4000 }, (_, i) => `үг${i}`).join(' ');
    const b = Array.from({ length: 4000 }, (_, i) => `шинэ${i}`).join(' ');
    const started = performance.now();
    const parts = wordDiff(a, b);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(sides(parts)).toEqual({ before: a, after: b });
  });

  it('is lossless: the removed and same parts give the old text, the added and same the new (property)', () => {
    const token = fc.constantFrom('иргэн', 'санал', ' ', '  ', '\n', '.', ',', '30', '45', 'хоног', 'хууль', 'ө', 'ү', 'a', 'b');
    const text = fc.array(token, { maxLength: 60 }).map((t) => t.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = wordDiff(a, b);
        expect(sides(parts)).toEqual({ before: a, after: b });
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.op === parts[i - 1]!.op).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('measures how alike two texts are', () => {
    expect(similarity(words('нэг хоёр гурав'), words('нэг хоёр гурав'))).toBe(1);
    expect(similarity(words('нэг хоёр'), words('гурав дөрөв'))).toBe(0);
    expect(similarity(words('нэг хоёр гурав дөрөв'), words('нэг хоёр гурав тав'))).toBe(0.75);
  });
});

function withUnits(text: string, startAt = 1): VersionElement[] {
  return parseDraftText(text).elements.map((e, i) => ({ ...e, unitId: startAt + i }));
}

describe('which article is which in a new version', () => {
  it('keeps identities through an inserted article that renumbers the rest, and an edited one', () => {
    const v1 = withUnits(draftLaw(1));
    const v2 = parseDraftText(draftLaw(2)).elements;
    const units = matchUnits(v1, v2);
    const byNumber = (elements: { kind: string; number: string }[], n: string) => elements.findIndex((e) => e.kind === 'article' && e.number === n);
    // Article 8 was edited but keeps its unit; article 12 is new; old 12–20 are new 13–21.
    expect(units[byNumber(v2, '8')]).toBe(v1[byNumber(v1, '8')]!.unitId);
    expect(units[byNumber(v2, '12')]).toBeNull();
    for (let n = 12; n <= 20; n++) expect(units[byNumber(v2, String(n + 1))], `old ${n}`).toBe(v1[byNumber(v1, String(n))]!.unitId);
    // Paragraphs follow their articles: old 13.1.2 is new 14.1.2.
    const oldPoint = v1.findIndex((e) => e.number === '13.1.2');
    const newPoint = v2.findIndex((e) => e.number === '14.1.2');
    expect(units[newPoint]).toBe(v1[oldPoint]!.unitId);
    // Every unit is used once at most.
    const used = units.filter((u) => u !== null);
    expect(new Set(used).size).toBe(used.length);
  });

  it('tells changed, added, removed and only renumbered articles apart, and diffs without renumbering noise', () => {
    const v1 = withUnits(draftLaw(1));
    const raw = parseDraftText(draftLaw(2)).elements;
    let next = 1000;
    const v2 = matchUnits(v1, raw).map((u, i) => ({ ...raw[i]!, unitId: u ?? next++ }));
    const changes = compareVersions(v1, v2);
    expect(summarise(changes)).toEqual({ changed: 4, added: 1, removed: 0, renumbered: 7, unchanged: 9 });
    const article14 = changes.find((c) => c.after?.kind === 'article' && c.after.number === '14')!;
    expect(article14.status).toBe('changed');
    // Only the cross-reference changed; the paragraph numbers 13.x → 14.x are not shown as changes.
    expect(article14.diff.filter((p) => p.op !== 'same').map((p) => p.text)).toEqual(['13', '14', '13', '14']);
  });

  it('removes an article that is gone and adds one that is new', () => {
    const v1 = withUnits('1 дүгээр зүйл.Нэг\n1.1.Нэгдүгээр зүйлийн текст.\n2 дугаар зүйл.Хоёр\n2.1.Огт өөр агуулга.');
    const raw = parseDraftText('1 дүгээр зүйл.Нэг\n1.1.Нэгдүгээр зүйлийн текст.\n2 дугаар зүйл.Шинэ\n2.1.Бүрэн шинэ санаа энд байна.').elements;
    const units = matchUnits(v1, raw);
    expect(units).toEqual([1, 2, null, null]);
    const changes = compareVersions(
      v1,
      units.map((u, i) => ({ ...raw[i]!, unitId: u ?? 100 + i })),
    );
    expect(changes.map((c) => c.status)).toEqual(['unchanged', 'added', 'removed']);
  });
});
