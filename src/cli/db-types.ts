/**
 * Regenerates src/shared/db/db-types.ts from a freshly migrated database, so table types
 * always come from the migrations and never from hand-written copies. `--verify` fails
 * when the committed file is out of date (run by the test suite).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connectDatabase } from '../shared/db/database.js';
import { startEmbeddedPostgres } from '../shared/db/embedded.js';
import { migrate } from '../shared/db/migrate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DB_TYPES_FILE = path.join(ROOT, 'src/shared/db/db-types.ts');

export function codegenArgs(url: string, outFile: string, verify: boolean): string[] {
  return [
    path.join(ROOT, 'node_modules/kysely-codegen/dist/cli/bin.js'),
    '--url', url,
    '--dialect', 'postgres',
    '--out-file', outFile,
    '--date-parser', 'string',
    '--numeric-parser', 'number',
    '--type-mapping', JSON.stringify({ int8: 'number' }),
    '--include-pattern', 'public.*',
    '--exclude-pattern', 'public.schema_migration',
    '--log-level', 'error',
    ...(verify ? ['--verify'] : []),
  ];
}

async function main() {
  const verify = process.argv.includes('--verify');
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'irgen-types-'));
  await fs.chmod(tmp, 0o755);
  const server = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg') });
  try {
    const admin = new pg.Client(server.url);
    await admin.connect();
    await admin.query('CREATE DATABASE irgen_types');
    await admin.end();
    const url = server.url.replace(/\/postgres$/, '/irgen_types');
    const database = connectDatabase(url);
    await migrate(database.pool);
    await database.close();
    execFileSync(process.execPath, codegenArgs(url, DB_TYPES_FILE, verify), { stdio: 'inherit' });
  } finally {
    await server.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
