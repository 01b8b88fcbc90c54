import type { FieldError } from '../../shared/errors.js';
import { isLang, type Lang } from '../../shared/i18n/index.js';
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLength } from './passwords.js';

/**
 * The rules of account forms, with messages written for each field rather than the
 * generic ones: they are richer than a schema can say (common passwords, a password
 * equal to the address) and shared by the web forms and the admin command.
 */

export const EMAIL_MAX_LENGTH = 254;
export const DISPLAY_NAME_MAX_LENGTH = 120;

/**
 * Addresses are ASCII (as virtually all are): lower-casing then means the same in
 * JavaScript and PostgreSQL, whose CHECK (email = lower(email)) guards the column.
 */
const EMAIL_PATTERN = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

function text(raw: unknown): string {
  return typeof raw === 'string' ? raw : '';
}

/** Trimmed and lower-cased: "Saraa@Example.MN " and "saraa@example.mn" are one address. */
export function normaliseEmail(raw: unknown): string {
  return text(raw).trim().toLowerCase();
}

/** Whitespace runs become one space and control characters go, so a name prints on one line. */
export function normaliseDisplayName(raw: unknown): string {
  return text(raw)
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function checkEmail(email: string, field = 'email'): FieldError | null {
  if (email === '') return { field, key: 'accounts:errors.emailRequired' };
  if (email.length > EMAIL_MAX_LENGTH) return { field, key: 'accounts:errors.emailTooLong', params: { max: EMAIL_MAX_LENGTH } };
  if (!EMAIL_PATTERN.test(email)) return { field, key: 'common:errors.field.email' };
  return null;
}

export function checkDisplayName(name: string, field = 'display_name'): FieldError | null {
  if (name === '') return { field, key: 'accounts:errors.displayNameRequired' };
  if ([...name].length > DISPLAY_NAME_MAX_LENGTH) return { field, key: 'accounts:errors.displayNameTooLong', params: { max: DISPLAY_NAME_MAX_LENGTH } };
  return null;
}

/** Rules for a password being chosen (sign-up, reset, change, admin command). */
export function checkNewPassword(password: string, email: string | null, field = 'password', requiredKey = 'accounts:errors.newPasswordRequired'): FieldError | null {
  if (password === '') return { field, key: requiredKey };
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return { field, key: 'accounts:errors.passwordTooShort', params: { min: PASSWORD_MIN_LENGTH } };
  if (length > PASSWORD_MAX_LENGTH) return { field, key: 'accounts:errors.passwordTooLong', params: { max: PASSWORD_MAX_LENGTH } };
  if (isCommonPassword(password)) return { field, key: 'accounts:errors.passwordCommon' };
  if (email && password.trim().toLowerCase() === email) return { field, key: 'accounts:errors.passwordIsEmail' };
  return null;
}

/** A password being typed to prove who one is: only presence and a sane length are checked. */
export function checkGivenPassword(password: string, field = 'password', requiredKey = 'accounts:errors.passwordRequired'): FieldError | null {
  if (password === '') return { field, key: requiredKey };
  // Longer than any password we accept: refuse before spending a hash on it.
  if (passwordLength(password) > PASSWORD_MAX_LENGTH) return { field, key: 'accounts:errors.passwordTooLong', params: { max: PASSWORD_MAX_LENGTH } };
  return null;
}

export function checkLang(raw: unknown, field = 'preferred_lang'): { value: Lang | null; error: FieldError | null } {
  return isLang(raw) ? { value: raw, error: null } : { value: null, error: { field, key: 'accounts:errors.languageChoose' } };
}

/** The errors that are not null, in form order. */
export function errorsOf(...checks: (FieldError | null)[]): FieldError[] {
  return checks.filter((e): e is FieldError => e !== null);
}

export function formText(raw: unknown): string {
  return text(raw);
}
