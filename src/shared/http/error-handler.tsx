import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, COMMON_ERRORS, type CommonErrorCode, type FieldError } from '../errors.js';
import { bothLanguages, translate } from '../i18n/index.js';
import { ErrorPage } from '../views/error-page.js';
import { sendPage } from '../views/render.js';
import { fieldErrorsFrom } from './form.js';

function tr(key: string, params: Record<string, unknown>, lang: 'mn' | 'en'): string {
  return translate(lang, key, params);
}

const FASTIFY_CODES: Record<string, CommonErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_FIELDS_LIMIT: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_CSRF_INVALID_TOKEN: 'csrf_invalid',
  FST_CSRF_MISSING_SECRET: 'csrf_invalid',
};

/** Any thrown thing, as an AppError a person can read. Unknown errors become `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validation?: unknown[] };
  if (e && Array.isArray(e.validation)) {
    return new AppError('validation_failed', { fields: fieldErrorsFrom(e.validation as never) });
  }
  const mapped = e?.code ? FASTIFY_CODES[e.code] : undefined;
  if (mapped) return new AppError(mapped);
  const status = typeof e?.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    const byStatus = (Object.entries(COMMON_ERRORS) as [CommonErrorCode, number][]).find(([, s]) => s === status)?.[0];
    return new AppError(byStatus ?? 'bad_request', { status });
  }
  return new AppError('internal', { status: 500 });
}

function wantsJson(req: FastifyRequest): boolean {
  if (req.routeOptions.config?.api) return true;
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  // A person who opens a page that needs an account is sent to sign in and brought back.
  if (error.code === 'sign_in_required' && (req.method === 'GET' || req.method === 'HEAD') && !wantsJson(req)) {
    return reply.redirect(`/account/sign-in?next=${encodeURIComponent(req.url)}`, 303);
  }
  if (wantsJson(req)) {
    return reply.status(error.status).send(errorBody(error, req.lang));
  }
  return sendPage(req, reply, <ErrorPage status={error.status} message={tr(error.messageKey, error.params, req.lang)} />, error.status);
}

/** The JSON shape of an error: a code for programs, words in both languages for people. */
export function errorBody(error: AppError, lang: 'mn' | 'en') {
  const describe = (f: FieldError) => ({ field: f.field, message: tr(f.key, f.params ?? {}, lang), messages: bothLanguages(f.key, f.params) });
  return {
    error: {
      code: error.code,
      status: error.status,
      message: tr(error.messageKey, error.params, lang),
      messages: bothLanguages(error.messageKey, error.params),
      ...(error.fields.length ? { fields: error.fields.map(describe) } : {}),
    },
  };
}

/** One place that answers every error: an accessible page or JSON, never internals of a 5xx. */
export const errorHandler = fp(async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error, req, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) req.log.error({ err: error }, 'request failed');
    else req.log.info({ code: appError.code, url: req.url }, 'request refused');
    return sendError(req, reply, appError);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('not_found')));
});
