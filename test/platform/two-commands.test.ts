import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { hasDebianPostgres, startDebianPostgres } from '../support/debian-postgres.js';
import { startServerProcess } from '../support/server-process.js';

const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'irgen-start-'));
  fs.chmodSync(dir, 0o755);
  tmpDirs.push(dir);
  return dir;
}

function postgresRunning(dataDir: string): boolean {
  const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return false;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start on a fresh machine', () => {
  it('runs on an embedded PostgreSQL in DATA_DIR, and shuts it down cleanly on SIGINT and SIGTERM', { timeout: 240_000 }, async () => {
    const dataDir = tempDataDir();
    const first = await startServerProcess({ DATA_DIR: dataDir, DEMO_DATA: 'false' });
    const home = await fetch(`${first.url}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<html lang="mn"');
    expect(postgresRunning(dataDir)).toBe(true);
    expect(await first.stop('SIGINT')).toBe(0);
    expect(postgresRunning(dataDir)).toBe(false);

    // A second start reuses the same data: the cluster is not initialised again.
    const second = await startServerProcess({ DATA_DIR: dataDir, DEMO_DATA: 'false' });
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    expect(second.output()).not.toContain('applied migration');
    expect(await second.stop('SIGTERM')).toBe(0);
    expect(postgresRunning(dataDir)).toBe(false);
  });
});

describe.skipIf(!hasDebianPostgres)('DATABASE_URL pointing at the machine’s PostgreSQL 15', () => {
  it('migrates and serves from an external server', { timeout: 240_000 }, async () => {
    const server = await startDebianPostgres();
    try {
      const admin = new pg.Client(server.url);
      await admin.connect();
      await admin.query('CREATE DATABASE irgen_ext');
      await admin.end();
      const url = server.url.replace(/\/postgres$/, '/irgen_ext');
      const app = await startServerProcess({ DATABASE_URL: url, DATA_DIR: tempDataDir(), DEMO_DATA: 'false' });
      try {
        expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
        expect((await fetch(`${app.url}/`)).status).toBe(200);
        const client = new pg.Client(url);
        await client.connect();
        const version = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
        expect(version.rows[0]!.v).toMatch(/^15\./);
        const places = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM place');
        expect(places.rows[0]!.n).toBe(2170);
        await client.end();
      } finally {
        expect(await app.stop('SIGTERM')).toBe(0);
      }
    } finally {
      await server.stop();
    }
  });
});
