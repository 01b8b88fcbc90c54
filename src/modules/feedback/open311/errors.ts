import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { toAppError } from '../../../shared/http/error-handler.js';
import { translate } from '../../../shared/i18n/index.js';
import { open311Language, type Open311Language } from './language.js';
import { formatOfUrl, sendFormatted } from './xml.js';

/**
 * Open311 answers every error as `[{ code, description }]` (XML: <errors><error>…),
 * one entry per problem, with the HTTP status as the code. Descriptions name the
 * parameter, in the language asked for, or in both ("Монгол / English") when the
 * client asked for none.
 */
export interface Problem {
  /** i18n key: usually 'open311:errors.<name>'. */
  key: string;
  params?: Record<string, unknown>;
}

export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly problems: Problem[],
  ) {
    super(problems.map((p) => p.key).join(', '));
  }
}

export const problem = (name: string, params?: Record<string, unknown>): Problem => ({ key: `open311:errors.${name}`, params });
export const badRequest = (name: string, params?: Record<string, unknown>) => new Open311Error(400, [problem(name, params)]);
export const notFound = (name: string, params?: Record<string, unknown>) => new Open311Error(404, [problem(name, params)]);

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** The schema validator's findings, one problem per parameter, in words a developer acts on. */
export function problemsFromValidation(issues: readonly ValidationIssue[]): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const param = issue.keyword === 'required' ? String(issue.params.missingProperty ?? '') : (issue.instancePath.replace(/^\//, '').split('/')[0] ?? '');
    if (!param || seen.has(param)) continue;
    seen.add(param);
    problems.push(problemFor(issue, param));
  }
  return problems.length ? problems : [problem('invalid', { param: 'request' })];
}

function problemFor(issue: ValidationIssue, param: string): Problem {
  const p = issue.params;
  if ((param === 'lat' || param === 'long') && (issue.keyword === 'minimum' || issue.keyword === 'maximum')) return problem('outside_mongolia');
  if (param === 'media_url' && (issue.keyword === 'format' || issue.keyword === 'pattern')) return problem('url', { param });
  switch (issue.keyword) {
    case 'required':
      return problem('required', { param });
    case 'maxLength':
      return problem('too_long', { param, max: p.limit });
    case 'minLength':
      return Number(p.limit) <= 1 ? problem('required', { param }) : problem('too_short', { param, min: p.limit });
    case 'type':
      if (p.type === 'number' || p.type === 'integer') return problem('number', { param });
      if (p.type === 'boolean') return problem('boolean', { param });
      return problem('invalid', { param });
    case 'enum':
      return problem('one_of', { param, values: ((p.allowedValues as unknown[]) ?? []).join(', ') });
    default:
      return problem('invalid', { param });
  }
}

/** A domain field (submitFeedback's) as the Open311 parameter a client sent. */
const FIELD_PARAMS: Record<string, string> = {
  category: 'service_code',
  place: 'place_code',
  title: 'description',
  description: 'description',
  name: 'first_name',
  email: 'email',
  phone: 'phone',
  lat: 'lat',
  long: 'long',
  kind: 'kind',
};

function problemFromField(field: FieldError, values: Record<string, unknown>): Problem {
  const param = FIELD_PARAMS[field.field] ?? field.field;
  switch (field.key) {
    case 'feedback:errors.unknown_category':
      return problem('unknown_service', { code: values.service_code ?? '' });
    case 'feedback:errors.unknown_place':
      return problem('unknown_place', { code: values.place_code ?? '' });
    case 'common:errors.field.required':
      return problem('required', { param });
    case 'common:errors.field.tooLong':
      return problem('too_long', { param, max: field.params?.max });
    default:
      return param === 'lat' || param === 'long' ? problem('outside_mongolia') : problem('invalid', { param });
  }
}

/**
 * Anything thrown while answering an Open311 request, as an Open311Error. `values`
 * are the parameters as understood, so messages can quote what was sent.
 */
export function toOpen311Error(error: unknown, values: Record<string, unknown> = {}): Open311Error {
  if (error instanceof Open311Error) return error;
  const validation = (error as FastifyError & { validation?: ValidationIssue[] })?.validation;
  if (!(error instanceof AppError) && Array.isArray(validation)) return new Open311Error(400, problemsFromValidation(validation));
  const appError = toAppError(error);
  if (appError.status === 415) return new Open311Error(415, [problem('form_encoded')]);
  if (appError.fields.length) {
    const problems: Problem[] = [];
    const seen = new Set<string>();
    for (const field of appError.fields) {
      const p = problemFromField(field, values);
      const id = `${p.key}:${JSON.stringify(p.params ?? {})}`;
      if (!seen.has(id)) problems.push(p);
      seen.add(id);
    }
    return new Open311Error(appError.status, problems);
  }
  return new Open311Error(appError.status, [{ key: appError.messageKey, params: appError.params }]);
}

export function describe(p: Problem, language: Open311Language): string {
  if (language.explicit) return translate(language.lang, p.key, p.params);
  return `${translate('mn', p.key, p.params)} / ${translate('en', p.key, p.params)}`;
}

export function errorList(error: Open311Error, language: Open311Language): { code: number; description: string }[] {
  return error.problems.map((p) => ({ code: error.status, description: describe(p, language) }));
}

/** Answers the error in the format of the URL (`.xml` → XML, otherwise JSON). */
export function sendOpen311Error(req: FastifyRequest, reply: FastifyReply, error: Open311Error): FastifyReply {
  const list = errorList(error, open311Language(req));
  reply.status(error.status).header('cache-control', 'no-store');
  return sendFormatted(reply, formatOfUrl(req.url), list, () => ({ errors: { error: list } }));
}
