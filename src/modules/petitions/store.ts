import type { Db } from '../../shared/db/database.js';
import type { Accepted, VoteWriter } from './signing/vote-writer.js';
import { loadCounts, loadPetitionView, type Counts, type PetitionView } from './queries.js';

/** A snapshot older than this is reloaded (in the background, the old one served meanwhile). */
export const REFRESH_MS = 1000;
/** Votes in a second above which a petition is "hot": its rendered page is reused for up to REFRESH_MS. */
const HOT_VOTES_PER_S = 50;

export interface Snapshot {
  view: PetitionView;
  counts: Counts;
  loadedAt: number;
  /** Changes with every count or text change: rendered pages and answers are cached by it. */
  version: number;
}

interface Entry {
  snapshot: Snapshot;
  stale: boolean;
  /** Bumped by invalidate(): a reload that began before it does not count as fresh. */
  gen: number;
  reloading: Promise<Snapshot | null> | null;
  reloadingGen: number;
  /** Votes added in the current second, for the hot test. */
  second: number;
  votesThisSecond: number;
  votesLastSecond: number;
  /** Rendered answers (pages, JSON) of the current version, by key. */
  cache: Map<string, { version: number; at: number; value: unknown }>;
}

/**
 * Petitions in memory, so that the public page and the count endpoint need no database
 * read per request. A snapshot is the petition's view and its exact counts: loaded on
 * first use, reloaded about once a second while people read it, and changed in place
 * by this process's own vote writer after each commit (so a voter who reloads sees
 * their vote at once). Counts are read through the writer's serial section, so a reload
 * never overlaps this process's own increments and nothing is counted twice. Votes of
 * other processes show at the next reload, within about a second.
 */
export class PetitionStore {
  private readonly entries = new Map<number, Entry>();
  private versions = 0;

  constructor(
    private readonly db: Db,
    private readonly writer: () => VoteWriter,
    private readonly nowMs: () => number = () => Date.now(),
  ) {}

  /** The petition's snapshot, or null when there is no such petition. */
  async get(id: number): Promise<Snapshot | null> {
    const entry = this.entries.get(id);
    if (!entry) return this.reload(id);
    if (entry.stale) return (await this.reload(id, true)) ?? null;
    if (this.nowMs() - entry.snapshot.loadedAt > REFRESH_MS) void this.reload(id).catch(() => undefined);
    return entry.snapshot;
  }

  /** After a command changed the petition: the next read loads it again. */
  invalidate(id: number): void {
    const entry = this.entries.get(id);
    if (entry) {
      entry.stale = true;
      entry.gen++;
    }
  }

  /**
   * Loads the view, then the counts through the writer's serial section. With `fresh`, a
   * reload that began before the last invalidation is not reused: a new one follows it.
   */
  private reload(id: number, fresh = false): Promise<Snapshot | null> {
    const existing = this.entries.get(id);
    if (existing?.reloading && (!fresh || existing.reloadingGen === existing.gen)) return existing.reloading;
    const gen = existing?.gen ?? 0;
    const before = existing?.reloading ?? Promise.resolve(null);
    const work = before
      .catch(() => null)
      .then(async () => {
        const view = await loadPetitionView(this.db, id);
        if (!view) {
          this.entries.delete(id);
          return null;
        }
        const counts = await this.writer().serial(() => loadCounts(this.db, id));
        const snapshot: Snapshot = { view, counts, loadedAt: this.nowMs(), version: ++this.versions };
        const entry = this.entries.get(id);
        if (entry) {
          entry.snapshot = snapshot;
          // Invalidated while loading: what was read may predate the change.
          entry.stale = entry.gen !== gen;
        } else {
          this.entries.set(id, { snapshot, stale: false, gen: 0, reloading: null, reloadingGen: 0, second: 0, votesThisSecond: 0, votesLastSecond: 0, cache: new Map() });
        }
        return snapshot;
      });
    if (existing) {
      existing.reloading = work;
      existing.reloadingGen = gen;
    }
    const done = () => {
      const entry = this.entries.get(id);
      if (entry && entry.reloading === work) entry.reloading = null;
    };
    work.then(done, done);
    return work;
  }

  /** Called by the vote writer after a commit, inside its serial section: adds this process's votes. */
  applyVotes(accepted: readonly Accepted[], at: Date): number[] {
    const touched = new Set<number>();
    const hour = Math.floor(at.getTime() / 3_600_000) * 3_600_000;
    const second = Math.floor(this.nowMs() / 1000);
    for (const a of accepted) {
      const entry = this.entries.get(a.petitionId);
      if (!entry) continue;
      const c = entry.snapshot.counts;
      c.total++;
      c.byPlace.set(a.place, (c.byPlace.get(a.place) ?? 0) + 1);
      c.byHour.set(hour, (c.byHour.get(hour) ?? 0) + 1);
      if (entry.second !== second) {
        entry.votesLastSecond = entry.second === second - 1 ? entry.votesThisSecond : 0;
        entry.second = second;
        entry.votesThisSecond = 0;
      }
      entry.votesThisSecond++;
      touched.add(a.petitionId);
    }
    for (const id of touched) this.entries.get(id)!.snapshot.version = ++this.versions;
    return [...touched];
  }

  /**
   * A cached answer for this snapshot: reused while nothing changed, and while a petition
   * is hot (votes arriving faster than HOT_VOTES_PER_S) for up to REFRESH_MS after it
   * was made, so a surge re-renders the page about once a second rather than per request.
   */
  cached<T>(id: number, key: string, make: (snapshot: Snapshot) => T): T | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const now = this.nowMs();
    const hit = entry.cache.get(key);
    const hot = Math.max(entry.votesThisSecond, entry.votesLastSecond) >= HOT_VOTES_PER_S && Math.floor(now / 1000) - entry.second <= 1;
    if (hit && (hit.version === entry.snapshot.version || (hot && now - hit.at < REFRESH_MS))) return hit.value as T;
    const value = make(entry.snapshot);
    entry.cache.set(key, { version: entry.snapshot.version, at: now, value });
    return value;
  }

  /** Petitions whose snapshot is in memory (tests, the ladder check). */
  loaded(id: number): Snapshot | undefined {
    return this.entries.get(id)?.snapshot;
  }
}
