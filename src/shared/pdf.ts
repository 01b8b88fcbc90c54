import { access, constants } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { AppError } from './errors.js';
import { defineMessages } from './i18n/define.js';
import { registerMessages } from './i18n/index.js';

/**
 * PDF documents (reports of consultations, commitments…) are the module's printable HTML
 * page rendered by headless Chromium, so the PDF and the page can never disagree.
 *
 * One browser per process, launched on the first PDF and reused; a page per document,
 * closed after it. The document is set as content (no server round trip), JavaScript is
 * off and every network request is refused, so nothing in a document can reach out.
 * Styles come in as text (`css`), since a document set as content has no origin to load
 * /static/site.css from. Call `closePdfRenderer()` when the app closes (modules add it to
 * their onClose hook; closing twice is harmless).
 *
 * Chromium missing or failing to start: 503 'pdf.unavailable', in both languages, saying
 * that the printable page works without it.
 */

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export interface PdfOptions {
  /** Stylesheet text for the document (e.g. the site's print styles). */
  css?: string;
  /** Footer with page numbers, in the document's language: "Page {page} of {pages}". */
  pageLabel?: { page: string; of: string };
  /** Milliseconds before rendering is given up; 60 s by default. */
  timeoutMs?: number;
}

/** Documents rendered at once; more wait their turn (the machine has few cores). */
const MAX_PARALLEL = 2;

let browser: Promise<Browser> | null = null;
let current: Browser | null = null;
let running = 0;
const waiting: (() => void)[] = [];

async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    throw new AppError('pdf.unavailable', { status: 503 });
  }
  try {
    const { chromium } = await import('playwright-core');
    const launched = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    // A crashed browser is forgotten, so the next document starts a new one.
    launched.on('disconnected', () => {
      if (browser && current === launched) browser = null;
    });
    current = launched;
    return launched;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('pdf.unavailable', { status: 503 });
  }
}

function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    browser = launch();
    // A failed launch is not cached: installing Chromium fixes the next request.
    browser.catch(() => {
      browser = null;
    });
  }
  return browser;
}

async function slot(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The stylesheet placed in the document's head (the text cannot end the style element early). */
function withStyles(html: string, css: string): string {
  const style = `<style>${css.replace(/<\//g, '<\\/')}</style>`;
  return html.includes('</head>') ? html.replace('</head>', () => `${style}</head>`) : style + html;
}

/** Renders a complete HTML document as an A4 PDF. */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const release = await slot();
  try {
    const instance = await sharedBrowser();
    const context = await instance.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(options.timeoutMs ?? 60_000);
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(options.css ? withStyles(html, options.css) : html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      const footer = options.pageLabel
        ? `<div style="font-size:8pt;width:100%;text-align:center;color:#444">${escapeHtml(options.pageLabel.page)} <span class="pageNumber"></span> ${escapeHtml(options.pageLabel.of)} <span class="totalPages"></span></div>`
        : undefined;
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' },
        displayHeaderFooter: !!footer,
        headerTemplate: '<span></span>',
        footerTemplate: footer ?? '<span></span>',
        tagged: true,
        outline: true,
      });
      return Buffer.from(pdf);
    } finally {
      await context.close().catch(() => undefined);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('pdf.failed', { status: 503 });
  } finally {
    release();
  }
}

/** Closes the shared browser (app shutdown). Safe to call when none was launched. */
export async function closePdfRenderer(): Promise<void> {
  const pending = browser;
  browser = null;
  current = null;
  if (!pending) return;
  try {
    await (await pending).close();
  } catch {
    // It never started, or it is gone already.
  }
}

export const pdfMessages = defineMessages({
  mn: {
    errors: {
      unavailable: 'PDF файл үүсгэх боломжгүй байна: энэ серверт PDF үүсгэгч (Chromium хөтөч) суулгаагүй байна. Хэвлэх хувилбарыг хөтчөөсөө хэвлэх эсвэл PDF болгон хадгалж болно.',
      failed: 'PDF файл үүсгэж чадсангүй. Хэсэг хугацааны дараа дахин оролдох эсвэл хэвлэх хувилбарыг хөтчөөсөө хэвлэнэ үү.',
    },
  },
  en: {
    errors: {
      unavailable: 'The PDF cannot be made: the PDF renderer (the Chromium browser) is not installed on this server. Print the printable version from your browser, or save it as PDF from there.',
      failed: 'The PDF could not be made. Try again in a moment, or print the printable version from your browser.',
    },
  },
});
registerMessages('pdf', pdfMessages);

declare module 'i18next' {
  interface ResourceNamespaceMap {
    pdf: typeof pdfMessages.mn;
  }
}
