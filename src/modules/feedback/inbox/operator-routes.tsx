import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import type { Actor } from '../../../shared/auth/actor.js';
import { requireActor } from '../../../shared/auth/guards.js';
import { AppError, forbidden, label, type FieldError } from '../../../shared/errors.js';
import { formErrors } from '../../../shared/http/form.js';
import { sendPage } from '../../../shared/views/render.js';
import { pickerFields, resolvePlaceSelection } from '../../places/picker.js';
import { submitFeedback } from '../commands/submit.js';
import { FEEDBACK_KINDS, LIMITS, normaliseEmail, normalisePhone, type Kind } from '../model.js';
import { canFileForCaller } from '../policy.js';
import { normaliseTrackingCode } from '../tracking-code.js';
import { activeCategoryOptions, findFiling, findSubmission, recentFilings } from './queries.js';
import { OperatorBody, OperatorQuery } from './schemas.js';
import { OperatorPage } from './views/operator-page.js';
import './messages.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TEXT_FIELDS = ['kind', 'category', 'title', 'description', 'name', 'phone', 'email', 'publicity'] as const;

function requireOperator(req: FastifyRequest): Actor {
  const actor = requireActor(req);
  if (!canFileForCaller(actor)) throw forbidden();
  return actor;
}

/** The checks of one filing, all reported together; the command checks the same again inside its transaction. */
function check(values: Record<string, string>, categories: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const need = (field: string, key = 'common:errors.field.required') => errors.push({ field, key, params: { field: label(`inbox:field.${field}`) } });
  if (!(FEEDBACK_KINDS as readonly string[]).includes(values.kind ?? '')) need('kind', 'common:errors.field.choose');
  if (!values.category) need('category', 'common:errors.field.choose');
  else if (!categories.includes(values.category)) errors.push({ field: 'category', key: 'feedback:errors.unknown_category' });
  const title = values.title?.trim() ?? '';
  const description = values.description?.trim() ?? '';
  if (!title) need('title');
  else if (title.length > LIMITS.title) errors.push({ field: 'title', key: 'common:errors.field.tooLong', params: { field: label('inbox:field.title'), max: LIMITS.title } });
  if (!description) need('description');
  else if (description.length > LIMITS.description) errors.push({ field: 'description', key: 'common:errors.field.tooLong', params: { field: label('inbox:field.description'), max: LIMITS.description } });
  if ((values.name?.trim().length ?? 0) > LIMITS.name) errors.push({ field: 'name', key: 'common:errors.field.tooLong', params: { field: label('inbox:field.name'), max: LIMITS.name } });
  if (values.phone?.trim() && !normalisePhone(values.phone)) errors.push({ field: 'phone', key: 'common:errors.field.phone' });
  if (values.email?.trim() && !normaliseEmail(values.email)) errors.push({ field: 'email', key: 'common:errors.field.email' });
  if (values.publicity !== 'public' && values.publicity !== 'private') need('publicity', 'common:errors.field.choose');
  return errors;
}

/**
 * The operator console (/operator): a hotline operator files feedback for a caller on one
 * page, reads the tracking code back, and sees their recent filings for callers who ring back.
 */
export function operatorRoutes(fastify: FastifyInstance, deps: Pick<AppDeps, 'db' | 'config' | 'secrets'>): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config, secrets } = deps;

  async function render(req: FastifyRequest, reply: FastifyReply, actor: Actor, state: { values?: Record<string, string>; placeCode?: string | null; errors?: FieldError[]; formId?: string; filedCode?: string | null; status?: number }) {
    const [categories, recent, filed] = await Promise.all([
      activeCategoryOptions(db),
      recentFilings(db, actor.accountId),
      state.filedCode ? findFiling(db, actor.accountId, state.filedCode) : undefined,
    ]);
    return sendPage(
      req,
      reply,
      <OperatorPage categories={categories} recent={recent} filed={filed ?? null} values={state.values} placeCode={state.placeCode} errors={state.errors} formId={state.formId ?? randomUUID()} />,
      state.status ?? 200,
    );
  }

  app.get('/operator', { schema: { hide: true, querystring: OperatorQuery } }, async (req, reply) => {
    const actor = requireOperator(req);
    const filedCode = req.query.filed ? normaliseTrackingCode(req.query.filed) : null;
    return render(req, reply, actor, { filedCode });
  });

  app.post('/operator', { attachValidation: true, schema: { hide: true, body: OperatorBody } }, async (req, reply) => {
    const actor = requireOperator(req);
    const body = req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
    const values: Record<string, string> = {};
    for (const f of TEXT_FIELDS) values[f] = typeof body[f] === 'string' ? (body[f] as string) : '';
    const formId = typeof body.form_id === 'string' && UUID.test(body.form_id) ? body.form_id : randomUUID();
    const place = resolvePlaceSelection(body, { prefix: 'place', required: true });
    const again = (status: number, errors?: FieldError[]) => render(req, reply, actor, { values, placeCode: place.code, errors, formId, status });

    // The picker's own button asks for the next list of places: show the form again, file nothing.
    if (place.refine) return again(200);
    const schemaErrors = formErrors(req);
    const categories = (await activeCategoryOptions(db)).map((c) => c.code);
    const errors = schemaErrors.length ? schemaErrors : check(values, categories);
    if (!place.ok) errors.splice(2, 0, place.error);
    if (errors.length || !place.ok || !place.code) return again(400, errors);

    try {
      const filed = await submitFeedback(
        db,
        {
          kind: values.kind as Kind,
          categoryCode: values.category!,
          placeCode: place.code,
          title: values.title!,
          description: values.description!,
          language: req.lang,
          wantsPublic: values.publicity === 'public',
          contact: { name: values.name, email: values.email, phone: values.phone },
          channel: 'operator',
          operatorId: actor.accountId,
          draftId: formId,
        },
        { now: req.now, publicUrl: config.publicUrl, secrets },
      );
      return reply.redirect(`/operator?filed=${filed.code}`, 303);
    } catch (error) {
      // Two posts of one form at the same moment: the second waits for the first, then meets its draft id.
      if ((error as { code?: string; constraint?: string }).constraint === 'feedback_submission_pkey') {
        const first = await findSubmission(db, formId);
        if (first) return reply.redirect(`/operator?filed=${first}`, 303);
      }
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      // The same form sent twice (a double click): show what the first one filed.
      if (error.code === 'feedback.already_submitted' && typeof error.params.code === 'string') return reply.redirect(`/operator?filed=${error.params.code}`, 303);
      const fields: FieldError[] = error.fields.length
        ? error.fields.map((f) => (f.field === 'place' ? { ...f, field: pickerFields('place').level1 } : f))
        : [{ field: 'category', key: error.messageKey, params: error.params }];
      return again(error.status, fields);
    }
  });
}
