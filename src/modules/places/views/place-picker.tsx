import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../shared/errors.js';
import { Select } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { placeCatalogue, type Place } from '../catalogue.js';
import { pickerFields } from '../picker.js';
import '../messages.js';
import { pathText, placeName } from './place-name.js';

export { pickerFields, placePickerSchema, resolvePlaceSelection, type PickerOptions, type PlaceSelection } from '../picker.js';

/** The script that adds search-as-you-type to every picker on a page: pass it to <Layout scripts>. */
export const PLACE_SEARCH_SCRIPT = 'place-search.js';

export interface PlacePickerProps {
  /** Field name prefix: 'place' posts place_l1, place_l2, place_l3 (and place_code from the search). */
  prefix?: string;
  /** The current choice, usually `resolvePlaceSelection(...).code`. */
  value?: string | null;
  errors?: FieldError[];
  /** The fieldset's legend ("Where is it?"); with `asHeading` it is the page's h1. */
  legend?: ComponentChildren;
  hint?: ComponentChildren;
  asHeading?: boolean;
  /** Offer the search box when JavaScript runs (default true); the page must load PLACE_SEARCH_SCRIPT. */
  search?: boolean;
}

function options(places: Place[], lang: 'mn' | 'en') {
  return places.map((p) => ({ value: p.code, label: placeName(p, lang) }));
}

/**
 * A place picker that works with plain form posts: the aimag or the capital first, then
 * (after the picker's own button, or on the next render) the soum or düüreg, then
 * optionally the bagh or khoroo. Chosen levels stay selected in their lists, so every
 * post carries the whole choice; resolvePlaceSelection() turns it into one code.
 */
export function PlacePicker(props: PlacePickerProps) {
  const { t, lang } = usePage();
  const f = pickerFields(props.prefix);
  const catalogue = placeCatalogue();
  const path = props.value ? catalogue.path(props.value) : [];
  const [first, second, third] = path;
  const level2 = first ? catalogue.children(first.code, lang) : [];
  const level3 = second ? catalogue.children(second.code, lang) : [];
  const hintId = `${f.level1}-picker-hint`;
  const legend = props.legend ?? t('places:picker.legend');
  const button = !first ? t('places:picker.showLevel2') : !second ? t('places:picker.showLevel3') : t('places:picker.update');
  const search = props.search ?? true;
  return (
    <div
      class="place-picker"
      data-place-picker={search ? '' : undefined}
      data-code-field={f.code}
      data-label={t('places:picker.searchLabel')}
      data-hint={t('places:picker.searchHint')}
      data-one={t('places:picker.resultsOne')}
      data-many={t('places:picker.resultsMany')}
      data-none={t('places:picker.resultsNone')}
      data-chosen={t('places:picker.chosen')}
      data-failed={t('places:picker.searchFailed')}
    >
      <fieldset class="fieldset" aria-describedby={props.hint ? hintId : undefined}>
        <legend class={props.asHeading ? 'legend legend-heading' : 'legend'}>{props.asHeading ? <h1 class="question">{legend}</h1> : legend}</legend>
        {props.hint && (
          <p class="hint" id={hintId}>
            {props.hint}
          </p>
        )}
        {/* The search enhancement goes here and hides the lists (with this summary) once it has chosen. */}
        <div class="place-picker-levels">
          {path.length > 0 && (
            <p class="place-picker-current">
              {t('places:picker.current')} <strong>{pathText(path, lang)}</strong>
            </p>
          )}
          <Select name={f.level1} label={t('places:picker.level1')} options={options(catalogue.firstLevel(lang), lang)} value={first?.code} placeholder={t('form.choose')} errors={props.errors} />
          {first && (
            <Select
              name={f.level2}
              label={first.kind === 'capital' ? t('places:picker.level2Duureg') : t('places:picker.level2Soum')}
              options={options(level2, lang)}
              value={second?.code}
              placeholder={t('form.choose')}
              errors={props.errors}
            />
          )}
          {second && level3.length > 0 && (
            <Select
              name={f.level3}
              label={second.kind === 'duureg' ? t('places:picker.level3Khoroo') : t('places:picker.level3Bagh')}
              hint={t('places:picker.level3Hint')}
              optional
              options={options(level3, lang)}
              value={third?.code}
              placeholder={t('places:picker.skip')}
              errors={props.errors}
            />
          )}
          <button type="submit" class="button button-secondary" name={f.refine} value="1" formNoValidate>
            {button}
          </button>
        </div>
      </fieldset>
    </div>
  );
}

