import type { FieldError } from '../../../../shared/errors.js';
import { countPersonalData, findPersonalData } from '../../../../shared/personal-data.js';
import { formatDate } from '../../../../shared/i18n/format.js';
import { Button, ErrorSummary, fieldId, Notice, Pagination, PostForm, useErrorText } from '../../../../shared/views/components.js';
import { localized, usePage } from '../../../../shared/views/context.js';
import { Layout } from '../../../../shared/views/layout.js';
import { PersonalDataMarks } from '../../../../shared/views/personal-data-marks.js';
import { LIMITS } from '../../model.js';
import { formatTrackingCode } from '../../tracking-code.js';
import type { ModerationItem } from '../moderation-queries.js';
import { encodeCursor, type Cursor } from '../queries.js';
import { Code, PlaceText } from './parts.js';

/** Field names are shared by every item's form; ids carry the code so each label finds its own field. */
export const modField = (code: string, name: 'title' | 'summary' | 'reason') => `${code}-${name}`;

function Field(props: { id: string; name: string; label: string; hint?: string; value: string; errors?: FieldError[]; rows?: number; maxLength: number }) {
  const { t } = usePage();
  const text = useErrorText();
  const id = fieldId(props.id);
  const error = props.errors?.find((e) => e.field === props.id);
  const described = [props.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label class="label" for={id}>
        {props.label}
      </label>
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {text(error)}
        </p>
      )}
      {props.rows ? (
        <textarea id={id} name={props.name} rows={props.rows} class="textarea" data-maxlength={props.maxLength} aria-describedby={described} aria-invalid={error ? 'true' : undefined}>
          {props.value}
        </textarea>
      ) : (
        <input id={id} name={props.name} type="text" class="input" value={props.value} maxLength={props.maxLength} aria-describedby={described} aria-invalid={error ? 'true' : undefined} />
      )}
    </div>
  );
}

export interface ModerationPanelProps {
  item: ModerationItem;
  version?: number;
  errors?: FieldError[];
  values?: { title?: string; summary?: string; reason?: string };
  /** Where the forms send the moderator back: the queue or the item's own page. */
  back: 'queue' | 'item';
  headingLevel: 2 | 3;
}

/** One item: the sender's words (marked) beside the editable public version, with Publish and Withhold. */
export function ModerationPanel({ item, version = 0, errors, values = {}, back, headingLevel }: ModerationPanelProps) {
  const { t, lang } = usePage();
  const title = findPersonalData(item.title);
  const description = findPersonalData(item.description);
  const flagged = countPersonalData(title) + countPersonalData(description);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  const headingId = `m-${item.code}`;
  const action = (what: string) => `/moderation/items/${item.code}/${what}`;
  return (
    <article class="moderation-item" aria-labelledby={headingId}>
      <Heading id={headingId}>
        <Code code={item.code} />: {t(`feedback:kind.${item.kind}`)}, {localized(lang, item.categoryMn, item.categoryEn)}
      </Heading>
      <p class="meta">
        <PlaceText code={item.placeCode} /> · {t('inbox:moderation.received', { date: formatDate(item.receivedAt, lang) })}
        {version > 0 && <> · {t('inbox:moderation.version', { version })}</>}
      </p>
      <div class="side-by-side">
        <section aria-labelledby={`${headingId}-words`}>
          <Sub id={`${headingId}-words`}>{t('inbox:moderation.submitterText')}</Sub>
          <p class={flagged ? 'meta pii-note' : 'meta'}>{flagged ? t('inbox:moderation.flagged', { count: flagged }) : t('inbox:moderation.noneFlagged')}</p>
          <div class="panel" lang={item.language}>
            <p>
              <strong>
                <PersonalDataMarks text={item.title} textLang={item.language} />
              </strong>
            </p>
            <p class="pre-line">
              <PersonalDataMarks text={item.description} textLang={item.language} />
            </p>
          </div>
        </section>
        <section aria-labelledby={`${headingId}-public`}>
          <Sub id={`${headingId}-public`}>{t('inbox:moderation.publicText')}</Sub>
          <PostForm action={action('publish')}>
            <input type="hidden" name="back" value={back} />
            <Field
              id={modField(item.code, 'title')}
              name="public_title"
              label={t('inbox:moderation.publicTitle')}
              value={values.title ?? item.publicTitle ?? item.title}
              errors={errors}
              maxLength={LIMITS.title}
            />
            <Field
              id={modField(item.code, 'summary')}
              name="public_summary"
              label={t('inbox:moderation.publicSummary')}
              hint={t('inbox:moderation.publicHint')}
              value={values.summary ?? item.publicSummary ?? item.description}
              errors={errors}
              rows={6}
              maxLength={LIMITS.description}
            />
            <Button>{item.publication === 'published' ? t('inbox:moderation.publishNew') : t('inbox:moderation.publish')}</Button>
          </PostForm>
          {item.publication !== 'withheld' && (
            <PostForm action={action('withhold')} class="withhold">
              <input type="hidden" name="back" value={back} />
              <Field
                id={modField(item.code, 'reason')}
                name="withhold_reason"
                label={t('inbox:moderation.withholdReason')}
                hint={t('inbox:moderation.withholdHint')}
                value={values.reason ?? ''}
                errors={errors}
                rows={2}
                maxLength={LIMITS.reason}
              />
              <Button variant="warning">{t('inbox:moderation.withhold')}</Button>
            </PostForm>
          )}
          {back === 'queue' && (
            <p>
              <a class="pad-link" href={`/moderation/items/${item.code}`}>
                {t('inbox:moderation.open')}
                <span class="visually-hidden"> ({formatTrackingCode(item.code)})</span>
              </a>
            </p>
          )}
        </section>
      </div>
    </article>
  );
}

function FindByCode({ errors, value }: { errors?: FieldError[]; value?: string }) {
  const { t } = usePage();
  const text = useErrorText();
  const error = errors?.find((e) => e.field === 'code');
  return (
    <form method="get" action="/moderation/find" class="inline-search" role="search" aria-label={t('inbox:moderation.find')}>
      <label class="label" for="f-code">
        {t('inbox:moderation.find')}: {t('inbox:moderation.findLabel')}
      </label>
      {error && (
        <p class="field-error" id="f-code-error">
          <span class="visually-hidden">{t('form.errorPrefix')} </span>
          {text(error)}
        </p>
      )}
      <input id="f-code" name="code" class="input input-short" value={value ?? ''} autocomplete="off" spellcheck={false} aria-describedby={error ? 'f-code-error' : undefined} aria-invalid={error ? 'true' : undefined} />
      <Button variant="secondary">{t('inbox:moderation.findSubmit')}</Button>
    </form>
  );
}

export interface ModerationPageProps {
  count: number;
  items: ModerationItem[];
  next: Cursor | null;
  prev: Cursor | null;
  notice?: string | null;
  errors?: FieldError[];
  code?: string;
}

export function ModerationPage(props: ModerationPageProps) {
  const { t } = usePage();
  return (
    <Layout title={t('inbox:moderation.title')}>
      <h1>{t('inbox:moderation.title')}</h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      {props.errors && <ErrorSummary errors={props.errors} />}
      <p class="lead">{t('inbox:moderation.lead')}</p>
      <FindByCode errors={props.errors} value={props.code} />
      <h2>{t('inbox:moderation.queueCount', { count: props.count })}</h2>
      {props.items.length === 0 && <p>{t('inbox:moderation.empty')}</p>}
      {props.items.map((item) => (
        <ModerationPanel key={item.id} item={item} back="queue" headingLevel={3} />
      ))}
      <Pagination prevHref={props.prev ? `/moderation?before=${encodeCursor(props.prev)}` : null} nextHref={props.next ? `/moderation?after=${encodeCursor(props.next)}` : null} />
    </Layout>
  );
}

export function ModerationItemPage(props: { item: ModerationItem & { version: number }; notice?: string | null; errors?: FieldError[]; values?: ModerationPanelProps['values'] }) {
  const { t } = usePage();
  const code = formatTrackingCode(props.item.code);
  return (
    <Layout title={t('inbox:moderation.itemTitle', { code })} breadcrumbs={[{ href: '/moderation', label: t('inbox:moderation.title') }, { label: code }]}>
      <h1>{t('inbox:moderation.itemTitle', { code })}</h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      {props.errors && <ErrorSummary errors={props.errors} />}
      <p>{t(`inbox:publication.${props.item.publication}`)}</p>
      {props.item.publication === 'private' ? (
        <p>{t('inbox:moderation.notPublic')}</p>
      ) : (
        <ModerationPanel item={props.item} version={props.item.version} errors={props.errors} values={props.values} back="item" headingLevel={2} />
      )}
      <p>
        <a href="/moderation">{t('inbox:moderation.back')}</a>
      </p>
    </Layout>
  );
}
