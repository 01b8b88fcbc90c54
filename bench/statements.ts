import { sql } from 'kysely';
import type { Db } from '../src/shared/db/database.js';

/**
 * Per-statement timings from pg_stat_statements (with --statements): which SQL the
 * measured phase ran, how often, and what its planning and execution cost. Printed to
 * stderr; a diagnostic for finding why a figure misses its target.
 */
export async function resetStatements(db: Db): Promise<void> {
  await sql`SELECT pg_stat_statements_reset()`.execute(db);
}

export interface StatementRow {
  calls: number;
  plan_ms: number;
  exec_ms: number;
  mean_ms: number;
  rows: number;
  query: string;
}

export async function topStatements(db: Db, limit = 15): Promise<StatementRow[]> {
  const { rows } = await sql<StatementRow>`
    SELECT calls::bigint AS calls, round(total_plan_time::numeric, 1) AS plan_ms, round(total_exec_time::numeric, 1) AS exec_ms,
           round(((total_plan_time + total_exec_time) / greatest(calls, 1))::numeric, 3) AS mean_ms, rows::bigint AS rows,
           regexp_replace(query, '\\s+', ' ', 'g') AS query
    FROM pg_stat_statements
    WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
    ORDER BY total_plan_time + total_exec_time DESC LIMIT ${limit}`.execute(db);
  return rows;
}

export function formatStatements(rows: readonly StatementRow[]): string {
  return rows
    .map((r) => `  ${String(r.calls).padStart(8)} calls  plan ${String(r.plan_ms).padStart(9)} ms  exec ${String(r.exec_ms).padStart(9)} ms  mean ${String(r.mean_ms).padStart(7)} ms  ${r.query.slice(0, 160)}`)
    .join('\n');
}
