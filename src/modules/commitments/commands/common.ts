import type { Tx } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { isProgress, parseLinks, type Progress } from '../model.js';

/** Locks a milestone (so two reports cannot take one version number) and tells whether its plan is open. */
export async function lockMilestone(tx: Tx, planId: number, milestoneId: number) {
  const row = await tx
    .selectFrom('commitment_milestone as m')
    .innerJoin('commitment as c', 'c.id', 'm.commitment_id')
    .innerJoin('commitment_plan as p', 'p.id', 'c.plan_id')
    .where('m.id', '=', milestoneId)
    .where('p.id', '=', planId)
    .select(['m.id', 'm.lead_body_id', 'c.number', 'p.slug', 'p.closed_at'])
    .forUpdate('m')
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  if (row.closed_at !== null) throw planClosed();
  return row;
}

export function planClosed(): AppError {
  return new AppError('commitments.plan_closed', { status: 409 });
}

/** Checks the fields common to reports and assessments; every problem at once. */
export function checkStatusAndLinks(input: { status: string; links: string }, fields: FieldError[]): { status: Progress | null; links: string[] } {
  let status: Progress | null = null;
  if (!input.status) fields.push({ field: 'status', key: 'common:errors.field.choose', params: { field: label('commitments:field.status') } });
  else if (!isProgress(input.status)) fields.push({ field: 'status', key: 'commitments:errors.status_not_in_scale' });
  else status = input.status;
  const { links, bad } = parseLinks(input.links);
  if (bad.length) fields.push({ field: 'links', key: 'commitments:errors.links_not_urls', params: { lines: bad.map((b) => b.line).join(', '), values: bad.map((b) => b.value).join(', ') } });
  else if (links.length > 10) fields.push({ field: 'links', key: 'commitments:errors.too_many_links', params: { max: 10 } });
  return { status, links };
}

/** A required text with a minimum and maximum length (after trimming). */
export function checkText(value: string, field: string, labelKey: string, min: number, max: number, fields: FieldError[], required = true): string | null {
  const text = value.trim();
  if (!text) {
    if (required) fields.push({ field, key: 'common:errors.field.required', params: { field: label(labelKey) } });
    return null;
  }
  if (text.length < min) fields.push({ field, key: 'common:errors.field.tooShort', params: { field: label(labelKey), min } });
  else if (text.length > max) fields.push({ field, key: 'common:errors.field.tooLong', params: { field: label(labelKey), max } });
  return text;
}

export function invalid(fields: FieldError[]): AppError {
  return new AppError('validation_failed', { fields });
}
