/**
 * Reading form fields defensively: a field may be missing, repeated (an array) or hold
 * characters PostgreSQL cannot store (NUL) or JSON cannot carry (lone surrogates). None
 * of that may reach the database as an error; it is cleaned or read as empty here.
 */

// Control characters other than tab and line breaks, and unpaired UTF-16 surrogates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function cleanText(value: string): string {
  return value.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** A single string field, cleaned; '' when missing or not a string. */
export function field(body: unknown, name: string): string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return '';
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? cleanText(value) : '';
}

/** A file name to show back to its owner: the last path segment, cleaned and bounded. */
export function cleanFilename(name: string): string {
  const base = cleanText(name).split(/[\\/]/).pop()?.trim() ?? '';
  return (base || 'photo').slice(0, 120);
}
