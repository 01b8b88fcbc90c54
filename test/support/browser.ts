import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource: string = require('axe-core').source;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, with no calls home (the machine's network is closed). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

export async function newContext(browser: Browser, baseURL: string, options: { javaScript?: boolean; lang?: 'mn' | 'en' } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    javaScriptEnabled: options.javaScript ?? true,
    locale: options.lang === 'en' ? 'en-GB' : 'mn-MN',
    viewport: { width: 390, height: 844 },
  });
  if (options.lang === 'en') await context.addCookies([{ name: 'lang', value: 'en', url: baseURL }]);
  return context;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.0-2.2 A and AA rules) in the page and fails on any serious or
 * critical violation. Evaluated through the DevTools protocol, so the page's strict CSP
 * stays on; with JavaScript disabled a throwaway JavaScript context checks the same HTML.
 */
export async function expectAccessible(page: Page): Promise<void> {
  let target = page;
  let temporary: BrowserContext | undefined;
  // With JavaScript off, evaluation works but page timers never fire, and axe needs them.
  const jsEnabled = await Promise.race([
    page.evaluate(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 0))),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 500)),
  ]);
  if (!jsEnabled) {
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser for the accessibility check');
    temporary = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    target = await temporary.newPage();
    await target.setContent((await page.content()).replace(/<link rel="stylesheet"[^>]*>/g, ''), { waitUntil: 'load' });
    // Styles matter for contrast: load the page's stylesheet into the copy.
    for (const href of await page.$$eval('link[rel=stylesheet]', (links) => links.map((l) => (l as HTMLLinkElement).getAttribute('href') ?? ''))) {
      const css = await page.context().request.get(new URL(href, page.url()).toString()).then((r) => r.text());
      await target.addStyleTag({ content: css });
    }
  }
  try {
    await target.evaluate(axeSource);
    const violations = (await target.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } }).axe;
      const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return result.violations;
    })) as AxeViolation[];
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const report = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary ?? '')).join('\n  ')}`);
    expect(report, `accessibility violations on ${page.url()}`).toEqual([]);
  } finally {
    await temporary?.close();
  }
}

/**
 * Checks a page that a test fetched without a browser (a WebClient's answer, already signed
 * in): the same HTML with the app's stylesheets, through axe-core as expectAccessible does.
 * `asset` fetches a stylesheet's text by its path (through the app, no server needed).
 */
export async function expectHtmlAccessible(browser: Browser, html: string, asset: (path: string) => Promise<string>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    await page.setContent(html.replace(/<link rel="stylesheet"[^>]*>/g, '').replace(/<script[^>]*><\/script>/g, ''), { waitUntil: 'load' });
    for (const href of sheets) await page.addStyleTag({ content: await asset(href) });
    await expectAccessible(page);
  } finally {
    await context.close();
  }
}

/**
 * Collects script errors and CSP violations on a page, for a test to expect none. A form
 * answered with 4xx is logged by Chromium as a failed load; that is the form working, so
 * it is ignored unless `formErrors` is false.
 */
export function collectConsoleErrors(page: Page, options: { formErrors?: boolean } = {}): string[] {
  const ignore = options.formErrors === false ? null : /^Failed to load resource: the server responded with a status of 4\d\d/;
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && !ignore?.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
