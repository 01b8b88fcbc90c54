import type { BenchContext } from './context.js';
import { closedLoop, type ClosedLoopResult } from './load/closed-loop.js';

/**
 * The bare Fastify baseline's rate, measured in the same run just before the figure it
 * is compared with, with the same load generator, connections and (for POST) the same
 * form bodies. Printed as its own line (`<benchmark>.baseline_get.rate` or
 * `.baseline_post.rate`) and returned to go into the platform figure's baseline_per_s.
 */
export async function measureBaseline(ctx: BenchContext, kind: 'get' | 'post', options: { connections: number; durationS: number; bodies?: readonly Buffer[] }): Promise<ClosedLoopResult> {
  ctx.log(`baseline: bare Fastify ${kind.toUpperCase()} with ${options.connections} connections for ${options.durationS} s`);
  const result = await closedLoop({
    url: ctx.env.baseline.url,
    method: kind === 'get' ? 'GET' : 'POST',
    path: '/baseline',
    headers: kind === 'post' ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
    bodies: kind === 'post' ? options.bodies : undefined,
    connections: options.connections,
    durationS: options.durationS,
    signal: ctx.signal,
  });
  ctx.throwIfAborted();
  ctx.report.rate(`baseline_${kind}.rate`, result.okPerS, {
    baselinePerS: result.okPerS,
    extra: { endpoint: `${kind.toUpperCase()} /baseline (bare Fastify)`, connections: options.connections, duration_s: options.durationS, p99_ms: result.p99, errors: result.errors + result.non2xx },
  });
  return result;
}
