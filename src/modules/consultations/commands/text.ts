import { sql } from 'kysely';
import type { Db, Queryable, Tx } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { enqueueJob } from '../../../shared/jobs/queue.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { compareVersions, summarise } from '../changes.js';
import { consultationSubject, consultationVersionPublished } from '../events.js';
import { hasErrors, IMPORT_LIMITS, parseDraftText, type DraftElement, type ImportIssue, type ParsedDraft } from '../import.js';
import { matchUnits, type ExistingElement } from '../matching.js';
import { LIMITS } from '../model.js';
import { checkText, currentVersionRow, draftVersionRow, lockConsultation, throwIfErrors, type ActorRef, type CommandContext } from './common.js';

/** The task that emails followers about a new version or the finished consultation (jobs.ts). */
export const NOTIFY_TASK = 'consultations_notify';

/** How many import problems a refusal lists: enough to fix a paste, not a wall of text. */
const MAX_REPORTED = 25;

/**
 * Parses a draft text; a text with errors is refused with each problem and its line
 * as a field error of `field` (the page shows them in its error summary).
 */
export function parseOrRefuse(text: unknown, field = 'text'): ParsedDraft {
  if (typeof text !== 'string' || !text.trim()) {
    throw new AppError('validation_failed', { fields: [{ field, key: 'common:errors.field.required', params: { field: label('consultations:fieldRef.text') } }] });
  }
  const parsed = parseDraftText(text);
  if (hasErrors(parsed)) throw new AppError('consultations.import_failed', { status: 400, fields: importErrors(parsed.issues, field) });
  return parsed;
}

export function importErrors(issues: readonly ImportIssue[], field = 'text'): FieldError[] {
  return issues
    .filter((i) => i.severity === 'error')
    .slice(0, MAX_REPORTED)
    .map((i) => ({ field, key: `consultations:import.${i.code}`, params: { line: i.line, ...i.params } }));
}

/** Warnings kept with the version for staff to review ("article 7 has no text"). */
function warningsOf(parsed: ParsedDraft): ImportIssue[] {
  return parsed.issues.filter((i) => i.severity === 'warning').slice(0, 100);
}

async function elementsForMatching(q: Queryable, versionId: number): Promise<ExistingElement[]> {
  const rows = await q.selectFrom('consultation_element').where('version_id', '=', versionId).select(['unit_id', 'kind', 'number', 'heading', 'body']).orderBy('position').execute();
  return rows.map((r) => ({ unitId: r.unit_id, kind: r.kind, number: r.number, heading: r.heading, body: r.body }));
}

/**
 * Writes a version's elements: new units for elements that match none, then the rows,
 * each paragraph pointing at its article and each article at its chapter.
 */
export async function storeElements(tx: Tx, consultationId: number, versionId: number, elements: readonly DraftElement[], units: readonly (number | null)[]): Promise<void> {
  const missing = elements.map((e, i) => (units[i] === null || units[i] === undefined ? i : -1)).filter((i) => i >= 0);
  const resolved = [...units] as (number | null)[];
  for (let start = 0; start < missing.length; start += 1000) {
    const batch = missing.slice(start, start + 1000);
    const ids = await tx
      .insertInto('consultation_unit')
      .values(batch.map((i) => ({ consultation_id: consultationId, kind: elements[i]!.kind })))
      .returning('id')
      .execute();
    batch.forEach((i, k) => (resolved[i] = ids[k]!.id));
  }
  let chapter: number | null = null;
  let article: number | null = null;
  const rows = elements.map((e, position) => {
    const unit = resolved[position]!;
    if (e.kind === 'chapter') {
      chapter = unit;
      article = null;
    } else if (e.kind === 'article') article = unit;
    else if (e.kind === 'preamble') article = null;
    return {
      version_id: versionId,
      unit_id: unit,
      position,
      kind: e.kind,
      number: e.number,
      heading: e.heading,
      body: e.body,
      article_unit_id: e.kind === 'article' || e.kind === 'paragraph' || e.kind === 'point' ? article : null,
      chapter_unit_id: e.kind === 'preamble' ? null : chapter,
      source_line: e.line || null,
    };
  });
  for (let start = 0; start < rows.length; start += 500) await tx.insertInto('consultation_element').values(rows.slice(start, start + 500)).execute();
}

/**
 * Replaces the text of the version in preparation with a newly imported one. Articles
 * keep their identity where they match the last published version (or, before
 * publication, the text being replaced), so comments and addresses survive.
 */
export async function replaceDraftText(db: Db, consultationId: number, text: string, _actor: ActorRef, _ctx: CommandContext): Promise<{ versionNumber: number; warnings: ImportIssue[] }> {
  const parsed = parseOrRefuse(text);
  return db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'update');
    if (c.status === 'finished') throw new AppError('consultations.finished', { status: 409 });
    const draft = await draftVersionRow(tx, c.id);
    if (!draft) throw new AppError('consultations.no_version_in_preparation', { status: 409 });
    const base = (await currentVersionRow(tx, c.id)) ?? draft;
    const units = matchUnits(await elementsForMatching(tx, base.id), parsed.elements);
    await tx.deleteFrom('consultation_element').where('version_id', '=', draft.id).execute();
    await storeElements(tx, c.id, draft.id, parsed.elements, units);
    const warnings = warningsOf(parsed);
    await tx.updateTable('consultation_version').set({ import_issues: JSON.stringify(warnings) }).where('id', '=', draft.id).execute();
    await tx.updateTable('consultation').set({ updated_at: sql`now()` }).where('id', '=', c.id).execute();
    return { versionNumber: draft.number, warnings };
  });
}

/** Edits one chapter, article, paragraph or point of the version in preparation. */
export async function editElement(db: Db, consultationId: number, elementId: number, input: { heading: unknown; body: unknown }, _actor: ActorRef, _ctx: CommandContext): Promise<{ unitId: number }> {
  const errors: FieldError[] = [];
  const heading = checkText(errors, 'heading', input.heading, 'consultations:fieldRef.heading', { max: IMPORT_LIMITS.heading, optional: true });
  const body = checkText(errors, 'body', input.body, 'consultations:fieldRef.elementText', { max: IMPORT_LIMITS.body, optional: true });
  throwIfErrors(errors);
  return db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'update');
    const draft = await draftVersionRow(tx, c.id);
    if (!draft) throw new AppError('consultations.no_version_in_preparation', { status: 409 });
    const element = Number.isSafeInteger(elementId)
      ? await tx.selectFrom('consultation_element').where('id', '=', elementId).where('version_id', '=', draft.id).select(['id', 'kind', 'unit_id']).executeTakeFirst()
      : undefined;
    if (!element) throw new AppError('consultations.unknown_element', { status: 404 });
    if ((element.kind === 'paragraph' || element.kind === 'point') && !body) {
      throw new AppError('validation_failed', { fields: [{ field: 'body', key: 'common:errors.field.required', params: { field: label('consultations:fieldRef.elementText') } }] });
    }
    await tx
      .updateTable('consultation_element')
      .set({ heading: element.kind === 'paragraph' || element.kind === 'point' || element.kind === 'preamble' ? '' : heading!, body: body! })
      .where('id', '=', element.id)
      .execute();
    return { unitId: element.unit_id };
  });
}

/**
 * Starts the next version from the current text (or an imported one): staff then edit
 * it and publish it with a note of what changed.
 */
export async function startNewVersion(db: Db, consultationId: number, text: string | null, actor: ActorRef, ctx: CommandContext): Promise<{ versionNumber: number; warnings: ImportIssue[] }> {
  const parsed = text && text.trim() ? parseOrRefuse(text) : null;
  return db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'update');
    if (c.status === 'draft') throw new AppError('consultations.not_published', { status: 409 });
    if (c.status === 'finished') throw new AppError('consultations.finished', { status: 409 });
    if (await draftVersionRow(tx, c.id)) throw new AppError('consultations.version_in_preparation', { status: 409 });
    const current = (await currentVersionRow(tx, c.id))!;
    const version = await tx
      .insertInto('consultation_version')
      .values({ consultation_id: c.id, number: current.number + 1, created_by: actor.accountId, created_at: ctx.now, import_issues: JSON.stringify(parsed ? warningsOf(parsed) : []) })
      .returning(['id', 'number'])
      .executeTakeFirstOrThrow();
    if (parsed) {
      const units = matchUnits(await elementsForMatching(tx, current.id), parsed.elements);
      await storeElements(tx, c.id, version.id, parsed.elements, units);
    } else {
      // A copy keeps every unit as it is; staff edit from there.
      await sql`INSERT INTO consultation_element (version_id, unit_id, position, kind, number, heading, body, article_unit_id, chapter_unit_id, source_line)
        SELECT ${version.id}, unit_id, position, kind, number, heading, body, article_unit_id, chapter_unit_id, source_line
        FROM consultation_element WHERE version_id = ${current.id}`.execute(tx);
    }
    return { versionNumber: version.number, warnings: parsed ? warningsOf(parsed) : [] };
  });
}

/** Drops a version in preparation (never version 1, which is the draft consultation itself). */
export async function discardDraftVersion(db: Db, consultationId: number, _actor: ActorRef, _ctx: CommandContext): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'update');
    const draft = await draftVersionRow(tx, c.id);
    if (!draft || draft.number === 1) throw new AppError('consultations.no_version_in_preparation', { status: 409 });
    await tx.deleteFrom('consultation_element').where('version_id', '=', draft.id).execute();
    await tx.deleteFrom('consultation_version').where('id', '=', draft.id).execute();
  });
}

/**
 * Publishes the version in preparation: from now on it is the text people read and
 * comment on, the previous one stays readable at its address. Accepted and partly
 * accepted comments on the articles this version changes are linked to the change
 * (and accepted comments on the draft as a whole to the version), followers are told.
 */
export async function publishVersion(db: Db, consultationId: number, changeNoteInput: unknown, actor: ActorRef, ctx: CommandContext): Promise<{ versionNumber: number }> {
  const errors: FieldError[] = [];
  const changeNote = checkText(errors, 'change_note', changeNoteInput, 'consultations:fieldRef.changeNote', { min: LIMITS.reasonMin, max: LIMITS.changeNote });
  throwIfErrors(errors);
  return db.transaction().execute(async (tx) => {
    const c = await lockConsultation(tx, consultationId, 'update');
    if (c.status === 'draft') throw new AppError('consultations.not_published', { status: 409 });
    if (c.status === 'finished') throw new AppError('consultations.finished', { status: 409 });
    const draft = await draftVersionRow(tx, c.id);
    if (!draft || draft.number === 1) throw new AppError('consultations.no_version_in_preparation', { status: 409 });
    const current = (await currentVersionRow(tx, c.id))!;
    const [before, after] = await Promise.all([elementsForMatching(tx, current.id), elementsForMatching(tx, draft.id)]);
    if (!after.some((e) => e.kind === 'article')) throw new AppError('consultations.no_articles', { status: 409 });
    const changes = compareVersions(before, after);
    const summary = summarise(changes);
    if (changes.every((ch) => ch.status === 'unchanged')) throw new AppError('consultations.no_changes', { status: 409 });

    // Comments only see versions through this one statement, so the text cannot change under it.
    await tx.updateTable('consultation_version').set({ change_note: changeNote!, published_at: ctx.now }).where('id', '=', draft.id).execute();
    const touched = changes.filter((ch) => (ch.status === 'changed' || ch.status === 'removed') && (ch.before ?? ch.after)!.kind === 'article').map((ch) => ch.unitId);
    let linked = 0;
    if (touched.length) {
      const result = await sql`INSERT INTO consultation_change_link (version_id, unit_id, comment_id)
        SELECT ${draft.id}, cc.article_unit_id, cc.id
        FROM consultation_comment cc JOIN consultation_answer a ON a.id = cc.answer_id
        WHERE cc.consultation_id = ${c.id} AND cc.status = 'published'
          AND a.category IN ('accepted', 'partly_accepted')
          AND cc.article_unit_id = ANY(${touched}::int[])
          AND NOT EXISTS (SELECT 1 FROM consultation_change_link l WHERE l.comment_id = cc.id)`.execute(tx);
      linked += Number(result.numAffectedRows ?? 0);
    }
    const general = await sql`INSERT INTO consultation_change_link (version_id, unit_id, comment_id)
      SELECT ${draft.id}, NULL, cc.id
      FROM consultation_comment cc JOIN consultation_answer a ON a.id = cc.answer_id
      WHERE cc.consultation_id = ${c.id} AND cc.status = 'published' AND cc.article_unit_id IS NULL
        AND a.category IN ('accepted', 'partly_accepted')
        AND NOT EXISTS (SELECT 1 FROM consultation_change_link l WHERE l.comment_id = cc.id)`.execute(tx);
    linked += Number(general.numAffectedRows ?? 0);

    await tx.updateTable('consultation').set({ updated_at: ctx.now }).where('id', '=', c.id).execute();
    await appendPublicEvent(tx, {
      kind: consultationVersionPublished,
      subject: consultationSubject(c.id),
      occurredAt: ctx.now,
      payload: {
        consultation: c.id,
        body: c.body_slug,
        version: draft.number,
        articles: after.filter((e) => e.kind === 'article').length,
        changed: summary.changed,
        added: summary.added,
        removed: summary.removed,
        comments_answered: linked,
      },
    });
    await enqueueJob(tx, NOTIFY_TASK, { consultationId: c.id, kind: 'version', version: draft.number });
    return { versionNumber: draft.number };
  });
}
