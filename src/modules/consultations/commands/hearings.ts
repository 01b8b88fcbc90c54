import type { Db } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { consultationCommentPublished, consultationSubject } from '../events.js';
import { LIMITS } from '../model.js';
import { checkComment, resolveUnit } from './comments.js';
import { checkText, currentVersionRow, fieldError, lockConsultation, throwIfErrors, type ActorRef, type CommandContext } from './common.js';

export interface HearingInput {
  day: unknown;
  time: unknown;
  place: unknown;
  howToJoin: unknown;
}

function startsAt(errors: FieldError[], day: unknown, time: unknown): Date | null {
  const d = typeof day === 'string' ? day.trim() : '';
  const t = typeof time === 'string' ? time.trim() : '';
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  const tm = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(t);
  if (!dm) errors.push(fieldError('day', d ? 'common:errors.field.date' : 'common:errors.field.required', { field: label('consultations:fieldRef.hearingDay') }));
  if (!tm) errors.push(fieldError('time', t ? 'consultations:errors.time' : 'common:errors.field.required', { field: label('consultations:fieldRef.hearingTime') }));
  if (!dm || !tm) return null;
  const [year, month, dayOfMonth] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
  const check = new Date(Date.UTC(year, month - 1, dayOfMonth));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth || year < 2000 || year > 2100) {
    errors.push(fieldError('day', 'common:errors.field.date', { field: label('consultations:fieldRef.hearingDay') }));
    return null;
  }
  // Hearings are announced in Ulaanbaatar time.
  const at = new Date(`${d}T${t}:00+08:00`);
  return at;
}

/** Announces a public hearing: when, where and how to take part. */
export async function addHearing(db: Db, consultationId: number, input: HearingInput, actor: ActorRef, ctx: CommandContext): Promise<{ id: number }> {
  const errors: FieldError[] = [];
  const at = startsAt(errors, input.day, input.time);
  const place = checkText(errors, 'place', input.place, 'consultations:fieldRef.hearingPlace', { max: LIMITS.hearingPlace });
  const how = checkText(errors, 'how_to_join', input.howToJoin, 'consultations:fieldRef.hearingHow', { max: LIMITS.hearingHow, optional: true });
  throwIfErrors(errors);
  return db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'share');
    if (c.status === 'finished') throw new AppError('consultations.finished', { status: 409 });
    return tx
      .insertInto('consultation_hearing')
      .values({ consultation_id: c.id, starts_at: at!, place: place!, how_to_join: how ?? '', created_by: actor.accountId, created_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
  });
}

/** Adds (or corrects) the minutes of a hearing that took place. */
export async function saveMinutes(db: Db, consultationId: number, hearingId: number, minutesInput: unknown, _actor: ActorRef, ctx: CommandContext): Promise<void> {
  const errors: FieldError[] = [];
  const minutes = checkText(errors, 'minutes', minutesInput, 'consultations:fieldRef.minutes', { max: LIMITS.minutes });
  throwIfErrors(errors);
  await db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'share');
    const hearing = await tx.selectFrom('consultation_hearing').where('id', '=', hearingId).where('consultation_id', '=', c.id).select(['id', 'starts_at']).forUpdate().executeTakeFirst();
    if (!hearing) throw new AppError('consultations.unknown_hearing', { status: 404 });
    if (hearing.starts_at.getTime() > ctx.now.getTime()) throw new AppError('consultations.hearing_not_held', { status: 409 });
    await tx.updateTable('consultation_hearing').set({ minutes: minutes!, minutes_added_at: ctx.now }).where('id', '=', hearing.id).execute();
  });
}

/**
 * A comment made at a hearing, typed in by staff, with channel "hearing": by a citizen
 * (no account) or for an organisation. It needs an answer like any other comment.
 */
export async function addHearingComment(
  db: Db,
  consultationId: number,
  hearingId: number,
  input: { unitId: number | null; text: unknown; organisationId: number | null; placeCode: string | null },
  actor: ActorRef,
  ctx: CommandContext,
): Promise<{ id: number }> {
  const { text, placeCode } = checkComment(input);
  return db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'share');
    if (c.status === 'draft') throw new AppError('consultations.not_published', { status: 409 });
    if (c.status === 'finished') throw new AppError('consultations.finished', { status: 409 });
    const hearing = await tx.selectFrom('consultation_hearing').where('id', '=', hearingId).where('consultation_id', '=', c.id).select(['id', 'starts_at']).executeTakeFirst();
    if (!hearing) throw new AppError('consultations.unknown_hearing', { status: 404 });
    if (hearing.starts_at.getTime() > ctx.now.getTime()) throw new AppError('consultations.hearing_not_held', { status: 409 });
    const version = (await currentVersionRow(tx, c.id))!;
    const unit = await resolveUnit(tx, version.id, input.unitId);
    let org: string | null = null;
    if (input.organisationId !== null) {
      const row = await tx.selectFrom('organisation').where('id', '=', input.organisationId).where('kind', '=', 'cso').select('slug').executeTakeFirst();
      if (!row) throw new AppError('validation_failed', { fields: [fieldError('organisation', 'common:errors.field.choose', { field: label('consultations:fieldRef.speaker') })] });
      org = row.slug;
    }
    const row = await tx
      .insertInto('consultation_comment')
      .values({
        consultation_id: c.id,
        version_id: version.id,
        unit_id: unit?.unitId ?? null,
        article_unit_id: unit?.articleUnitId ?? null,
        author_id: null,
        organisation_id: input.organisationId,
        entered_by: actor.accountId,
        channel: 'hearing',
        hearing_id: hearing.id,
        place_code: placeCode,
        text,
        status: 'published',
        created_at: ctx.now,
        published_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendPublicEvent(tx, {
      kind: consultationCommentPublished,
      subject: consultationSubject(c.id),
      occurredAt: ctx.now,
      payload: { consultation: c.id, comment: row.id, version: version.number, on: unit?.number ?? null, by: org ?? 'citizen', channel: 'hearing' },
    });
    return row;
  });
}
