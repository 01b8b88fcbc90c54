import type { BenchContext } from './context.js';

/**
 * A named benchmark. Names are `<module>.<what>` (feedback.open311_post); every line a
 * benchmark prints starts with its name. Modules add theirs to BENCHMARKS in
 * bench/benchmarks.ts, in the order `npm run bench` runs them.
 */
export interface Benchmark {
  name: string;
  /** One line for the listing: what is measured and against which target. */
  summary: string;
  /** Options it reads (`--name=value` on the command line), with their defaults, for the listing. */
  options?: Record<string, string>;
  run(ctx: BenchContext): Promise<void>;
}

const NAME = /^[a-z0-9_]+\.[a-z0-9_]+$/;

export class Registry {
  private readonly byName = new Map<string, Benchmark>();

  constructor(benchmarks: readonly Benchmark[]) {
    for (const b of benchmarks) {
      if (!NAME.test(b.name)) throw new Error(`benchmark name must be <module>.<what> in lower case: ${b.name}`);
      if (this.byName.has(b.name)) throw new Error(`two benchmarks are called ${b.name}`);
      this.byName.set(b.name, b);
    }
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  all(): Benchmark[] {
    return [...this.byName.values()];
  }

  get(name: string): Benchmark | undefined {
    return this.byName.get(name);
  }

  /**
   * The benchmarks the command line asks for, in registry order: none named means all;
   * a full name picks one, a module name (`feedback`) all of that module's. Names that
   * match nothing are returned as unknown.
   */
  select(requested: readonly string[]): { selected: Benchmark[]; unknown: string[] } {
    if (requested.length === 0) return { selected: this.all(), unknown: [] };
    const chosen = new Set<string>();
    const unknown: string[] = [];
    for (const name of requested) {
      const matches = this.byName.has(name) ? [name] : this.names().filter((n) => n.startsWith(`${name}.`));
      if (matches.length === 0) unknown.push(name);
      for (const m of matches) chosen.add(m);
    }
    return { selected: this.all().filter((b) => chosen.has(b.name)), unknown };
  }

  /** The listing printed for --list and after an unknown name. */
  describe(): string {
    const lines: string[] = [];
    for (const b of this.all()) {
      lines.push(`  ${b.name.padEnd(28)} ${b.summary}`);
      for (const [option, meaning] of Object.entries(b.options ?? {})) lines.push(`  ${''.padEnd(28)}   --${option}: ${meaning}`);
    }
    return lines.join('\n');
  }
}

/** `--name=value` and `--flag` options, and the other words (benchmark names). */
export function parseArgs(argv: readonly string[]): { names: string[]; options: Map<string, string> } {
  const names: string[] = [];
  const options = new Map<string, string>();
  for (const arg of argv) {
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (m) options.set(m[1]!, m[2] ?? 'true');
    else if (arg.trim()) names.push(arg.trim());
  }
  return { names, options };
}
