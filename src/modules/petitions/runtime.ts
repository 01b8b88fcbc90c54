import { createHash, randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppDeps } from '../../deps.js';
import type { Logger } from '../../shared/logger.js';
import { recordReachedSteps } from './commands/steps.js';
import { EidClient } from './signing/eid.js';
import { SealedVoteSealer } from './signing/sealer.js';
import { httpSmsGateway, outboxSmsSender, type SmsSender } from './signing/sms-gateway.js';
import { VoteWriter } from './signing/vote-writer.js';
import { PetitionStore } from './store.js';

export const LIVE_SCRIPT_FILE = fileURLToPath(new URL('./static/live-count.js', import.meta.url));

/**
 * What the petition routes share in one server process: the vote writer (group commit),
 * the in-memory petition store, the sealer of verified votes, the SMS sender and the
 * e-ID client. Made once per app; closed with it.
 */
export interface PetitionRuntime {
  sealer: SealedVoteSealer;
  writer: VoteWriter;
  store: PetitionStore;
  sms: SmsSender;
  eid: EidClient | null;
  ipKey: Buffer;
  publicUrl: string;
  liveScript: { path: string; body: string };
}

export function createRuntime(deps: Pick<AppDeps, 'db' | 'clock' | 'secrets' | 'config'>, options: { log?: Logger; sms?: SmsSender; eid?: EidClient | null } = {}): PetitionRuntime {
  const { db, clock, secrets, config } = deps;
  // Each process writes its own counter shard, so processes never wait on one row (shard 0 is for invalidations).
  const shard = randomInt(1, 32_000);
  const ctx = (at: Date) => ({ now: at, publicUrl: config.publicUrl });
  // The highest threshold this process already saw recorded, per petition: each step is recorded once.
  const checked = new Map<number, number>();
  // eslint-disable-next-line prefer-const
  let store: PetitionStore;
  const writer = new VoteWriter(db, clock, shard, async (accepted, at) => {
    for (const id of store.applyVotes(accepted, at)) {
      const snapshot = store.loaded(id);
      if (!snapshot) continue;
      const next = snapshot.view.steps.find((s) => s.counts === 'votes' && !s.reachedAt && s.threshold <= snapshot.counts.total && s.threshold > (checked.get(id) ?? 0));
      if (!next) continue;
      checked.set(id, snapshot.counts.total);
      const recorded = await recordReachedSteps(db, id, ctx(at));
      if (recorded.length) store.invalidate(id);
    }
  });
  store = new PetitionStore(db, () => writer);
  const sms = options.sms ?? (config.smsGatewayUrl ? httpSmsGateway(config.smsGatewayUrl, config.smsGatewayToken, options.log) : outboxSmsSender(path.join(config.dataDir, 'sms-outbox'), options.log));
  const eid =
    options.eid !== undefined
      ? options.eid
      : config.eid.issuerUrl
        ? new EidClient(
            { issuer: config.eid.issuerUrl, clientId: config.eid.clientId, clientSecret: config.eid.clientSecret, redirectUri: `${config.publicUrl}/petitions/eid/callback`, registryClaim: config.eid.registryClaim, demo: config.eid.demo },
            secrets,
            options.log,
          )
        : null;
  const body = fs.readFileSync(LIVE_SCRIPT_FILE, 'utf8');
  const version = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { sealer: new SealedVoteSealer(secrets), writer, store, sms, eid, ipKey: secrets.key('petitions:ip'), publicUrl: config.publicUrl, liveScript: { path: `/petitions/live-count.js?v=${version}`, body } };
}
