import type { FeedbackStatus } from '../../../../shared/db/db-types.js';
import { formatShortDate } from '../../../../shared/i18n/format.js';
import { usePage } from '../../../../shared/views/context.js';
import { placeCatalogue } from '../../../places/catalogue.js';
import { pathText } from '../../../places/views/place-name.js';
import { formatTrackingCode } from '../../tracking-code.js';
import { dueState } from '../due.js';
import '../../messages.js';
import '../messages.js';

/** The deadline with its flag: "3 days overdue" in red, "due soon" in amber, else the date. */
export function DueCell({ status, dueAt, extended }: { status: FeedbackStatus; dueAt: Date; extended?: boolean }) {
  const { t, lang, now } = usePage();
  const state = dueState({ status, due_at: dueAt }, now);
  return (
    <>
      <time dateTime={dueAt.toISOString()}>{formatShortDate(dueAt, lang)}</time>
      {extended && <span class="meta"> ({t('inbox:due.extended')})</span>}
      {state.kind === 'overdue' && (
        <>
          {' '}
          <strong class="tag tag-overdue">{state.days > 0 ? t('inbox:due.overdue', { count: state.days }) : t('inbox:due.overdueToday')}</strong>
        </>
      )}
      {state.kind === 'soon' && (
        <>
          {' '}
          <strong class="tag tag-warn">{state.days > 0 ? t('inbox:due.soon', { count: state.days }) : t('inbox:due.today')}</strong>
        </>
      )}
    </>
  );
}

/** "Баянзүрх › 5-р хороо": the place below the aimag level, or the aimag itself. */
export function PlaceText({ code }: { code: string }) {
  const { lang } = usePage();
  const path = placeCatalogue().path(code);
  return <>{path.length ? pathText(path.length > 2 ? path.slice(1) : path, lang) : code}</>;
}

/** A tracking code as people read it, K7M4-TRX9, kept on one line. */
export function Code({ code }: { code: string }) {
  return <span class="tracking-code">{formatTrackingCode(code)}</span>;
}

export function StatusTag({ status }: { status: FeedbackStatus }) {
  const { t } = usePage();
  return <span class="tag">{t(`feedback:status.${status}`)}</span>;
}
