import { describe, expect, it } from 'vitest';
import { countPersonalData, findPersonalData } from './personal-data.js';

describe('likely personal data', () => {
  it('finds phone numbers, emails and registry numbers, and gives the text back whole', () => {
    const text = 'Намайг Бат гэдэг, утас 9911-2233, +976 88112233, и-мэйл bat.erdene@mail.mn, регистр УБ99112233. 2026 онд 12 000 000 төгрөг.';
    const segments = findPersonalData(text);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.kind).map((s) => [s.kind, s.text])).toEqual([
      ['phone', '9911-2233'],
      ['phone', '+976 88112233'],
      ['email', 'bat.erdene@mail.mn'],
      ['registry', 'УБ99112233'],
    ]);
    expect(countPersonalData(findPersonalData('99 11 22 33 ба фа 12345678'))).toBe(2);
    // Not an 8-digit number, or part of a longer one: left alone.
    expect(countPersonalData(findPersonalData('1234567 эсвэл 123456789 эсвэл 2026-03-02'))).toBe(0);
    expect(findPersonalData('')).toEqual([]);
  });
});
