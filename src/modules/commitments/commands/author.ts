import { sql } from 'kysely';
import type { Db } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { isSlug } from '../../bodies/schemas.js';
import { commitmentAdded, milestoneAdded, milestoneSubject, planCreated, planSubject } from '../events.js';
import { isRealDate } from '../format.js';
import { RESERVED_SLUGS } from '../import.js';
import type { PlanKind } from '../model.js';
import { invalid, planClosed } from './common.js';

/**
 * Writing a plan on the platform (a soum's priorities agreed at a workshop need no file):
 * a plan, then its commitments, then their milestones. Texts in Mongolian, English or
 * both. Each step checks every field at once, writes in one transaction and records its
 * public event; nothing is changed once added (new versions come as reports).
 */

const TITLE = { min: 3, max: 1000 };

function title(fields: FieldError[], mn: string, en: string, field = 'title'): { mn: string | null; en: string | null } {
  const a = mn.trim();
  const b = en.trim();
  if (!a && !b) fields.push({ field: `${field}_mn`, key: 'commitments:errors.title_needed' });
  for (const [name, value] of [
    [`${field}_mn`, a],
    [`${field}_en`, b],
  ] as const) {
    if (value && value.length < TITLE.min) fields.push({ field: name, key: 'common:errors.field.tooShort', params: { field: label(`commitments:field.${name}`), min: TITLE.min } });
    if (value.length > TITLE.max) fields.push({ field: name, key: 'common:errors.field.tooLong', params: { field: label(`commitments:field.${name}`), max: TITLE.max } });
  }
  return { mn: a || null, en: b || null };
}

export interface PlanInput {
  slug: string;
  titleMn: string;
  titleEn: string;
  kind: PlanKind | '';
  placeCode: string;
  start: string;
  end: string;
  ownerBodyId: number | null;
}

export async function createPlan(db: Db, input: PlanInput, now: Date): Promise<string> {
  const fields: FieldError[] = [];
  const slug = input.slug.trim();
  if (!isSlug(slug) || RESERVED_SLUGS.includes(slug)) fields.push({ field: 'slug', key: 'commitments:import.problem.slug_format' });
  const names = title(fields, input.titleMn, input.titleEn);
  if (input.kind !== 'national' && input.kind !== 'local') fields.push({ field: 'kind', key: 'common:errors.field.choose', params: { field: label('commitments:field.planKind') } });
  const place = input.placeCode.trim() || null;
  if (input.kind === 'local' && !place) fields.push({ field: 'place', key: 'commitments:import.problem.local_needs_place' });
  if (input.kind === 'national' && place) fields.push({ field: 'place', key: 'commitments:import.problem.national_has_no_place' });
  const startOk = isRealDate(input.start);
  const endOk = isRealDate(input.end);
  if (!startOk) fields.push({ field: 'start', key: 'commitments:errors.bad_date', params: { field: label('commitments:field.start') } });
  if (!endOk) fields.push({ field: 'end', key: 'commitments:errors.bad_date', params: { field: label('commitments:field.end') } });
  if (startOk && endOk && input.end < input.start) fields.push({ field: 'end', key: 'commitments:errors.end_before_start' });
  if (input.ownerBodyId === null) fields.push({ field: 'owner', key: 'commitments:import.problem.unknown_owner' });
  return db.transaction().execute(async (tx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext('irgen:commitment-plans'))`.execute(tx);
    if (fields.every((f) => f.field !== 'slug') && (await tx.selectFrom('commitment_plan').where('slug', '=', slug).select('id').executeTakeFirst())) {
      fields.push({ field: 'slug', key: 'commitments:import.problem.slug_taken' });
    }
    const owner = input.ownerBodyId === null ? undefined : await tx.selectFrom('body').innerJoin('organisation as o', 'o.id', 'body.organisation_id').where('o.id', '=', input.ownerBodyId).select('o.slug').executeTakeFirst();
    if (input.ownerBodyId !== null && !owner) fields.push({ field: 'owner', key: 'commitments:import.problem.unknown_owner' });
    if (place && !(await tx.selectFrom('place').where('code', '=', place).select('code').executeTakeFirst())) fields.push({ field: 'place', key: 'commitments:import.problem.unknown_place' });
    if (fields.length || !owner || (input.kind !== 'national' && input.kind !== 'local')) throw invalid(fields);
    const label_ = input.start.slice(0, 4) === input.end.slice(0, 4) ? input.start.slice(0, 4) : `${input.start.slice(0, 4)}-${input.end.slice(0, 4)}`;
    await tx
      .insertInto('commitment_plan')
      .values({
        slug,
        kind: input.kind,
        title_mn: names.mn,
        title_en: names.en,
        owner_body_id: input.ownerBodyId!,
        place_code: place,
        period_label: label_,
        period_start: input.start,
        period_end: input.end,
        source: 'platform',
        created_at: now,
      })
      .execute();
    await appendPublicEvent(tx, { kind: planCreated, subject: planSubject(slug), payload: { plan: slug, kind: input.kind, owner: owner.slug, title_mn: names.mn, title_en: names.en }, occurredAt: now });
    return slug;
  });
}

export interface CommitmentInput {
  titleMn: string;
  titleEn: string;
  objectiveMn: string;
  objectiveEn: string;
  leadBodyIds: number[];
}

export async function addCommitment(db: Db, planId: number, input: CommitmentInput, now: Date): Promise<number> {
  const fields: FieldError[] = [];
  const names = title(fields, input.titleMn, input.titleEn);
  const leads = [...new Set(input.leadBodyIds)];
  if (leads.length === 0) fields.push({ field: 'lead', key: 'common:errors.field.choose', params: { field: label('commitments:field.lead') } });
  return db.transaction().execute(async (tx) => {
    const plan = await tx.selectFrom('commitment_plan').where('id', '=', planId).select(['slug', 'closed_at']).forUpdate().executeTakeFirst();
    if (!plan) throw new AppError('not_found');
    if (plan.closed_at !== null) throw planClosed();
    const bodies = leads.length ? await tx.selectFrom('body').where('organisation_id', 'in', leads).select('organisation_id').execute() : [];
    if (bodies.length !== leads.length) fields.push({ field: 'lead', key: 'commitments:errors.unknown_body' });
    if (fields.length) throw invalid(fields);
    const last = await tx.selectFrom('commitment').where('plan_id', '=', planId).select((eb) => eb.fn.max('number').as('n')).executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    const row = await tx
      .insertInto('commitment')
      .values({ plan_id: planId, number, title_mn: names.mn, title_en: names.en, objective_mn: input.objectiveMn.trim() || null, objective_en: input.objectiveEn.trim() || null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('commitment_party')
      .values(leads.map((organisation_id, position) => ({ commitment_id: row.id, organisation_id, role: 'lead' as const, position })))
      .execute();
    await appendPublicEvent(tx, { kind: commitmentAdded, subject: planSubject(plan.slug), payload: { plan: plan.slug, commitment: number, title_mn: names.mn, title_en: names.en }, occurredAt: now });
    return number;
  });
}

export interface MilestoneInput {
  titleMn: string;
  titleEn: string;
  leadBodyId: number | null;
  due: string;
}

export async function addMilestone(db: Db, planId: number, commitmentNumber: number, input: MilestoneInput, now: Date): Promise<number> {
  const fields: FieldError[] = [];
  const names = title(fields, input.titleMn, input.titleEn);
  if (input.leadBodyId === null) fields.push({ field: 'lead', key: 'common:errors.field.choose', params: { field: label('commitments:field.lead') } });
  const due = input.due.trim();
  if (due && !isRealDate(due)) fields.push({ field: 'due', key: 'commitments:errors.bad_date', params: { field: label('commitments:field.due') } });
  return db.transaction().execute(async (tx) => {
    const commitment = await tx
      .selectFrom('commitment as c')
      .innerJoin('commitment_plan as p', 'p.id', 'c.plan_id')
      .where('c.plan_id', '=', planId)
      .where('c.number', '=', commitmentNumber)
      .select(['c.id', 'p.slug', 'p.closed_at'])
      .forUpdate('c')
      .executeTakeFirst();
    if (!commitment) throw new AppError('not_found');
    if (commitment.closed_at !== null) throw planClosed();
    const lead = input.leadBodyId === null ? undefined : await tx.selectFrom('body').innerJoin('organisation as o', 'o.id', 'body.organisation_id').where('o.id', '=', input.leadBodyId).select(['o.id', 'o.slug']).executeTakeFirst();
    if (input.leadBodyId !== null && !lead) fields.push({ field: 'lead', key: 'commitments:errors.unknown_body' });
    if (fields.length || !lead) throw invalid(fields);
    const last = await tx.selectFrom('commitment_milestone').where('commitment_id', '=', commitment.id).select((eb) => eb.fn.max('sequence').as('n')).executeTakeFirst();
    const sequence = Number(last?.n ?? 0) + 1;
    const row = await tx
      .insertInto('commitment_milestone')
      .values({ commitment_id: commitment.id, sequence, title_mn: names.mn, title_en: names.en, lead_body_id: lead.id, due_on: due || null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('commitment_milestone_implementer').values({ milestone_id: row.id, organisation_id: lead.id, position: 0 }).execute();
    // The lead body also becomes a party of the commitment, so its page lists it.
    await tx
      .insertInto('commitment_party')
      .values({ commitment_id: commitment.id, organisation_id: lead.id, role: 'lead', position: 100 + sequence })
      .onConflict((oc) => oc.columns(['commitment_id', 'organisation_id']).doNothing())
      .execute();
    await appendPublicEvent(tx, {
      kind: milestoneAdded,
      subject: milestoneSubject(commitment.slug, row.id),
      payload: { plan: commitment.slug, commitment: commitmentNumber, milestone: row.id, sequence, lead: lead.slug, due: due || null },
      occurredAt: now,
    });
    return row.id;
  });
}
