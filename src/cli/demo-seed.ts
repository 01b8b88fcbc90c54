/**
 * npm run demo:seed
 *
 * Loads the demo dataset (public bodies, an account for every role, a few hundred
 * feedback items with their history) into the configured database, for someone who
 * started with DEMO_DATA=false. Uses the database the platform uses (DATABASE_URL, or the
 * embedded server under DATA_DIR, joining it when `npm start` is running), in one
 * transaction. Does nothing on a database that already has feedback.
 *
 * Exits 0 when the dataset was loaded or was there already, 1 when the database has
 * other feedback or the load failed (nothing of it is kept), 2 on wrong usage.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config.js';
import { seedDemoData, usableDemoAccounts } from '../demo/index.js';
import { demoBanner, describeSeed } from '../demo/start.js';
import { prepareDatabase } from '../prepare-database.js';
import { openConfiguredDatabase } from '../shared/db/open-configured-database.js';
import { Secrets } from '../shared/secrets.js';

const USAGE = 'usage: npm run demo:seed';

export async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (args.length) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const { database, close } = await openConfiguredDatabase(config, { joinRunning: true, max: 2, applicationName: 'irgen-demo-seed', log: (m) => console.error(m) });
  try {
    await prepareDatabase(database, (m) => console.error(m));
    const secrets = Secrets.load(config.secretKey, config.dataDir);
    console.error('Loading the demo dataset …');
    const result = await seedDemoData(database.db, {
      now: new Date(),
      publicUrl: config.publicUrl,
      secrets,
      when: 'no_feedback',
      onProgress: (done, total) => {
        if (done % 90 === 0 || done === total) console.error(`  ${done} of ${total} feedback items`);
      },
    });
    const accounts = await usableDemoAccounts(database.db);
    if (result.status === 'seeded') {
      console.log(describeSeed(result.summary));
      console.log(`\n${demoBanner(config.publicUrl, accounts)}`);
      return 0;
    }
    if (accounts.length) {
      console.log('The demo dataset is already loaded; nothing was changed.');
      console.log(`\n${demoBanner(config.publicUrl, accounts)}`);
      return 0;
    }
    console.error('This database already has feedback, so the demo dataset was not loaded (it never mixes with real items). Nothing was changed.');
    return 1;
  } finally {
    await close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError) console.error(`Configuration error: ${error.message}`);
      else console.error(`Could not load the demo dataset (nothing of it was kept): ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
