/**
 * The catalogue of errors a person can meet. Each has a stable code (used by API
 * clients and tests), an HTTP status and a message in both languages under
 * `common:errors.<code>`, or `<namespace>:errors.<name>` for a module's own codes
 * such as 'feedback.already_submitted'.
 */
export const COMMON_ERRORS = {
  bad_request: 400,
  validation_failed: 400,
  sign_in_required: 401,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type CommonErrorCode = keyof typeof COMMON_ERRORS;

export interface FieldError {
  /** The form field or JSON property the message is about. */
  field: string;
  /** i18n key and parameters of the message. */
  key: string;
  params?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: Record<string, unknown>;
  readonly fields: FieldError[];

  constructor(code: CommonErrorCode | `${string}.${string}`, options: { status?: number; params?: Record<string, unknown>; fields?: FieldError[] } = {}) {
    super(code);
    this.code = code;
    this.status = options.status ?? (COMMON_ERRORS as Record<string, number>)[code] ?? 400;
    this.params = options.params ?? {};
    this.fields = options.fields ?? [];
  }

  /** i18n key of the message: common codes live in `common:errors`, module codes in their namespace. */
  get messageKey(): string {
    const dot = this.code.indexOf('.');
    return dot === -1 ? `common:errors.${this.code}` : `${this.code.slice(0, dot)}:errors.${this.code.slice(dot + 1)}`;
  }
}

/** A field's label as an error parameter, translated when the message is shown: label('feedback:field.title'). */
export function label(key: string): string {
  return `$t:${key}`;
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
export const signInRequired = () => new AppError('sign_in_required');
export const conflict = (params?: Record<string, unknown>) => new AppError('conflict', { params });
