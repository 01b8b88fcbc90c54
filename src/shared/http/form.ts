import type { FastifyRequest } from 'fastify';
import type { FieldError } from '../errors.js';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/**
 * Turns the schema validator's findings into per-field messages a person understands.
 * `labels` names each field in the page language ("the title"); the same keys serve
 * HTML forms and JSON APIs.
 */
export function fieldErrorsFrom(issues: readonly ValidationIssue[] | undefined, labels: Record<string, string> = {}): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues ?? []) {
    const path = issue.instancePath.replace(/^\/(body|querystring|params)?\/?/, '').replace(/\//g, '.');
    const field = issue.keyword === 'required' ? String(issue.params.missingProperty ?? path) : path.split('.')[0] || path;
    if (!field || seen.has(field)) continue;
    seen.add(field);
    const label = labels[field] ?? field;
    errors.push(toFieldError(issue, field, label));
  }
  return errors;
}

function toFieldError(issue: ValidationIssue, field: string, label: string): FieldError {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return { field, key: 'common:errors.field.required', params: { field: label } };
    case 'minLength':
      return Number(p.limit) <= 1
        ? { field, key: 'common:errors.field.required', params: { field: label } }
        : { field, key: 'common:errors.field.tooShort', params: { field: label, min: p.limit } };
    case 'maxLength':
      return { field, key: 'common:errors.field.tooLong', params: { field: label, max: p.limit } };
    case 'format':
      return p.format === 'email' ? { field, key: 'common:errors.field.email' } : { field, key: 'common:errors.field.invalid', params: { field: label } };
    case 'enum':
    case 'const':
    case 'anyOf':
      return { field, key: 'common:errors.field.choose', params: { field: label } };
    case 'type':
      return p.type === 'number' || p.type === 'integer'
        ? { field, key: 'common:errors.field.number', params: { field: label } }
        : { field, key: 'common:errors.field.invalid', params: { field: label } };
    default:
      return { field, key: 'common:errors.field.invalid', params: { field: label } };
  }
}

/** Field errors of a route declared with `attachValidation: true`, or none. */
export function formErrors(req: FastifyRequest, labels: Record<string, string> = {}): FieldError[] {
  const validation = req.validationError as (Error & { validation?: ValidationIssue[] }) | undefined;
  return validation ? fieldErrorsFrom(validation.validation, labels) : [];
}
