import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { sendPage } from '../../../shared/views/render.js';
import { placeCatalogue } from '../../places/catalogue.js';
import { isPlaceCode } from '../../places/codes.js';
import { resolvePlaceSelection } from '../../places/picker.js';
import { ErrorResponse } from '../../places/schemas.js';
import { FEEDBACK_KINDS, FEEDBACK_STATUSES, type Kind } from '../model.js';
import {
  activeCategories,
  bodyFilterOptions,
  findBody,
  findCategory,
  findPublicItem,
  listPublicItems,
  publicHistory,
  publicPhotoBytes,
  publicPhotos,
  SEARCH_MAX_LENGTH,
  type ListFilters,
  type PublicItem,
  type PublicListItem,
} from '../queries.js';
import { normaliseTrackingCode } from '../tracking-code.js';
import { itemPath } from '../urls.js';
import { field } from './input.js';
import './messages.js';
import { CodeParams, ListApiQuery, ListPageQuery, PhotoParams, PublicItemResponse, PublicListResponse, TrackQuery } from './schemas.js';
import { ItemPage, photoPath, TrackPage } from './views/item-page.js';
import { ListPage, type ListFilterValues } from './views/list-page.js';
import { bodyHref, deadlineState } from './views/parts.js';

type Deps = Pick<AppDeps, 'db' | 'config'>;

const PAGE_SIZE = 20;
// Public pages change as items move on; a short shared cache still absorbs a rush on one item.
const API_CACHE = 'public, max-age=60';

function notFoundItem(): AppError {
  return new AppError('feedback.not_found', { status: 404 });
}

/** Tracking by code, item pages, photos and the public list, each with its JSON twin. */
export async function publicRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { db, config } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const abs = (path: string) => config.publicUrl + path;

  r.get('/track', { schema: { hide: true, querystring: TrackQuery }, attachValidation: true }, async (req, reply) => {
    const raw = field(req.query, 'code').slice(0, 40);
    if (!raw.trim()) return sendPage(req, reply, <TrackPage />);
    const code = normaliseTrackingCode(raw);
    if (!code) return sendPage(req, reply, <TrackPage code={raw} errors={[{ field: 'code', key: 'feedback:errors.bad_code' }]} />, 400);
    const exists = await db.selectFrom('feedback_item').select('id').where('code', '=', code).executeTakeFirst();
    if (!exists) return sendPage(req, reply, <TrackPage code={raw} errors={[{ field: 'code', key: 'feedback:errors.not_found' }]} />, 404);
    return reply.redirect(itemPath(code), 303);
  });

  r.get('/feedback/:code', { schema: { hide: true, params: CodeParams } }, async (req, reply) => {
    const code = normaliseTrackingCode(req.params.code);
    if (!code) throw notFoundItem();
    if (code !== req.params.code) return reply.redirect(itemPath(code), 301);
    const item = await findPublicItem(db, code);
    if (!item) throw notFoundItem();
    const [history, photos] = await Promise.all([publicHistory(db, item), publicPhotos(db, item)]);
    let isSubmitter = false;
    if (req.actor) {
      const row = await db.selectFrom('feedback_item').select('submitter_id').where('id', '=', item.id).executeTakeFirst();
      isSubmitter = row?.submitter_id === req.actor.accountId;
    }
    return sendPage(req, reply, <ItemPage item={item} history={history} photos={photos} isSubmitter={isSubmitter} />);
  });

  r.get(
    '/api/feedback/:code',
    {
      config: { api: true },
      schema: {
        tags: ['feedback'],
        summary: 'One feedback item by its tracking code',
        description:
          'Status, deadline, responsible body, place and public history of an item. The moderated title and summary, the answer, stated reasons and photos appear only once the item is published; contact details and the sender’s identity never do.',
        params: CodeParams,
        response: { 200: PublicItemResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const code = normaliseTrackingCode(req.params.code);
      const item = code ? await findPublicItem(db, code) : undefined;
      if (!item) throw notFoundItem();
      const [history, photos] = await Promise.all([publicHistory(db, item), publicPhotos(db, item)]);
      reply.header('cache-control', API_CACHE);
      return {
        ...itemJson(item, req.now, abs),
        extended_at: item.extendedAt?.toISOString() ?? null,
        extension_reason: item.extensionReason,
        answered_on_time: item.answeredOnTime,
        closed_at: item.closedAt?.toISOString() ?? null,
        satisfaction: item.satisfaction,
        publication: item.publication,
        summary: item.summary,
        answer: item.answerText,
        photos: photos.map((p) => ({ url: abs(photoPath(item.code, p.id)), media_type: p.mediaType, width: p.width, height: p.height })),
        history: history.map((h) => ({
          type: h.type,
          at: h.at.toISOString(),
          body: h.body ? bodyJson(h.body, abs) : null,
          to_body: h.toBody ? bodyJson(h.toBody, abs) : null,
          text: h.text,
          ...(typeof h.data.days === 'number' ? { days: h.data.days } : {}),
          ...(typeof h.data.due_at === 'string' ? { due_at: h.data.due_at } : {}),
          ...(typeof h.data.resolution === 'string' ? { resolution: h.data.resolution } : {}),
          ...(typeof h.data.satisfaction === 'string' ? { satisfaction: h.data.satisfaction } : {}),
        })),
      };
    },
  );

  r.get('/feedback/:code/photos/:photoId', { schema: { hide: true, params: PhotoParams } }, async (req, reply) => {
    const code = normaliseTrackingCode(req.params.code);
    const id = Number(req.params.photoId);
    if (!code || !Number.isSafeInteger(id) || id < 1) throw new AppError('not_found');
    const photo = await publicPhotoBytes(db, code, id);
    if (!photo) throw new AppError('not_found');
    // Short-lived caching: a moderator may still withhold the item.
    return reply.type(photo.mediaType).header('cache-control', 'public, max-age=300').header('content-disposition', 'inline').send(photo.bytes);
  });

  r.get('/feedback', { schema: { hide: true, querystring: ListPageQuery }, attachValidation: true }, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const { filters, values, errors } = await readListFilters(db, query);
    const categories = await activeCategories(db);
    const bodies = await bodyFilterOptions(db, values.place);
    if (values.body && !bodies.some((b) => b.slug === values.body) && filters.bodyId != null) {
      const chosen = await findBody(db, values.body);
      if (chosen) bodies.unshift(chosen);
    }
    const params = listParams(values);
    const cursor = (name: string) => {
      const n = Number(field(query, name));
      return Number.isSafeInteger(n) && n > 0 ? n : null;
    };
    const page = errors.length
      ? { items: [] as PublicListItem[], olderCursor: null, newerCursor: null }
      : await listPublicItems(db, filters, { after: cursor('after'), before: cursor('before'), limit: PAGE_SIZE }, req.now);
    const href = (extra: Record<string, string>) => `/feedback${queryString({ ...params, ...extra })}`;
    const paged = cursor('after') !== null || cursor('before') !== null;
    return sendPage(
      req,
      reply,
      <ListPage
        filters={values}
        categories={categories}
        bodies={bodies}
        items={page.items}
        olderHref={page.olderCursor ? href({ after: String(page.olderCursor) }) : null}
        newerHref={page.newerCursor ? href({ before: String(page.newerCursor) }) : null}
        firstHref={paged ? href({}) : null}
        jsonHref={`/api/feedback${queryString(apiParams(values))}`}
        errors={errors}
      />,
      errors.length ? 400 : 200,
    );
  });

  r.get(
    '/api/feedback',
    {
      config: { api: true },
      schema: {
        tags: ['feedback'],
        summary: 'Published feedback, newest first, with filters and search',
        description:
          'Items a moderator has published, newest first. Filters combine. Pages are cursor-based: follow `older` (and `newer`) rather than counting pages; there is no total count. Text search matches words of the published title and summary in Cyrillic or Latin letters, as prefixes.',
        querystring: ListApiQuery,
        response: { 200: PublicListResponse, 400: ErrorResponse },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const { filters, values, errors } = await readListFilters(db, { ...q, overdue: q.overdue ? '1' : '' });
      if (errors.length) throw new AppError('validation_failed', { fields: errors });
      const limit = q.limit ?? PAGE_SIZE;
      const page = await listPublicItems(db, filters, { after: q.after ?? null, before: q.before ?? null, limit }, req.now);
      const params = { ...apiParams(values), ...(q.limit ? { limit: String(q.limit) } : {}) };
      reply.header('cache-control', API_CACHE);
      return {
        items: page.items.map((item) => ({
          ...itemJson(item, req.now, abs),
          title: item.title,
          answered_at: item.answeredAt?.toISOString() ?? null,
        })),
        older: page.olderCursor ? abs(`/api/feedback${queryString({ ...params, after: String(page.olderCursor) })}`) : null,
        newer: page.newerCursor ? abs(`/api/feedback${queryString({ ...params, before: String(page.newerCursor) })}`) : null,
      };
    },
  );
}

type ItemBasics = Pick<PublicItem, 'code' | 'kind' | 'status' | 'resolution' | 'category' | 'placeCode' | 'body' | 'receivedAt' | 'dueAt' | 'answeredAt'> & { title: string | null };

function bodyJson(body: { slug: string; nameMn: string; nameEn: string }, abs: (p: string) => string) {
  return { slug: body.slug, name_mn: body.nameMn, name_en: body.nameEn, url: abs(bodyHref(body.slug)) };
}

/** The fields the item page and list entries share in JSON. */
function itemJson(item: ItemBasics, now: Date, abs: (p: string) => string) {
  const deadline = deadlineState(item, now);
  return {
    code: item.code,
    url: abs(itemPath(item.code)),
    kind: item.kind,
    status: item.status,
    resolution: item.resolution,
    title: item.title,
    category: { code: item.category.code, name_mn: item.category.nameMn, name_en: item.category.nameEn },
    place: { code: item.placeCode, path: placeCatalogue().path(item.placeCode).map((p) => ({ code: p.code, name_mn: p.name_mn, name_en: p.name_en })) },
    body: bodyJson(item.body, abs),
    received_at: item.receivedAt.toISOString(),
    deadline: { due_at: item.dueAt.toISOString(), overdue: deadline.overdue, days_left: deadline.daysLeft },
    answered_at: item.answeredAt?.toISOString() ?? null,
  };
}

/**
 * Reads the list's filters from a query (the HTML page's, with the place picker, or the
 * API's). Unknown values are errors naming the filter, never silently ignored.
 */
async function readListFilters(db: Deps['db'], query: Record<string, unknown>): Promise<{ filters: ListFilters; values: ListFilterValues; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const values: ListFilterValues = {
    q: field(query, 'q'),
    place: null,
    category: field(query, 'category').trim(),
    body: field(query, 'body').trim(),
    status: field(query, 'status').trim(),
    kind: field(query, 'kind').trim(),
    overdue: ['1', 'yes', 'true', 'on'].includes(field(query, 'overdue')),
  };
  const filters: ListFilters = { overdue: values.overdue };

  const direct = field(query, 'place').trim();
  if (direct) {
    if (isPlaceCode(direct) && placeCatalogue().get(direct)) values.place = direct;
    else errors.push({ field: 'place_l1', key: 'feedback:errors.unknown_place' });
  } else {
    const selection = resolvePlaceSelection(query, { prefix: 'place', minLevel: 1 });
    if (selection.ok) values.place = selection.code;
    else {
      values.place = selection.code;
      errors.push(selection.error);
    }
  }
  filters.place = values.place;

  if (values.q.length > SEARCH_MAX_LENGTH) errors.push({ field: 'q', key: 'feedbackWeb:errors.query_too_long', params: { max: SEARCH_MAX_LENGTH } });
  else filters.q = values.q.trim() || null;

  if (values.category) {
    const category = values.category.length <= 60 ? await findCategory(db, values.category) : undefined;
    if (category) filters.categoryId = category.id;
    else errors.push({ field: 'category', key: 'feedback:errors.unknown_category' });
  }
  if (values.body) {
    const body = values.body.length <= 80 ? await findBody(db, values.body) : undefined;
    if (body) filters.bodyId = body.id;
    else errors.push({ field: 'body', key: 'feedback:errors.unknown_body' });
  }
  if (values.status) {
    if ((FEEDBACK_STATUSES as readonly string[]).includes(values.status)) filters.status = values.status as ListFilters['status'];
    else errors.push({ field: 'status', key: 'feedbackWeb:errors.unknown_filter', params: { field: values.status.slice(0, 40) } });
  }
  if (values.kind) {
    if ((FEEDBACK_KINDS as readonly string[]).includes(values.kind)) filters.kind = values.kind as Kind;
    else errors.push({ field: 'kind', key: 'feedbackWeb:errors.unknown_filter', params: { field: values.kind.slice(0, 40) } });
  }
  return { filters, values, errors };
}

/** The HTML list's filters as query parameters (the place as one code). */
function listParams(v: ListFilterValues): Record<string, string> {
  const out: Record<string, string> = {};
  if (v.q.trim()) out.q = v.q.trim();
  if (v.place) out.place = v.place;
  if (v.category) out.category = v.category;
  if (v.body) out.body = v.body;
  if (v.status) out.status = v.status;
  if (v.kind) out.kind = v.kind;
  if (v.overdue) out.overdue = '1';
  return out;
}

function apiParams(v: ListFilterValues): Record<string, string> {
  const out = listParams(v);
  if (out.overdue) out.overdue = 'true';
  return out;
}

function queryString(params: Record<string, string>): string {
  const s = new URLSearchParams(params).toString();
  return s ? `?${s}` : '';
}

