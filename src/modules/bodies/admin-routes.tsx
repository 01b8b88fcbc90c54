import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requirePlatformRole } from '../../shared/auth/guards.js';
import { notFound, type FieldError } from '../../shared/errors.js';
import { sendPage } from '../../shared/views/render.js';
import { createBody, updateBody, type BodyInput } from './commands/bodies.js';
import { bodiesFormErrors, fieldErrorsOf, parsePlaceCodes, refusal, trimFormStrings, wantsJson, websiteErrors } from './forms.js';
import { findBodyDetail, listBodies, type BodyDetail } from './queries.js';
import { CreateBodyForm, EditBodyForm, SlugParams } from './schemas.js';
import Type from 'typebox';
import { AdminBodiesPage, AdminEditBodyPage, type BodyFormValues } from './views/admin-pages.js';

const FORM_ROUTE = { attachValidation: true, preValidation: trimFormStrings } as const;
const CreatedQuery = Type.Object({ created: Type.Optional(Type.String({ maxLength: 200 })) });
const SavedQuery = Type.Object({ saved: Type.Optional(Type.String({ maxLength: 5 })) });

/** What the form posted, as text, to show again after a refusal. */
function postedValues(req: FastifyRequest): BodyFormValues {
  const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
  const values: BodyFormValues = {};
  for (const key of ['slug', 'nameMn', 'nameEn', 'type', 'place', 'superior', 'placesServed', 'website', 'email'] as const) {
    if (typeof body[key] === 'string') values[key] = body[key];
  }
  return values;
}

function savedValues(body: BodyDetail): BodyFormValues {
  return {
    nameMn: body.nameMn,
    nameEn: body.nameEn,
    type: body.type,
    place: body.place?.code ?? '',
    superior: body.superior?.slug ?? '',
    placesServed: body.placesServed.map((p) => p.code).join(', '),
    website: body.website ?? '',
    email: body.email ?? '',
  };
}

function bodyInput(form: { nameMn: string; nameEn: string; type: BodyInput['type']; place?: string; superior?: string; website?: string; email?: string }): BodyInput {
  return {
    nameMn: form.nameMn,
    nameEn: form.nameEn,
    type: form.type,
    placeCode: form.place || null,
    superiorSlug: form.superior || null,
    website: form.website || null,
    email: form.email || null,
  };
}

/**
 * /admin/bodies: platform admins list, add and edit public bodies (names, type, place,
 * superior body, places served). The general admin area links here.
 */
export default async function adminRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function renderList(req: FastifyRequest, reply: FastifyReply, options: { values?: BodyFormValues; errors?: FieldError[]; created?: string; status?: number } = {}) {
    const bodies = await listBodies(db);
    return sendPage(req, reply, <AdminBodiesPage bodies={bodies} values={options.values ?? {}} errors={options.errors} created={options.created} />, options.status ?? 200);
  }

  async function renderEdit(req: FastifyRequest, reply: FastifyReply, body: BodyDetail, options: { values?: BodyFormValues; errors?: FieldError[]; saved?: boolean; status?: number } = {}) {
    const bodies = await listBodies(db);
    return sendPage(
      req,
      reply,
      <AdminEditBodyPage body={body} bodies={bodies} values={options.values ?? savedValues(body)} errors={options.errors} saved={options.saved} />,
      options.status ?? 200,
    );
  }

  async function loadBody(slug: string): Promise<BodyDetail> {
    const body = await findBodyDetail(db, { slug });
    if (!body) throw notFound();
    return body;
  }

  r.get('/admin/bodies', { schema: { hide: true, querystring: CreatedQuery } }, async (req, reply) => {
    requirePlatformRole(req, 'platform_admin');
    return renderList(req, reply, { created: req.query.created });
  });

  r.post('/admin/bodies', { ...FORM_ROUTE, schema: { hide: true, body: CreateBodyForm } }, async (req, reply) => {
    requirePlatformRole(req, 'platform_admin');
    const values = postedValues(req);
    const errors = [...bodiesFormErrors(req), ...websiteErrors(values.website)];
    if (errors.length) {
      if (wantsJson(req)) throw refusal(errors);
      return renderList(req, reply, { values, errors, status: 400 });
    }
    const form = req.body;
    try {
      await db.transaction().execute((tx) => createBody(tx, { ...bodyInput(form), slug: form.slug, placesServed: parsePlaceCodes(form.placesServed) }, req.now));
    } catch (error) {
      const refused = fieldErrorsOf(error);
      if (wantsJson(req)) throw error;
      return renderList(req, reply, { values, errors: refused, status: 400 });
    }
    return reply.redirect(`/admin/bodies?created=${encodeURIComponent(form.slug)}`, 303);
  });

  r.get('/admin/bodies/:slug/edit', { schema: { hide: true, params: SlugParams, querystring: SavedQuery } }, async (req, reply) => {
    requirePlatformRole(req, 'platform_admin');
    const body = await loadBody(req.params.slug);
    return renderEdit(req, reply, body, { saved: req.query.saved === '1' });
  });

  r.post('/admin/bodies/:slug/edit', { ...FORM_ROUTE, schema: { hide: true, params: SlugParams, body: EditBodyForm } }, async (req, reply) => {
    requirePlatformRole(req, 'platform_admin');
    const body = await loadBody(req.params.slug);
    const values = postedValues(req);
    const errors = [...bodiesFormErrors(req), ...websiteErrors(values.website)];
    if (errors.length) {
      if (wantsJson(req)) throw refusal(errors);
      return renderEdit(req, reply, body, { values, errors, status: 400 });
    }
    const form = req.body;
    try {
      await db.transaction().execute((tx) => updateBody(tx, body.id, { ...bodyInput(form), placesServed: parsePlaceCodes(form.placesServed) }, req.now));
    } catch (error) {
      const refused = fieldErrorsOf(error);
      if (wantsJson(req)) throw error;
      return renderEdit(req, reply, body, { values, errors: refused, status: 400 });
    }
    return reply.redirect(`/admin/bodies/${body.slug}/edit?saved=1`, 303);
  });
}
