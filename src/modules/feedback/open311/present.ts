import type { Lang } from '../../../shared/i18n/index.js';
import { translate } from '../../../shared/i18n/index.js';
import { localized } from '../../../shared/views/context.js';
import { isOpen, isOverdue } from '../model.js';
import type { RequestRow } from './queries.js';
import { DESCRIPTION_MAX, type Open311Request } from './schemas.js';

/** Place codes of a place and the units above it, most specific first: '111059' → ['111059', '1110', '11']. */
export function placeChainCodes(code: string): string[] {
  const codes: string[] = [];
  for (let length = code.length; length >= 2; length -= 2) codes.push(code.slice(0, length));
  return codes;
}

/** Cuts text to `max` characters (not UTF-16 units), ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, max - 1).join('').trimEnd() + '…';
}

export type PlaceNames = Map<string, { name_mn: string; name_en: string }>;

/**
 * One feedback item as a GeoReport v2 service request. What the public may see of an
 * unpublished item is its status and dates; everything else written by people (the
 * summary, the answer, the place below soum level, the coordinates) only once a moderator
 * published it (queries.ts already returns those as null otherwise).
 */
export function presentRequest(row: RequestRow, lang: Lang, places: PlaceNames, now: Date): Open311Request {
  const published = row.publication === 'published';
  const resolution = row.resolution ? translate(lang, `feedback:resolution.${row.resolution}`) : null;
  const answer = published && row.answer_text ? row.answer_text : null;
  const statusNotes = resolution && answer ? `${resolution}: ${answer}` : (resolution ?? answer);
  let notice: string | null = null;
  if (isOverdue(row, now)) notice = translate(lang, 'open311:notice.overdue');
  else if (row.extended_at && isOpen(row.status)) notice = translate(lang, 'open311:notice.extended');
  const address = row.place_code
    ? placeChainCodes(row.place_code)
        .map((code) => places.get(code))
        .filter((p) => p !== undefined)
        .map((p) => localized(lang, p.name_mn, p.name_en))
        .join(', ') || null
    : null;
  return {
    service_request_id: row.code,
    status: isOpen(row.status) ? 'open' : 'closed',
    status_notes: statusNotes,
    service_name: localized(lang, row.service_name_mn, row.service_name_en),
    service_code: row.service_code,
    description: published && row.public_summary ? clip(row.public_summary, DESCRIPTION_MAX) : null,
    agency_responsible: localized(lang, row.body_name_mn, row.body_name_en),
    service_notice: notice,
    requested_datetime: row.received_at.toISOString(),
    updated_datetime: row.updated_at.toISOString(),
    expected_datetime: row.due_at.toISOString(),
    address,
    address_id: published ? row.place_code : null,
    lat: published ? row.lat : null,
    long: published ? row.lon : null,
    media_url: null,
  };
}

/** Every place code whose name the rows' addresses need. */
export function placeCodesOf(rows: readonly RequestRow[]): string[] {
  const codes = new Set<string>();
  for (const row of rows) if (row.place_code) for (const code of placeChainCodes(row.place_code)) codes.add(code);
  return [...codes];
}
