import os from 'node:os';
import path from 'node:path';
import type { Cleanup } from './cleanup.js';
import { formatStatements, resetStatements, topStatements } from './statements.js';
import type { BenchDatabase, BenchEnvironment } from './environment.js';
import type { NodeProcess } from './processes.js';
import type { ScopedReporter } from './report.js';

/** What a benchmark receives from the harness. */
export interface BenchContext {
  readonly name: string;
  /** Prints this benchmark's lines, names prefixed with its own. */
  readonly report: ScopedReporter;
  readonly env: BenchEnvironment;
  /** Undone when this benchmark ends, whether it succeeded or not. */
  readonly cleanup: Cleanup;
  /** Aborted on Ctrl-C: long loops and load generators stop early. */
  readonly signal: AbortSignal;
  log(message: string): void;
  /**
   * A numeric `--name=value` option; `quick` is used instead of the default with --quick
   * (a smoke run to try the harness, whose figures are not comparable with full runs).
   */
  option(name: string, fallback: number, quick?: number): number;
  readonly quick: boolean;
  /** A fresh database cloned from the run's prepared template. */
  database(): Promise<BenchDatabase>;
  /** The platform as a separate process on that database (with --profile, writing a CPU profile when stopped). */
  platform(db: BenchDatabase): Promise<NodeProcess>;
  /** Throws when the run has been interrupted. */
  throwIfAborted(): void;
  /**
   * With --statements: forget the statement timings so far (call before the measured
   * phase), then print the most expensive statements since (after it). No-ops otherwise.
   */
  statementsReset(db: BenchDatabase): Promise<void>;
  statementsReport(db: BenchDatabase, phase: string): Promise<void>;
}

export class Interrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

export function createContext(options: {
  name: string;
  report: ScopedReporter;
  env: BenchEnvironment;
  cleanup: Cleanup;
  signal: AbortSignal;
  options: Map<string, string>;
  log: (message: string) => void;
}): BenchContext {
  const { name, env, cleanup, signal } = options;
  const quick = options.options.has('quick');
  return {
    name,
    report: options.report,
    env,
    cleanup,
    signal,
    quick,
    log: (message) => options.log(`${name}: ${message}`),
    option(key, fallback, quickValue) {
      const raw = options.options.get(key);
      if (raw === undefined) return quick && quickValue !== undefined ? quickValue : fallback;
      const n = Number(raw.replace(/_/g, ''));
      if (!Number.isFinite(n) || n <= 0) throw new Error(`--${key} must be a positive number, got "${raw}"`);
      return n;
    },
    database: () => env.freshDatabase(name, cleanup),
    platform: (db) =>
      env.startPlatform(db, cleanup, {
        profileDir: options.options.has('profile') ? path.join(os.tmpdir(), 'irgen-bench-profiles', `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}`) : undefined,
      }),
    throwIfAborted() {
      if (signal.aborted) throw new Interrupted();
    },
    async statementsReset(db) {
      if (env.statements) await resetStatements(db.database.db);
    },
    async statementsReport(db, phase) {
      if (env.statements) options.log(`${name}: statements during ${phase}:\n${formatStatements(await topStatements(db.database.db))}`);
    },
  };
}
