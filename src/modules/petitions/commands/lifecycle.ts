import { randomBytes } from 'node:crypto';
import { textLanguage } from '../../../shared/i18n/text-language.js';
import type { Db, Queryable } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { appendPublicEvent } from '../../../shared/public-record/append.js';
import { sha256 } from '../../../shared/secrets.js';
import { petitionStepReached, petitionSubmitted, petitionSubject } from '../events.js';
import { bodyRules, PETITION_BODY_TYPES } from '../ladder.js';
import { LIMITS, MODERATION_TARGET_DAYS } from '../model.js';
import { lockPetition, requireState, type CommandContext } from './common.js';

export interface DraftInput {
  bodySlug: string;
  title: string;
  action: string;
  background: string;
  /** One link per line. */
  links: string;
  language: 'mn' | 'en';
}

export interface CleanDraft {
  bodyId: number;
  title: string;
  action: string;
  background: string;
  links: string[];
  language: 'mn' | 'en';
}

/** Checks a draft against the limits and the body list; every problem at once. */
export async function validateDraft(db: Queryable, input: DraftInput): Promise<CleanDraft> {
  const fields: FieldError[] = [];
  const text = (name: 'title' | 'action' | 'background', value: string, max: number, required: boolean) => {
    const v = value.trim();
    if (!v && required) fields.push({ field: name, key: 'common:errors.field.required', params: { field: label(`petitions:field.${name}`) } });
    else if (v.length > max) fields.push({ field: name, key: 'common:errors.field.tooLong', params: { field: label(`petitions:field.${name}`), max } });
    return v;
  };
  const title = text('title', input.title, LIMITS.title, true);
  const action = text('action', input.action, LIMITS.action, true);
  const background = text('background', input.background, LIMITS.background, false);
  const links = input.links
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (links.length > LIMITS.links) fields.push({ field: 'links', key: 'petitions:errors.too_many_links', params: { max: LIMITS.links } });
  else if (links.some((l) => l.length > LIMITS.link || !/^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/i.test(l))) fields.push({ field: 'links', key: 'petitions:errors.bad_link' });
  let bodyId = 0;
  if (!input.bodySlug) fields.push({ field: 'body', key: 'common:errors.field.choose', params: { field: label('petitions:field.body') } });
  else {
    const body = await db
      .selectFrom('organisation as o')
      .innerJoin('body as b', 'b.organisation_id', 'o.id')
      .select(['o.id', 'b.body_type'])
      .where('o.slug', '=', input.bodySlug.slice(0, 80))
      .executeTakeFirst();
    if (!body || !PETITION_BODY_TYPES.includes(body.body_type)) fields.push({ field: 'body', key: 'petitions:errors.unknown_body' });
    else bodyId = body.id;
  }
  if (fields.length) throw new AppError('validation_failed', { fields });
  // The petition's language is the one its words are in; the page it was typed on decides only when they have no letters.
  return { bodyId, title, action, background, links, language: textLanguage(`${title} ${action} ${background}`) ?? input.language };
}

export async function createDraft(db: Db, creatorId: number, input: DraftInput, ctx: CommandContext): Promise<number> {
  const clean = await validateDraft(db, input);
  const row = await db
    .insertInto('petition')
    .values({
      body_id: clean.bodyId,
      creator_id: creatorId,
      title: clean.title,
      action: clean.action,
      background: clean.background,
      links: clean.links,
      language: clean.language,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDraft(db: Db, id: number, input: DraftInput, ctx: CommandContext): Promise<void> {
  const clean = await validateDraft(db, input);
  await db.transaction().execute(async (tx) => {
    const p = await lockPetition(tx, id);
    requireState(p, 'draft');
    await tx
      .updateTable('petition')
      .set({ body_id: clean.bodyId, title: clean.title, action: clean.action, background: clean.background, links: clean.links, language: clean.language, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
  });
}

/** The share link's secret for supporters, derived once and stored hashed. */
export function newShareKey(): { key: string; hash: Buffer } {
  const key = randomBytes(18).toString('base64url');
  return { key, hash: sha256(key) };
}

/**
 * The creator freezes the text and starts gathering supporters: the petition copies its
 * body's ladder (later changes to the ladder never alter it) and gets its share link.
 * Returns the share key (shown to the creator; only its hash is kept).
 */
export async function startCollecting(db: Db, id: number, ctx: CommandContext): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const p = await lockPetition(tx, id);
    requireState(p, 'draft');
    const rules = await bodyRules(tx, p.body_id);
    if (!rules) throw new AppError('petitions.unknown_body', { status: 400 });
    const { key, hash } = newShareKey();
    await tx.updateTable('petition').set({ state: 'collecting', collecting_at: ctx.now, updated_at: ctx.now, share_key_hash: hash }).where('id', '=', id).execute();
    await tx
      .insertInto('petition_step')
      .values(
        rules.steps.map((s, i) => ({
          petition_id: id,
          position: i + 1,
          counts: s.counts,
          threshold: s.threshold,
          consequence: s.consequence,
          act_within_days: s.actWithinDays,
          closes_voting: s.closesVoting,
        })),
      )
      .execute();
    // A body whose ladder has no supporters step sends the petition straight to moderation.
    if (!rules.steps.some((s) => s.counts === 'supporters')) await toModeration(tx, id, p.slug, 0, ctx);
    return key;
  });
}

/** A new share key for a collecting petition (the old link stops working). */
export async function renewShareKey(db: Db, id: number, ctx: CommandContext): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const p = await lockPetition(tx, id);
    requireState(p, 'collecting');
    const { key, hash } = newShareKey();
    await tx.updateTable('petition').set({ share_key_hash: hash, updated_at: ctx.now }).where('id', '=', id).execute();
    return key;
  });
}

export async function findByShareKey(db: Queryable, key: string): Promise<number | null> {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(key)) return null;
  const row = await db.selectFrom('petition').select('id').where('share_key_hash', '=', sha256(key)).executeTakeFirst();
  return row?.id ?? null;
}

async function toModeration(tx: Queryable, id: number, slug: string, supporters: number, ctx: CommandContext): Promise<void> {
  const due = new Date(ctx.now.getTime() + MODERATION_TARGET_DAYS * 86_400_000);
  await tx.updateTable('petition').set({ state: 'moderation', moderation_at: ctx.now, moderation_due_at: due, updated_at: ctx.now }).where('id', '=', id).execute();
  await appendPublicEvent(tx, { kind: petitionSubmitted, subject: petitionSubject(id), payload: { petition: id, body: slug, supporters, moderation_due_at: due.toISOString() }, occurredAt: ctx.now });
}

/**
 * A signed-in person supports a collecting petition through its share link. When the
 * supporters step is reached the petition goes to moderation (the step's time is
 * recorded in the public record). Returns whether this support was new.
 */
export async function supportPetition(db: Db, id: number, accountId: number, ctx: CommandContext): Promise<{ added: boolean; toModeration: boolean }> {
  return db.transaction().execute(async (tx) => {
    const p = await lockPetition(tx, id);
    requireState(p, 'collecting');
    if (p.creator_id === accountId) throw new AppError('petitions.own_petition', { status: 409 });
    const inserted = await tx
      .insertInto('petition_supporter')
      .values({ petition_id: id, account_id: accountId, supported_at: ctx.now })
      .onConflict((oc) => oc.doNothing())
      .returning('account_id')
      .executeTakeFirst();
    if (!inserted) return { added: false, toModeration: false };
    const updated = await tx.updateTable('petition').set({ supporter_count: (eb) => eb('supporter_count', '+', 1), updated_at: ctx.now }).where('id', '=', id).returning('supporter_count').executeTakeFirstOrThrow();
    const step = await tx.selectFrom('petition_step').selectAll().where('petition_id', '=', id).where('counts', '=', 'supporters').where('reached_at', 'is', null).executeTakeFirst();
    if (!step || updated.supporter_count < step.threshold) return { added: true, toModeration: false };
    await tx.updateTable('petition_step').set({ reached_at: ctx.now }).where('petition_id', '=', id).where('position', '=', step.position).execute();
    await appendPublicEvent(tx, {
      kind: petitionStepReached,
      subject: petitionSubject(id),
      payload: { petition: id, body: p.slug, position: step.position, counts: 'supporters', threshold: step.threshold, consequence: step.consequence, reached_at: ctx.now.toISOString(), due_at: null },
      occurredAt: ctx.now,
    });
    await toModeration(tx, id, p.slug, updated.supporter_count, ctx);
    return { added: true, toModeration: true };
  });
}
