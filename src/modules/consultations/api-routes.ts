import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { toCsv } from '../../shared/csv.js';
import { AppError } from '../../shared/errors.js';
import { findBodyLink } from '../bodies/queries.js';
import { compareVersions, summarise } from './changes.js';
import { allComments, changeLinks, listComments, type PublicComment } from './comment-queries.js';
import { loadReadable, notFoundConsultation } from './http.js';
import { isLate, phaseOf } from './model.js';
import { query, versionOf } from './pages.js';
import { LIST_PAGE_SIZE } from './public-routes.js';
import {
  accessOf,
  consultationFigures,
  lateConsultations,
  listConsultations,
  listHearings,
  outline,
  versionElements,
  type CommentFigures,
  type Consultation,
  type ListedConsultation,
} from './queries.js';
import { loadReport } from './report.js';
import { sendCsv } from './report-routes.js';
import {
  ApiCommentsQuery,
  ApiListQuery,
  CommentListJson,
  ConsultationJson,
  ConsultationListJson,
  ErrorResponse,
  IdParams,
  ReportJson,
  VersionChangesJson,
  VersionParams,
  VersionTextJson,
} from './schemas.js';
import { articlePath, changesPath, commentPath, consultationPath, reportPath, versionPath } from './urls.js';

type Deps = Pick<AppDeps, 'db' | 'config'>;

const API_CACHE = 'public, max-age=60';
const tags = ['consultations'];

/**
 * Open data: consultations, versions with their articles, comments (never who wrote them
 * beyond "citizen" or the organisation) and answers, as JSON described in the OpenAPI
 * document and as CSV. Every page's JSON twin is here.
 */
export function apiRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = deps;
  const abs = (path: string) => config.publicUrl + path;
  const api = { api: true } as const;

  const summaryJson = (c: Consultation & { comments: number; unanswered: number }, now: Date) => {
    const phase = phaseOf(accessOf(c), now);
    return {
      id: c.id,
      url: abs(consultationPath(c.id)),
      kind: c.kind,
      title: { mn: c.titleMn, en: c.titleEn },
      body: { slug: c.body.slug, name: { mn: c.body.nameMn, en: c.body.nameEn }, url: abs(`/bodies/${c.body.slug}`) },
      status: c.status,
      phase: phase === 'draft' ? ('upcoming' as const) : phase,
      opens_at: c.opensAt.toISOString(),
      closes_at: c.closesAt.toISOString(),
      answers_due_at: c.answersDueAt.toISOString(),
      answers_late: isLate(accessOf(c), c.unanswered, now),
      comments: c.comments,
      unanswered: c.unanswered,
    };
  };

  const figuresJson = (f: CommentFigures) => ({
    comments: f.comments,
    answered: f.answered,
    unanswered: f.unanswered,
    accepted: f.accepted,
    partly_accepted: f.partlyAccepted,
    not_accepted: f.notAccepted,
    from_organisations: f.fromOrganisations,
    from_citizens: f.fromCitizens,
    from_hearings: f.fromHearings,
    supports: f.supports,
    answered_late: f.answeredLate,
  });

  const commentJson = (cm: PublicComment, answersDueAt: Date) => ({
    id: cm.id,
    url: abs(commentPath(cm.consultationId, cm.id)),
    version: cm.versionNumber,
    article_unit: cm.articleUnitId,
    unit: cm.unitId,
    on: cm.on?.number ?? null,
    by: cm.by.kind === 'organisation' ? { organisation: cm.by.slug, name: { mn: cm.by.nameMn, en: cm.by.nameEn } } : ('citizen' as const),
    channel: cm.channel,
    text: cm.text,
    supports: cm.supportCount,
    published_at: (cm.publishedAt ?? cm.createdAt).toISOString(),
    answer: cm.answer
      ? {
          category: cm.answer.category,
          reason: cm.answer.reason,
          answered_at: cm.answer.answeredAt.toISOString(),
          revised: cm.answer.revised,
          on_time: !!cm.firstAnsweredAt && cm.firstAnsweredAt.getTime() <= answersDueAt.getTime(),
        }
      : null,
  });

  async function listFilters(q: ApiListQuery) {
    const body = q.body ? await findBodyLink(db, q.body) : undefined;
    if (q.body && !body) throw new AppError('consultations.unknown_body', { status: 400 });
    return { phase: q.phase, kind: q.kind, bodyId: body?.id };
  }

  r.get(
    '/api/consultations',
    {
      config: api,
      schema: {
        tags,
        summary: 'Published consultations on draft laws, regulations, policies and action plans',
        description: 'Open ones first (closing soonest first), then by closing date, newest first. JSON twin of /consultations; 20 per page.',
        querystring: ApiListQuery,
        response: { 200: ConsultationListJson, 400: ErrorResponse },
      },
    },
    async (req, reply) => {
      const page = req.query.page ?? 1;
      const list = await listConsultations(db, await listFilters(req.query), req.now, { offset: (page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE });
      reply.header('cache-control', API_CACHE);
      return {
        items: list.items.map((c) => summaryJson(c, req.now)),
        next: list.more ? abs(`/api/consultations${query({ phase: req.query.phase, kind: req.query.kind, body: req.query.body, page: page + 1 })}`) : null,
      };
    },
  );

  r.get(
    '/api/consultations/late',
    {
      config: api,
      schema: {
        tags,
        summary: 'Consultations whose answers are overdue',
        description: 'Published consultations past their answers’ due date with comments still unanswered, most overdue first. JSON twin of /consultations/late.',
        response: { 200: ConsultationListJson },
      },
    },
    async (req, reply) => {
      const items = await lateConsultations(db, req.now);
      reply.header('cache-control', API_CACHE);
      return { items: items.map((c) => summaryJson(c, req.now)), next: null };
    },
  );

  r.get(
    '/consultations.csv',
    { schema: { tags, summary: 'Published consultations as CSV', description: 'The same filters as /api/consultations; every matching consultation.', querystring: ApiListQuery } },
    async (req, reply) => {
      const list = await listConsultations(db, await listFilters(req.query), req.now, { offset: 0, limit: 10_000 });
      const rows = list.items.map((c) => {
        const j = summaryJson(c, req.now);
        return [j.id, j.kind, j.title.mn, j.title.en, j.body.slug, j.status, j.phase, j.opens_at, j.closes_at, j.answers_due_at, j.answers_late, j.comments, j.unanswered, j.url];
      });
      return sendCsv(
        reply,
        'consultations.csv',
        toCsv(['id', 'kind', 'title_mn', 'title_en', 'body', 'status', 'phase', 'opens_at', 'closes_at', 'answers_due_at', 'answers_late', 'comments', 'unanswered', 'url'], rows),
      );
    },
  );

  r.get(
    '/api/consultations/:id',
    {
      config: api,
      schema: {
        tags,
        summary: 'One consultation: details, figures, versions, articles with comment counts, hearings',
        description: 'JSON twin of /consultations/{id}. Article `unit` ids are stable across versions.',
        params: IdParams,
        response: { 200: ConsultationJson, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const rd = await loadReadable(db, req, req.params.id);
      const { c } = rd;
      const [{ totals: figures, byArticle: counts }, items, hearings] = await Promise.all([consultationFigures(db, c.id, c.answersDueAt), outline(db, rd.current.id), listHearings(db, c.id)]);
      const listed: ListedConsultation = { ...c, comments: figures.comments, unanswered: figures.unanswered };
      reply.header('cache-control', API_CACHE);
      return {
        ...summaryJson(listed, req.now),
        note: c.note,
        answer_days: c.answerDays,
        published_at: c.publishedAt?.toISOString() ?? null,
        finished_at: c.finishedAt?.toISOString() ?? null,
        figures: figuresJson(figures),
        versions: rd.versions
          .filter((v) => v.publishedAt)
          .map((v) => ({ number: v.number, published_at: v.publishedAt!.toISOString(), change_note: v.changeNote, url: abs(versionPath(c.id, v.number)), changes_url: v.number > 1 ? abs(changesPath(c.id, v.number)) : null })),
        articles: items
          .filter((e) => e.kind === 'article')
          .map((e) => ({ unit: e.unitId, number: e.number, heading: e.heading, url: abs(articlePath(c.id, e.unitId)), comments: counts.get(e.unitId)?.comments ?? 0, unanswered: counts.get(e.unitId)?.unanswered ?? 0 })),
        hearings: hearings.map((h) => ({ starts_at: h.startsAt.toISOString(), place: h.place, how_to_join: h.howToJoin, minutes: h.minutes, comments: h.comments })),
        report_url: abs(reportPath(c.id)),
      };
    },
  );

  r.get(
    '/api/consultations/:id/versions/:version',
    {
      config: api,
      schema: {
        tags,
        summary: 'The text of one version: chapters, articles, paragraphs and points in order',
        description: 'Each element carries its `unit`, the identity an article or paragraph keeps across versions. Older versions stay readable here.',
        params: VersionParams,
        response: { 200: VersionTextJson, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const rd = await loadReadable(db, req, req.params.id);
      const version = versionOf(rd, req.params.version);
      if (!version.publishedAt) throw notFoundConsultation();
      const elements = await versionElements(db, version.id);
      reply.header('cache-control', API_CACHE);
      return {
        consultation: rd.c.id,
        number: version.number,
        published_at: version.publishedAt.toISOString(),
        change_note: version.changeNote,
        elements: elements.map((e) => ({ unit: e.unitId, kind: e.kind, number: e.number, heading: e.heading, text: e.body, article_unit: e.articleUnitId })),
      };
    },
  );

  r.get(
    '/api/consultations/:id/versions/:version/changes',
    {
      config: api,
      schema: {
        tags,
        summary: 'What a version changed, article by article, and which comments each change answers',
        description:
          'JSON twin of /consultations/{id}/versions/{version}/changes: every article (and chapter title or preamble) added, removed, changed or only renumbered since the previous version, with a word diff, and the accepted or partly accepted comments the change answers. Version 1 has no changes (404).',
        params: VersionParams,
        response: { 200: VersionChangesJson, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const rd = await loadReadable(db, req, req.params.id);
      const version = versionOf(rd, req.params.version);
      const previous = rd.versions.find((v) => v.number === version.number - 1);
      if (!previous || !version.publishedAt) throw notFoundConsultation();
      const [before, after, links] = await Promise.all([versionElements(db, previous.id), versionElements(db, version.id), changeLinks(db, version.id)]);
      const changes = compareVersions(before, after);
      const refs = (comments: readonly PublicComment[] | undefined) => (comments ?? []).map((cm) => ({ id: cm.id, url: abs(commentPath(rd.c.id, cm.id)), answer: cm.answer?.category ?? null }));
      reply.header('cache-control', API_CACHE);
      return {
        consultation: rd.c.id,
        number: version.number,
        previous: previous.number,
        published_at: version.publishedAt.toISOString(),
        change_note: version.changeNote,
        summary: summarise(changes),
        changes: changes.flatMap((ch) =>
          ch.status === 'unchanged'
            ? []
            : [{ unit: ch.unitId, status: ch.status, before: ch.before, after: ch.after, diff: ch.diff.map((d) => ({ op: d.op, text: d.text })), comments: refs(links.get(ch.unitId)) }],
        ),
        comments: refs(links.get(0)),
      };
    },
  );

  r.get(
    '/consultations/:id/versions/:version/text.csv',
    { schema: { tags, summary: 'The text of one version as CSV', description: 'One row per chapter, article, paragraph or point, in reading order.', params: VersionParams } },
    async (req, reply) => {
      const rd = await loadReadable(db, req, req.params.id);
      const version = versionOf(rd, req.params.version);
      if (!version.publishedAt) throw notFoundConsultation();
      const elements = await versionElements(db, version.id);
      return sendCsv(
        reply,
        `consultation-${rd.c.id}-v${version.number}.csv`,
        toCsv(
          ['unit', 'kind', 'number', 'heading', 'text', 'article_unit'],
          elements.map((e) => [e.unitId, e.kind, e.number, e.heading, e.body, e.articleUnitId]),
        ),
      );
    },
  );

  r.get(
    '/api/consultations/:id/comments',
    {
      config: api,
      schema: {
        tags,
        summary: 'Published comments with their answers, oldest first',
        description:
          'Comments never carry a citizen’s name or contact: `by` is "citizen" or the organisation a CSO member commented for. Cursor pages: follow `next` and `previous`. Filter by article unit (or "draft": the draft as a whole; 404 for an article the consultation never had), answer and who commented.',
        params: IdParams,
        querystring: ApiCommentsQuery,
        response: { 200: CommentListJson, 404: ErrorResponse, 400: ErrorResponse },
      },
    },
    async (req, reply) => {
      const rd = await loadReadable(db, req, req.params.id);
      const q = req.query;
      const on = q.article === 'draft' ? ('draft' as const) : q.article ? Number(q.article) : undefined;
      // An article this consultation never had is not an empty list: say so (articles removed by a later version keep their comments).
      if (typeof on === 'number') {
        const unit = on <= 2_147_483_647 ? await db.selectFrom('consultation_unit').where('id', '=', on).where('consultation_id', '=', rd.c.id).where('kind', '=', 'article').select('id').executeTakeFirst() : undefined;
        if (!unit) throw new AppError('consultations.unknown_article', { status: 404 });
      }
      const page = await listComments(db, rd.c.id, { on, answer: q.answer, by: q.by }, { after: q.after ?? null, before: q.before ?? null, limit: q.limit ?? 100 });
      const params = { article: q.article, answer: q.answer, by: q.by, limit: q.limit };
      reply.header('cache-control', API_CACHE);
      return {
        items: page.items.map((cm) => commentJson(cm, rd.c.answersDueAt)),
        next: page.after ? abs(`/api/consultations/${rd.c.id}/comments${query({ ...params, after: page.after })}`) : null,
        previous: page.before ? abs(`/api/consultations/${rd.c.id}/comments${query({ ...params, before: page.before })}`) : null,
      };
    },
  );

  r.get(
    '/consultations/:id/comments.csv',
    { schema: { tags, summary: 'Every published comment with its answer, as CSV', description: 'No names or contacts: `by` is "citizen" or an organisation’s slug.', params: IdParams } },
    async (req, reply) => {
      const rd = await loadReadable(db, req, req.params.id);
      const comments = await allComments(db, rd.c.id);
      return sendCsv(
        reply,
        `consultation-${rd.c.id}-comments.csv`,
        toCsv(
          ['id', 'version', 'article_unit', 'unit', 'on', 'by', 'channel', 'text', 'supports', 'published_at', 'answer', 'answer_reason', 'answered_at', 'url'],
          comments.map((cm) => [
            cm.id,
            cm.versionNumber,
            cm.articleUnitId,
            cm.unitId,
            cm.on?.number ?? '',
            cm.by.kind === 'organisation' ? cm.by.slug : 'citizen',
            cm.channel,
            cm.text,
            cm.supportCount,
            cm.publishedAt ?? cm.createdAt,
            cm.answer?.category ?? '',
            cm.answer?.reason ?? '',
            cm.answer?.answeredAt ?? '',
            abs(commentPath(rd.c.id, cm.id)),
          ]),
        ),
      );
    },
  );

  r.get(
    '/api/consultations/:id/report',
    {
      config: api,
      schema: {
        tags,
        summary: 'The consultation report’s figures',
        description: 'Totals (received, accepted, partly accepted, not accepted, from organisations and citizens, by aimag) and counts per article. `final` is true once the consultation is finished. Comments themselves: /api/consultations/{id}/comments or report.csv.',
        params: IdParams,
        response: { 200: ReportJson, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const rd = await loadReadable(db, req, req.params.id);
      const report = await loadReport(db, rd.c, req.now, { withComments: false });
      reply.header('cache-control', API_CACHE);
      return {
        consultation: summaryJson({ ...rd.c, comments: report.figures.comments, unanswered: report.figures.unanswered }, req.now),
        final: report.final,
        generated_at: report.generatedAt.toISOString(),
        figures: figuresJson(report.figures),
        by_aimag: report.byAimag.map((a) => ({ aimag: a.code, name: { mn: a.nameMn, en: a.code ? a.nameEn : null }, comments: a.count })),
        articles: report.sections.map((s) => ({
          unit: s.unitId,
          number: s.number,
          heading: s.heading,
          removed: s.removed,
          comments: s.total,
          accepted: s.accepted,
          partly_accepted: s.partlyAccepted,
          not_accepted: s.notAccepted,
          unanswered: s.unanswered,
        })),
      };
    },
  );
}
