import type { TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildAccount, grantPlatformRole, signIn, type BuiltAccount } from '../../../test/support/factories.js';

/** Test helpers for the admin pages: a signed-in platform admin and row counts. */

export async function signedInAdmin(t: TestApp, options: { lang?: 'mn' | 'en'; displayName?: string } = {}): Promise<{ client: WebClient; account: BuiltAccount }> {
  const account = await buildAccount(t.db, { displayName: options.displayName ?? 'Энхжаргал' });
  await grantPlatformRole(t.db, account.id, 'platform_admin');
  const client = new WebClient(t.app);
  if (options.lang === 'en') client.setCookie('lang', 'en');
  await signIn(client, account.email, account.password);
  return { client, account };
}

type Counted = 'category' | 'routing_rule' | 'routing_rule_change' | 'deadline_rule' | 'public_holiday';

export async function rowCount(t: TestApp, table: Counted): Promise<number> {
  const row = await t.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** Every table the admin pages write, counted: a refused request must leave them all as they were. */
export async function snapshot(t: TestApp): Promise<Record<Counted, number>> {
  const tables: Counted[] = ['category', 'routing_rule', 'routing_rule_change', 'deadline_rule', 'public_holiday'];
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await rowCount(t, table)]))) as Record<Counted, number>;
}

/** The text of the page's error summary, or ''. */
export function errorSummary(html: string): string {
  const match = html.match(/<div class="error-summary"[^]*?<\/div>/);
  return match ? match[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : '';
}
