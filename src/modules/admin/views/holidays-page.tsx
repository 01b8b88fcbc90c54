import type { FieldError } from '../../../shared/errors.js';
import { formatDate } from '../../../shared/i18n/format.js';
import type { Lang } from '../../../shared/i18n/index.js';
import { Button, ErrorSummary, Notice, PostForm, TableWrap, TextInput } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { HolidayRow } from '../queries.js';
import { HOLIDAY_NAME_MAX } from '../schemas.js';
import { named, useAdminCrumbs } from './parts.js';

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** Noon in Ulaanbaatar on the day, so formatting in that time zone shows that same day. */
function middayOf(day: string): Date {
  return new Date(`${day}T12:00:00+08:00`);
}

export function dayText(day: string, lang: Lang): string {
  return formatDate(middayOf(day), lang);
}

function weekdayOf(day: string): (typeof WEEKDAYS)[number] {
  return WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]!;
}

export type HolidayFormValues = Partial<Record<'date' | 'nameMn' | 'nameEn', string>>;
export type HolidayNotice = { kind: 'added'; day: string; name: string } | { kind: 'removed'; day: string };

export interface HolidaysPageProps {
  year: number;
  /** Years to offer, oldest first. */
  years: number[];
  holidays: HolidayRow[];
  values: HolidayFormValues;
  errors?: FieldError[];
  notice?: HolidayNotice;
}

/** /admin/holidays: one year's public holidays, removable, and the form that adds one. */
export function HolidaysPage({ year, years, holidays, values, errors = [], notice }: HolidaysPageProps) {
  const { t, lang } = usePage();
  const crumbs = useAdminCrumbs();
  return (
    <Layout title={t('admin:holidays.title')} breadcrumbs={crumbs([{ label: t('admin:holidays.title') }])}>
      <h1>{t('admin:holidays.title')}</h1>
      {notice?.kind === 'added' && <Notice kind="success">{t('admin:holidays.added', { date: dayText(notice.day, lang), name: notice.name })}</Notice>}
      {notice?.kind === 'removed' && <Notice kind="success">{t('admin:holidays.removed', { date: dayText(notice.day, lang) })}</Notice>}
      <p class="lead">{t('admin:holidays.lead')}</p>
      <section class="panel" aria-labelledby="lunar-title">
        <h2 id="lunar-title">{t('admin:holidays.lunarTitle')}</h2>
        <p>{t('admin:holidays.lunar')}</p>
      </section>

      <nav aria-label={t('admin:holidays.years')} class="tabs">
        <ul>
          {years.map((y) => (
            <li key={y}>
              <a href={`/admin/holidays?year=${y}`} aria-current={y === year ? 'page' : undefined}>
                {y}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <h2 id="year-title">{t('admin:holidays.yearTitle', { year })}</h2>
      {holidays.length === 0 ? (
        <p>{t('admin:holidays.none', { year })}</p>
      ) : (
        <TableWrap label={t('admin:holidays.yearTitle', { year })}>
          <table>
            <caption class="visually-hidden">{t('admin:holidays.yearTitle', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin:holidays.date')}</th>
                <th scope="col">{t('admin:holidays.weekday')}</th>
                <th scope="col">{t('admin:holidays.nameMn')}</th>
                <th scope="col">{t('admin:holidays.nameEn')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('admin:holidays.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {holidays.map((h) => (
                <tr key={h.day}>
                  <th scope="row">
                    <time dateTime={h.day}>{dayText(h.day, lang)}</time>
                  </th>
                  <td>{t(`admin:holidays.days.${weekdayOf(h.day)}`)}</td>
                  <td lang="mn">{h.nameMn}</td>
                  <td lang="en">{h.nameEn}</td>
                  <td>
                    <PostForm action={`/admin/holidays/${h.day}/remove`} class="inline-form">
                      <button type="submit" class="link-button">
                        {t('admin:holidays.remove')}
                        <span class="visually-hidden">
                          {' '}
                          ({dayText(h.day, lang)}, {named(lang, h)})
                        </span>
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}

      <section aria-labelledby="add-title" class="panel">
        <h2 id="add-title">{t('admin:holidays.addTitle')}</h2>
        <ErrorSummary errors={errors} />
        <PostForm action="/admin/holidays">
          <TextInput name="date" type="date" label={t('admin:holidays.date')} hint={t('admin:holidays.dateHint')} value={values.date} errors={errors} width="short" maxLength={10} />
          <TextInput name="nameMn" label={t('admin:holidays.nameMn')} value={values.nameMn} errors={errors} maxLength={HOLIDAY_NAME_MAX} />
          <TextInput name="nameEn" label={t('admin:holidays.nameEn')} value={values.nameEn} errors={errors} maxLength={HOLIDAY_NAME_MAX} />
          <Button>{t('admin:holidays.addButton')}</Button>
        </PostForm>
      </section>
    </Layout>
  );
}
