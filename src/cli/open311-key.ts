/**
 * npm run --silent open311:key -- "<client name>" [--email <developer's address>]
 *
 * Registers an Open311 client application and prints its new API key, and nothing
 * else, on standard output, so scripts can capture it:
 *
 *   KEY=$(npm run --silent open311:key -- "Khoroo 7 app")
 *   curl -d api_key=$KEY -d service_code=roads -d place_code=111059 \
 *        --data-urlencode description="…" http://localhost:3000/open311/v2/requests.json
 *
 * Uses the database the platform uses (DATABASE_URL, or the embedded server under
 * DATA_DIR, joining it while `npm start` runs). Messages go to standard error. Exits 0
 * with the key, 1 when the name (or address) is refused or the database fails, 2 on
 * wrong usage. Keys are revoked by a platform admin at /admin/api-clients.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { checkClientInput, issueApiKey } from '../modules/feedback/open311/api-keys.js';
import '../modules/feedback/open311/messages.js';
import { migrate } from '../shared/db/migrate.js';
import { openConfiguredDatabase } from '../shared/db/open-configured-database.js';
import { translate } from '../shared/i18n/index.js';

const USAGE = 'usage: npm run --silent open311:key -- "<client name>" [--email <developer email>]';

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export async function main(args: string[]): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { email: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (parsed.values.help) throw new CliError(USAGE, 0);
  if (parsed.positionals.length === 0) throw new CliError(`${USAGE}\n  for example: npm run --silent open311:key -- "Khoroo 7 mobile app"`, 2);
  const input = { name: parsed.positionals.join(' '), contactEmail: parsed.values.email ?? null };
  const { fields } = checkClientInput(input);
  if (fields.length) throw new CliError(fields.map((f) => `${translate('en', f.key, f.params ?? {})}.`).join('\n'));

  const config = loadConfig();
  const { database, close } = await openConfiguredDatabase(config, { joinRunning: true, max: 1, applicationName: 'irgen-open311-key', log: (m) => console.error(m) });
  try {
    await migrate(database.pool, (m) => console.error(m));
    const issued = await issueApiKey(database.db, { ...input, now: new Date() });
    console.error(`Issued an Open311 API key to "${issued.name}" (client ${issued.id}, key ${issued.prefix}…). It is shown once; keep it secret.`);
    return issued.key;
  } finally {
    await close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (key) => {
      process.stdout.write(`${key}\n`, () => process.exit(0));
    },
    (error: unknown) => {
      if (error instanceof CliError) console.error(error.message);
      else if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
      else console.error(`Could not issue a key: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(error instanceof CliError ? error.exitCode : 1);
    },
  );
}
