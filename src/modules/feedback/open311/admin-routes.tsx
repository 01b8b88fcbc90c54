import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { AppDeps } from '../../../deps.js';
import { requireActor } from '../../../shared/auth/guards.js';
import { AppError, forbidden, type FieldError } from '../../../shared/errors.js';
import { formErrors } from '../../../shared/http/form.js';
import { label } from '../../../shared/errors.js';
import { sendPage } from '../../../shared/views/render.js';
import { checkClientInput, issueApiKey, listApiClients, revokeApiKey, type ApiKeyChecker, type IssuedKey } from './api-keys.js';
import './messages.js';
import { canManageApiClients } from './policy.js';
import { ApiClientsPage } from './views/api-clients-page.js';

export interface ApiClientAdminOptions extends Pick<AppDeps, 'db' | 'config'> {
  keys: ApiKeyChecker;
}

const IssueBody = Type.Object({
  _csrf: Type.Optional(Type.String()),
  name: Type.String({ maxLength: 500 }),
  contact_email: Type.Optional(Type.String({ maxLength: 500 })),
});
const ClientParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const PageQuery = Type.Object({ revoked: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })) });

const LABELS = { name: label('open311:field.name'), contact_email: label('open311:field.contactEmail') };

/** The platform admin's page for Open311 API keys: list, issue (the key is shown once), revoke. */
export async function apiClientAdminRoutes(app: FastifyInstance, opts: ApiClientAdminOptions): Promise<void> {
  const { db, config, keys } = opts;
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  function authorise(req: FastifyRequest) {
    const actor = requireActor(req);
    if (!canManageApiClients(actor)) throw forbidden();
    return actor;
  }

  async function render(req: FastifyRequest, reply: FastifyReply, props: { issued?: IssuedKey; revoked?: { name: string }; values?: Record<string, string | undefined>; errors?: FieldError[] }, status = 200) {
    const clients = await listApiClients(db);
    return sendPage(req, reply, <ApiClientsPage clients={clients} publicUrl={config.publicUrl} {...props} />, status);
  }

  api.get('/admin/api-clients', { schema: { hide: true, querystring: PageQuery } }, async (req, reply) => {
    authorise(req);
    const revokedId = req.query.revoked;
    const revoked = revokedId ? await db.selectFrom('api_client').select('name').where('id', '=', revokedId).executeTakeFirst() : undefined;
    return render(req, reply, { revoked });
  });

  api.post('/admin/api-clients', { schema: { hide: true, body: IssueBody }, attachValidation: true }, async (req, reply) => {
    const actor = authorise(req);
    const values = { name: typeof req.body?.name === 'string' ? req.body.name : '', contact_email: typeof req.body?.contact_email === 'string' ? req.body.contact_email : '' };
    const errors = formErrors(req, LABELS);
    if (!errors.length) errors.push(...checkClientInput({ name: values.name, contactEmail: values.contact_email }).fields.map((f) => (f.field === 'contactEmail' ? { ...f, field: 'contact_email' } : f)));
    if (errors.length) return render(req, reply, { values, errors }, 400);
    const issued = await issueApiKey(db, { name: values.name, contactEmail: values.contact_email, createdBy: actor.accountId, now: req.now });
    req.log.info({ apiClientId: issued.id, by: actor.accountId }, 'open311 api key issued');
    return render(req, reply, { issued }, 201);
  });

  api.post('/admin/api-clients/:id/revoke', { schema: { hide: true, params: ClientParams } }, async (req, reply) => {
    const actor = authorise(req);
    const client = await revokeApiKey(db, req.params.id, req.now);
    if (!client) throw new AppError('open311.unknown_client', { status: 404 });
    keys.forget();
    req.log.info({ apiClientId: client.id, by: actor.accountId }, 'open311 api key revoked');
    return reply.redirect(`/admin/api-clients?revoked=${client.id}`, 303);
  });
}
