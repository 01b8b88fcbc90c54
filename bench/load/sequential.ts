import http from 'node:http';
import { summarise, type LatencySummary } from '../stats.js';

/**
 * Page latency as one visitor sees it: requests one after another over a keep-alive
 * connection, as a browser sends them (gzip accepted, so compressing the page is part
 * of the time), each timed from sending until its last byte arrived.
 */

export interface Fetched {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as transferred (compressed when the server compressed them). */
  raw: Buffer;
  ms: number;
}

export interface Fetcher {
  get(path: string, headers?: Record<string, string>): Promise<Fetched>;
  close(): void;
}

export function createFetcher(baseUrl: string, defaultHeaders: Record<string, string> = {}): Fetcher {
  const target = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    get(path, headers = {}) {
      return new Promise((resolve, reject) => {
        const started = performance.now();
        const req = http.request(
          { agent, hostname: target.hostname, port: target.port, method: 'GET', path, headers: { 'accept-encoding': 'gzip', ...defaultHeaders, ...headers }, timeout: 30_000 },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks), ms: performance.now() - started }));
            res.on('error', reject);
          },
        );
        req.on('timeout', () => req.destroy(new Error(`timeout: GET ${path}`)));
        req.on('error', reject);
        req.end();
      });
    },
    close: () => agent.destroy(),
  };
}

export interface SampleResult extends LatencySummary {
  /** Answers other than 200, by status. */
  failures: Record<string, number>;
  firstFailure?: string;
}

/**
 * Requests `count` paths in turn from `paths` (cycled), after `warmup` unmeasured ones,
 * and summarises their latencies. Every answer must be 200; others are counted.
 */
export async function sampleLatency(fetcher: Fetcher, paths: readonly string[], options: { count: number; warmup: number; headers?: Record<string, string>; signal?: AbortSignal }): Promise<SampleResult> {
  if (!paths.length) throw new Error('no paths to sample');
  const failures: Record<string, number> = {};
  let firstFailure: string | undefined;
  const samples: number[] = [];
  for (let i = 0; i < options.warmup + options.count; i++) {
    if (options.signal?.aborted) break;
    const path = paths[i % paths.length]!;
    const answer = await fetcher.get(path, options.headers);
    if (answer.status !== 200) {
      failures[answer.status] = (failures[answer.status] ?? 0) + 1;
      firstFailure ??= `GET ${path} → ${answer.status}: ${answer.raw.subarray(0, 300).toString('utf8')}`;
    }
    if (i >= options.warmup) samples.push(answer.ms);
  }
  return { ...summarise(samples), failures, firstFailure };
}

/**
 * Bytes transferred for a page as a browser would fetch it: the document as compressed
 * by the server, and the stylesheets and scripts it links (compressed too), counted once.
 */
export async function transferSize(fetcher: Fetcher, path: string, headers: Record<string, string> = {}): Promise<{ documentBytes: number; assetBytes: number; encoding: string }> {
  const page = await fetcher.get(path, headers);
  if (page.status !== 200) throw new Error(`GET ${path} answered ${page.status}`);
  const encoding = String(page.headers['content-encoding'] ?? 'identity');
  let assetBytes = 0;
  const html = encoding === 'identity' ? page.raw.toString('utf8') : await decompress(page.raw, encoding);
  const assets = new Set([...html.matchAll(/<(?:link[^>]+href|script[^>]+src)="(\/static\/[^"?]+\.(?:css|js)(?:\?[^"]*)?)"/g)].map((m) => m[1]!));
  for (const asset of assets) assetBytes += (await fetcher.get(asset)).raw.length;
  return { documentBytes: page.raw.length, assetBytes, encoding };
}

async function decompress(raw: Buffer, encoding: string): Promise<string> {
  const zlib = await import('node:zlib');
  if (encoding === 'gzip') return zlib.gunzipSync(raw).toString('utf8');
  if (encoding === 'br') return zlib.brotliDecompressSync(raw).toString('utf8');
  if (encoding === 'deflate') return zlib.inflateSync(raw).toString('utf8');
  return raw.toString('utf8');
}
