import fs from 'node:fs/promises';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { renderToString } from 'preact-render-to-string';
import type { AppDeps } from '../../deps.js';
import { toCsv } from '../../shared/csv.js';
import type { Db } from '../../shared/db/database.js';
import { localDay } from '../../shared/i18n/format.js';
import { translator, type Lang } from '../../shared/i18n/index.js';
import { renderPdf } from '../../shared/pdf.js';
import { STATIC_DIR } from '../../shared/views/assets.js';
import { PageContextValue, type PageContext } from '../../shared/views/context.js';
import { sendPage } from '../../shared/views/render.js';
import { exportPlan } from './export.js';
import { loadPlanOr404, sendCsv } from './http.js';
import { disagrees } from './model.js';
import { loadPlanDetail, planAssessmentHistory, planComments, planReportHistory, type PlanRow } from './queries.js';
import { csoView } from './summary.js';
import { PdfQuery, PlanParams } from './schemas.js';
import { milestonePath } from './urls.js';
import { ReportDocument, ReportPage } from './views/report-page.js';

/** Styles of the PDF: the site's stylesheet, then print rules for a document without the site around it. */
const PDF_CSS = `
body.pdf { font-size: 10.5pt; }
body.pdf main { padding: 0; }
.report h1 { font-size: 20pt; }
.report h2 { font-size: 15pt; break-after: avoid; }
.report h3 { font-size: 12.5pt; break-after: avoid; }
.report h4 { font-size: 11pt; break-after: avoid; }
.report-section { break-before: page; }
.report-milestone { break-inside: avoid-page; }
.table-wrap { overflow: visible; }
a { color: inherit; text-decoration: none; }
`;

let siteCss: Promise<string> | undefined;
function pdfCss(): Promise<string> {
  siteCss ??= fs.readFile(`${STATIC_DIR}site.css`, 'utf8').then((css) => `${css}\n${PDF_CSS}`);
  return siteCss;
}

/**
 * What the PDF shows changes only when one of these does; a PDF made for the same values is
 * reused. Rows are only added (reports, assessments, comments, and commitments and milestones
 * written on the platform), so the newest id of each says whether anything came; answers are
 * the one change made in place, counted.
 */
async function fingerprint(db: Db, plan: PlanRow, now: Date): Promise<string> {
  const { rows } = await sql<{ k: number | null; m: number | null; r: number | null; a: number | null; c: number | null; n: number }>`
    SELECT
      (SELECT max(c.id) FROM commitment c WHERE c.plan_id = ${plan.id}) AS k,
      (SELECT max(m.id) FROM commitment_milestone m JOIN commitment c ON c.id = m.commitment_id WHERE c.plan_id = ${plan.id}) AS m,
      (SELECT max(r.id) FROM commitment_report r JOIN commitment_milestone m ON m.id = r.milestone_id JOIN commitment c ON c.id = m.commitment_id WHERE c.plan_id = ${plan.id}) AS r,
      (SELECT max(a.id) FROM commitment_assessment a JOIN commitment_milestone m ON m.id = a.milestone_id JOIN commitment c ON c.id = m.commitment_id WHERE c.plan_id = ${plan.id}) AS a,
      (SELECT max(k.id) FROM commitment_comment k WHERE k.plan_id = ${plan.id}) AS c,
      (SELECT count(*) FROM commitment_comment k WHERE k.plan_id = ${plan.id} AND k.answered_at IS NOT NULL) AS n`.execute(db);
  return JSON.stringify([plan.id, plan.closedAt?.getTime() ?? null, rows[0], localDay(now)]);
}

const pdfCache = new Map<string, { key: string; pdf: Buffer }>();

function contextFor(lang: Lang, path: string, now: Date): PageContext {
  return { lang, t: translator(lang), actor: null, path, now, largeText: false, csrfToken: () => '' };
}

/** The report: printable page, PDF (Mongolian or English), CSV tables and the plan file. */
export default async function reportRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  r.get('/commitments/:plan/report', { schema: { hide: true, params: PlanParams } }, async (req, reply) => {
    const plan = await loadPlanOr404(db, req.params.plan);
    const [detail, comments] = await Promise.all([loadPlanDetail(db, plan, req.now), planComments(db, plan)]);
    return sendPage(req, reply, <ReportPage detail={detail} comments={comments} now={req.now} />);
  });

  r.get(
    '/commitments/:plan/report.pdf',
    {
      schema: {
        tags: ['commitments'],
        summary: 'The plan’s report as PDF',
        description: 'Made from the printable report page in headless Chromium. 503 in both languages when the server has no Chromium.',
        params: PlanParams,
        querystring: PdfQuery,
      },
    },
    async (req, reply) => {
      const plan = await loadPlanOr404(db, req.params.plan);
      const lang: Lang = req.query.lang ?? req.lang;
      const key = `${plan.slug}:${lang}`;
      const print = await fingerprint(db, plan, req.now);
      let pdf = pdfCache.get(key)?.key === print ? pdfCache.get(key)!.pdf : undefined;
      if (!pdf) {
        const [detail, comments] = await Promise.all([loadPlanDetail(db, plan, req.now), planComments(db, plan)]);
        const ctx = contextFor(lang, req.url, req.now);
        const html =
          '<!doctype html>' +
          renderToString(
            <PageContextValue.Provider value={ctx}>
              <ReportDocument detail={detail} comments={comments} now={req.now} />
            </PageContextValue.Provider>,
          );
        const t = translator(lang) as unknown as (k: string) => string;
        pdf = await renderPdf(html, { css: await pdfCss(), pageLabel: { page: t('commitments:report.pageLabel'), of: t('commitments:report.pageOf') } });
        pdfCache.set(key, { key: print, pdf });
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${plan.slug}-report-${lang}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  r.get('/commitments/:plan/export.json', { schema: { hide: true, params: PlanParams } }, async (req, reply) => {
    const plan = await loadPlanOr404(db, req.params.plan);
    const document = await exportPlan(db, plan.id);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="${plan.slug}.json"`)
      .send(JSON.stringify(document, null, 2));
  });

  r.get('/commitments/:plan/milestones.csv', { schema: { hide: true, params: PlanParams } }, async (req, reply) => {
    const plan = await loadPlanOr404(db, req.params.plan);
    const detail = await loadPlanDetail(db, plan, req.now);
    const base = req.protocol + '://' + req.host;
    const rows = detail.milestones.map((m) => {
      const cso = csoView(m.assessments.map((a) => a.value).filter((v) => v !== null));
      return [
        plan.slug,
        m.commitmentNumber,
        m.sequence,
        m.id,
        m.titleMn,
        m.titleEn,
        m.lead.slug,
        m.due,
        m.overdue,
        m.government?.value ?? '',
        m.government?.version ?? '',
        m.government ? m.government.reportedAt : '',
        m.assessments.filter((a) => a.value !== null).length,
        cso ?? '',
        m.disagreement,
        `${base}${milestonePath(plan.slug, m.id)}`,
      ];
    });
    const header = ['plan', 'commitment', 'milestone', 'milestone_id', 'title_mn', 'title_en', 'lead_body', 'due', 'overdue', 'government_status', 'government_version', 'government_reported_at', 'cso_assessments', 'cso_most_critical', 'disagreement', 'url'];
    return sendCsv(reply, `${plan.slug}-milestones.csv`, toCsv(header, rows));
  });

  r.get('/commitments/:plan/reports.csv', { schema: { hide: true, params: PlanParams } }, async (req, reply) => {
    const plan = await loadPlanOr404(db, req.params.plan);
    const reports = await planReportHistory(db, plan.id);
    const header = ['plan', 'commitment', 'milestone', 'milestone_id', 'version', 'status', 'body', 'reported_at', 'source', 'lang', 'evidence', 'links', 'files'];
    const rows = reports.map((x) => [plan.slug, x.commitmentNumber, x.sequence, x.milestoneId, x.version, x.value ?? '', x.body.slug, x.reportedAt, x.source, x.lang, x.evidence, x.links.join(' '), x.files.length]);
    return sendCsv(reply, `${plan.slug}-reports.csv`, toCsv(header, rows));
  });

  r.get('/commitments/:plan/assessments.csv', { schema: { hide: true, params: PlanParams } }, async (req, reply) => {
    const plan = await loadPlanOr404(db, req.params.plan);
    const [assessments, detail] = await Promise.all([planAssessmentHistory(db, plan.id), loadPlanDetail(db, plan, req.now)]);
    const government = new Map(detail.milestones.map((m) => [m.id, m.government?.value ?? null]));
    const header = ['plan', 'commitment', 'milestone', 'milestone_id', 'organisation', 'organisation_name_en', 'organisation_as_printed', 'version', 'status', 'assessed_on', 'assessed_at', 'source', 'kind', 'lang', 'justification', 'evidence', 'links', 'differs_from_current_government'];
    const rows = assessments.map((a) => [
      plan.slug,
      a.commitmentNumber,
      a.sequence,
      a.milestoneId,
      a.organisation?.slug ?? '',
      a.organisation?.nameEn ?? '',
      a.printed,
      a.version,
      a.value ?? '',
      a.assessedOn,
      a.assessedAt,
      a.source,
      a.importKind,
      a.lang,
      a.justification,
      a.evidence,
      a.links.join(' '),
      disagrees(a.value, government.get(a.milestoneId) ?? null),
    ]);
    return sendCsv(reply, `${plan.slug}-assessments.csv`, toCsv(header, rows));
  });

  r.get('/commitments/:plan/comments.csv', { schema: { hide: true, params: PlanParams } }, async (req, reply) => {
    const plan = await loadPlanOr404(db, req.params.plan);
    const comments = await planComments(db, plan);
    const header = ['plan', 'comment_id', 'commitment', 'section', 'author', 'by_owner', 'date', 'lang', 'text', 'answered_at', 'answer_body', 'answer'];
    const rows = comments.map((c) => [
      plan.slug,
      c.id,
      c.commitmentNumber,
      c.section,
      c.organisation?.slug ?? (c.byPerson ? 'citizen' : (c.printed ?? '')),
      c.byOwner,
      c.commentedOn ?? localDay(c.commentedAt),
      c.lang,
      c.text,
      c.answer?.at ?? '',
      c.answer?.body.slug ?? '',
      c.answer?.text ?? '',
    ]);
    return sendCsv(reply, `${plan.slug}-comments.csv`, toCsv(header, rows));
  });
}
