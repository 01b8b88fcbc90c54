import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Actor } from '../auth/actor.js';
import type { Lang, Translate } from '../i18n/index.js';

/** What every view may need about the request, provided once by the page renderer. */
export interface PageContext {
  lang: Lang;
  t: Translate;
  actor: Actor | null;
  /** Path and query of the current page, for the language switch and sign-in return. */
  path: string;
  now: Date;
  largeText: boolean;
  /** Issues the CSRF token for forms on this page (lazily: pages without forms set no cookie). */
  csrfToken: () => string;
}

export const PageContextValue = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const ctx = useContext(PageContextValue);
  if (!ctx) throw new Error('usePage() outside a page render');
  return ctx;
}

/** Picks the text of the page language from a pair of columns such as name_mn/name_en. */
export function localized(lang: Lang, mn: string, en: string | null | undefined): string {
  return lang === 'en' && en ? en : mn;
}
