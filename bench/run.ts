import os from 'node:os';
import { BENCHMARKS } from './benchmarks.js';
import { Cleanup } from './cleanup.js';
import { createContext, Interrupted } from './context.js';
import { BenchEnvironment } from './environment.js';
import { Registry, parseArgs } from './registry.js';
import { check, loadAverage, log, Reporter } from './report.js';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- <name> [<name> …]` the named
 * ones (a module name such as `feedback` runs all of its benchmarks); `--list` names
 * them. Figures and checks go to stdout as JSON lines, progress to stderr. The exit code
 * is 0 when every benchmark ran and every check held, even if a target was missed (the
 * lines say so); 1 when a benchmark failed or a check is false; 130 when interrupted.
 */
async function main(): Promise<number> {
  const registry = new Registry(BENCHMARKS);
  const { names, options } = parseArgs(process.argv.slice(2));
  if (options.has('list') || options.has('help')) {
    process.stderr.write(
      `Benchmarks (npm run bench -- <name> [--option=value]):\n${registry.describe()}\n` +
        `Options for every benchmark:\n` +
        `  --quick        a short smoke run (figures not comparable with full runs)\n` +
        `  --profile      write a CPU profile of the platform process (see bench/profile-summary.ts)\n` +
        `  --statements   load pg_stat_statements and print the costliest statements of each measured phase\n`,
    );
    return 0;
  }
  const { selected, unknown } = registry.select(names);
  if (unknown.length) {
    process.stderr.write(`Unknown benchmark: ${unknown.join(', ')}\nKnown benchmarks:\n${registry.describe()}\n`);
    return 1;
  }

  const reporter = new Reporter();
  const controller = new AbortController();
  let interrupts = 0;
  const interrupt = (signal: string) => {
    interrupts++;
    if (interrupts > 1) {
      log(`${signal} again: exiting without cleaning up`);
      process.exit(130);
    }
    log(`${signal}: stopping and cleaning up (press Ctrl-C again to leave at once)`);
    controller.abort();
  };
  process.on('SIGINT', () => interrupt('SIGINT'));
  process.on('SIGTERM', () => interrupt('SIGTERM'));

  const cpus = os.cpus();
  log(`${selected.length} benchmark(s): ${selected.map((b) => b.name).join(', ')}`);
  log(`machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  let failed = false;
  let env: BenchEnvironment | undefined;
  try {
    env = await BenchEnvironment.start(log, { statements: options.has('statements') });
    for (const benchmark of selected) {
      if (controller.signal.aborted) break;
      const cleanup = new Cleanup(log);
      const ctx = createContext({ name: benchmark.name, report: reporter.scope(benchmark.name), env, cleanup, signal: controller.signal, options, log });
      const started = Date.now();
      log(`${benchmark.name}: starting (load average ${loadAverage()})`);
      try {
        await benchmark.run(ctx);
        log(`${benchmark.name}: done in ${Math.round((Date.now() - started) / 1000)} s`);
      } catch (error) {
        if (error instanceof Interrupted || controller.signal.aborted) {
          log(`${benchmark.name}: interrupted`);
        } else {
          failed = true;
          log(`${benchmark.name}: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          reporter.emit(check(`${benchmark.name}.completed`, false, undefined, { error: error instanceof Error ? error.message : String(error) }));
        }
      } finally {
        await cleanup.run();
      }
    }
  } catch (error) {
    failed = true;
    log(`the benchmark environment failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await env?.close();
  }

  const missed = reporter.missedTargets();
  const falseChecks = reporter.failedChecks();
  log(`${reporter.lines.length} line(s); targets missed: ${missed.length ? missed.map((l) => l.name).join(', ') : 'none'}; checks failed: ${falseChecks.length ? falseChecks.map((l) => l.name).join(', ') : 'none'}`);
  if (controller.signal.aborted) return 130;
  return failed || falseChecks.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`bench crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
