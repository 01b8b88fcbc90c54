import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real OpenID Connect provider on this machine (the `oidc-provider` package, a
 * certified implementation), standing in for the national e-ID (DAN): the tests' protocol
 * peer, and the clearly labelled demo e-ID of `npm start` when no EID_ISSUER_URL is set.
 * Its sign-in page (the package's development page) accepts any login; the registry
 * number of each login comes from `people` (or, in the demo, is derived from the login).
 * oidc-provider is a development dependency: this file is imported only by tests and
 * by the demo, never by a production start.
 */
export interface LocalEidProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startLocalEidProvider(options: {
  redirectUri: string;
  port?: number;
  host?: string;
  /** The host name in the issuer address, when it differs from where it listens (0.0.0.0). */
  issuerHost?: string;
  /** login → registry number; unknown logins get `registryFor(login)` when given. */
  people?: Record<string, string>;
  registryFor?: (login: string) => string;
  clientId?: string;
  clientSecret?: string;
}): Promise<LocalEidProvider> {
  const { default: Provider } = (await import('oidc-provider')) as { default: new (issuer: string, config: object) => { callback(): http.RequestListener; Grant: new (o: object) => { addOIDCScope(s: string): void; save(): Promise<string> } } };
  const clientId = options.clientId ?? 'irgen';
  const clientSecret = options.clientSecret ?? 'irgen-local-eid-secret-0123456789abcdef';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://${options.issuerHost ?? (options.host === '0.0.0.0' ? 'localhost' : (options.host ?? '127.0.0.1'))}:${port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [options.redirectUri], grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_post' }],
    claims: { openid: ['sub', 'registry_number'] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    // The demo page of the package; a real provider has its own sign-in.
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      const registry = options.people?.[id] ?? options.registryFor?.(id);
      return { accountId: id, claims: async () => ({ sub: id, ...(registry ? { registry_number: registry } : {}) }) };
    },
    // Consent is implied: citizens sign in to prove who they are to Irgen, nothing else is shared.
    async loadExistingGrant(ctx: { oidc: { client: { clientId: string }; session: { accountId: string }; provider: { Grant: new (o: object) => { addOIDCScope(s: string): void; save(): Promise<string> } } } }) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid');
      await grant.save();
      return grant;
    },
    cookies: { keys: ['irgen-local-eid-cookie-key-0123456789'] },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
