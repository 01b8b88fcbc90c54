import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type Database } from '../../src/shared/db/database.js';
import { TEMPLATE_DB, withDatabase } from '../global-setup.js';

/**
 * A fresh database for one test file, cloned from the migrated template (places
 * included). Tests create the rows they need with factories and never count on others.
 */
export async function createTestDatabase(): Promise<Database & { drop(): Promise<void> }> {
  const serverUrl = inject('pgServerUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  // Cloning needs the template to have no other connections; retry briefly if one lingers.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
      break;
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
  const database = connectDatabase(withDatabase(serverUrl, name), { max: 10 });
  return {
    ...database,
    async drop() {
      await database.close();
      const c = new pg.Client(serverUrl);
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
