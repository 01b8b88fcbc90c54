import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createTestDatabase } from '../../../test/support/database.js';
import type { Db } from '../db/database.js';
import { appendPublicEvent } from './append.js';
import { chainPending } from './chain.js';
import { definePublicEvent } from './events.js';
import { describeBreak, verifyNdjson, verifyNdjsonFile, verifyRecord } from './verify.js';

const noted = definePublicEvent('verifytest.noted', Type.Object({ n: Type.Integer(), text: Type.Optional(Type.String()) }, { additionalProperties: false }));

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;
const databases: TestDatabase[] = [];
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'irgen-record-'));
});
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A fresh database holding `count` chained events; tampering in one test never leaks into another. */
async function recordOf(count: number): Promise<{ database: TestDatabase; links: { seq: number; event_id: number }[] }> {
  const database = await createTestDatabase();
  databases.push(database);
  await appendMany(database.db, count);
  await chainAll(database.db);
  const links = await database.db.selectFrom('public_event_chain').select(['seq', 'event_id']).orderBy('seq').execute();
  return { database, links };
}

async function appendMany(db: Db, count: number, offset = 0): Promise<void> {
  await db.transaction().execute(async (tx) => {
    for (let i = 0; i < count; i++) {
      await appendPublicEvent(tx, { kind: noted, subject: `thing/t${(offset + i) % 7}`, payload: { n: offset + i, text: `Ажил №${offset + i} “quoted” é` }, occurredAt: new Date(Date.UTC(2026, 2, 2, 1, 0, 0, offset + i)) });
    }
  });
}

async function chainAll(db: Db): Promise<void> {
  while ((await chainPending(db, { limit: 500 })) > 0);
}

/** What a superuser could do behind the platform's back: switch the guard off, edit, switch it on. */
async function tamper(db: Db, table: 'public_event' | 'public_event_chain', statement: ReturnType<typeof sql>): Promise<void> {
  const trigger = table === 'public_event' ? 'public_event_append_only' : 'public_event_chain_append_only';
  await db.connection().execute(async (c) => {
    await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER ${sql.id(trigger)}`.execute(c);
    try {
      await statement.execute(c);
    } finally {
      await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER ${sql.id(trigger)}`.execute(c);
    }
  });
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: process.cwd(), env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function runCli(args: string[], env: Record<string, string>) {
  return run('npx', ['tsx', 'src/cli/record-verify.ts', ...args], env);
}

const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('verifyRecord', () => {
  it('finds an intact record intact, across many batches', async () => {
    const { database, links } = await recordOf(60);
    const result = await verifyRecord(database.db, { batchSize: 7 });
    expect(result).toMatchObject({ ok: true, checked: links.length, lastSeq: links.length, pending: 0 });
    const last = await database.db.selectFrom('public_event_chain').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(result.lastHash).toBe(last.hash.toString('hex'));
  });

  it('counts events still waiting to be linked without calling them broken', async () => {
    const { database } = await recordOf(5);
    await appendMany(database.db, 3, 100);
    expect(await verifyRecord(database.db)).toMatchObject({ ok: true, checked: 5, pending: 3 });
  });

  it('names the exact link whose event was edited by hand', async () => {
    const { database, links } = await recordOf(40);
    const target = links[22]!;
    await tamper(database.db, 'public_event', sql`UPDATE public_event SET payload = jsonb_set(payload, '{n}', '999') WHERE id = ${target.event_id}`);
    const result = await verifyRecord(database.db, { batchSize: 10 });
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toEqual({ seq: target.seq, eventId: target.event_id, reason: 'hash_mismatch' });
    expect(result.checked).toBe(target.seq - 1);
    expect(describeBreak(result.firstBroken!)).toBe(`BROKEN at seq ${target.seq} (event ${target.event_id}): hash does not match the event's content`);
  });

  it('names the link whose time was moved by a single microsecond', async () => {
    const { database, links } = await recordOf(10);
    const target = links[4]!;
    await tamper(database.db, 'public_event', sql`UPDATE public_event SET occurred_at = occurred_at + interval '1 microsecond' WHERE id = ${target.event_id}`);
    expect((await verifyRecord(database.db)).firstBroken).toMatchObject({ seq: target.seq, reason: 'hash_mismatch' });
  });

  it('names the link whose stored hash was replaced', async () => {
    const { database, links } = await recordOf(20);
    const target = links[9]!;
    await tamper(database.db, 'public_event_chain', sql`UPDATE public_event_chain SET hash = sha256(hash) WHERE seq = ${target.seq}`);
    expect((await verifyRecord(database.db)).firstBroken).toEqual({ seq: target.seq, eventId: target.event_id, reason: 'hash_mismatch' });
  });

  it('names a link removed from the middle of the chain', async () => {
    const { database, links } = await recordOf(20);
    const target = links[11]!;
    await tamper(database.db, 'public_event_chain', sql`DELETE FROM public_event_chain WHERE seq = ${target.seq}`);
    const result = await verifyRecord(database.db);
    expect(result.firstBroken).toMatchObject({ seq: target.seq, reason: 'missing_link' });
    expect(result.checked).toBe(target.seq - 1);
  });

  it('notices the last link removed, by the event left outside the chain', async () => {
    const { database, links } = await recordOf(8);
    const target = links[links.length - 1]!;
    await tamper(database.db, 'public_event_chain', sql`DELETE FROM public_event_chain WHERE seq = ${target.seq}`);
    expect((await verifyRecord(database.db)).firstBroken).toEqual({ seq: null, eventId: target.event_id, reason: 'unchained_event' });
  });

  it('notices a link rewritten with a freshly computed hash, at the next link', async () => {
    const { database, links } = await recordOf(12);
    // Someone edits an event and recomputes its own hash, but cannot change the next link's prev_hash unseen.
    const target = links[5]!;
    await tamper(database.db, 'public_event_chain', sql`UPDATE public_event_chain SET prev_hash = sha256(prev_hash) WHERE seq = ${target.seq + 1}`);
    expect((await verifyRecord(database.db)).firstBroken).toMatchObject({ seq: target.seq + 1, reason: 'prev_hash_mismatch' });
  });
});

describe('npm run record:verify', () => {
  it('exits 0 on an intact record and 1 naming the first broken link after a row is altered', async () => {
    const { database, links } = await recordOf(15);
    const intact = await runCli([], { DATABASE_URL: database.url });
    expect(intact.stdout).toContain(`Public record intact: ${links.length} events, last hash `);
    expect(intact.code).toBe(0);

    const target = links[6]!;
    await tamper(database.db, 'public_event', sql`UPDATE public_event SET subject = 'thing/changed' WHERE id = ${target.event_id}`);
    const broken = await runCli([], { DATABASE_URL: database.url });
    expect(broken.stdout).toContain(`BROKEN at seq ${target.seq} (event ${target.event_id}): hash does not match the event's content`);
    expect(broken.code).toBe(1);
  });

  it('exits 2 when it cannot check at all', async () => {
    const unreachable = await runCli([], { DATABASE_URL: 'postgres://nobody:wrong@127.0.0.1:1/none' });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain('Could not check the public record');
    const missing = await runCli(['--file', path.join(tmp, 'no-such-file.ndjson')], {});
    expect(missing.code).toBe(2);
  });
});

describe('the download, checked offline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await appendMany(t.db, 30);
    await chainAll(t.db);
  });
  afterAll(async () => t?.close());

  async function download(url = '/record.ndjson'): Promise<string> {
    const res = await t.app.inject(url);
    expect(res.statusCode).toBe(200);
    return res.body;
  }

  it('verifies with --file and no database, and fails on a line changed in the file', async () => {
    const text = await download();
    const file = path.join(tmp, 'record.ndjson');
    await fs.writeFile(file, text);
    const ok = await runCli(['--file', file], {});
    expect(ok.stdout).toMatch(/^Public record intact: 30 events, last hash [0-9a-f]{64} \(seq 30\)\./);
    expect(ok.code).toBe(0);

    const lines = text.trimEnd().split('\n');
    const changed = JSON.parse(lines[17]!);
    changed.payload.n = 12345;
    lines[17] = JSON.stringify(changed);
    const forged = path.join(tmp, 'forged.ndjson');
    await fs.writeFile(forged, lines.join('\n') + '\n');
    const bad = await runCli(['--file', forged], {});
    expect(bad.stdout).toContain(`BROKEN at seq ${changed.seq} (event ${changed.id}): hash does not match the event's content`);
    expect(bad.code).toBe(1);
  });

  it('checks a later part from its first prev_hash, and notices a line left out', async () => {
    const full = (await download()).trimEnd().split('\n');
    const part = (await download('/record.ndjson?after=20')).trimEnd().split('\n');
    expect(part).toEqual(full.slice(20));
    const partResult = await verifyNdjson(toLines(part));
    expect(partResult).toMatchObject({ ok: true, checked: 10, startsAtSeq: 21, lastSeq: 30 });
    expect(JSON.parse(part[0]!).prev_hash).toBe(JSON.parse(full[19]!).hash);

    const gap = [...full.slice(0, 5), ...full.slice(6)];
    expect((await verifyNdjson(toLines(gap))).firstBroken).toMatchObject({ seq: 6, reason: 'missing_link' });
    const garbage = [...full.slice(0, 3), '{"seq": 4}'];
    expect((await verifyNdjson(toLines(garbage))).firstBroken).toMatchObject({ reason: 'malformed_line', detail: 'line 4' });
  });

  it.skipIf(!hasPython)('verifies with the Python checker printed in docs/PUBLIC-RECORD.md, which knows nothing of this code', async () => {
    const doc = await fs.readFile(path.join(process.cwd(), 'docs/PUBLIC-RECORD.md'), 'utf8');
    const script = doc.match(/<!-- verify-record\.py -->\n```python\n([\s\S]*?)```/)?.[1];
    expect(script, 'the documented checker').toBeTruthy();
    const checker = path.join(tmp, 'verify-record.py');
    await fs.writeFile(checker, script!);
    const file = path.join(tmp, 'for-python.ndjson');
    const text = await download();
    await fs.writeFile(file, text);
    const expected = await verifyNdjsonFile(file);
    const ok = await run('python3', [checker, file]);
    expect(ok).toEqual({ code: 0, stdout: `Public record intact: 30 events, last hash ${expected.lastHash}\n`, stderr: '' });

    const lines = text.trimEnd().split('\n');
    const changed = JSON.parse(lines[3]!);
    changed.payload.text = 'Өөр текст';
    lines[3] = JSON.stringify(changed);
    await fs.writeFile(file, lines.join('\n') + '\n');
    const bad = await run('python3', [checker, file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`BROKEN at seq ${changed.seq} (event ${changed.id}): hash does not match the event's content`);
  });

  it('re-verifies from the file a record in the database that verifies too', async () => {
    const file = path.join(tmp, 'again.ndjson');
    await fs.writeFile(file, await download());
    const fromFile = await verifyNdjsonFile(file);
    const fromDb = await verifyRecord(t.db);
    expect(fromFile.ok && fromDb.ok).toBe(true);
    expect(fromFile.lastHash).toBe(fromDb.lastHash);
  });
});

async function* toLines(lines: string[]): AsyncGenerator<string> {
  yield* lines;
}
