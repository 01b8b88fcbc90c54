import { describe, expect, it } from 'vitest';
import { aimagCodeOf, ancestorCodes, isPlaceCode, isWithin, levelOfCode, parentCodeOf, pathCodes } from './codes.js';
import { placeCatalogue } from './catalogue.js';
import { sortPlaces, unitNumber } from './sorting.js';

describe('place codes', () => {
  it('reads the hierarchy from the code alone', () => {
    expect(aimagCodeOf('111059')).toBe('11');
    expect(aimagCodeOf('11')).toBe('11');
    expect(ancestorCodes('111059')).toEqual(['11', '1110']);
    expect(ancestorCodes('4601')).toEqual(['46']);
    expect(ancestorCodes('46')).toEqual([]);
    expect(pathCodes('460151')).toEqual(['46', '4601', '460151']);
    expect(parentCodeOf('111059')).toBe('1110');
    expect(parentCodeOf('11')).toBeNull();
    expect(levelOfCode('11')).toBe(1);
    expect(levelOfCode('1110')).toBe(2);
    expect(levelOfCode('111059')).toBe(3);
    expect(isWithin('111059', '11')).toBe(true);
    expect(isWithin('4601', '11')).toBe(false);
  });

  it('tells well-formed codes from anything else and refuses to guess', () => {
    for (const good of ['11', '4601', '460151']) expect(isPlaceCode(good)).toBe(true);
    for (const bad of ['', '1', '111', '11105', '1110591', 'ab', '11a0', ' 11', 11, null, undefined]) expect(isPlaceCode(bad)).toBe(false);
    expect(() => aimagCodeOf('x')).toThrow(RangeError);
    expect(() => ancestorCodes('1234567')).toThrow(RangeError);
  });
});

describe('display order', () => {
  const catalogue = placeCatalogue();

  it('puts the capital first, then the aimags in Mongolian alphabetical order', () => {
    const names = catalogue.firstLevel('mn').map((p) => p.name_mn);
    expect(names[0]).toBe('Улаанбаатар');
    expect(names.slice(1, 4)).toEqual(['Архангай', 'Баян-Өлгий', 'Баянхонгор']);
    // Mongolian order: о before ө, у before ү, х before э.
    expect(names.indexOf('Орхон')).toBeLessThan(names.indexOf('Өвөрхангай'));
    expect(names.indexOf('Увс')).toBeLessThan(names.indexOf('Хөвсгөл'));
    expect(names.indexOf('Хөвсгөл')).toBeLessThan(names.indexOf('Хэнтий'));
    expect(names.at(-1)).toBe('Хэнтий');
  });

  it('orders numbered khoroos by their number', () => {
    const numbers = catalogue.children('1110').map((p) => unitNumber(p.name_mn));
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
  });

  it('orders numbered baghs by number and unnumbered ones after them, by name', () => {
    const names = catalogue.children('6704').map((p) => p.name_mn);
    expect(names.at(-1)).toBe('Хатгал тосгон');
    const mixed = sortPlaces([...catalogue.children('2222')].reverse()).map((p) => p.name_mn);
    expect(mixed).toEqual(['1-р баг, Баянгол', '5-р баг, Шинэбулаг', 'Ланз', 'Хайлаастай', 'Хулгар']);
  });

  it('orders English pages by the English name', () => {
    const names = catalogue.firstLevel('en').map((p) => p.name_en);
    expect(names[0]).toBe('Ulaanbaatar');
    expect(names.indexOf('Ömnögovi')).toBeLessThan(names.indexOf('Orkhon'));
  });
});
