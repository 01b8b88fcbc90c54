import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** An app on the test database whose log lines are kept, with TRUST_PROXY as given. */
async function appLogging(trustProxy: boolean) {
  const lines: { level: number; msg: string }[] = [];
  const config = loadConfig({ ...process.env, PUBLIC_URL: 'http://irgen.test', DEMO_DATA: 'false', RUN_WORKER: 'false', TRUST_PROXY: String(trustProxy) });
  const app = await buildApp({
    config,
    database: t.database,
    db: t.db,
    clock: t.clock,
    secrets: t.secrets,
    logger: { level: 'warn', stream: { write: (line: string) => lines.push(JSON.parse(line)) } },
  });
  await app.ready();
  return { app, lines };
}

describe('a proxy the platform was not told to trust', () => {
  it('is reported in the log once, at the first request carrying X-Forwarded-For', async () => {
    const { app, lines } = await appLogging(false);
    try {
      await app.inject('/healthz');
      expect(lines).toEqual([]);
      await app.inject({ url: '/healthz', headers: { 'x-forwarded-for': '203.0.113.9' } });
      await app.inject({ url: '/healthz', headers: { 'x-forwarded-for': '203.0.113.10' } });
      const warnings = lines.filter((l) => l.msg.includes('TRUST_PROXY'));
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.level).toBe(40);
    } finally {
      await app.close();
    }
  });

  it('is not reported when TRUST_PROXY is set', async () => {
    const { app, lines } = await appLogging(true);
    try {
      await app.inject({ url: '/healthz', headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(lines.filter((l) => l.msg.includes('TRUST_PROXY'))).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
