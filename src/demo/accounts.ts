import { hashPassword, verifyPassword } from '../modules/accounts/passwords.js';
import { addMember } from '../modules/bodies/commands/membership.js';
import { DEMO_SLUGS } from '../modules/bodies/demo-data.js';
import type { PlatformRole } from '../shared/auth/actor.js';
import type { Queryable, Tx } from '../shared/db/database.js';

/**
 * The demo accounts: one for every role, printed at start so a newcomer can sign in as
 * each. They share one password that says what it is; they live at a reserved demo
 * domain. Never run the demo dataset on a platform people really use.
 */
export const DEMO_PASSWORD = 'irgen-demo-2026';
export const DEMO_DOMAIN = 'demo.irgen.mn';

export type DemoRole = 'citizen' | 'operator' | 'staff' | 'bodyAdmin' | 'ruralStaff' | 'moderator' | 'admin' | 'cso';

export interface DemoAccount {
  key: DemoRole;
  /** What the account can do, as printed in the table. */
  role: string;
  email: string;
  displayName: string;
  platformRoles: PlatformRole[];
  membership?: { slug: string; role: 'member' | 'admin' };
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { key: 'citizen', role: 'citizen', email: `citizen@${DEMO_DOMAIN}`, displayName: 'Г.Энхтуяа', platformRoles: [] },
  {
    key: 'operator',
    role: 'operator, 11-11 centre',
    email: `operator@${DEMO_DOMAIN}`,
    displayName: 'Д.Сарангэрэл',
    platformRoles: ['operator'],
    membership: { slug: DEMO_SLUGS.hotline, role: 'member' },
  },
  {
    key: 'staff',
    role: 'body staff, Bayanzürkh district',
    email: `staff.bayanzurkh@${DEMO_DOMAIN}`,
    displayName: 'Б.Мөнхбат',
    platformRoles: [],
    membership: { slug: DEMO_SLUGS.bayanzurkh, role: 'member' },
  },
  {
    key: 'bodyAdmin',
    role: 'body admin, Bayanzürkh district',
    email: `admin.bayanzurkh@${DEMO_DOMAIN}`,
    displayName: 'Ц.Оюунчимэг',
    platformRoles: [],
    membership: { slug: DEMO_SLUGS.bayanzurkh, role: 'admin' },
  },
  {
    key: 'ruralStaff',
    role: 'body staff, Arvaikheer soum (Övörkhangai)',
    email: `staff.arvaikheer@${DEMO_DOMAIN}`,
    displayName: 'Л.Ганзориг',
    platformRoles: [],
    membership: { slug: DEMO_SLUGS.arvaikheer, role: 'member' },
  },
  { key: 'moderator', role: 'moderator', email: `moderator@${DEMO_DOMAIN}`, displayName: 'Э.Нарантуяа', platformRoles: ['moderator'] },
  { key: 'admin', role: 'platform admin', email: `admin@${DEMO_DOMAIN}`, displayName: 'С.Төмөрбаатар', platformRoles: ['platform_admin'] },
  {
    key: 'cso',
    role: 'CSO member, Open Society Forum',
    email: `cso@${DEMO_DOMAIN}`,
    displayName: 'О.Болормаа',
    platformRoles: [],
    membership: { slug: 'open-society-forum', role: 'member' },
  },
];

/** Names for the staff of the other demo bodies, given out in order. */
const STAFF_NAMES = [
  'Б.Энхбаяр',
  'Д.Оюунгэрэл',
  'Г.Батсүх',
  'Ж.Мөнхцэцэг',
  'Н.Ганзориг',
  'С.Ариунзаяа',
  'Т.Эрдэнэчимэг',
  'Ө.Баттулга',
  'Л.Сарнай',
  'Ч.Мягмарсүрэн',
  'Р.Отгонбаяр',
  'П.Гэрэлмаа',
  'Х.Төгөлдөр',
  'Э.Хонгорзул',
  'М.Пүрэвдорж',
  'А.Нандин-Эрдэнэ',
  'Ц.Лхагвасүрэн',
  'Б.Цэцэгсүрэн',
  'О.Амарсайхан',
  'Д.Уянга',
  'Г.Чинбат',
  'Ш.Энхжаргал',
  'Я.Дөлгөөн',
  'Ё.Ганчимэг',
];

export type DemoAccountIds = Record<DemoRole, number>;

async function insertAccount(tx: Tx, input: { email: string; displayName: string; passwordHash: string; at: Date }): Promise<number> {
  const inserted = await tx
    .insertInto('account')
    .values({ email: input.email, display_name: input.displayName, password_hash: input.passwordHash, preferred_lang: 'mn', email_verified_at: input.at, created_at: input.at })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return inserted.id;
  return (await tx.selectFrom('account').select('id').where('email', '=', input.email).executeTakeFirstOrThrow()).id;
}

async function organisationId(tx: Tx, slug: string): Promise<number> {
  return (await tx.selectFrom('organisation').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}

async function ensureMember(tx: Tx, organisation: number, email: string, role: 'member' | 'admin', at: Date): Promise<void> {
  const present = await tx.selectFrom('membership').innerJoin('account', 'account.id', 'membership.account_id').select('account.id').where('organisation_id', '=', organisation).where('account.email', '=', email).executeTakeFirst();
  if (!present) await addMember(tx, { organisationId: organisation, by: null, now: at, email, role });
}

/**
 * Creates the demo accounts (confirmed, with their roles and memberships) and returns
 * their ids. Accounts that already exist are kept as they are.
 */
export async function createDemoAccounts(tx: Tx, passwordHash: string, at: Date): Promise<DemoAccountIds> {
  const ids = {} as DemoAccountIds;
  for (const account of DEMO_ACCOUNTS) {
    const id = await insertAccount(tx, { email: account.email, displayName: account.displayName, passwordHash, at });
    ids[account.key] = id;
    for (const role of account.platformRoles) {
      await tx.insertInto('account_platform_role').values({ account_id: id, role, granted_at: at }).onConflict((oc) => oc.doNothing()).execute();
    }
    if (account.membership) await ensureMember(tx, await organisationId(tx, account.membership.slug), account.email, account.membership.role, at);
  }
  return ids;
}

/** The address of the staff account of another demo body: its slug at the demo domain. */
export function bodyStaffEmail(slug: string): string {
  return `${slug}@${DEMO_DOMAIN}`;
}

/**
 * Who acts for each body in the demo history: the printed accounts for Bayanzürkh, the
 * 11-11 centre and Arvaikheer; for every other body a staff account (its admin) made the
 * first time that body has something to do.
 */
export class DemoStaff {
  private readonly byBody = new Map<number, { actor: number; assignee: number }>();
  private made = 0;

  constructor(
    private readonly tx: Tx,
    private readonly passwordHash: string,
    private readonly since: Date,
    ids: DemoAccountIds,
    known: { hotline: number; bayanzurkh: number; arvaikheer: number },
  ) {
    this.byBody.set(known.hotline, { actor: ids.operator, assignee: ids.operator });
    this.byBody.set(known.bayanzurkh, { actor: ids.bodyAdmin, assignee: ids.staff });
    this.byBody.set(known.arvaikheer, { actor: ids.ruralStaff, assignee: ids.ruralStaff });
  }

  /** `actor` assigns; `assignee` does the work and answers. */
  async of(body: { id: number; slug: string }): Promise<{ actor: number; assignee: number }> {
    const known = this.byBody.get(body.id);
    if (known) return known;
    const email = bodyStaffEmail(body.slug);
    const name = STAFF_NAMES[this.made++ % STAFF_NAMES.length]!;
    const id = await insertAccount(this.tx, { email, displayName: name, passwordHash: this.passwordHash, at: this.since });
    await ensureMember(this.tx, body.id, email, 'admin', this.since);
    const staff = { actor: id, assignee: id };
    this.byBody.set(body.id, staff);
    return staff;
  }

  get count(): number {
    return this.made;
  }
}

export function demoPasswordHash(): Promise<string> {
  return hashPassword(DEMO_PASSWORD);
}

export interface PrintableAccount {
  role: string;
  email: string;
  displayName: string;
}

/**
 * The demo accounts that still exist, are enabled and still have the demo password
 * (someone who changed it does not want it printed): what the start banner lists.
 */
export async function usableDemoAccounts(db: Queryable): Promise<PrintableAccount[]> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const rows = await db.selectFrom('account').select(['email', 'password_hash']).where('email', 'in', emails).where('disabled_at', 'is', null).execute();
  const usable = new Set<string>();
  await Promise.all(rows.map(async (r) => void ((await verifyPassword(r.password_hash, DEMO_PASSWORD)) && usable.add(r.email))));
  return DEMO_ACCOUNTS.filter((a) => usable.has(a.email)).map((a) => ({ role: a.role, email: a.email, displayName: a.displayName }));
}
