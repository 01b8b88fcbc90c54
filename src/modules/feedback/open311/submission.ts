import type { Lang } from '../../../shared/i18n/index.js';
import { translate } from '../../../shared/i18n/index.js';
import type { SubmitFeedbackInput } from '../commands/submit.js';
import { isPlaceCode } from '../../places/codes.js';
import { Open311Error, problem, type Problem } from './errors.js';
import type { CreateRequestBody } from './schemas.js';

export const TITLE_MAX = 120;

/**
 * Open311 has no title; ours is the description's first sentence (or first line),
 * cut at a word boundary to 120 characters. A "sentence" shorter than 10 characters
 * ("3." in "3. хороо …") is not taken for one.
 */
export function titleFromDescription(description: string): string {
  const firstLine = description.trim().split(/\r?\n/, 1)[0] ?? '';
  const sentence = /^(.{10,}?[.!?…])(?=\s|$)/u.exec(firstLine)?.[1] ?? firstLine;
  const text = sentence.replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  if (chars.length <= TITLE_MAX) return text;
  const cut = chars.slice(0, TITLE_MAX - 1).join('');
  const space = cut.lastIndexOf(' ');
  return (space > TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/**
 * Where the request is. Routing needs an administrative unit; turning coordinates into
 * one is out of scope, so the client names it: `place_code` (our extension), or the
 * standard `address_id`, which in Irgen is the same code. lat/long, when given, are
 * kept with the request; address_string goes to the body with the description.
 */
function placeOf(params: CreateRequestBody, problems: Problem[]): string {
  if (params.place_code) return params.place_code;
  if (params.address_id) {
    if (isPlaceCode(params.address_id)) return params.address_id;
    problems.push(problem('unknown_place', { code: params.address_id }));
    return '';
  }
  problems.push(problem('place_required'));
  return '';
}

/** The parameters of POST requests as a submission to the feedback domain; malformed combinations are refused together. */
export function toSubmission(params: CreateRequestBody, lang: Lang, apiClientId: number): SubmitFeedbackInput {
  const problems: Problem[] = [];
  if (params.jurisdiction_id !== undefined && params.jurisdiction_id.trim().toLowerCase() !== 'mn') problems.push(problem('jurisdiction'));
  if ((params.lat === undefined) !== (params.long === undefined)) problems.push(problem('lat_long_pair'));
  const placeCode = placeOf(params, problems);
  const description = params.description.trim();
  if (!description) problems.push(problem('required', { param: 'description' }));
  if (problems.length) throw new Open311Error(400, problems);

  // The body needs the street address and the media link to act; both stay private like the description.
  const extra: string[] = [];
  if (params.address_string?.trim()) extra.push(`${translate(lang, 'open311:address.label')}: ${params.address_string.trim()}`);
  if (params.media_url) extra.push(`${translate(lang, 'open311:address.media')}: ${params.media_url}`);
  const name = [params.first_name, params.last_name].map((s) => s?.trim()).filter(Boolean).join(' ');
  return {
    kind: params.kind ?? 'complaint',
    categoryCode: params.service_code.trim(),
    placeCode,
    lat: params.lat ?? null,
    lon: params.long ?? null,
    title: titleFromDescription(description),
    description: extra.length ? `${description}\n\n${extra.join('\n')}` : description,
    language: lang,
    wantsPublic: params.public ?? false,
    contact: { name: name || null, email: params.email?.trim() || null, phone: params.phone?.trim() || null },
    channel: 'open311',
    apiClientId,
  };
}
