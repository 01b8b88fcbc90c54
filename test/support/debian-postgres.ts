import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './server-process.js';

export const DEBIAN_PG_BIN = '/usr/lib/postgresql/15/bin';
export const hasDebianPostgres = fs.existsSync(path.join(DEBIAN_PG_BIN, 'postgres'));

/**
 * A throwaway cluster of the machine's own PostgreSQL 15 (Debian's package), to prove the
 * platform runs against an external server given only DATABASE_URL. As root, the server
 * runs as the `postgres` system user, as PostgreSQL requires.
 */
export async function startDebianPostgres(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'irgen-pg15-'));
  fs.chmodSync(dir, 0o777);
  // As root, run as the postgres system user (spawned with its uid/gid directly, so signals reach the server).
  const ids = os.userInfo().uid === 0 ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {};
  const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'pipe', ...ids });
  const data = path.join(dir, 'data');
  run(path.join(DEBIAN_PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'];
  const child: ChildProcess = spawn(path.join(DEBIAN_PG_BIN, 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], ...ids });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PostgreSQL 15 did not start:\n${log}`)), 30_000);
    child.stderr?.on('data', (d) => {
      log += d;
      if (log.includes('ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`PostgreSQL 15 exited with ${code}:\n${log}`)));
  });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGINT');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
