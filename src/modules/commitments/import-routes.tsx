import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../../shared/auth/guards.js';
import { AppError, forbidden, type FieldError } from '../../shared/errors.js';
import { localized } from '../../shared/views/context.js';
import { sendPage } from '../../shared/views/render.js';
import { checkPlanFile, importPlan, invalidFile, type ImportOptions } from './import.js';
import { LIMITS, type PlanKind } from './model.js';
import { canImport } from './policy.js';
import { UploadParams } from './schemas.js';
import { importPath, planPath } from './urls.js';
import { ImportPage, ImportPreviewPage, type ImportFormValues } from './views/import-pages.js';

interface Upload {
  values: ImportFormValues;
  filename: string;
  text: string | null;
  error: FieldError | null;
  status: number;
}

/** Reads the upload form: the file and the plan's address, owner, kind and place. */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  const values: ImportFormValues = { slug: '', owner: '', kind: 'national', place: '' };
  if (!req.isMultipart()) return { values, filename: '', text: null, error: { field: 'file', key: 'commitments:import.problem.no_file' }, status: 400 };
  let text: string | null = null;
  let filename = '';
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname !== 'file' || (!part.filename && data.length === 0)) continue;
        filename = part.filename;
        text = data.toString('utf8');
      } else if (typeof part.value === 'string' && part.fieldname in values) {
        values[part.fieldname as keyof ImportFormValues] = part.value.trim().slice(0, 100);
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return { values, filename, text: null, error: { field: 'file', key: 'commitments:import.problem.too_large' }, status: 413 };
    return { values, filename, text: null, error: { field: 'file', key: 'commitments:errors.upload_failed' }, status: 400 };
  }
  if (text === null || text.trim() === '') return { values, filename, text: null, error: { field: 'file', key: 'commitments:import.problem.no_file' }, status: 400 };
  return { values, filename, text, error: null, status: 200 };
}

function options(values: ImportFormValues): ImportOptions {
  const owner = /^[1-9][0-9]{0,9}$/.test(values.owner) ? Number(values.owner) : 0;
  const kind: PlanKind = values.kind === 'local' ? 'local' : 'national';
  return { slug: values.slug, ownerBodyId: owner <= 2_147_483_647 ? owner : 0, kind, placeCode: values.place || null };
}

/**
 * Import of a plan file by a platform admin, in two steps: the upload is checked and
 * shown (what will be created, every problem of the file at once, 4xx), then confirmed.
 * Only the confirmation writes, in one transaction; the upload waits in between.
 */
export default async function importRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const { db } = deps;
  await app.register(multipart, { limits: { fileSize: LIMITS.importBytes, files: 1, fields: 10, fieldSize: 200, fieldNameSize: 100, parts: 12, headerPairs: 100 } });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  function authorise(req: FastifyRequest) {
    const actor = requireActor(req);
    if (!canImport(actor)) throw forbidden();
    return actor;
  }

  async function bodies(req: FastifyRequest) {
    const rows = await db.selectFrom('organisation').where('kind', '=', 'body').select(['id', 'name_mn', 'name_en']).execute();
    return rows.map((b) => ({ id: b.id, name: localized(req.lang, b.name_mn, b.name_en) })).sort((a, b) => a.name.localeCompare(b.name, req.lang));
  }

  async function form(req: FastifyRequest, reply: FastifyReply, values: ImportFormValues, errors: FieldError[], status: number) {
    return sendPage(req, reply, <ImportPage bodies={await bodies(req)} values={values} errors={errors} />, status);
  }

  r.get(importPath, { schema: { hide: true } }, async (req, reply) => {
    authorise(req);
    return form(req, reply, { slug: '', owner: '', kind: 'national', place: '' }, [], 200);
  });

  r.post(importPath, { schema: { hide: true } }, async (req, reply) => {
    const actor = authorise(req);
    const upload = await readUpload(req);
    if (upload.error) return form(req, reply, upload.values, [upload.error], upload.status);
    let document: unknown;
    try {
      document = JSON.parse(upload.text!);
    } catch (error) {
      return form(req, reply, upload.values, [{ field: 'file', key: 'commitments:import.problem.not_json', params: { detail: (error as Error).message.slice(0, 200) } }], 400);
    }
    const opts = options(upload.values);
    const check = await checkPlanFile(db, document, opts);
    if (check.problems.length) {
      return form(req, reply, upload.values, invalidFile(check.problems).fields, 422);
    }
    const saved = await db
      .insertInto('commitment_import_upload')
      .values({
        account_id: actor.accountId,
        owner_body_id: opts.ownerBodyId,
        slug: opts.slug,
        kind: opts.kind,
        place_code: opts.placeCode,
        filename: upload.filename.slice(0, 200) || 'plan.json',
        document: JSON.stringify(document),
        created_at: req.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const owner = await db.selectFrom('organisation').where('id', '=', opts.ownerBodyId).select(['name_mn', 'name_en']).executeTakeFirstOrThrow();
    return sendPage(req, reply, <ImportPreviewPage uploadId={saved.id} check={check} ownerName={localized(req.lang, owner.name_mn, owner.name_en)} slug={opts.slug} />);
  });

  r.post(`${importPath}/:id/confirm`, { schema: { hide: true, params: UploadParams } }, async (req, reply) => {
    const actor = authorise(req);
    const upload = await db.selectFrom('commitment_import_upload').selectAll().where('id', '=', req.params.id).where('account_id', '=', actor.accountId).executeTakeFirst();
    if (!upload || upload.created_at.getTime() < req.now.getTime() - 86_400_000) throw new AppError('commitments.upload_expired', { status: 410 });
    const document = typeof upload.document === 'string' ? JSON.parse(upload.document) : upload.document;
    const opts: ImportOptions = { slug: upload.slug, ownerBodyId: upload.owner_body_id, kind: upload.kind, placeCode: upload.place_code };
    try {
      await db.transaction().execute(async (tx) => {
        await importPlan(tx, document, opts, req.now);
        await tx.deleteFrom('commitment_import_upload').where('id', '=', upload.id).execute();
      });
    } catch (error) {
      // Something changed since the check (the address was taken meanwhile): the form again, with why.
      if (error instanceof AppError && error.code === 'commitments.invalid_file') {
        return form(req, reply, { slug: upload.slug, owner: String(upload.owner_body_id), kind: upload.kind, place: upload.place_code ?? '' }, error.fields, 422);
      }
      throw error;
    }
    return reply.redirect(`${planPath(upload.slug)}?done=imported`, 303);
  });
}
