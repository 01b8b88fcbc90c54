import type { ComponentChildren } from 'preact';
import type { FeedbackStatus } from '../../../../shared/db/db-types.js';
import { localDay } from '../../../../shared/i18n/format.js';
import { DateText } from '../../../../shared/views/components.js';
import { localized, usePage } from '../../../../shared/views/context.js';
import { placeCatalogue } from '../../../places/catalogue.js';
import { placeHref, placeName } from '../../../places/views/place-name.js';
import { isOpen, isOverdue } from '../../model.js';
import type { BodyRef } from '../../queries.js';
import '../messages.js';

export const bodyHref = (slug: string) => `/bodies/${slug}`;

/** Calendar days from today to the deadline in Mongolia's time zone (negative when past). */
export function daysUntil(dueAt: Date, now: Date): number {
  const day = (d: Date) => Date.parse(`${localDay(d)}T00:00:00Z`);
  return Math.round((day(dueAt) - day(now)) / 86_400_000);
}

export interface DeadlineState {
  overdue: boolean;
  /** Days left (negative: overdue) while an answer is owed; null once answered. */
  daysLeft: number | null;
}

export function deadlineState(item: { status: FeedbackStatus; dueAt: Date }, now: Date): DeadlineState {
  const overdue = isOverdue({ status: item.status, due_at: item.dueAt }, now);
  return { overdue, daysLeft: isOpen(item.status) ? daysUntil(item.dueAt, now) : null };
}

export function StatusTag({ status }: { status: FeedbackStatus }) {
  const { t } = usePage();
  const tone = status === 'closed' || status === 'answered' ? 'tag tag-ok' : 'tag';
  return <strong class={tone}>{t(`feedback:status.${status}`)}</strong>;
}

/** "12 days left" or a visible "Overdue · 3 days overdue" tag while an answer is owed. */
export function DeadlineTag({ status, dueAt }: { status: FeedbackStatus; dueAt: Date }) {
  const { t, now } = usePage();
  const state = deadlineState({ status, dueAt }, now);
  if (state.daysLeft === null) return null;
  if (state.overdue) {
    const days = Math.max(1, -state.daysLeft);
    return (
      <strong class="tag tag-overdue">
        {t('feedback:overdue')} · {t('time.daysOverdue', { count: days })}
      </strong>
    );
  }
  if (state.daysLeft <= 0) return <span class="tag tag-warn">{t('time.dueToday')}</span>;
  return <span class={state.daysLeft <= 5 ? 'tag tag-warn' : 'tag'}>{t('time.daysLeft', { count: state.daysLeft })}</span>;
}

export function BodyLink({ body }: { body: Pick<BodyRef, 'slug' | 'nameMn' | 'nameEn'> }) {
  const { lang } = usePage();
  return <a href={bodyHref(body.slug)}>{localized(lang, body.nameMn, body.nameEn)}</a>;
}

/** The place as a breadcrumb of links: Улаанбаатар › Баянзүрх › 5-р хороо. */
export function PlacePath({ code, links = true }: { code: string; links?: boolean }) {
  const { lang } = usePage();
  const path = placeCatalogue().path(code);
  if (path.length === 0) return <span>{code}</span>;
  return (
    <span class="place-path">
      {path.map((p, i) => (
        <span key={p.code}>
          {i > 0 && ' › '}
          {links ? <a href={placeHref(p.code)}>{placeName(p, lang)}</a> : placeName(p, lang)}
        </span>
      ))}
    </span>
  );
}

export function BackLink({ href, children }: { href: string; children?: ComponentChildren }) {
  const { t } = usePage();
  return (
    <a href={href} class="back-link">
      {children ?? t('form.back')}
    </a>
  );
}

export function Due({ dueAt }: { dueAt: Date }) {
  return <DateText date={dueAt} />;
}
