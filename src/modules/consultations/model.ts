import Type, { type Static } from 'typebox';
import type {
  ConsultationAnswerCategory,
  ConsultationChannel,
  ConsultationCommentStatus,
  ConsultationKind,
  ConsultationModerationDecision,
  ConsultationStatus,
} from '../../shared/db/db-types.js';

/**
 * The consultation vocabulary. Lists mirror the PostgreSQL enums of
 * 0020_consultations.sql and 0021_consultation_comments.sql (the `satisfies` clauses and
 * a test keep them equal); TypeBox schemas are built from them, so there is one list.
 */
export const CONSULTATION_KINDS = ['law', 'regulation', 'policy', 'action_plan'] as const satisfies readonly ConsultationKind[];
export const CONSULTATION_STATUSES = ['draft', 'published', 'finished'] as const satisfies readonly ConsultationStatus[];
export const ANSWER_CATEGORIES = ['accepted', 'partly_accepted', 'not_accepted'] as const satisfies readonly ConsultationAnswerCategory[];
export const CHANNELS = ['web', 'hearing'] as const satisfies readonly ConsultationChannel[];
export const COMMENT_STATUSES = ['pending', 'published', 'rejected', 'removed'] as const satisfies readonly ConsultationCommentStatus[];
export const MODERATION_DECISIONS = ['published', 'redacted', 'rejected', 'removed', 'kept'] as const satisfies readonly ConsultationModerationDecision[];
/** Why a moderator acted; 'ok' goes with publishing or keeping. */
export const MODERATION_REASONS = ['ok', 'abuse', 'personal_data', 'off_topic', 'spam', 'duplicate'] as const;
export const FLAG_REASONS = ['abuse', 'personal_data', 'spam', 'off_topic'] as const;

export const KindSchema = Type.Enum(CONSULTATION_KINDS);
export const StatusSchema = Type.Enum(CONSULTATION_STATUSES);
export const AnswerCategorySchema = Type.Enum(ANSWER_CATEGORIES);
export const ChannelSchema = Type.Enum(CHANNELS);

export type Kind = Static<typeof KindSchema>;
export type AnswerCategory = Static<typeof AnswerCategorySchema>;
export type ModerationReason = (typeof MODERATION_REASONS)[number];
export type FlagReason = (typeof FLAG_REASONS)[number];

export const LIMITS = {
  title: 300,
  note: 20_000,
  comment: 5000,
  commentMin: 1,
  reason: 5000,
  /** An answer's reason in words: "No." is not a reason. */
  reasonMin: 10,
  changeNote: 5000,
  hearingPlace: 300,
  hearingHow: 2000,
  minutes: 50_000,
  moderationNote: 2000,
  /** Days of the open period. */
  periodMaxDays: 365,
  answerDaysMin: 1,
  answerDaysMax: 180,
  answerDaysDefault: 30,
  /** Comments one person may send on one consultation in a day: enough for a careful reader of a long law. */
  commentsPerDay: 60,
  /** Comments answered at once. */
  bulkMax: 200,
} as const;

/** Where a consultation is in its life, as people see it. */
export type Phase = 'draft' | 'upcoming' | 'open' | 'closed' | 'finished';

export interface PhaseInput {
  status: ConsultationStatus;
  opens_at: Date;
  closes_at: Date;
}

export function phaseOf(c: PhaseInput, now: Date): Phase {
  if (c.status === 'draft') return 'draft';
  if (c.status === 'finished') return 'finished';
  if (now.getTime() < c.opens_at.getTime()) return 'upcoming';
  if (now.getTime() <= c.closes_at.getTime()) return 'open';
  return 'closed';
}

export function isOpenForComments(c: PhaseInput, now: Date): boolean {
  return phaseOf(c, now) === 'open';
}

/** Answers are late when their due date passed while comments still wait (or waited). */
export function isLate(c: { status: ConsultationStatus; answers_due_at: Date }, unanswered: number, now: Date): boolean {
  return c.status === 'published' && unanswered > 0 && now.getTime() > c.answers_due_at.getTime();
}

/** Elements people can comment on one by one. */
export const COMMENTABLE_KINDS = ['article', 'paragraph', 'point'] as const;
export function isCommentable(kind: string): boolean {
  return (COMMENTABLE_KINDS as readonly string[]).includes(kind);
}
