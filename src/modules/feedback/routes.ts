import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import inboxRoutes from './inbox/routes.js';
import open311Routes from './open311/routes.js';
import statsRoutes from './stats/routes.js';
import webRoutes from './web/routes.js';

/**
 * The feedback module: public web pages and the staged form (web/), the body inbox,
 * operator console and moderation (inbox/), the Open311 GeoReport v2 API (open311/) and
 * responsiveness statistics (stats/). Domain rules live in commands/ and are shared.
 */
export default async function feedbackModule(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(webRoutes, deps);
  await app.register(inboxRoutes, deps);
  await app.register(statsRoutes, deps);
  await app.register(open311Routes, deps);
}
