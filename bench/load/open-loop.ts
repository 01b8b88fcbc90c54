import http from 'node:http';
import { summarise, type LatencySummary } from '../stats.js';

/**
 * An open-loop load generator: request i is due at start + i / rate, whether or not
 * earlier requests have been answered, as when thousands of independent clients submit.
 * Latency is measured from the moment a request was due, not from when a free
 * connection happened to send it, so a server that falls behind shows it in its
 * latency (no "coordinated omission"). Requests go over up to `connections` keep-alive
 * connections; when all are busy, due requests wait for one, and that wait counts.
 *
 * Why not autocannon's overallRate: it lets each connection send its share of a second
 * as fast as it can and then pause until the next second, so 2,000 requests a second
 * arrive as a burst in the first few hundred milliseconds (measured: 1,300 in 350 ms,
 * then nothing for 600 ms), and its latency correction for rate-limited runs adds
 * made-up samples. The closed-loop maximum rate still uses autocannon (closed-loop.ts).
 */

export interface OpenLoopRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

export interface OpenLoopOptions {
  url: string;
  /** Requests per second offered. */
  rate: number;
  durationS: number;
  connections: number;
  /** The i-th request (called when it is sent). */
  request(i: number): OpenLoopRequest;
  /** Called with every complete answer. */
  onResponse?(status: number, body: string, i: number): void;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface OpenLoopResult {
  offeredPerS: number;
  durationS: number;
  /** From the first request's due time until the last answer (≥ durationS when the server lags). */
  elapsedS: number;
  sent: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** 2xx answers per second over the elapsed time. */
  okPerS: number;
  /**
   * 2xx answers received by one second after the last request was due, per second of
   * the run: the rate the server sustained. A server that keeps up scores the offered
   * rate; answers that come later than that (a growing backlog) do not count.
   */
  okWithinGracePerS: number;
  /** 2xx answers completed in each whole second of the run. */
  okPerSecond: number[];
  latency: LatencySummary;
  /** How far behind schedule the generator itself sent its most delayed request (its own lag, not the server's). */
  maxSendLagMs: number;
  /** Distinct non-2xx statuses and error messages, with counts. */
  problems: Record<string, number>;
}

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections, scheduling: 'fifo' });
  const total = Math.round(options.rate * options.durationS);
  const latencies = new Float64Array(total);
  const okPerSecond = new Array<number>(Math.ceil(options.durationS) + 1).fill(0);
  const problems: Record<string, number> = {};
  const timeoutMs = options.timeoutMs ?? 10_000;
  let sent = 0;
  let done = 0;
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let timeouts = 0;
  let maxSendLagMs = 0;
  let lastAnswer = 0;
  let okWithinGrace = 0;
  const start = performance.now() + 20;
  const dueAt = (i: number) => start + (i * 1000) / options.rate;
  const note = (problem: string) => (problems[problem] = (problems[problem] ?? 0) + 1);

  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const completed = (i: number, status: number | null) => {
    const now = performance.now();
    latencies[i] = now - dueAt(i);
    lastAnswer = Math.max(lastAnswer, now);
    if (status !== null && status >= 200 && status < 300) {
      ok++;
      if (now - start <= (options.durationS + 1) * 1000) okWithinGrace++;
      const second = Math.floor((now - start) / 1000);
      while (okPerSecond.length <= second) okPerSecond.push(0);
      okPerSecond[second]!++;
    }
    done++;
    if (done === sent && (sent === total || options.signal?.aborted)) finish();
  };

  const send = (i: number) => {
    const spec = options.request(i);
    let settled = false;
    const settle = (status: number | null) => {
      if (settled) return;
      settled = true;
      completed(i, status);
    };
    const headers: Record<string, string | number> = { ...spec.headers };
    if (spec.body) headers['content-length'] = spec.body.length;
    const req = http.request({ agent, hostname: target.hostname, port: target.port, method: spec.method, path: spec.path, headers, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          non2xx++;
          note(`HTTP ${status}`);
        }
        if (!settled) options.onResponse?.(status, Buffer.concat(chunks).toString('utf8'), i);
        settle(status);
      });
      res.on('error', (error) => {
        if (settled) return;
        errors++;
        note(error.message);
        settle(null);
      });
    });
    req.on('timeout', () => {
      if (settled) return;
      timeouts++;
      note('timeout');
      req.destroy(new Error('timeout'));
    });
    req.on('error', (error) => {
      if (settled) return;
      if (error.message !== 'timeout') {
        errors++;
        note(error.message);
      }
      settle(null);
    });
    req.end(spec.body);
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && dueAt(sent) <= now && !options.signal?.aborted) {
        maxSendLagMs = Math.max(maxSendLagMs, now - dueAt(sent));
        send(sent++);
      }
      if (sent < total && !options.signal?.aborted) setTimeout(tick, Math.max(0, Math.min(5, dueAt(sent) - performance.now())));
      else resolve();
    };
    setTimeout(tick, 20);
  });
  if (done === sent) finish();
  await finished;
  agent.destroy();

  const elapsedS = Math.max(options.durationS, (lastAnswer - start) / 1000);
  const measured = latencies.subarray(0, sent);
  return {
    offeredPerS: options.rate,
    durationS: options.durationS,
    elapsedS,
    sent,
    ok,
    non2xx,
    errors,
    timeouts,
    okPerS: ok / elapsedS,
    okWithinGracePerS: okWithinGrace / options.durationS,
    okPerSecond: okPerSecond.slice(0, Math.ceil(elapsedS)),
    latency: summarise(measured),
    maxSendLagMs,
    problems,
  };
}
