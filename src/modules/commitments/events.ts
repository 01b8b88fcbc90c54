import Type from 'typebox';
import { definePublicEvent } from '../../shared/public-record/events.js';
import { definePublicSubject } from '../../shared/public-record/subjects.js';
import { PROGRESS_VALUES } from './model.js';

/**
 * What the public record says about commitments: which plan was imported or closed, that
 * a body reported a milestone's progress (its status and version), that a CSO published
 * an assessment, that a body answered a comment. Never who wrote them, and not the texts
 * themselves (evidence, justifications, comments may name people; the pages show them,
 * the record that can never be corrected does not).
 *
 * Subjects: 'commitment_plan/<plan>' and 'commitment_milestone/<plan>.<milestone id>' (a
 * subject's key has no slash; plan addresses have no dot).
 */
const slug = Type.String({ maxLength: 80 });
const id = Type.Integer({ minimum: 1 });
const strict = { additionalProperties: false } as const;
const status = Type.Union([Type.Enum([...PROGRESS_VALUES]), Type.Null()]);

export const planImported = definePublicEvent(
  'commitments.plan_imported',
  Type.Object(
    {
      plan: slug,
      kind: Type.Union([Type.Literal('national'), Type.Literal('local')]),
      owner: slug,
      title_mn: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
      title_en: Type.Union([Type.String({ maxLength: 500 }), Type.Null()]),
      commitments: Type.Integer({ minimum: 0 }),
      milestones: Type.Integer({ minimum: 0 }),
    },
    strict,
  ),
);
export const planCreated = definePublicEvent(
  'commitments.plan_created',
  Type.Object(
    {
      plan: slug,
      kind: Type.Union([Type.Literal('national'), Type.Literal('local')]),
      owner: slug,
      title_mn: Type.Union([Type.String({ maxLength: 1000 }), Type.Null()]),
      title_en: Type.Union([Type.String({ maxLength: 1000 }), Type.Null()]),
    },
    strict,
  ),
);
export const commitmentAdded = definePublicEvent(
  'commitments.commitment_added',
  Type.Object({ plan: slug, commitment: id, title_mn: Type.Union([Type.String({ maxLength: 1000 }), Type.Null()]), title_en: Type.Union([Type.String({ maxLength: 1000 }), Type.Null()]) }, strict),
);
export const milestoneAdded = definePublicEvent(
  'commitments.milestone_added',
  Type.Object({ plan: slug, commitment: id, milestone: id, sequence: id, lead: slug, due: Type.Union([Type.String({ maxLength: 10 }), Type.Null()]) }, strict),
);
export const planClosed = definePublicEvent('commitments.plan_closed', Type.Object({ plan: slug }, strict));
export const planReopened = definePublicEvent('commitments.plan_reopened', Type.Object({ plan: slug }, strict));
export const progressReported = definePublicEvent(
  'commitments.progress_reported',
  Type.Object({ plan: slug, commitment: id, milestone: id, version: id, status, body: slug, files: Type.Integer({ minimum: 0 }), links: Type.Integer({ minimum: 0 }) }, strict),
);
export const assessmentPublished = definePublicEvent(
  'commitments.assessment_published',
  Type.Object({ plan: slug, commitment: id, milestone: id, version: id, status, organisation: slug, disagrees: Type.Boolean() }, strict),
);
export const commentAnswered = definePublicEvent('commitments.comment_answered', Type.Object({ plan: slug, comment: id, body: slug }, strict));

export function planSubject(planSlug: string): string {
  return `commitment_plan/${planSlug}`;
}

export function milestoneSubject(planSlug: string, milestoneId: number): string {
  return `commitment_milestone/${planSlug}.${milestoneId}`;
}

definePublicSubject('commitment_plan', (key) => `/commitments/${encodeURIComponent(key)}`);
definePublicSubject('commitment_milestone', (key) => {
  const dot = key.lastIndexOf('.');
  const plan = key.slice(0, Math.max(0, dot));
  const milestone = key.slice(dot + 1);
  return `/commitments/${encodeURIComponent(plan)}/milestones/${encodeURIComponent(milestone)}`;
});
