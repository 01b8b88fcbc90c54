import type { Db } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { enqueueJob } from '../../../shared/jobs/queue.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { assessmentPublished, milestoneSubject } from '../events.js';
import { disagrees, fromColumns, LIMITS } from '../model.js';
import { DISAGREEMENT_TASK } from '../task-names.js';
import { checkStatusAndLinks, checkText, invalid, lockMilestone } from './common.js';

export interface AssessmentInput {
  /** The CSO the assessment is published for, as chosen in the form. */
  organisationId: number | null;
  status: string;
  justification: string;
  evidence: string;
  links: string;
  lang: 'mn' | 'en';
}

export interface Assessor {
  accountId: number;
  /** The CSOs the person is a member of (the caller's actor). */
  csoIds: readonly number[];
}

/**
 * A CSO's independent assessment of a milestone, on the government's scale, with a
 * justification: a new version of that organisation's view (earlier ones stay readable).
 * Refuses anyone who is not a member of the organisation, a status outside the scale,
 * links that are not addresses and a closed plan, writing nothing. When it disagrees with
 * the government's current status, the lead body's staff are told (a job, so they get
 * it even if mail is down now). Records `commitments.assessment_published`.
 */
export async function assessMilestone(db: Db, planId: number, milestoneId: number, assessor: Assessor, input: AssessmentInput, now: Date): Promise<{ version: number; assessmentId: number; disagrees: boolean }> {
  const fields: FieldError[] = [];
  if (input.organisationId === null) fields.push({ field: 'organisation', key: 'common:errors.field.choose', params: { field: label('commitments:field.organisation') } });
  const { status, links } = checkStatusAndLinks(input, fields);
  const justification = checkText(input.justification, 'justification', 'commitments:field.justification', LIMITS.justificationMin, LIMITS.justification, fields);
  const evidence = checkText(input.evidence, 'evidence', 'commitments:field.csoEvidence', 1, LIMITS.evidence, fields, false);
  // Membership is checked before the form's other fields: a stranger learns nothing from the messages.
  if (input.organisationId !== null && !assessor.csoIds.includes(input.organisationId)) throw new AppError('commitments.not_member', { status: 403 });
  if (fields.length || status === null || input.organisationId === null) throw invalid(fields);
  const organisationId = input.organisationId;

  return db.transaction().execute(async (tx) => {
    const milestone = await lockMilestone(tx, planId, milestoneId);
    const organisation = await tx.selectFrom('organisation').where('id', '=', organisationId).select(['slug', 'kind']).executeTakeFirst();
    if (!organisation || organisation.kind !== 'cso') throw new AppError('commitments.not_member', { status: 403 });
    const last = await tx
      .selectFrom('commitment_assessment')
      .where('milestone_id', '=', milestoneId)
      .where('organisation_id', '=', organisationId)
      .select((eb) => eb.fn.max('version').as('v'))
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const government = await tx.selectFrom('commitment_report').where('milestone_id', '=', milestoneId).orderBy('version', 'desc').select(['status', 'status_up_to']).executeTakeFirst();
    const differs = disagrees(status, government ? fromColumns(government) : null);
    const row = await tx
      .insertInto('commitment_assessment')
      .values({
        milestone_id: milestoneId,
        organisation_id: organisationId,
        organisation_as_printed: null,
        version,
        status,
        status_up_to: null,
        justification,
        evidence,
        lang: input.lang,
        links,
        assessed_on: null,
        assessed_at: now,
        assessed_by: assessor.accountId,
        source: 'platform',
        import_kind: null,
        position: 0,
        note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendPublicEvent(tx, {
      kind: assessmentPublished,
      subject: milestoneSubject(milestone.slug, milestoneId),
      payload: { plan: milestone.slug, commitment: milestone.number, milestone: milestoneId, version, status, organisation: organisation.slug, disagrees: differs },
      occurredAt: now,
    });
    if (differs) await enqueueJob(tx, DISAGREEMENT_TASK, { assessmentId: row.id });
    return { version, assessmentId: row.id, disagrees: differs };
  });
}
