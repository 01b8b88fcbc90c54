import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { staffBodyIds } from '../../shared/auth/actor.js';
import { requireActor } from '../../shared/auth/guards.js';
import { AppError, forbidden, type FieldError } from '../../shared/errors.js';
import { localDay } from '../../shared/i18n/format.js';
import { sendPage } from '../../shared/views/render.js';
import { answerComment } from './commands/comments.js';
import { closePlan, reopenPlan } from './commands/plans.js';
import { reportProgress } from './commands/report-progress.js';
import { checkEvidenceFiles, type UploadedFile } from './files.js';
import { formBody, loadMilestoneOr404, loadPlanOr404, refusals, str } from './http.js';
import { LIMITS } from './model.js';
import { canAnswer, canClose, canReopen, canReport, csoMemberships } from './policy.js';
import { loadPlanDetail, milestonesLedBy, planComments, unansweredComments, type MilestoneDetail, type PlanRow } from './queries.js';
import { AnswerBody, CommentParams, MilestoneParams, PlanParams } from './schemas.js';
import { commentsPath, milestonePath, planPath } from './urls.js';
import { CommentsPage } from './views/comments-page.js';
import { ReportFormPage, type ProgressFormValues } from './views/milestone-pages.js';
import { WorkPage } from './views/work-page.js';

type MultipartForm = { fields: Record<string, string>; files: UploadedFile[] } | { error: FieldError; status: number };

/**
 * Reads the progress report form: multipart with files, or a plain form. Over-large or
 * too many files become messages on the form (413), a broken upload a 400; either way
 * the person sees the form again.
 */
async function readReportForm(req: FastifyRequest): Promise<MultipartForm> {
  if (!req.isMultipart()) {
    const body = formBody(req);
    return { fields: { status: str(body.status), evidence: str(body.evidence), links: str(body.links) }, files: [] };
  }
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        // An empty file input still sends a part, with no name and no bytes.
        if (part.fieldname !== 'files' || (!part.filename && data.length === 0)) continue;
        files.push({ filename: part.filename, mimetype: part.mimetype, data });
      } else if (typeof part.value === 'string' && ['status', 'evidence', 'links'].includes(part.fieldname)) {
        fields[part.fieldname] = part.value.slice(0, LIMITS.evidence * 2);
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return { error: { field: 'files', key: 'commitments:errors.file_too_large', params: { name: '', max: LIMITS.fileBytes / 1024 / 1024 } }, status: 413 };
    if (code === 'FST_FILES_LIMIT') return { error: { field: 'files', key: 'commitments:errors.too_many_files', params: { max: LIMITS.files } }, status: 413 };
    return { error: { field: 'files', key: 'commitments:errors.upload_failed' }, status: code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' ? 413 : 400 };
  }
  return { fields, files };
}

/** Lead-body staff: progress reports, the plan's closing, answers to comments, their work list. */
export default async function staffRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const { db } = deps;
  await app.register(multipart, {
    limits: { fileSize: LIMITS.fileBytes, files: LIMITS.files, fields: 10, fieldSize: LIMITS.evidence * 4, fieldNameSize: 100, parts: 20, headerPairs: 100 },
  });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  /** Load → authorise: signed out goes to sign in (GET), anyone but the lead body's staff is refused. */
  async function forReporter(req: FastifyRequest, planSlug: string, id: number): Promise<{ plan: PlanRow; detail: MilestoneDetail; actorId: number; bodyIds: number[] }> {
    const actor = requireActor(req);
    const plan = await loadPlanOr404(db, planSlug);
    const detail = await loadMilestoneOr404(db, plan, id, req.now);
    if (!canReport(actor, detail.milestone)) throw new AppError('commitments.not_lead_staff', { status: 403 });
    return { plan, detail, actorId: actor.accountId, bodyIds: staffBodyIds(actor) };
  }

  const emptyValues: ProgressFormValues = { status: '', evidence: '', links: '' };

  r.get('/commitments/:plan/milestones/:id/report', { schema: { hide: true, params: MilestoneParams } }, async (req, reply) => {
    const { plan, detail } = await forReporter(req, req.params.plan, req.params.id);
    if (plan.closedAt) throw new AppError('commitments.plan_closed', { status: 409 });
    return sendPage(req, reply, <ReportFormPage plan={plan} detail={detail} errors={[]} values={emptyValues} />);
  });

  r.post('/commitments/:plan/milestones/:id/report', { schema: { hide: true, params: MilestoneParams } }, async (req, reply) => {
    const { plan, detail, actorId, bodyIds } = await forReporter(req, req.params.plan, req.params.id);
    const form = await readReportForm(req);
    if ('error' in form) return sendPage(req, reply, <ReportFormPage plan={plan} detail={detail} errors={[form.error]} values={emptyValues} />, form.status);
    const values: ProgressFormValues = { status: form.fields.status ?? '', evidence: form.fields.evidence ?? '', links: form.fields.links ?? '' };
    const checked = await checkEvidenceFiles(form.files);
    const result = await refusals(req, async () => {
      if (checked.errors.length) throw new AppError('validation_failed', { fields: checked.errors });
      return reportProgress(db, plan.id, detail.milestone.id, { accountId: actorId, bodyIds }, { ...values, files: checked.files, lang: req.lang }, req.now);
    }, 'status');
    if (!result.ok) {
      // The command checks fields first; file problems are added so every message shows at once.
      const errors = [...result.errors, ...checked.errors.filter((e) => !result.errors.some((x) => x.field === e.field && x.key === e.key))];
      return sendPage(req, reply, <ReportFormPage plan={plan} detail={detail} errors={errors} values={values} />, result.status);
    }
    return reply.redirect(`${milestonePath(plan.slug, detail.milestone.id)}?done=reported&v=${result.value.version}`, 303);
  });

  r.post('/commitments/:plan/close', { schema: { hide: true, params: PlanParams } }, async (req, reply) => {
    const actor = requireActor(req);
    const plan = await loadPlanOr404(db, req.params.plan);
    if (!canClose(actor, plan)) throw forbidden();
    await closePlan(db, plan.id, req.now);
    return reply.redirect(`${planPath(plan.slug)}?done=closed`, 303);
  });

  r.post('/commitments/:plan/reopen', { schema: { hide: true, params: PlanParams } }, async (req, reply) => {
    const actor = requireActor(req);
    const plan = await loadPlanOr404(db, req.params.plan);
    if (!canReopen(actor)) throw forbidden();
    await reopenPlan(db, plan.id, req.now);
    return reply.redirect(`${planPath(plan.slug)}?done=reopened`, 303);
  });

  r.post('/commitments/:plan/comments/:id/answer', { schema: { hide: true, params: CommentParams, body: AnswerBody }, attachValidation: true }, async (req, reply) => {
    const actor = requireActor(req);
    const plan = await loadPlanOr404(db, req.params.plan);
    if (!canAnswer(actor, plan)) throw forbidden();
    const field = `answer_${req.params.id}`;
    const text = str(formBody(req)[field]);
    const result = await refusals(req, () => answerComment(db, plan.id, req.params.id, { accountId: actor.accountId, bodyIds: staffBodyIds(actor) }, { text, lang: req.lang }, req.now), field);
    if (result.ok) return reply.redirect(`${commentsPath(plan.slug)}?done=answered#comment-${req.params.id}`, 303);
    const [comments, detail] = await Promise.all([planComments(db, plan), loadPlanDetail(db, plan, req.now)]);
    const errors = result.errors.map((e) => (e.field === 'answer' ? { ...e, field } : e));
    return sendPage(
      req,
      reply,
      <CommentsPage
        plan={plan}
        comments={comments}
        commitments={detail.commitments}
        notice={null}
        canComment={actor.emailVerified}
        signedIn
        csos={csoMemberships(actor)}
        canAnswer
        errors={[]}
        values={{ organisation: '', commitment: '', text: '' }}
        answering={{ id: req.params.id, errors, text }}
      />,
      result.status,
    );
  });

  r.get('/commitments/work', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    const bodies = staffBodyIds(actor);
    if (bodies.length === 0) throw forbidden();
    const [items, comments] = await Promise.all([milestonesLedBy(db, bodies), unansweredComments(db, bodies)]);
    return sendPage(req, reply, <WorkPage items={items} comments={comments} today={localDay(req.now)} />);
  });
}
