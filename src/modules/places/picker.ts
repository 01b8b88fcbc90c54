import Type from 'typebox';
import type { FieldError } from '../../shared/errors.js';
import { placeCatalogue, type PlaceCatalogue } from './catalogue.js';
import { isPlaceCode, levelOfCode, type PlaceLevel } from './codes.js';

/**
 * The place picker's form fields. With prefix 'place': place_l1 (aimag or the capital),
 * place_l2 (soum or düüreg), place_l3 (bagh or khoroo), place_refine (its own "show the
 * next list" button) and place_code (filled by the search enhancement, when JavaScript runs).
 */
export interface PickerFields {
  level1: string;
  level2: string;
  level3: string;
  refine: string;
  code: string;
}

export function pickerFields(prefix = 'place'): PickerFields {
  if (!/^[a-zA-Z][a-zA-Z0-9_]*$/.test(prefix)) throw new RangeError(`bad picker prefix: ${prefix}`);
  return { level1: `${prefix}_l1`, level2: `${prefix}_l2`, level3: `${prefix}_l3`, refine: `${prefix}_refine`, code: `${prefix}_code` };
}

/** The picker's fields as a TypeBox schema, to spread into a form's body or query schema. */
export function placePickerSchema(prefix = 'place') {
  const f = pickerFields(prefix);
  const code = Type.Optional(Type.String({ maxLength: 12 }));
  return {
    [f.level1]: code,
    [f.level2]: code,
    [f.level3]: code,
    [f.refine]: Type.Optional(Type.String({ maxLength: 12 })),
    [f.code]: code,
  };
}

export interface PickerOptions {
  prefix?: string;
  /** The level a choice must reach to count as complete: 2 (default) makes the soum or düüreg needed and the bagh or khoroo optional. */
  minLevel?: PlaceLevel;
  /** Give a field error when the choice is not complete (unless the person only asked for the next list). */
  required?: boolean;
}

interface SelectionBase {
  /** The deepest valid code chosen, or null. On an error, what to show the picker with again. */
  code: string | null;
  level: 0 | PlaceLevel;
  /**
   * The person pressed the picker's own button to get the next list: show the form
   * again with `code` and do not act on it yet.
   */
  refine: boolean;
}

export type PlaceSelection = (SelectionBase & { ok: true; complete: boolean }) | (SelectionBase & { ok: false; complete: false; error: FieldError });

type Read = { value: string } | { tampered: true };

function read(input: Record<string, unknown>, name: string): Read {
  const raw = input[name];
  if (raw === undefined || raw === null) return { value: '' };
  if (typeof raw === 'number' && Number.isInteger(raw)) return { value: String(raw) };
  if (typeof raw !== 'string' || raw.length > 12) return { tampered: true };
  return { value: raw.trim() };
}

/**
 * Reads the picker's posted fields (a form body or a query string) and says which place
 * was chosen. Every code must exist and each level must lie inside the one above it;
 * anything else (a hand-edited or stale code) is a field error naming the field, never
 * an exception. When the person changed the aimag and asked for the next list, stale
 * lower levels are dropped instead.
 */
export function resolvePlaceSelection(body: unknown, options: PickerOptions = {}, catalogue: PlaceCatalogue = placeCatalogue()): PlaceSelection {
  const f = pickerFields(options.prefix);
  const minLevel = options.minLevel ?? 2;
  const input = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const refine = input[f.refine] !== undefined && input[f.refine] !== '';

  const fail = (code: string | null, field: string, key: string, params?: Record<string, unknown>): PlaceSelection => ({
    ok: false,
    complete: false,
    code,
    level: code ? levelOfCode(code) : 0,
    refine,
    error: { field, key: `places:errors.${key}`, ...(params ? { params } : {}) },
  });

  let chosen: string | null = null;
  const direct = read(input, f.code);
  if ('tampered' in direct) return fail(null, f.level1, 'unknownPlace');
  if (direct.value) {
    // The search enhancement fills this field with a full code; it wins over the lists.
    if (!isPlaceCode(direct.value) || !catalogue.get(direct.value)) return fail(null, f.level1, 'unknownPlace');
    chosen = direct.value;
  } else {
    const levels: [string, PlaceLevel][] = [
      [f.level1, 1],
      [f.level2, 2],
      [f.level3, 3],
    ];
    for (const [field, level] of levels) {
      const value = read(input, field);
      if ('tampered' in value) return fail(chosen, field, 'unknownPlace');
      // An emptied list ends the choice: lower lists left over from before no longer count.
      if (!value.value) break;
      const place = isPlaceCode(value.value) ? catalogue.get(value.value) : undefined;
      if (!place || place.level !== level) return fail(chosen, field, 'unknownPlace');
      if (chosen !== null && place.parent_code !== chosen) {
        if (refine) break;
        const parent = catalogue.get(chosen)!;
        return fail(chosen, field, 'notInside', { childMn: place.name_mn, childEn: place.name_en, parentMn: parent.name_mn, parentEn: parent.name_en });
      }
      chosen = place.code;
    }
  }

  const level = chosen ? levelOfCode(chosen) : 0;
  const complete = level >= minLevel || (chosen !== null && catalogue.children(chosen).length === 0);
  if (options.required && !refine && !complete) {
    const place = chosen ? catalogue.get(chosen) : undefined;
    if (!place) return fail(null, f.level1, 'chooseAimag');
    if (place.level === 1) return fail(chosen, f.level2, place.kind === 'capital' ? 'chooseDuureg' : 'chooseSoum');
    return fail(chosen, f.level3, place.kind === 'duureg' ? 'chooseKhoroo' : 'chooseBagh');
  }
  return { ok: true, code: chosen, level, complete, refine };
}
