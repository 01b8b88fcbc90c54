import Type from 'typebox';
import { definePublicEvent } from '../../shared/public-record/events.js';
import { definePublicSubject } from '../../shared/public-record/subjects.js';
import { AnswerCategorySchema, ChannelSchema, KindSchema } from './model.js';

/**
 * What the public record says about consultations. Never who commented: a comment is by
 * "citizen" or by the slug of the organisation it was made for. Never a comment's words
 * either: a moderator may still have to remove them, and the record is forever. The
 * texts themselves are versioned in their own tables and readable at their addresses.
 */
const consultation = Type.Integer({ minimum: 1 });
const comment = Type.Integer({ minimum: 1 });
const slug = Type.String({ maxLength: 80 });
const instant = Type.String({ format: 'date-time' });
const count = Type.Integer({ minimum: 0 });
const strict = { additionalProperties: false } as const;

export const consultationPublished = definePublicEvent(
  'consultations.published',
  Type.Object(
    {
      consultation,
      body: slug,
      kind: KindSchema,
      title: Type.String({ maxLength: 300 }),
      opens_at: instant,
      closes_at: instant,
      answers_due_at: instant,
      version: Type.Integer({ minimum: 1 }),
      articles: count,
    },
    strict,
  ),
);

export const consultationVersionPublished = definePublicEvent(
  'consultations.version_published',
  Type.Object({ consultation, body: slug, version: Type.Integer({ minimum: 2 }), articles: count, changed: count, added: count, removed: count, comments_answered: count }, strict),
);

export const consultationCommentPublished = definePublicEvent(
  'consultations.comment_published',
  Type.Object(
    {
      consultation,
      comment,
      version: Type.Integer({ minimum: 1 }),
      // The article or paragraph number in that version ("5", "5.2"); null for the draft as a whole.
      on: Type.Union([Type.String({ maxLength: 20 }), Type.Null()]),
      by: Type.Union([Type.Literal('citizen'), slug]),
      channel: ChannelSchema,
    },
    strict,
  ),
);

export const consultationCommentAnswered = definePublicEvent(
  'consultations.comment_answered',
  Type.Object({ consultation, comment, body: slug, answer: AnswerCategorySchema, on_time: Type.Boolean(), revised: Type.Boolean() }, strict),
);

export const consultationCommentModerated = definePublicEvent(
  'consultations.comment_moderated',
  Type.Object(
    {
      consultation,
      comment,
      decision: Type.Union([Type.Literal('rejected'), Type.Literal('removed'), Type.Literal('redacted')]),
      reason: Type.Union([Type.Literal('abuse'), Type.Literal('personal_data'), Type.Literal('off_topic'), Type.Literal('spam'), Type.Literal('duplicate')]),
    },
    strict,
  ),
);

export const consultationFinished = definePublicEvent('consultations.finished', Type.Object({ consultation, body: slug, answers_due_at: instant, answered_late: count }, strict));

export const consultationReportPublished = definePublicEvent(
  'consultations.report_published',
  Type.Object(
    {
      consultation,
      body: slug,
      versions: Type.Integer({ minimum: 1 }),
      comments: count,
      accepted: count,
      partly_accepted: count,
      not_accepted: count,
      from_organisations: count,
      from_citizens: count,
      from_hearings: count,
      supports: count,
    },
    strict,
  ),
);

export function consultationSubject(id: number): string {
  return `consultation/${id}`;
}

definePublicSubject('consultation', (id) => `/consultations/${encodeURIComponent(id)}`);
