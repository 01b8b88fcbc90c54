import { describe, expect, it } from 'vitest';
import '../../src/app.js';
import { registeredBundles } from '../../src/shared/i18n/index.js';

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function values(obj: object): string[] {
  return Object.values(obj).flatMap((v) => (typeof v === 'object' && v !== null ? values(v) : [String(v)]));
}

describe('translations', () => {
  it('registers the messages of every module loaded by the app', () => {
    expect([...registeredBundles().keys()]).toContain('common');
    expect(registeredBundles().size).toBeGreaterThan(1);
  });

  for (const [namespace, bundle] of registeredBundles()) {
    it(`${namespace}: English has exactly the Mongolian keys, every string filled`, () => {
      expect(keys(bundle.en).sort()).toEqual(keys(bundle.mn).sort());
      for (const text of [...values(bundle.mn), ...values(bundle.en)]) expect(text.trim()).not.toBe('');
    });

    it(`${namespace}: Mongolian strings are written in Cyrillic`, () => {
      // A Mongolian message left in English is a missing translation (names like "Open311" may stay).
      const languageNames = new Set(['site.switchToEnglish']);
      const untranslated = keys(bundle.mn).filter((key) => {
        if (languageNames.has(key)) return false;
        const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], bundle.mn) as string;
        // File formats and standards keep their names in any language.
        const words = text.replace(/\b(JSON|NDJSON|CSV|Excel|OpenAPI|Open311|GeoReport|SHA-256|URL|API|PDF)\b/g, '');
        return /[a-z]{4,}/i.test(words) && !/[а-яөүё]/i.test(words);
      });
      expect(untranslated).toEqual([]);
    });
  }
});
