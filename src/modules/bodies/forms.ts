import type { FastifyRequest } from 'fastify';
import { AppError, label, type FieldError } from '../../shared/errors.js';
import { formErrors } from '../../shared/http/form.js';

/** Field names as words in the page language, for messages like "Enter the Mongolian name". */
const LABELS: Record<string, string> = {
  slug: label('bodies:field.slug'),
  nameMn: label('bodies:field.nameMn'),
  nameEn: label('bodies:field.nameEn'),
  type: label('bodies:field.type'),
  place: label('bodies:field.place'),
  superior: label('bodies:field.superior'),
  placesServed: label('bodies:field.placesServed'),
  website: label('bodies:field.website'),
  email: label('bodies:field.email'),
  role: label('bodies:field.role'),
  category: label('bodies:field.categories'),
};

/**
 * The schema's findings on a bodies form, with clearer words where the generic ones
 * would puzzle: the slug's allowed characters, an email's expected shape.
 */
export function bodiesFormErrors(req: FastifyRequest): FieldError[] {
  return formErrors(req, LABELS).map((e) => {
    if (e.field === 'slug' && e.key === 'common:errors.field.invalid') return { field: 'slug', key: 'bodies:errors.slug_format' };
    if (e.field === 'email' && e.key === 'common:errors.field.invalid') return { field: 'email', key: 'common:errors.field.email' };
    return e;
  });
}

/** Website checks the schema cannot express: an absolute http(s) address. */
export function websiteErrors(website: string | undefined): FieldError[] {
  if (!website) return [];
  try {
    const url = new URL(website);
    if (url.protocol === 'https:' || url.protocol === 'http:') return [];
  } catch {
    // falls through to the message
  }
  return [{ field: 'website', key: 'bodies:errors.website' }];
}

/** "2101, 2104\n6201" → ['2101', '2104', '6201']. */
export function parsePlaceCodes(text: string | undefined): string[] {
  return (text ?? '').split(/[\s,;]+/).filter(Boolean);
}

/** Form fields arrive with stray spaces from copy and paste; names are compared trimmed. */
export async function trimFormStrings(req: FastifyRequest): Promise<void> {
  const body = req.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === 'string' && key !== '_csrf') body[key] = value.trim();
  }
}

/** The field errors of a refused command, or rethrows anything else. */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (error instanceof AppError && error.fields.length > 0) return error.fields;
  throw error;
}

/** API clients (Accept: application/json) get JSON errors; browsers get the form again. */
export function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

/** For JSON clients: the refusal as a JSON error with both languages' messages. */
export function refusal(errors: FieldError[], status = 400, code: 'validation_failed' | `bodies.${string}` = 'validation_failed'): AppError {
  return new AppError(code, { status, fields: errors });
}
