import type { FieldError } from '../../../../shared/errors.js';
import { formatDate, formatDateTime } from '../../../../shared/i18n/format.js';
import { langOfText } from '../../../../shared/i18n/text-language.js';
import { Button, ErrorSummary, PostForm, Radios, Select, TextArea, TextInput } from '../../../../shared/views/components.js';
import { localized, usePage } from '../../../../shared/views/context.js';
import { Layout } from '../../../../shared/views/layout.js';
import { PLACE_SEARCH_SCRIPT, PlacePicker } from '../../../places/views/place-picker.js';
import { FEEDBACK_KINDS, LIMITS } from '../../model.js';
import { formatTrackingCode } from '../../tracking-code.js';
import type { CategoryOption, Filing } from '../queries.js';
import { Code, DueCell, StatusTag } from './parts.js';

export interface OperatorPageProps {
  categories: CategoryOption[];
  recent: Filing[];
  filed?: Filing | null;
  values?: Record<string, string>;
  placeCode?: string | null;
  errors?: FieldError[];
  formId: string;
}

/** "K 7 M 4 – T R X 9": a code spaced out for reading aloud. */
function spelled(code: string): string {
  return `${code.slice(0, 4).split('').join(' ')} – ${code.slice(4).split('').join(' ')}`;
}

function Filed({ filing }: { filing: Filing }) {
  const { t, lang } = usePage();
  return (
    <section class="panel filed" aria-labelledby="filed-heading">
      <h2 id="filed-heading">{t('inbox:operator.filedHeading')}</h2>
      <p>{t('inbox:operator.readCode')}</p>
      <p class="code-box">{formatTrackingCode(filing.code)}</p>
      <p>{t('inbox:operator.codeSpelled', { spelled: spelled(filing.code) })}</p>
      <p>{t('inbox:operator.filedBody', { body: localized(lang, filing.bodyMn, filing.bodyEn) })}</p>
      <p>{t('inbox:operator.filedDue', { date: formatDate(filing.dueAt, lang) })}</p>
      <p class="hint">{t('inbox:operator.filedTrack')}</p>
      <p>
        <a class="button button-primary button-large" href="/operator">
          {t('inbox:operator.fileAnother')}
        </a>
      </p>
    </section>
  );
}

function Recent({ filings }: { filings: Filing[] }) {
  const { t, lang } = usePage();
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('inbox:operator.recent')}</h2>
      {filings.length === 0 ? (
        <p>{t('inbox:operator.recentEmpty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-labelledby="recent-caption" tabIndex={0}>
          <table>
            <caption id="recent-caption">{t('inbox:operator.recentCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inbox:inbox.code')}</th>
                <th scope="col">{t('inbox:operator.time')}</th>
                <th scope="col">{t('inbox:inbox.itemTitle')}</th>
                <th scope="col">{t('inbox:operator.status')}</th>
                <th scope="col">{t('inbox:inbox.due')}</th>
              </tr>
            </thead>
            <tbody>
              {filings.map((f) => (
                <tr key={f.code}>
                  <td>
                    <a href={`/track?code=${f.code}`}>
                      <Code code={f.code} />
                    </a>
                  </td>
                  <td>
                    <time dateTime={f.receivedAt.toISOString()}>{formatDateTime(f.receivedAt, lang)}</time>
                  </td>
                  <td>
                    <span lang={langOfText(f.title, lang)}>{f.title}</span>
                    <br />
                    <span class="meta">{localized(lang, f.bodyMn, f.bodyEn)}</span>
                  </td>
                  <td>
                    <StatusTag status={f.status} />
                  </td>
                  <td>
                    <DueCell status={f.status} dueAt={f.dueAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/**
 * The operator console: one page, every question at once, because the operator knows
 * the form and the caller is waiting on the line (the citizens' form is staged instead).
 */
export function OperatorPage(props: OperatorPageProps) {
  const { t, lang } = usePage();
  const v = props.values ?? {};
  return (
    <Layout title={t('inbox:operator.title')} scripts={[PLACE_SEARCH_SCRIPT]}>
      <h1>{t('inbox:operator.title')}</h1>
      {props.filed ? (
        <Filed filing={props.filed} />
      ) : (
        <>
          <p class="lead">{t('inbox:operator.lead')}</p>
          {props.errors && <ErrorSummary errors={props.errors} />}
          <PostForm action="/operator" class="operator-form">
            <input type="hidden" name="form_id" value={props.formId} />
            <h2>{t('inbox:operator.formHeading')}</h2>
            <Radios name="kind" label={t('inbox:inbox.kind')} inline value={v.kind ?? 'complaint'} errors={props.errors} options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback:kind.${k}`) }))} />
            <Select
              name="category"
              label={t('inbox:inbox.category')}
              options={props.categories.map((c) => ({ value: c.code, label: localized(lang, c.nameMn, c.nameEn) }))}
              value={v.category}
              placeholder={t('form.choose')}
              errors={props.errors}
            />
            <PlacePicker prefix="place" value={props.placeCode} legend={t('inbox:operator.place')} errors={props.errors} />
            <TextInput name="title" label={t('inbox:operator.titleLabel')} hint={t('inbox:operator.titleHint')} value={v.title} maxLength={LIMITS.title} errors={props.errors} />
            <TextArea name="description" label={t('inbox:operator.description')} hint={t('inbox:operator.descriptionHint')} value={v.description} rows={5} maxLength={LIMITS.description} errors={props.errors} />
            <fieldset class="fieldset caller">
              <legend class="legend">{t('inbox:operator.caller')}</legend>
              <p class="hint">{t('inbox:operator.callerHint')}</p>
              <TextInput name="name" label={t('inbox:operator.name')} value={v.name} optional width="medium" maxLength={LIMITS.name} errors={props.errors} />
              <TextInput name="phone" label={t('inbox:operator.phone')} hint={t('inbox:operator.phoneHint')} type="tel" inputMode="tel" value={v.phone} optional width="medium" errors={props.errors} />
              <TextInput name="email" label={t('inbox:operator.email')} type="email" value={v.email} optional width="medium" spellcheck={false} errors={props.errors} />
            </fieldset>
            <Radios
              name="publicity"
              label={t('inbox:operator.publicity')}
              hint={t('inbox:operator.publicityScript')}
              value={v.publicity}
              errors={props.errors}
              options={[
                { value: 'public', label: t('inbox:operator.public') },
                { value: 'private', label: t('inbox:operator.private') },
              ]}
            />
            <Button>{t('inbox:operator.submit')}</Button>
          </PostForm>
        </>
      )}
      <Recent filings={props.recent} />
    </Layout>
  );
}
