import path from 'node:path';
import pg from 'pg';
import { buildApp } from './app.js';
import { startBackground, type Background } from './background.js';
import { ConfigError, loadConfig } from './config.js';
import { prepareDatabase } from './prepare-database.js';
import { systemClock } from './shared/clock.js';
import { connectDatabase } from './shared/db/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './shared/db/embedded.js';
import { outboxMailer, smtpMailer } from './shared/mail/mailer.js';
import { Secrets } from './shared/secrets.js';

/** Creates the application database inside the embedded server on first start. */
async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return serverUrl.replace(/\/postgres$/, `/${name}`);
}

async function main() {
  const config = loadConfig();
  const app0Logger = { level: config.logLevel };
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    const dir = path.join(config.dataDir, 'postgres');
    console.log(`Starting embedded PostgreSQL in ${dir} …`);
    embedded = await startEmbeddedPostgres({ dir });
    url = await ensureDatabase(embedded.url, 'irgen');
  }
  const database = connectDatabase(url);
  const secrets = Secrets.load(config.secretKey, config.dataDir);
  const clock = systemClock;

  await prepareDatabase(database, (m) => console.log(m));

  const app = await buildApp({ config, database, db: database.db, clock, secrets, logger: app0Logger });
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxMailer(path.join(config.dataDir, 'outbox'), config.mailFrom, app.log);
  let background: Background | undefined;
  if (config.runWorker) background = await startBackground({ database, mailer, clock, log: app.log });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    try {
      await app.close();
      await background?.stop();
      mailer.close();
      await database.close();
      await embedded?.stop();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`\nIrgen is running at ${config.publicUrl}\n`);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
