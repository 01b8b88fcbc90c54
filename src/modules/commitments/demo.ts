import fs from 'node:fs';
import type { Clock } from '../../shared/clock.js';
import type { Db, Tx } from '../../shared/db/database.js';
import { createBody } from '../bodies/commands/bodies.js';
import { addMember } from '../bodies/commands/membership.js';
import { importPlan, type ImportResult } from './import.js';
import { KNOWN_ORGANISATIONS } from './known-organisations.js';

/**
 * The commitments of the demo dataset: Mongolia's OGP National Action Plan IV, imported
 * from the report's data (plan-files/ogp-nap4-mongolia.json, with the Mongolian translations
 * of ogp-nap4-mongolia.mn.json), and, where the demo bodies are there, the development
 * priorities of Bayandun soum agreed at the 2022 community workshop. Each lead body and
 * the plans' owners get a staff account `<body slug>@demo.irgen.mn` (the demo
 * convention), so a newcomer can report progress as the Ministry of Justice.
 *
 * Idempotent: a plan that exists already is left alone. One transaction.
 */
export const NAP4_SLUG = 'ogp-nap-iv';
export const LOCAL_SLUG = 'bayandun-soum-priorities';
const CABINET_SECRETARIAT = 'cabinet-secretariat';
const BAYANDUN_OFFICE = 'dornod-bayandun-soum-governors-office';
const DEMO_DOMAIN = 'demo.irgen.mn';

const DATA = new URL('./plan-files/', import.meta.url);

export function readDataFile(name: string): unknown {
  return JSON.parse(fs.readFileSync(new URL(name, DATA), 'utf8'));
}

interface Nap4Translations {
  plan: { title_mn: string; background_mn: string[]; process_mn: string[] };
  lessons_mn: string[];
  commitments: Record<string, string>;
}

/** The NAP IV plan file with its Mongolian translations added (the file itself stays as published). */
export function nap4Document(): Record<string, unknown> {
  const document = readDataFile('ogp-nap4-mongolia.json') as { plan: Record<string, unknown>; commitments: { number: number; [k: string]: unknown }[]; [k: string]: unknown };
  const mn = readDataFile('ogp-nap4-mongolia.mn.json') as Nap4Translations;
  const plan: Record<string, unknown> = {};
  // Each translation right after the field it translates, so the exported file reads naturally.
  for (const [key, value] of Object.entries(document.plan)) {
    plan[key] = value;
    if (key === 'title') plan.title_mn = mn.plan.title_mn;
    if (key === 'background') plan.background_mn = mn.plan.background_mn;
    if (key === 'process') plan.process_mn = mn.plan.process_mn;
  }
  const commitments = document.commitments.map((c) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(c)) {
      out[key] = value;
      if (key === 'title' && mn.commitments[String(c.number)]) out.title_mn = mn.commitments[String(c.number)];
    }
    return out;
  });
  return { ...document, plan, commitments, lessons_mn: mn.lessons_mn };
}

async function organisationId(tx: Tx, slug: string): Promise<number | undefined> {
  return (await tx.selectFrom('organisation').where('slug', '=', slug).select('id').executeTakeFirst())?.id;
}

/** The Cabinet Secretariat (NAP IV's owner), created if the bodies' demo data is not there. */
async function cabinetSecretariat(tx: Tx, now: Date): Promise<number> {
  const existing = await organisationId(tx, CABINET_SECRETARIAT);
  if (existing) return existing;
  const known = KNOWN_ORGANISATIONS['Cabinet Secretariat'];
  if (!known || typeof known === 'string') throw new Error('the Cabinet Secretariat is missing from known-organisations.ts');
  return createBody(tx, { slug: known.slug, type: known.type ?? 'agency', nameMn: known.nameMn, nameEn: known.nameEn, placeCode: null, superiorSlug: null }, now);
}

/** A staff account of a body, `<slug>@demo.irgen.mn`, as admin; an account or membership that exists is kept. */
async function ensureStaff(tx: Tx, bodyId: number, slug: string, displayName: string, passwordHash: string, now: Date): Promise<void> {
  const email = `${slug}@${DEMO_DOMAIN}`;
  await tx
    .insertInto('account')
    .values({ email, display_name: displayName, password_hash: passwordHash, preferred_lang: 'mn', email_verified_at: now, created_at: now })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute();
  const member = await tx.selectFrom('membership').innerJoin('account', 'account.id', 'membership.account_id').where('membership.organisation_id', '=', bodyId).where('account.email', '=', email).select('account.id').executeTakeFirst();
  if (!member) await addMember(tx, { organisationId: bodyId, by: null, now, email, role: 'admin' });
}

/** Names of the demo staff of the bodies that lead NAP IV milestones and own the plans. */
const STAFF_NAMES: Record<string, string> = {
  'cabinet-secretariat': 'Б.Болорсайхан',
  'ministry-of-justice-and-home-affairs': 'Д.Батжаргал',
  'ministry-of-mining-and-heavy-industry': 'Г.Энхбаатар',
  'ministry-of-finance': 'Ц.Оюунбилэг',
  'ministry-of-health': 'Н.Солонго',
  'ministry-of-digital-development-and-communications': 'Э.Тэмүүлэн',
  'dornod-bayandun-soum-governors-office': 'С.Алтанцэцэг',
};

export interface DemoCommitmentsResult {
  plans: { slug: string; result: ImportResult }[];
  skipped: string[];
}

/**
 * Loads the demo plans. `passwordHash` is the demo accounts' password hash (src/demo
 * passes its own; by default the demo password is hashed here).
 */
export async function seedDemoCommitments(db: Db, clock: Clock, options: { passwordHash?: string } = {}): Promise<DemoCommitmentsResult> {
  const now = clock.now();
  const passwordHash = options.passwordHash ?? (await (await import('../accounts/passwords.js')).hashPassword('irgen-demo-2026'));
  return db.transaction().execute(async (tx) => {
    const out: DemoCommitmentsResult = { plans: [], skipped: [] };
    const present = new Set((await tx.selectFrom('commitment_plan').select('slug').execute()).map((p) => p.slug));

    if (present.has(NAP4_SLUG)) out.skipped.push(NAP4_SLUG);
    else {
      const owner = await cabinetSecretariat(tx, now);
      const result = await importPlan(tx, nap4Document(), { slug: NAP4_SLUG, ownerBodyId: owner, kind: 'national', placeCode: null }, now);
      out.plans.push({ slug: NAP4_SLUG, result });
    }

    const bayandun = await organisationId(tx, BAYANDUN_OFFICE);
    if (present.has(LOCAL_SLUG) || !bayandun) out.skipped.push(LOCAL_SLUG);
    else {
      const result = await importPlan(tx, readDataFile('bayandun-soum-priorities.json'), { slug: LOCAL_SLUG, ownerBodyId: bayandun, kind: 'local', placeCode: '2104' }, now);
      out.plans.push({ slug: LOCAL_SLUG, result });
    }

    for (const [slug, name] of Object.entries(STAFF_NAMES)) {
      const id = await organisationId(tx, slug);
      if (id) await ensureStaff(tx, id, slug, name, passwordHash, now);
    }
    return out;
  });
}
