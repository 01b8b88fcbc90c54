import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../shared/auth/actor.js';
import { requireActor } from '../../shared/auth/guards.js';
import type { Db } from '../../shared/db/database.js';
import { AppError, forbidden, type FieldError } from '../../shared/errors.js';
import { safeNext } from '../../shared/http/request-context.js';
import type { CommandContext } from './commands/common.js';
import { canManage, canRead } from './policy.js';
import { accessOf, currentVersion, findConsultation, listVersions, type Consultation, type VersionRow } from './queries.js';

/** Helpers the route files share: load → authorise, form fields, where to go back to. */

export function notFoundConsultation(): AppError {
  return new AppError('consultations.not_found', { status: 404 });
}

/** A path id (the schema allows only digits); beyond PostgreSQL's integer it cannot exist. */
export function idOf(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || n > 2_147_483_647) throw notFoundConsultation();
  return n;
}

export function ctxOf(req: FastifyRequest, publicUrl: string): CommandContext {
  return { now: req.now, publicUrl };
}

export function formBody(req: FastifyRequest): Record<string, unknown> {
  return req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** A positive integer from a form or query field, or null. */
export function intOf(value: unknown): number | null {
  if (typeof value !== 'string' || !/^[0-9]{1,10}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 && n <= 2_147_483_647 ? n : null;
}

export interface Readable {
  c: Consultation;
  versions: VersionRow[];
  /** The published version people read; for a consultation in preparation (staff only), its draft. */
  current: VersionRow;
}

/** A consultation the person may read: published ones for everyone, drafts for their body. */
export async function loadReadable(db: Db, req: FastifyRequest, idParam: string): Promise<Readable> {
  const c = await findConsultation(db, idOf(idParam));
  if (!c || !canRead(req.actor, accessOf(c))) throw notFoundConsultation();
  const versions = await listVersions(db, c.id);
  const current = currentVersion(versions) ?? versions[0];
  if (!current) throw notFoundConsultation();
  return { c, versions, current };
}

/** A consultation the person runs (staff of its body, platform admins): 401 anonymous, 403 others. */
export async function loadManaged(db: Db, req: FastifyRequest, idParam: string): Promise<{ actor: Actor; c: Consultation }> {
  const actor = requireActor(req);
  const c = await findConsultation(db, idOf(idParam));
  if (!c) throw notFoundConsultation();
  if (!canManage(actor, accessOf(c))) throw forbidden();
  return { actor, c };
}

/** Where a form sends people back: a page of this consultation, never elsewhere. */
export function returnPath(value: unknown, consultationId: number, fallback: string): string {
  const next = safeNext(value, fallback);
  return next.startsWith(`/consultations/${consultationId}`) ? next : fallback;
}

/** Appends ?done=… (or &done=…) for the notice after a redirect. */
export function withDone(path: string, done: string, anchor = ''): string {
  const [base, hash] = path.split('#');
  return `${base}${base!.includes('?') ? '&' : '?'}done=${done}${anchor ? `#${anchor}` : hash ? `#${hash}` : ''}`;
}

/**
 * Runs a form action: success redirects (303); a refusal the person can fix (a 4xx
 * AppError) shows the form again via `render` with the errors and the status.
 */
export async function act(reply: FastifyReply, run: () => Promise<string>, render: (errors: FieldError[], status: number) => Promise<FastifyReply> | FastifyReply, mainField: string): Promise<FastifyReply> {
  try {
    const location = await run();
    return reply.redirect(location, 303);
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500 || error.status === 401 || error.status === 403) throw error;
    const errors: FieldError[] = error.fields.length ? error.fields : [{ field: mainField, key: error.messageKey, params: error.params }];
    return render(errors, error.status);
  }
}
