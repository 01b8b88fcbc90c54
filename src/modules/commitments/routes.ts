import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { closePdfRenderer } from '../../shared/pdf.js';
import apiRoutes from './api-routes.js';
import authorRoutes from './author-routes.js';
import csoRoutes from './cso-routes.js';
import importRoutes from './import-routes.js';
import publicRoutes from './public-routes.js';
import reportRoutes from './report-routes.js';
import staffRoutes from './staff-routes.js';
import './events.js';
import './messages.js';
import './sections.js';

/**
 * The commitments module: action plans monitored by the government and civil society
 * side by side. Public pages and evidence files (public-routes), the lead body's progress
 * reports, answers and closing (staff-routes, with multipart for evidence files), CSO
 * assessments and comments (cso-routes), the report as HTML, PDF, CSV and plan file
 * (report-routes), plan files in (import-routes), plans written on the platform
 * (author-routes) and open data as JSON (api-routes).
 */
export default async function commitmentsModule(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(publicRoutes, deps);
  await app.register(staffRoutes, deps);
  await app.register(csoRoutes, deps);
  await app.register(reportRoutes, deps);
  await app.register(importRoutes, deps);
  await app.register(authorRoutes, deps);
  await app.register(apiRoutes, deps);
  // The PDF renderer's browser is shared by modules; closing it twice is harmless.
  app.addHook('onClose', closePdfRenderer);
}
