import os from 'node:os';

/**
 * The benchmark's output: one JSON object per line on stdout, one line per figure or
 * check, so a run can be piped into a file, grepped or compared with another run.
 * Human progress goes to stderr (see log()).
 *
 *   {"name":"feedback.open311_post.rate","value":2140,"unit":"per_s","baseline_per_s":9800,"target":2000,"meets_target":true}
 *   {"name":"feedback.open311_post.acknowledged_present","ok":true,"value":64200}
 *
 * A figure has a unit: `per_s` (a rate, which always carries the bare Fastify
 * baseline's rate measured in the same run), `ms` (a latency or a duration) or `kb`
 * (a size). A target is a floor for rates ("at least") and a ceiling for the others
 * ("under"). A check is a yes/no fact (every acknowledged item is in the database); a
 * false check makes the run exit non-zero, a missed target does not.
 */

export type Unit = 'per_s' | 'ms' | 'kb';

export interface FigureLine {
  name: string;
  value: number;
  unit: Unit;
  baseline_per_s?: number;
  target?: number;
  meets_target?: boolean;
  [extra: string]: unknown;
}

export interface CheckLine {
  name: string;
  ok: boolean;
  value?: number;
  [extra: string]: unknown;
}

export type Line = FigureLine | CheckLine;

export interface FigureOptions {
  target?: number;
  /** Rates only: the bare Fastify endpoint's rate measured in the same run. */
  baselinePerS?: number;
  /** Anything that helps read the figure (sample count, parameters, load average). */
  extra?: Record<string, unknown>;
}

const NAME = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;

/** Rates as whole numbers; milliseconds and kilobytes to a tenth (a hundredth below 1). */
export function roundFor(unit: Unit, value: number): number {
  if (unit === 'per_s') return Math.round(value);
  const digits = Math.abs(value) < 1 ? 100 : 10;
  return Math.round(value * digits) / digits;
}

/** Whether a value meets its target: rates at least the target, latencies and sizes under it. */
export function meetsTarget(unit: Unit, value: number, target: number): boolean {
  return unit === 'per_s' ? value >= target : value < target;
}

/** Builds a figure line; the target is judged on the rounded value that is printed. */
export function figure(name: string, value: number, unit: Unit, options: FigureOptions = {}): FigureLine {
  if (!NAME.test(name)) throw new Error(`figure name must be dotted lower-case words: ${name}`);
  if (!Number.isFinite(value)) throw new Error(`figure ${name} has no finite value: ${value}`);
  if (unit === 'per_s' && options.baselinePerS === undefined) throw new Error(`rate ${name} needs the baseline's rate of the same run`);
  const rounded = roundFor(unit, value);
  const line: FigureLine = { name, value: rounded, unit };
  if (options.baselinePerS !== undefined) line.baseline_per_s = roundFor('per_s', options.baselinePerS);
  if (options.target !== undefined) {
    line.target = options.target;
    line.meets_target = meetsTarget(unit, rounded, options.target);
  }
  return { ...line, ...options.extra };
}

export function check(name: string, ok: boolean, value?: number, extra: Record<string, unknown> = {}): CheckLine {
  if (!NAME.test(name)) throw new Error(`check name must be dotted lower-case words: ${name}`);
  return { name, ok, ...(value === undefined ? {} : { value }), ...extra };
}

/** One line of output: JSON without spaces, keys in the order they were set. */
export function formatLine(line: Line): string {
  return JSON.stringify(line);
}

export function isCheck(line: Line): line is CheckLine {
  return 'ok' in line;
}

/** The 1-minute load average, to one decimal: other work on the machine shows in every figure. */
export function loadAverage(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 10) / 10;
}

/**
 * Collects and prints the lines of one run. Each benchmark gets a scope that prefixes
 * its name, so `report.latency('inbox.p95', …)` in feedback.pages_1m prints
 * `feedback.pages_1m.inbox.p95`. Every line carries the load average at the moment it
 * was measured.
 */
export class Reporter {
  readonly lines: Line[] = [];

  constructor(private readonly write: (text: string) => void = (text) => process.stdout.write(text)) {}

  emit(line: Line): Line {
    const withLoad = { ...line, loadavg_1m: line.loadavg_1m ?? loadAverage() };
    this.lines.push(withLoad);
    this.write(formatLine(withLoad) + '\n');
    return withLoad;
  }

  scope(prefix: string): ScopedReporter {
    return new ScopedReporter(this, prefix);
  }

  failedChecks(): CheckLine[] {
    return this.lines.filter(isCheck).filter((l) => !l.ok);
  }

  missedTargets(): FigureLine[] {
    return this.lines.filter((l): l is FigureLine => !isCheck(l) && l.meets_target === false);
  }
}

export class ScopedReporter {
  constructor(
    private readonly reporter: Reporter,
    readonly prefix: string,
  ) {}

  private full(name: string): string {
    return `${this.prefix}.${name}`;
  }

  rate(name: string, perSecond: number, options: FigureOptions & { baselinePerS: number }): Line {
    return this.reporter.emit(figure(this.full(name), perSecond, 'per_s', options));
  }

  ms(name: string, milliseconds: number, options: FigureOptions = {}): Line {
    return this.reporter.emit(figure(this.full(name), milliseconds, 'ms', options));
  }

  kb(name: string, kilobytes: number, options: FigureOptions = {}): Line {
    return this.reporter.emit(figure(this.full(name), kilobytes, 'kb', options));
  }

  check(name: string, ok: boolean, value?: number, extra: Record<string, unknown> = {}): Line {
    return this.reporter.emit(check(this.full(name), ok, value, extra));
  }
}

/** Human progress, on stderr so stdout stays machine-readable. */
export function log(message: string): void {
  const time = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${time}] ${message}\n`);
}
