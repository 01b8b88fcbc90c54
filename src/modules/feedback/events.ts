import Type from 'typebox';
import { definePublicEvent } from '../../shared/public-record/events.js';
import { ChannelSchema, KindSchema } from './model.js';

/**
 * What the public record says about feedback. Never names, contact details or the
 * submitter's own words: only codes, categories, places (at soum level at most, so a
 * private complaint from a small bagh cannot be traced to a household), bodies, dates
 * and outcomes. The published summary enters only after a moderator removed personal data.
 */
const code = Type.String({ pattern: '^[A-Z0-9]{8}$' });
const slug = Type.String({ maxLength: 80 });
const instant = Type.String({ format: 'date-time' });
const strict = { additionalProperties: false } as const;

export const feedbackReceived = definePublicEvent(
  'feedback.received',
  Type.Object({ code, kind: KindSchema, category: Type.String(), place: Type.String({ maxLength: 4 }), body: slug, channel: ChannelSchema, due_at: instant }, strict),
);
export const feedbackAssigned = definePublicEvent('feedback.assigned', Type.Object({ code, body: slug }, strict));
export const feedbackStarted = definePublicEvent('feedback.started', Type.Object({ code, body: slug }, strict));
export const feedbackForwarded = definePublicEvent('feedback.forwarded', Type.Object({ code, from_body: slug, to_body: slug }, strict));
export const feedbackExtended = definePublicEvent('feedback.extended', Type.Object({ code, body: slug, days: Type.Integer({ minimum: 1, maximum: 30 }), due_at: instant }, strict));
export const feedbackAnswered = definePublicEvent(
  'feedback.answered',
  Type.Object({ code, body: slug, resolution: Type.Union([Type.Literal('resolved'), Type.Literal('rejected')]), on_time: Type.Boolean() }, strict),
);
export const feedbackRated = definePublicEvent('feedback.rated', Type.Object({ code, body: slug, satisfaction: Type.Union([Type.Literal('satisfied'), Type.Literal('unsatisfied')]) }, strict));
export const feedbackReopened = definePublicEvent('feedback.reopened', Type.Object({ code, body: slug, due_at: instant }, strict));
export const feedbackEscalated = definePublicEvent('feedback.escalated', Type.Object({ code, from_body: slug, to_body: slug, due_at: instant }, strict));
export const feedbackClosed = definePublicEvent('feedback.closed', Type.Object({ code, body: slug }, strict));
export const feedbackPublished = definePublicEvent(
  'feedback.published',
  Type.Object({ code, version: Type.Integer({ minimum: 1 }), title: Type.String({ maxLength: 200 }), summary: Type.String({ maxLength: 5000 }) }, strict),
);
export const feedbackWithheld = definePublicEvent('feedback.withheld', Type.Object({ code }, strict));

export function feedbackSubject(code: string): string {
  return `feedback/${code}`;
}
