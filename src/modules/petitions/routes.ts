import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import './body-section.js';
import './events.js';
import './messages.js';
import { createRuntime, type PetitionRuntime } from './runtime.js';
import { draftingRoutes } from './web/drafting-routes.js';
import { publicRoutes } from './web/public-routes.js';
import { signingRoutes } from './web/signing-routes.js';
import { staffRoutes } from './web/staff-routes.js';

export interface PetitionsOptions {
  /** Tests and the demo hand in their own runtime pieces (an SMS sender, an e-ID client). */
  runtime?: PetitionRuntime;
}

/**
 * The petitions module: drafting and supporters, moderation against published
 * standards, the public pages and counts (from memory), signing by email, SMS code and
 * national e-ID (through the vote writer's group commit), official responses, threshold
 * ladders for platform admins, and open data. The runtime (vote writer, store) lives as
 * long as the app and is drained when it closes.
 */
export default async function petitionsModule(app: FastifyInstance, deps: AppDeps & PetitionsOptions): Promise<void> {
  const runtime = deps.runtime ?? createRuntime(deps, { log: app.log });
  app.addHook('onClose', async () => {
    await runtime.writer.close();
  });
  const routeDeps = { ...deps, runtime };
  await app.register(publicRoutes, routeDeps);
  await app.register(draftingRoutes, routeDeps);
  await app.register(signingRoutes, routeDeps);
  await app.register(staffRoutes, routeDeps);
}
