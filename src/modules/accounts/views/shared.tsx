import type { FieldError } from '../../../shared/errors.js';
import type { Translate } from '../../../shared/i18n/index.js';

/** "Error: Sign in": a screen reader hears at once that the page came back with problems. */
export function titleWithErrors(t: Translate, title: string, errors: FieldError[] | boolean): string {
  const problem = Array.isArray(errors) ? errors.length > 0 : errors;
  return problem ? `${t('form.errorPrefix')} ${title}` : title;
}

/** Values a person typed, shown again when a form comes back. Passwords are never among them. */
export type FormValues = Record<string, string>;
