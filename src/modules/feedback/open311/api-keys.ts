import { sql } from 'kysely';
import type { Db, Queryable } from '../../../shared/db/database.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { newToken, sha256 } from '../../../shared/secrets.js';
import { normaliseEmail } from '../model.js';

/**
 * API keys of Open311 client applications. A key is random, shown once when issued
 * and stored only as its SHA-256 (a key is 192 random bits, so a fast hash is enough:
 * there is nothing to brute-force). The first characters are kept in clear so an
 * administrator can tell keys apart.
 */
export const API_KEY_MARK = 'irg_';
const PREFIX_LENGTH = API_KEY_MARK.length + 6;
export const CLIENT_NAME_MAX = 120;
/** Longer strings cannot be keys; refusing them early keeps hashing cheap. */
const KEY_MAX_LENGTH = 100;

export interface ApiClientRef {
  id: number;
  name: string;
}

export interface IssuedKey {
  id: number;
  name: string;
  key: string;
  prefix: string;
}

export function newApiKey(): { key: string; hash: Buffer; prefix: string } {
  const key = API_KEY_MARK + newToken(24).token;
  return { key, hash: sha256(key), prefix: key.slice(0, PREFIX_LENGTH) };
}

export function checkClientInput(input: { name: string; contactEmail?: string | null }): { name: string; contactEmail: string | null; fields: FieldError[] } {
  const fields: FieldError[] = [];
  const name = input.name.trim();
  if (!name) fields.push({ field: 'name', key: 'common:errors.field.required', params: { field: label('open311:field.name') } });
  else if (name.length > CLIENT_NAME_MAX) fields.push({ field: 'name', key: 'common:errors.field.tooLong', params: { field: label('open311:field.name'), max: CLIENT_NAME_MAX } });
  const rawEmail = input.contactEmail?.trim() || null;
  const contactEmail = rawEmail ? normaliseEmail(rawEmail) : null;
  if (rawEmail && !contactEmail) fields.push({ field: 'contactEmail', key: 'common:errors.field.email' });
  return { name, contactEmail, fields };
}

/** Registers a client application and returns its key: the only time the key exists in clear. */
export async function issueApiKey(db: Queryable, input: { name: string; contactEmail?: string | null; createdBy?: number | null; now: Date }): Promise<IssuedKey> {
  const { name, contactEmail, fields } = checkClientInput(input);
  if (fields.length) throw new AppError('validation_failed', { fields });
  const { key, hash, prefix } = newApiKey();
  const row = await db
    .insertInto('api_client')
    .values({ name, contact_email: contactEmail, key_hash: hash, key_prefix: prefix, created_at: input.now, created_by: input.createdBy ?? null })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, key, prefix };
}

/** Revokes a key for good; requests already filed with it stay. Returns the client, or null if unknown. */
export async function revokeApiKey(db: Queryable, id: number, now: Date): Promise<ApiClientRef | null> {
  const row = await db
    .updateTable('api_client')
    .set({ revoked_at: sql<Date>`coalesce(revoked_at, ${now})` })
    .where('id', '=', id)
    .returning(['id', 'name'])
    .executeTakeFirst();
  return row ?? null;
}

export async function listApiClients(db: Queryable) {
  return db
    .selectFrom('api_client')
    .leftJoin('account', 'account.id', 'api_client.created_by')
    .select(['api_client.id', 'api_client.name', 'api_client.contact_email', 'api_client.key_prefix', 'api_client.created_at', 'api_client.revoked_at', 'account.display_name as created_by_name'])
    .orderBy('api_client.revoked_at', (ob) => ob.desc().nullsFirst())
    .orderBy('api_client.created_at', 'desc')
    .orderBy('api_client.id', 'desc')
    .execute();
}

export type ApiClientRow = Awaited<ReturnType<typeof listApiClients>>[number];

/**
 * Checks keys on the submission hot path: one indexed lookup (api_client.key_hash is
 * UNIQUE) per key per TTL, answers from memory in between. Unknown keys are remembered
 * too, briefly, so a client hammering with a wrong key costs no queries. A revocation in
 * this process clears the cache at once; other processes notice within the TTL.
 */
export class ApiKeyChecker {
  private readonly cache = new Map<string, { client: ApiClientRef | null; until: number }>();

  constructor(
    private readonly db: Db,
    private readonly options: { ttlMs?: number; negativeTtlMs?: number; maxEntries?: number } = {},
  ) {}

  async check(key: string): Promise<ApiClientRef | null> {
    if (!key.startsWith(API_KEY_MARK) || key.length > KEY_MAX_LENGTH) return null;
    const hash = sha256(key);
    const cacheKey = hash.toString('base64');
    const now = Date.now();
    const cached = this.cache.get(cacheKey);
    if (cached && cached.until > now) return cached.client;
    const row = await this.db.selectFrom('api_client').select(['id', 'name']).where('key_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
    const client = row ?? null;
    if (this.cache.size >= (this.options.maxEntries ?? 10_000)) this.cache.clear();
    this.cache.set(cacheKey, { client, until: now + (client ? (this.options.ttlMs ?? 30_000) : (this.options.negativeTtlMs ?? 5_000)) });
    return client;
  }

  /** Forget every cached answer (after a revocation). */
  forget(): void {
    this.cache.clear();
  }
}
