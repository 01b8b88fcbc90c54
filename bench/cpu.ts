import fs from 'node:fs';

/**
 * Where the machine's CPU went during a measurement, from /proc (Linux): the platform
 * process, PostgreSQL (the postmaster and every backend and helper under it), the bench
 * process itself (the load generator) and everything else on the machine (other people's
 * work on a shared machine shows up there). Divided by the requests served, it says what
 * one request costs in each part, which is what decides the rate on two cores.
 */

const TICKS_PER_S = 100; // USER_HZ on Linux

function readStat(pid: number): { ppid: number; ticks: number; reaped: number } | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is state (field 3); ppid is field 4, utime 14, stime 15, cutime 16, cstime 17.
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

function allPids(): number[] {
  try {
    return fs
      .readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [];
  }
}

/** Busy and total ticks of the whole machine (all cores). */
function machineTicks(): { busy: number; total: number } {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const v = line.trim().split(/\s+/).slice(1).map(Number);
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = v;
    const busy = user + nice + system + irq + softirq + steal;
    return { busy, total: busy + idle + iowait };
  } catch {
    return { busy: 0, total: 0 };
  }
}

export interface CpuGroups {
  platform?: number;
  /** The postmaster: its descendants are counted with it. */
  postgres?: number | null;
  bench?: number;
}

interface Snapshot {
  at: number;
  machine: { busy: number; total: number };
  byPid: Map<number, { ppid: number; ticks: number; reaped: number }>;
}

function snapshot(): Snapshot {
  const byPid = new Map<number, { ppid: number; ticks: number; reaped: number }>();
  for (const pid of allPids()) {
    const s = readStat(pid);
    if (s) byPid.set(pid, s);
  }
  return { at: performance.now(), machine: machineTicks(), byPid };
}

function descendants(root: number, byPid: Map<number, { ppid: number }>): Set<number> {
  const out = new Set<number>([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, s] of byPid) {
      if (!out.has(pid) && out.has(s.ppid)) {
        out.add(pid);
        grew = true;
      }
    }
  }
  return out;
}

export interface CpuUse {
  seconds: number;
  /** CPU seconds used by each part during the measurement. */
  platform: number;
  postgres: number;
  bench: number;
  /** Everything else on the machine, including other people's work. */
  others: number;
  /** Share of all cores busy, 0–100. */
  machineBusyPct: number;
  cores: number;
}

/** Starts measuring; call the returned function at the end. */
export function measureCpu(groups: CpuGroups): () => CpuUse {
  const before = snapshot();
  return () => {
    const after = snapshot();
    const used = (pids: Set<number>) => {
      let ticks = 0;
      for (const pid of pids) {
        const a = after.byPid.get(pid);
        if (!a) continue;
        ticks += a.ticks - (before.byPid.get(pid)?.ticks ?? 0);
      }
      return ticks / TICKS_PER_S;
    };
    const pg = groups.postgres ? descendants(groups.postgres, after.byPid) : new Set<number>();
    const platform = groups.platform ? used(new Set([groups.platform])) : 0;
    // Backends that ended during the measurement are gone from /proc; their time went to the postmaster's reaped-children count.
    const reaped = groups.postgres ? ((after.byPid.get(groups.postgres)?.reaped ?? 0) - (before.byPid.get(groups.postgres)?.reaped ?? 0)) / TICKS_PER_S : 0;
    const postgres = used(pg) + Math.max(0, reaped);
    const bench = groups.bench ? used(new Set([groups.bench])) : 0;
    const busy = (after.machine.busy - before.machine.busy) / TICKS_PER_S;
    const total = (after.machine.total - before.machine.total) / TICKS_PER_S;
    const seconds = (after.at - before.at) / 1000;
    return {
      seconds,
      platform,
      postgres,
      bench,
      others: Math.max(0, busy - platform - postgres - bench),
      machineBusyPct: total > 0 ? (busy / total) * 100 : 0,
      cores: seconds > 0 ? Math.round(total / seconds) : 0,
    };
  };
}

/** CPU milliseconds per request of each part, for a figure's extra fields. */
export function perRequest(use: CpuUse, requests: number): Record<string, number> {
  const ms = (s: number) => Math.round(((s * 1000) / Math.max(1, requests)) * 100) / 100;
  return { platform: ms(use.platform), postgres: ms(use.postgres), load_generator: ms(use.bench), others_on_machine: ms(use.others) };
}

/**
 * Waits until the platform and PostgreSQL have been nearly idle (under `threshold` of
 * one core each) for a second, or `maxMs` passed: a freshly started server compiles
 * code, and PostgreSQL's autovacuum and the platform's jobs may still be busy after a
 * load, which would otherwise land in the first page's figures. Returns the time waited.
 */
export async function waitUntilIdle(groups: CpuGroups, options: { maxMs?: number; threshold?: number; signal?: AbortSignal } = {}): Promise<number> {
  const started = performance.now();
  const maxMs = options.maxMs ?? 30_000;
  const threshold = options.threshold ?? 0.1;
  for (;;) {
    const stop = measureCpu(groups);
    await new Promise((r) => setTimeout(r, 1000));
    const use = stop();
    const waited = performance.now() - started;
    if ((use.platform / use.seconds < threshold && use.postgres / use.seconds < threshold) || waited >= maxMs || options.signal?.aborted) return waited;
  }
}
