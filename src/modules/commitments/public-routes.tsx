import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { staffBodyIds } from '../../shared/auth/actor.js';
import { notFound } from '../../shared/errors.js';
import { sendPage } from '../../shared/views/render.js';
import { loadMilestoneOr404, loadPlanOr404 } from './http.js';
import { canClose, canCreatePlans, canEditPlan, canReopen, canReport, csoMemberships } from './policy.js';
import { findFile, listPlans, loadPlanDetail, milestoneStates, planComments } from './queries.js';
import { CommitmentParams, DoneQuery, FileParams, MilestoneParams, PlanParams } from './schemas.js';
import { computeFigures } from './summary.js';
import { localDay } from '../../shared/i18n/format.js';
import { MilestonePage } from './views/milestone-pages.js';
import { CommitmentPage, DisagreementsPage, PlanPage, PlansPage } from './views/plan-pages.js';

/** The public pages: plans, a plan with its figures, a commitment, a milestone side by side, disagreements, evidence files. */
export default async function publicRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  r.get('/commitments', { schema: { hide: true } }, async (req, reply) => {
    const plans = await listPlans(db);
    const states = await milestoneStates(
      db,
      plans.map((p) => p.id),
    );
    const counts = await db
      .selectFrom('commitment')
      .select((eb) => ['plan_id', eb.fn.countAll<number>().as('n')])
      .groupBy('plan_id')
      .execute();
    const today = localDay(req.now);
    const entries = plans.map((plan) => ({
      plan,
      figures: computeFigures(states.get(plan.id) ?? [], today).plan,
      commitments: Number(counts.find((c) => c.plan_id === plan.id)?.n ?? 0),
    }));
    return sendPage(req, reply, <PlansPage entries={entries} showWork={staffBodyIds(req.actor).length > 0} canCreate={canCreatePlans(req.actor)} />);
  });

  r.get('/commitments/:plan', { schema: { hide: true, params: PlanParams, querystring: DoneQuery } }, async (req, reply) => {
    const plan = await loadPlanOr404(db, req.params.plan);
    const [detail, comments] = await Promise.all([loadPlanDetail(db, plan, req.now), planComments(db, plan)]);
    const done = req.query.done;
    const notice =
      done === 'closed'
        ? req.t('commitments:plan.closedDone')
        : done === 'reopened'
          ? req.t('commitments:plan.reopenedDone')
          : done === 'imported'
            ? req.t('commitments:plan.importedDone', { commitments: detail.commitments.length, milestones: detail.milestones.length })
            : done === 'created'
              ? req.t('commitments:author.created')
              : null;
    const leads = new Set(detail.milestones.map((m) => m.lead.id));
    return sendPage(
      req,
      reply,
      <PlanPage
        detail={detail}
        comments={comments.filter((c) => !c.byOwner).length}
        notice={notice}
        canClose={canClose(req.actor, plan)}
        canReopen={canReopen(req.actor)}
        canWork={staffBodyIds(req.actor).some((id) => leads.has(id))}
        canEdit={canEditPlan(req.actor, plan)}
      />,
    );
  });

  r.get('/commitments/:plan/commitments/:number', { schema: { hide: true, params: CommitmentParams, querystring: DoneQuery } }, async (req, reply) => {
    const plan = await loadPlanOr404(db, req.params.plan);
    const detail = await loadPlanDetail(db, plan, req.now);
    const commitment = detail.commitments.find((c) => c.number === req.params.number);
    if (!commitment) throw notFound();
    const notice = req.query.done === 'added' ? req.t('commitments:author.commitmentAdded', { number: commitment.number }) : req.query.done === 'milestone' ? req.t('commitments:author.milestoneAdded') : null;
    return sendPage(req, reply, <CommitmentPage detail={detail} commitment={commitment} notice={notice} canEdit={canEditPlan(req.actor, plan)} />);
  });

  r.get('/commitments/:plan/milestones/:id', { schema: { hide: true, params: MilestoneParams, querystring: DoneQuery } }, async (req, reply) => {
    const plan = await loadPlanOr404(db, req.params.plan);
    const detail = await loadMilestoneOr404(db, plan, req.params.id, req.now);
    const version = Number(req.query.v ?? '');
    const done = req.query.done;
    const notice =
      done === 'reported' && version > 0
        ? req.t('commitments:milestone.reported', { version })
        : done === 'assessed' && version > 0
          ? req.t('commitments:milestone.assessed', { version })
          : done === 'assessed-differs'
            ? req.t('commitments:milestone.assessedDisagrees')
            : null;
    return sendPage(
      req,
      reply,
      <MilestonePage plan={plan} detail={detail} notice={notice} canReport={canReport(req.actor, detail.milestone)} csos={csoMemberships(req.actor)} signedIn={!!req.actor} />,
    );
  });

  r.get('/commitments/:plan/disagreements', { schema: { hide: true, params: PlanParams } }, async (req, reply) => {
    const plan = await loadPlanOr404(db, req.params.plan);
    const detail = await loadPlanDetail(db, plan, req.now);
    return sendPage(req, reply, <DisagreementsPage detail={detail} />);
  });

  /**
   * Evidence files are public like the report they belong to. Served as downloads with
   * their checked type, so a file can never run as a page of this site.
   */
  r.get('/commitments/files/:id', { schema: { hide: true, params: FileParams } }, async (req, reply) => {
    const file = await findFile(db, req.params.id);
    if (!file) throw notFound();
    return reply
      .type(file.media_type)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('cache-control', 'public, max-age=86400, immutable')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(file.bytes);
  });
}
