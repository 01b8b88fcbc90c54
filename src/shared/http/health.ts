import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import Type from 'typebox';
import type { Db } from '../db/database.js';

/** /healthz answers 200 when the platform and its database are up, 503 when the database is not. */
export async function healthRoutes(app: FastifyInstance, opts: { db: Db }) {
  app.get(
    '/healthz',
    {
      config: { api: true },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database health',
        response: {
          200: Type.Object({ status: Type.Literal('ok'), database: Type.Literal('up') }),
          503: Type.Object({ status: Type.Literal('unavailable'), database: Type.Literal('down') }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await sql`SELECT 1`.execute(opts.db);
        return reply.send({ status: 'ok', database: 'up' });
      } catch {
        return reply.status(503).send({ status: 'unavailable', database: 'down' });
      }
    },
  );
}
