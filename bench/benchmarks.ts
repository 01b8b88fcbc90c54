import { pages20k } from './consultations/pages-20k.js';
import { open311Post } from './feedback/open311-post.js';
import { pages1m } from './feedback/pages-1m.js';
import { surge } from './petitions/surge.js';
import type { Benchmark } from './registry.js';

/**
 * Every benchmark, in the order `npm run bench` runs them. A module adds its own here
 * (the public record's and the petitions' will follow), each in a file of its folder
 * under bench/, using the shared helpers: environment.ts (database, platform process,
 * baseline server), load/ (open-loop, closed-loop, sequential latency and page size),
 * baseline.ts, fixtures.ts and report.ts.
 */
export const BENCHMARKS: readonly Benchmark[] = [open311Post, pages1m, surge, pages20k];
