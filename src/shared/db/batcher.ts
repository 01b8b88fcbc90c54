/**
 * Group commit in the application. Callers hand in one item each and wait; items that
 * arrive while earlier batches are being written go together in the next batch, written
 * by one statement and one commit. A caller's promise settles only after its batch
 * committed, so an acknowledged item is a durable item. Under light load a batch is a
 * single item and waits for nothing; under heavy load the per-statement and per-commit
 * costs are shared by hundreds of items.
 */
export interface BatcherOptions<T, R> {
  /** Writes the items in one statement; returns one result per item, in order. */
  writeBatch(items: T[]): Promise<R[]>;
  /**
   * When a whole batch fails (a constraint no validation foresaw), each item is tried
   * alone, so one bad item does not fail the others: each caller gets its own outcome.
   */
  writeOne(item: T): Promise<R>;
  maxBatch?: number;
  /** Batches being written at once: while one commits, the next is being sent. */
  maxInFlight?: number;
}

interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export class Batcher<T, R> {
  private queue: Waiting<T, R>[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];
  readonly stats = { batches: 0, items: 0, largest: 0, fallbacks: 0 };

  constructor(private readonly options: BatcherOptions<T, R>) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once nothing is queued or being written (for shutdown and tests). */
  drained(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.inFlight >= (this.options.maxInFlight ?? 2)) return;
    this.scheduled = true;
    // Let the requests that arrived in this turn of the event loop join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, this.options.maxBatch ?? 500);
    if (batch.length === 0) return this.settleIdle();
    this.inFlight++;
    this.schedule();
    try {
      const results = await this.options.writeBatch(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(results[i] as R));
    } catch {
      this.stats.fallbacks++;
      for (const w of batch) {
        try {
          w.resolve(await this.options.writeOne(w.item));
        } catch (error) {
          w.reject(error);
        }
      }
    } finally {
      this.stats.batches++;
      this.stats.items += batch.length;
      this.stats.largest = Math.max(this.stats.largest, batch.length);
      this.inFlight--;
      this.schedule();
      this.settleIdle();
    }
  }

  private settleIdle(): void {
    if (this.queue.length === 0 && this.inFlight === 0) for (const resolve of this.idle.splice(0)) resolve();
  }
}
