import type { Db } from '../../../shared/db/database.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { milestoneSubject, progressReported } from '../events.js';
import type { EvidenceFile } from '../files.js';
import { LIMITS } from '../model.js';
import { checkStatusAndLinks, checkText, invalid, lockMilestone } from './common.js';

export interface ReportInput {
  /** As typed or chosen: checked against the scale here. */
  status: string;
  evidence: string;
  /** One address per line. */
  links: string;
  files: EvidenceFile[];
  lang: 'mn' | 'en';
}

export interface Reporter {
  accountId: number;
  /** The bodies the person works for (the caller's actor). */
  bodyIds: readonly number[];
}

/**
 * A new progress report on a milestone by its lead body: the next version, with status,
 * evidence, links and files. Earlier versions stay as they are; the latest is the
 * milestone's status. Refuses a status outside the scale, links that are not addresses,
 * a closed plan, and anyone but the lead body's staff; all in one transaction, so a
 * refused report leaves nothing behind. Records `commitments.progress_reported`.
 */
export async function reportProgress(db: Db, planId: number, milestoneId: number, reporter: Reporter, input: ReportInput, now: Date): Promise<{ version: number; reportId: number }> {
  const fields: FieldError[] = [];
  const { status, links } = checkStatusAndLinks(input, fields);
  const evidence = checkText(input.evidence, 'evidence', 'commitments:field.evidence', 10, LIMITS.evidence, fields);
  if (fields.length || status === null) throw invalid(fields);

  return db.transaction().execute(async (tx) => {
    const milestone = await lockMilestone(tx, planId, milestoneId);
    if (!reporter.bodyIds.includes(milestone.lead_body_id)) throw new AppError('commitments.not_lead_staff', { status: 403 });
    const last = await tx.selectFrom('commitment_report').where('milestone_id', '=', milestoneId).select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const body = await tx.selectFrom('organisation').where('id', '=', milestone.lead_body_id).select('slug').executeTakeFirstOrThrow();
    const report = await tx
      .insertInto('commitment_report')
      .values({
        milestone_id: milestoneId,
        version,
        status,
        status_up_to: null,
        evidence,
        lang: input.lang,
        links,
        body_id: milestone.lead_body_id,
        reported_by: reporter.accountId,
        reported_at: now,
        source: 'platform',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.files.length) {
      await tx
        .insertInto('commitment_report_file')
        .values(input.files.map((f) => ({ report_id: report.id, filename: f.filename, media_type: f.mediaType, size: f.bytes.length, bytes: f.bytes })))
        .execute();
    }
    await appendPublicEvent(tx, {
      kind: progressReported,
      subject: milestoneSubject(milestone.slug, milestoneId),
      payload: { plan: milestone.slug, commitment: milestone.number, milestone: milestoneId, version, status, body: body.slug, files: input.files.length, links: links.length },
      occurredAt: now,
    });
    return { version, reportId: report.id };
  });
}
