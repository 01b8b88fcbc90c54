import type { Membership } from '../../../../shared/auth/actor.js';
import type { FeedbackStatus } from '../../../../shared/db/db-types.js';
import type { FieldError } from '../../../../shared/errors.js';
import { formatNumber, formatShortDate } from '../../../../shared/i18n/format.js';
import { langOfText } from '../../../../shared/i18n/text-language.js';
import { Button, Checkbox, ErrorSummary, Notice, Pagination, Radios, Select } from '../../../../shared/views/components.js';
import { localized, usePage } from '../../../../shared/views/context.js';
import { Layout } from '../../../../shared/views/layout.js';
import { PlacePicker } from '../../../places/views/place-picker.js';
import { OPEN_STATUSES } from '../../model.js';
import { DONE_COUNT_CAP, encodeCursor, DONE_STATUSES, type CategoryOption, type InboxCounts, type InboxPage, type InboxTab } from '../queries.js';
import { Code, DueCell, PlaceText } from './parts.js';

export interface InboxView {
  status: FeedbackStatus | '';
  category: string;
  placeCode: string | null;
  overdue: boolean;
  assigned: 'me' | 'nobody' | '';
}

export interface InboxPageProps {
  body: Pick<Membership, 'slug' | 'nameMn' | 'nameEn'>;
  bodies: Membership[];
  tab: InboxTab;
  counts: InboxCounts;
  page: InboxPage;
  view: InboxView;
  categories: CategoryOption[];
  notice?: string | null;
  errors?: FieldError[];
}

/** The query string of this list with some parameters changed; cursors are dropped unless given. */
export function inboxHref(base: string, bodySlug: string, tab: InboxTab, view: Partial<InboxView>, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  q.set('body', bodySlug);
  if (tab !== 'open') q.set('tab', tab);
  if (view.status) q.set('status', view.status);
  if (view.category) q.set('category', view.category);
  if (view.placeCode) q.set('place_code', view.placeCode);
  if (view.overdue) q.set('overdue', 'yes');
  if (view.assigned) q.set('assigned', view.assigned);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return `${base}?${q.toString()}`;
}

export function InboxPage(props: InboxPageProps) {
  const { t, lang, actor } = usePage();
  const { body, tab, counts, page, view } = props;
  const name = localized(lang, body.nameMn, body.nameEn);
  const href = (overrides: { tab?: InboxTab; view?: Partial<InboxView>; extra?: Record<string, string> } = {}) =>
    inboxHref('/inbox', body.slug, overrides.tab ?? tab, overrides.view ?? view, overrides.extra);
  const tabLabel = tab === 'open' ? t('inbox:inbox.tabOpen') : t('inbox:inbox.tabDone');
  const statuses = tab === 'open' ? OPEN_STATUSES : DONE_STATUSES;
  const filtered = view.status || view.category || view.placeCode || view.overdue || view.assigned;
  return (
    <Layout title={t('inbox:inbox.titleFor', { body: name })} jsonHref={inboxHref('/api/inbox', body.slug, tab, view)}>
      <h1>{t('inbox:inbox.titleFor', { body: name })}</h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      {props.errors && <ErrorSummary errors={props.errors} />}

      {props.bodies.length > 1 && (
        <nav aria-labelledby="body-switch" class="body-switch">
          <h2 id="body-switch" class="meta-heading">
            {t('inbox:inbox.bodySwitch')}
          </h2>
          <ul class="inline-list">
            {props.bodies.map((b) => (
              <li key={b.slug}>
                {b.slug === body.slug ? (
                  <span aria-current="page">
                    <strong>{localized(lang, b.nameMn, b.nameEn)}</strong> {t('inbox:inbox.current')}
                  </span>
                ) : (
                  <a href={`/inbox?body=${b.slug}`}>{localized(lang, b.nameMn, b.nameEn)}</a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}

      <p class="inbox-summary">
        <span>{t('inbox:inbox.openCount', { count: counts.open })}</span>{' '}
        <a class={counts.overdue ? 'tag tag-overdue' : 'tag'} href={href({ tab: 'open', view: { overdue: true } })}>
          {t('inbox:inbox.overdueCount', { count: counts.overdue })}
        </a>{' '}
        <span class={counts.dueSoon ? 'tag tag-warn' : 'tag'}>{t('inbox:inbox.dueSoonCount', { count: counts.dueSoon })}</span>
      </p>

      <nav aria-label={t('inbox:inbox.tabs')} class="tabs">
        <ul>
          {(['open', 'done'] as const).map((k) => (
            <li key={k}>
              <a href={href({ tab: k, view: { ...view, status: '', overdue: k === 'open' && view.overdue } })} aria-current={k === tab ? 'page' : undefined}>
                {k === 'open' ? t('inbox:inbox.tabOpen') : t('inbox:inbox.tabDone')}{' '}
                <span class="count">({k === 'open' ? formatNumber(counts.open, lang) : counts.done > DONE_COUNT_CAP ? `${formatNumber(DONE_COUNT_CAP, lang)}+` : formatNumber(counts.done, lang)})</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <form method="get" action="/inbox" class="filters" aria-label={t('inbox:inbox.filters')}>
        <input type="hidden" name="body" value={body.slug} />
        {tab !== 'open' && <input type="hidden" name="tab" value={tab} />}
        <div class="filter-grid">
          <Select
            name="status"
            label={t('inbox:inbox.status')}
            options={statuses.map((s) => ({ value: s, label: t(`feedback:status.${s}`) }))}
            value={view.status}
            placeholder={t('inbox:inbox.anyStatus')}
          />
          <Select
            name="category"
            label={t('inbox:inbox.category')}
            options={props.categories.map((c) => ({ value: c.code, label: localized(lang, c.nameMn, c.nameEn) }))}
            value={view.category}
            placeholder={t('inbox:inbox.anyCategory')}
          />
        </div>
        <PlacePicker prefix="place" value={view.placeCode} legend={t('inbox:inbox.place')} hint={t('inbox:inbox.placeHint')} search={false} errors={props.errors} />
        <Radios
          name="assigned"
          label={t('inbox:inbox.assignee')}
          inline
          value={view.assigned}
          options={[
            { value: '', label: t('inbox:inbox.assigneeAny') },
            { value: 'me', label: t('inbox:inbox.assigneeMe') },
            { value: 'nobody', label: t('inbox:inbox.assigneeNone') },
          ]}
        />
        {tab === 'open' && <Checkbox name="overdue" value="yes" label={t('inbox:inbox.overdueOnly')} checked={view.overdue} />}
        <div class="button-row">
          <Button variant="secondary">{t('inbox:inbox.apply')}</Button>
          {filtered && <a href={href({ view: { status: '', category: '', placeCode: null, overdue: false, assigned: '' } })}>{t('inbox:inbox.clear')}</a>}
        </div>
      </form>

      {page.rows.length === 0 ? (
        <p>{t('inbox:inbox.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="inbox-caption" tabIndex={0}>
          <table class="inbox-table">
            <caption id="inbox-caption">{tab === 'open' ? t('inbox:inbox.caption', { tab: tabLabel }) : t('inbox:inbox.captionDone', { tab: tabLabel })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inbox:inbox.code')}</th>
                <th scope="col">{t('inbox:inbox.itemTitle')}</th>
                <th scope="col">{t('inbox:inbox.kind')}</th>
                <th scope="col">{t('inbox:inbox.category')}</th>
                <th scope="col">{t('inbox:inbox.place_col')}</th>
                <th scope="col">{t('inbox:inbox.received')}</th>
                <th scope="col">{tab === 'open' ? t('inbox:inbox.due') : t('inbox:inbox.answered')}</th>
                <th scope="col">{t('inbox:inbox.assigneeCol')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/inbox/items/${r.code}`}>
                      <Code code={r.code} />
                    </a>
                  </td>
                  <td lang={langOfText(r.title, lang)}>{r.title}</td>
                  <td>{t(`feedback:kind.${r.kind}`)}</td>
                  <td>{localized(lang, r.categoryMn, r.categoryEn)}</td>
                  <td>
                    <PlaceText code={r.placeCode} />
                  </td>
                  <td>
                    <time dateTime={r.receivedAt.toISOString()}>{formatShortDate(r.receivedAt, lang)}</time>
                  </td>
                  <td>
                    {tab === 'open' ? (
                      <DueCell status={r.status} dueAt={r.dueAt} extended={r.extended} />
                    ) : r.answeredAt ? (
                      <time dateTime={r.answeredAt.toISOString()}>{formatShortDate(r.answeredAt, lang)}</time>
                    ) : (
                      t(`feedback:status.${r.status}`)
                    )}
                  </td>
                  <td>{r.assigneeId === null ? <span class="meta">{t('inbox:inbox.nobody')}</span> : r.assigneeId === actor?.accountId ? t('inbox:assign.me', { name: r.assigneeName ?? '' }) : r.assigneeName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination prevHref={page.prev ? href({ extra: { before: encodeCursor(page.prev) } }) : null} nextHref={page.next ? href({ extra: { after: encodeCursor(page.next) } }) : null} />
    </Layout>
  );
}
