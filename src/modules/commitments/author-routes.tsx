import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../../shared/auth/guards.js';
import { forbidden, notFound } from '../../shared/errors.js';
import { localized } from '../../shared/views/context.js';
import { sendPage } from '../../shared/views/render.js';
import { addCommitment, addMilestone, createPlan } from './commands/author.js';
import { formBody, loadPlanOr404, refusals, str } from './http.js';
import { canCreatePlanFor, canCreatePlans, canEditPlan } from './policy.js';
import { loadPlanDetail } from './queries.js';
import { CommitmentParams, PlanParams } from './schemas.js';
import { commitmentPath, planPath } from './urls.js';
import { CommitmentFormPage, MilestoneFormPage, PlanFormPage, type BodyChoice, type FormValues } from './views/author-pages.js';

const FORM_ROUTE = { attachValidation: true } as const;

function id(value: string): number | null {
  return /^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= 2_147_483_647 ? Number(value) : null;
}

function values(req: FastifyRequest, names: string[]): FormValues {
  const body = formBody(req);
  return Object.fromEntries(names.map((n) => [n, str(body[n]).slice(0, 2000)]));
}

/**
 * Writing plans on the platform: body admins (for their bodies) and platform admins create
 * a plan, then the owner's admins add commitments and milestones while it is open.
 */
export default async function authorRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  async function bodies(req: FastifyRequest, only?: (id: number) => boolean): Promise<BodyChoice[]> {
    const rows = await db.selectFrom('organisation').where('kind', '=', 'body').select(['id', 'name_mn', 'name_en']).execute();
    return rows
      .filter((b) => !only || only(b.id))
      .map((b) => ({ id: b.id, name: localized(req.lang, b.name_mn, b.name_en) }))
      .sort((a, b) => a.name.localeCompare(b.name, req.lang));
  }

  const planFields = ['title_mn', 'title_en', 'owner', 'kind', 'place', 'start', 'end', 'slug'];

  r.get('/commitments/new', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    if (!canCreatePlans(actor)) throw forbidden();
    const owners = await bodies(req, (b) => canCreatePlanFor(actor, b));
    const blank = Object.fromEntries(planFields.map((f) => [f, ''])) as FormValues;
    return sendPage(req, reply, <PlanFormPage owners={owners} values={{ ...blank, kind: 'local', owner: owners.length === 1 ? String(owners[0]!.id) : '' }} errors={[]} />);
  });

  r.post('/commitments/new', { ...FORM_ROUTE, schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    if (!canCreatePlans(actor)) throw forbidden();
    const v = values(req, planFields);
    const owner = id(v.owner!);
    if (owner !== null && !canCreatePlanFor(actor, owner)) throw forbidden();
    const result = await refusals(
      req,
      () =>
        createPlan(
          db,
          { slug: v.slug!, titleMn: v.title_mn!, titleEn: v.title_en!, kind: v.kind === 'local' || v.kind === 'national' ? v.kind : '', placeCode: v.place!, start: v.start!.trim(), end: v.end!.trim(), ownerBodyId: owner },
          req.now,
        ),
      'title_mn',
    );
    if (result.ok) return reply.redirect(`${planPath(result.value)}?done=created`, 303);
    return sendPage(req, reply, <PlanFormPage owners={await bodies(req, (b) => canCreatePlanFor(actor, b))} values={v} errors={result.errors} />, result.status);
  });

  const commitmentFields = ['title_mn', 'title_en', 'objective_mn', 'objective_en', 'lead'];

  async function forEditor(req: FastifyRequest, slug: string) {
    const actor = requireActor(req);
    const plan = await loadPlanOr404(db, slug);
    if (!canEditPlan(actor, plan)) throw forbidden();
    return plan;
  }

  r.get('/commitments/:plan/commitments/new', { schema: { hide: true, params: PlanParams } }, async (req, reply) => {
    const plan = await forEditor(req, req.params.plan);
    return sendPage(req, reply, <CommitmentFormPage plan={plan} bodies={await bodies(req)} values={Object.fromEntries(commitmentFields.map((f) => [f, '']))} errors={[]} />);
  });

  r.post('/commitments/:plan/commitments/new', { ...FORM_ROUTE, schema: { hide: true, params: PlanParams } }, async (req, reply) => {
    const plan = await forEditor(req, req.params.plan);
    const v = values(req, commitmentFields);
    const lead = id(v.lead!);
    const result = await refusals(
      req,
      () => addCommitment(db, plan.id, { titleMn: v.title_mn!, titleEn: v.title_en!, objectiveMn: v.objective_mn!, objectiveEn: v.objective_en!, leadBodyIds: lead === null ? [] : [lead] }, req.now),
      'title_mn',
    );
    if (result.ok) return reply.redirect(`${commitmentPath(plan.slug, result.value)}?done=added`, 303);
    return sendPage(req, reply, <CommitmentFormPage plan={plan} bodies={await bodies(req)} values={v} errors={result.errors} />, result.status);
  });

  const milestoneFields = ['title_mn', 'title_en', 'lead', 'due'];

  async function forMilestone(req: FastifyRequest, slug: string, number: number) {
    const plan = await forEditor(req, slug);
    const detail = await loadPlanDetail(db, plan, req.now);
    const commitment = detail.commitments.find((c) => c.number === number);
    if (!commitment) throw notFound();
    return { plan, commitment };
  }

  r.get('/commitments/:plan/commitments/:number/milestones/new', { schema: { hide: true, params: CommitmentParams } }, async (req, reply) => {
    const { plan, commitment } = await forMilestone(req, req.params.plan, req.params.number);
    const lead = commitment.parties.find((p) => p.role === 'lead');
    return sendPage(
      req,
      reply,
      <MilestoneFormPage plan={plan} commitment={commitment} bodies={await bodies(req)} values={{ title_mn: '', title_en: '', lead: lead ? String(lead.id) : '', due: '' }} errors={[]} />,
    );
  });

  r.post('/commitments/:plan/commitments/:number/milestones/new', { ...FORM_ROUTE, schema: { hide: true, params: CommitmentParams } }, async (req, reply) => {
    const { plan, commitment } = await forMilestone(req, req.params.plan, req.params.number);
    const v = values(req, milestoneFields);
    const result = await refusals(req, () => addMilestone(db, plan.id, commitment.number, { titleMn: v.title_mn!, titleEn: v.title_en!, leadBodyId: id(v.lead!), due: v.due! }, req.now), 'title_mn');
    if (result.ok) return reply.redirect(`${commitmentPath(plan.slug, commitment.number)}?done=milestone`, 303);
    return sendPage(req, reply, <MilestoneFormPage plan={plan} commitment={commitment} bodies={await bodies(req)} values={v} errors={result.errors} />, result.status);
  });
}
