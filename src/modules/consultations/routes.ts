import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { answerRoutes } from './answer-routes.js';
import { apiRoutes } from './api-routes.js';
import { commentRoutes } from './comment-routes.js';
import './events.js';
import { manageRoutes } from './manage-routes.js';
import './messages.js';
import { moderationRoutes } from './moderation-routes.js';
import { createRenderers } from './pages.js';
import { closePdfRenderer } from '../../shared/pdf.js';
import { publicRoutes } from './public-routes.js';
import { reportRoutes } from './report-routes.js';
import './sections.js';

/**
 * Consultations on draft laws, regulations, policies and action plans: reading and
 * commenting (public-routes, comment-routes), the body's work (manage-routes, answer-routes:
 * text, versions, answers, hearings, finishing), moderation, the report (HTML, PDF, CSV)
 * and open data (api-routes). The PDF printer's Chromium starts on first use and is
 * closed with the app.
 */
export default async function consultationsModule(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.addHook('onClose', closePdfRenderer);
  const pages = createRenderers(deps.db);
  publicRoutes(app, deps, pages);
  commentRoutes(app, deps, pages);
  manageRoutes(app, deps);
  answerRoutes(app, deps);
  moderationRoutes(app, deps);
  reportRoutes(app, deps);
  apiRoutes(app, deps);
}
