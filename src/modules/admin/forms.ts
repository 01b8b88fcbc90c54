import type { FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../shared/errors.js';
import { formErrors } from '../../shared/http/form.js';

/** Form fields arrive with stray spaces from copy and paste; values are compared trimmed. */
export async function trimFormStrings(req: FastifyRequest): Promise<void> {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && key !== '_csrf') body[key] = value.trim();
  }
}

/** Form routes: schema problems are shown on the form again, not thrown. */
export const FORM_ROUTE = { attachValidation: true, preValidation: trimFormStrings } as const;

/** What the form posted, as text, to show again after a refusal. */
export function postedText(req: FastifyRequest, keys: readonly string[]): Record<string, string> {
  const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
  const values: Record<string, string> = {};
  for (const key of keys) if (typeof body[key] === 'string') values[key] = body[key];
  return values;
}

/**
 * The schema's findings, with module words where the generic ones would puzzle:
 * `replace` maps a field whose value has the wrong shape to its own message.
 */
export function schemaErrors(req: FastifyRequest, labels: Record<string, string>, replace: Record<string, FieldError> = {}): FieldError[] {
  const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
  return formErrors(req, labels).map((e) => {
    if (replace[e.field] && e.key === 'common:errors.field.invalid') return replace[e.field]!;
    // "Enter the English name" says more than "must be at least 2 characters" about an empty field.
    if (e.key === 'common:errors.field.tooShort' && body[e.field] === '') return { field: e.field, key: 'common:errors.field.required', params: { field: e.params?.field } };
    return e;
  });
}

/** A refused command's field errors; anything else is rethrown. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (error instanceof AppError && error.status === 400 && error.fields.length > 0) return error.fields;
  throw error;
}

export function invalid(fields: FieldError[]): AppError {
  return new AppError('validation_failed', { fields });
}

/** True when PostgreSQL refused a row because of the named unique index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string } | null;
  return !!e && e.code === '23505' && e.constraint === constraint;
}

/** A non-form request whose address or query failed its schema: the generic 400 page. */
export function rejectInvalid(req: FastifyRequest): void {
  if (req.validationError) throw new AppError('bad_request');
}
