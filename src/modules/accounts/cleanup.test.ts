import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { buildAccount } from '../../../test/support/factories.js';
import { sha256 } from '../../shared/secrets.js';
import { cleanUpAccounts } from './cleanup.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('account housekeeping', () => {
  it('removes expired sessions, month-old sign-in attempts and spent links, and keeps the rest', async () => {
    const account = await buildAccount(t.db);
    const now = new Date('2026-06-01T00:00:00Z');
    const day = 86_400_000;
    await t.db
      .insertInto('session')
      .values([
        { token_hash: sha256('expired'), account_id: account.id, created_at: new Date(now.getTime() - 20 * day), last_seen_at: new Date(now.getTime() - 15 * day), expires_at: new Date(now.getTime() - day) },
        { token_hash: sha256('live'), account_id: account.id, created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + day) },
      ])
      .execute();
    await t.db
      .insertInto('login_attempt')
      .values([
        { email: account.email, ip: '10.0.0.1', attempted_at: new Date(now.getTime() - 31 * day), succeeded: false },
        { email: account.email, ip: '10.0.0.1', attempted_at: new Date(now.getTime() - day), succeeded: false },
      ])
      .execute();
    await t.db
      .insertInto('account_token')
      .values([
        { token_hash: sha256('old-link'), account_id: account.id, purpose: 'reset_password', created_at: new Date(now.getTime() - 40 * day), expires_at: new Date(now.getTime() - 39 * day) },
        { token_hash: sha256('new-link'), account_id: account.id, purpose: 'verify_email', created_at: now, expires_at: new Date(now.getTime() + day) },
      ])
      .execute();
    expect(await cleanUpAccounts(t.db, now)).toEqual({ sessions: 1, attempts: 1, tokens: 1 });
    expect(await t.db.selectFrom('session').select('token_hash').where('account_id', '=', account.id).execute()).toEqual([{ token_hash: sha256('live') }]);
    expect(await cleanUpAccounts(t.db, now)).toEqual({ sessions: 0, attempts: 0, tokens: 0 });
  });
});
