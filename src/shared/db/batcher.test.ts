import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.js';

describe('group commit batcher', () => {
  it('writes what arrives together as one batch and answers each caller with its own result', async () => {
    const batches: number[][] = [];
    const batcher = new Batcher<number, string>({
      writeBatch: async (items) => {
        batches.push(items);
        return items.map((n) => `done ${n}`);
      },
      writeOne: async (n) => `alone ${n}`,
    });
    const results = await Promise.all([1, 2, 3, 4].map((n) => batcher.submit(n)));
    expect(results).toEqual(['done 1', 'done 2', 'done 3', 'done 4']);
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('keeps taking items while a batch is being written, and sends them in the next', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const batcher = new Batcher<number, number>({
      maxInFlight: 1,
      writeBatch: async (items) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items;
      },
      writeOne: async (n) => n,
    });
    const first = batcher.submit(1);
    await new Promise((r) => setImmediate(r));
    const later = [2, 3, 4].map((n) => batcher.submit(n));
    release();
    expect(await Promise.all([first, ...later])).toEqual([1, 2, 3, 4]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
    await batcher.drained();
  });

  it('retries a failed batch item by item, so one bad item fails alone', async () => {
    const batcher = new Batcher<number, number>({
      writeBatch: async (items) => {
        if (items.includes(13)) throw new Error('constraint');
        return items;
      },
      writeOne: async (n) => {
        if (n === 13) throw new Error(`item ${n} refused`);
        return n * 10;
      },
    });
    const outcomes = await Promise.allSettled([12, 13, 14].map((n) => batcher.submit(n)));
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).message))).toEqual([120, 'item 13 refused', 140]);
    expect(batcher.stats.fallbacks).toBe(1);
  });

  it('caps the size of a batch', async () => {
    const sizes: number[] = [];
    const batcher = new Batcher<number, number>({ maxBatch: 3, maxInFlight: 1, writeBatch: async (items) => (sizes.push(items.length), items), writeOne: async (n) => n });
    await Promise.all(Array.from({ length: 7 }, (_, i) => batcher.submit(i)));
    expect(sizes).toEqual([3, 3, 1]);
  });
});
