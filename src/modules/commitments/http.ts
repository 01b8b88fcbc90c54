import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../shared/db/database.js';
import { AppError, notFound, type FieldError } from '../../shared/errors.js';
import { findPlan, loadMilestone, type MilestoneDetail, type PlanRow } from './queries.js';

/** Small helpers the commitments route files share. */

export async function loadPlanOr404(db: Db, slug: string): Promise<PlanRow> {
  const plan = await findPlan(db, slug);
  if (!plan) throw notFound();
  return plan;
}

export async function loadMilestoneOr404(db: Db, plan: PlanRow, id: number, now: Date): Promise<MilestoneDetail> {
  const detail = await loadMilestone(db, plan, id, now);
  if (!detail) throw notFound();
  return detail;
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function formBody(req: FastifyRequest): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}

/**
 * Runs a form's action: a refusal the person can fix (a 4xx AppError) becomes the form
 * again with the messages and what they typed (JSON clients get the error itself);
 * anything else propagates.
 */
export async function refusals<T>(req: FastifyRequest, fn: () => Promise<T>, mainField: string): Promise<{ ok: true; value: T } | { ok: false; status: number; errors: FieldError[] }> {
  try {
    return { ok: true, value: await fn() };
  } catch (error) {
    if (!(error instanceof AppError) || error.status >= 500) throw error;
    // A program posting the form gets the error handler's JSON: code, fields, both languages.
    if (wantsJson(req)) throw error;
    // Being refused as a stranger is not a form problem: the error page says so.
    if (error.status === 401 || error.status === 403 || error.status === 404) throw error;
    const errors = error.fields.length ? error.fields : [{ field: mainField, key: error.messageKey, params: error.params }];
    return { ok: false, status: error.status, errors };
  }
}

function wantsJson(req: FastifyRequest): boolean {
  const accept = req.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
}
