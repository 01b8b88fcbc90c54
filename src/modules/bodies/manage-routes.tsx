import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../../shared/auth/guards.js';
import { forbidden, notFound, type FieldError } from '../../shared/errors.js';
import { sendPage } from '../../shared/views/render.js';
import { setBodyCategories } from './commands/bodies.js';
import { addMember, changeMemberRole, removeMember } from './commands/membership.js';
import { bodiesFormErrors, fieldErrorsOf, refusal, trimFormStrings, wantsJson } from './forms.js';
import { canManageBody } from './policy.js';
import { activeCategories, findBodyDetail, listStaff, type BodyDetail } from './queries.js';
import { AddMemberForm, CategoriesForm, MemberParams, NoticeQuery, RoleForm, SlugParams } from './schemas.js';
import { MANAGE_NOTICES, ManagePage, type ManageNotice } from './views/manage-page.js';

const FORM_ROUTE = { attachValidation: true, preValidation: trimFormStrings } as const;

interface RenderOptions {
  status?: number;
  errors?: FieldError[];
  add?: { email?: string; role?: string };
  selected?: ReadonlySet<string>;
  notice?: ManageNotice;
}

function formBody(req: FastifyRequest): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}

/** A malformed member id in the address is a page that does not exist, not a form error. */
function paramsInvalid(req: FastifyRequest): boolean {
  return (req.validationError as (Error & { validationContext?: string }) | undefined)?.validationContext === 'params';
}

/**
 * /bodies/:slug/manage: the body's admins (and platform admins) manage staff and the
 * categories the body handles. Staff lists never leave these pages.
 */
export default async function manageRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  /** Load, then authorise: unknown body → 404, anonymous → sign in, anyone else who may not → 403. */
  async function loadManaged(req: FastifyRequest, slug: string): Promise<{ body: BodyDetail; actorId: number }> {
    const body = await findBodyDetail(db, { slug });
    if (!body) throw notFound();
    const actor = requireActor(req);
    if (!canManageBody(actor, body.id)) throw forbidden();
    return { body, actorId: actor.accountId };
  }

  async function render(req: FastifyRequest, reply: FastifyReply, body: BodyDetail, options: RenderOptions = {}) {
    const [staff, categories] = await Promise.all([listStaff(db, body.id), activeCategories(db)]);
    const selected = options.selected ?? new Set(body.categories.map((c) => c.code));
    return sendPage(
      req,
      reply,
      <ManagePage body={body} staff={staff} categories={categories} selected={selected} notice={options.notice} errors={options.errors} add={options.add} />,
      options.status ?? 200,
    );
  }

  /** Runs a staff or category change; a refusal re-renders the page (or answers JSON) with its reasons. */
  async function act(req: FastifyRequest, reply: FastifyReply, body: BodyDetail, change: () => Promise<void>, done: ManageNotice, onRefused: RenderOptions = {}) {
    try {
      await change();
    } catch (error) {
      const errors = fieldErrorsOf(error);
      if (wantsJson(req)) throw error;
      const status = (error as { status?: number }).status ?? 400;
      return render(req, reply, body, { ...onRefused, errors, status });
    }
    return reply.redirect(`/bodies/${body.slug}/manage?done=${done}`, 303);
  }

  r.get('/bodies/:slug/manage', { schema: { hide: true, params: SlugParams, querystring: NoticeQuery } }, async (req, reply) => {
    const { body } = await loadManaged(req, req.params.slug);
    const notice = MANAGE_NOTICES.find((n) => n === req.query.done);
    return render(req, reply, body, { notice });
  });

  r.post('/bodies/:slug/manage/members', { ...FORM_ROUTE, schema: { hide: true, params: SlugParams, body: AddMemberForm } }, async (req, reply) => {
    const { body, actorId } = await loadManaged(req, req.params.slug);
    const posted = formBody(req);
    const add = { email: String(posted.email ?? ''), role: String(posted.role ?? '') };
    const errors = bodiesFormErrors(req);
    if (errors.length) {
      if (wantsJson(req)) throw refusal(errors);
      return render(req, reply, body, { status: 400, errors, add });
    }
    return act(
      req,
      reply,
      body,
      async () => {
        await db.transaction().execute((tx) => addMember(tx, { organisationId: body.id, email: req.body.email, role: req.body.role, by: actorId, now: req.now }));
      },
      'added',
      { add },
    );
  });

  r.post('/bodies/:slug/manage/members/:accountId/role', { ...FORM_ROUTE, schema: { hide: true, params: MemberParams, body: RoleForm } }, async (req, reply) => {
    if (paramsInvalid(req)) throw notFound();
    const { body, actorId } = await loadManaged(req, req.params.slug);
    const errors = bodiesFormErrors(req).map((e) => ({ ...e, field: 'staff' }));
    if (errors.length) {
      if (wantsJson(req)) throw refusal(errors);
      return render(req, reply, body, { status: 400, errors });
    }
    return act(req, reply, body, () =>
      db.transaction().execute((tx) => changeMemberRole(tx, { organisationId: body.id, accountId: req.params.accountId, role: req.body.role, by: actorId, now: req.now })),
    'roleChanged');
  });

  r.post('/bodies/:slug/manage/members/:accountId/remove', { ...FORM_ROUTE, schema: { hide: true, params: MemberParams } }, async (req, reply) => {
    if (paramsInvalid(req)) throw notFound();
    const { body, actorId } = await loadManaged(req, req.params.slug);
    return act(req, reply, body, () => db.transaction().execute((tx) => removeMember(tx, { organisationId: body.id, accountId: req.params.accountId, by: actorId, now: req.now })), 'removed');
  });

  r.post('/bodies/:slug/manage/categories', { ...FORM_ROUTE, schema: { hide: true, params: SlugParams, body: CategoriesForm } }, async (req, reply) => {
    const { body } = await loadManaged(req, req.params.slug);
    const posted = formBody(req).category;
    const codes = (Array.isArray(posted) ? posted : posted === undefined ? [] : [posted]).map(String);
    const errors = bodiesFormErrors(req);
    if (errors.length) {
      if (wantsJson(req)) throw refusal(errors);
      return render(req, reply, body, { status: 400, errors, selected: new Set(codes) });
    }
    return act(req, reply, body, () => db.transaction().execute((tx) => setBodyCategories(tx, body.id, codes, req.now)), 'categoriesSaved', { selected: new Set(codes) });
  });
}
