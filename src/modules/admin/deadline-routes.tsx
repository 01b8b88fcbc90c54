import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { notFound, type FieldError } from '../../shared/errors.js';
import { sendPage } from '../../shared/views/render.js';
import { FEEDBACK_KINDS, type Kind } from '../feedback/model.js';
import { invalidateFeedbackReference } from '../feedback/reference.js';
import { addDeadlineOverride, isKind, readPeriod, removeDeadlineOverride, setDefaultPeriods, updateDeadlineOverride, type Period } from './commands/deadlines.js';
import { FORM_ROUTE, fieldErrorsOf, postedText } from './forms.js';
import { requirePlatformAdmin } from './policy.js';
import { bodyOptions, defaultPeriods, findOverride, listOverrides, type OverrideRow } from './queries.js';
import { DefaultsForm, defaultsField, IdParams, NoticeQuery, OverrideEditForm, OverrideForm, parseId } from './schemas.js';
import { DeadlinesPage, EditOverridePage, type DeadlineNotice, type PeriodValues } from './views/deadline-pages.js';

const NOTICES: Record<string, DeadlineNotice> = { defaults: 'defaultsSaved', added: 'added', saved: 'saved', removed: 'removed' };
const DEFAULT_FIELDS = FEEDBACK_KINDS.flatMap((kind) => [defaultsField('days', kind), defaultsField('count', kind)]);

/**
 * /admin/deadlines: the answer period of each kind of feedback (calendar or working
 * days, 1 to 365) and per-body overrides. Only feedback received afterwards is affected.
 * Every field is read by hand, so the messages can name the kind they are about.
 */
export default async function deadlineRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function renderPage(
    req: FastifyRequest,
    reply: FastifyReply,
    options: { defaultValues?: PeriodValues; defaultErrors?: FieldError[]; overrideValues?: PeriodValues; overrideErrors?: FieldError[]; notice?: DeadlineNotice; status?: number } = {},
  ) {
    const [defaults, overrides, bodies] = await Promise.all([defaultPeriods(db), listOverrides(db), bodyOptions(db)]);
    return sendPage(
      req,
      reply,
      <DeadlinesPage
        defaults={defaults}
        overrides={overrides}
        bodies={bodies}
        defaultValues={options.defaultValues ?? {}}
        defaultErrors={options.defaultErrors}
        overrideValues={options.overrideValues ?? {}}
        overrideErrors={options.overrideErrors}
        notice={options.notice}
      />,
      options.status ?? 200,
    );
  }

  async function loadOverride(idText: unknown): Promise<OverrideRow> {
    const id = typeof idText === 'string' ? parseId(idText) : null;
    const override = id === null ? undefined : await findOverride(db, id);
    if (!override) throw notFound();
    return override;
  }

  r.get('/admin/deadlines', { attachValidation: true, schema: { hide: true, querystring: NoticeQuery } }, async (req, reply) => {
    requirePlatformAdmin(req);
    const done = req.validationError ? undefined : req.query.done;
    return renderPage(req, reply, { notice: done ? NOTICES[done] : undefined });
  });

  r.post('/admin/deadlines', { ...FORM_ROUTE, schema: { hide: true, body: DefaultsForm } }, async (req, reply) => {
    const actor = requirePlatformAdmin(req);
    const typed = postedText(req, DEFAULT_FIELDS);
    const periods: Partial<Record<Kind, Period>> = {};
    const errors: FieldError[] = [];
    for (const kind of FEEDBACK_KINDS) {
      const fields = { days: defaultsField('days', kind), dayCount: defaultsField('count', kind) };
      const read = readPeriod({ days: typed[fields.days], dayCount: typed[fields.dayCount] }, kind, fields);
      if (read.period) periods[kind] = read.period;
      else errors.push(...read.errors);
    }
    // Oversized or repeated fields (the schema's findings) fail these checks too, naming their kind.
    if (errors.length) return renderPage(req, reply, { defaultValues: typed, defaultErrors: errors, status: 400 });
    await db.transaction().execute((tx) => setDefaultPeriods(tx, periods));
    // Submissions read deadline rules from memory (feedback/reference.ts): forget them now.
    invalidateFeedbackReference();
    req.log.info({ by: actor.accountId, periods }, 'default deadlines saved');
    return reply.redirect('/admin/deadlines?done=defaults', 303);
  });

  r.post('/admin/deadlines/overrides', { ...FORM_ROUTE, schema: { hide: true, body: OverrideForm } }, async (req, reply) => {
    const actor = requirePlatformAdmin(req);
    const typed = postedText(req, ['body', 'kind', 'days', 'dayCount']);
    const kind = isKind(typed.kind) ? typed.kind : null;
    const read = readPeriod({ days: typed.days, dayCount: typed.dayCount }, kind, { days: 'days', dayCount: 'dayCount' });
    const errors: FieldError[] = [];
    if (!typed.body) errors.push({ field: 'body', key: 'admin:errors.choose_body' });
    if (!kind) errors.push({ field: 'kind', key: 'admin:errors.choose_kind' });
    errors.push(...read.errors);
    if (errors.length || !read.period) return renderPage(req, reply, { overrideValues: typed, overrideErrors: errors, status: 400 });
    try {
      await db.transaction().execute((tx) => addDeadlineOverride(tx, { bodySlug: typed.body!, kind: typed.kind!, period: read.period }));
    } catch (error) {
      return renderPage(req, reply, { overrideValues: typed, overrideErrors: fieldErrorsOf(error), status: 400 });
    }
    invalidateFeedbackReference();
    req.log.info({ by: actor.accountId, body: typed.body, kind }, 'deadline override added');
    return reply.redirect('/admin/deadlines?done=added', 303);
  });

  async function renderEdit(req: FastifyRequest, reply: FastifyReply, override: OverrideRow, options: { values?: PeriodValues; errors?: FieldError[]; status?: number } = {}) {
    const defaults = await defaultPeriods(db);
    const values = options.values ?? { days: String(override.days), dayCount: override.dayCount };
    return sendPage(req, reply, <EditOverridePage override={override} defaultPeriod={defaults[override.kind]} values={values} errors={options.errors} />, options.status ?? 200);
  }

  r.get('/admin/deadlines/overrides/:id/edit', { attachValidation: true, schema: { hide: true, params: IdParams } }, async (req, reply) => {
    requirePlatformAdmin(req);
    return renderEdit(req, reply, await loadOverride((req.params as { id?: unknown }).id));
  });

  r.post('/admin/deadlines/overrides/:id/edit', { ...FORM_ROUTE, schema: { hide: true, params: IdParams, body: OverrideEditForm } }, async (req, reply) => {
    const actor = requirePlatformAdmin(req);
    const override = await loadOverride((req.params as { id?: unknown }).id);
    const typed = postedText(req, ['days', 'dayCount']);
    const read = readPeriod({ days: typed.days, dayCount: typed.dayCount }, override.kind, { days: 'days', dayCount: 'dayCount' });
    if (!read.period) return renderEdit(req, reply, override, { values: typed, errors: read.errors, status: 400 });
    await db.transaction().execute((tx) => updateDeadlineOverride(tx, override.id, read.period));
    invalidateFeedbackReference();
    req.log.info({ by: actor.accountId, override: override.id }, 'deadline override saved');
    return reply.redirect('/admin/deadlines?done=saved', 303);
  });

  r.post('/admin/deadlines/overrides/:id/remove', { attachValidation: true, schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const actor = requirePlatformAdmin(req);
    const override = await loadOverride((req.params as { id?: unknown }).id);
    await db.transaction().execute((tx) => removeDeadlineOverride(tx, override.id));
    invalidateFeedbackReference();
    req.log.info({ by: actor.accountId, override: override.id }, 'deadline override removed');
    return reply.redirect('/admin/deadlines?done=removed', 303);
  });
}
