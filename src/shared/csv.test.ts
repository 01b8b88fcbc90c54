import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('CSV', () => {
  it('starts with a BOM, quotes what needs quoting and neutralises formulas', () => {
    const csv = toCsv(['name', 'n'], [
      ['Баянзүрх, 5-р хороо', 3],
      ['say "hi"', null],
      ['=HYPERLINK("x")', -2],
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['name,n', '"Баянзүрх, 5-р хороо",3', '"say ""hi""",', `"'=HYPERLINK(""x"")",-2`, '']);
  });
});
