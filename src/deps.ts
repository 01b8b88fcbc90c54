import type { Config } from './config.js';
import type { Clock } from './shared/clock.js';
import type { Database, Db } from './shared/db/database.js';
import type { Secrets } from './shared/secrets.js';

/**
 * What the platform hands to its modules. Each module declares the subset it uses
 * (`Pick<AppDeps, 'db' | 'clock'>`), so its dependencies stay visible in its signature.
 */
export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  secrets: Secrets;
}
