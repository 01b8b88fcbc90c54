import { Readable } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { AppDeps } from '../../deps.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { formErrors } from '../http/form.js';
import type { Translate } from '../i18n/index.js';
import type { Option } from '../views/components.js';
import { sendPage } from '../views/render.js';
import { publicEventTypes } from './events.js';
import { eventGroupLabel, eventTypeLabel, eventTypeLabels } from './labels.js';
import { linksAfter, newerPageBefore, recentLinks, recordStatus, type RecordFilter, type RecordLink } from './queries.js';
import { RecordPage } from './record-page.js';
import {
  ErrorResponse,
  PAGE_SIZE,
  RecordApiQuery,
  RecordDownloadQuery,
  RecordListResponse,
  RecordPageQuery,
  RecordStatusResponse,
} from './schemas.js';
import type { RecordEventSchema } from './schemas.js';
import { publicSubjectPath } from './subjects.js';

const TAGS = ['public-record'];
/** Rows per query while streaming the download: memory stays flat whatever the record's size. */
const DOWNLOAD_BATCH = 2000;

function recordHref(base: string, params: { type?: string; subject?: string; before?: number | null }): string {
  const query = new URLSearchParams();
  if (params.type) query.set('type', params.type);
  if (params.subject) query.set('subject', params.subject);
  if (params.before) query.set('before', String(params.before));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

function cleanFilter(query: { type?: string; subject?: string }): RecordFilter {
  return { ...(query.type ? { type: query.type } : {}), ...(query.subject ? { subject: query.subject } : {}) };
}

/** Every module's events as filter choices: the module as a whole, then each event type. */
function typeOptions(t: Translate, current: string | undefined): Option[] {
  const options: Option[] = [];
  const seen = new Set<string>();
  for (const type of publicEventTypes()) {
    const module = type.slice(0, type.indexOf('.'));
    if (!seen.has(module)) {
      seen.add(module);
      options.push({ value: module, label: t('record:filters.typeGroup', { group: eventGroupLabel(t, module) }) });
    }
    options.push({ value: type, label: eventTypeLabel(t, type) ?? type });
  }
  if (current && !options.some((o) => o.value === current)) options.push({ value: current, label: current });
  return options;
}

function eventJson(link: RecordLink): Static<typeof RecordEventSchema> {
  return {
    seq: link.seq,
    id: link.id,
    occurred_at: link.occurred_at,
    type: link.type,
    label: eventTypeLabels(link.type),
    subject: link.subject,
    subject_path: publicSubjectPath(link.subject),
    payload: link.payload as Record<string, unknown>,
    prev_hash: link.prev_hash.toString('hex'),
    hash: link.hash.toString('hex'),
    chained_at: link.chained_at.toISOString(),
  };
}

/** One line of the download: exactly the fields the hash covers, plus the two hashes. */
function downloadLine(link: RecordLink): string {
  const { seq, id, occurred_at, type, subject, payload } = link;
  return JSON.stringify({ seq, id, occurred_at, type, subject, payload, prev_hash: link.prev_hash.toString('hex'), hash: link.hash.toString('hex') }) + '\n';
}

/** The chain from `after` to what was linked when the download began, read in batches. */
async function* downloadChunks(db: Db, after: number, upTo: number): AsyncGenerator<Buffer> {
  let cursor = after;
  while (cursor < upTo) {
    const links = await linksAfter(db, { after: cursor, upTo, limit: DOWNLOAD_BATCH });
    if (links.length === 0) return;
    yield Buffer.from(links.map(downloadLine).join(''), 'utf8');
    cursor = links[links.length - 1]!.seq;
  }
}

/**
 * The public record: the page that explains and lists it, its JSON twin and state, and
 * the download that anyone can verify offline (docs/PUBLIC-RECORD.md).
 */
export default async function publicRecordModule(fastify: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get('/record', { schema: { hide: true, querystring: RecordPageQuery }, attachValidation: true }, async (req, reply) => {
    const { t } = req;
    const errors = formErrors(req, { type: t('record:filters.type'), subject: t('record:filters.subject') });
    if (errors.some((e) => e.field === 'before')) throw new AppError('record.bad_before');
    const raw = req.query as { type?: unknown; subject?: unknown };
    const shown = { type: typeof raw.type === 'string' ? raw.type : undefined, subject: typeof raw.subject === 'string' ? raw.subject : undefined };
    const status = await recordStatus(db);
    const common = { status, filter: shown, errors, typeOptions: typeOptions(t, shown.type) };
    if (errors.length > 0) {
      return sendPage(req, reply, <RecordPage {...common} links={null} olderHref={null} newerHref={null} latestHref={null} jsonHref="/api/record" />, 400);
    }

    const filter = cleanFilter(req.query);
    const before = req.query.before;
    const rows = await recentLinks(db, { ...filter, before, limit: PAGE_SIZE + 1 });
    const links = rows.slice(0, PAGE_SIZE);
    const olderHref = rows.length > PAGE_SIZE ? recordHref('/record', { ...filter, before: links[links.length - 1]!.seq }) : null;
    let newerHref: string | null = null;
    if (before !== undefined) {
      const newer = await newerPageBefore(db, { ...filter, before, limit: PAGE_SIZE });
      if (newer !== undefined) newerHref = recordHref('/record', { ...filter, before: newer });
    }
    const latestHref = newerHref && newerHref !== recordHref('/record', filter) ? recordHref('/record', filter) : null;
    return sendPage(req, reply, <RecordPage {...common} jsonHref={recordHref('/api/record', { ...filter, before })} links={links} olderHref={olderHref} newerHref={newerHref} latestHref={latestHref} />);
  });

  app.get(
    '/record.ndjson',
    {
      config: { api: true },
      // NDJSON is not in the compressor's default list; it compresses to a fraction.
      compress: { customTypes: /^application\/x-ndjson/ },
      attachValidation: true,
      schema: {
        tags: TAGS,
        summary: 'Download the public record as newline-delimited JSON',
        description:
          'One JSON object per line, oldest first: { seq, id, occurred_at, type, subject, payload, prev_hash, hash } with hashes in hex. ' +
          'hash = SHA-256(prev_hash || RFC 8785 canonical JSON of { seq, id, occurred_at, type, subject, payload }); the first prev_hash is 32 zero bytes. ' +
          'Ends at the last link that existed when the download began.',
        querystring: RecordDownloadQuery,
        produces: ['application/x-ndjson'],
      },
    },
    async (req, reply) => {
      if (req.validationError) throw new AppError('record.bad_after');
      const after = req.query.after ?? 0;
      const upTo = (await recordStatus(db)).lastSeq ?? 0;
      return reply
        .type('application/x-ndjson; charset=utf-8')
        .header('content-disposition', `attachment; filename="irgen-public-record${after > 0 ? `-after-${after}` : ''}.ndjson"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(downloadChunks(db, after, upTo), { objectMode: false }));
    },
  );

  app.get(
    '/api/record',
    {
      config: { api: true },
      schema: {
        tags: TAGS,
        summary: 'Public record entries, newest first (the JSON twin of /record)',
        querystring: RecordApiQuery,
        response: { 200: RecordListResponse, 400: ErrorResponse },
      },
    },
    async (req) => {
      const { before, limit = PAGE_SIZE } = req.query;
      const rows = await recentLinks(db, { ...cleanFilter(req.query), before, limit: limit + 1 });
      const links = rows.slice(0, limit);
      return { events: links.map(eventJson), next_before: rows.length > limit ? links[links.length - 1]!.seq : null };
    },
  );

  app.get(
    '/api/record/status',
    {
      config: { api: true },
      schema: {
        tags: TAGS,
        summary: 'How many events are linked, how many wait, and the latest link',
        response: { 200: RecordStatusResponse },
      },
    },
    async (_req, reply) => {
      const status = await recordStatus(db);
      return reply.header('cache-control', 'no-store').send({
        chained: status.chained,
        pending: status.pending,
        last_seq: status.lastSeq,
        last_hash: status.lastHash?.toString('hex') ?? null,
        last_chained_at: status.lastChainedAt?.toISOString() ?? null,
      });
    },
  );
}
