import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await fs.readdir(dir)).filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f)).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const sql = await fs.readFile(path.join(dir, file), 'utf8');
    migrations.push({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      file,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  const versions = new Set<number>();
  for (const m of migrations) {
    if (versions.has(m.version)) throw new Error(`Two migrations share number ${m.version}`);
    versions.add(m.version);
  }
  return migrations;
}

/**
 * Applies numbered SQL migrations forward, each in its own transaction. An advisory
 * lock lets several processes start at once without applying a migration twice; a
 * changed checksum on an applied migration stops the start, because editing history
 * would leave databases that ran the old text silently different.
 */
export async function migrate(pool: pg.Pool, log: (message: string) => void = () => {}): Promise<number> {
  const migrations = await readMigrations();
  const client = await pool.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('irgen:migrate'))`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Map<number, string>();
    for (const row of (await client.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migration')).rows) {
      applied.set(row.version, row.checksum);
    }
    let count = 0;
    for (const m of migrations) {
      const known = applied.get(m.version);
      if (known !== undefined) {
        if (known !== m.checksum) throw new Error(`Migration ${m.file} was changed after it was applied; add a new migration instead`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migration (version, name, checksum) VALUES ($1, $2, $3)', [m.version, m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.file} failed: ${(error as Error).message}`, { cause: error });
      }
      log(`applied migration ${m.file}`);
      count++;
    }
    return count;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('irgen:migrate'))`).catch(() => {});
    client.release();
  }
}
