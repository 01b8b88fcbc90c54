import path from 'node:path';
import { buildApp } from './app.js';
import { startBackground, type Background } from './background.js';
import { ConfigError, loadConfig } from './config.js';
import { demoOnStart } from './demo/start.js';
import { prepareDatabase } from './prepare-database.js';
import { startDemoEid } from './modules/petitions/signing/demo-eid.js';
import { systemClock } from './shared/clock.js';
import { openConfiguredDatabase } from './shared/db/open-configured-database.js';
import { outboxMailer, smtpMailer } from './shared/mail/mailer.js';
import { Secrets } from './shared/secrets.js';

async function main() {
  const config = loadConfig();
  const app0Logger = { level: config.logLevel };
  // DATABASE_URL, or the embedded server under DATA_DIR (started here, stopped at shutdown).
  const { database, close: closeDatabase } = await openConfiguredDatabase(config, { log: (m) => console.log(m) });
  const secrets = Secrets.load(config.secretKey, config.dataDir);
  const clock = systemClock;

  await prepareDatabase(database, (m) => console.log(m));
  // First start on an empty database: the demo dataset (DEMO_DATA); every start: the demo accounts to print.
  const demoBanner = await demoOnStart(database.db, { load: config.demoData, now: clock.now(), publicUrl: config.publicUrl, secrets, log: (m) => console.log(m) });

  // Petitions: a labelled demo e-ID provider when none is configured and the demo dataset is on.
  const demoEid = await startDemoEid(config, (m) => console.log(m));
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
      await demoEid?.close();
      mailer.close();
      await closeDatabase();
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
  if (demoBanner) console.log(demoBanner);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
