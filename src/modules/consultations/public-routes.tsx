import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { localized } from '../../shared/views/context.js';
import { sendPage } from '../../shared/views/render.js';
import { findBodyLink, listBodies } from '../bodies/queries.js';
import { compareVersions, summarise } from './changes.js';
import { changeLinks, moderationCounts, moderationQueueSize, type AnswerFilter, type ByFilter } from './comment-queries.js';
import { idOf, intOf, loadReadable, notFoundConsultation } from './http.js';
import { CONSULTATION_KINDS, type Kind } from './model.js';
import { query, versionOf, type Renderers } from './pages.js';
import { canCreateAny, canManage, canModerate } from './policy.js';
import { accessOf, commentFigures, consultationFigures, lateConsultations, listConsultations, listHearings, outline, subscriptionOf, versionElements, type ListFilters } from './queries.js';
import { ArticleParams, CommentListQuery, CommentParams, IdParams, ListQuery, PageQuery, VersionArticleParams, VersionParams } from './schemas.js';
import { apiConsultationPath, commentsPath, textPath, versionPath } from './urls.js';
import { CommentsPage } from './views/comment-pages.js';
import { ConsultationPage } from './views/consultation-page.js';
import { LatePage, ListPage } from './views/list-pages.js';
import { ChangesPage, VersionsPage } from './views/version-pages.js';

type Deps = Pick<AppDeps, 'db'>;

export const LIST_PAGE_SIZE = 20;
export const PHASES = ['open', 'upcoming', 'closed', 'finished'] as const;
export const ANSWER_FILTERS = ['unanswered', 'answered', 'accepted', 'partly_accepted', 'not_accepted'] as const;
export const BY_FILTERS = ['citizens', 'organisations', 'hearings'] as const;

export function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reading: the list, late answers, a consultation, its text and versions, articles and comments. */
export function publicRoutes(app: FastifyInstance, deps: Deps, pages: Renderers): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  r.get('/consultations', { schema: { hide: true, querystring: ListQuery } }, async (req, reply) => {
    const q = req.query;
    const phase = oneOf(PHASES, q.phase);
    const kind = oneOf(CONSULTATION_KINDS, q.kind) as Kind | undefined;
    const body = q.body ? await findBodyLink(db, q.body.slice(0, 80)) : undefined;
    const page = Math.min(intOf(q.page) ?? 1, 10_000);
    const filters: ListFilters = { phase, kind, bodyId: body?.id };
    const [list, bodies, moderation] = await Promise.all([
      listConsultations(db, filters, req.now, { offset: (page - 1) * LIST_PAGE_SIZE, limit: LIST_PAGE_SIZE }),
      listBodies(db, {}),
      canModerate(req.actor) ? moderationQueueSize(db) : Promise.resolve(null),
    ]);
    const params = { phase, kind, body: body?.slug };
    return sendPage(
      req,
      reply,
      <ListPage
        items={list.items}
        filters={{ phase: phase ?? '', kind: kind ?? '', body: body?.slug ?? '' }}
        bodies={bodies.map((b) => ({ slug: b.slug, name: localized(req.lang, b.nameMn, b.nameEn) }))}
        prevHref={page > 1 ? `/consultations${query({ ...params, page: page - 1 })}` : null}
        nextHref={list.more ? `/consultations${query({ ...params, page: page + 1 })}` : null}
        jsonHref={`/api/consultations${query({ ...params, page: page > 1 ? page : undefined })}`}
        csvHref={`/consultations.csv${query(params)}`}
        canCreate={canCreateAny(req.actor)}
        moderationCount={moderation}
      />,
    );
  });

  r.get('/consultations/late', { schema: { hide: true } }, async (req, reply) => {
    const items = await lateConsultations(db, req.now);
    return sendPage(req, reply, <LatePage items={items} jsonHref="/api/consultations/late" />);
  });

  r.get('/consultations/:id', { schema: { hide: true, params: IdParams, querystring: PageQuery } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    const { c } = rd;
    const [{ totals: figures, byArticle: counts }, items, hearings, moderation, subscription] = await Promise.all([
      consultationFigures(db, c.id, c.answersDueAt),
      outline(db, rd.current.id),
      listHearings(db, c.id),
      moderationCounts(db, c.id),
      req.actor ? subscriptionOf(db, c.id, req.actor.accountId) : Promise.resolve('anonymous' as const),
    ]);
    const done = req.query.done;
    const notice = done === 'followed' ? req.t('consultations:done.followed') : done === 'unfollowed' ? req.t('consultations:done.unfollowed') : null;
    return sendPage(
      req,
      reply,
      <ConsultationPage
        c={c}
        figures={figures}
        outline={items}
        counts={counts}
        versions={rd.versions}
        current={rd.current}
        hearings={hearings}
        moderation={moderation}
        subscription={subscription}
        canManage={canManage(req.actor, accessOf(c))}
        notice={notice}
        jsonHref={apiConsultationPath(c.id)}
      />,
    );
  });

  r.get('/consultations/:id/text', { schema: { hide: true, params: IdParams, querystring: PageQuery } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    return pages.renderText(req, reply, rd, rd.current, req.query.page, textPath(rd.c.id));
  });

  r.get('/consultations/:id/versions', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    return sendPage(req, reply, <VersionsPage c={rd.c} versions={rd.versions} jsonHref={apiConsultationPath(rd.c.id)} />);
  });

  r.get('/consultations/:id/versions/:version', { schema: { hide: true, params: VersionParams, querystring: PageQuery } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    const version = versionOf(rd, req.params.version);
    return pages.renderText(req, reply, rd, version, req.query.page, versionPath(rd.c.id, version.number));
  });

  r.get('/consultations/:id/versions/:version/changes', { schema: { hide: true, params: VersionParams } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    const version = versionOf(rd, req.params.version);
    const previous = rd.versions.find((v) => v.number === version.number - 1);
    if (!previous || !version.publishedAt) throw notFoundConsultation();
    const [before, after, links] = await Promise.all([versionElements(db, previous.id), versionElements(db, version.id), changeLinks(db, version.id)]);
    const changes = compareVersions(before, after);
    return sendPage(
      req,
      reply,
      <ChangesPage
        c={rd.c}
        version={version}
        previous={previous}
        changes={changes}
        summary={summarise(changes)}
        links={links}
        general={links.get(0) ?? []}
        jsonHref={`/api/consultations/${rd.c.id}/versions/${version.number}/changes`}
      />,
    );
  });

  r.get('/consultations/:id/articles/:unit', { schema: { hide: true, params: ArticleParams, querystring: CommentListQuery } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    return pages.renderArticle(req, reply, rd, idOf(req.params.unit), null, req.query);
  });

  r.get('/consultations/:id/versions/:version/articles/:unit', { schema: { hide: true, params: VersionArticleParams, querystring: CommentListQuery } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    return pages.renderArticle(req, reply, rd, idOf(req.params.unit), req.params.version, req.query);
  });

  r.get('/consultations/:id/general', { schema: { hide: true, params: IdParams, querystring: CommentListQuery } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    return pages.renderGeneral(req, reply, rd, req.query);
  });

  r.get('/consultations/:id/comments', { schema: { hide: true, params: IdParams, querystring: CommentListQuery } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    const answer = oneOf(ANSWER_FILTERS, req.query.answer) as AnswerFilter | undefined;
    const by = oneOf(BY_FILTERS, req.query.by) as ByFilter | undefined;
    const [figures, block] = await Promise.all([commentFigures(db, rd.c.id, rd.c.answersDueAt), pages.commentsBlock(req, reply, rd, { answer, by }, req.query, commentsPath(rd.c.id), { answer, by })]);
    // Filtered lists show no total (counting every filter would cost a query per page).
    block.total = answer || by ? -1 : figures.comments;
    return sendPage(
      req,
      reply,
      <CommentsPage
        c={rd.c}
        filters={{ answer: answer ?? '', by: by ?? '' }}
        comments={block}
        csvHref={`/consultations/${rd.c.id}/comments.csv`}
        jsonHref={`/api/consultations/${rd.c.id}/comments${query({ answer, by })}`}
      />,
    );
  });

  r.get('/consultations/:id/comments/:comment', { schema: { hide: true, params: CommentParams, querystring: PageQuery } }, async (req, reply) => {
    const rd = await loadReadable(db, req, req.params.id);
    return pages.renderComment(req, reply, rd, idOf(req.params.comment), { done: req.query.done });
  });
}
