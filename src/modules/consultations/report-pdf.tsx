import fs from 'node:fs';
import { sql } from 'kysely';
import { renderToString } from 'preact-render-to-string';
import type { Db, Queryable } from '../../shared/db/database.js';
import { AppError } from '../../shared/errors.js';
import { translator, type Lang } from '../../shared/i18n/index.js';
import type { JobDefinition } from '../../shared/jobs/worker.js';
import { renderPdf } from '../../shared/pdf.js';
import { STATIC_DIR } from '../../shared/views/assets.js';
import { PageContextValue, type PageContext } from '../../shared/views/context.js';
import { REPORT_PDF_TASK } from './commands/consultation.js';
import { findConsultation, type Consultation } from './queries.js';
import { loadReport } from './report.js';
import { ReportDocument } from './views/report-pages.js';

/**
 * The report as PDF. Chromium prints the full report page (src/shared/pdf.ts); for a
 * national law with tens of thousands of comments that takes tens of seconds, so the
 * printed file is kept with a fingerprint of the data it shows and served again while
 * the data is unchanged. The final report is printed in the background as soon as the
 * consultation finishes (REPORT_PDF_TASK), so its download is immediate.
 */
export { REPORT_PDF_TASK };

/** Long reports take long to print; the shared renderer's minute is not enough for the largest. */
const RENDER_TIMEOUT_MS = 10 * 60_000;

let stylesheet: string | undefined;
/** The site's stylesheet, placed in the document (Chromium fetches nothing). */
export function siteCss(): string {
  return (stylesheet ??= fs.readFileSync(`${STATIC_DIR}site.css`, 'utf8'));
}

/** What the report shows, summed up: any comment, answer, support, version, hearing or moderation decision changes it. */
export async function reportFingerprint(db: Queryable, c: Consultation): Promise<string> {
  const row = await sql<{ f: string }>`
    SELECT concat_ws(':',
      ${c.status}::text, ${c.finishedAt?.toISOString() ?? ''}::text,
      (SELECT concat_ws('/', count(*), max(id), sum(support_count), count(answer_id)) FROM consultation_comment WHERE consultation_id = ${c.id} AND status = 'published'),
      (SELECT max(id) FROM consultation_answer WHERE consultation_id = ${c.id}),
      (SELECT count(*) FROM consultation_version WHERE consultation_id = ${c.id} AND published_at IS NOT NULL),
      (SELECT concat_ws('/', count(*), max(minutes_added_at)) FROM consultation_hearing WHERE consultation_id = ${c.id}),
      (SELECT max(m.id) FROM consultation_moderation m JOIN consultation_comment cc ON cc.id = m.comment_id WHERE cc.consultation_id = ${c.id})
    ) AS f`.execute(db);
  return row.rows[0]!.f;
}

function context(lang: Lang, now: Date): PageContext {
  return { lang, t: translator(lang), actor: null, path: '', now, largeText: false, csrfToken: () => '' };
}

/** Prints the report in a language (without looking at the store). */
export async function printReport(db: Queryable, c: Consultation, lang: Lang, now: Date): Promise<Buffer> {
  const report = await loadReport(db, c, now);
  const html = '<!doctype html>' + renderToString(<PageContextValue.Provider value={context(lang, now)}>{<ReportDocument r={report} />}</PageContextValue.Provider>);
  const t = translator(lang);
  return renderPdf(html, { css: siteCss(), pageLabel: { page: t('consultations:report.page'), of: t('consultations:report.of') }, timeoutMs: RENDER_TIMEOUT_MS });
}

/** The report's PDF: the stored one if the data is unchanged, else printed now and stored. */
export async function reportPdf(db: Db, c: Consultation, lang: Lang, now: Date): Promise<{ pdf: Buffer; cached: boolean }> {
  const fingerprint = await reportFingerprint(db, c);
  const stored = await db.selectFrom('consultation_report_pdf').where('consultation_id', '=', c.id).where('lang', '=', lang).select(['fingerprint', 'pdf']).executeTakeFirst();
  if (stored && stored.fingerprint === fingerprint) return { pdf: stored.pdf, cached: true };
  const pdf = await printReport(db, c, lang, now);
  await db
    .insertInto('consultation_report_pdf')
    .values({ consultation_id: c.id, lang, fingerprint, pdf, rendered_at: now })
    .onConflict((oc) => oc.columns(['consultation_id', 'lang']).doUpdateSet({ fingerprint, pdf, rendered_at: now }))
    .execute();
  return { pdf, cached: false };
}

/** Prints the final report in both languages when a consultation finishes. */
export function reportPdfJob(db: Db): JobDefinition<{ consultationId: number }> {
  return {
    name: REPORT_PDF_TASK,
    async run(payload, at) {
      const c = await findConsultation(db, payload.consultationId);
      if (!c) return;
      try {
        for (const lang of ['mn', 'en'] as const) await reportPdf(db, c, lang, at);
      } catch (error) {
        // Without Chromium on the server there is nothing to print with; the page and CSV still serve.
        if (error instanceof AppError && error.code === 'pdf.unavailable') return;
        throw error;
      }
    },
  };
}
