import type { Db } from '../shared/db/database.js';
import type { Secrets } from '../shared/secrets.js';
import { DEMO_PASSWORD, DEMO_DOMAIN, usableDemoAccounts, type PrintableAccount } from './accounts.js';
import { databaseState, seedDemoData, type DemoSummary } from './index.js';

/**
 * What `npm start` does about the demo dataset: load it on the first start of an empty
 * database (DEMO_DATA=true), and on every start list the demo accounts that still work,
 * so a newcomer who restarts still sees how to sign in. Returns the text to print once
 * the platform listens, or null when there are no demo accounts.
 */
export async function demoOnStart(
  db: Db,
  options: { load: boolean; now: Date; publicUrl: string; secrets: Secrets; log: (message: string) => void },
): Promise<string | null> {
  if (options.load) {
    const state = await databaseState(db);
    if (!state.bodies && !state.feedback) {
      options.log('First start on an empty database: loading the demo dataset (DEMO_DATA=false turns this off) …');
      try {
        const result = await seedDemoData(db, { now: options.now, publicUrl: options.publicUrl, secrets: options.secrets, when: 'fresh' });
        if (result.status === 'seeded') options.log(describeSeed(result.summary));
      } catch (error) {
        // The seed runs in one transaction: nothing of it was kept, and the next start tries again.
        options.log(
          `Could not load the demo dataset: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n` +
            'Nothing of it was kept (it loads in one transaction). The platform starts without it; the next start tries again, or run `npm run demo:seed`.',
        );
      }
    }
  }
  const accounts = await usableDemoAccounts(db);
  return accounts.length ? demoBanner(options.publicUrl, accounts) : null;
}

export function describeSeed(summary: DemoSummary): string {
  const s = (summary.ms / 1000).toFixed(1);
  return (
    `Demo dataset loaded in ${s} s: ${summary.bodies.bodies} public bodies, ${summary.bodies.categories} categories, ` +
    `${summary.accounts + summary.staffAccounts} accounts, ${summary.items} feedback items with their history, ` +
    `${summary.publicEvents} public-record events (linked into the hash chain in the background).`
  );
}

export function demoBanner(publicUrl: string, accounts: readonly PrintableAccount[]): string {
  const roleWidth = Math.max(4, ...accounts.map((a) => a.role.length));
  const emailWidth = Math.max(5, ...accounts.map((a) => a.email.length));
  const row = (role: string, email: string, password: string, name: string) => `  ${role.padEnd(roleWidth)}  ${email.padEnd(emailWidth)}  ${password.padEnd(DEMO_PASSWORD.length)}  ${name}`;
  return [
    'Demo accounts (demo data only: never use them on a platform people rely on)',
    '',
    row('role', 'email', 'password', 'name'),
    ...accounts.map((a) => row(a.role, a.email, DEMO_PASSWORD, a.displayName)),
    '',
    `Staff of the other bodies in the demo history sign in as <body slug>@${DEMO_DOMAIN} with the same password,`,
    `for example songinokhairkhan-district-governors-office@${DEMO_DOMAIN} (an office that falls behind).`,
    `Sign in at ${publicUrl}/account/sign-in`,
    '',
  ].join('\n');
}
