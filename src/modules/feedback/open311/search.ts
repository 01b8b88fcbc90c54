import type { Queryable } from '../../../shared/db/database.js';
import { isPlaceCode } from '../../places/codes.js';
import { normaliseTrackingCode } from '../tracking-code.js';
import { dateWindow } from './dates.js';
import { badRequest, Open311Error, problem, type Problem } from './errors.js';
import { bodyIdBySlug, categoryIdsByCode, placeExists, STATUS_GROUPS, type RequestFilter } from './queries.js';
import { PAGE_SIZE_MAX, REQUEST_ID_MAX, type RequestsQuery } from './schemas.js';

/** What GET requests asks for: given ids (which override everything else), or a filter over published items. */
export type Search = { codes: string[] } | { filter: RequestFilter };

export function checkJurisdiction(value: string | undefined): void {
  if (value !== undefined && value.trim().toLowerCase() !== 'mn') throw badRequest('jurisdiction');
}

/** The search parameters, checked; every problem with them is reported in one 400. */
export async function parseSearch(db: Queryable, q: RequestsQuery, now: Date): Promise<Search> {
  checkJurisdiction(q.jurisdiction_id);
  if (q.service_request_id !== undefined) return { codes: parseIds(q.service_request_id) };
  const problems: Problem[] = [];
  const window = dateWindow(q.start_date, q.end_date, now);
  if ('error' in window) problems.push(window.error === 'start_date' || window.error === 'end_date' ? problem('date', { param: window.error }) : problem(window.error));
  const statuses = parseStatuses(q.status, problems);
  const categoryIds = await parseServiceCodes(db, q.service_code, problems);
  const placePrefix = await parsePlace(db, q.place_code, problems);
  const bodyId = q.body?.trim() ? await bodyIdBySlug(db, q.body.trim()) : undefined;
  if (bodyId === null) problems.push(problem('unknown_body', { slug: q.body }));
  if (problems.length || 'error' in window) throw new Open311Error(400, problems);
  const pageSize = q.page_size ?? PAGE_SIZE_MAX;
  return { filter: { from: window.from, to: window.to, statuses, categoryIds, placePrefix, bodyId: bodyId ?? undefined, limit: pageSize, offset: ((q.page ?? 1) - 1) * pageSize } };
}

function parseIds(value: string): string[] {
  const ids = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length > REQUEST_ID_MAX) throw badRequest('too_many_ids', { max: REQUEST_ID_MAX });
  const codes = ids.map((id) => normaliseTrackingCode(id));
  if (codes.some((c) => c === null)) throw badRequest('invalid', { param: 'service_request_id' });
  return [...new Set(codes as string[])];
}

function parseStatuses(value: string | undefined, problems: Problem[]) {
  if (value === undefined || value.trim() === '') return undefined;
  const names = value.split(',').map((s) => s.trim().toLowerCase());
  if (!names.every((n): n is 'open' | 'closed' => n === 'open' || n === 'closed')) {
    problems.push(problem('one_of', { param: 'status', values: 'open, closed' }));
    return undefined;
  }
  return [...new Set(names.flatMap((n) => STATUS_GROUPS[n]))];
}

async function parseServiceCodes(db: Queryable, value: string | undefined, problems: Problem[]) {
  if (value === undefined || value.trim() === '') return undefined;
  const codes = [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
  const ids = await categoryIdsByCode(db, codes);
  for (const code of codes) if (!ids.has(code)) problems.push(problem('unknown_service', { code }));
  return [...ids.values()];
}

async function parsePlace(db: Queryable, value: string | undefined, problems: Problem[]) {
  if (value === undefined || value.trim() === '') return undefined;
  const code = value.trim();
  if (!isPlaceCode(code) || !(await placeExists(db, code))) problems.push(problem('unknown_place', { code }));
  return code;
}
