import { sql } from 'kysely';
import type { Db, Tx } from '../shared/db/database.js';

/**
 * The real commands each open their own transaction (`db.transaction().execute(…)`).
 * The demo seed runs hundreds of them and must leave either all of the dataset or none
 * of it, so it hands them this view of one open transaction instead of the database:
 * every query goes to that transaction, and each command's own "transaction" becomes a
 * savepoint in it. A command that fails rolls back to its savepoint, as it would alone;
 * if the seed gives up, rolling back the outer transaction removes everything.
 */
export function insideTransaction(tx: Tx): Db {
  let depth = 0;
  const nested = {
    async execute<T>(fn: (inner: Tx) => Promise<T>): Promise<T> {
      const name = sql.raw(`demo_seed_${++depth}`);
      await sql`SAVEPOINT ${name}`.execute(tx);
      try {
        const result = await fn(tx);
        await sql`RELEASE SAVEPOINT ${name}`.execute(tx);
        return result;
      } catch (error) {
        await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(tx);
        throw error;
      } finally {
        depth--;
      }
    },
  };
  const builder = { execute: nested.execute, setIsolationLevel: () => builder, setAccessMode: () => builder };
  // Kysely keeps its state in private fields, so methods must run on the transaction itself.
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'transaction') return () => builder;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Db;
}
