import type { ComponentChildren } from 'preact';
import type { FieldError } from '../errors.js';
import { formatDate, formatDateTime, isoDate } from '../i18n/format.js';
import { translate } from '../i18n/index.js';
import { usePage } from './context.js';

/** Turns a field error into words in the page language. */
export function useErrorText(): (error: FieldError) => string {
  const { lang } = usePage();
  return (error) => translate(lang, error.key, error.params ?? {});
}

export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}

/** The id of a radio option: the first takes the field's id (so error summaries reach it), the others add their index. */
export function radioId(name: string, index: number): string {
  return index === 0 ? fieldId(name) : `${fieldId(name)}-${index}`;
}

/** GOV.UK-style summary at the top of a form: focusable, each error links to its field. */
export function ErrorSummary({ errors }: { errors: FieldError[] }) {
  const { t } = usePage();
  const text = useErrorText();
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1} data-autofocus>
      <h2 id="error-summary-title">{t('form.errorSummaryTitle')}</h2>
      <ul>
        {errors.map((e) => (
          <li key={e.field + e.key}>
            <a href={`#${fieldId(e.field)}`}>{text(e)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

function errorFor(errors: FieldError[] | undefined, name: string): FieldError | undefined {
  return errors?.find((e) => e.field === name);
}

function FieldMessage({ id, error }: { id: string; error: FieldError | undefined }) {
  const { t } = usePage();
  const text = useErrorText();
  if (!error) return null;
  return (
    <p class="field-error" id={`${id}-error`}>
      <span class="visually-hidden">{t('form.errorPrefix')} </span>
      {text(error)}
    </p>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

interface FieldProps {
  name: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  errors?: FieldError[];
  optional?: boolean;
  /** Show the label as the page heading (one question per page). */
  asHeading?: boolean;
}

function Label({ id, label, optional, asHeading }: { id: string; label: ComponentChildren; optional?: boolean; asHeading?: boolean }) {
  const { t } = usePage();
  const inner = (
    <label for={id} class={asHeading ? 'label label-heading' : 'label'}>
      {label}
      {optional && <span class="optional"> {t('form.optional')}</span>}
    </label>
  );
  return asHeading ? <h1 class="question">{inner}</h1> : inner;
}

export function TextInput(
  props: FieldProps & {
    value?: string | null;
    type?: 'text' | 'email' | 'tel' | 'password' | 'search' | 'number' | 'url' | 'date';
    autocomplete?: string;
    inputMode?: 'none' | 'text' | 'tel' | 'url' | 'email' | 'numeric' | 'decimal' | 'search';
    maxLength?: number;
    width?: 'short' | 'medium' | 'full';
    spellcheck?: boolean;
  },
) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <Label id={id} label={props.label} optional={props.optional} asHeading={props.asHeading} />
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldMessage id={id} error={error} />
      <input
        id={id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        spellcheck={props.spellcheck}
        class={`input input-${props.width ?? 'full'}`}
        aria-describedby={describedBy(id, props.hint, error)}
        aria-invalid={error ? 'true' : undefined}
      />
    </div>
  );
}

export function TextArea(props: FieldProps & { value?: string | null; rows?: number; maxLength?: number }) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <Label id={id} label={props.label} optional={props.optional} asHeading={props.asHeading} />
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldMessage id={id} error={error} />
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 6}
        class="textarea"
        data-maxlength={props.maxLength}
        aria-describedby={describedBy(id, props.hint, error)}
        aria-invalid={error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}

export interface Option {
  value: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
}

/** A group of radio buttons in a fieldset; with `asHeading` the legend is the page's h1. */
export function Radios(props: FieldProps & { options: Option[]; value?: string | null; inline?: boolean }) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  const { t } = usePage();
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <fieldset class="fieldset" aria-describedby={describedBy(id, props.hint, error)}>
        <legend class={props.asHeading ? 'legend legend-heading' : 'legend'}>
          {props.asHeading ? <h1 class="question">{props.label}</h1> : props.label}
          {props.optional && <span class="optional"> {t('form.optional')}</span>}
        </legend>
        {props.hint && (
          <p class="hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        )}
        <FieldMessage id={id} error={error} />
        <div class={props.inline ? 'radios radios-inline' : 'radios'}>
          {props.options.map((o, i) => {
            const optionId = radioId(props.name, i);
            return (
              <div class="radio" key={o.value}>
                <input type="radio" id={optionId} name={props.name} value={o.value} checked={props.value === o.value} aria-describedby={o.hint ? `${optionId}-hint` : undefined} />
                <label for={optionId}>{o.label}</label>
                {o.hint && (
                  <p class="hint radio-hint" id={`${optionId}-hint`}>
                    {o.hint}
                  </p>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

export function Select(props: FieldProps & { options: Option[]; value?: string | null; placeholder?: string; autoSubmit?: boolean }) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <Label id={id} label={props.label} optional={props.optional} asHeading={props.asHeading} />
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      <FieldMessage id={id} error={error} />
      <select id={id} name={props.name} class="select" aria-describedby={describedBy(id, props.hint, error)} aria-invalid={error ? 'true' : undefined}>
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={props.value === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox(props: { name: string; label: ComponentChildren; hint?: ComponentChildren; checked?: boolean; value?: string; errors?: FieldError[] }) {
  const id = fieldId(props.name);
  const error = errorFor(props.errors, props.name);
  return (
    <div class={error ? 'field field-invalid checkbox' : 'field checkbox'}>
      <FieldMessage id={id} error={error} />
      <input type="checkbox" id={id} name={props.name} value={props.value ?? 'yes'} checked={props.checked} aria-describedby={describedBy(id, props.hint, error)} />
      <label for={id}>{props.label}</label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  );
}

export function CsrfField() {
  const { csrfToken } = usePage();
  return <input type="hidden" name="_csrf" value={csrfToken()} />;
}

/** A POST form with its CSRF token. Multipart forms carry the token in the action URL, read before the body. */
export function PostForm(props: { action: string; children: ComponentChildren; multipart?: boolean; class?: string; novalidate?: boolean }) {
  const { csrfToken } = usePage();
  const action = props.multipart ? `${props.action}${props.action.includes('?') ? '&' : '?'}_csrf=${encodeURIComponent(csrfToken())}` : props.action;
  return (
    <form method="post" action={action} class={props.class} enctype={props.multipart ? 'multipart/form-data' : undefined} noValidate={props.novalidate ?? true}>
      {!props.multipart && <CsrfField />}
      {props.children}
    </form>
  );
}

export function Button(props: { children: ComponentChildren; variant?: 'primary' | 'secondary' | 'warning'; name?: string; value?: string }) {
  return (
    <button type="submit" class={`button button-${props.variant ?? 'primary'}`} name={props.name} value={props.value}>
      {props.children}
    </button>
  );
}

export function DateText({ date, withTime }: { date: Date; withTime?: boolean }) {
  const { lang } = usePage();
  return <time dateTime={isoDate(date)}>{withTime ? formatDateTime(date, lang) : formatDate(date, lang)}</time>;
}

export function Pagination({ prevHref, nextHref }: { prevHref?: string | null; nextHref?: string | null }) {
  const { t } = usePage();
  if (!prevHref && !nextHref) return null;
  return (
    <nav class="pagination" aria-label={t('list.pagination')}>
      {prevHref && (
        <a href={prevHref} rel="prev">
          ← {t('list.previous')}
        </a>
      )}
      {nextHref && (
        <a href={nextHref} rel="next">
          {t('list.next')} →
        </a>
      )}
    </nav>
  );
}

export function Notice({ children, kind = 'info' }: { children: ComponentChildren; kind?: 'info' | 'success' | 'warning' }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'success' ? 'status' : undefined}>
      {children}
    </div>
  );
}

/**
 * A wide table that scrolls sideways on a phone. The scrolling box is a focusable,
 * labelled region so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
