import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { clearCalendarCache } from '../../shared/calendar.js';
import { label, type FieldError } from '../../shared/errors.js';
import { localDay } from '../../shared/i18n/format.js';
import { sendPage } from '../../shared/views/render.js';
import { addHoliday, FIRST_YEAR, LAST_YEAR, parseDay, removeHoliday } from './commands/holidays.js';
import { FORM_ROUTE, fieldErrorsOf, postedText, schemaErrors } from './forms.js';
import { requirePlatformAdmin } from './policy.js';
import { findHoliday, holidayYearRange, holidaysIn } from './queries.js';
import { DayParams, HolidayForm, HolidaysQuery } from './schemas.js';
import { HolidaysPage, type HolidayFormValues, type HolidayNotice } from './views/holidays-page.js';

const FIELDS = ['date', 'nameMn', 'nameEn'] as const;
const LABELS = { date: label('admin:field.date'), nameMn: label('admin:field.nameMn'), nameEn: label('admin:field.nameEn') };

/**
 * /admin/holidays: public holidays as data. Lunar holidays move every year and are added
 * here as the Government announces them. After every change the calendar cache is
 * cleared, so the next deadline computed in this process sees it.
 */
export default async function holidayRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function renderPage(req: FastifyRequest, reply: FastifyReply, year: number, options: { values?: HolidayFormValues; errors?: FieldError[]; notice?: HolidayNotice; status?: number } = {}) {
    const thisYear = Number(localDay(req.now).slice(0, 4));
    const [holidays, range] = await Promise.all([holidaysIn(db, year), holidayYearRange(db)]);
    // Every year with holidays, this year and the next (lunar dates are announced ahead), and the year shown.
    const first = Math.min(range?.first ?? thisYear, thisYear, year);
    const last = Math.max(range?.last ?? thisYear, thisYear + 1, year);
    const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    return sendPage(req, reply, <HolidaysPage year={year} years={years} holidays={holidays} values={options.values ?? {}} errors={options.errors} notice={options.notice} />, options.status ?? 200);
  }

  function yearOf(text: string | undefined, now: Date): number {
    const year = text && /^[0-9]{4}$/.test(text) ? Number(text) : NaN;
    return year >= FIRST_YEAR && year <= LAST_YEAR ? year : Number(localDay(now).slice(0, 4));
  }

  r.get('/admin/holidays', { attachValidation: true, schema: { hide: true, querystring: HolidaysQuery } }, async (req, reply) => {
    requirePlatformAdmin(req);
    const query = req.validationError ? {} : req.query;
    const year = yearOf(query.year, req.now);
    let notice: HolidayNotice | undefined;
    const day = query.day ? parseDay(query.day) : null;
    if (day && query.done === 'removed') notice = { kind: 'removed', day };
    if (day && query.done === 'added') {
      const holiday = await findHoliday(db, day);
      if (holiday) notice = { kind: 'added', day, name: req.lang === 'en' ? holiday.nameEn : holiday.nameMn };
    }
    return renderPage(req, reply, year, { notice });
  });

  r.post('/admin/holidays', { ...FORM_ROUTE, schema: { hide: true, body: HolidayForm } }, async (req, reply) => {
    const actor = requirePlatformAdmin(req);
    const values = postedText(req, FIELDS);
    const typedDay = values.date ? parseDay(values.date) : null;
    const year = typedDay ? yearOf(typedDay.slice(0, 4), req.now) : yearOf(undefined, req.now);
    const errors = schemaErrors(req, LABELS, { date: { field: 'date', key: 'admin:errors.date_format' } });
    if (errors.length) return renderPage(req, reply, year, { values, errors, status: 400 });
    let day: string;
    try {
      day = await db.transaction().execute((tx) => addHoliday(tx, { date: req.body.date, nameMn: req.body.nameMn, nameEn: req.body.nameEn }));
    } catch (error) {
      return renderPage(req, reply, year, { values, errors: fieldErrorsOf(error), status: 400 });
    }
    clearCalendarCache();
    req.log.info({ by: actor.accountId, day }, 'public holiday added');
    return reply.redirect(`/admin/holidays?year=${day.slice(0, 4)}&done=added&day=${day}`, 303);
  });

  r.post('/admin/holidays/:day/remove', { attachValidation: true, schema: { hide: true, params: DayParams } }, async (req, reply) => {
    const actor = requirePlatformAdmin(req);
    const day = String((req.params as { day?: unknown }).day ?? '');
    await db.transaction().execute((tx) => removeHoliday(tx, day));
    clearCalendarCache();
    req.log.info({ by: actor.accountId, day }, 'public holiday removed');
    return reply.redirect(`/admin/holidays?year=${day.slice(0, 4)}&done=removed&day=${day}`, 303);
  });
}
