import type { FieldError } from '../../../../shared/errors.js';
import { formatShortDate } from '../../../../shared/i18n/format.js';
import { langOfText } from '../../../../shared/i18n/text-language.js';
import { Button, Checkbox, ErrorSummary, Pagination, Select, TextInput } from '../../../../shared/views/components.js';
import { localized, usePage } from '../../../../shared/views/context.js';
import { Layout } from '../../../../shared/views/layout.js';
import { PlacePicker } from '../../../places/views/place-picker.js';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES } from '../../model.js';
import type { BodyRef, CategoryOption, PublicListItem } from '../../queries.js';
import { itemPath } from '../../urls.js';
import { DeadlineTag, PlacePath, StatusTag } from './parts.js';

export interface ListFilterValues {
  q: string;
  place: string | null;
  category: string;
  body: string;
  status: string;
  kind: string;
  overdue: boolean;
}

export interface ListPageProps {
  filters: ListFilterValues;
  categories: CategoryOption[];
  bodies: BodyRef[];
  items: PublicListItem[];
  olderHref: string | null;
  newerHref: string | null;
  firstHref: string | null;
  jsonHref: string;
  errors?: FieldError[];
}

function ListEntry({ item }: { item: PublicListItem }) {
  const { t, lang } = usePage();
  return (
    <li>
      <h3>
        <a href={itemPath(item.code)} lang={langOfText(item.title, lang)}>
          {item.title}
        </a>
      </h3>
      <p class="meta">
        {t(`feedback:kind.${item.kind}`)} · {localized(lang, item.category.nameMn, item.category.nameEn)} · <PlacePath code={item.placeCode} links={false} /> ·{' '}
        {localized(lang, item.body.nameMn, item.body.nameEn)} · {t('feedbackWeb:list.received', { date: formatShortDate(item.receivedAt, lang) })}
      </p>
      <p class="tags">
        <StatusTag status={item.status} /> <DeadlineTag status={item.status} dueAt={item.dueAt} />
      </p>
    </li>
  );
}

/** /feedback: published items newest first, with filters in a GET form that works without JavaScript. */
export function ListPage(props: ListPageProps) {
  const { t, lang } = usePage();
  const f = props.filters;
  const errors = props.errors ?? [];
  const title = t('feedbackWeb:list.title');
  const all = t('feedbackWeb:list.all');
  return (
    <Layout title={errors.length ? `${t('form.errorPrefix')} ${title}` : title} jsonHref={props.jsonHref}>
      <h1>{title}</h1>
      <p class="lead">{t('feedbackWeb:list.lead')}</p>
      <ErrorSummary errors={errors} />
      <form method="get" action="/feedback" class="filters" noValidate aria-labelledby="filters-title">
        <h2 id="filters-title" class="filters-title">
          {t('feedbackWeb:list.filtersTitle')}
        </h2>
        <TextInput name="q" type="search" label={t('feedbackWeb:list.q')} hint={t('feedbackWeb:list.qHint')} value={f.q} errors={errors} spellcheck={false} />
        <PlacePicker prefix="place" value={f.place} errors={errors} legend={t('feedbackWeb:list.place')} search={false} />
        <div class="filter-grid">
          <Select
            name="category"
            label={t('feedbackWeb:list.category')}
            placeholder={all}
            options={props.categories.map((c) => ({ value: c.code, label: localized(lang, c.nameMn, c.nameEn) }))}
            value={f.category}
            errors={errors}
          />
          <Select name="body" label={t('feedbackWeb:list.body')} placeholder={all} options={props.bodies.map((b) => ({ value: b.slug, label: localized(lang, b.nameMn, b.nameEn) }))} value={f.body} errors={errors} />
          <Select name="status" label={t('feedbackWeb:list.status')} placeholder={all} options={FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`feedback:status.${s}`) }))} value={f.status} errors={errors} />
          <Select name="kind" label={t('feedbackWeb:list.kind')} placeholder={all} options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback:kind.${k}`) }))} value={f.kind} errors={errors} />
        </div>
        <Checkbox name="overdue" label={t('feedbackWeb:list.overdue')} checked={f.overdue} />
        <div class="button-row">
          <Button>{t('feedbackWeb:list.apply')}</Button>
          <a href="/feedback">{t('feedbackWeb:list.clear')}</a>
        </div>
      </form>
      <h2>{t('feedbackWeb:list.resultsTitle')}</h2>
      {props.items.length === 0 ? (
        <p>{t('feedbackWeb:list.none')}</p>
      ) : (
        <ul class="card-list">
          {props.items.map((item) => (
            <ListEntry key={item.id} item={item} />
          ))}
        </ul>
      )}
      <Pagination prevHref={props.newerHref} nextHref={props.olderHref} />
      {props.firstHref && (
        <p>
          <a href={props.firstHref}>{t('feedbackWeb:list.first')}</a>
        </p>
      )}
    </Layout>
  );
}
