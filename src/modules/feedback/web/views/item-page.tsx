import type { FieldError } from '../../../../shared/errors.js';
import { formatDate } from '../../../../shared/i18n/format.js';
import { langOfText } from '../../../../shared/i18n/text-language.js';
import { Button, DateText, ErrorSummary, Notice, TextInput } from '../../../../shared/views/components.js';
import { localized, usePage } from '../../../../shared/views/context.js';
import { Layout } from '../../../../shared/views/layout.js';
import type { PublicHistoryEntry, PublicItem, PublicPhoto } from '../../queries.js';
import { formatTrackingCode } from '../../tracking-code.js';
import { itemJsonPath, itemPath } from '../../urls.js';
import { BodyLink, DeadlineTag, PlacePath, StatusTag } from './parts.js';

export const photoPath = (code: string, id: number) => `/feedback/${code}/photos/${id}`;

/** The item's heading: the moderated title once published, otherwise "Complaint K7M4-TRX9". */
export function itemHeading(item: Pick<PublicItem, 'kind' | 'code' | 'title'>, t: ReturnType<typeof usePage>['t']): string {
  return item.title ?? `${t(`feedback:kind.${item.kind}`)} ${formatTrackingCode(item.code)}`;
}

function HistoryEntry({ entry }: { entry: PublicHistoryEntry }) {
  const { t, lang } = usePage();
  const name = (b: PublicHistoryEntry['body']) => (b ? localized(lang, b.nameMn, b.nameEn) : '');
  const dueAt = typeof entry.data.due_at === 'string' ? new Date(entry.data.due_at) : null;
  let text: string;
  switch (entry.type) {
    case 'received':
      text = t('feedback:event.received', { body: name(entry.body) });
      break;
    case 'forwarded':
      text = t('feedback:event.forwarded', { from: name(entry.body), to: name(entry.toBody) });
      break;
    case 'escalated':
      text = t('feedback:event.escalated', { from: name(entry.body), to: name(entry.toBody) });
      break;
    case 'extended':
      text = t('feedback:event.extended', { days: Number(entry.data.days ?? 0) });
      break;
    case 'answered': {
      const resolution = entry.data.resolution === 'rejected' ? 'rejected' : 'resolved';
      text = t('feedbackWeb:item.answeredWith', { resolution: t(`feedback:resolution.${resolution}`) });
      break;
    }
    case 'rated':
      text = entry.data.satisfaction === 'satisfied' ? t('feedbackWeb:item.ratedSatisfied') : t('feedbackWeb:item.ratedUnsatisfied');
      break;
    case 'assigned':
    case 'started':
    case 'reopened':
    case 'closed':
    case 'published':
      text = t(`feedback:event.${entry.type}`);
      break;
    default:
      return null;
  }
  return (
    <li>
      <p class="timeline-date meta">
        <DateText date={entry.at} />
      </p>
      <p class="timeline-text">{text}</p>
      {dueAt && (entry.type === 'extended' || entry.type === 'reopened' || entry.type === 'escalated') && (
        <p class="meta">
          {t('feedbackWeb:item.newDue', { date: formatDate(dueAt, lang) })}
        </p>
      )}
      {entry.text &&
        (entry.type === 'answered' ? (
          <p class="quote pre-line" lang={langOfText(entry.text, lang)}>
            {entry.text}
          </p>
        ) : (
          <Reason text={entry.text} />
        ))}
    </li>
  );
}

/** "Reason: …" with the stated reason marked with its own language when it differs from the page's. */
function Reason({ text }: { text: string }) {
  const { t, lang } = usePage();
  return (
    <p class="quote">
      {t('feedbackWeb:item.reasonLabel')} <span lang={langOfText(text, lang)}>{text}</span>
    </p>
  );
}

export interface ItemPageProps {
  item: PublicItem;
  history: PublicHistoryEntry[];
  photos: PublicPhoto[];
  /** The signed-in person sent this item: offer their page. */
  isSubmitter: boolean;
}

/**
 * The public page of one item: always its status, deadline, body, place and history;
 * the moderated text, the answer, stated reasons and photos only when published.
 * Never the sender's words, name or contact details.
 */
export function ItemPage({ item, history, photos, isSubmitter }: ItemPageProps) {
  const { t, lang } = usePage();
  const heading = itemHeading(item, t);
  const published = item.publication === 'published';
  // The date the extension set, from its history entry (a later reopening or escalation sets a new one).
  const extension = history.find((e) => e.type === 'extended');
  const extendedTo = typeof extension?.data.due_at === 'string' ? new Date(extension.data.due_at) : null;
  return (
    <Layout
      title={heading}
      jsonHref={itemJsonPath(item.code)}
      breadcrumbs={[
        { href: '/', label: t('site.home') },
        { href: '/feedback', label: t('site.feedback') },
        { label: formatTrackingCode(item.code) },
      ]}
    >
      <h1 lang={langOfText(item.title, lang)}>{heading}</h1>
      <p class="tags">
        <StatusTag status={item.status} /> <DeadlineTag status={item.status} dueAt={item.dueAt} />
      </p>
      {!published && <Notice>{t(`feedbackWeb:item.${item.publication === 'private' ? 'private' : item.publication === 'withheld' ? 'withheld' : 'pending'}`)}</Notice>}
      <dl class="summary-list">
        <dt>{t('feedbackWeb:item.code')}</dt>
        <dd>
          <strong class="code">{formatTrackingCode(item.code)}</strong>
        </dd>
        <dt>{t('feedbackWeb:item.kind')}</dt>
        <dd>{t(`feedback:kind.${item.kind}`)}</dd>
        <dt>{t('feedbackWeb:item.category')}</dt>
        <dd>{localized(lang, item.category.nameMn, item.category.nameEn)}</dd>
        <dt>{t('feedbackWeb:item.place')}</dt>
        <dd>
          <PlacePath code={item.placeCode} />
        </dd>
        <dt>{t('feedbackWeb:item.body')}</dt>
        <dd>
          <BodyLink body={item.body} />
        </dd>
        <dt>{t('feedbackWeb:item.received')}</dt>
        <dd>
          <DateText date={item.receivedAt} />
        </dd>
        <dt>{t('feedbackWeb:item.due')}</dt>
        <dd>
          <DateText date={item.dueAt} /> <DeadlineTag status={item.status} dueAt={item.dueAt} />
        </dd>
        {item.extendedAt && (
          <>
            <dt>{t('feedbackWeb:item.extended')}</dt>
            <dd>
              {t('feedbackWeb:item.extendedTo', { date: formatDate(extendedTo ?? item.dueAt, lang) })}
              {item.extensionReason && <Reason text={item.extensionReason} />}
            </dd>
          </>
        )}
        {item.answeredAt && (
          <>
            <dt>{t('feedbackWeb:item.answered')}</dt>
            <dd>
              <DateText date={item.answeredAt} />{' '}
              <span class={item.answeredOnTime ? 'tag tag-ok' : 'tag tag-overdue'}>{item.answeredOnTime ? t('feedbackWeb:item.answeredOnTime') : t('feedbackWeb:item.answeredLate')}</span>
            </dd>
          </>
        )}
        {item.resolution && (item.status === 'answered' || item.status === 'closed') && (
          <>
            <dt>{t('feedbackWeb:item.resolution')}</dt>
            <dd>{t(`feedback:resolution.${item.resolution}`)}</dd>
          </>
        )}
        {item.satisfaction && (
          <>
            <dt>{t('feedbackWeb:item.satisfaction')}</dt>
            <dd>{t(`feedback:satisfaction.${item.satisfaction}`)}</dd>
          </>
        )}
      </dl>

      {published && item.summary && (
        <section aria-labelledby="summary-title">
          <h2 id="summary-title">{t('feedbackWeb:item.summaryTitle')}</h2>
          <p class="pre-line" lang={langOfText(item.summary, lang)}>
            {item.summary}
          </p>
          <p class="meta">{t('feedbackWeb:item.summaryNote')}</p>
        </section>
      )}
      {published && item.answerText && (
        <section aria-labelledby="answer-title">
          <h2 id="answer-title">{t('feedbackWeb:item.answerTitle')}</h2>
          <div class="panel">
            <p class="pre-line" lang={langOfText(item.answerText, lang)}>
              {item.answerText}
            </p>
          </div>
        </section>
      )}
      {photos.length > 0 && (
        <section aria-labelledby="photos-title">
          <h2 id="photos-title">{t('feedbackWeb:item.photosTitle')}</h2>
          <ul class="photo-grid">
            {photos.map((p, i) => (
              <li key={p.id}>
                <a href={photoPath(item.code, p.id)}>
                  <img src={photoPath(item.code, p.id)} alt={t('feedbackWeb:item.photoAlt', { n: i + 1 })} width={Math.min(p.width, 320)} height={Math.round((Math.min(p.width, 320) / p.width) * p.height)} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('feedbackWeb:item.historyTitle')}</h2>
        <ol class="timeline">
          {history.map((entry, i) => (
            <HistoryEntry key={i} entry={entry} />
          ))}
        </ol>
      </section>

      <p class="meta">{isSubmitter ? <a href={`${itemPath(item.code)}/manage`}>{t('feedbackWeb:item.manage')}</a> : t('feedbackWeb:item.sender')}</p>
    </Layout>
  );
}

/** /track: one field, the code. */
export function TrackPage({ code, errors = [] }: { code?: string; errors?: FieldError[] }) {
  const { t } = usePage();
  const title = t('feedbackWeb:track.title');
  return (
    <Layout title={errors.length ? `${t('form.errorPrefix')} ${title}` : title}>
      <h1>{title}</h1>
      <p class="lead">{t('feedbackWeb:track.lead')}</p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/track" noValidate>
        <TextInput name="code" label={t('feedbackWeb:track.label')} hint={t('feedbackWeb:track.hint')} value={code} width="medium" autocomplete="off" spellcheck={false} errors={errors} />
        <div class="button-row">
          <Button>{t('feedbackWeb:track.submit')}</Button>
        </div>
      </form>
    </Layout>
  );
}
