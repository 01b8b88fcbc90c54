import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../config.js';
import { connectDatabase, type Database } from './database.js';
import { EMBEDDED_PASSWORD, startEmbeddedPostgres } from './embedded.js';

/** The application database inside the embedded cluster. */
const EMBEDDED_DATABASE = 'irgen';

export interface ConfiguredDatabase {
  database: Database;
  /** Closes the pool, then stops the embedded server if this process started it. */
  close(): Promise<void>;
}

export interface OpenOptions {
  log?: (message: string) => void;
  max?: number;
  applicationName?: string;
  /**
   * Commands run beside `npm start` (admin:create): when the platform's embedded server
   * is already running on DATA_DIR, connect to it instead of starting a second one,
   * which PostgreSQL would refuse.
   */
  joinRunning?: boolean;
}

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

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but owned by another user (the embedded server runs as postgres under root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The port of a live embedded server on `dir`, read from its postmaster.pid (line 1 pid, line 4 port). */
async function runningPort(dir: string): Promise<number | null> {
  const content = await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const lines = content?.split('\n') ?? [];
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) && port > 0 && isAlive(pid) ? port : null;
}

/**
 * The database the configuration names: DATABASE_URL's server, or else the embedded
 * PostgreSQL under DATA_DIR/postgres (initialised and started on first use, with its
 * `irgen` database created). Used by src/server.ts and the command-line tools alike.
 */
export async function openConfiguredDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, options: OpenOptions = {}): Promise<ConfiguredDatabase> {
  const pool = { max: options.max, applicationName: options.applicationName };
  if (config.databaseUrl) {
    const database = connectDatabase(config.databaseUrl, pool);
    return { database, close: () => database.close() };
  }
  const dir = path.join(config.dataDir, 'postgres');
  const port = options.joinRunning ? await runningPort(dir) : null;
  if (port) {
    const database = connectDatabase(`postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`, pool);
    return { database, close: () => database.close() };
  }
  options.log?.(`Starting embedded PostgreSQL in ${dir} …`);
  const embedded = await startEmbeddedPostgres({ dir });
  try {
    const database = connectDatabase(await ensureDatabase(embedded.url, EMBEDDED_DATABASE), pool);
    return {
      database,
      async close() {
        await database.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
