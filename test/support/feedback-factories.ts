import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/shared/db/database.js';
import type { BodyType } from '../../src/shared/db/db-types.js';
import { submitFeedback, type SubmitFeedbackInput } from '../../src/modules/feedback/commands/submit.js';
import type { CommandContext } from '../../src/modules/feedback/commands/common.js';
import { invalidateFeedbackReference } from '../../src/modules/feedback/reference.js';

const unique = () => randomBytes(4).toString('hex');

export interface BuiltBody {
  id: number;
  slug: string;
  name_mn: string;
  name_en: string;
}

/** A public body with its own organisation row; every call makes a new one. */
export async function createBody(db: Db, overrides: { slug?: string; type?: BodyType; placeCode?: string | null; superiorId?: number | null; nameMn?: string; nameEn?: string } = {}): Promise<BuiltBody> {
  const suffix = unique();
  const org = await db
    .insertInto('organisation')
    .values({ kind: 'body', slug: overrides.slug ?? `body-${suffix}`, name_mn: overrides.nameMn ?? `Байгууллага ${suffix}`, name_en: overrides.nameEn ?? `Body ${suffix}` })
    .returning(['id', 'slug', 'name_mn', 'name_en'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('body')
    .values({ organisation_id: org.id, body_type: overrides.type ?? 'governor_office', superior_body_id: overrides.superiorId ?? null, place_code: overrides.placeCode ?? null })
    .execute();
  // Rows written behind the commands' back: the in-memory configuration must reload.
  invalidateFeedbackReference();
  return org;
}

export async function createCategory(db: Db, overrides: { code?: string; nameMn?: string; nameEn?: string } = {}): Promise<{ id: number; code: string }> {
  const code = overrides.code ?? `cat_${unique()}`;
  const category = await db
    .insertInto('category')
    .values({ code, name_mn: overrides.nameMn ?? `Ангилал ${code}`, name_en: overrides.nameEn ?? `Category ${code}` })
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
  invalidateFeedbackReference();
  return category;
}

export async function addRoutingRule(db: Db, rule: { bodyId: number; categoryId?: number | null; placeCode?: string | null }): Promise<void> {
  await db.insertInto('routing_rule').values({ body_id: rule.bodyId, category_id: rule.categoryId ?? null, place_code: rule.placeCode ?? null }).execute();
  invalidateFeedbackReference();
}

/**
 * A ready world for feedback tests: a düüreg governor's office (Bayanzürkh, 1110) under the
 * capital's office, a category, a rule routing it there, and a national fallback body if
 * the database has none yet.
 */
export async function feedbackWorld(db: Db) {
  const capital = await createBody(db, { placeCode: '11', nameMn: 'Нийслэлийн Засаг даргын Тамгын газар', nameEn: 'Capital City Governor’s Office' });
  const district = await createBody(db, { placeCode: '1110', superiorId: capital.id, nameMn: 'Баянзүрх дүүргийн Засаг даргын Тамгын газар', nameEn: 'Bayanzürkh District Governor’s Office' });
  const category = await createCategory(db);
  await addRoutingRule(db, { bodyId: district.id, categoryId: category.id, placeCode: '1110' });
  const hasFallback = await db.selectFrom('routing_rule').select('id').where('category_id', 'is', null).where('place_code', 'is', null).executeTakeFirst();
  let fallback: BuiltBody | undefined;
  if (!hasFallback) {
    fallback = await createBody(db, { type: 'hotline', nameMn: '11-11 төв', nameEn: '11-11 Centre' });
    await addRoutingRule(db, { bodyId: fallback.id });
  }
  return { capital, district, category, fallback };
}

/** Submits feedback through the real command, with sensible defaults. */
export async function buildFeedback(db: Db, ctx: CommandContext, input: Partial<SubmitFeedbackInput> & { categoryCode: string }) {
  return submitFeedback(
    db,
    {
      kind: 'complaint',
      placeCode: '111059',
      title: 'Хогийн сав цэвэрлэгдэхгүй байна',
      description: 'Манай байрны хогийн савыг хоёр долоо хоног ачаагүй байна.',
      language: 'mn',
      wantsPublic: true,
      channel: 'web',
      ...input,
    },
    ctx,
  );
}

/** A member of staff of a body (no usable password: for command-level tests). */
export async function createStaffMember(db: Db, bodyId: number, role: 'member' | 'admin' = 'member'): Promise<{ accountId: number }> {
  const account = await db
    .insertInto('account')
    .values({ email: `staff-${unique()}@example.mn`, password_hash: '!', display_name: 'Staff', email_verified_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('membership').values({ account_id: account.id, organisation_id: bodyId, role }).execute();
  return { accountId: account.id };
}
