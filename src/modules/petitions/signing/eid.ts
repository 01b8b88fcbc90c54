import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { AppError } from '../../../shared/errors.js';
import type { Logger } from '../../../shared/logger.js';
import type { Secrets } from '../../../shared/secrets.js';

/**
 * Signing with the national e-ID (the DAN system) through OpenID Connect, with
 * `openid-client`: the authorization code flow with PKCE, state and nonce. The flow's
 * secrets travel in a sealed, short-lived cookie (nothing is stored server-side); the
 * callback is accepted only if openid-client verifies the state, the code exchange, the
 * ID token's signature, issuer, audience and nonce. The registry number comes from a
 * claim (EID_REGISTRY_CLAIM, from the ID token or the userinfo endpoint), so an e-ID
 * vote is the same person as an email or SMS vote with that number.
 */
export interface EidSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  registryClaim: string;
  /** The built-in demo provider of `npm start` (labelled as such on the pages). */
  demo?: boolean;
}

export interface EidIdentity {
  issuer: string;
  subject: string;
  registryNumber: string;
}

export interface EidFlow {
  petitionId: number;
  verifier: string;
  state: string;
  nonce: string;
  expiresAt: number;
}

export const EID_COOKIE = 'irgen_eid_flow';
const FLOW_MINUTES = 10;

export class EidClient {
  private config: Promise<oidc.Configuration> | undefined;
  private readonly key: Buffer;

  constructor(
    readonly settings: EidSettings,
    secrets: Secrets,
    private readonly log?: Logger,
  ) {
    this.key = secrets.key('petitions:eid-flow');
  }

  private configuration(): Promise<oidc.Configuration> {
    if (!this.config) {
      const local = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(this.settings.issuer);
      this.config = oidc.discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, local ? { execute: [oidc.allowInsecureRequests] } : undefined);
      // A failed discovery (the provider was down) is tried again at the next sign-in.
      this.config.catch((error: unknown) => {
        this.log?.warn({ err: error }, 'e-ID provider discovery failed');
        this.config = undefined;
      });
    }
    return this.config;
  }

  /** The provider's sign-in address and the sealed flow for the cookie. */
  async start(petitionId: number, now: Date): Promise<{ url: string; cookie: string }> {
    let config: oidc.Configuration;
    try {
      config = await this.configuration();
    } catch {
      throw new AppError('petitions.eid_unavailable', { status: 503 });
    }
    const flow: EidFlow = { petitionId, verifier: oidc.randomPKCECodeVerifier(), state: oidc.randomState(), nonce: oidc.randomNonce(), expiresAt: now.getTime() + FLOW_MINUTES * 60_000 };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.verifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, cookie: this.sealFlow(flow) };
  }

  /**
   * Verifies the callback (its full URL) against the flow of the cookie. Any failure,
   * a forged or replayed callback included, is 'petitions.eid_failed' (400).
   */
  async finish(callbackUrl: URL, cookie: string | undefined, now: Date): Promise<{ petitionId: number; identity: EidIdentity }> {
    const flow = cookie ? this.openFlow(cookie) : null;
    if (!flow || flow.expiresAt < now.getTime()) throw new AppError('petitions.eid_failed', { status: 400 });
    try {
      const config = await this.configuration();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true });
      const claims = tokens.claims();
      if (!claims) throw new Error('no ID token claims');
      let registry = claims[this.settings.registryClaim];
      if (typeof registry !== 'string') {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
        registry = info[this.settings.registryClaim];
      }
      if (typeof registry !== 'string') throw new Error(`no ${this.settings.registryClaim} claim`);
      return { petitionId: flow.petitionId, identity: { issuer: claims.iss, subject: claims.sub, registryNumber: registry } };
    } catch (error) {
      if (error instanceof AppError) throw error;
      this.log?.info({ err: error instanceof Error ? error.message : String(error) }, 'e-ID callback refused');
      throw new AppError('petitions.eid_failed', { status: 400 });
    }
  }

  private sealFlow(flow: EidFlow): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(flow), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  private openFlow(sealed: string): EidFlow | null {
    try {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return JSON.parse(Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8')) as EidFlow;
    } catch {
      return null;
    }
  }
}
