import type { FastifyInstance } from 'fastify';

/**
 * Behind a reverse proxy without TRUST_PROXY, every client appears to come from the proxy,
 * so the per-address limits (sign-in, petition signing) become one limit for everybody.
 * The platform cannot tell a proxy from a client forging the header, so it does not guess:
 * it says so in the log, once, when the first request carrying X-Forwarded-For arrives.
 */
export function warnAboutUntrustedProxy(app: FastifyInstance, trustProxy: boolean): void {
  if (trustProxy) return;
  let warned = false;
  app.addHook('onRequest', async (req) => {
    if (warned || req.headers['x-forwarded-for'] === undefined) return;
    warned = true;
    req.log.warn(
      { remoteAddress: req.ip },
      'Requests carry X-Forwarded-For but TRUST_PROXY is not set: rate limits see the proxy’s address, so all its clients share one limit. Set TRUST_PROXY=true when the platform runs behind a reverse proxy.',
    );
  });
}
