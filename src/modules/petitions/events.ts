import Type from 'typebox';
import { definePublicEvent } from '../../shared/public-record/events.js';
import { definePublicSubject } from '../../shared/public-record/subjects.js';
import { ConsequenceSchema, LevelSchema, LIMITS, OutcomeSchema, ReasonSchema } from './model.js';

/**
 * What the public record says about petitions: moderation decisions, steps reached with
 * their time, closing, official responses and invalidations. Never the creator, a
 * signer, a contact detail or a hash of one: counts, dates, bodies and public texts only.
 */
const petition = Type.Integer({ minimum: 1 });
const body = Type.String({ maxLength: 80 });
const instant = Type.String({ format: 'date-time' });
const strict = { additionalProperties: false } as const;

export const petitionSubmitted = definePublicEvent(
  'petitions.submitted',
  Type.Object({ petition, body, supporters: Type.Integer({ minimum: 0 }), moderation_due_at: instant }, strict),
);
export const petitionPublished = definePublicEvent(
  'petitions.published',
  Type.Object({ petition, body, title: Type.String({ maxLength: LIMITS.title }), action: Type.String({ maxLength: LIMITS.action }), opened_at: instant, closes_at: instant, min_level: LevelSchema }, strict),
);
export const petitionRejected = definePublicEvent(
  'petitions.rejected',
  Type.Object({ petition, body, reason: ReasonSchema, title: Type.Union([Type.String({ maxLength: LIMITS.title }), Type.Null()]), duplicate_of: Type.Union([petition, Type.Null()]) }, strict),
);
export const petitionStepReached = definePublicEvent(
  'petitions.step_reached',
  Type.Object(
    {
      petition,
      body,
      position: Type.Integer({ minimum: 1 }),
      counts: Type.Union([Type.Literal('supporters'), Type.Literal('votes')]),
      threshold: Type.Integer({ minimum: 1 }),
      consequence: ConsequenceSchema,
      reached_at: instant,
      due_at: Type.Union([instant, Type.Null()]),
    },
    strict,
  ),
);
export const petitionClosed = definePublicEvent('petitions.closed', Type.Object({ petition, body, votes: Type.Integer({ minimum: 0 }), early: Type.Boolean() }, strict));
export const petitionResponded = definePublicEvent(
  'petitions.responded',
  Type.Object(
    {
      petition,
      body,
      kind: Type.Union([Type.Literal('response'), Type.Literal('outcome')]),
      outcome: Type.Union([OutcomeSchema, Type.Null()]),
      step: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
      on_time: Type.Union([Type.Boolean(), Type.Null()]),
      text: Type.String({ maxLength: LIMITS.response }),
    },
    strict,
  ),
);
export const signaturesInvalidated = definePublicEvent(
  'petitions.signatures_invalidated',
  Type.Object({ petition, count: Type.Integer({ minimum: 1 }), reason: Type.String({ maxLength: LIMITS.invalidationReason }) }, strict),
);
export const ladderSet = definePublicEvent(
  'petitions.ladder_set',
  Type.Object(
    {
      body,
      open_days: Type.Integer(),
      min_level: LevelSchema,
      steps: Type.Array(
        Type.Object(
          {
            counts: Type.Union([Type.Literal('supporters'), Type.Literal('votes')]),
            threshold: Type.Integer(),
            consequence: ConsequenceSchema,
            act_within_days: Type.Union([Type.Integer(), Type.Null()]),
            closes_voting: Type.Boolean(),
          },
          strict,
        ),
      ),
    },
    strict,
  ),
);

definePublicSubject('petition', (id) => `/petitions/${encodeURIComponent(id)}`);

export function petitionSubject(id: number): string {
  return `petition/${id}`;
}
