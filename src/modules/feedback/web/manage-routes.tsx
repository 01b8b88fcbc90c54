import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import { AppError, type FieldError } from '../../../shared/errors.js';
import { translate } from '../../../shared/i18n/index.js';
import { sendPage } from '../../../shared/views/render.js';
import type { CommandContext } from '../commands/common.js';
import { escalateFeedback, rateAnswer, reopenFeedback } from '../commands/submitter.js';
import { canActAsSubmitter } from '../policy.js';
import { findItemForSubmitter, superiorBody, type SubmitterView } from '../queries.js';
import { normaliseTrackingCode } from '../tracking-code.js';
import { itemPath } from '../urls.js';
import { field } from './input.js';
import './messages.js';
import { CodeParams, EscalateBody, ManageQuery, RateBody, ReopenBody } from './schemas.js';
import { ConflictPage, ManagePage, type ManageDone, type ManagePageProps } from './views/manage-page.js';

type Deps = Pick<AppDeps, 'db' | 'config' | 'secrets'>;

const DONE: readonly ManageDone[] = ['rated', 'reopened', 'escalated'];

/**
 * The submitter's private page, /feedback/<code>/manage: reached with the key of the
 * private link (anonymous submitters) or signed in as the account that sent it.
 * Every action is authorised by canActAsSubmitter and done by the domain command.
 */
export async function manageRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { db, config, secrets } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = (req: FastifyRequest): CommandContext => ({ now: req.now, publicUrl: config.publicUrl, secrets });

  /** Loads the item and checks the person may act as its submitter: 404 for no item, 403 otherwise. */
  async function authorise(req: FastifyRequest, rawCode: string, key: string): Promise<SubmitterView> {
    const code = normaliseTrackingCode(rawCode);
    const view = code ? await findItemForSubmitter(db, code) : undefined;
    if (!view) throw new AppError('feedback.not_found', { status: 404 });
    const access = { submitter_id: view.submitterId, submitter_key_hash: view.submitterKeyHash };
    if (!canActAsSubmitter(req.actor, access, key || null)) throw new AppError('feedbackWeb.wrong_key', { status: 403 });
    return view;
  }

  function managePath(code: string, key: string, done?: ManageDone): string {
    const params = new URLSearchParams();
    if (key) params.set('key', key);
    if (done) params.set('done', done);
    const query = params.toString();
    return `${itemPath(code)}/manage${query ? `?${query}` : ''}`;
  }

  async function show(req: FastifyRequest, reply: FastifyReply, view: SubmitterView, key: string, extra: Partial<ManagePageProps> = {}, status = 200) {
    const superior = await superiorBody(db, view.item.body.id);
    // The key must not leak through links to other sites, and the page is nobody's search result.
    reply.header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex');
    return sendPage(
      req,
      reply,
      <ManagePage
        item={view.item}
        ownTitle={view.ownTitle}
        ownDescription={view.ownDescription}
        answerText={view.answerText}
        superior={superior}
        manageKey={key || null}
        {...extra}
      />,
      status,
    );
  }

  /** Runs a submitter command; a refused transition is a 409 page, bad input the page again with 400. */
  async function act(req: FastifyRequest, reply: FastifyReply, view: SubmitterView, key: string, run: () => Promise<unknown>, done: ManageDone, errorField: string, values: ManagePageProps['values']) {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.code === 'validation_failed') {
        const errors: FieldError[] = error.fields.map((f) => (f.field === 'reason' ? { ...f, field: errorField } : f));
        return show(req, reply, view, key, { errors, values }, 400);
      }
      if (error.status === 409) {
        reply.header('referrer-policy', 'no-referrer');
        return sendPage(req, reply, <ConflictPage message={translate(req.lang, error.messageKey, error.params)} backHref={managePath(view.item.code, key)} />, 409);
      }
      throw error;
    }
    return reply.redirect(managePath(view.item.code, key, done), 303);
  }

  r.get('/feedback/:code/manage', { schema: { hide: true, params: CodeParams, querystring: ManageQuery }, attachValidation: true }, async (req, reply) => {
    const key = field(req.query, 'key');
    const view = await authorise(req, req.params.code, key);
    const done = field(req.query, 'done');
    return show(req, reply, view, key, { done: (DONE as readonly string[]).includes(done) ? (done as ManageDone) : null });
  });

  r.post('/feedback/:code/manage/rate', { schema: { hide: true, params: CodeParams, body: RateBody }, attachValidation: true }, async (req, reply) => {
    const key = field(req.body, 'key');
    const view = await authorise(req, req.params.code, key);
    const satisfaction = field(req.body, 'satisfaction');
    if (satisfaction !== 'satisfied' && satisfaction !== 'unsatisfied') {
      return show(req, reply, view, key, { errors: [{ field: 'satisfaction', key: 'feedbackWeb:errors.choose_satisfaction' }] }, 400);
    }
    return act(req, reply, view, key, () => rateAnswer(db, view.item.code, satisfaction, ctx(req)), 'rated', 'satisfaction', { satisfaction });
  });

  r.post('/feedback/:code/manage/reopen', { schema: { hide: true, params: CodeParams, body: ReopenBody }, attachValidation: true }, async (req, reply) => {
    const key = field(req.body, 'key');
    const view = await authorise(req, req.params.code, key);
    const reason = field(req.body, 'reopen_reason');
    return act(req, reply, view, key, () => reopenFeedback(db, view.item.code, reason, ctx(req)), 'reopened', 'reopen_reason', { reopen_reason: reason });
  });

  r.post('/feedback/:code/manage/escalate', { schema: { hide: true, params: CodeParams, body: EscalateBody }, attachValidation: true }, async (req, reply) => {
    const key = field(req.body, 'key');
    const view = await authorise(req, req.params.code, key);
    const reason = field(req.body, 'escalate_reason');
    return act(req, reply, view, key, () => escalateFeedback(db, view.item.code, reason, ctx(req)), 'escalated', 'escalate_reason', { escalate_reason: reason });
  });
}
