/**
 * npm run record:verify                      checks the public record in the configured database
 * npm run record:verify -- --file x.ndjson   checks a downloaded copy (GET /record.ndjson) offline
 *
 * Read-only: it links nothing and changes nothing. Exits 0 when the record is intact,
 * 1 at the first broken link (which it names), 2 when it could not check at all.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { connectDatabase, type Database } from '../shared/db/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../shared/db/embedded.js';
import { describeBreak, verifyNdjsonFile, verifyRecord, type VerifyResult } from '../shared/public-record/verify.js';

const USAGE = `usage: npm run record:verify [-- --file <record.ndjson>]`;

/** The password src/shared/db/embedded.ts gives the embedded cluster's superuser. */
const EMBEDDED_PASSWORD = 'irgen-local';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the embedded server runs as postgres).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The database the platform uses, as src/server.ts finds it: DATABASE_URL, or the embedded
 * server under DATA_DIR. When the platform is running, its embedded server is already up
 * (a second one cannot start on the same folder), so connect to the port it recorded.
 */
async function openDatabase(): Promise<{ database: Database; embedded?: EmbeddedDatabase }> {
  const config = loadConfig();
  const options = { max: 2, applicationName: 'irgen-record-verify' };
  if (config.databaseUrl) return { database: connectDatabase(config.databaseUrl, options) };
  const dir = path.join(config.dataDir, 'postgres');
  const initialised = await fs
    .access(path.join(dir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) throw new Error(`no database in ${dir}: set DATABASE_URL, or start the platform once with npm start`);
  const pidFile = await fs.readFile(path.join(dir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const lines = pidFile?.split('\n') ?? [];
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && Number.isInteger(port) && port > 0) {
    return { database: connectDatabase(`postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/irgen`, options) };
  }
  const embedded = await startEmbeddedPostgres({ dir });
  return { database: connectDatabase(embedded.url.replace(/\/postgres$/, '/irgen'), options), embedded };
}

function summary(result: VerifyResult): string {
  if (!result.ok && result.firstBroken) {
    const intactPart = result.lastSeq !== null ? `\nThe ${result.checked} links up to seq ${result.lastSeq} are intact (hash ${result.lastHash}).` : '';
    return describeBreak(result.firstBroken) + intactPart;
  }
  const lines = [
    result.lastSeq === null
      ? 'Public record intact: 0 events (it is empty).'
      : `Public record intact: ${result.checked} events, last hash ${result.lastHash} (seq ${result.lastSeq}).`,
  ];
  if (result.startsAtSeq !== undefined) lines.push(`This file starts at seq ${result.startsAtSeq}; it was checked from its first prev_hash, which must equal the hash at seq ${result.startsAtSeq - 1} in the earlier part.`);
  if (result.pending) lines.push(`${result.pending} more events are waiting to be linked (the platform links them within seconds while it runs).`);
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let file: string | undefined;
  try {
    const { values } = parseArgs({ args: argv, options: { file: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    file = values.file;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  if (file !== undefined) {
    await fs.access(file);
    const result = await verifyNdjsonFile(file);
    console.log(summary(result));
    return result.ok ? 0 : 1;
  }

  const { database, embedded } = await openDatabase();
  try {
    const result = await verifyRecord(database.db);
    console.log(summary(result));
    return result.ok ? 0 : 1;
  } finally {
    await database.close();
    await embedded?.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`Could not check the public record: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(2);
    },
  );
}
