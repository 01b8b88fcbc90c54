import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildAccount, grantPlatformRole, signIn } from '../../../test/support/factories.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

/** Runs `npm run admin:create`'s entry point as a real process against this file's test database. */
function createAdmin(args: string[], options: { password?: string; stdin?: string; databaseUrl?: string } = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: options.databaseUrl ?? t.database.url, PUBLIC_URL: 'http://irgen.test', LOG_LEVEL: 'error' };
  delete env.IRGEN_ADMIN_PASSWORD;
  if (options.password !== undefined) env.IRGEN_ADMIN_PASSWORD = options.password;
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['src/cli/create-admin.ts', ...args], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

async function adminRoles(email: string) {
  return t.db
    .selectFrom('account')
    .leftJoin('account_platform_role', 'account_platform_role.account_id', 'account.id')
    .where('account.email', '=', email)
    .select(['account.id', 'account.email_verified_at', 'account.display_name', 'account.password_hash', 'account_platform_role.role'])
    .execute();
}

describe('npm run admin:create', () => {
  it('creates a confirmed platform admin with the password from IRGEN_ADMIN_PASSWORD, who can then sign in', async () => {
    const result = await createAdmin(['Tuya@Example.MN', 'Tuya', 'Bold'], { password: 'the first admin passphrase' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Created platform admin tuya@example\.mn \(account \d+\)\. Sign in at http:\/\/irgen\.test\/account\/sign-in\n$/);
    const rows = await adminRoles('tuya@example.mn');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ display_name: 'Tuya Bold', role: 'platform_admin' });
    expect(rows[0]!.email_verified_at).not.toBeNull();
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);

    const client = new WebClient(t.app);
    await signIn(client, 'tuya@example.mn', 'the first admin passphrase');
    expect((await client.get('/account')).body).toContain('Платформын админ');
  });

  it('reads the password from standard input when the variable is not set', async () => {
    const result = await createAdmin(['piped@example.mn', 'Piped Admin'], { stdin: 'a piped admin passphrase\nignored second line\n' });
    expect(result.code).toBe(0);
    const client = new WebClient(t.app);
    await signIn(client, 'piped@example.mn', 'a piped admin passphrase');
  });

  it('grants the role to an existing account without touching its password, and says so', async () => {
    const account = await buildAccount(t.db, { displayName: 'Existing' });
    const before = await adminRoles(account.email);
    const result = await createAdmin([account.email, 'Another Name']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`${account.email} already had an account (${account.id}); it is now a platform admin`);
    const after = await adminRoles(account.email);
    expect(after[0]).toMatchObject({ role: 'platform_admin', display_name: 'Existing', password_hash: before[0]!.password_hash });

    const again = await createAdmin([account.email, 'Existing']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('is already a platform admin');
    expect(await adminRoles(account.email)).toHaveLength(1);
  });

  it('keeps other roles of an existing account', async () => {
    const account = await buildAccount(t.db);
    await grantPlatformRole(t.db, account.id, 'moderator');
    expect((await createAdmin([account.email, 'X'])).code).toBe(0);
    expect((await adminRoles(account.email)).map((r) => r.role).sort()).toEqual(['moderator', 'platform_admin']);
  });

  it('refuses a bad address or an empty name with a message and exit code 1, before touching the database', async () => {
    const bad = await createAdmin(['not-an-address', 'Name'], { databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Enter an email address in the correct format');
    const noName = await createAdmin(['ok@example.mn', '   '], { databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
    expect(noName.code).toBe(1);
    expect(noName.stderr).toContain('Enter your name');
  });

  it('refuses a weak or missing password with the rule it breaks, creating nothing', async () => {
    const weak = await createAdmin(['weak@example.mn', 'Weak'], { password: '1234567890' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('This password is very common');
    const short = await createAdmin(['weak@example.mn', 'Weak'], { stdin: 'short\n' });
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('Password must be at least 10 characters');
    const none = await createAdmin(['weak@example.mn', 'Weak']);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Enter a new password');
    expect(await adminRoles('weak@example.mn')).toHaveLength(0);
  });

  it('prints its usage and exits 2 without arguments', async () => {
    const result = await createAdmin([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run admin:create -- <email> <display name>');
  });

  it('exits 1 with a message when the database cannot be reached', async () => {
    const result = await createAdmin(['down@example.mn', 'Down'], { password: 'a perfectly fine passphrase', databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Could not create the admin: /);
  });
});
