import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftLaw } from '../../../test/support/consultation-factories.js';
import { hasErrors, parseDraftText, serialiseDraft, type DraftElement } from './import.js';
import { articleLabelMn, chapterLabelMn, compareArticleNumbers, ordinalSuffix, ordinalWords, parseOrdinalWords, parseRoman } from './numbering.js';

const shape = (elements: DraftElement[]) => elements.map((e) => [e.kind, e.number, e.heading]);
const codes = (text: string) => parseDraftText(text).issues.map((i) => [i.severity, i.code, i.line]);

describe('Mongolian numbering', () => {
  it('chooses -дүгээр or -дугаар by vowel harmony with the last number word', () => {
    const suffixes = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 19, 20, 21, 30, 40, 41, 50, 90, 100, 104, 300].map((n) => [n, ordinalSuffix(n)]));
    expect(suffixes).toEqual({
      1: 'дүгээр',
      2: 'дугаар',
      3: 'дугаар',
      4: 'дүгээр',
      5: 'дугаар',
      6: 'дугаар',
      7: 'дугаар',
      8: 'дугаар',
      9: 'дүгээр',
      10: 'дугаар',
      11: 'дүгээр',
      14: 'дүгээр',
      19: 'дүгээр',
      20: 'дугаар',
      21: 'дүгээр',
      30: 'дугаар',
      40: 'дүгээр',
      41: 'дүгээр',
      50: 'дугаар',
      90: 'дүгээр',
      100: 'дугаар',
      104: 'дүгээр',
      300: 'дугаар',
    });
    expect(articleLabelMn('3')).toBe('3 дугаар зүйл');
    expect(articleLabelMn('12¹')).toBe('12¹ дугаар зүйл');
  });

  it('writes and reads ordinals in words, forgiving the wrong harmony', () => {
    expect(ordinalWords(1)).toBe('нэгдүгээр');
    expect(ordinalWords(2)).toBe('хоёрдугаар');
    expect(ordinalWords(12)).toBe('арван хоёрдугаар');
    expect(ordinalWords(20)).toBe('хорьдугаар');
    expect(chapterLabelMn('4')).toBe('ДӨРӨВДҮГЭЭР БҮЛЭГ');
    for (let n = 1; n <= 99; n++) expect(parseOrdinalWords(ordinalWords(n)), ordinalWords(n)).toBe(n);
    expect(parseOrdinalWords('НЭГДҮГЭЭР')).toBe(1);
    expect(parseOrdinalWords('Тавдүгээр')).toBe(5);
    expect(parseOrdinalWords('сайн')).toBeUndefined();
    expect(parseOrdinalWords('арван хорьдугаар')).toBeUndefined();
    expect(parseRoman('XIV')).toBe(14);
    expect(parseRoman('ABC')).toBeUndefined();
  });

  it('orders inserted articles after the one they follow', () => {
    expect(['13', '12¹', '2', '12'].sort(compareArticleNumbers)).toEqual(['2', '12', '12¹', '13']);
  });
});

describe('importing the draft law', () => {
  it('finds its 5 chapters, 20 articles, paragraphs and points without a single warning', () => {
    const parsed = parseDraftText(draftLaw(1));
    expect(parsed.issues).toEqual([]);
    expect(parsed.articleCount).toBe(20);
    const chapters = parsed.elements.filter((e) => e.kind === 'chapter');
    expect(chapters.map((c) => [c.number, c.heading])).toEqual([
      ['1', 'НИЙТЛЭГ ҮНДЭСЛЭЛ'],
      ['2', 'ХЭЛЭЛЦҮҮЛГИЙГ ЗОХИОН БАЙГУУЛАХ'],
      ['3', 'САНАЛ ИРҮҮЛЭХ, ХАРИУ ӨГӨХ'],
      ['4', 'ХЯНАЛТ, ХАРИУЦЛАГА'],
      ['5', 'БУСАД ЗҮЙЛ'],
    ]);
    const article4 = parsed.elements.findIndex((e) => e.kind === 'article' && e.number === '4');
    expect(shape(parsed.elements.slice(article4, article4 + 6))).toEqual([
      ['article', '4', 'Хуулийн нэр томьёоны тодорхойлолт'],
      ['paragraph', '4.1', ''],
      ['point', '4.1.1', ''],
      ['point', '4.1.2', ''],
      ['point', '4.1.3', ''],
      ['point', '4.1.4', ''],
    ]);
    expect(parsed.elements[0]).toMatchObject({ kind: 'preamble', line: 1 });
    expect(parsed.elements[0]!.body).toContain('ШИЙДВЭР ГАРГАХ ҮЙЛ АЖИЛЛАГААНД');
    expect(parsed.elements.find((e) => e.number === '8.1')!.body).toBe('Хэлэлцүүлгийн хугацаа 30 хоногоос доошгүй байна.');
  });

  it('reads the many ways articles and chapters are written', () => {
    const text = [
      '1 дүгээр бүлэг',
      'Ерөнхий зүйл',
      '1 дүгээр зүйл.Зорилт',
      '2 дугаар зүйл. Хүрээ',
      '3-р зүйл: Нэр томьёо',
      'Зүйл 4. Зарчим',
      '5дугаар зүйл.Эрх',
      'ХОЁРДУГААР БҮЛЭГ Бусад',
      'Зургаадугаар зүйл.Хариуцлага',
      '6¹ дүгээр зүйл.Нэмэлт',
      'Article 7. Entry into force',
      'Chapter III',
      '8 дугаар зуйл.Үсгийн алдаатай',
    ].join('\n');
    const parsed = parseDraftText(text);
    expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(shape(parsed.elements)).toEqual([
      ['chapter', '1', 'Ерөнхий зүйл'],
      ['article', '1', 'Зорилт'],
      ['article', '2', 'Хүрээ'],
      ['article', '3', 'Нэр томьёо'],
      ['article', '4', 'Зарчим'],
      ['article', '5', 'Эрх'],
      ['chapter', '2', 'Бусад'],
      ['article', '6', 'Хариуцлага'],
      ['article', '6¹', 'Нэмэлт'],
      ['article', '7', 'Entry into force'],
      ['chapter', '3', ''],
      ['article', '8', 'Үсгийн алдаатай'],
    ]);
  });

  it('does not mistake references inside the text for structure', () => {
    const parsed = parseDraftText(['1 дүгээр зүйл.Зорилт', '1.1.Энэ хуулийн 3 дугаар зүйлд заасан журмаар 2 дугаар бүлэгт заасан эрхийг хэрэгжүүлнэ.', '2026.01.05-ны өдрөөс мөрдөнө.', 'Төсөвт 1.5 тэрбум төгрөг тусгана.'].join('\n'));
    expect(shape(parsed.elements)).toEqual([
      ['article', '1', 'Зорилт'],
      ['paragraph', '1.1', ''],
    ]);
    expect(parsed.elements[1]!.body).toBe('Энэ хуулийн 3 дугаар зүйлд заасан журмаар 2 дугаар бүлэгт заасан эрхийг хэрэгжүүлнэ.\n2026.01.05-ны өдрөөс мөрдөнө.\nТөсөвт 1.5 тэрбум төгрөг тусгана.');
  });

  it('reads Markdown by its headings, numbered or not', () => {
    const numbered = parseDraftText('# Хуулийн төсөл\n\n## НЭГДҮГЭЭР БҮЛЭГ\n\n### 1 дүгээр зүйл. Зорилт\n\n1.1. Текст.\n\n### 2 дугаар зүйл. Хүрээ\n\n**2.1.** Текст.');
    expect(shape(numbered.elements)).toEqual([
      ['preamble', '', ''],
      ['chapter', '1', ''],
      ['article', '1', 'Зорилт'],
      ['paragraph', '1.1', ''],
      ['article', '2', 'Хүрээ'],
    ]);
    const plain = parseDraftText('# Төсөл\n\n## Ерөнхий\n\n### Зорилт\nЭнэ хуулийн зорилт.\n\n1. Нэгдүгээр\n2) Хоёрдугаар\n\n### Хүрээ\n- жагсаалт\n\n## Бусад\n\n### Хүчин төгөлдөр болох\nТекст.');
    expect(plain.issues).toEqual([]);
    expect(shape(plain.elements)).toEqual([
      ['preamble', '', ''],
      ['chapter', '1', 'Ерөнхий'],
      ['article', '1', 'Зорилт'],
      ['paragraph', '1.1', ''],
      ['paragraph', '1.2', ''],
      ['article', '2', 'Хүрээ'],
      ['chapter', '2', 'Бусад'],
      ['article', '3', 'Хүчин төгөлдөр болох'],
    ]);
    expect(plain.elements[5]!.body).toBe('- жагсаалт');
  });

  it('copes with messy input: Windows line ends, tabs, non-breaking spaces, control characters, odd spacing', () => {
    const messy = '\uFEFF1\u00A0дүгээр   зүйл.\tЗорилт\r\n1.1.Текст\u0007 энд\r\n\r\n  2  дугаар зүйл .Хүрээ  \r2.1 Хоёр\u200B дахь\n';
    const parsed = parseDraftText(messy);
    expect(shape(parsed.elements)).toEqual([
      ['article', '1', 'Зорилт'],
      ['paragraph', '1.1', ''],
      ['article', '2', 'Хүрээ'],
      ['paragraph', '2.1', ''],
    ]);
    expect(parsed.elements[1]!.body).toBe('Текст энд');
    expect(parsed.issues.map((i) => i.code)).toEqual(['control_characters']);
  });

  it('refuses what would make the structure wrong, naming each line', () => {
    expect(codes('')).toEqual([['error', 'empty', 0]]);
    expect(codes('   \n\n\t')).toEqual([['error', 'empty', 0]]);
    expect(codes('Энэ бол зүйл дугааргүй текст.\nБас нэг мөр.')).toEqual([['error', 'no_articles', 1]]);
    expect(codes('1.1.Зүйлгүй хэсэг\n1 дүгээр зүйл.Зорилт')).toEqual([['error', 'paragraph_before_article', 1]]);
    expect(codes('1 дүгээр зүйл.А\n2 дугаар зүйл.Б\n2 дугаар зүйл.В')).toEqual([['error', 'duplicate_article', 3]]);
    expect(codes('1 дүгээр зүйл.А\n3 дугаар зүйл.Б\n2 дугаар зүйл.В')).toEqual([
      ['warning', 'article_gap', 2],
      ['error', 'article_out_of_order', 3],
    ]);
    expect(codes(`1 дүгээр зүйл.А\n1.1.${'ү'.repeat(20_001)}`)).toEqual([['error', 'element_too_long', 2]]);
    expect(codes('x'.repeat(1_500_001))).toEqual([['error', 'too_long', 0]]);
    expect(hasErrors(parseDraftText('1 дүгээр зүйл.А'))).toBe(false);
  });

  it('warns about what is odd but readable', () => {
    expect(codes('НЭГДҮГЭЭР БҮЛЭГ\nА\nХОЁРДУГААР БҮЛЭГ\nБ\n1 дүгээр зүйл.А\n1.1.Текст\n2.1.Буруу зүйлд\n1.2.1.Эцэггүй\n1.1.Давхар\n3.зүйл гэж буруу\n2 дугаар зүйл.')).toEqual([
      ['warning', 'empty_chapter', 1],
      ['warning', 'paragraph_mismatch', 7],
      ['warning', 'point_without_paragraph', 8],
      ['warning', 'duplicate_number', 9],
      ['warning', 'unread_numbering', 10],
      ['warning', 'empty_article', 11],
    ]);
  });
});

describe('the text staff edit', () => {
  it('is written back in the laws’ own layout and reads back the same', () => {
    const parsed = parseDraftText(draftLaw(2));
    const text = serialiseDraft(parsed.elements);
    expect(text).toContain('ГУРАВДУГААР БҮЛЭГ\nСАНАЛ ИРҮҮЛЭХ, ХАРИУ ӨГӨХ');
    expect(text).toContain('12 дугаар зүйл.Цахим бус хэлбэрээр санал ирүүлэх\n12.1.Интернэт');
    const again = parseDraftText(text);
    expect(again.issues).toEqual([]);
    expect(again.elements.map(({ line: _line, ...e }) => e)).toEqual(parsed.elements.map(({ line: _line, ...e }) => e));
  });

  it('round-trips any structure of chapters, articles, paragraphs and points (property)', () => {
    const word = fc.constantFrom('иргэн', 'санал', 'хууль', 'байгууллага', 'хариу', 'хугацаа', 'оролцоо', 'төр', 'нийтийн', 'мэдээлэл', '30', 'хоног', 'болон', 'журам');
    const sentence = fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' ') + '.');
    const article = fc.record({ heading: fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' ')), paragraphs: fc.array(fc.record({ text: sentence, points: fc.array(sentence, { maxLength: 3 }) }), { maxLength: 4 }) });
    const chapter = fc.record({ heading: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ').toUpperCase()), articles: fc.array(article, { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(chapter, { minLength: 1, maxLength: 4 }), (chapters) => {
        const elements: DraftElement[] = [];
        let n = 0;
        chapters.forEach((ch, ci) => {
          elements.push({ kind: 'chapter', number: String(ci + 1), heading: ch.heading, body: '', line: 0 });
          for (const a of ch.articles) {
            n++;
            elements.push({ kind: 'article', number: String(n), heading: a.heading, body: '', line: 0 });
            a.paragraphs.forEach((p, pi) => {
              elements.push({ kind: 'paragraph', number: `${n}.${pi + 1}`, heading: '', body: p.text, line: 0 });
              p.points.forEach((pt, ti) => elements.push({ kind: 'point', number: `${n}.${pi + 1}.${ti + 1}`, heading: '', body: pt, line: 0 }));
            });
          }
        });
        const parsed = parseDraftText(serialiseDraft(elements));
        expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(parsed.elements.map(({ line: _line, ...e }) => e)).toEqual(elements.map(({ line: _line, ...e }) => e));
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on random input and always answers with elements or issues (property)', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('1 дүгээр зүйл.', '2 дугаар зүйл', 'НЭГДҮГЭЭР БҮЛЭГ', '1.1.', '1.1.1.', '# ', '## ', '### ', '\r\n', '\n', '\u0000', '\uFEFF', '**', '3.зүйл', '99999 дүгээр зүйл', 'бүлэг'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const parsed = parseDraftText(pieces.join(''));
        expect(parsed.elements.length > 0 || parsed.issues.length > 0).toBe(true);
        for (const e of parsed.elements) expect(e.body.includes('\u0000')).toBe(false);
        if (!hasErrors(parsed)) expect(parsed.articleCount).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
