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
  /** Longest wait between two passes when idle and no notification arrives. */
  intervalMs?: number;
  /** Wait between passes while events keep arriving (no notifications are asked for then). */
  busyPollMs?: number;
  batchSize?: number;
  log: Logger;
}

/**
 * Links new public events into the hash chain within moments of their commit. When idle
 * it raises `public_record_chainer.wants_wakeup`, so the next insert NOTIFYs it (migration
 * 0009); while events keep coming it lowers the flag and polls every `busyPollMs`, so
 * writers never pay for a NOTIFY under load. A timer backs both up, so a lost
 * notification costs one interval at most. Database errors are logged once per outage
 * and retried on the next tick.
 */
export function startRecordChainer(database: Pick<Database, 'db' | 'url'>, options: RecordChainerOptions): RecordChainer {
  const intervalMs = options.intervalMs ?? 1000;
  const busyPollMs = options.busyPollMs ?? 50;
  const batchSize = options.batchSize ?? DEFAULT_CHAIN_BATCH;
  const { log } = options;
  const { db } = database;

  let stopped = false;
  let wakeRequested = false;
  let wakeUp: (() => void) | undefined;
  let listener: pg.Client | undefined;
  let failing = false;
  /** The flag as this chainer last wrote it; undefined when unknown (start, after an error). */
  let wakeupWanted: boolean | undefined;

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

  const setWakeupWanted = async (wanted: boolean) => {
    if (wakeupWanted === wanted) return;
    wakeupWanted = undefined;
    await db.updateTable('public_record_chainer').set({ wants_wakeup: wanted }).execute();
    wakeupWanted = wanted;
  };

  const chainAll = async () => {
    let total = 0;
    let chained: number;
    do {
      chained = await chainPending(db, { limit: batchSize });
      total += chained;
    } while (chained === batchSize && !stopped);
    return total;
  };

  const loop = async () => {
    while (!stopped) {
      const notified = wakeRequested;
      wakeRequested = false;
      let busy = false;
      try {
        await listen();
        if (notified) await setWakeupWanted(false);
        let chained = await chainAll();
        if (chained === 0) {
          await setWakeupWanted(true);
          // An event that committed after the pass but before the flag rose sent no NOTIFY.
          chained = await chainAll();
        }
        if (chained > 0) await setWakeupWanted(false);
        busy = chained > 0;
        if (failing) log.info('public-record chainer works again');
        failing = false;
      } catch (error) {
        // One error line per outage, not one a second; the next tick retries.
        if (!failing) log.error({ err: error }, 'public-record chainer failed; retrying every tick');
        else log.debug({ err: error }, 'public-record chainer still failing');
        failing = true;
        wakeupWanted = undefined;
        await dropListener();
      }
      await sleep(busy ? busyPollMs : intervalMs);
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
        // With nobody listening, a raised flag would only make writers pay for NOTIFYs.
        if (wakeupWanted !== false) await setWakeupWanted(false).catch(() => {});
      })();
      return stopping;
    },
  };
}
