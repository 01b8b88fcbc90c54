import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import type { Actor, Membership } from '../../../shared/auth/actor.js';
import { requireActor } from '../../../shared/auth/guards.js';
import { AppError, forbidden, type FieldError } from '../../../shared/errors.js';
import { sendPage } from '../../../shared/views/render.js';
import { resolvePlaceSelection } from '../../places/picker.js';
import { canHandle } from '../policy.js';
import { formatTrackingCode } from '../tracking-code.js';
import { dueState } from './due.js';
import { forwardedNotice } from './item-routes.js';
import { activeCategoryOptions, decodeCursor, DONE_COUNT_CAP, encodeCursor, inboxCounts, listInbox, type InboxFilters, type InboxTab } from './queries.js';
import { InboxQuery } from './schemas.js';
import { inboxHref, InboxPage, type InboxView } from './views/inbox-page.js';
import './messages.js';

/** The bodies whose inbox the person may open: those they are staff of, in name order. */
function staffBodies(actor: Actor): Membership[] {
  return actor.memberships.filter((m) => m.kind === 'body' && canHandle(actor, { body_id: m.organisationId }));
}

/** Which body's inbox: the one asked for (if the person works there), else their first. */
function chooseBody(actor: Actor, slug: string | undefined): { body: Membership; bodies: Membership[] } {
  const bodies = staffBodies(actor);
  const body = slug ? bodies.find((b) => b.slug === slug) : bodies[0];
  if (!body) throw forbidden();
  return { body, bodies };
}

/**
 * The body inbox (/inbox) and its JSON twin (/api/inbox) for the body's staff: open items
 * by deadline with overdue and due-soon flags, filters, counts and keyset pages.
 */
export function inboxListRoutes(fastify: FastifyInstance, deps: Pick<AppDeps, 'db'>): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  /** Validate → load → authorise, shared by the page and its JSON twin. */
  async function load(req: FastifyRequest, query: InboxQuery) {
    const actor = requireActor(req);
    const { body, bodies } = chooseBody(actor, query.body || undefined);
    const tab: InboxTab = query.tab ?? 'open';
    const errors: FieldError[] = [];
    const categories = await activeCategoryOptions(db);
    const category = query.category ? categories.find((c) => c.code === query.category) : undefined;
    if (query.category && !category) throw new AppError('validation_failed', { fields: [{ field: 'category', key: 'feedback:errors.unknown_category' }] });
    const place = resolvePlaceSelection(query, { prefix: 'place', minLevel: 1 });
    if (!place.ok) errors.push(place.error);
    const openStatuses: readonly string[] = ['received', 'assigned', 'in_progress'];
    const status = query.status && openStatuses.includes(query.status) === (tab === 'open') ? query.status : '';
    const view: InboxView = {
      status,
      category: category?.code ?? '',
      placeCode: place.code,
      overdue: tab === 'open' && query.overdue === 'yes',
      assigned: query.assigned ?? '',
    };
    const filters: InboxFilters = {
      bodyId: body.organisationId,
      tab,
      status: status || undefined,
      categoryId: category?.id,
      placePrefix: place.ok ? (place.code ?? undefined) : undefined,
      overdue: view.overdue,
      assigned: view.assigned === 'me' ? { to: actor.accountId } : view.assigned === 'nobody' ? 'nobody' : undefined,
    };
    const [counts, page] = await Promise.all([
      inboxCounts(db, body.organisationId, req.now),
      listInbox(db, filters, req.now, { after: decodeCursor(query.after), before: decodeCursor(query.before) }),
    ]);
    return { actor, body, bodies, tab, view, categories, counts, page, errors };
  }

  app.get('/inbox', { schema: { hide: true, querystring: InboxQuery } }, async (req, reply) => {
    const data = await load(req, req.query);
    const notice = req.query.done === 'forwarded' ? await forwardedNotice(db, req, req.query.code, req.query.to) : null;
    return sendPage(
      req,
      reply,
      <InboxPage
        body={data.body}
        bodies={data.bodies}
        tab={data.tab}
        counts={data.counts}
        page={data.page}
        view={data.view}
        categories={data.categories}
        notice={notice}
        errors={data.errors.length ? data.errors : undefined}
      />,
      data.errors.length ? 400 : 200,
    );
  });

  // Staff-only and session-authenticated, so it is kept out of the public OpenAPI document.
  app.get('/api/inbox', { schema: { hide: true, querystring: InboxQuery }, config: { api: true } }, async (req) => {
    const data = await load(req, req.query);
    if (data.errors.length) throw new AppError('validation_failed', { fields: data.errors });
    const href = (extra: Record<string, string>) => inboxHref('/api/inbox', data.body.slug, data.tab, data.view, extra);
    return {
      body: { slug: data.body.slug, name_mn: data.body.nameMn, name_en: data.body.nameEn },
      tab: data.tab,
      counts: {
        open: data.counts.open,
        overdue: data.counts.overdue,
        due_soon: data.counts.dueSoon,
        // Answered items are counted up to a cap; done_capped says there are more.
        done: Math.min(data.counts.done, DONE_COUNT_CAP),
        done_capped: data.counts.done > DONE_COUNT_CAP,
      },
      items: data.page.rows.map((r) => {
        const due = dueState({ status: r.status, due_at: r.dueAt }, req.now);
        return {
          code: r.code,
          display_code: formatTrackingCode(r.code),
          title: r.title,
          kind: r.kind,
          status: r.status,
          category: { name_mn: r.categoryMn, name_en: r.categoryEn },
          place_code: r.placeCode,
          received_at: r.receivedAt.toISOString(),
          due_at: r.dueAt.toISOString(),
          extended: r.extended,
          answered_at: r.answeredAt?.toISOString() ?? null,
          overdue_days: due.kind === 'overdue' ? due.days : null,
          due_soon: due.kind === 'soon',
          assignee: r.assigneeId === null ? null : { id: r.assigneeId, name: r.assigneeName },
          url: `/inbox/items/${r.code}`,
        };
      }),
      next: data.page.next ? href({ after: encodeCursor(data.page.next) }) : null,
      prev: data.page.prev ? href({ before: encodeCursor(data.page.prev) }) : null,
    };
  });
}
