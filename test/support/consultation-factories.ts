import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/shared/db/database.js';
import { createCso } from '../../src/modules/bodies/commands/organisations.js';
import type { CommandContext } from '../../src/modules/consultations/commands/common.js';
import { createConsultation, publishConsultation } from '../../src/modules/consultations/commands/consultation.js';
import { addMembership, buildAccount, buildBody, type BuiltAccount } from './factories.js';

const FIXTURES = new URL('../../src/modules/consultations/fixtures/', import.meta.url);

/** The draft "Law on Public Participation in Decision-Making" (version 1 or its revised version 2). */
export function draftLaw(version: 1 | 2 = 1): string {
  return fs.readFileSync(new URL(`public-participation-law-v${version}.txt`, FIXTURES), 'utf8');
}

/** YYYY-MM-DD of an instant in Ulaanbaatar. */
export function ubDay(date: Date, plusDays = 0): string {
  return new Date(date.getTime() + 8 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

export interface ConsultationWorld {
  ministry: { id: number; slug: string; nameMn: string; nameEn: string };
  otherBody: { id: number; slug: string; nameMn: string; nameEn: string };
  staff: BuiltAccount;
  bodyAdmin: BuiltAccount;
  otherStaff: BuiltAccount;
  cso: { id: number; slug: string };
  otherCso: { id: number; slug: string };
  csoMember: BuiltAccount;
  citizen: BuiltAccount;
  unverified: BuiltAccount;
}

/**
 * A ministry with a member of staff and an admin, another body with its own staff, two
 * CSOs (one with a member), a citizen and an account that has not confirmed its email.
 */
export async function consultationWorld(db: Db): Promise<ConsultationWorld> {
  const suffix = randomBytes(3).toString('hex');
  const ministry = await buildBody(db, { type: 'ministry', nameMn: `Хууль зүй, дотоод хэргийн яам ${suffix}`, nameEn: `Ministry of Justice and Home Affairs ${suffix}` });
  const otherBody = await buildBody(db, { type: 'ministry', nameMn: `Сангийн яам ${suffix}`, nameEn: `Ministry of Finance ${suffix}` });
  const staff = await buildAccount(db, { displayName: 'Ганбат' });
  const bodyAdmin = await buildAccount(db, { displayName: 'Сарантуяа' });
  const otherStaff = await buildAccount(db, { displayName: 'Түвшин' });
  await addMembership(db, staff.id, ministry.id, 'member');
  await addMembership(db, bodyAdmin.id, ministry.id, 'admin');
  await addMembership(db, otherStaff.id, otherBody.id, 'member');
  const now = new Date();
  const csoId = await db.transaction().execute((tx) => createCso(tx, { slug: `open-society-${suffix}`, nameMn: `Нээлттэй нийгэм форум ${suffix}`, nameEn: `Open Society Forum ${suffix}` }, now));
  const otherCsoId = await db.transaction().execute((tx) => createCso(tx, { slug: `transparency-${suffix}`, nameMn: `Ил тод байдал сан ${suffix}`, nameEn: `Transparency Foundation ${suffix}` }, now));
  const csoMember = await buildAccount(db, { displayName: 'Оюунчимэг' });
  await addMembership(db, csoMember.id, csoId, 'member');
  const citizen = await buildAccount(db, { displayName: 'Болормаа' });
  const unverified = await buildAccount(db, { displayName: 'Тэмүүлэн', verified: false });
  return { ministry, otherBody, staff, bodyAdmin, otherStaff, cso: { id: csoId, slug: `open-society-${suffix}` }, otherCso: { id: otherCsoId, slug: `transparency-${suffix}` }, csoMember, citizen, unverified };
}

/** A consultation created through the real command; published unless `publish: false`. */
export async function buildConsultation(
  db: Db,
  ctx: CommandContext,
  input: { bodyId: number; staffId: number; text?: string; titleMn?: string; opensOn?: string; closesOn?: string; answerDays?: number; publish?: boolean },
): Promise<{ id: number }> {
  const created = await createConsultation(
    db,
    {
      bodyId: input.bodyId,
      kind: 'law',
      titleMn: input.titleMn ?? 'Шийдвэр гаргах үйл ажиллагаанд олон нийтийг оролцуулах тухай хуулийн төсөл',
      titleEn: 'Draft Law on Public Participation in Decision-Making',
      note: 'Төрийн байгууллага шийдвэр гаргахдаа иргэдийн саналыг авч, хариу өгөх журмыг тогтооно.',
      opensOn: input.opensOn ?? ubDay(ctx.now),
      closesOn: input.closesOn ?? ubDay(ctx.now, 30),
      answerDays: String(input.answerDays ?? 30),
      text: input.text ?? draftLaw(1),
    },
    { accountId: input.staffId },
    ctx,
  );
  if (input.publish !== false) await publishConsultation(db, created.id, { accountId: input.staffId }, ctx);
  return { id: created.id };
}

/** The unit id of an article (by number) in the current version of a consultation. */
export async function articleUnit(db: Db, consultationId: number, number: string, kind: 'article' | 'paragraph' | 'point' = 'article'): Promise<number> {
  const row = await db
    .selectFrom('consultation_element as e')
    .innerJoin('consultation_version as v', 'v.id', 'e.version_id')
    .where('v.consultation_id', '=', consultationId)
    .where('e.kind', '=', kind)
    .where('e.number', '=', number)
    .select('e.unit_id')
    .orderBy('v.number', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return row.unit_id;
}
