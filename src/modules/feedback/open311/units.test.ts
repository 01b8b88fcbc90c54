import { describe, expect, it } from 'vitest';
import { dateWindow, parseIsoDate } from './dates.js';
import { languageFromAcceptLanguage, languageFromTag } from './language.js';
import { clip, placeChainCodes } from './present.js';
import { titleFromDescription } from './submission.js';
import { xmlDocument } from './xml.js';

describe('titles from descriptions', () => {
  it('takes the first sentence, or the first line', () => {
    expect(titleFromDescription('Зам эвдэрсэн байна. Хоёр долоо хоног болж байна.')).toBe('Зам эвдэрсэн байна.');
    expect(titleFromDescription('Гэрэл асахгүй байна!\nДэлгэрэнгүй')).toBe('Гэрэл асахгүй байна!');
    expect(titleFromDescription('No full stop here\nsecond line')).toBe('No full stop here');
    expect(titleFromDescription('  Spaces   inside  it. Next.')).toBe('Spaces inside it.');
  });

  it('does not take a numbered start for a sentence', () => {
    expect(titleFromDescription('3. хорооны зам эвдэрсэн байна. Засна уу.')).toBe('3. хорооны зам эвдэрсэн байна.');
  });

  it('cuts long sentences at a word boundary to 120 characters', () => {
    const long = `${'үг '.repeat(80)}төгсгөл.`;
    const title = titleFromDescription(long);
    expect(Array.from(title).length).toBeLessThanOrEqual(120);
    expect(title.endsWith('…')).toBe(true);
    expect(title).not.toMatch(/ …$/);
    const noSpaces = titleFromDescription('я'.repeat(300));
    expect(Array.from(noSpaces)).toHaveLength(120);
    // Characters outside the BMP count as one and are never split.
    const emoji = titleFromDescription('🚧'.repeat(130));
    expect(Array.from(emoji)).toHaveLength(120);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('ISO 8601 dates', () => {
  it('reads date-times with and without offsets (Ulaanbaatar time by default) and bare dates', () => {
    expect(parseIsoDate('2026-03-02T09:00:00Z')?.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(parseIsoDate('2026-03-02T09:00:00+08:00')?.toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(parseIsoDate('2026-03-02T09:00:00 08:00')?.toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(parseIsoDate('2026-03-02T09:00:00-0500')?.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(parseIsoDate('2026-03-02T09:00')?.toISOString()).toBe('2026-03-02T01:00:00.000Z');
    expect(parseIsoDate('2026-03-02T09:00:00.250Z')?.toISOString()).toBe('2026-03-02T09:00:00.250Z');
    expect(parseIsoDate('2026-03-02')?.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(parseIsoDate('2026-03-02', { endOfDay: true })?.toISOString()).toBe('2026-03-02T15:59:59.999Z');
  });

  it('refuses what is not a real date', () => {
    for (const bad of ['', 'yesterday', '2026-02-30', '2026-13-01', '2026-03-02T25:00:00Z', '2026-03-02T09:60Z', '02/03/2026', '2026-03-02T09:00:00+15:00', '1969-12-31']) {
      expect(parseIsoDate(bad), bad).toBeNull();
    }
  });

  it('keeps windows within 90 days, defaulting to the last 90', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(dateWindow(undefined, undefined, now)).toEqual({ from: new Date('2026-03-03T00:00:00Z'), to: now });
    expect(dateWindow('2026-01-01T00:00:00Z', undefined, now)).toEqual({ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') });
    expect(dateWindow(undefined, '2026-04-01T00:00:00Z', now)).toEqual({ from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-04-01T00:00:00Z') });
    expect(dateWindow('2026-01-01', '2026-03-31', now)).not.toHaveProperty('error');
    expect(dateWindow('2026-01-01', '2026-04-02', now)).toEqual({ error: 'date_window' });
    expect(dateWindow('2026-02-01', '2026-01-01', now)).toEqual({ error: 'date_order' });
    expect(dateWindow('x', undefined, now)).toEqual({ error: 'start_date' });
    expect(dateWindow(undefined, 'x', now)).toEqual({ error: 'end_date' });
  });
});

describe('languages', () => {
  it('reads language tags and Accept-Language', () => {
    expect(languageFromTag('en-GB')).toBe('en');
    expect(languageFromTag('mn_MN')).toBe('mn');
    expect(languageFromTag('mon')).toBe('mn');
    expect(languageFromTag('fr')).toBeNull();
    expect(languageFromAcceptLanguage('fr-FR, en;q=0.8, mn;q=0.9')).toBe('mn');
    expect(languageFromAcceptLanguage('en;q=0, mn;q=0.1')).toBe('mn');
    expect(languageFromAcceptLanguage('*')).toBeNull();
    expect(languageFromAcceptLanguage(undefined)).toBeNull();
  });
});

describe('presentation helpers', () => {
  it('walks a place up its units and clips text by characters', () => {
    expect(placeChainCodes('111059')).toEqual(['111059', '1110', '11']);
    expect(clip('абв', 3)).toBe('абв');
    expect(clip('абвгд', 3)).toBe('аб…');
  });

  it('writes XML that any parser accepts, whatever the text holds', () => {
    const doc = xmlDocument({ errors: { error: [{ code: 400, description: 'a <b> & "c" \u0001\uFFFF\uD800 ]]> done' }] } });
    expect(doc).toBe('<?xml version="1.0" encoding="utf-8"?><errors><error><code>400</code><description>a &lt;b&gt; &amp; &quot;c&quot;  ]]&gt; done</description></error></errors>');
  });
});
