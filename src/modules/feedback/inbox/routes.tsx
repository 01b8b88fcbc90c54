import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import { inboxListRoutes } from './inbox-routes.js';
import { itemRoutes } from './item-routes.js';
import { moderationRoutes } from './moderation-routes.js';
import { operatorRoutes } from './operator-routes.js';

/**
 * The staff side of feedback: the body inbox and item pages (body staff), the operator
 * console (hotline operators) and moderation (moderators). Who may do what is decided in
 * ../policy.ts; every route here refuses everyone else.
 */
export default async function inboxRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  inboxListRoutes(app, deps);
  itemRoutes(app, deps);
  operatorRoutes(app, deps);
  moderationRoutes(app, deps);
}
