import { createHash } from 'node:crypto';
import type { Config } from '../../../config.js';

/**
 * `npm start` with the demo dataset and no EID_ISSUER_URL: a local OpenID provider
 * stands in for the national e-ID on PORT+1, so a newcomer can try signing with e-ID.
 * Its sign-in page accepts any login; every login is a made-up adult with a registry
 * number derived from it. Pages that use it say "demo e-ID". Never started otherwise.
 */
export async function startDemoEid(config: Config, log: (message: string) => void): Promise<{ close(): Promise<void> } | null> {
  if (config.eid.issuerUrl || !config.demoData) return null;
  const host = new URL(config.publicUrl).hostname;
  let provider;
  try {
    const { startLocalEidProvider } = await import('./local-eid-provider.js');
    provider = await startLocalEidProvider({
    redirectUri: `${config.publicUrl}/petitions/eid/callback`,
    port: config.port + 1,
    host: config.host === '0.0.0.0' ? '0.0.0.0' : config.host,
    issuerHost: host,
    registryFor: demoRegistryNumber,
    });
  } catch (error) {
    // No demo e-ID (the port is taken, or development packages are not installed): signing by e-ID is off.
    log(`Demo e-ID provider not started: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  config.eid = { issuerUrl: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, registryClaim: 'registry_number', demo: true };
  log(`Demo e-ID provider (not the real national e-ID) at ${provider.issuer}: any login signs in.`);
  return provider;
}

/** A valid adult registry number made from a login (born 1960–1999). */
export function demoRegistryNumber(login: string): string {
  const n = createHash('sha256').update(login).digest().readUInt32BE(0);
  const year = 60 + (n % 40);
  const month = 1 + ((n >> 8) % 12);
  const day = 1 + ((n >> 12) % 28);
  const tail = (n >> 20) % 100;
  return `ДМ${String(year).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(tail).padStart(2, '0')}`;
}
