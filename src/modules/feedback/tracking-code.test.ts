import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, formatTrackingCode, newTrackingCode, normaliseTrackingCode } from './tracking-code.js';

describe('tracking codes', () => {
  it('never use characters that are easily confused', () => {
    for (const ch of '0O1IL2Z5S8B') expect(CODE_ALPHABET).not.toContain(ch);
    for (let i = 0; i < 500; i++) expect(newTrackingCode()).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
  });

  it('accept what people type: lower case, spaces, dashes and Cyrillic look-alikes', () => {
    expect(normaliseTrackingCode('k7m4-trx9')).toBe('K7M4TRX9');
    expect(normaliseTrackingCode('ac3d-9ef4')).toBe('AC3D9EF4');
    expect(normaliseTrackingCode(' AC3D 9EF4 ')).toBe('AC3D9EF4');
    // Cyrillic А, С, Е, Н, К, М, Р, Т, Х typed on a Mongolian keyboard.
    expect(normaliseTrackingCode('АС3D9ЕF4')).toBe('AC3D9EF4');
  });

  it('reject codes of the wrong length or with confusable characters', () => {
    expect(normaliseTrackingCode('AC3D9EF')).toBeNull();
    expect(normaliseTrackingCode('AC3D9EF40')).toBeNull();
    expect(normaliseTrackingCode('AC3D9EF0')).toBeNull();
    expect(normaliseTrackingCode('')).toBeNull();
  });

  it('round-trips every generated code through its printed form', () => {
    for (let i = 0; i < 200; i++) {
      const code = newTrackingCode();
      expect(normaliseTrackingCode(formatTrackingCode(code).toLowerCase())).toBe(code);
    }
  });

  it('never accepts arbitrary text as a code unless it is made of the alphabet', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (text) => {
        const code = normaliseTrackingCode(text);
        if (code !== null) expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{8}$`));
      }),
    );
  });
});
