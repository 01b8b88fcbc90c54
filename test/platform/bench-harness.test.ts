import { describe, expect, it } from 'vitest';
import { BENCHMARKS } from '../../bench/benchmarks.js';
import { CODE_BASE, CODE_MULTIPLIER, CODE_OFFSET, CODE_SPACE, codeForRow, codeForRowSql, MAX_CODE_ROW } from '../../bench/codes.js';
import { open311Payloads } from '../../bench/feedback/payloads.js';
import { CATEGORY_WEIGHTS, feedbackPlaces, TEXTS } from '../../bench/feedback/world.js';
import { check, figure, formatLine, meetsTarget, Reporter } from '../../bench/report.js';
import { parseArgs, Registry, type Benchmark } from '../../bench/registry.js';
import { percentile, summarise } from '../../bench/stats.js';
import { normaliseTrackingCode } from '../../src/modules/feedback/tracking-code.js';
import { placeCatalogue } from '../../src/modules/places/catalogue.js';

/**
 * The benchmark harness's own pure pieces (npm run bench itself is not run by the tests:
 * it takes minutes and its figures depend on the machine). No timed assertions.
 */

describe('generated tracking codes', () => {
  it('are valid tracking codes, unique over a million consecutive rows', () => {
    const seen = new Set<string>();
    for (let n = 1; n <= 1_000_000; n++) seen.add(codeForRow(n));
    expect(seen.size).toBe(1_000_000);
    for (const n of [0, 1, 2, 999_999, 1_000_000, MAX_CODE_ROW]) {
      const code = codeForRow(n);
      expect(code).toHaveLength(8);
      expect(normaliseTrackingCode(code), code).toBe(code);
    }
  });

  it('map rows to codes one to one (the multiplier shares no factor with the code space)', () => {
    expect(CODE_SPACE).toBe(CODE_BASE ** 8);
    expect(CODE_MULTIPLIER % 5).not.toBe(0);
    expect(Number.isSafeInteger(MAX_CODE_ROW * CODE_MULTIPLIER + CODE_OFFSET)).toBe(true);
    expect(() => codeForRow(-1)).toThrow(RangeError);
    expect(() => codeForRow(MAX_CODE_ROW + 1)).toThrow(RangeError);
  });

  it('are written in SQL with the same constants and alphabet', () => {
    const expression = codeForRowSql('g.n');
    expect(expression.match(/substr\(/g)).toHaveLength(8);
    expect(expression).toContain(`* ${CODE_MULTIPLIER} +`);
    expect(expression).toContain(`% ${CODE_SPACE}`);
  });
});

describe('JSON-lines reporter', () => {
  it('prints a rate with its baseline and whether it meets its target, keys in a fixed order', () => {
    const line = figure('feedback.open311_post.rate', 2140.4, 'per_s', { baselinePerS: 9800.2, target: 2000, extra: { offered_per_s: 2000 } });
    expect(formatLine(line)).toBe('{"name":"feedback.open311_post.rate","value":2140,"unit":"per_s","baseline_per_s":9800,"target":2000,"meets_target":true,"offered_per_s":2000}');
  });

  it('refuses a rate without the baseline of the same run, a bad name or a missing value', () => {
    expect(() => figure('feedback.x.rate', 1, 'per_s')).toThrow(/baseline/);
    expect(() => figure('Feedback rate', 1, 'ms')).toThrow(/name/);
    expect(() => figure('feedback.x.p95', NaN, 'ms')).toThrow(/finite/);
  });

  it('judges rates as floors and latencies and sizes as ceilings, on the printed value', () => {
    expect(meetsTarget('per_s', 2000, 2000)).toBe(true);
    expect(meetsTarget('per_s', 1999, 2000)).toBe(false);
    expect(meetsTarget('ms', 49.9, 50)).toBe(true);
    expect(meetsTarget('ms', 50, 50)).toBe(false);
    expect(meetsTarget('kb', 51, 50)).toBe(false);
    expect(figure('a.b.p95', 49.96, 'ms', { target: 50 })).toMatchObject({ value: 50, meets_target: false });
    expect(figure('a.b.p50', 0.123, 'ms')).toMatchObject({ value: 0.12 });
    expect(figure('a.b.size', 4.56, 'kb')).toMatchObject({ value: 4.6 });
  });

  it('prints checks with ok, and scopes lines by benchmark with the load average', () => {
    expect(formatLine(check('feedback.open311_post.acknowledged_present', true, 64200))).toBe('{"name":"feedback.open311_post.acknowledged_present","ok":true,"value":64200}');
    const out: string[] = [];
    const reporter = new Reporter((text) => out.push(text));
    const scope = reporter.scope('feedback.pages_1m');
    scope.ms('item.p95', 12.34, { target: 50 });
    scope.check('items_loaded', false, 3);
    scope.rate('max_rate', 500, { baselinePerS: 9000, target: 2000 });
    expect(out).toHaveLength(3);
    const lines = out.map((l) => {
      expect(l.endsWith('\n')).toBe(true);
      return JSON.parse(l) as Record<string, unknown>;
    });
    expect(lines[0]).toMatchObject({ name: 'feedback.pages_1m.item.p95', value: 12.3, unit: 'ms', target: 50, meets_target: true });
    expect(typeof lines[0]!.loadavg_1m).toBe('number');
    expect(lines[1]).toMatchObject({ name: 'feedback.pages_1m.items_loaded', ok: false, value: 3 });
    expect(reporter.failedChecks().map((l) => l.name)).toEqual(['feedback.pages_1m.items_loaded']);
    expect(reporter.missedTargets().map((l) => l.name)).toEqual(['feedback.pages_1m.max_rate']);
  });
});

describe('benchmark registry', () => {
  const fake = (name: string): Benchmark => ({ name, summary: name, run: async () => {} });

  it('knows every benchmark by its module-qualified name', () => {
    const registry = new Registry(BENCHMARKS);
    expect(registry.names()).toEqual(expect.arrayContaining(['feedback.open311_post', 'feedback.pages_1m']));
    for (const name of registry.names()) expect(name).toMatch(/^[a-z0-9_]+\.[a-z0-9_]+$/);
  });

  it('selects all, one, or a module; reports unknown names', () => {
    const registry = new Registry([fake('feedback.a'), fake('feedback.b'), fake('petitions.votes')]);
    expect(registry.select([]).selected.map((b) => b.name)).toEqual(['feedback.a', 'feedback.b', 'petitions.votes']);
    expect(registry.select(['petitions.votes']).selected.map((b) => b.name)).toEqual(['petitions.votes']);
    expect(registry.select(['feedback']).selected.map((b) => b.name)).toEqual(['feedback.a', 'feedback.b']);
    expect(registry.select(['feedback.b', 'feedback.a']).selected.map((b) => b.name)).toEqual(['feedback.a', 'feedback.b']);
    expect(registry.select(['nope', 'feedback.a'])).toMatchObject({ unknown: ['nope'] });
    expect(registry.select(['feed']).unknown).toEqual(['feed']);
    expect(registry.describe()).toContain('petitions.votes');
  });

  it('refuses duplicate or badly formed names', () => {
    expect(() => new Registry([fake('feedback.a'), fake('feedback.a')])).toThrow(/two benchmarks/);
    expect(() => new Registry([fake('Feedback')])).toThrow(/name/);
  });

  it('reads names and --options from the command line', () => {
    const { names, options } = parseArgs(['feedback.pages_1m', '--items=200000', '--quick']);
    expect(names).toEqual(['feedback.pages_1m']);
    expect(options.get('items')).toBe('200000');
    expect(options.get('quick')).toBe('true');
  });
});

describe('percentiles', () => {
  it('are nearest-rank: a latency some request really had', () => {
    const samples = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(percentile(samples, 50)).toBe(100);
    expect(percentile(samples, 95)).toBe(190);
    expect(percentile(samples, 100)).toBe(200);
    expect(percentile([7], 99)).toBe(7);
    expect(summarise([3, 1, 2])).toMatchObject({ count: 3, p50: 2, max: 3, mean: 2 });
  });
});

describe('generated feedback', () => {
  it('uses real places, every category with texts, and weights that add up', () => {
    const places = feedbackPlaces();
    expect(places.length).toBeGreaterThan(200);
    for (const p of places) expect(placeCatalogue().get(p.place.code)).toBeDefined();
    expect(places.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 6);
    for (const category of Object.keys(CATEGORY_WEIGHTS)) expect(TEXTS[category]?.length).toBeGreaterThanOrEqual(5);
  });

  it('builds varied, well-formed Open311 form bodies', () => {
    const { bodies, categories, places } = open311Payloads('irg_test', 500);
    expect(bodies).toHaveLength(500);
    expect(Object.keys(categories).length).toBe(Object.keys(CATEGORY_WEIGHTS).length);
    expect(places).toBeGreaterThan(100);
    for (const body of bodies.slice(0, 50)) {
      const form = new URLSearchParams(body.toString());
      expect(form.get('api_key')).toBe('irg_test');
      expect(Object.keys(CATEGORY_WEIGHTS)).toContain(form.get('service_code'));
      expect(placeCatalogue().get(form.get('place_code') ?? '')).toBeDefined();
      expect(form.get('description')!.length).toBeGreaterThan(10);
    }
  });
});
