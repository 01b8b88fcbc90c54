import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { sendPage } from '../../shared/views/render.js';
import { loadReadable } from './http.js';
import { loadReport, reportCsv, totalsCsv } from './report.js';
import { IdParams } from './schemas.js';
import { FullReportPage, ReportSummaryPage } from './views/report-pages.js';
import { reportPdf } from './report-pdf.js';

type Deps = Pick<AppDeps, 'db'>;

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
    // The summary needs counts only; the comments themselves are on the full report.
    const report = await loadReport(db, rd.c, req.now, { withComments: false });
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
        description: 'The full report (totals, then every article with its comments and answers) printed by headless Chromium, in the language of the request. The final report is printed when the consultation finishes; a printed report is served again while its data is unchanged. Answers 503 when the server has no Chromium.',
        params: IdParams,
      },
    },
    async (req, reply) => {
      const rd = await loadReadable(db, req, req.params.id);
      const { pdf } = await reportPdf(db, rd.c, req.lang, req.now);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="consultation-${rd.c.id}-report.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
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
