import { sql } from 'kysely';
import type { Clock } from '../../../shared/clock.js';
import type { Db } from '../../../shared/db/database.js';
import type { Level } from '../model.js';

/** A verified vote, ready to be written. */
export interface Vote {
  petitionId: number;
  person: Buffer;
  contact: Buffer;
  level: Level;
  /** Soum or düüreg (4 digits). */
  place: string;
  flags: string[];
  hint: string | null;
  notify: string | null;
  lang: 'mn' | 'en';
}

export interface Accepted {
  id: number;
  petitionId: number;
  place: string;
}

interface Pending {
  vote: Vote;
  key: string;
  resolve(result: Accepted | null): void;
  reject(error: unknown): void;
}

/** Votes written by one statement at most; more wait for the next. */
const MAX_BATCH = 2000;

/**
 * Group commit in the application. Every vote of this process goes through one writer:
 * votes that arrive while a batch is being committed wait and go together in the next
 * one, as a single multi-row INSERT … ON CONFLICT DO NOTHING that also adds the batch's
 * counts (per petition, per soum, per hour) to this process's counter shard, in one
 * statement, one commit (synchronous_commit as configured: on). A caller's promise
 * resolves only after that commit, so an acknowledged vote is a durable vote, and the
 * counts are exact because they change in the votes' own transaction.
 *
 * The writer is also a serial executor (`serial`): the counts store (store.ts) reads the
 * counters through it, so a reload and this process's own increments never overlap.
 */
export class VoteWriter {
  private queue: Pending[] = [];
  private tail: Promise<unknown> = Promise.resolve();
  private scheduled = false;
  private closed = false;
  /** Batches and votes written, for the log and the benchmark. */
  stats = { batches: 0, votes: 0, accepted: 0, largestBatch: 0 };

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    readonly shard: number,
    /** Called inside the serial section after each commit (counts, ladder steps). */
    private readonly onCommitted: (accepted: Accepted[], at: Date) => Promise<void>,
  ) {}

  /** Writes the vote; resolves with its receipt once committed, or null when the person (or contact) already voted or voting has closed. */
  cast(vote: Vote): Promise<Accepted | null> {
    if (this.closed) return Promise.reject(new Error('the vote writer is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ vote, key: `${vote.petitionId}:${vote.person.toString('hex')}`, resolve, reject });
      this.schedule();
    });
  }

  /** Runs a task after everything queued before it, alone. */
  serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.tail.then(task, task);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    void this.serial(() => this.flush());
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue.splice(0, MAX_BATCH);
    if (this.queue.length) this.schedule();
    if (!batch.length) return;
    const at = this.clock.now();
    let accepted: (Accepted & { key: string })[];
    try {
      accepted = await this.write(batch, at);
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    this.stats.batches++;
    this.stats.votes += batch.length;
    this.stats.accepted += accepted.length;
    this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
    try {
      await this.onCommitted(accepted, at);
    } catch {
      // The votes are committed whatever happens to the bookkeeping after; the store reloads.
    }
    const byKey = new Map<string, Accepted>();
    for (const a of accepted) byKey.set(a.key, a);
    for (const p of batch) {
      const a = byKey.get(p.key);
      // Two requests of one person in one batch: the first gets the receipt, the second "already voted".
      if (a) byKey.delete(p.key);
      p.resolve(a ? { id: a.id, petitionId: a.petitionId, place: a.place } : null);
    }
  }

  private async write(batch: Pending[], at: Date): Promise<(Accepted & { key: string })[]> {
    const v = batch.map((p) => p.vote);
    // A vote counts only while its petition is open (checked here too, so a batch that
    // raced the closing cannot add votes after it).
    const { rows } = await sql<{ id: number; petition_id: number; person_hash: Buffer; place_code: string }>`
      WITH input AS (
        SELECT * FROM unnest(
          ${v.map((x) => x.petitionId)}::int[], ${v.map((x) => x.person)}::bytea[], ${v.map((x) => x.contact)}::bytea[],
          ${v.map((x) => x.level)}::petition_verification_level[], ${v.map((x) => x.place)}::text[], ${v.map((x) => x.flags.join(','))}::text[],
          ${v.map((x) => x.hint)}::text[], ${v.map((x) => x.notify)}::text[], ${v.map((x) => x.lang)}::text[]
        ) AS i (petition_id, person_hash, contact_hash, level, place_code, flags, hint, notify, lang)
      ), ins AS (
        INSERT INTO petition_signature (petition_id, person_hash, contact_hash, level, place_code, signed_at, flags, contact_hint)
        SELECT i.petition_id, i.person_hash, i.contact_hash, i.level, i.place_code, ${at}::timestamptz,
               CASE WHEN i.flags = '' THEN '{}'::text[] ELSE string_to_array(i.flags, ',') END, i.hint
        FROM input i JOIN petition p ON p.id = i.petition_id AND p.state = 'open' AND p.closes_at > ${at}::timestamptz
        ON CONFLICT DO NOTHING
        RETURNING id, petition_id, person_hash, place_code
      ), totals AS (
        INSERT INTO petition_count AS c (petition_id, shard, votes)
        SELECT petition_id, ${this.shard}::smallint, count(*) FROM ins GROUP BY petition_id
        ON CONFLICT (petition_id, shard) DO UPDATE SET votes = c.votes + EXCLUDED.votes
      ), places AS (
        INSERT INTO petition_place_count AS c (petition_id, place_code, shard, votes)
        SELECT petition_id, place_code, ${this.shard}::smallint, count(*) FROM ins GROUP BY petition_id, place_code
        ON CONFLICT (petition_id, place_code, shard) DO UPDATE SET votes = c.votes + EXCLUDED.votes
      ), hours AS (
        INSERT INTO petition_hour_count AS c (petition_id, hour, shard, votes)
        SELECT petition_id, date_trunc('hour', ${at}::timestamptz), ${this.shard}::smallint, count(*) FROM ins GROUP BY petition_id
        ON CONFLICT (petition_id, hour, shard) DO UPDATE SET votes = c.votes + EXCLUDED.votes
      ), subscribers AS (
        INSERT INTO petition_subscriber (petition_id, email, lang, created_at)
        SELECT ins.petition_id, i.notify, i.lang, ${at}::timestamptz
        FROM ins JOIN input i ON i.petition_id = ins.petition_id AND i.person_hash = ins.person_hash
        WHERE i.notify IS NOT NULL
        ON CONFLICT DO NOTHING
      )
      SELECT id, petition_id, person_hash, place_code FROM ins`.execute(this.db);
    return rows.map((r) => ({ id: Number(r.id), petitionId: r.petition_id, place: r.place_code, key: `${r.petition_id}:${r.person_hash.toString('hex')}` }));
  }

  /** Stops taking votes and waits for those already taken. */
  async close(): Promise<void> {
    this.closed = true;
    await this.serial(async () => undefined);
  }
}
