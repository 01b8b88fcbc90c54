import i18next, { type FlatNamespace, type TFunction } from 'i18next';
import { commonMessages } from './common.js';
import type { MessageBundle } from './define.js';

export const LANGS = ['mn', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'mn';

export function isLang(value: unknown): value is Lang {
  return value === 'mn' || value === 'en';
}

/** Keys are checked at compile time: 'site.name' (common) or 'feedback:form.title'. */
export type Translate = TFunction<['common', ...Exclude<FlatNamespace, 'common'>[]]>;

const bundles = new Map<string, MessageBundle<object>>([['common', commonMessages]]);
const instance = i18next.createInstance();
const translators = new Map<Lang, Translate>();

/**
 * Registers a module's messages under its namespace ('feedback:form.title').
 * Modules call this when imported, before the first request.
 */
export function registerMessages(namespace: string, bundle: MessageBundle<object>): void {
  bundles.set(namespace, bundle);
  if (instance.isInitialized) {
    for (const lang of LANGS) instance.addResourceBundle(lang, namespace, bundle[lang], true, true);
  }
}

function ensureInitialised(): void {
  if (instance.isInitialized) return;
  const resources: Record<string, Record<string, object>> = { mn: {}, en: {} };
  for (const [namespace, bundle] of bundles) {
    resources.mn![namespace] = bundle.mn;
    resources.en![namespace] = bundle.en;
  }
  void instance.init({
    resources,
    lng: DEFAULT_LANG,
    supportedLngs: [...LANGS],
    fallbackLng: false,
    defaultNS: 'common',
    ns: [...bundles.keys()],
    initAsync: false,
    returnNull: false,
    // Views escape everything they render; escaping here too would show &amp; to readers.
    interpolation: { escapeValue: false },
  });
}

export function translator(lang: Lang): Translate {
  ensureInitialised();
  let t = translators.get(lang);
  if (t === undefined) {
    t = instance.getFixedT(lang, 'common') as unknown as Translate;
    translators.set(lang, t);
  }
  return t;
}

/** All registered namespaces, for the completeness test. */
export function registeredBundles(): ReadonlyMap<string, MessageBundle<object>> {
  return bundles;
}

/**
 * Parameters may name other messages as '$t:namespace:key' (a field's label inside an
 * error message); they are translated into the same language before interpolation.
 */
export function resolveParams(lang: Lang, params: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = typeof v === 'string' && v.startsWith('$t:') ? (translator(lang) as unknown as (key: string) => string)(v.slice(3)) : v;
  }
  return out;
}

/** Translates a message key with parameters, resolving '$t:' parameters first. */
export function translate(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  return (translator(lang) as unknown as (k: string, p: object) => string)(key, resolveParams(lang, params));
}

/** Both languages at once, for API errors that a person of either language should understand. */
export function bothLanguages(key: string, params: Record<string, unknown> = {}): Record<Lang, string> {
  const out = {} as Record<Lang, string>;
  for (const lang of LANGS) out[lang] = translate(lang, key, params);
  return out;
}
