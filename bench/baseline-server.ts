import formbody from '@fastify/formbody';
import Fastify from 'fastify';

/**
 * The bare Fastify baseline: the same framework, form parser and Node.js as the
 * platform, and nothing else (no database, templates, sessions, security headers or
 * compression). Its rate, measured in the same run and on the same machine as each
 * platform figure, tells how much of the machine's capacity the platform's own work
 * uses, and makes runs on busy and quiet machines comparable.
 *
 * Started by the bench as a separate process: `node --import tsx bench/baseline-server.ts`.
 */
const app = Fastify({ logger: false });
await app.register(formbody);

app.get('/healthz', async () => ({ ok: true }));

// A small JSON answer, like a page's JSON twin would be, without any work behind it.
app.get('/baseline', async () => ({ ok: true, service: 'baseline', at: Date.now() }));

// Parses the form as the Open311 POST does and answers the same shape of JSON.
app.post('/baseline', async (req) => {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return [{ service_request_id: 'BASELINE', token: '', service_notice: `fields: ${Object.keys(body).length}` }];
});

const port = Number(process.env.PORT ?? 0);
await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });

const stop = () => {
  void app.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Started with an IPC channel: when the bench goes away, so does the baseline.
process.on('disconnect', stop);
