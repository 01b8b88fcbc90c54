import path from 'node:path';

/**
 * Everything the platform reads from its environment, parsed once at start.
 * Unknown or malformed values stop the start with a message naming the variable,
 * so a typo never silently falls back to a default.
 */
export interface Config {
  port: number;
  host: string;
  /** Base URL used in emails and links that leave the site. */
  publicUrl: string;
  /** External PostgreSQL; when absent the platform starts its embedded server. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** SMTP server for outgoing mail; when absent mail is written to DATA_DIR/outbox. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Root secret for cookie signing and keyed hashes; generated into DATA_DIR when absent. */
  secretKey: string | undefined;
  /** Load the demo dataset when the database is empty. */
  demoData: boolean;
  logLevel: string;
  /** Run the background worker (jobs, public-record chaining) in this process. */
  runWorker: boolean;
  /** Believe X-Forwarded-For: only behind a reverse proxy, or clients could fake their address. */
  trustProxy: boolean;
  /** Petitions: the national e-ID's OpenID provider and this platform's client there (none: no e-ID signing, or the demo provider). */
  eid: { issuerUrl: string | undefined; clientId: string; clientSecret: string; registryClaim: string; demo?: boolean };
  /** Petitions: the SMS gateway's HTTP endpoint (none: messages go to DATA_DIR/sms-outbox). */
  smsGatewayUrl: string | undefined;
  smsGatewayToken: string | undefined;
}

export class ConfigError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`${name} must be a whole number from 0 to 65535, got "${raw}"`);
  return n;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function url(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = int(env, 'PORT', 3000);
  return {
    port,
    host: env.HOST || '0.0.0.0',
    publicUrl: (url(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/$/, ''),
    databaseUrl: url(env, 'DATABASE_URL'),
    dataDir: path.resolve(env.DATA_DIR || 'data'),
    smtpUrl: url(env, 'SMTP_URL'),
    mailFrom: env.MAIL_FROM || 'Irgen <no-reply@irgen.localhost>',
    secretKey: env.SECRET_KEY || undefined,
    demoData: bool(env, 'DEMO_DATA', true),
    logLevel: env.LOG_LEVEL || 'info',
    runWorker: bool(env, 'RUN_WORKER', true),
    trustProxy: bool(env, 'TRUST_PROXY', false),
    eid: { issuerUrl: url(env, 'EID_ISSUER_URL'), clientId: env.EID_CLIENT_ID || 'irgen', clientSecret: env.EID_CLIENT_SECRET || '', registryClaim: env.EID_REGISTRY_CLAIM || 'registry_number' },
    smsGatewayUrl: url(env, 'SMS_GATEWAY_URL'),
    smsGatewayToken: env.SMS_GATEWAY_TOKEN || undefined,
  };
}
