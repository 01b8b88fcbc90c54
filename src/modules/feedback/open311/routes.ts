import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import { apiClientAdminRoutes } from './admin-routes.js';
import { ApiKeyChecker } from './api-keys.js';
import { OPEN311_PREFIX, open311Api } from './api.js';

/**
 * The Open311 GeoReport v2 API under /open311/v2 (its own error and not-found handlers,
 * see api.ts) and the platform admin's page for its API keys. Both share one key cache,
 * so a revocation takes effect at once in this process.
 */
export default async function open311Routes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const keys = new ApiKeyChecker(deps.db);
  await app.register(open311Api, { prefix: OPEN311_PREFIX, db: deps.db, config: deps.config, secrets: deps.secrets, keys });
  await app.register(apiClientAdminRoutes, { db: deps.db, config: deps.config, keys });
}
