import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { seedDemoBodies } from '../src/modules/bodies/demo-data.js';
import { prepareDatabase } from '../src/prepare-database.js';
import { connectDatabase, type Database } from '../src/shared/db/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/shared/db/embedded.js';
import { Cleanup } from './cleanup.js';
import { startNodeProcess, type NodeProcess } from './processes.js';

/**
 * Server settings of the benchmark's PostgreSQL. Durability is as shipped (fsync,
 * synchronous_commit and full_page_writes on): an acknowledged submission must survive
 * a crash. Only sizes are raised: shared_buffers so a million items' hot indexes stay in
 * PostgreSQL's own cache, and max_wal_size/checkpoint_timeout so loading them does not
 * force a checkpoint every few seconds (these are common production values, not tricks).
 */
export const CLUSTER_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '512MB',
  max_wal_size: '4GB',
  checkpoint_timeout: '15min',
  max_connections: '200',
};

const TEMPLATE = 'irgen_bench_template';
/** A fixed root secret: the platform would otherwise generate one into DATA_DIR. */
export const SECRET_KEY = 'irgen-bench-secret-key-not-for-production-use-0123456789';

export interface BenchDatabase {
  name: string;
  url: string;
  /** The bench's own connection pool (Kysely and pg), for loading data and checking results. */
  database: Database;
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One run's world: a temporary folder, a dedicated embedded PostgreSQL in it with a
 * template database (migrated by prepareDatabase, demo bodies, categories and routing
 * rules by seedDemoBodies), and the bare Fastify baseline server. Each benchmark then
 * takes a fresh database cloned from the template and starts the platform on it, so
 * benchmarks never see each other's rows. close() undoes everything, also after a
 * failure or Ctrl-C.
 */
export class BenchEnvironment {
  private cluster!: EmbeddedDatabase;
  private clusterPort = 0;
  readonly cleanup: Cleanup;
  baseline!: NodeProcess;
  private counter = 0;

  private constructor(
    readonly tmp: string,
    private readonly log: (message: string) => void,
    /** --statements: pg_stat_statements loaded, for per-statement timings (a diagnostic, it costs a little). */
    readonly statements: boolean,
  ) {
    this.cleanup = new Cleanup(log);
  }

  private get settings(): Record<string, string> {
    return this.statements
      ? { ...CLUSTER_SETTINGS, shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all', 'pg_stat_statements.track_planning': 'on' }
      : { ...CLUSTER_SETTINGS };
  }

  static async start(log: (message: string) => void, options: { statements?: boolean } = {}): Promise<BenchEnvironment> {
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'irgen-bench-'));
    // The embedded server runs as the unprivileged postgres user when we are root: it must reach its folder.
    await fs.chmod(tmp, 0o755);
    const env = new BenchEnvironment(tmp, log, !!options.statements);
    env.cleanup.defer(`remove ${tmp}`, () => fs.rm(tmp, { recursive: true, force: true }));
    try {
      await env.startCluster();
      env.cleanup.defer('stop PostgreSQL', () => env.stopCluster());
      await env.prepareTemplate();
      env.baseline = await startNodeProcess({ label: 'baseline', script: 'bench/baseline-server.ts', env: {}, readyPath: '/healthz', ipc: true });
      env.cleanup.defer('stop the baseline server', () => env.baseline.stop());
    } catch (error) {
      await env.close();
      throw error;
    }
    return env;
  }

  get serverUrl(): string {
    return this.cluster.url;
  }

  get pgDir(): string {
    return path.join(this.tmp, 'pg');
  }

  private async startCluster(): Promise<void> {
    const started = Date.now();
    this.log(`starting PostgreSQL in ${this.pgDir} (${Object.entries(this.settings).map(([k, v]) => `${k}=${v}`).join(', ')}; fsync and synchronous_commit as shipped)`);
    this.cluster = await startEmbeddedPostgres({ dir: this.pgDir, port: this.clusterPort || undefined, settings: this.settings });
    this.clusterPort = Number(new URL(this.cluster.url).port);
    this.log(`PostgreSQL ready on port ${this.clusterPort} in ${Date.now() - started} ms`);
  }

  /** The running postmaster's pid (its descendants are the backends), or null. */
  async postmasterPid(): Promise<number | null> {
    const content = await fs.readFile(path.join(this.pgDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
    const pid = Number(content?.split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  }

  private async waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (isAlive(pid)) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
    return true;
  }

  /** Stops the cluster if it still runs (Ctrl-C reaches PostgreSQL too, which then stops on its own). */
  private async stopCluster(): Promise<void> {
    const pid = await this.postmasterPid();
    if (!pid) return;
    // The package's stop() waits for an exit event that never comes if the server already went away.
    await Promise.race([this.cluster.stop(), this.waitForExit(pid, 30_000)]);
    if (isAlive(pid)) {
      process.kill(pid, 'SIGQUIT');
      await this.waitForExit(pid, 10_000);
    }
  }

  /**
   * Crashes PostgreSQL (an immediate shutdown: no checkpoint, every backend killed, as
   * after a power cut of the server process) and starts it again, so it must replay its
   * write-ahead log. What was acknowledged before must still be there afterwards.
   */
  async crashAndRestartCluster(): Promise<void> {
    const pid = await this.postmasterPid();
    if (!pid) throw new Error('PostgreSQL is not running');
    this.log('crashing PostgreSQL (immediate shutdown, no checkpoint) and starting it again');
    process.kill(pid, 'SIGQUIT');
    if (!(await this.waitForExit(pid, 30_000))) throw new Error('PostgreSQL did not stop after SIGQUIT');
    await this.startCluster();
  }

  private async prepareTemplate(): Promise<void> {
    const started = Date.now();
    await adminQuery(this.serverUrl, `CREATE DATABASE ${TEMPLATE}`);
    const template = connectDatabase(withDatabase(this.serverUrl, TEMPLATE), { applicationName: 'irgen-bench' });
    try {
      await prepareDatabase(template);
      const counts = await seedDemoBodies(template.db);
      this.log(`template database ready in ${Date.now() - started} ms: ${counts.bodies} bodies, ${counts.categories} categories, ${counts.routingRules} routing rules`);
    } finally {
      await template.close();
    }
  }

  /** A new database cloned from the prepared template, dropped when `cleanup` runs. */
  async freshDatabase(label: string, cleanup: Cleanup): Promise<BenchDatabase> {
    const name = `bench_${++this.counter}_${label.replace(/[^a-z0-9]+/g, '_')}`.slice(0, 60);
    await adminQuery(this.serverUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
    const url = withDatabase(this.serverUrl, name);
    if (this.statements) await adminQuery(url, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const database = connectDatabase(url, { applicationName: 'irgen-bench', max: 10 });
    cleanup.defer(`drop database ${name}`, async () => {
      await database.close();
      if (await this.postmasterPid()) await adminQuery(this.serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
    return { name, url, database };
  }

  /**
   * The platform as `npm start` runs it (node --import tsx src/server.ts) on this
   * database: no demo data, warnings only in the log, and the background worker and
   * public-record chainer running in the process, as in production.
   */
  async startPlatform(db: BenchDatabase, cleanup: Cleanup, options: { profileDir?: string } = {}): Promise<NodeProcess> {
    const dataDir = path.join(this.tmp, `${db.name}-data`);
    const started = Date.now();
    if (options.profileDir) await fs.mkdir(options.profileDir, { recursive: true });
    const platform = await startNodeProcess({
      label: 'platform',
      script: 'src/server.ts',
      env: {
        DATABASE_URL: db.url,
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        RUN_WORKER: 'true',
        DATA_DIR: dataDir,
        SECRET_KEY,
        // Mail goes to DATA_DIR/outbox, as on a machine without SMTP.
        SMTP_URL: '',
        PUBLIC_URL: '',
        TRUST_PROXY: 'false',
      },
      readyPath: '/healthz',
      // A CPU profile of the whole process, written when it exits (--profile).
      nodeArgs: options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [],
      output: (line) => {
        // graphile-worker logs every completed job at info level whatever LOG_LEVEL says; at thousands a minute that is noise.
        if (/INFO: Completed task \d+/.test(line)) return;
        process.stderr.write(`[platform] ${line}\n`);
      },
    });
    cleanup.defer('stop the platform', async () => {
      await platform.stop();
      if (options.profileDir) this.log(`CPU profile of the platform written to ${options.profileDir}`);
    });
    this.log(`platform started on ${platform.url} in ${Date.now() - started} ms${options.profileDir ? ' (profiling)' : ''}`);
    return platform;
  }

  async close(): Promise<void> {
    await this.cleanup.run();
  }
}
