import fs from 'node:fs';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { AppDeps } from '../../deps.js';
import { renderPdf } from '../../shared/pdf.js';
import { PageContextValue } from '../../shared/views/context.js';
import { STATIC_DIR } from '../../shared/views/assets.js';
import { pageContext, sendPage } from '../../shared/views/render.js';
import { loadReadable } from './http.js';
import { loadReport, reportCsv, totalsCsv } from './report.js';
import { IdParams } from './schemas.js';
import { FullReportPage, ReportDocument, ReportSummaryPage } from './views/report-pages.js';

type Deps = Pick<AppDeps, 'db'>;

let stylesheet: string | undefined;
/** The site's stylesheet, inlined into the PDF's document (Chromium fetches nothing). */
function siteCss(): string {
  return (stylesheet ??= fs.readFileSync(`${STATIC_DIR}site.css`, 'utf8'));
}

export function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'no-store').send(csv);
}

/**
 * The consultation report: a summary page, the full printable page, the same as PDF
 * (printed by Chromium through the shared renderer, src/shared/pdf.ts) and as CSV (comments with answers; totals). Interim while the
 * consultation runs, final once it is finished.
 */
export function reportRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  r.get('/consultations/:id/report', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    const report = await loadReport(db, rd.c, req.now);
    return sendPage(req, reply, <ReportSummaryPage r={report} jsonHref={`/api/consultations/${rd.c.id}/report`} />);
  });

  r.get('/consultations/:id/report/full', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    const report = await loadReport(db, rd.c, req.now);
    return sendPage(req, reply, <FullReportPage r={report} jsonHref={`/api/consultations/${rd.c.id}/report`} />);
  });

  r.get(
    '/consultations/:id/report.pdf',
    {
      schema: {
        tags: ['consultations'],
        summary: 'The consultation report as PDF',
        description: 'The full report (totals, then every article with its comments and answers) printed by headless Chromium. Answers 503 when the server has no Chromium.',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const rd = await loadReadable(db, req, req.params.id);
      const report = await loadReport(db, rd.c, req.now);
      const html = '<!doctype html>' + renderToString(<PageContextValue.Provider value={pageContext(req, reply)}>{<ReportDocument r={report} />}</PageContextValue.Provider>);
      const bytes = await renderPdf(html, { css: siteCss(), pageLabel: { page: req.t('consultations:report.page'), of: req.t('consultations:report.of') } });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="consultation-${rd.c.id}-report.pdf"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );

  r.get(
    '/consultations/:id/report.csv',
    {
      schema: {
        tags: ['consultations'],
        summary: 'The consultation report as CSV: one row per comment',
        description:
          'Article number and heading, the comment (who: an organisation or "иргэн", a citizen; never a name), supports, the answer, its reason and whether it was on time. UTF-8 with a byte-order mark.',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const rd = await loadReadable(db, req, req.params.id);
      return sendCsv(reply, `consultation-${rd.c.id}-report.csv`, reportCsv(await loadReport(db, rd.c, req.now)));
    },
  );

  r.get(
    '/consultations/:id/report-totals.csv',
    {
      schema: {
        tags: ['consultations'],
        summary: 'The consultation report’s totals as CSV',
        description: 'Comments received, answered, accepted, partly accepted, not accepted, from organisations, from citizens, from hearings, supports, answered late, and comments by aimag.',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const rd = await loadReadable(db, req, req.params.id);
      return sendCsv(reply, `consultation-${rd.c.id}-totals.csv`, totalsCsv(await loadReport(db, rd.c, req.now, { withComments: false })));
    },
  );
}
