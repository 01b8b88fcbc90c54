import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../shared/errors.js';
import { sendPage } from '../../shared/views/render.js';
import adminRoutes from './admin-routes.js';
import { loadBodyPageSections } from './extensions.js';
import manageRoutes from './manage-routes.js';
import './messages.js';
import { canAdministerBodies, canManageBody } from './policy.js';
import { bodyUrl, findBodyDetail, levelOnePlaces, listBodies, type BodyDetail, type BodyFilters, type BodyLink, type BodySummary, type PlaceName } from './queries.js';
import { BodiesQuery, BodyDetailJson, BodyListJson, NotFoundJson, SlugParams, ValidationErrorJson } from './schemas.js';
import { BodiesListPage } from './views/bodies-list-page.js';
import { BodyPage } from './views/body-page.js';

function filtersOf(query: BodiesQuery): BodyFilters {
  return { type: query.type || undefined, within: query.aimag || undefined, serving: query.serving || undefined, q: query.q?.trim() || undefined };
}

/** The same filters as a query string, for the page's JSON twin. */
function queryString(query: BodiesQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (typeof value === 'string' && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

const placeJson = (p: PlaceName) => ({ code: p.code, name: { mn: p.nameMn, en: p.nameEn } });
const linkJson = (b: BodyLink) => ({ slug: b.slug, name: { mn: b.nameMn, en: b.nameEn }, type: b.type, url: bodyUrl(b.slug) });

function summaryJson(b: BodySummary) {
  return { ...linkJson(b), place: b.place && placeJson(b.place), superior: b.superior && linkJson(b.superior) };
}

function detailJson(b: BodyDetail) {
  return {
    ...summaryJson(b),
    subordinates: b.subordinates.map(linkJson),
    placesServed: b.placesServed.map(placeJson),
    categories: b.categories.map((c) => ({ code: c.code, name: { mn: c.nameMn, en: c.nameEn } })),
    staffCount: b.staffCount,
    website: b.website,
    email: b.email,
  };
}

/**
 * Public bodies: the list and each body's page with their JSON twins, body admins'
 * management of staff and categories (manage-routes), and platform admins'
 * configuration of bodies (admin-routes).
 */
export default async function bodiesModule(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/bodies', { schema: { hide: true, querystring: BodiesQuery } }, async (req, reply) => {
    const [bodies, aimags] = await Promise.all([listBodies(db, filtersOf(req.query)), levelOnePlaces(db)]);
    const filters = { type: req.query.type ?? '', aimag: req.query.aimag ?? '', q: req.query.q ?? '' };
    return sendPage(req, reply, <BodiesListPage bodies={bodies} filters={filters} aimags={aimags} jsonHref={`/api/bodies${queryString(req.query)}`} />);
  });

  r.get('/bodies/:slug', { schema: { hide: true, params: SlugParams } }, async (req, reply) => {
    const body = await findBodyDetail(db, { slug: req.params.slug });
    if (!body) throw notFound();
    const sections = await loadBodyPageSections({ db, body, now: req.now, actor: req.actor });
    return sendPage(
      req,
      reply,
      <BodyPage body={body} sections={sections} canManage={canManageBody(req.actor, body.id)} canEdit={canAdministerBodies(req.actor)} jsonHref={`/api/bodies/${body.slug}`} />,
    );
  });

  r.get(
    '/api/bodies',
    {
      config: { api: true },
      schema: {
        tags: ['bodies'],
        summary: 'Public bodies',
        description: 'Ministries, agencies, governors’ offices, khurals and the 11-11 centre, with their place and superior body. JSON twin of /bodies.',
        querystring: BodiesQuery,
        response: { 200: BodyListJson, 400: ValidationErrorJson },
      },
    },
    async (req) => {
      const bodies = await listBodies(db, filtersOf(req.query));
      return { total: bodies.length, bodies: bodies.map(summaryJson) };
    },
  );

  r.get(
    '/api/bodies/:slug',
    {
      config: { api: true },
      schema: {
        tags: ['bodies'],
        summary: 'One public body',
        description: 'A body with its superior and subordinate bodies, the places it serves, the feedback categories it handles and how many staff it has on Irgen. JSON twin of /bodies/{slug}.',
        params: SlugParams,
        response: { 200: BodyDetailJson, 400: ValidationErrorJson, 404: NotFoundJson },
      },
    },
    async (req) => {
      const body = await findBodyDetail(db, { slug: req.params.slug });
      if (!body) throw notFound();
      return detailJson(body);
    },
  );

  await app.register(manageRoutes, deps);
  await app.register(adminRoutes, deps);
}
