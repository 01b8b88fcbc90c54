import type { Db, Queryable } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { endOfLocalDay, loadCalendar, localDaysBetween } from '../../../shared/calendar.js';
import { localDay } from '../../../shared/i18n/format.js';
import { enqueueJob } from '../../../shared/jobs/queue.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { consultationFinished, consultationPublished, consultationReportPublished, consultationSubject } from '../events.js';
import type { ImportIssue } from '../import.js';
import { CONSULTATION_KINDS, LIMITS, type Kind } from '../model.js';
import { commentFigures } from '../queries.js';
import { checkText, draftVersionRow, fieldError, lockConsultation, throwIfErrors, type ActorRef, type CommandContext } from './common.js';
import { NOTIFY_TASK, parseOrRefuse, storeElements } from './text.js';

/** The task that prints the final report (report-pdf.tsx); named here so commands stay free of rendering. */
export const REPORT_PDF_TASK = 'consultations_report_pdf';

/** What staff type into the consultation form (strings as posted; checked here). */
export interface DetailsInput {
  kind: unknown;
  titleMn: unknown;
  titleEn: unknown;
  note: unknown;
  opensOn: unknown;
  closesOn: unknown;
  answerDays: unknown;
}

export interface CheckedDetails {
  kind: Kind;
  titleMn: string;
  titleEn: string | null;
  note: string;
  opensAt: Date;
  closesAt: Date;
  answerDays: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDay(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = DAY.exec(value.trim());
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]) && Number(m[1]) >= 2000 && Number(m[1]) <= 2100
    ? value.trim()
    : null;
}

/** Checks the details form, collecting every problem at once. */
export function checkDetails(input: DetailsInput, now: Date): { details: CheckedDetails | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const kind = typeof input.kind === 'string' && (CONSULTATION_KINDS as readonly string[]).includes(input.kind) ? (input.kind as Kind) : null;
  if (!kind) errors.push(fieldError('kind', 'common:errors.field.choose', { field: label('consultations:fieldRef.kind') }));
  const titleMn = checkText(errors, 'title_mn', input.titleMn, 'consultations:fieldRef.titleMn', { min: 3, max: LIMITS.title });
  const titleEn = checkText(errors, 'title_en', input.titleEn, 'consultations:fieldRef.titleEn', { min: 3, max: LIMITS.title, optional: true });
  const note = checkText(errors, 'note', input.note, 'consultations:fieldRef.note', { max: LIMITS.note, optional: true });
  const opens = realDay(input.opensOn);
  const closes = realDay(input.closesOn);
  if (!opens) errors.push(fieldError('opens_on', typeof input.opensOn === 'string' && input.opensOn.trim() ? 'common:errors.field.date' : 'common:errors.field.required', { field: label('consultations:fieldRef.opensOn') }));
  if (!closes) errors.push(fieldError('closes_on', typeof input.closesOn === 'string' && input.closesOn.trim() ? 'common:errors.field.date' : 'common:errors.field.required', { field: label('consultations:fieldRef.closesOn') }));
  let opensAt: Date | null = null;
  let closesAt: Date | null = null;
  if (opens && closes) {
    opensAt = new Date(`${opens}T00:00:00+08:00`);
    closesAt = endOfLocalDay(closes);
    if (closes <= opens) errors.push(fieldError('closes_on', 'consultations:errors.closes_before_opens'));
    else if (localDaysBetween(opensAt, closesAt) > LIMITS.periodMaxDays) errors.push(fieldError('closes_on', 'consultations:errors.period_too_long', { max: LIMITS.periodMaxDays }));
    else if (closes < localDay(now)) errors.push(fieldError('closes_on', 'consultations:errors.closes_in_past'));
  }
  const rawDays = typeof input.answerDays === 'number' ? String(input.answerDays) : typeof input.answerDays === 'string' ? input.answerDays.trim() : '';
  const answerDays = rawDays === '' ? LIMITS.answerDaysDefault : /^\d{1,3}$/.test(rawDays) ? Number(rawDays) : Number.NaN;
  if (!(answerDays >= LIMITS.answerDaysMin && answerDays <= LIMITS.answerDaysMax)) {
    errors.push(fieldError('answer_days', 'consultations:errors.answer_days', { min: LIMITS.answerDaysMin, max: LIMITS.answerDaysMax }));
  }
  if (errors.length || !kind || titleMn === null || note === null || titleEn === null || !opensAt || !closesAt) return { details: null, errors };
  return { details: { kind, titleMn, titleEn: titleEn || null, note, opensAt, closesAt, answerDays }, errors };
}

/** Answers fall due `answerDays` calendar days after the period closes, at the end of a working day. */
export async function answersDueAt(q: Queryable, closesAt: Date, answerDays: number): Promise<Date> {
  const calendar = await loadCalendar(q);
  return calendar.deadline(closesAt, answerDays, 'calendar');
}

/**
 * Creates a consultation in preparation with its imported text as version 1. Nothing is
 * public yet; details and text stay editable until it is published.
 */
export async function createConsultation(
  db: Db,
  input: DetailsInput & { bodyId: number; text: unknown },
  actor: ActorRef,
  ctx: CommandContext,
): Promise<{ id: number; warnings: ImportIssue[] }> {
  const { details, errors } = checkDetails(input, ctx.now);
  let parsed = null;
  try {
    parsed = parseOrRefuse(input.text);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    errors.push(...error.fields);
  }
  throwIfErrors(errors);
  const d = details!;
  return db.transaction().execute(async (tx) => {
    const body = await tx.selectFrom('body').where('organisation_id', '=', input.bodyId).select('organisation_id').executeTakeFirst();
    if (!body) throw new AppError('validation_failed', { fields: [fieldError('body', 'common:errors.field.choose', { field: label('consultations:fieldRef.body') })] });
    const dueAt = await answersDueAt(tx, d.closesAt, d.answerDays);
    const c = await tx
      .insertInto('consultation')
      .values({
        body_id: input.bodyId,
        kind: d.kind,
        title_mn: d.titleMn,
        title_en: d.titleEn,
        note: d.note,
        opens_at: d.opensAt,
        closes_at: d.closesAt,
        answer_days: d.answerDays,
        answers_due_at: dueAt,
        created_by: actor.accountId,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const warnings = parsed!.issues.filter((i) => i.severity === 'warning').slice(0, 100);
    const version = await tx
      .insertInto('consultation_version')
      .values({ consultation_id: c.id, number: 1, created_by: actor.accountId, created_at: ctx.now, import_issues: JSON.stringify(warnings) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await storeElements(tx, c.id, version.id, parsed!.elements, parsed!.elements.map(() => null));
    return { id: c.id, warnings };
  });
}

/** Changes the details of a consultation still in preparation. */
export async function updateDetails(db: Db, consultationId: number, input: DetailsInput, _actor: ActorRef, ctx: CommandContext): Promise<void> {
  const { details, errors } = checkDetails(input, ctx.now);
  throwIfErrors(errors);
  const d = details!;
  await db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'update');
    if (c.status !== 'draft') throw new AppError('consultations.not_draft', { status: 409 });
    const dueAt = await answersDueAt(tx, d.closesAt, d.answerDays);
    await tx
      .updateTable('consultation')
      .set({ kind: d.kind, title_mn: d.titleMn, title_en: d.titleEn, note: d.note, opens_at: d.opensAt, closes_at: d.closesAt, answer_days: d.answerDays, answers_due_at: dueAt, updated_at: ctx.now })
      .where('id', '=', c.id)
      .execute();
  });
}

/** Publishes the consultation with its text as version 1: from its opening day people comment. */
export async function publishConsultation(db: Db, consultationId: number, _actor: ActorRef, ctx: CommandContext): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'update');
    if (c.status !== 'draft') throw new AppError('consultations.not_draft', { status: 409 });
    if (c.closes_at.getTime() <= ctx.now.getTime()) throw new AppError('consultations.period_over', { status: 409 });
    const version = await draftVersionRow(tx, c.id);
    const articles = version
      ? Number(
          (
            await tx
              .selectFrom('consultation_element')
              .where('version_id', '=', version.id)
              .where('kind', '=', 'article')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : 0;
    if (!version || articles === 0) throw new AppError('consultations.no_articles', { status: 409 });
    await tx.updateTable('consultation_version').set({ published_at: ctx.now }).where('id', '=', version.id).execute();
    await tx.updateTable('consultation').set({ status: 'published', published_at: ctx.now, updated_at: ctx.now }).where('id', '=', c.id).execute();
    await appendPublicEvent(tx, {
      kind: consultationPublished,
      subject: consultationSubject(c.id),
      occurredAt: ctx.now,
      payload: {
        consultation: c.id,
        body: c.body_slug,
        kind: c.kind,
        title: c.title_mn,
        opens_at: c.opens_at.toISOString(),
        closes_at: c.closes_at.toISOString(),
        answers_due_at: c.answers_due_at.toISOString(),
        version: 1,
        articles,
      },
    });
  });
}

/**
 * Finishes the consultation once its period is over and every published comment has an
 * answer, and publishes its report. Refused, with the count, while any comment waits for
 * an answer or a moderator: the report must be complete.
 */
export async function finishConsultation(db: Db, consultationId: number, _actor: ActorRef, ctx: CommandContext): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'update');
    if (c.status === 'draft') throw new AppError('consultations.not_published', { status: 409 });
    if (c.status === 'finished') throw new AppError('consultations.finished', { status: 409 });
    if (ctx.now.getTime() <= c.closes_at.getTime()) throw new AppError('consultations.still_open', { status: 409, params: { date: c.closes_at.toISOString() } });
    if (await draftVersionRow(tx, c.id)) throw new AppError('consultations.version_in_preparation', { status: 409 });
    const figures = await commentFigures(tx, c.id, c.answers_due_at);
    const waiting = await tx
      .selectFrom('consultation_comment')
      .where('consultation_id', '=', c.id)
      .where('status', '=', 'pending')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(waiting.n) > 0) throw new AppError('consultations.pending_moderation', { status: 409, params: { count: Number(waiting.n) } });
    if (figures.unanswered > 0) throw new AppError('consultations.unanswered', { status: 409, params: { count: figures.unanswered } });
    const versions = await tx
      .selectFrom('consultation_version')
      .where('consultation_id', '=', c.id)
      .where('published_at', 'is not', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    await tx.updateTable('consultation').set({ status: 'finished', finished_at: ctx.now, updated_at: ctx.now }).where('id', '=', c.id).execute();
    const subject = consultationSubject(c.id);
    await appendPublicEvent(tx, {
      kind: consultationFinished,
      subject,
      occurredAt: ctx.now,
      payload: { consultation: c.id, body: c.body_slug, answers_due_at: c.answers_due_at.toISOString(), answered_late: figures.answeredLate },
    });
    await appendPublicEvent(tx, {
      kind: consultationReportPublished,
      subject,
      occurredAt: ctx.now,
      payload: {
        consultation: c.id,
        body: c.body_slug,
        versions: Number(versions.n),
        comments: figures.comments,
        accepted: figures.accepted,
        partly_accepted: figures.partlyAccepted,
        not_accepted: figures.notAccepted,
        from_organisations: figures.fromOrganisations,
        from_citizens: figures.fromCitizens,
        from_hearings: figures.fromHearings,
        supports: figures.supports,
      },
    });
    await enqueueJob(tx, NOTIFY_TASK, { consultationId: c.id, kind: 'finished' });
    // The final report's PDF is printed now, in the background, so its download is immediate.
    await enqueueJob(tx, REPORT_PDF_TASK, { consultationId: c.id }, { maxAttempts: 3 });
  });
}
