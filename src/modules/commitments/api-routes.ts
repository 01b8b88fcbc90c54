import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { AppDeps } from '../../deps.js';
import { notFound } from '../../shared/errors.js';
import { localDay } from '../../shared/i18n/format.js';
import { exportPlan } from './export.js';
import { loadMilestoneOr404, loadPlanOr404 } from './http.js';
import { commentJson, commitmentJson, milestoneDetailJson, milestoneJson, planJson, planSummaryJson } from './present.js';
import { listPlans, loadPlanDetail, milestoneStates, planComments } from './queries.js';
import { CommentJson, CommitmentJson, CommitmentParams, MilestoneDetailJson, MilestoneJson, MilestoneParams, PlanJson, PlanParams, PlanSummaryJson } from './schemas.js';
import { computeFigures } from './summary.js';

/** Open data: every public page of the module as JSON, documented in /api/openapi.json under 'commitments'. */
export default async function apiRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db' | 'config'>): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = deps;
  const base = config.publicUrl;
  const api = { api: true } as const;
  const tags = ['commitments'];

  r.get(
    '/api/commitments/plans',
    { config: api, schema: { tags, summary: 'Action plans with their figures', response: { 200: Type.Object({ plans: Type.Array(PlanSummaryJson) }) } } },
    async (req) => {
      const plans = await listPlans(db);
      const states = await milestoneStates(
        db,
        plans.map((p) => p.id),
      );
      const today = localDay(req.now);
      return { plans: plans.map((p) => planSummaryJson(p, computeFigures(states.get(p.id) ?? [], today).plan, base)) };
    },
  );

  r.get(
    '/api/commitments/plans/:plan',
    {
      config: api,
      schema: {
        tags,
        summary: 'A plan: commitments, milestones, the government’s current report and each CSO’s current assessment, figures',
        params: PlanParams,
        response: { 200: PlanJson },
      },
    },
    async (req) => {
      const plan = await loadPlanOr404(db, req.params.plan);
      return planJson(await loadPlanDetail(db, plan, req.now), base);
    },
  );

  r.get(
    '/api/commitments/plans/:plan/commitments/:number',
    { config: api, schema: { tags, summary: 'One commitment with its milestones and figures', params: CommitmentParams, response: { 200: CommitmentJson } } },
    async (req) => {
      const plan = await loadPlanOr404(db, req.params.plan);
      const detail = await loadPlanDetail(db, plan, req.now);
      const commitment = detail.commitments.find((c) => c.number === req.params.number);
      if (!commitment) throw notFound();
      return commitmentJson(detail, commitment, base);
    },
  );

  r.get(
    '/api/commitments/plans/:plan/milestones/:id',
    { config: api, schema: { tags, summary: 'One milestone with every report and assessment version', params: MilestoneParams, response: { 200: MilestoneDetailJson } } },
    async (req) => {
      const plan = await loadPlanOr404(db, req.params.plan);
      return milestoneDetailJson(plan, await loadMilestoneOr404(db, plan, req.params.id, req.now), base);
    },
  );

  r.get(
    '/api/commitments/plans/:plan/disagreements',
    {
      config: api,
      schema: {
        tags,
        summary: 'Milestones where a CSO’s current assessment cannot be true together with the government’s',
        params: PlanParams,
        response: { 200: Type.Object({ plan: Type.String(), milestones: Type.Array(MilestoneJson) }) },
      },
    },
    async (req) => {
      const plan = await loadPlanOr404(db, req.params.plan);
      const detail = await loadPlanDetail(db, plan, req.now);
      return { plan: plan.slug, milestones: detail.milestones.filter((m) => m.disagreement).map((m) => milestoneJson(plan, m, base)) };
    },
  );

  r.get(
    '/api/commitments/plans/:plan/comments',
    {
      config: api,
      schema: { tags, summary: 'Comments received on the plan and the owner body’s answers', params: PlanParams, response: { 200: Type.Object({ plan: Type.String(), comments: Type.Array(CommentJson) }) } },
    },
    async (req) => {
      const plan = await loadPlanOr404(db, req.params.plan);
      return { plan: plan.slug, comments: (await planComments(db, plan)).map(commentJson) };
    },
  );

  r.get(
    '/api/commitments/plans/:plan/export',
    {
      config: api,
      schema: {
        tags,
        summary: 'The plan as a plan file (the JSON structure of the OGP NAP IV report), which the import reads',
        params: PlanParams,
        response: { 200: Type.Object({}, { additionalProperties: true }) },
      },
    },
    async (req) => {
      const plan = await loadPlanOr404(db, req.params.plan);
      // The plan file has its own schema (format.ts); the response schema lets it through whole.
      return exportPlan(db, plan.id);
    },
  );
}
