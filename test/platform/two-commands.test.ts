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

describe('npm start with the demo dataset (the default)', () => {
  const accounts = ['citizen', 'operator', 'staff.bayanzurkh', 'admin.bayanzurkh', 'staff.arvaikheer', 'moderator', 'admin', 'cso'].map((a) => `${a}@demo.irgen.mn`);

  /** The banner is printed just after the server listens; give the pipe a moment. */
  async function outputWith(server: { output(): string }, text: string): Promise<string> {
    for (let i = 0; i < 40 && !server.output().includes(text); i++) await new Promise((r) => setTimeout(r, 250));
    return server.output();
  }

  it('loads it on the first start, prints the demo accounts on every start, and never loads it twice', { timeout: 300_000 }, async () => {
    const dataDir = tempDataDir();
    const first = await startServerProcess({ DATA_DIR: dataDir }, 240_000);
    try {
      const output = await outputWith(first, 'Sign in at');
      expect(output).toMatch(/Demo dataset loaded in [\d.]+ s: 66 public bodies, 12 categories, \d+ accounts, 360 feedback items/);
      for (const email of accounts) expect(output).toContain(email);
      expect(output).toContain('irgen-demo-2026');
      const list = await (await fetch(`${first.url}/feedback`)).text();
      expect(new Set(list.match(/href="\/feedback\/[A-Z0-9]{8}"/g)).size).toBeGreaterThanOrEqual(10);
      const responsiveness = await (await fetch(`${first.url}/responsiveness`)).text();
      expect(responsiveness).toContain('Сонгинохайрхан дүүргийн Засаг даргын Тамгын газар');
    } finally {
      expect(await first.stop('SIGTERM')).toBe(0);
    }

    const second = await startServerProcess({ DATA_DIR: dataDir });
    try {
      const output = await outputWith(second, 'Sign in at');
      expect(output).not.toContain('loading the demo dataset');
      for (const email of accounts) expect(output).toContain(email);
    } finally {
      expect(await second.stop('SIGTERM')).toBe(0);
    }
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
