import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { sendPage } from '../../shared/views/render.js';
import categoryRoutes from './category-routes.js';
import deadlineRoutes from './deadline-routes.js';
import holidayRoutes from './holiday-routes.js';
import './messages.js';
import { requirePlatformAdmin } from './policy.js';
import { dashboardCounts } from './queries.js';
import routingRoutes from './routing-routes.js';
import { DashboardPage } from './views/dashboard-page.js';

/**
 * The platform admin's area: /admin links to every admin page (bodies and API keys are
 * configured in their own modules) with a few live figures; categories, routing rules,
 * answer deadlines and public holidays are configured here. Every page and action
 * requires the platform_admin role (policy.ts).
 */
export default async function adminModule(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;

  app.get('/admin', { schema: { hide: true } }, async (req, reply) => {
    requirePlatformAdmin(req);
    return sendPage(req, reply, <DashboardPage counts={await dashboardCounts(db, req.now)} />);
  });

  await app.register(categoryRoutes, deps);
  await app.register(routingRoutes, deps);
  await app.register(deadlineRoutes, deps);
  await app.register(holidayRoutes, deps);
}
