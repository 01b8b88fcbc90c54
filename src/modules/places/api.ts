import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../shared/errors.js';
import { firstLevelPlaces, getPlaceDetail, searchPlaces } from './queries.js';
import { ErrorResponse, PlaceCodeParams, PlaceDetailResponse, PlaceListResponse, PlaceSearchQuery, PlaceSearchResponse } from './schemas.js';

// Places change only with a new classification release: let clients and proxies keep answers a while.
const CACHE = 'public, max-age=3600';

/** The JSON twins of the place pages, described in /api/openapi.json from these schemas. */
export async function placesApi(app: FastifyInstance, { db }: Pick<AppDeps, 'db'>): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/places',
    {
      config: { api: true },
      schema: { tags: ['places'], summary: 'The capital and the 21 aimags (first-level units)', response: { 200: PlaceListResponse } },
    },
    async (_req, reply) => {
      reply.header('cache-control', CACHE);
      return { places: await firstLevelPlaces(db) };
    },
  );

  api.get(
    '/api/places/search',
    {
      config: { api: true },
      schema: {
        tags: ['places'],
        summary: 'Search places by name',
        description: 'Matches names in Cyrillic or Latin letters, with or without diacritics and in common spellings ("khovd", "Баянзүрх", "umnugovi"); best matches first, each with its path.',
        querystring: PlaceSearchQuery,
        response: { 200: PlaceSearchResponse, 400: ErrorResponse },
      },
    },
    async (req, reply) => {
      const { q, limit } = req.query;
      if (!q.trim()) throw new AppError('places.query_empty', { status: 400, fields: [{ field: 'q', key: 'places:errors.query_empty' }] });
      reply.header('cache-control', CACHE);
      return { query: q, results: await searchPlaces(db, q, { limit }) };
    },
  );

  api.get(
    '/api/places/:code',
    {
      config: { api: true },
      schema: {
        tags: ['places'],
        summary: 'A place with its ancestors and children',
        params: PlaceCodeParams,
        response: { 200: PlaceDetailResponse, 400: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (req, reply) => {
      const detail = await getPlaceDetail(db, req.params.code);
      if (!detail) throw new AppError('places.not_found', { status: 404 });
      reply.header('cache-control', CACHE);
      return detail;
    },
  );
}
