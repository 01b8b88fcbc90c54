import { describe, expect, it } from 'vitest';
import { pickerFields, resolvePlaceSelection } from './picker.js';

describe('resolvePlaceSelection', () => {
  it('names its fields after the prefix and refuses odd prefixes', () => {
    expect(pickerFields('where')).toEqual({ level1: 'where_l1', level2: 'where_l2', level3: 'where_l3', refine: 'where_refine', code: 'where_code' });
    expect(() => pickerFields('a b')).toThrow(RangeError);
  });

  it('resolves a choice at each level', () => {
    expect(resolvePlaceSelection({})).toEqual({ ok: true, code: null, level: 0, complete: false, refine: false });
    expect(resolvePlaceSelection({ place_l1: '46' })).toEqual({ ok: true, code: '46', level: 1, complete: false, refine: false });
    expect(resolvePlaceSelection({ place_l1: '46', place_l2: '4601' })).toEqual({ ok: true, code: '4601', level: 2, complete: true, refine: false });
    expect(resolvePlaceSelection({ place_l1: '46', place_l2: '4601', place_l3: '460151' })).toEqual({ ok: true, code: '460151', level: 3, complete: true, refine: false });
    expect(resolvePlaceSelection({ place_l1: '11', place_l2: '1110', place_l3: '111059' })).toMatchObject({ ok: true, code: '111059', level: 3 });
  });

  it('lets a person stop at the soum: an empty bagh list is fine', () => {
    expect(resolvePlaceSelection({ place_l1: '46', place_l2: '4601', place_l3: '' }, { required: true })).toMatchObject({ ok: true, code: '4601', complete: true });
  });

  it('reads any prefix, query strings as well as bodies, and trims values', () => {
    expect(resolvePlaceSelection({ where_l1: ' 11 ', where_l2: '1110' }, { prefix: 'where' })).toMatchObject({ ok: true, code: '1110' });
    expect(resolvePlaceSelection({ place_l1: '11' }, { prefix: 'where' })).toMatchObject({ ok: true, code: null });
    expect(resolvePlaceSelection(undefined)).toMatchObject({ ok: true, code: null });
    expect(resolvePlaceSelection('place_l1=11')).toMatchObject({ ok: true, code: null });
  });

  it('treats the picker’s own button as a request for the next list, not a final answer', () => {
    expect(resolvePlaceSelection({ place_l1: '46', place_refine: '1' }, { required: true })).toEqual({ ok: true, code: '46', level: 1, complete: false, refine: true });
  });

  it('asks for the missing level when a choice is required', () => {
    expect(resolvePlaceSelection({}, { required: true })).toMatchObject({ ok: false, code: null, error: { field: 'place_l1', key: 'places:errors.chooseAimag' } });
    expect(resolvePlaceSelection({ place_l1: '46' }, { required: true })).toMatchObject({ ok: false, code: '46', error: { field: 'place_l2', key: 'places:errors.chooseSoum' } });
    expect(resolvePlaceSelection({ place_l1: '11' }, { required: true })).toMatchObject({ ok: false, code: '11', error: { field: 'place_l2', key: 'places:errors.chooseDuureg' } });
    expect(resolvePlaceSelection({ place_l1: '11', place_l2: '1110' }, { required: true, minLevel: 3 })).toMatchObject({ ok: false, error: { field: 'place_l3', key: 'places:errors.chooseKhoroo' } });
    expect(resolvePlaceSelection({ place_l1: '46' }, { required: true, minLevel: 1 })).toMatchObject({ ok: true, complete: true });
  });

  it('gives a field error for tampered codes and keeps the valid levels above them', () => {
    const unknown = { key: 'places:errors.unknownPlace' };
    expect(resolvePlaceSelection({ place_l1: '99' })).toMatchObject({ ok: false, code: null, error: { field: 'place_l1', ...unknown } });
    expect(resolvePlaceSelection({ place_l1: 'abc' })).toMatchObject({ ok: false, error: { field: 'place_l1', ...unknown } });
    expect(resolvePlaceSelection({ place_l1: '4601' })).toMatchObject({ ok: false, error: { field: 'place_l1', ...unknown } });
    expect(resolvePlaceSelection({ place_l1: '46', place_l2: '4699' })).toMatchObject({ ok: false, code: '46', error: { field: 'place_l2', ...unknown } });
    expect(resolvePlaceSelection({ place_l1: '46', place_l2: '460151' })).toMatchObject({ ok: false, code: '46', error: { field: 'place_l2', ...unknown } });
    expect(resolvePlaceSelection({ place_l1: '46', place_l2: '4601', place_l3: "460151' OR 1=1" })).toMatchObject({ ok: false, code: '4601', error: { field: 'place_l3', ...unknown } });
    expect(resolvePlaceSelection({ place_l1: ['46', '11'] })).toMatchObject({ ok: false, error: { field: 'place_l1', ...unknown } });
    expect(resolvePlaceSelection({ place_l1: { $ne: null } })).toMatchObject({ ok: false, error: { field: 'place_l1', ...unknown } });
    expect(resolvePlaceSelection({ place_l1: '1'.repeat(10_000) })).toMatchObject({ ok: false, error: { field: 'place_l1', ...unknown } });
  });

  it('refuses a soum that is not inside the chosen aimag, naming both in each language', () => {
    const result = resolvePlaceSelection({ place_l1: '46', place_l2: '1110' });
    expect(result).toMatchObject({ ok: false, code: '46', level: 1, error: { field: 'place_l2', key: 'places:errors.notInside' } });
    expect(!result.ok && result.error.params).toEqual({ childMn: 'Баянзүрх', childEn: 'Bayanzürkh', parentMn: 'Өмнөговь', parentEn: 'Ömnögovi' });
    expect(resolvePlaceSelection({ place_l1: '46', place_l2: '4601', place_l3: '460451' })).toMatchObject({ ok: false, code: '4601', error: { field: 'place_l3', key: 'places:errors.notInside' } });
  });

  it('drops a stale soum when the person changed the aimag and asked for the new list', () => {
    expect(resolvePlaceSelection({ place_l1: '46', place_l2: '1110', place_l3: '111059', place_refine: '1' })).toEqual({ ok: true, code: '46', level: 1, complete: false, refine: true });
  });

  it('ignores lower lists once a higher one is emptied', () => {
    expect(resolvePlaceSelection({ place_l1: '', place_l2: '4601' })).toMatchObject({ ok: true, code: null });
    expect(resolvePlaceSelection({ place_l1: '46', place_l2: '', place_l3: '460151' })).toMatchObject({ ok: true, code: '46' });
  });

  it('takes the code chosen by search, when the enhancement filled it, over the lists', () => {
    expect(resolvePlaceSelection({ place_code: '1110', place_l1: '46' })).toEqual({ ok: true, code: '1110', level: 2, complete: true, refine: false });
    expect(resolvePlaceSelection({ place_code: '111059' })).toMatchObject({ ok: true, code: '111059', level: 3 });
    expect(resolvePlaceSelection({ place_code: '119999' })).toMatchObject({ ok: false, code: null, error: { field: 'place_l1', key: 'places:errors.unknownPlace' } });
    expect(resolvePlaceSelection({ place_code: '<script>' })).toMatchObject({ ok: false });
  });
});
