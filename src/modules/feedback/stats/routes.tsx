import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import type { AppDeps } from '../../../deps.js';
import { toCsv } from '../../../shared/csv.js';
import { AppError } from '../../../shared/errors.js';
import { localized } from '../../../shared/views/context.js';
import { sendPage } from '../../../shared/views/render.js';
import { findBodyLink } from '../../bodies/queries.js';
import { placeCatalogue } from '../../places/catalogue.js';
import {
  addMonths,
  figuresByBody,
  figuresByCategory,
  figuresByMonth,
  figuresByPlace,
  lastTwelveMonths,
  monthOf,
  singleMonth,
  statsRefreshedAt,
  totals,
  type BodyRow,
  type Figures,
  type MonthRow,
  type Period,
} from './queries.js';
import { BodyStatsPage, OverviewPage, PlaceStatsPage, ReportPage, ReportsIndexPage, type PeriodChoice } from './views/pages.js';

const PeriodQuery = Type.Object({
  period: Type.Optional(Type.String({ pattern: '^(last12|[0-9]{4}-(0[1-9]|1[0-2]))$', description: "'last12' (default) or a month as YYYY-MM" })),
  aimag: Type.Optional(Type.String({ pattern: '^[0-9]{2}$', description: 'Limit to one aimag or the capital (2-digit code)' })),
});
type PeriodQuery = Static<typeof PeriodQuery>;

const FiguresSchema = Type.Object({
  received: Type.Integer(),
  answered: Type.Integer(),
  answered_on_time: Type.Integer(),
  extended: Type.Integer(),
  median_days_to_answer: Type.Union([Type.Integer(), Type.Null()]),
  satisfied: Type.Integer(),
  unsatisfied: Type.Integer(),
});
const BodyFiguresSchema = Type.Intersect([Type.Object({ body: Type.String(), name_mn: Type.String(), name_en: Type.String(), overdue_now: Type.Integer() }), FiguresSchema]);
const MonthFiguresSchema = Type.Intersect([Type.Object({ month: Type.String() }), FiguresSchema]);
const NamedFiguresSchema = Type.Object({ code: Type.String(), name_mn: Type.String(), name_en: Type.String(), received: Type.Integer(), answered: Type.Integer(), answered_on_time: Type.Integer() });
const PeriodSchema = Type.Object({ from: Type.String(), to: Type.String({ description: 'exclusive' }) });

const json = (f: Figures) => ({
  received: f.received,
  answered: f.answered,
  answered_on_time: f.answeredOnTime,
  extended: f.extended,
  median_days_to_answer: f.medianDays,
  satisfied: f.satisfied,
  unsatisfied: f.unsatisfied,
});
const bodyJson = (r: BodyRow) => ({ body: r.slug, name_mn: r.nameMn, name_en: r.nameEn, overdue_now: r.overdueNow, ...json(r) });
const monthJson = (r: MonthRow) => ({ month: r.month.slice(0, 7), ...json(r) });
const namedJson = (r: { code: string; nameMn: string; nameEn: string; received: number; answered: number; answeredOnTime: number }) => ({
  code: r.code,
  name_mn: r.nameMn,
  name_en: r.nameEn,
  received: r.received,
  answered: r.answered,
  answered_on_time: r.answeredOnTime,
});

const FIGURE_COLUMNS = ['received', 'answered', 'answered_on_time', 'extended', 'median_days_to_answer', 'satisfied', 'unsatisfied'];
const figureCells = (f: Figures) => [f.received, f.answered, f.answeredOnTime, f.extended, f.medianDays, f.satisfied, f.unsatisfied];

function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
}

/** The months offered in the period selector: the last 24, newest first. */
function recentMonths(now: Date): string[] {
  const current = monthOf(now);
  return Array.from({ length: 24 }, (_, i) => addMonths(current, -i));
}

function choose(query: PeriodQuery, now: Date): { choice: PeriodChoice; period: Period } {
  const value = query.period ?? 'last12';
  if (value !== 'last12' && !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(value)) throw new AppError('stats.bad_month', { status: 400 });
  if (value !== 'last12' && `${value}-01` > monthOf(now)) throw new AppError('stats.future_month', { status: 400 });
  const period = value === 'last12' ? lastTwelveMonths(now) : singleMonth(`${value}-01`);
  return { choice: { value, months: recentMonths(now) }, period };
}

function knownAimag(code: string | undefined): string | undefined {
  if (!code) return undefined;
  const place = placeCatalogue().get(code);
  if (!place || place.level !== 1) throw new AppError('stats.bad_place', { status: 404 });
  return code;
}

async function loadBody(deps: AppDeps, slug: string) {
  const body = await findBodyLink(deps.db, slug);
  if (!body) throw new AppError('not_found');
  return body;
}

function loadPlace(code: string) {
  const place = placeCatalogue().get(code);
  if (!place || place.level > 2) throw new AppError('stats.bad_place', { status: 404 });
  return place;
}

/** A report's month: well formed (else 400) and already begun (a later month has no report: 404). */
function monthParam(month: string, now: Date): string {
  if (!/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(month)) throw new AppError('stats.bad_month', { status: 400 });
  if (`${month}-01` > monthOf(now)) throw new AppError('stats.future_month', { status: 404 });
  return `${month}-01`;
}

/**
 * Responsiveness statistics: every body's and place's figures as pages with SVG charts,
 * and the same figures as JSON (documented) and CSV downloads.
 */
export default async function statsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const api = { api: true } as const;

  async function overview(req: FastifyRequest<{ Querystring: PeriodQuery }>) {
    const { choice, period } = choose(req.query, req.now);
    const aimag = knownAimag(req.query.aimag);
    const filter = aimag ? { place: aimag } : {};
    const [rows, months, refreshedAt] = await Promise.all([figuresByBody(db, period, req.now, filter), figuresByMonth(db, period, filter), statsRefreshedAt(db)]);
    return { choice, period, aimag, rows, months, refreshedAt };
  }

  app.get<{ Querystring: PeriodQuery }>('/responsiveness', { schema: { hide: true, querystring: PeriodQuery } }, async (req, reply) => {
    const data = await overview(req);
    const aimags = placeCatalogue()
      .firstLevel(req.lang)
      .map((p) => ({ code: p.code, name: localized(req.lang, p.name_mn, p.name_en) }));
    return sendPage(req, reply, <OverviewPage {...data} aimags={aimags} />);
  });

  app.get<{ Querystring: PeriodQuery }>(
    '/api/responsiveness',
    {
      config: api,
      schema: {
        tags: ['responsiveness'],
        summary: 'Figures of every body for a period',
        querystring: PeriodQuery,
        response: { 200: Type.Object({ period: PeriodSchema, aimag: Type.Union([Type.String(), Type.Null()]), bodies: Type.Array(BodyFiguresSchema), months: Type.Array(MonthFiguresSchema) }) },
      },
    },
    async (req) => {
      const data = await overview(req);
      return { period: data.period, aimag: data.aimag ?? null, bodies: data.rows.map(bodyJson), months: data.months.map(monthJson) };
    },
  );

  app.get<{ Querystring: PeriodQuery }>('/responsiveness.csv', { schema: { hide: true, querystring: PeriodQuery } }, async (req, reply) => {
    const data = await overview(req);
    const csv = toCsv(
      ['body', 'name_mn', 'name_en', 'overdue_now', ...FIGURE_COLUMNS],
      data.rows.map((r) => [r.slug, r.nameMn, r.nameEn, r.overdueNow, ...figureCells(r)]),
    );
    return sendCsv(reply, `irgen-responsiveness-${data.period.from.slice(0, 7)}-${addMonths(data.period.to, -1).slice(0, 7)}.csv`, csv);
  });

  async function bodyData(req: FastifyRequest<{ Params: { slug: string }; Querystring: PeriodQuery }>) {
    const body = await loadBody(deps, req.params.slug);
    const { choice, period } = choose(req.query, req.now);
    const filter = { bodyId: body.id };
    const [t, months, categories, places, refreshedAt] = await Promise.all([
      totals(db, period, req.now, filter),
      figuresByMonth(db, period, filter),
      figuresByCategory(db, period, filter),
      figuresByPlace(db, period, undefined, body.id),
      statsRefreshedAt(db),
    ]);
    return { body, choice, period, totals: t, months, categories, places, refreshedAt };
  }

  app.get<{ Params: { slug: string }; Querystring: PeriodQuery }>('/responsiveness/bodies/:slug', { schema: { hide: true, querystring: PeriodQuery } }, async (req, reply) => {
    const data = await bodyData(req);
    return sendPage(req, reply, <BodyStatsPage {...data} />);
  });

  app.get<{ Params: { slug: string }; Querystring: PeriodQuery }>(
    '/api/responsiveness/bodies/:slug',
    {
      config: api,
      schema: {
        tags: ['responsiveness'],
        summary: 'One body’s figures: totals, month by month, by category',
        params: Type.Object({ slug: Type.String({ maxLength: 80 }) }),
        querystring: PeriodQuery,
        response: {
          200: Type.Object({
            body: Type.String(),
            name_mn: Type.String(),
            name_en: Type.String(),
            period: PeriodSchema,
            totals: Type.Intersect([FiguresSchema, Type.Object({ overdue_now: Type.Integer() })]),
            months: Type.Array(MonthFiguresSchema),
            categories: Type.Array(NamedFiguresSchema),
          }),
        },
      },
    },
    async (req) => {
      const d = await bodyData(req);
      return {
        body: d.body.slug,
        name_mn: d.body.nameMn,
        name_en: d.body.nameEn,
        period: d.period,
        totals: { ...json(d.totals), overdue_now: d.totals.overdueNow },
        months: d.months.map(monthJson),
        categories: d.categories.map(namedJson),
      };
    },
  );

  app.get<{ Params: { slug: string }; Querystring: PeriodQuery }>('/responsiveness/bodies/:slug.csv', { schema: { hide: true, querystring: PeriodQuery } }, async (req, reply) => {
    const d = await bodyData(req);
    const csv = toCsv(['month', ...FIGURE_COLUMNS], d.months.map((m) => [m.month.slice(0, 7), ...figureCells(m)]));
    return sendCsv(reply, `irgen-responsiveness-${d.body.slug}.csv`, csv);
  });

  async function placeData(req: FastifyRequest<{ Params: { code?: string }; Querystring: PeriodQuery }>) {
    const place = req.params.code ? loadPlace(req.params.code) : null;
    const { choice, period } = choose(req.query, req.now);
    const filter = place ? { place: place.code } : {};
    const [t, months, bodies, subPlaces, categories, refreshedAt] = await Promise.all([
      totals(db, period, req.now, filter),
      figuresByMonth(db, period, filter),
      figuresByBody(db, period, req.now, filter),
      place && place.level === 2 ? Promise.resolve([]) : figuresByPlace(db, period, place?.code),
      figuresByCategory(db, period, filter),
      statsRefreshedAt(db),
    ]);
    const path = place ? placeCatalogue().path(place.code).map((p) => ({ code: p.code, nameMn: p.name_mn, nameEn: p.name_en })) : [];
    return { place: place && { code: place.code, nameMn: place.name_mn, nameEn: place.name_en }, path, choice, period, totals: t, months, bodies, subPlaces, categories, refreshedAt };
  }

  for (const path of ['/responsiveness/places', '/responsiveness/places/:code']) {
    app.get<{ Params: { code?: string }; Querystring: PeriodQuery }>(path, { schema: { hide: true, querystring: PeriodQuery } }, async (req, reply) => {
      const data = await placeData(req);
      return sendPage(req, reply, <PlaceStatsPage {...data} />);
    });
    app.get<{ Params: { code?: string }; Querystring: PeriodQuery }>(`${path}.csv`, { schema: { hide: true, querystring: PeriodQuery } }, async (req, reply) => {
      const d = await placeData(req);
      const csv = toCsv(
        ['body', 'name_mn', 'name_en', 'overdue_now', ...FIGURE_COLUMNS],
        d.bodies.map((r) => [r.slug, r.nameMn, r.nameEn, r.overdueNow, ...figureCells(r)]),
      );
      return sendCsv(reply, `irgen-responsiveness-place-${d.place?.code ?? 'mn'}.csv`, csv);
    });
    app.get<{ Params: { code?: string }; Querystring: PeriodQuery }>(
      `/api${path}`,
      {
        config: api,
        schema: {
          tags: ['responsiveness'],
          summary: path.endsWith(':code') ? 'Figures of feedback about one aimag or soum' : 'Figures of the whole country, by aimag',
          ...(path.endsWith(':code') ? { params: Type.Object({ code: Type.String({ pattern: '^[0-9]{2}([0-9]{2})?$' }) }) } : {}),
          querystring: PeriodQuery,
          response: {
            200: Type.Object({
              place: Type.Union([Type.String(), Type.Null()]),
              period: PeriodSchema,
              totals: Type.Intersect([FiguresSchema, Type.Object({ overdue_now: Type.Integer() })]),
              months: Type.Array(MonthFiguresSchema),
              bodies: Type.Array(BodyFiguresSchema),
              places: Type.Array(NamedFiguresSchema),
            }),
          },
        },
      },
      async (req) => {
        const d = await placeData(req);
        return {
          place: d.place?.code ?? null,
          period: d.period,
          totals: { ...json(d.totals), overdue_now: d.totals.overdueNow },
          months: d.months.map(monthJson),
          bodies: d.bodies.map(bodyJson),
          places: d.subPlaces.map(namedJson),
        };
      },
    );
  }

  app.get('/responsiveness/reports', { schema: { hide: true } }, async (req, reply) => sendPage(req, reply, <ReportsIndexPage months={recentMonths(req.now)} />));

  async function reportData(req: FastifyRequest<{ Params: { month: string } }>) {
    const month = monthParam(req.params.month, req.now);
    const period = singleMonth(month);
    const [t, bodies, categories, places, refreshedAt] = await Promise.all([
      totals(db, period, req.now, {}),
      figuresByBody(db, period, req.now),
      figuresByCategory(db, period),
      figuresByPlace(db, period),
      statsRefreshedAt(db),
    ]);
    // In a past month's report only bodies that received something that month belong.
    return { month, totals: t, bodies: bodies.filter((b) => b.received > 0), categories, places, refreshedAt };
  }

  app.get<{ Params: { month: string } }>('/responsiveness/reports/:month', { schema: { hide: true } }, async (req, reply) => {
    const data = await reportData(req);
    return sendPage(req, reply, <ReportPage {...data} />);
  });

  app.get<{ Params: { month: string } }>('/responsiveness/reports/:month.csv', { schema: { hide: true } }, async (req, reply) => {
    const d = await reportData(req);
    const csv = toCsv(['body', 'name_mn', 'name_en', ...FIGURE_COLUMNS], d.bodies.map((r) => [r.slug, r.nameMn, r.nameEn, ...figureCells(r)]));
    return sendCsv(reply, `irgen-report-${req.params.month}.csv`, csv);
  });

  app.get<{ Params: { month: string } }>(
    '/api/responsiveness/reports/:month',
    {
      config: api,
      schema: {
        tags: ['responsiveness'],
        summary: 'The monthly report: a month’s feedback by body, category and aimag',
        params: Type.Object({ month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }) }),
        response: {
          200: Type.Object({
            month: Type.String(),
            totals: Type.Intersect([FiguresSchema, Type.Object({ overdue_now: Type.Integer() })]),
            bodies: Type.Array(BodyFiguresSchema),
            categories: Type.Array(NamedFiguresSchema),
            places: Type.Array(NamedFiguresSchema),
          }),
        },
      },
    },
    async (req) => {
      const d = await reportData(req);
      return {
        month: d.month.slice(0, 7),
        totals: { ...json(d.totals), overdue_now: d.totals.overdueNow },
        bodies: d.bodies.map(bodyJson),
        categories: d.categories.map(namedJson),
        places: d.places.map(namedJson),
      };
    },
  );
}
