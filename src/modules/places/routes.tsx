import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import Type from 'typebox';
import type { AppDeps } from '../../deps.js';
import { AppError, notFound, type FieldError } from '../../shared/errors.js';
import { sendPage } from '../../shared/views/render.js';
import { placesApi } from './api.js';
import { isPlaceCode } from './codes.js';
import './messages.js';
import { placePickerSchema, resolvePlaceSelection } from './picker.js';
import { firstLevelPlaces, getPlaceDetail, searchPlaces, SEARCH_MAX_LENGTH, type PlaceDetail } from './queries.js';
import { PickPage } from './views/pick-page.js';
import { PlacePage } from './views/place-page.js';
import { PlacesPage } from './views/places-page.js';

/**
 * A section another module adds to every place page (responsiveness statistics, for
 * one): it loads what it needs for the place and renders a <section>, or null.
 */
export interface PlaceSection {
  render(place: PlaceDetail, req: FastifyRequest): Promise<VNode | null> | VNode | null;
}

export interface PlacesModuleOptions extends Pick<AppDeps, 'db'> {
  /** Shown on /places/:code below the place's own facts, in this order. */
  placeSections?: PlaceSection[];
}

const PickBody = Type.Object({ _csrf: Type.Optional(Type.String()), ...placePickerSchema('place') });

export default async function placesModule(app: FastifyInstance, deps: PlacesModuleOptions): Promise<void> {
  const { db } = deps;
  await app.register(placesApi, { db });

  app.get('/places', { schema: { hide: true } }, async (req, reply) => {
    const q = (req.query as { q?: unknown }).q;
    const firstLevel = await firstLevelPlaces(db, req.lang);
    if (typeof q !== 'string' || q.trim() === '') return sendPage(req, reply, <PlacesPage firstLevel={firstLevel} />);
    if (q.length > SEARCH_MAX_LENGTH) {
      const errors: FieldError[] = [{ field: 'q', key: 'places:search.tooLong', params: { max: SEARCH_MAX_LENGTH } }];
      return sendPage(req, reply, <PlacesPage firstLevel={firstLevel} query={q} errors={errors} />, 400);
    }
    const hits = await searchPlaces(db, q, { limit: 30 });
    return sendPage(req, reply, <PlacesPage firstLevel={firstLevel} query={q.trim()} hits={hits} />);
  });

  // Static paths win over parameters in Fastify's router, so /places/pick is never a code.
  app.get('/places/pick', { schema: { hide: true } }, async (req, reply) => {
    const selection = resolvePlaceSelection(req.query, { prefix: 'place' });
    const errors = selection.ok ? [] : [selection.error];
    return sendPage(req, reply, <PickPage value={selection.code} errors={errors} />, errors.length ? 400 : 200);
  });

  app.post('/places/pick', { schema: { hide: true, body: PickBody }, attachValidation: true }, async (req, reply) => {
    const selection = resolvePlaceSelection(req.body, { prefix: 'place', required: true });
    if (!selection.ok) return sendPage(req, reply, <PickPage value={selection.code} errors={[selection.error]} />, 400);
    if (selection.refine) return sendPage(req, reply, <PickPage value={selection.code} />);
    return sendPage(req, reply, <PickPage value={selection.code} result={selection.code} />);
  });

  app.get('/places/:code', { schema: { hide: true } }, async (req, reply) => {
    const { code } = req.params as { code: string };
    if (!isPlaceCode(code)) throw notFound();
    const detail = await getPlaceDetail(db, code, req.lang);
    if (!detail) throw new AppError('places.not_found', { status: 404 });
    const sections = await Promise.all((deps.placeSections ?? []).map((section) => section.render(detail, req)));
    return sendPage(req, reply, <PlacePage detail={detail}>{sections}</PlacePage>);
  });
}
