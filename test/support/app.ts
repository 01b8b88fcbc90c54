import type { FastifyInstance } from 'fastify';
import { runOnce } from 'graphile-worker';
import { buildApp } from '../../src/app.js';
import { allJobs } from '../../src/background.js';
import { loadConfig, type Config } from '../../src/config.js';
import { ManualClock } from '../../src/shared/clock.js';
import type { Database, Db } from '../../src/shared/db/database.js';
import { silentLogger } from '../../src/shared/logger.js';
import { smtpMailer, type Mailer } from '../../src/shared/mail/mailer.js';
import { Secrets } from '../../src/shared/secrets.js';
import { createTestDatabase } from './database.js';
import { startSmtpSink, type SmtpSink } from './smtp.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  db: Db;
  clock: ManualClock;
  config: Config;
  secrets: Secrets;
  mail: SmtpSink;
  mailer: Mailer;
  /** Runs every queued job (emails, deadline checks) until the queue is empty. */
  runJobs(): Promise<void>;
  close(): Promise<void>;
}

/** 09:00 on Monday 2 March 2026 in Ulaanbaatar: a working day far from holidays. */
export const DEFAULT_TEST_TIME = '2026-03-02T01:00:00Z';

export async function createTestApp(options: { now?: string | Date; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const clock = new ManualClock(options.now ?? DEFAULT_TEST_TIME);
  const mail = await startSmtpSink();
  const config = loadConfig({ PUBLIC_URL: 'http://irgen.test', SMTP_URL: mail.url, DEMO_DATA: 'false', RUN_WORKER: 'false', ...options.env });
  const secrets = new Secrets(Buffer.from('test-secret-key-that-is-long-enough-for-hkdf'));
  const mailer = smtpMailer(mail.url, config.mailFrom);
  const app = await buildApp({ config, database, db: database.db, clock, secrets });
  await app.ready();
  const backgroundDeps = { database, mailer, clock, log: silentLogger };
  return {
    app,
    database,
    db: database.db,
    clock,
    config,
    secrets,
    mail,
    mailer,
    async runJobs() {
      await runOnce({ pgPool: database.pool, taskList: Object.fromEntries(allJobs(backgroundDeps).map((j) => [j.name, async (payload: unknown) => j.run(payload as never, clock.now())])) });
    },
    async close() {
      await app.close();
      mailer.close();
      await mail.close();
      await database.drop();
    },
  };
}
