import { seedDemoBodies, type SeedCounts } from '../modules/bodies/demo-data.js';
import type { Clock } from '../shared/clock.js';
import type { Db } from '../shared/db/database.js';

export interface DemoSummary {
  bodies: SeedCounts;
}

/**
 * The demo dataset a newcomer sees after `npm start` (DEMO_DATA=true). Each module
 * contributes its part, in dependency order: bodies, categories and routing rules first,
 * since demo accounts and feedback refer to them. Every part is idempotent, so running
 * this on a database that already has the demo data creates nothing new.
 */
export async function seedDemoData(db: Db, clock: Clock): Promise<DemoSummary> {
  const bodies = await seedDemoBodies(db, { now: clock.now() });
  return { bodies };
}
