import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import { formRoutes } from './form-routes.js';
import { manageRoutes } from './manage-routes.js';
import { publicRoutes } from './public-routes.js';
import './messages.js';

/**
 * The public web side of feedback: the staged form (/feedback/new), tracking by code,
 * item pages with their JSON twins, the public list and search, and the submitter's
 * private page. Each part is its own plugin, so multipart exists only for the form.
 */
export default async function webRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(formRoutes, deps);
  await app.register(publicRoutes, deps);
  await app.register(manageRoutes, deps);
}
