import Type, { type Static } from 'typebox';
import type { FeedbackChannel, FeedbackKind, FeedbackStatus } from '../../shared/db/db-types.js';

/**
 * The feedback vocabulary. The lists mirror the PostgreSQL enums of 0006_feedback.sql
 * (a test keeps them equal); TypeBox schemas are built from them, so there is one list.
 */
export const FEEDBACK_KINDS = ['complaint', 'request', 'suggestion', 'criticism', 'praise'] as const satisfies readonly FeedbackKind[];
export const FEEDBACK_STATUSES = ['received', 'assigned', 'in_progress', 'answered', 'closed'] as const satisfies readonly FeedbackStatus[];
export const FEEDBACK_CHANNELS = ['web', 'operator', 'open311', 'sms'] as const satisfies readonly FeedbackChannel[];
/** Statuses in which the body still owes an answer: the deadline runs. */
export const OPEN_STATUSES = ['received', 'assigned', 'in_progress'] as const satisfies readonly FeedbackStatus[];

export const KindSchema = Type.Enum(FEEDBACK_KINDS);
export const StatusSchema = Type.Enum(FEEDBACK_STATUSES);
export const ChannelSchema = Type.Enum(FEEDBACK_CHANNELS);

export const LIMITS = {
  title: 200,
  description: 5000,
  name: 120,
  email: 254,
  phone: 20,
  reason: 2000,
  answer: 5000,
  attachments: 5,
  attachmentBytes: 5 * 1024 * 1024,
  extensionDays: 30,
} as const;

/** Phone numbers: Mongolian numbers are 8 digits, optionally with +976; foreign numbers in E.164. */
export function normalisePhone(raw: string): string | null {
  const compact = raw.replace(/[\s().-]/g, '');
  if (/^(\+976)?[5-9]\d{7}$/.test(compact)) return compact.startsWith('+976') ? compact : `+976${compact}`;
  if (/^\+[1-9]\d{7,14}$/.test(compact)) return compact;
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= LIMITS.email && EMAIL.test(email) ? email : null;
}

export function isOpen(status: FeedbackStatus): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function isOverdue(item: { status: FeedbackStatus; due_at: Date }, now: Date): boolean {
  return isOpen(item.status) && item.due_at.getTime() < now.getTime();
}

export type Kind = Static<typeof KindSchema>;
