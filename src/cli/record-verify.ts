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
import { openConfiguredDatabase, type ConfiguredDatabase } from '../shared/db/open-configured-database.js';
import { describeBreak, verifyNdjsonFile, verifyRecord, type VerifyResult } from '../shared/public-record/verify.js';

const USAGE = `usage: npm run record:verify [-- --file <record.ndjson>]`;

/**
 * The database the platform uses, found as src/server.ts finds it (DATABASE_URL, or the
 * embedded server under DATA_DIR, joining it when the platform is running). Without
 * either there is nothing to check, and this read-only command creates nothing.
 */
async function openDatabase(): Promise<ConfiguredDatabase> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    const dir = path.join(config.dataDir, 'postgres');
    const initialised = await fs
      .access(path.join(dir, 'PG_VERSION'))
      .then(() => true)
      .catch(() => false);
    if (!initialised) throw new Error(`no database in ${dir}: set DATABASE_URL, or start the platform once with npm start`);
  }
  return openConfiguredDatabase(config, { joinRunning: true, max: 2, applicationName: 'irgen-record-verify' });
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

  const opened = await openDatabase();
  try {
    const result = await verifyRecord(opened.database.db);
    console.log(summary(result));
    return result.ok ? 0 : 1;
  } finally {
    await opened.close();
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
