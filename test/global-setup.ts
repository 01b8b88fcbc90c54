import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../src/prepare-database.js';
import { connectDatabase } from '../src/shared/db/database.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/shared/db/embedded.js';

export const TEMPLATE_DB = 'irgen_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

/**
 * One real PostgreSQL for the whole run: TEST_DATABASE_URL's server if given, else an
 * embedded one in a temporary folder. The schema is migrated once into a template
 * database; every test file then clones it, so files never see each other's rows.
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let tmp: string | undefined;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'irgen-test-'));
    await fs.chmod(tmp, 0o755);
    // Durability is not under test here; skipping fsync makes the suite several times faster.
    embedded = await startEmbeddedPostgres({ dir: path.join(tmp, 'pg'), settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' } });
    serverUrl = embedded.url;
  }
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();

  const template = connectDatabase(withDatabase(serverUrl, TEMPLATE_DB));
  await prepareDatabase(template);
  await template.close();

  project.provide('pgServerUrl', serverUrl);
  return async () => {
    await embedded?.stop();
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  };
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
