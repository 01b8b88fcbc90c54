import type { FieldError } from '../../../shared/errors.js';
import type { Translate } from '../../../shared/i18n/index.js';
import { Button, ErrorSummary, Notice, PostForm, Radios, Select, TableWrap, TextInput } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { FEEDBACK_KINDS, type Kind } from '../../feedback/model.js';
import '../../feedback/messages.js';
import type { Period } from '../commands/deadlines.js';
import type { BodyOption, OverrideRow } from '../queries.js';
import { defaultsField } from '../schemas.js';
import { bodySelectOptions, named, useAdminCrumbs } from './parts.js';

export function periodText(t: Translate, period: Period): string {
  return period.dayCount === 'working' ? t('admin:deadlines.periodWorking', { count: period.days }) : t('admin:deadlines.periodCalendar', { count: period.days });
}

export type PeriodValues = Partial<Record<string, string>>;
export type DeadlineNotice = 'defaultsSaved' | 'added' | 'saved' | 'removed';

function DayCountRadios({ name, value, errors }: { name: string; value?: string; errors: FieldError[] }) {
  const { t } = usePage();
  return (
    <Radios
      name={name}
      label={t('admin:deadlines.dayCount')}
      value={value}
      errors={errors}
      inline
      options={[
        { value: 'calendar', label: t('admin:deadlines.calendar') },
        { value: 'working', label: t('admin:deadlines.working') },
      ]}
    />
  );
}

export interface DeadlinesPageProps {
  defaults: Record<Kind, Period>;
  overrides: OverrideRow[];
  bodies: BodyOption[];
  /** What the defaults form shows: saved values or what was just typed. */
  defaultValues: PeriodValues;
  defaultErrors?: FieldError[];
  overrideValues: PeriodValues;
  overrideErrors?: FieldError[];
  notice?: DeadlineNotice;
}

/** /admin/deadlines: the default period per kind, and per-body overrides. */
export function DeadlinesPage(props: DeadlinesPageProps) {
  const { defaults, overrides, bodies, defaultValues, defaultErrors = [], overrideValues, overrideErrors = [], notice } = props;
  const { t, lang } = usePage();
  const crumbs = useAdminCrumbs();
  return (
    <Layout title={t('admin:deadlines.title')} breadcrumbs={crumbs([{ label: t('admin:deadlines.title') }])}>
      <h1>{t('admin:deadlines.title')}</h1>
      {notice && <Notice kind="success">{t(`admin:deadlines.${notice}`)}</Notice>}
      <p class="lead">{t('admin:deadlines.lead')}</p>
      <p>
        {t('admin:deadlines.countsExplained')} <a href="/admin/holidays">{t('admin:deadlines.holidaysLink')}</a>
      </p>

      <section aria-labelledby="defaults-title">
        <h2 id="defaults-title">{t('admin:deadlines.defaultsTitle')}</h2>
        <p>{t('admin:deadlines.defaultsLead')}</p>
        <ErrorSummary errors={defaultErrors} />
        <PostForm action="/admin/deadlines">
          {FEEDBACK_KINDS.map((kind) => (
            <fieldset class="fieldset period" key={kind} aria-describedby={`law-${kind}`}>
              <legend class="legend legend-kind">{t(`feedback:kind.${kind}`)}</legend>
              <p class="hint" id={`law-${kind}`}>
                {t(`admin:deadlines.law.${kind}`)}
              </p>
              <TextInput
                name={defaultsField('days', kind)}
                label={t('admin:deadlines.days')}
                value={defaultValues[defaultsField('days', kind)] ?? String(defaults[kind].days)}
                errors={defaultErrors}
                inputMode="numeric"
                width="short"
                maxLength={3}
              />
              <DayCountRadios name={defaultsField('count', kind)} value={defaultValues[defaultsField('count', kind)] ?? defaults[kind].dayCount} errors={defaultErrors} />
            </fieldset>
          ))}
          <Button>{t('admin:deadlines.saveDefaults')}</Button>
        </PostForm>
      </section>

      <section aria-labelledby="overrides-title">
        <h2 id="overrides-title">{t('admin:deadlines.overridesTitle')}</h2>
        <p>{t('admin:deadlines.overridesLead')}</p>
        {overrides.length === 0 ? (
          <p>{t('admin:deadlines.noOverrides')}</p>
        ) : (
          <TableWrap label={t('admin:deadlines.overridesTitle')}>
            <table>
              <caption class="visually-hidden">{t('admin:deadlines.overridesTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin:deadlines.body')}</th>
                  <th scope="col">{t('admin:deadlines.kind')}</th>
                  <th scope="col">{t('admin:deadlines.period')}</th>
                  <th scope="col">
                    <span class="visually-hidden">{t('admin:deadlines.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {overrides.map((o) => {
                  const what = `${named(lang, o.body)}, ${t(`feedback:kind.${o.kind}`)}`;
                  return (
                    <tr key={o.id}>
                      <th scope="row">{named(lang, o.body)}</th>
                      <td>{t(`feedback:kind.${o.kind}`)}</td>
                      <td>{periodText(t, o)}</td>
                      <td>
                        <div class="row-actions">
                          <a href={`/admin/deadlines/overrides/${o.id}/edit`}>
                            {t('admin:deadlines.edit')}
                            <span class="visually-hidden"> ({what})</span>
                          </a>
                          <PostForm action={`/admin/deadlines/overrides/${o.id}/remove`} class="inline-form">
                            <button type="submit" class="link-button">
                              {t('admin:deadlines.remove')}
                              <span class="visually-hidden"> ({what})</span>
                            </button>
                          </PostForm>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        )}

        <h3 id="add-override-title">{t('admin:deadlines.addTitle')}</h3>
        <ErrorSummary errors={overrideErrors} />
        <PostForm action="/admin/deadlines/overrides">
          <Select name="body" label={t('admin:deadlines.body')} value={overrideValues.body} errors={overrideErrors} placeholder={t('form.choose')} options={bodySelectOptions(lang, bodies)} />
          <Select
            name="kind"
            label={t('admin:deadlines.kind')}
            value={overrideValues.kind}
            errors={overrideErrors}
            placeholder={t('form.choose')}
            options={FEEDBACK_KINDS.map((kind) => ({ value: kind, label: `${t(`feedback:kind.${kind}`)} (${periodText(t, defaults[kind])})` }))}
          />
          <TextInput name="days" label={t('admin:deadlines.days')} value={overrideValues.days} errors={overrideErrors} inputMode="numeric" width="short" maxLength={3} />
          <DayCountRadios name="dayCount" value={overrideValues.dayCount ?? 'calendar'} errors={overrideErrors} />
          <Button>{t('admin:deadlines.addButton')}</Button>
        </PostForm>
      </section>
    </Layout>
  );
}

/** /admin/deadlines/overrides/:id/edit: one body's own period for one kind. */
export function EditOverridePage(props: { override: OverrideRow; defaultPeriod: Period; values: PeriodValues; errors?: FieldError[] }) {
  const { override, defaultPeriod, values, errors = [] } = props;
  const { t, lang } = usePage();
  const crumbs = useAdminCrumbs();
  const body = named(lang, override.body);
  return (
    <Layout title={t('admin:deadlines.editTitle', { body })} breadcrumbs={crumbs([{ href: '/admin/deadlines', label: t('admin:deadlines.title') }, { label: body }])}>
      <h1>{t('admin:deadlines.editTitle', { body })}</h1>
      <ErrorSummary errors={errors} />
      <dl class="summary-list">
        <dt>{t('admin:deadlines.body')}</dt>
        <dd>{body}</dd>
        <dt>{t('admin:deadlines.kind')}</dt>
        <dd>{t(`feedback:kind.${override.kind}`)}</dd>
      </dl>
      <p class="hint">{t('admin:deadlines.defaultIs', { period: periodText(t, defaultPeriod) })}</p>
      <PostForm action={`/admin/deadlines/overrides/${override.id}/edit`}>
        <TextInput name="days" label={t('admin:deadlines.days')} value={values.days} errors={errors} inputMode="numeric" width="short" maxLength={3} />
        <DayCountRadios name="dayCount" value={values.dayCount} errors={errors} />
        <Button>{t('admin:deadlines.saveButton')}</Button>
      </PostForm>
      <div class="action admin-section">
        <PostForm action={`/admin/deadlines/overrides/${override.id}/remove`}>
          <p>{t('admin:deadlines.removeText')}</p>
          <Button variant="warning">{t('admin:deadlines.remove')}</Button>
        </PostForm>
      </div>
    </Layout>
  );
}
