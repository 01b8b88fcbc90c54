import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { staffBodyIds, type Actor } from '../../shared/auth/actor.js';
import { requireActor } from '../../shared/auth/guards.js';
import { AppError, type FieldError } from '../../shared/errors.js';
import { sendPage } from '../../shared/views/render.js';
import { assessMilestone } from './commands/assess.js';
import { addComment } from './commands/comments.js';
import { formBody, loadMilestoneOr404, loadPlanOr404, refusals, str } from './http.js';
import { canAnswer, canComment, csoMemberships } from './policy.js';
import { loadPlanDetail, planComments, type PlanRow } from './queries.js';
import { AssessBody, CommentBody, DoneQuery, MilestoneParams, PlanParams } from './schemas.js';
import { commentsPath, milestonePath } from './urls.js';
import { CommentsPage, type CommentFormValues } from './views/comments-page.js';
import { AssessFormPage, NotMemberPage, type AssessFormValues } from './views/milestone-pages.js';

const FORM_ROUTE = { attachValidation: true } as const;

/** Parses an organisation id typed into a form; anything else is no choice. */
function organisationId(value: string): number | null {
  return /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

/** CSO members' assessments, and everyone's comments on a plan (with the owner's answers). */
export default async function csoRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;
  const emptyAssessment: AssessFormValues = { organisation: '', status: '', justification: '', evidence: '', links: '' };

  r.get('/commitments/:plan/milestones/:id/assess', { schema: { hide: true, params: MilestoneParams } }, async (req, reply) => {
    const actor = requireActor(req);
    const plan = await loadPlanOr404(db, req.params.plan);
    const detail = await loadMilestoneOr404(db, plan, req.params.id, req.now);
    const csos = csoMemberships(actor);
    if (csos.length === 0) return sendPage(req, reply, <NotMemberPage plan={plan} detail={detail} />, 403);
    if (plan.closedAt) throw new AppError('commitments.plan_closed', { status: 409 });
    return sendPage(req, reply, <AssessFormPage plan={plan} detail={detail} csos={csos} errors={[]} values={emptyAssessment} />);
  });

  r.post('/commitments/:plan/milestones/:id/assess', { ...FORM_ROUTE, schema: { hide: true, params: MilestoneParams, body: AssessBody } }, async (req, reply) => {
    const actor = requireActor(req);
    const plan = await loadPlanOr404(db, req.params.plan);
    const detail = await loadMilestoneOr404(db, plan, req.params.id, req.now);
    const body = formBody(req);
    const values: AssessFormValues = {
      organisation: str(body.organisation),
      status: str(body.status),
      justification: str(body.justification),
      evidence: str(body.evidence),
      links: str(body.links),
    };
    const csos = csoMemberships(actor);
    const result = await refusals(
      req,
      () =>
        assessMilestone(
          db,
          plan.id,
          detail.milestone.id,
          { accountId: actor.accountId, csoIds: csos.map((c) => c.organisationId) },
          { ...values, organisationId: organisationId(values.organisation), lang: req.lang },
          req.now,
        ),
      'status',
    );
    if (!result.ok) return sendPage(req, reply, <AssessFormPage plan={plan} detail={detail} csos={csos} errors={result.errors} values={values} />, result.status);
    const done = result.value.disagrees ? 'assessed-differs' : 'assessed';
    return reply.redirect(`${milestonePath(plan.slug, detail.milestone.id)}?done=${done}&v=${result.value.version}`, 303);
  });

  async function renderComments(req: FastifyRequest, reply: FastifyReply, plan: PlanRow, state: { status?: number; notice?: string | null; errors?: FieldError[]; values?: CommentFormValues } = {}) {
    const actor: Actor | null = req.actor;
    const [comments, detail] = await Promise.all([planComments(db, plan), loadPlanDetail(db, plan, req.now)]);
    return sendPage(
      req,
      reply,
      <CommentsPage
        plan={plan}
        comments={comments}
        commitments={detail.commitments}
        notice={state.notice ?? null}
        canComment={canComment(actor)}
        signedIn={!!actor}
        csos={csoMemberships(actor)}
        canAnswer={canAnswer(actor, plan) && staffBodyIds(actor).length > 0}
        errors={state.errors ?? []}
        values={state.values ?? { organisation: '', commitment: '', text: '' }}
        answering={null}
      />,
      state.status ?? 200,
    );
  }

  r.get('/commitments/:plan/comments', { schema: { hide: true, params: PlanParams, querystring: DoneQuery } }, async (req, reply) => {
    const plan = await loadPlanOr404(db, req.params.plan);
    const done = req.query.done;
    const notice = done === 'sent' ? req.t('commitments:comments.sent') : done === 'answered' ? req.t('commitments:comments.answeredDone') : null;
    return renderComments(req, reply, plan, { notice });
  });

  r.post('/commitments/:plan/comments', { ...FORM_ROUTE, schema: { hide: true, params: PlanParams, body: CommentBody } }, async (req, reply) => {
    const actor = requireActor(req);
    const plan = await loadPlanOr404(db, req.params.plan);
    if (!canComment(actor)) throw new AppError('accounts.verification_required', { status: 403 });
    const body = formBody(req);
    const values: CommentFormValues = { organisation: str(body.organisation), commitment: str(body.commitment), text: str(body.text) };
    // Empty is the plan as a whole; anything but one of its commitments' numbers is refused by the command (0 is none).
    const commitment = values.commitment === '' ? null : /^[1-9][0-9]{0,2}$/.test(values.commitment) ? Number(values.commitment) : 0;
    const result = await refusals(
      req,
      () =>
        addComment(
          db,
          plan.id,
          { accountId: actor.accountId, csoIds: csoMemberships(actor).map((c) => c.organisationId) },
          { organisationId: values.organisation === 'self' || values.organisation === '' ? null : (organisationId(values.organisation) ?? -1), commitmentNumber: commitment, text: values.text, lang: req.lang },
          req.now,
        ),
      'text',
    );
    if (!result.ok) return renderComments(req, reply, plan, { status: result.status, errors: result.errors, values });
    return reply.redirect(`${commentsPath(plan.slug)}?done=sent#comment-${result.value}`, 303);
  });
}
