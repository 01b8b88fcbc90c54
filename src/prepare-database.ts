import { runMigrations } from 'graphile-worker';
import { syncPlaces } from './modules/places/reference-data.js';
import type { Database } from './shared/db/database.js';
import { migrate } from './shared/db/migrate.js';

/**
 * Brings a database to the code's schema: numbered SQL migrations, the job queue's own
 * schema, then reference data shipped with the code (places). Safe to run on every start.
 */
export async function prepareDatabase(database: Database, log: (message: string) => void = () => {}): Promise<void> {
  await migrate(database.pool, log);
  await runMigrations({ pgPool: database.pool, logger: undefined });
  await syncPlaces(database.db);
}
