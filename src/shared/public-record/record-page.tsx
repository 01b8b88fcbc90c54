import { Fragment } from 'preact';
import type { FieldError } from '../errors.js';
import { formatNumber } from '../i18n/format.js';
import { langOfText } from '../i18n/text-language.js';
import { DateText, ErrorSummary, Select, TextInput, type Option } from '../views/components.js';
import { usePage } from '../views/context.js';
import { Layout } from '../views/layout.js';
import { eventTypeLabel, payloadFieldLabel, payloadValueLabel } from './labels.js';
import './messages.js';
import type { RecordLink, RecordStatus } from './queries.js';
import { SUBJECT_MAX_LENGTH } from './schemas.js';
import { publicSubjectPath } from './subjects.js';

export interface RecordPageProps {
  status: RecordStatus;
  /** Null when the filters were refused: the page then shows only the form and its errors. */
  links: RecordLink[] | null;
  filter: { type?: string; subject?: string };
  errors: FieldError[];
  typeOptions: Option[];
  olderHref: string | null;
  newerHref: string | null;
  latestHref: string | null;
  jsonHref: string;
}

/** Long texts are cut on the page (the download has them whole) to keep it light on a phone. */
const MAX_VALUE_LENGTH = 280;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A 64-character hash may wrap on a narrow screen without adding characters to a copy. */
function Breakable({ text, every = 16 }: { text: string; every?: number }) {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += every) parts.push(text.slice(i, i + every));
  return (
    <code>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </code>
  );
}

function PayloadValue({ type, field, value }: { type: string; field: string; value: unknown }) {
  const { t, lang } = usePage();
  if (value === null || value === undefined) return <>—</>;
  const words = payloadValueLabel(t, type, field, value);
  // The words for a coded value, with the value as stored (what the downloaded record says).
  if (words)
    return (
      <>
        {words} (<code>{String(value)}</code>)
      </>
    );
  if (typeof value === 'boolean') return <>{value ? t('form.yes') : t('form.no')}</>;
  if (typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return <DateText date={new Date(value)} withTime />;
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  const shown = text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
  // Names and texts in the other language carry it (WCAG 3.1.2); a lone Latin token is a code or slug, not English.
  const language = typeof value === 'string' ? langOfText(text, lang) : undefined;
  if (language === 'mn' || (language === 'en' && /\s/.test(text.trim()))) return <span lang={language}>{shown}</span>;
  return <>{shown}</>;
}

function RecordEntry({ link }: { link: RecordLink }) {
  const { t } = usePage();
  const label = eventTypeLabel(t, link.type);
  const path = publicSubjectPath(link.subject);
  const payload = typeof link.payload === 'object' && link.payload !== null && !Array.isArray(link.payload) ? Object.entries(link.payload) : [];
  return (
    <li>
      <h3>{label ?? link.type}</h3>
      <p class="meta">
        <DateText date={new Date(link.occurred_at)} withTime /> · {t('record:list.subject')}: {path ? <a href={path}>{link.subject}</a> : link.subject}
      </p>
      {payload.length > 0 && (
        <dl class="summary-list">
          {payload.map(([key, value]) => (
            <Fragment key={key}>
              <dt>{payloadFieldLabel(t, link.type, key)}</dt>
              <dd>
                <PayloadValue type={link.type} field={key} value={value} />
              </dd>
            </Fragment>
          ))}
        </dl>
      )}
      <p class="meta">
        {t('record:list.entry', { seq: link.seq })} · {t('record:list.hash')} <code>{link.hash.toString('hex').slice(0, 12)}</code>
        {label && (
          <>
            {' '}
            · {t('record:list.type')} <code>{link.type}</code>
          </>
        )}
      </p>
    </li>
  );
}

export function RecordPage(props: RecordPageProps) {
  const { t, lang } = usePage();
  const { status, links, filter } = props;
  const filtered = Boolean(filter.type || filter.subject);
  return (
    <Layout title={t('record:title')} jsonHref={props.jsonHref}>
      <h1>{t('record:title')}</h1>
      <p class="lead">{t('record:lead')}</p>
      <ErrorSummary errors={props.errors} />

      <section class="panel" aria-labelledby="record-status-title">
        <h2 id="record-status-title">{t('record:status.title')}</h2>
        <dl class="summary-list">
          <dt>{t('record:status.chained')}</dt>
          <dd>{formatNumber(status.chained, lang)}</dd>
          <dt>{t('record:status.pending')}</dt>
          <dd>{formatNumber(status.pending, lang)}</dd>
          <dt>{t('record:status.last')}</dt>
          <dd>
            {status.lastSeq !== null && status.lastHash ? (
              <>
                {t('record:status.lastValue', { seq: status.lastSeq })} <Breakable text={status.lastHash.toString('hex')} />
              </>
            ) : (
              t('record:status.lastNone')
            )}
          </dd>
        </dl>
        <p class="button-row">
          <a class="button button-secondary" href="/record.ndjson" download>
            {t('record:status.download')}
          </a>
          <a href="/api/record/status">{t('record:status.statusJson')}</a>
        </p>
      </section>

      <section aria-labelledby="record-list-title">
        <h2 id="record-list-title">{filtered ? t('record:list.titleFiltered') : t('record:list.title')}</h2>
        <form method="get" action="/record" class="filters" aria-label={t('record:filters.title')} noValidate>
          <div class="filter-grid">
            <Select name="type" label={t('record:filters.type')} options={props.typeOptions} value={filter.type ?? ''} placeholder={t('record:filters.typeAll')} errors={props.errors} />
            <TextInput
              name="subject"
              label={t('record:filters.subject')}
              hint={t('record:filters.subjectHint')}
              value={filter.subject ?? ''}
              maxLength={SUBJECT_MAX_LENGTH}
              spellcheck={false}
              autocomplete="off"
              errors={props.errors}
            />
          </div>
          <p class="button-row">
            <button type="submit" class="button button-secondary">
              {t('form.filter')}
            </button>
            {filtered && <a href="/record">{t('form.clearFilters')}</a>}
          </p>
        </form>
        {links !== null &&
          (links.length === 0 ? (
            <p>{filtered ? t('record:list.emptyFiltered') : t('record:list.empty')}</p>
          ) : (
            <>
              <ol class="card-list">
                {links.map((link) => (
                  <RecordEntry key={link.seq} link={link} />
                ))}
              </ol>
              <p class="meta">{t('record:list.shortened')}</p>
            </>
          ))}
        {(props.newerHref || props.olderHref || props.latestHref) && (
          <nav class="pagination" aria-label={t('list.pagination')}>
            {props.newerHref && (
              <a href={props.newerHref} rel="prev">
                ← {t('record:list.newer')}
              </a>
            )}
            {props.latestHref && <a href={props.latestHref}>{t('record:list.latest')}</a>}
            {props.olderHref && (
              <a href={props.olderHref} rel="next">
                {t('record:list.older')} →
              </a>
            )}
          </nav>
        )}
      </section>

      <section aria-labelledby="record-trust-title">
        <h2 id="record-trust-title">{t('record:trust.title')}</h2>
        <p>{t('record:trust.chain')}</p>
        <p>{t('record:trust.privacy')}</p>
        <p>{t('record:trust.delay')}</p>
      </section>

      <section aria-labelledby="record-verify-title">
        <h2 id="record-verify-title">{t('record:verify.title')}</h2>
        <ol>
          <li>
            {t('record:verify.download')} <a href="/record.ndjson">{t('record:status.download')}</a>
          </li>
          <li>
            {t('record:verify.run')}
            <br />
            <code>npm run record:verify -- --file irgen-public-record.ndjson</code>
          </li>
        </ol>
        <p>{t('record:verify.algorithm')}</p>
        <p>{t('record:verify.keep')}</p>
      </section>
    </Layout>
  );
}
