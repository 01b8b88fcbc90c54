import { describe, expect, it } from 'vitest';
import { LIMITS } from '../modules/feedback/model.js';
import { DEMO_CATEGORIES } from '../modules/bodies/demo-reference.js';
import { DEMO_ITEMS, DEMO_SEED } from './index.js';
import { dativeMn, ESCALATION_REASONS, EXTENSION_REASONS, fakePerson, forwardReason, INTERNAL_NOTES, REOPEN_REASONS, WITHHOLD_REASONS } from './phrases.js';
import { describe as describePlace, drawPlace } from './places.js';
import { planDemoFeedback, type PlannedItem } from './plan.js';
import { Random } from './random.js';
import { SCENARIOS } from './scenarios.js';

/**
 * The demo texts without a database: every scenario writes valid items and answers in
 * both languages for every kind of place it fits, Mongolian in Cyrillic and English
 * without it, within the platform's limits, and the plan is the same every time.
 */

const CYRILLIC = /[А-Яа-яЁёӨөҮү]/;
const MOMENTS = ['2026-03-02T01:00:00Z', '2025-08-20T06:00:00Z', '2026-11-25T13:00:00Z', '2027-01-10T02:00:00Z'];

/** Text that a template got wrong: a value missing, a space doubled, a sentence not ended. */
function sloppy(text: string): string | null {
  if (/undefined|NaN|null|\[object|\$\{/.test(text)) return 'a missing value';
  if (/ {2}|^\s|\s$/.test(text)) return 'stray spaces';
  if (/\s[,.]/.test(text)) return 'a space before punctuation';
  return null;
}

function checkText(text: string, lang: 'mn' | 'en', max: number, what: string): void {
  expect(text.length, what).toBeGreaterThan(0);
  expect(text.length, what).toBeLessThanOrEqual(max);
  expect(sloppy(text), `${what}: ${text}`).toBeNull();
  if (lang === 'mn') expect(text, what).toMatch(CYRILLIC);
  else expect(text, what).not.toMatch(CYRILLIC);
}

describe('the demo scenarios', () => {
  // A khoroo in a ger district, a khoroo of flats, a district, an aimag centre's bagh, a remote soum and its bagh.
  const places = ['111697', '110755', '1110', '620155', '6201', '2104', '210451', '1113'].flatMap((code) => {
    const rng = new Random(7);
    return [0, 1, 2, 3, 4, 5].map(() => describePlace(code, rng));
  });

  it('cover every category, and every kind somewhere', () => {
    expect(new Set(SCENARIOS.map((s) => s.category))).toEqual(new Set(DEMO_CATEGORIES.map((c) => c.code)));
    expect(new Set(SCENARIOS.flatMap((s) => s.kinds))).toEqual(new Set(['complaint', 'request', 'suggestion', 'criticism', 'praise']));
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
  });

  it('write titles, descriptions and answers within the limits, Mongolian in Cyrillic, English without', () => {
    for (const scenario of SCENARIOS) {
      const fitting = places.filter((p) => scenario.fits(p));
      expect(fitting.length, `${scenario.id} fits some place`).toBeGreaterThan(0);
      for (const [i, p] of fitting.entries()) {
        const written = scenario.write({ p, rng: new Random(i), year: 2026, month: scenario.months?.[0] ?? 5 });
        for (const lang of ['mn', 'en'] as const) {
          const w = written[lang];
          const what = `${scenario.id} (${lang}, ${p.code})`;
          checkText(w.title, lang, LIMITS.title, `${what} title`);
          checkText(w.description, lang, LIMITS.description, `${what} description`);
          expect(w.resolved.length, `${what} has an answer`).toBeGreaterThan(0);
          for (const answer of [...w.resolved, ...w.rejected]) {
            checkText(answer, lang, LIMITS.answer, `${what} answer`);
            expect(answer.length).toBeGreaterThanOrEqual(10);
          }
        }
        // The same details in both languages, so an answer in either fits its item.
        expect(written.mn.resolved.length).toBe(written.en.resolved.length);
        expect(written.mn.rejected.length).toBe(written.en.rejected.length);
        const numbers = (...texts: string[]) => new Set(texts.join(' ').match(/\d+/g) ?? []);
        const mnNumbers = numbers(written.mn.title, written.mn.description);
        const enNumbers = numbers(written.en.title, written.en.description);
        for (const n of numbers(written.en.title)) expect(mnNumbers.has(n), `${scenario.id}: ${n} in both`).toBe(true);
        for (const n of numbers(written.mn.title)) expect(enNumbers.has(n), `${scenario.id}: ${n} in both`).toBe(true);
      }
      if (scenario.kinds.every((k) => k === 'praise')) expect(scenario.write({ p: fitting[0]!, rng: new Random(1), year: 2026, month: 1 }).mn.rejected).toEqual([]);
    }
  });

  it('never name an office the place does not have (a khoroo in the countryside, a bagh in the capital)', () => {
    for (const scenario of SCENARIOS) {
      for (const p of places.filter((place) => scenario.fits(place))) {
        const { mn } = scenario.write({ p, rng: new Random(3), year: 2026, month: scenario.months?.[0] ?? 5 });
        const text = [mn.title, mn.description, ...mn.resolved, ...mn.rejected].join(' ');
        if (p.rural) expect(text, `${scenario.id} at ${p.code}`).not.toMatch(/(?<!\p{L})хороо/u);
        if (p.ub) expect(text, `${scenario.id} at ${p.code}`).not.toMatch(/(?<!\p{L})(сумын|суманд|багийн Засаг)/u);
      }
    }
  });
});

describe('the demo plan', () => {
  it('is the same every time for the same moment', () => {
    const now = new Date(MOMENTS[0]!);
    const a = planDemoFeedback(now, { count: 50, seed: DEMO_SEED });
    const b = planDemoFeedback(now, { count: 50, seed: DEMO_SEED });
    const key = (items: PlannedItem[]) => items.map((i) => [i.receivedAt.toISOString(), i.place.code, i.kind, i.channel, i.title, i.description, i.contact]);
    expect(key(a)).toEqual(key(b));
    expect(key(planDemoFeedback(now, { count: 50, seed: DEMO_SEED + 1 }))).not.toEqual(key(a));
  });

  for (const moment of MOMENTS) {
    it(`gives valid items for ${moment.slice(0, 10)}`, () => {
      const now = new Date(moment);
      const items = planDemoFeedback(now, { count: DEMO_ITEMS, seed: DEMO_SEED });
      expect(items).toHaveLength(DEMO_ITEMS);
      for (const item of items) {
        const what = `${item.scenario.id} #${item.index}`;
        checkText(item.title, item.language, LIMITS.title, what);
        checkText(item.description, item.language, LIMITS.description, what);
        checkText(item.summary, item.language, LIMITS.description, what);
        expect(item.receivedAt.getTime()).toBeLessThanOrEqual(now.getTime());
        expect(now.getTime() - item.receivedAt.getTime()).toBeLessThanOrEqual(430 * 86_400_000);
        expect(item.scenario.kinds).toContain(item.kind);
        // The summary a moderator publishes carries none of the sender's details.
        expect(item.summary).not.toMatch(/8800|@example\.mn/);
        expect(item.description.startsWith(item.summary)).toBe(true);
        if (item.contact?.phone) expect(item.contact.phone).toMatch(/^8800 \d{4}$/);
        if (item.contact?.email) expect(item.contact.email).toMatch(/@example\.mn$/);
        if (item.channel === 'operator') expect(item.language).toBe('mn');
        if (item.lat !== null) {
          expect(item.lat).toBeGreaterThan(41.5);
          expect(item.lon).toBeLessThan(120);
        }
      }
      const share = (f: (i: PlannedItem) => boolean) => items.filter(f).length / items.length;
      expect(share((i) => i.language === 'en')).toBeGreaterThan(0.06);
      expect(share((i) => i.wantsPublic)).toBeGreaterThan(0.5);
      expect(share((i) => i.wantsPublic)).toBeLessThan(0.7);
      expect(share((i) => i.contact !== null)).toBeGreaterThan(0.2);
      expect(share((i) => i.contact !== null)).toBeLessThan(0.6);
      expect(share((i) => i.description !== i.summary)).toBeGreaterThan(0.15);
      expect(items.some((i) => i.withhold)).toBe(true);
      expect(new Set(items.map((i) => i.category)).size).toBe(DEMO_CATEGORIES.length);
    });
  }

  it('draws places all over Mongolia, the capital most', () => {
    const rng = new Random(11);
    const drawn = Array.from({ length: 2000 }, () => drawPlace(rng));
    expect(drawn.filter((p) => p.ub).length / drawn.length).toBeGreaterThan(0.5);
    expect(new Set(drawn.map((p) => p.code.slice(0, 2))).size).toBeGreaterThanOrEqual(14);
    expect(drawn.some((p) => p.housing === 'ger' && p.ub)).toBe(true);
    expect(drawn.some((p) => p.housing === 'apartment' && p.rural)).toBe(true);
  });
});

describe('the demo phrases', () => {
  it('give reasons within the limits, in the right script', () => {
    for (const lang of ['mn', 'en'] as const) {
      for (const reason of [...EXTENSION_REASONS[lang], ...REOPEN_REASONS[lang], ...ESCALATION_REASONS[lang].answered, ...ESCALATION_REASONS[lang].overdue]) {
        checkText(reason, lang, LIMITS.reason, reason);
        expect(reason.length).toBeGreaterThanOrEqual(5);
      }
      const forward = forwardReason(new Random(1), lang, { mn: 'Эрүүл мэндийн яам', en: 'the Ministry of Health' }, false);
      checkText(forward, lang, LIMITS.reason, forward);
    }
    for (const text of [...INTERNAL_NOTES, ...WITHHOLD_REASONS]) checkText(text, 'mn', LIMITS.reason, text);
  });

  it('put body names in the dative the way Mongolian does', () => {
    expect(dativeMn('Эрүүл мэндийн яам')).toBe('Эрүүл мэндийн яаманд');
    expect(dativeMn('Нийслэлийн Засаг даргын Тамгын газар')).toBe('Нийслэлийн Засаг даргын Тамгын газарт');
    expect(dativeMn('Засгийн газрын 11-11 төв')).toBe('Засгийн газрын 11-11 төвд');
  });

  it('invent contact details nobody has', () => {
    const rng = new Random(5);
    for (let i = 0; i < 200; i++) {
      const person = fakePerson(rng);
      expect(person.phone).toMatch(/^8800 \d{4}$/);
      expect(person.email).toMatch(/^[a-z]+\.\d{4}@example\.mn$/);
      expect(person.mn).toMatch(CYRILLIC);
      expect(person.en).not.toMatch(CYRILLIC);
    }
  });
});
