import { describe, expect, it } from 'vitest';
import { langOfText, textLanguage } from './text-language.js';

describe('textLanguage', () => {
  it('tells Mongolian from English by the letters', () => {
    expect(textLanguage('Хогийн сав дүүрсэн байна')).toBe('mn');
    expect(textLanguage('Өвөрхангай аймгийн Арвайхээр сум')).toBe('mn');
    expect(textLanguage('The bins have not been emptied')).toBe('en');
    expect(textLanguage('Bayanzürkh district, khoroo 5')).toBe('en');
  });

  it('goes with the script of most letters in mixed text', () => {
    expect(textLanguage('3-р байрны урд, School No. 1-ийн хажууд')).toBe('mn');
    expect(textLanguage('The road near the “Их Тойруу” is broken again')).toBe('en');
  });

  it('has no language for text without letters', () => {
    expect(textLanguage('')).toBeNull();
    expect(textLanguage('12, 14 — 2026')).toBeNull();
  });
});

describe('langOfText', () => {
  it('gives a lang attribute only when the text differs from the page', () => {
    expect(langOfText('Хогийн сав', 'en')).toBe('mn');
    expect(langOfText('Хогийн сав', 'mn')).toBeUndefined();
    expect(langOfText('Bins', 'mn')).toBe('en');
    expect(langOfText('Bins', 'en')).toBeUndefined();
    expect(langOfText(null, 'en')).toBeUndefined();
    expect(langOfText('2026', 'en')).toBeUndefined();
  });
});
