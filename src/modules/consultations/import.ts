import { articleLabelMn, articleNumberParts, chapterLabelMn, compareArticleNumbers, parseOrdinalWords, parseRoman } from './numbering.js';

/**
 * Reads a draft pasted as plain text or Markdown into its structure, the way Mongolian
 * legal texts are written:
 *
 *   НЭГДҮГЭЭР БҮЛЭГ              chapter (also "1 дүгээр бүлэг", "I БҮЛЭГ", "Chapter 1")
 *   НИЙТЛЭГ ҮНДЭСЛЭЛ             its title, on the next line
 *   1 дүгээр зүйл.Хуулийн зорилт  article (also "2 дугаар зүйл. …", "1-р зүйл", "Зүйл 3", "12¹ дүгээр зүйл", "Article 4")
 *   1.1.Энэ хуулийн зорилт нь…   paragraph ("1.1 " with a space too)
 *   4.1.1."нэр томьёо" гэж…       point (sub-paragraph), down to four levels
 *
 * Markdown headings that carry such numbering are read the same way; a Markdown text
 * without it is read by heading level (the deepest level holds the articles, the one
 * above the chapters) with ordered-list items as paragraphs. Text before the first
 * chapter or article is the preamble; other lines continue the element above them.
 *
 * Nothing is guessed silently: what is wrong enough to make the structure unreliable
 * is an error with its line (the import is refused), what is merely odd a warning.
 */

export type ElementKind = 'preamble' | 'chapter' | 'article' | 'paragraph' | 'point';

export interface DraftElement {
  kind: ElementKind;
  /** "3" (article or chapter), "3.1" (paragraph), "3.1.2" (point); "" for the preamble. */
  number: string;
  heading: string;
  body: string;
  /** Line of the source text it starts on (1-based); 0 when it was not imported. */
  line: number;
}

export const IMPORT_LIMITS = {
  /** Characters of the whole text: the longest codes run to a few hundred thousand. */
  chars: 1_500_000,
  elements: 8000,
  articles: 2000,
  body: 20_000,
  heading: 500,
} as const;

export const IMPORT_ERRORS = ['empty', 'too_long', 'no_articles', 'paragraph_before_article', 'duplicate_article', 'article_out_of_order', 'too_many_elements', 'element_too_long'] as const;
export const IMPORT_WARNINGS = [
  'article_gap',
  'paragraph_mismatch',
  'point_without_paragraph',
  'duplicate_number',
  'empty_chapter',
  'empty_article',
  'chapter_out_of_order',
  'control_characters',
  'unread_numbering',
] as const;
export type ImportIssueCode = (typeof IMPORT_ERRORS)[number] | (typeof IMPORT_WARNINGS)[number];

export interface ImportIssue {
  line: number;
  severity: 'error' | 'warning';
  code: ImportIssueCode;
  params: Record<string, string | number>;
}

export interface ParsedDraft {
  elements: DraftElement[];
  issues: ImportIssue[];
  articleCount: number;
}

const SUFFIXES = '(?:дүгээр|дугаар|дүгаар|дугээр|-?р|дахь|дэх|-?р\\.)';
const NUMBER = '(\\d{1,4}[⁰¹²³⁴⁵⁶⁷⁸⁹]*)';
const END = '(?=$|[\\s.:)\\-–—])[\\s.:)\\-–—]*';
const ARTICLE_NUMERIC = new RegExp(`^${NUMBER}\\s*[-–]?\\s*${SUFFIXES}\\s*з[үу]йл${END}(.*)$`, 'iu');
const ARTICLE_WORD_FIRST = new RegExp(`^з[үу]йл\\s+${NUMBER}${END}(.*)$`, 'iu');
const ARTICLE_EN = new RegExp(`^article\\s+${NUMBER}${END}(.*)$`, 'iu');
const ARTICLE_WORDS = new RegExp(`^((?:\\S+\\s+)?\\S+)\\s+з[үу]йл${END}(.*)$`, 'iu');
const CHAPTER_NUMERIC = new RegExp(`^(\\d{1,3})\\s*[-–]?\\s*${SUFFIXES}\\s*бүлэг${END}(.*)$`, 'iu');
const CHAPTER_WORD_FIRST = new RegExp(`^бүлэг\\s+(\\d{1,3}|[IVXL]{1,8})${END}(.*)$`, 'iu');
const CHAPTER_EN = new RegExp(`^chapter\\s+(\\d{1,3}|[IVXL]{1,8})${END}(.*)$`, 'iu');
const CHAPTER_WORDS = new RegExp(`^((?:\\S+\\s+)?\\S+)\\s+бүлэг${END}(.*)$`, 'iu');
// 1.1.Text, 1.1 Text, 4.1.1."term" … — parts after the first have no leading zero (so 2026.01.05 is a date).
const NUMBERED = /^(\d{1,3}[⁰¹²³⁴⁵⁶⁷⁸⁹]*)((?:\.[1-9]\d{0,2}){1,3})(\.?)(\s*)(?:\)\s*)?(.*)$/u;
const LIST_ITEM = /^(\d{1,3})[.)]\s+(.*)$/u;
const MD_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/u;
const BULLET = /^[-*•·]\s+/u;
// Something that starts like numbering but was not understood ("3.зүйл", "1..2"): kept as text, with a warning.
const LOOKS_NUMBERED = /^\d{1,3}(\.\d*){1,}\S*/u;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200D\u2060\uFEFF]/gu;

type Token =
  | { type: 'blank'; line: number }
  | { type: 'text'; line: number; text: string; looksNumbered: boolean }
  | { type: 'chapter'; line: number; number: number | null; heading: string; md?: number }
  | { type: 'article'; line: number; number: string | null; heading: string; md?: number }
  | { type: 'numbered'; line: number; number: string; depth: number; text: string }
  | { type: 'list'; line: number; n: number; text: string }
  | { type: 'heading'; line: number; level: number; text: string };

function cleanLine(raw: string): string {
  return raw
    .replace(/[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function unwrapEmphasis(text: string): string {
  const m = /^(\*\*|__|\*|_)(.+)\1$/u.exec(text);
  return m ? m[2]!.trim() : text;
}

function readArticle(text: string): { number: string; heading: string } | undefined {
  const m = ARTICLE_NUMERIC.exec(text) ?? ARTICLE_WORD_FIRST.exec(text) ?? ARTICLE_EN.exec(text);
  if (m) return { number: m[1]!, heading: m[2]!.trim() };
  const w = ARTICLE_WORDS.exec(text);
  const n = w ? parseOrdinalWords(w[1]!) : undefined;
  return n !== undefined ? { number: String(n), heading: w![2]!.trim() } : undefined;
}

function readChapter(text: string): { number: number; heading: string } | undefined {
  const m = CHAPTER_NUMERIC.exec(text) ?? CHAPTER_WORD_FIRST.exec(text) ?? CHAPTER_EN.exec(text);
  if (m) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseRoman(m[1]!);
    if (n !== undefined) return { number: n, heading: m[2]!.trim() };
  }
  const w = CHAPTER_WORDS.exec(text);
  const n = w ? parseOrdinalWords(w[1]!) : undefined;
  return n !== undefined ? { number: n, heading: w![2]!.trim() } : undefined;
}

function tokenise(lines: string[]): Token[] {
  return lines.map((raw, i): Token => {
    const line = i + 1;
    const text = unwrapEmphasis(cleanLine(raw));
    if (!text) return { type: 'blank', line };
    const md = MD_HEADING.exec(text);
    const content = md ? unwrapEmphasis(md[2]!.trim()) : text;
    const level = md ? md[1]!.length : undefined;
    const article = readArticle(content);
    if (article) return { type: 'article', line, number: article.number, heading: article.heading, md: level };
    const chapter = readChapter(content);
    if (chapter) return { type: 'chapter', line, number: chapter.number, heading: chapter.heading, md: level };
    if (md) return { type: 'heading', line, level: level!, text: content };
    const numbered = NUMBERED.exec(text);
    if (numbered && (numbered[3] === '.' || numbered[4] !== '')) {
      const number = `${numbered[1]}${numbered[2]}`;
      return { type: 'numbered', line, number, depth: number.split('.').length, text: numbered[5]!.trim() };
    }
    const list = LIST_ITEM.exec(text);
    if (list) return { type: 'list', line, n: Number(list[1]), text: list[2]!.trim() };
    return { type: 'text', line, text: text.replace(BULLET, '- '), looksNumbered: LOOKS_NUMBERED.test(text) };
  });
}

/**
 * A Markdown text without legal numbering: its deepest heading level holds the
 * articles, the level above the chapters; a single first-line top heading is the title.
 */
function markdownLevels(tokens: Token[]): { article: number; chapter: number | null; titleLine: number | null } {
  const headings = tokens.filter((t): t is Extract<Token, { type: 'heading' }> => t.type === 'heading');
  const first = tokens.find((t) => t.type !== 'blank');
  let titleLine: number | null = null;
  let levels = [...new Set(headings.map((h) => h.level))].sort((a, b) => a - b);
  if (first?.type === 'heading' && levels.length > 1 && headings.filter((h) => h.level === first.level).length === 1) {
    titleLine = first.line;
    levels = [...new Set(headings.filter((h) => h.line !== first.line).map((h) => h.level))].sort((a, b) => a - b);
  }
  const article = levels[levels.length - 1] ?? 0;
  const chapter = levels.length > 1 ? levels[levels.length - 2]! : null;
  return { article, chapter, titleLine };
}

export function parseDraftText(input: string): ParsedDraft {
  const issues: ImportIssue[] = [];
  const error = (line: number, code: (typeof IMPORT_ERRORS)[number], params: Record<string, string | number> = {}) => issues.push({ line, severity: 'error', code, params });
  const warn = (line: number, code: (typeof IMPORT_WARNINGS)[number], params: Record<string, string | number> = {}) => issues.push({ line, severity: 'warning', code, params });

  if (input.length > IMPORT_LIMITS.chars) {
    error(0, 'too_long', { max: IMPORT_LIMITS.chars, length: input.length });
    return { elements: [], issues, articleCount: 0 };
  }
  const normalised = input.normalize('NFC');
  const rawLines = normalised.split(/\r\n|\r|\n|\u2028|\u2029/u);
  const firstControl = rawLines.findIndex((l) => CONTROL.test(l.replace(/^\uFEFF/u, '')));
  CONTROL.lastIndex = 0;
  if (firstControl >= 0) warn(firstControl + 1, 'control_characters');
  const lines = rawLines.map((l) => l.replace(CONTROL, ''));
  if (lines.every((l) => !cleanLine(l))) {
    error(0, 'empty');
    return { elements: [], issues, articleCount: 0 };
  }

  const tokens = tokenise(lines);
  const numberedMode = tokens.some((t) => t.type === 'article');
  const md = numberedMode ? null : markdownLevels(tokens);

  const elements: DraftElement[] = [];
  // The builder's state, in one object so the helpers below and the loop see the same values.
  const st = {
    preamble: null as DraftElement | null,
    chapter: null as { element: DraftElement; articles: number } | null,
    article: null as DraftElement | null,
    articleParts: new Set<string>(),
    last: null as DraftElement | null,
    awaitingChapterTitle: false,
    chapterCount: 0,
    articleCount: 0,
    previousChapter: 0,
    previousArticle: null as string | null,
  };
  const articleLines = new Map<string, number>();

  const push = (e: DraftElement) => {
    elements.push(e);
    st.last = e;
  };
  const appendText = (text: string, line: number) => {
    let target = st.last;
    if (!target) {
      target = { kind: 'preamble', number: '', heading: '', body: '', line };
      st.preamble = target;
      push(target);
    }
    target.body = target.body ? `${target.body}\n${text}` : text;
  };
  const closeChapter = () => {
    if (st.chapter && st.chapter.articles === 0) warn(st.chapter.element.line, 'empty_chapter', { number: st.chapter.element.number });
  };
  const openChapter = (line: number, number: number | null, heading: string) => {
    closeChapter();
    st.chapterCount++;
    const n = number ?? st.chapterCount;
    if (number !== null && n <= st.previousChapter) warn(line, 'chapter_out_of_order', { number: n, previous: st.previousChapter });
    st.previousChapter = Math.max(st.previousChapter, n);
    const element: DraftElement = { kind: 'chapter', number: String(n), heading, body: '', line };
    st.chapter = { element, articles: 0 };
    st.article = null;
    push(element);
    st.awaitingChapterTitle = heading === '';
  };
  const openArticle = (line: number, number: string | null, heading: string) => {
    st.articleCount++;
    const n = number ?? String(st.articleCount);
    const seen = articleLines.get(n);
    const previous = st.previousArticle;
    if (seen !== undefined) error(line, 'duplicate_article', { number: n, first: seen });
    else if (previous !== null && compareArticleNumbers(n, previous) < 0) error(line, 'article_out_of_order', { number: n, previous });
    else if (previous !== null) {
      const prev = articleNumberParts(previous)[0]!;
      const parts = articleNumberParts(n);
      if (parts.length === 1 && parts[0]! > prev + 1) warn(line, 'article_gap', { number: n, expected: prev + 1 });
    }
    if (seen === undefined) articleLines.set(n, line);
    if (previous === null || compareArticleNumbers(n, previous) > 0) st.previousArticle = n;
    // An article "title" that runs for sentences is its text: laws without titles exist.
    const long = heading.length > 300;
    const element: DraftElement = { kind: 'article', number: n, heading: long ? '' : heading, body: long ? heading : '', line };
    if (st.chapter) st.chapter.articles++;
    st.article = element;
    st.articleParts = new Set();
    st.awaitingChapterTitle = false;
    push(element);
  };
  const openPart = (line: number, number: string, depth: number, text: string) => {
    const current = st.article;
    if (!current) {
      error(line, 'paragraph_before_article', { number });
      return;
    }
    const prefix = number.split('.')[0]!;
    if (prefix !== current.number) warn(line, 'paragraph_mismatch', { number, article: current.number });
    if (st.articleParts.has(number)) warn(line, 'duplicate_number', { number });
    if (depth >= 3) {
      const parent = number.split('.').slice(0, -1).join('.');
      if (!st.articleParts.has(parent)) warn(line, 'point_without_paragraph', { number, parent });
    }
    st.articleParts.add(number);
    push({ kind: depth >= 3 ? 'point' : 'paragraph', number, heading: '', body: text, line });
  };
  const takeChapterTitle = (text: string): boolean => {
    if (!st.awaitingChapterTitle || !st.chapter || text.length > 200) return false;
    st.chapter.element.heading = text;
    st.awaitingChapterTitle = false;
    return true;
  };

  for (const token of tokens) {
    switch (token.type) {
      case 'blank':
        break;
      case 'chapter':
        openChapter(token.line, token.number, token.heading);
        break;
      case 'article':
        openArticle(token.line, token.number, token.heading);
        break;
      case 'numbered':
        st.awaitingChapterTitle = false;
        openPart(token.line, token.number, token.depth, token.text);
        break;
      case 'heading':
        if (takeChapterTitle(token.text)) break;
        st.awaitingChapterTitle = false;
        if (md === null) {
          // In a numbered text, an unnumbered heading is part of the preamble (before anything else) or a chapter.
          if (st.article || st.chapter) openChapter(token.line, null, token.text);
          else appendText(token.text, token.line);
        } else if (token.line === md.titleLine) appendText(token.text, token.line);
        else if (token.level >= md.article) openArticle(token.line, null, token.text);
        else openChapter(token.line, null, token.text);
        break;
      case 'list':
        st.awaitingChapterTitle = false;
        if (md !== null && st.article) openPart(token.line, `${st.article.number}.${token.n}`, 2, token.text);
        else appendText(`${token.n}. ${token.text}`, token.line);
        break;
      case 'text':
        if (takeChapterTitle(token.text)) break;
        st.awaitingChapterTitle = false;
        if (token.looksNumbered && st.article) warn(token.line, 'unread_numbering', { text: token.text.slice(0, 40) });
        appendText(token.text, token.line);
        break;
    }
  }
  closeChapter();
  const articleCount = st.articleCount;

  if (articleCount === 0) error(st.preamble?.line ?? 1, 'no_articles');
  if (articleCount > IMPORT_LIMITS.articles || elements.length > IMPORT_LIMITS.elements) {
    error(0, 'too_many_elements', { max: IMPORT_LIMITS.elements, count: elements.length });
  }
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i]!;
    if (e.body.length > IMPORT_LIMITS.body || e.heading.length > IMPORT_LIMITS.heading) error(e.line, 'element_too_long', { number: e.number || '—', max: IMPORT_LIMITS.body });
    if (e.kind === 'article' && !e.heading && !e.body && elements[i + 1]?.kind !== 'paragraph' && elements[i + 1]?.kind !== 'point') warn(e.line, 'empty_article', { number: e.number });
  }
  issues.sort((a, b) => a.line - b.line || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return { elements, issues, articleCount };
}

export function hasErrors(parsed: ParsedDraft): boolean {
  return parsed.issues.some((i) => i.severity === 'error');
}

/**
 * The text of elements in the canonical form the parser reads back (laws' own layout:
 * "НЭГДҮГЭЭР БҮЛЭГ", "1 дүгээр зүйл.Гарчиг", "1.1.Текст"), for editing a version as text.
 */
export function serialiseDraft(elements: readonly Pick<DraftElement, 'kind' | 'number' | 'heading' | 'body'>[]): string {
  const blocks: string[] = [];
  for (const e of elements) {
    switch (e.kind) {
      case 'preamble':
        if (e.body) blocks.push(e.body);
        break;
      case 'chapter':
        blocks.push([chapterLabelMn(e.number), e.heading, e.body].filter(Boolean).join('\n'));
        break;
      case 'article':
        blocks.push([`${articleLabelMn(e.number)}.${e.heading}`, e.body].filter(Boolean).join('\n'));
        break;
      case 'paragraph':
      case 'point':
        // "1.1.Текст" as laws print it; a space when the text itself starts with a digit ("1.1. 30 хоног"), or it would read as a deeper number.
        blocks[blocks.length - 1] = `${blocks[blocks.length - 1] ?? ''}\n${e.number}.${/^\d/.test(e.body) ? ' ' : ''}${e.body}`.replace(/^\n/, '');
        break;
    }
  }
  return blocks.join('\n\n') + '\n';
}
