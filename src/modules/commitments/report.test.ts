import { gzipSync, inflateSync } from 'node:zlib';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildMember, buildSmallPlan, importNap4 } from '../../../test/support/commitment-factories.js';
import { closePdfRenderer } from '../../shared/pdf.js';
import { assessMilestone } from './commands/assess.js';
import { addMilestone } from './commands/author.js';
import { reportProgress } from './commands/report-progress.js';
import type { PlanDetail } from './queries.js';
import { apiPlanPath, commitmentPath, csvPath, disagreementsPath, exportPath, milestonePath, planPath, reportPath } from './urls.js';
import { readDataFile } from './demo.js';

/**
 * The NAP IV plan's public face: the report as HTML and PDF in both languages with the
 * government's and the CSOs' views side by side, CSV, JSON documented in OpenAPI, and
 * pages light enough for a cheap phone.
 */
let t: TestApp;
let nap4: PlanDetail;
let slug: string;
let mojMilestone: number;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-25T02:00:00Z' });
  nap4 = await importNap4(t.db, t.clock.now());
  slug = nap4.plan.slug;
  // Commitment 2 is the Ministry of Justice's: its staff report, a CSO differs.
  const milestone = nap4.milestones.find((m) => m.commitmentNumber === 2 && m.sequence === 1)!;
  mojMilestone = milestone.id;
  const staff = await buildMember(t.db, milestone.lead.id);
  await reportProgress(
    t.db,
    nap4.plan.id,
    mojMilestone,
    { accountId: staff.id, bodyIds: [milestone.lead.id] },
    { status: 'completed', evidence: 'Мэдээллийн ил тод байдлын тухай хуулийн шинэчилсэн найруулгыг 2026 оны 5-р сард баталсан.', links: 'https://legalinfo.mn/mn/detail?lawId=1', files: [], lang: 'mn' },
    t.clock.now(),
  );
  const osf = await t.db.selectFrom('organisation').where('slug', '=', 'open-society-forum').select('id').executeTakeFirstOrThrow();
  const member = await buildMember(t.db, osf.id);
  await assessMilestone(
    t.db,
    nap4.plan.id,
    mojMilestone,
    { accountId: member.id, csoIds: [osf.id] },
    { organisationId: osf.id, status: 'limited_progress', justification: 'Хууль батлагдсан ч хэрэгжүүлэх журам гараагүй, мэдээллийн хүсэлтэд хариу өгөхгүй байна.', evidence: '', links: '', lang: 'mn' },
    t.clock.now(),
  );
});
afterAll(async () => {
  await closePdfRenderer();
  await t.close();
});

const gzipped = (body: string) => gzipSync(Buffer.from(body)).length;

describe('the report', () => {
  it('as a printable page shows the government’s report and the CSO’s different assessment beside it, structured like NAP IV', async () => {
    const page = await new WebClient(t.app).get(reportPath(slug));
    expect(page.statusCode).toBe(200);
    const html = page.body;
    for (const heading of ['Танилцуулга', 'Төлөвлөгөө боловсруулсан үйл явц', 'IRM-ийн зөвлөмжийн хэрэгжилт', 'Нэгдсэн дүн', 'Амлалтуудын үнэлгээ', 'Сургамж', 'Зөвлөмж', 'Хавсралт: ирсэн санал']) {
      expect(html).toContain(heading);
    }
    expect(html).toContain('Мэдээллийн ил тод байдлын тухай хуулийн шинэчилсэн найруулгыг');
    expect(html).toContain('Хууль батлагдсан ч хэрэгжүүлэх журам гараагүй');
    expect(html).toMatch(/class="cso-entry differs"/);
    // Stated beside computed.
    expect(html).toContain('53 үе шатын 39 нь бүрэн хэрэгжсэн (74%), 14 нь ахицтай.');
    expect(html).toContain('53 үе шатын 39 нь бүрэн эсвэл мэдэгдэхүйц ахицтай (74%), 13 нь хязгаарлагдмал, 0 нь эхлээгүй, 1 нь үнэлгээгүй.');
    // The IRM follow-up as stated beside the count of the milestones (commitments 2 and 8: 8 and 4).
    expect(html).toContain('Тайланд: 9 бүрэн эсвэл мэдэгдэхүйц, 3 хязгаарлагдмал.');
    // English source text is marked as English on a Mongolian page.
    expect(html).toMatch(/<p lang="en" class="pre-line">Law on Mineral Resources Transparency has changed its name/);
  });

  it('as a PDF in Mongolian and in English, made from that page by Chromium', async () => {
    for (const lang of ['mn', 'en'] as const) {
      const response = await new WebClient(t.app).get(`${reportPath(slug)}.pdf?lang=${lang}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const pdf = response.rawPayload;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdf.length).toBeGreaterThan(50_000);
      // The outline (bookmarks) holds the report's headings in the chosen language.
      const text = pdfStrings(pdf);
      expect(text).toContain(lang === 'mn' ? 'Амлалтуудын үнэлгээ' : 'Assessment of the commitments');
      expect(text).toContain(lang === 'mn' ? '2-р амлалт' : 'Commitment 2');
    }
  }, 120_000);

  it('as a PDF answers 503 in both languages when the server has no Chromium, and the page still works', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    await closePdfRenderer();
    try {
      // A new comment changes the report, so no PDF made before is reused.
      const osf = await t.db.selectFrom('organisation').where('slug', '=', 'open-society-forum').select('id').executeTakeFirstOrThrow();
      await t.db.insertInto('commitment_comment').values({ plan_id: nap4.plan.id, organisation_id: osf.id, text: 'Тайланг шинэчилнэ үү.', lang: 'mn', commented_at: t.clock.now(), source: 'import' }).execute();
      const response = await new WebClient(t.app).get(`${reportPath(slug)}.pdf?lang=en`, { accept: 'application/json' });
      expect(response.statusCode).toBe(503);
      const body = response.json() as { error: { code: string; messages: { mn: string; en: string } } };
      expect(body.error.code).toBe('pdf.unavailable');
      expect(body.error.messages.mn).toContain('Chromium хөтөч) суулгаагүй');
      expect(body.error.messages.en).toContain('the Chromium browser) is not installed');
      const page = await new WebClient(t.app).get(`${reportPath(slug)}.pdf?lang=mn`);
      expect(page.statusCode).toBe(503);
      expect(page.body).toContain('Хэвлэх хувилбарыг хөтчөөсөө хэвлэх');
      expect((await new WebClient(t.app).get(reportPath(slug))).statusCode).toBe(200);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
      await closePdfRenderer();
    }
  });

  it('as a PDF is printed again the day a milestone is added to the plan, not reused from before', async () => {
    const small = await buildSmallPlan(t.db, t.clock.now());
    const pdfPath = `${reportPath(small.slug)}.pdf?lang=en`;
    expect((await new WebClient(t.app).get(pdfPath)).statusCode).toBe(200);
    await addMilestone(t.db, small.detail.plan.id, 1, { titleMn: 'Нэмсэн үе шат', titleEn: 'An added milestone', leadBodyId: small.lead.id, due: '2026-12-15' }, t.clock.now());
    // Without Chromium, only a PDF made before could be served: the answer must be 503.
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    await closePdfRenderer();
    try {
      expect((await new WebClient(t.app).get(pdfPath)).statusCode).toBe(503);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
      await closePdfRenderer();
    }
  }, 120_000);

  it('as CSV: milestones, every report version, every assessment, comments', async () => {
    const client = new WebClient(t.app);
    const milestones = await client.get(csvPath(slug, 'milestones'));
    expect(milestones.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = milestones.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('plan,commitment,milestone,milestone_id,title_mn,title_en,lead_body,due,overdue,government_status,government_version,government_reported_at,cso_assessments,cso_most_critical,disagreement,url');
    expect(lines).toHaveLength(54);
    const reports = await client.get(csvPath(slug, 'reports'));
    expect(reports.body).toContain(`,${mojMilestone},2,completed,ministry-of-justice-and-home-affairs,`);
    const assessments = await client.get(csvPath(slug, 'assessments'));
    expect(assessments.body).toContain(`open-society-forum,Open Society Forum,,1,limited_progress`);
    const comments = await client.get(csvPath(slug, 'comments'));
    expect(comments.body.split('\r\n')[0]).toBe('\uFEFFplan,comment_id,commitment,section,author,by_owner,date,lang,text,answered_at,answer_body,answer');
  });
});

describe('open data', () => {
  it('has every page as JSON, valid against the schemas published in OpenAPI', async () => {
    const client = new WebClient(t.app);
    const openapi = (await client.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, { tags?: string[]; responses: Record<string, { content?: Record<string, { schema: object }> }> }>> };
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const check = (path: string, url: string) => {
      const op = openapi.paths[path]!.get!;
      expect(op.tags).toEqual(['commitments']);
      return async () => {
        const response = await client.get(url);
        expect(response.statusCode).toBe(200);
        const schema = op.responses['200']!.content!['application/json']!.schema;
        const valid = ajv.validate(schema, response.json());
        expect(ajv.errors ?? []).toEqual([]);
        expect(valid).toBe(true);
        return response.json();
      };
    };
    await check('/api/commitments/plans', '/api/commitments/plans')();
    const plan = (await check('/api/commitments/plans/{plan}', apiPlanPath(slug))()) as { figures: { government_bands: Record<string, number> }; stated: { completed: number }; commitments: unknown[] };
    expect(plan.figures.government_bands).toEqual({ green: 39, yellow: 13, red: 0, none: 1 });
    expect(plan.stated.completed).toBe(39);
    expect(plan.commitments).toHaveLength(9);
    await check('/api/commitments/plans/{plan}/commitments/{number}', `${apiPlanPath(slug)}/commitments/2`)();
    const milestone = (await check('/api/commitments/plans/{plan}/milestones/{id}', `${apiPlanPath(slug)}/milestones/${mojMilestone}`)()) as { disagreement: boolean; reports: { version: number; status: string }[] };
    expect(milestone.disagreement).toBe(true);
    expect(milestone.reports.map((r) => [r.version, r.status])).toEqual([
      [2, 'completed'],
      [1, 'limited_progress'],
    ]);
    const disagreements = (await check('/api/commitments/plans/{plan}/disagreements', `${apiPlanPath(slug)}/disagreements`)()) as { milestones: unknown[] };
    expect(disagreements.milestones).toHaveLength(11);
    await check('/api/commitments/plans/{plan}/comments', `${apiPlanPath(slug)}/comments`)();
    const exported = await client.get(exportPath(slug));
    expect(exported.headers['content-disposition']).toBe(`attachment; filename="${slug}.json"`);
    expect(((exported.json() as { commitments: unknown[] }).commitments)).toHaveLength(9);
    expect(await check('/api/commitments/plans/{plan}/export', `${apiPlanPath(slug)}/export`)()).toEqual(exported.json());
  });

  it('answers a plan that does not exist with a 404 in both languages', async () => {
    const response = await new WebClient(t.app).get('/api/commitments/plans/no-such-plan');
    expect(response.statusCode).toBe(404);
    expect((response.json() as { error: { messages: { mn: string; en: string } } }).error.messages.en).toContain('not found');
  });
});

describe('pages', () => {
  it('stay under 50 KB gzipped, even the whole NAP IV report', async () => {
    const client = new WebClient(t.app);
    for (const path of ['/commitments', planPath(slug), commitmentPath(slug, 1), milestonePath(slug, mojMilestone), disagreementsPath(slug), `${planPath(slug)}/comments`, reportPath(slug)]) {
      const response = await client.get(path);
      expect(response.statusCode, path).toBe(200);
      expect(gzipped(response.body), path).toBeLessThan(50 * 1024);
    }
  });

  it('keep the data file’s own figures in sight: the plan page says 39 stated, and counts from the milestones', async () => {
    const data = readDataFile('ogp-nap4-mongolia.json') as { plan: { summary: { milestones_completed_reported: number } } };
    const page = await new WebClient(t.app).get(planPath(slug));
    expect(page.body).toContain(`53 үе шатын ${data.plan.summary.milestones_completed_reported} нь бүрэн хэрэгжсэн (74%)`);
    expect(page.body).toContain('Тайлангийн өөрийн дүн ба үе шатуудаас тоолсон дүн');
    expect(page.body).toContain('<svg class="chart"');
  });
});

/** Text strings of a PDF: its streams inflated, then literal and hex strings decoded (UTF-16 where marked). */
function pdfStrings(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const parts: string[] = [raw];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      parts.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a deflated stream (images, fonts): skip it.
    }
  }
  const all = parts.join('\n');
  const out: string[] = [];
  for (const m of all.matchAll(/<FEFF([0-9A-Fa-f]+)>/g)) out.push(Buffer.from(m[1]!, 'hex').swap16().toString('utf16le'));
  for (const m of all.matchAll(/\((\xfe\xff(?:[^\\)]|\\.)*)\)/g)) {
    const bytes = Buffer.from(m[1]!.replace(/\\(.)/g, '$1'), 'latin1').subarray(2);
    out.push(Buffer.from(bytes).swap16().toString('utf16le'));
  }
  for (const m of all.matchAll(/\(((?:[^\\()]|\\.){3,})\)/g)) out.push(m[1]!);
  return out.join('\n');
}
