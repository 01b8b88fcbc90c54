import pg from 'pg';
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { chainPending, DEFAULT_CHAIN_BATCH } from './chain.js';

/** The channel the trigger of migration 0009 notifies after every insert into public_event. */
export const RECORD_CHANNEL = 'public_record';

export interface RecordChainer {
  /** Finishes the batch in progress, stops listening and returns; safe to call twice. */
  stop(): Promise<void>;
}

export interface RecordChainerOptions {
  /** Longest wait between two passes when no notification arrives. */
  intervalMs?: number;
  batchSize?: number;
  log: Logger;
}

/**
 * Links new public events into the hash chain within moments of their commit: it wakes on
 * PostgreSQL NOTIFY and on a timer (so a missed notification costs one interval at most),
 * keeps chaining while a full batch came back, and outlives database outages by logging
 * and trying again on the next tick.
 */
export function startRecordChainer(database: Pick<Database, 'db' | 'url'>, options: RecordChainerOptions): RecordChainer {
  const intervalMs = options.intervalMs ?? 1000;
  const batchSize = options.batchSize ?? DEFAULT_CHAIN_BATCH;
  const { log } = options;

  let stopped = false;
  let wakeRequested = false;
  let wakeUp: (() => void) | undefined;
  let listener: pg.Client | undefined;
  let failing = false;

  const wake = () => {
    wakeRequested = true;
    wakeUp?.();
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wakeRequested || stopped) return resolve();
      const done = () => {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeUp = done;
    });

  const dropListener = async () => {
    const client = listener;
    listener = undefined;
    await client?.end().catch(() => {});
  };

  // A dedicated connection outside the pool: LISTEN lasts as long as its session does.
  const listen = async () => {
    if (listener) return;
    const client = new pg.Client({ connectionString: database.url, application_name: 'irgen-record-chainer' });
    client.on('notification', wake);
    client.on('error', (error) => {
      log.warn({ err: error }, 'public-record chainer lost its LISTEN connection; reconnecting');
      if (listener === client) listener = undefined;
      client.end().catch(() => {});
    });
    await client.connect();
    try {
      await client.query(`LISTEN ${RECORD_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => {});
      throw error;
    }
    listener = client;
  };

  const loop = async () => {
    while (!stopped) {
      wakeRequested = false;
      try {
        await listen();
        let chained: number;
        do {
          chained = await chainPending(database.db, { limit: batchSize });
        } while (chained === batchSize && !stopped);
        if (failing) log.info('public-record chainer works again');
        failing = false;
      } catch (error) {
        // One error line per outage, not one a second; the next tick retries.
        if (!failing) log.error({ err: error }, 'public-record chainer failed; retrying every tick');
        else log.debug({ err: error }, 'public-record chainer still failing');
        failing = true;
        await dropListener();
      }
      await sleep(intervalMs);
    }
  };

  const running = loop();
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        stopped = true;
        wakeUp?.();
        await running;
        await dropListener();
      })();
      return stopping;
    },
  };
}
