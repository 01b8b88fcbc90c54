import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../shared/db/database.js';
import type { FieldError } from '../../shared/errors.js';
import { sendPage } from '../../shared/views/render.js';
import { answerHistory, findComment, listComments, viewerMarks, type CommentFilters } from './comment-queries.js';
import { idOf, intOf, notFoundConsultation, type Readable } from './http.js';
import { phaseOf } from './model.js';
import { canParticipate, organisationsOf } from './policy.js';
import { versionsAnswering } from './comment-queries.js';
import { accessOf, articleInVersion, countsByArticle, countsByUnit, lastVersionWithUnit, neighbourArticles, outline, versionElementsBetween, type TextElement, type VersionRow } from './queries.js';
import { articlePath, generalCommentsPath, versionArticlePath } from './urls.js';
import { ArticlePage, GeneralCommentsPage, type CommentsBlockProps } from './views/article-page.js';
import type { CommentFormProps, CommentFormState } from './views/comment-form.js';
import { CommentPage } from './views/comment-pages.js';
import { elementLabel } from './views/parts.js';
import { TextPage } from './views/text-pages.js';

/**
 * Renderers of the pages that hold forms (article pages, the draft-as-a-whole page, a
 * comment's page) and of the text: the GET routes use them, and the POST routes use
 * them again to show a refused form with its errors and what the person typed.
 */

export const COMMENTS_PAGE_SIZE = 20;
/** Articles per page of the full text: a long law reads in pages of a few dozen articles. */
export const TEXT_PAGE_ARTICLES = 25;

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The positions where each page of the text begins: page 1 at the top, later pages at an article (or its chapter). */
export function textPageStarts(items: readonly TextElement[], perPage = TEXT_PAGE_ARTICLES): number[] {
  const starts = [0];
  let articles = 0;
  for (let i = 0; i < items.length; i++) {
    const e = items[i]!;
    if (e.kind !== 'article') continue;
    if (articles > 0 && articles % perPage === 0) {
      const prev = items[i - 1];
      starts.push(prev && prev.kind === 'chapter' ? prev.position : e.position);
    }
    articles++;
  }
  return starts;
}

/** The state of the comment form for this person now. */
export function commentFormState(req: FastifyRequest, rd: Readable): CommentFormState {
  const phase = phaseOf(accessOf(rd.c), req.now);
  if (phase === 'draft' || phase === 'upcoming') return 'upcoming';
  if (phase === 'closed') return 'closed';
  if (phase === 'finished') return 'finished';
  if (!req.actor) return 'sign_in';
  if (!canParticipate(req.actor)) return 'verify';
  return 'open';
}

/** A published version by number (or, while the consultation is in preparation, its draft for staff). */
export function versionOf(rd: Readable, param: string): VersionRow {
  const n = idOf(param);
  const v = rd.versions.find((x) => x.number === n);
  if (!v || (!v.publishedAt && v.number !== rd.current.number)) throw notFoundConsultation();
  return v;
}

export interface FormState {
  values?: Record<string, string>;
  errors?: FieldError[];
  status?: number;
  done?: string;
  after?: string;
  before?: string;
  part?: string;
}

type Notice = { kind: 'success' | 'info' | 'warning'; text: string } | null;

function doneNotice(req: FastifyRequest, done: string | undefined): Notice {
  switch (done) {
    case 'comment_published':
      return { kind: 'success', text: req.t('consultations:done.comment_published') };
    case 'comment_held':
      return { kind: 'warning', text: req.t('consultations:done.comment_held') };
    case 'supported':
      return { kind: 'success', text: req.t('consultations:done.supported') };
    case 'unsupported':
      return { kind: 'info', text: req.t('consultations:done.unsupported') };
    default:
      return null;
  }
}

export function createRenderers(db: Db) {
  /** One page of comments with the viewer's marks (their own, their supports) and its cursors. */
  async function commentsBlock(req: FastifyRequest, reply: FastifyReply, rd: Readable, filters: CommentFilters, state: { after?: string; before?: string }, base: string, extra: Record<string, string | undefined> = {}): Promise<CommentsBlockProps> {
    const page = await listComments(db, rd.c.id, filters, { after: intOf(state.after), before: intOf(state.before), limit: COMMENTS_PAGE_SIZE });
    const ids = page.items.map((cm) => cm.id);
    const marks = req.actor ? await viewerMarks(db, req.actor.accountId, ids) : { own: new Set<number>(), supported: new Set<number>() };
    return {
      comments: page.items,
      total: -1,
      currentVersion: rd.current.number,
      actions: { canAct: canParticipate(req.actor), own: marks.own, supported: marks.supported, open: rd.c.status === 'published', returnTo: req.url.split('?')[0]!, csrfToken: () => reply.generateCsrf() },
      prevHref: page.before ? `${base}${query({ ...extra, before: page.before })}#comments-title` : null,
      nextHref: page.after ? `${base}${query({ ...extra, after: page.after })}#comments-title` : null,
    };
  }

  async function renderText(req: FastifyRequest, reply: FastifyReply, rd: Readable, version: VersionRow, pageParam: string | undefined, base: string) {
    const items = await outline(db, version.id);
    const starts = textPageStarts(items);
    const page = Math.min(Math.max(intOf(pageParam) ?? 1, 1), starts.length);
    const [elements, counts] = await Promise.all([versionElementsBetween(db, version.id, starts[page - 1]!, starts[page] ?? null), countsByArticle(db, rd.c.id)]);
    return sendPage(
      req,
      reply,
      <TextPage
        c={rd.c}
        version={version}
        current={rd.current}
        elements={elements}
        counts={counts}
        page={page}
        pages={starts.length}
        prevHref={page > 1 ? `${base}${query({ page: page - 1 })}` : null}
        nextHref={page < starts.length ? `${base}${query({ page: page + 1 })}` : null}
        jsonHref={`/api/consultations/${rd.c.id}/versions/${version.number}`}
      />,
    );
  }

  /** An article page (current or older version), with its comment form and comments. */
  async function renderArticle(req: FastifyRequest, reply: FastifyReply, rd: Readable, unitId: number, versionParam: string | null, state: FormState) {
    const { c } = rd;
    let version = versionParam ? versionOf(rd, versionParam) : rd.current;
    let elements = await articleInVersion(db, version.id, unitId);
    let removedIn: number | null = null;
    if (!elements && !versionParam) {
      // Removed in a later version: shown as the last version that had it.
      const last = await lastVersionWithUnit(db, c.id, unitId);
      const older = last ? rd.versions.find((v) => v.number === last) : undefined;
      if (older) {
        version = older;
        elements = await articleInVersion(db, older.id, unitId);
        removedIn = older.number + 1;
      }
    }
    if (!elements || elements.length === 0) throw notFoundConsultation();
    const article = elements[0]!;
    // A paragraph's address shows its article, at the paragraph.
    if (article.unitId !== unitId && req.method === 'GET') {
      return reply.redirect(`${versionParam ? versionArticlePath(c.id, version.number, article.unitId) : articlePath(c.id, article.unitId)}?part=${unitId}#u${unitId}`, 301);
    }
    const isCurrent = version.number === rd.current.number && removedIn === null;
    const part = intOf(state.part);
    const partUnit = part && elements.some((e) => e.unitId === part) ? part : undefined;
    const base = isCurrent ? articlePath(c.id, article.unitId) : versionArticlePath(c.id, version.number, article.unitId);
    const [counts, neighbours, block] = await Promise.all([
      countsByUnit(db, c.id, article.unitId),
      neighbourArticles(db, version.id, article.position),
      commentsBlock(req, reply, rd, { on: article.unitId, unitId: partUnit }, state, base, { part: partUnit ? String(partUnit) : undefined }),
    ]);
    block.total = partUnit ? (counts.get(partUnit) ?? 0) : [...counts.values()].reduce((a, b) => a + b, 0);
    block.filter = {
      action: `${base}#comments-title`,
      value: partUnit ? String(partUnit) : '',
      options: [
        { value: '', label: req.t('consultations:article.allParts') },
        ...elements.filter((e) => (counts.get(e.unitId) ?? 0) > 0).map((e) => ({ value: String(e.unitId), label: elementLabel(req.lang, e.kind, e.number) })),
      ],
    };
    const form: CommentFormProps | null = isCurrent
      ? {
          consultationId: c.id,
          state: commentFormState(req, rd),
          units: elements.map((e) => ({
            unitId: e.unitId,
            label: e.kind === 'article' ? req.t('consultations:form.wholeArticle', { label: elementLabel(req.lang, 'article', e.number) }) : elementLabel(req.lang, e.kind, e.number),
          })),
          organisations: organisationsOf(req.actor),
          values: state.values ?? (partUnit ? { unit: String(partUnit) } : undefined),
          errors: state.errors,
          returnTo: base,
        }
      : null;
    return sendPage(
      req,
      reply,
      <ArticlePage
        c={c}
        version={version}
        current={rd.current}
        elements={elements}
        counts={counts}
        previous={neighbours.previous}
        next={neighbours.next}
        removedIn={removedIn}
        comments={block}
        form={form}
        notice={doneNotice(req, state.done)}
        jsonHref={`/api/consultations/${c.id}/comments${query({ article: article.unitId })}`}
      />,
      state.status ?? 200,
    );
  }

  async function renderGeneral(req: FastifyRequest, reply: FastifyReply, rd: Readable, state: FormState) {
    const [block, counts] = await Promise.all([commentsBlock(req, reply, rd, { on: 'draft' }, state, generalCommentsPath(rd.c.id)), countsByArticle(db, rd.c.id)]);
    block.total = counts.get(0)?.comments ?? 0;
    return sendPage(
      req,
      reply,
      <GeneralCommentsPage
        c={rd.c}
        comments={block}
        form={{ consultationId: rd.c.id, state: commentFormState(req, rd), units: [], organisations: organisationsOf(req.actor), values: state.values, errors: state.errors, returnTo: generalCommentsPath(rd.c.id) }}
        notice={doneNotice(req, state.done)}
        jsonHref={`/api/consultations/${rd.c.id}/comments?article=draft`}
      />,
      state.status ?? 200,
    );
  }

  /** A comment's own page: every answer it got, the versions that changed for it, the report form. */
  async function renderComment(req: FastifyRequest, reply: FastifyReply, rd: Readable, commentId: number, state: FormState) {
    const comment = await findComment(db, rd.c.id, commentId);
    const isAuthor = !!req.actor && comment?.authorId === req.actor.accountId;
    // Held comments are visible to their author only; rejected and removed ones to nobody.
    if (!comment || (comment.status !== 'published' && !(comment.status === 'pending' && isAuthor))) throw notFoundConsultation();
    const [history, answeredBy] = await Promise.all([answerHistory(db, comment.id), versionsAnswering(db, comment.id)]);
    return sendPage(
      req,
      reply,
      <CommentPage
        c={rd.c}
        comment={comment}
        history={history}
        answeredBy={answeredBy}
        currentVersion={rd.current.number}
        canFlag={canParticipate(req.actor) && !isAuthor}
        isAuthor={isAuthor}
        notice={state.done === 'flagged' ? req.t('consultations:done.flagged') : null}
        errors={state.errors}
        jsonHref={`/api/consultations/${rd.c.id}/comments${query({ article: comment.articleUnitId ?? 'draft' })}`}
      />,
      state.status ?? 200,
    );
  }

  return { commentsBlock, renderText, renderArticle, renderGeneral, renderComment };
}

export type Renderers = ReturnType<typeof createRenderers>;
