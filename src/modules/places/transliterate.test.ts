import { describe, expect, it } from 'vitest';
import { englishName, readAdminUnits } from './reference-data.js';
import { foldForSearch, looseKey, searchableText, transliterate } from './transliterate.js';

describe('MNS 5217:2012 transliteration', () => {
  it('gives the official English name of each of the 22 first-level units', () => {
    const firstLevel = readAdminUnits().filter((u) => u.level === 1);
    expect(firstLevel).toHaveLength(22);
    for (const unit of firstLevel) expect(transliterate(unit.name_mn), unit.name_mn).toBe(unit.name_en);
  });

  it.each([
    ['Даланзадгад', 'Dalanzadgad'],
    ['Баянзүрх', 'Bayanzürkh'],
    ['Сонгинохайрхан', 'Songinokhairkhan'],
    ['Хан-Уул', 'Khan-Uul'],
    ['Чингэлтэй', 'Chingeltei'],
    ['Цогтцэций', 'Tsogttsetsii'],
    ['Ерөө', 'Yeröö'],
    ['Шинэжинст', 'Shinejinst'],
    ['Өлзийт', 'Ölziit'],
    ['Эрдэнэбулган', 'Erdenebulgan'],
  ])('transliterates the soum %s as %s', (mn, latin) => {
    expect(transliterate(mn)).toBe(latin);
  });

  it('capitalises only the first letter of a digraph, unless the word is in capitals', () => {
    expect(transliterate('Ховд')).toBe('Khovd');
    expect(transliterate('Цэцэрлэг')).toBe('Tsetserleg');
    expect(transliterate('Шарга')).toBe('Sharga');
    expect(transliterate('Чойр')).toBe('Choir');
    expect(transliterate('Юу Яаж Ёстой Ерөө')).toBe('Yuu Yaaj Yostoi Yeröö');
    expect(transliterate('Щ')).toBe('Shch');
    expect(transliterate('ХОВД')).toBe('KHOVD');
    expect(transliterate('ЦЭЦЭРЛЭГ хот')).toBe('TSETSERLEG khot');
    expect(transliterate('Х.Баяр')).toBe('Kh.Bayar');
  });

  it('keeps digits, punctuation and Latin letters as they are', () => {
    expect(transliterate('5-р хороо, Irgen 2026!')).toBe('5-r khoroo, Irgen 2026!');
  });

  it('names numbered khoroos and baghs in English the way people read them', () => {
    expect(englishName({ name_mn: '5-р хороо' })).toBe('Khoroo 5');
    expect(englishName({ name_mn: '2-р баг, Хулж' })).toBe('Bagh 2, Khulj');
    expect(englishName({ name_mn: 'Өмнөговь', name_en: 'Ömnögovi' })).toBe('Ömnögovi');
  });
});

describe('search folding', () => {
  it('drops case and Latin diacritics but keeps Cyrillic letters', () => {
    expect(foldForSearch('Bayanzürkh ÖMNÖGOVI')).toBe('bayanzurkh omnogovi');
    expect(foldForSearch('Өмнөговь')).toBe('өмнөговь');
  });

  it('gives everyday spellings of a name one forgiving key', () => {
    const key = looseKey('Өмнөговь');
    for (const spelling of ['Ömnögovi', 'umnugovi', 'Omnogobi', 'ӨМНӨГОВЬ']) expect(looseKey(spelling), spelling).toBe(key);
    for (const spelling of ['Khövsgöl', 'Khuvsgul', 'Hovsgol', 'Xuvsgul']) expect(looseKey(spelling), spelling).toBe(looseKey('Хөвсгөл'));
    expect(looseKey('Dzavkhan')).toBe(looseKey('Завхан'));
    expect(looseKey('Hentiy')).toBe(looseKey('Хэнтий'));
  });

  it('stores both scripts, the English name and the forgiving key', () => {
    const text = searchableText('Өмнөговь', 'Ömnögovi');
    expect(text.split(' ')).toEqual(['өмнөговь', 'omnogovi', 'omnogobi']);
  });
});
