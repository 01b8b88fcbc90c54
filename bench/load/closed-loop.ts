import autocannon, { type AutocannonRequest } from 'autocannon';

/**
 * The closed-loop maximum: `connections` clients each send their next request as soon as
 * the previous one is answered, for `durationS`; what the server completes per second is
 * its capacity at that concurrency. autocannon (in this process) drives it; without a
 * rate limit its latencies need no correction.
 */

export interface ClosedLoopOptions {
  url: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** Bodies sent in turn (POST); each connection walks the list from its own offset. */
  bodies?: readonly Buffer[];
  /** Paths requested in turn (GET); overrides `path`. */
  paths?: readonly string[];
  connections: number;
  durationS: number;
  onResponse?(status: number, body: string): void;
  signal?: AbortSignal;
}

export interface ClosedLoopResult {
  durationS: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  okPerS: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
}

export async function closedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  let next = 0;
  const request: AutocannonRequest = { method: options.method, path: options.path, headers: options.headers };
  const { bodies, paths } = options;
  if ((bodies && bodies.length) || (paths && paths.length)) {
    request.setupRequest = (req) => {
      const i = next++;
      if (bodies && bodies.length) req.body = bodies[i % bodies.length];
      if (paths && paths.length) req.path = paths[i % paths.length];
      return req;
    };
  }
  if (options.onResponse) {
    const onResponse = options.onResponse;
    request.onResponse = (status, body) => onResponse(status, body);
  }
  const instance = autocannon({ url: options.url, connections: options.connections, duration: options.durationS, timeout: 10, requests: [request] });
  const abort = () => instance.stop();
  options.signal?.addEventListener('abort', abort, { once: true });
  const result = await instance;
  options.signal?.removeEventListener('abort', abort);
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stat.count;
  return {
    durationS: result.duration,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    okPerS: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
  };
}
