import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { sendPage } from '../../shared/views/render.js';
import { HomePage } from './home-page.js';

export default async function homeModule(app: FastifyInstance, _deps: AppDeps): Promise<void> {
  app.get('/', { schema: { hide: true } }, async (req, reply) => sendPage(req, reply, <HomePage />));
}
