import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import { AppError, label, notFound, type FieldError } from '../../../shared/errors.js';
import { localized } from '../../../shared/views/context.js';
import { sendPage } from '../../../shared/views/render.js';
import { resolvePlaceSelection } from '../../places/picker.js';
import { processImages, type UploadedFile } from '../attachments.js';
import { contactEmail, type CommandContext } from '../commands/common.js';
import { submitFeedback } from '../commands/submit.js';
import { FEEDBACK_KINDS, LIMITS, normaliseEmail, normalisePhone, type Kind } from '../model.js';
import { activeCategories, findCategory, findPublicItem } from '../queries.js';
import { submitterKeyFor } from '../submitter-key.js';
import { managePath } from '../urls.js';
import {
  addDraftPhotos,
  createDraft,
  draftImages,
  draftPhotoBytes,
  draftPhotos,
  loadDraft,
  removeDraftPhoto,
  saveDraft,
  SENT_PAGE_LIFETIME_MS,
  submittedItem,
  type Draft,
  type DraftData,
} from './drafts.js';
import { cleanFilename, field } from './input.js';
import './messages.js';
import { CategoryBody, CheckBody, ContactBody, DetailsBody, DraftIdParams, DraftParams, DraftPhotoParams, KindBody, PlaceBody, PublicationBody, StepQuery } from './schemas.js';
import { firstOpenStep, isReachable, isStep, newFeedbackPath, nextStep, stepPath, type Step } from './steps.js';
import { CategoryStep, CheckPage, ContactStep, DetailsStep, KindStep, PhotosStep, PlaceStep, PublicationStep } from './views/form-pages.js';
import { AlreadySentPage, DraftGonePage, SentPage, StartPage } from './views/outcome-pages.js';

type Deps = Pick<AppDeps, 'db' | 'config' | 'secrets'>;

interface Shown {
  errors?: FieldError[];
  /** What the person typed, shown again instead of the saved answer. */
  values?: Partial<DraftData>;
  /** The place picker's current choice while it is being refined. */
  place?: string | null;
  notice?: 'removed' | 'uploaded' | null;
  status?: number;
}

const fromCheck = (req: FastifyRequest) => (req.query as { change?: unknown } | undefined)?.change === '1';

/**
 * The staged web form: /feedback/new explains and starts a draft; each question has
 * its page at /feedback/new/<draft>/<step>; the last posts the draft to submitFeedback.
 * Multipart is registered in this plugin only, for the photo step, with hard limits.
 */
export async function formRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { db, config, secrets } = deps;
  await app.register(multipart, {
    limits: { fileSize: LIMITS.attachmentBytes, files: LIMITS.attachments, fields: 10, fieldSize: 1000, fieldNameSize: 100, parts: 20, headerPairs: 100 },
  });

  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = (req: FastifyRequest): CommandContext => ({ now: req.now, publicUrl: config.publicUrl, secrets });

  /** A draft that can still be answered; otherwise the page saying why not (already sent: 409, gone: 404). */
  async function openDraft(req: FastifyRequest, reply: FastifyReply, draftId: string): Promise<Draft | null> {
    const draft = await loadDraft(db, draftId, req.now);
    if (draft) return draft;
    const sent = await submittedItem(db, draftId);
    if (sent) sendPage(req, reply, <AlreadySentPage code={sent.code} />, 409);
    else sendPage(req, reply, <DraftGonePage />, 404);
    return null;
  }

  async function render(req: FastifyRequest, reply: FastifyReply, draft: Draft, step: Step, shown: Shown = {}) {
    const data = { ...draft.data, ...shown.values };
    const common = { draftId: draft.id, fromCheck: fromCheck(req), errors: shown.errors ?? [] };
    const status = shown.status ?? (shown.errors?.length ? 400 : 200);
    switch (step) {
      case 'kind':
        return sendPage(req, reply, <KindStep {...common} value={data.kind ?? null} />, status);
      case 'category':
        return sendPage(req, reply, <CategoryStep {...common} value={data.category ?? null} categories={await activeCategories(db)} />, status);
      case 'place':
        return sendPage(req, reply, <PlaceStep {...common} value={shown.place !== undefined ? shown.place : (data.place ?? null)} />, status);
      case 'details':
        return sendPage(req, reply, <DetailsStep {...common} title={data.title ?? ''} description={data.description ?? ''} />, status);
      case 'photos':
        return sendPage(req, reply, <PhotosStep {...common} photos={await draftPhotos(db, draft.id)} notice={shown.notice} />, status);
      case 'publication':
        return sendPage(req, reply, <PublicationStep {...common} value={data.publication ?? null} />, status);
      case 'contact':
        return sendPage(req, reply, <ContactStep {...common} name={data.name ?? ''} email={data.email ?? ''} phone={data.phone ?? ''} />, status);
      case 'check': {
        const category = data.category ? await findCategory(db, data.category) : undefined;
        const photos = (await draftPhotos(db, draft.id)).length;
        const categoryName = category ? localized(req.lang, category.nameMn, category.nameEn) : '';
        return sendPage(req, reply, <CheckPage draftId={draft.id} data={data} categoryName={categoryName} photos={photos} errors={shown.errors} />, status);
      }
    }
  }

  /** After an answer: the next question, or back to the check page when changing one answer. */
  async function advance(req: FastifyRequest, reply: FastifyReply, draft: Draft, step: Step, changes: Partial<DraftData>) {
    await saveDraft(db, draft.id, changes, req.now);
    const data = { ...draft.data, ...changes };
    const target = fromCheck(req) ? firstOpenStep(data) : nextStep(step);
    return reply.redirect(stepPath(draft.id, isReachable(target, data) ? target : firstOpenStep(data)), 303);
  }

  r.get(newFeedbackPath, { schema: { hide: true } }, async (req, reply) => sendPage(req, reply, <StartPage />));

  r.post(newFeedbackPath, { schema: { hide: true, body: CheckBody }, attachValidation: true }, async (req, reply) => {
    const id = await createDraft(db, req.now, req.actor?.accountId ?? null);
    return reply.redirect(stepPath(id, 'kind'), 303);
  });

  r.get('/feedback/new/:draftId/sent', { schema: { hide: true, params: DraftIdParams } }, async (req, reply) => {
    const { draftId } = req.params as { draftId: string };
    const sent = await submittedItem(db, draftId);
    if (!sent) {
      const draft = await openDraft(req, reply, draftId);
      return draft ? reply.redirect(stepPath(draft.id, firstOpenStep(draft.data)), 303) : reply;
    }
    // The private link is shown only shortly after sending: a shared computer's history must not reveal it later.
    if (req.now.getTime() - sent.receivedAt.getTime() > SENT_PAGE_LIFETIME_MS) return sendPage(req, reply, <AlreadySentPage code={sent.code} />);
    const item = await findPublicItem(db, sent.code);
    if (!item) throw notFound();
    const emailed = !!(await contactEmail(db, item.id));
    const manageUrl = managePath(item.code, submitterKeyFor(secrets, item.code));
    reply.header('referrer-policy', 'no-referrer').header('x-robots-tag', 'noindex');
    return sendPage(req, reply, <SentPage code={item.code} kind={item.kind} dueAt={item.dueAt} body={item.body} managePath={manageUrl} manageUrl={config.publicUrl + manageUrl} emailed={emailed} />);
  });

  r.get('/feedback/new/:draftId/photos/:photoId', { schema: { hide: true, params: DraftPhotoParams } }, async (req, reply) => {
    const { draftId, photoId } = req.params;
    const draft = await loadDraft(db, draftId, req.now);
    const id = Number(photoId);
    if (!draft || !Number.isSafeInteger(id) || id < 1) throw notFound();
    const photo = await draftPhotoBytes(db, draft.id, id);
    if (!photo) throw notFound();
    return reply.type(photo.mediaType).header('cache-control', 'private, no-store').header('content-disposition', 'inline').send(photo.bytes);
  });

  r.get('/feedback/new/:draftId/:step', { schema: { hide: true, params: DraftParams, querystring: StepQuery } }, async (req, reply) => {
    const { draftId, step } = req.params;
    if (!isStep(step)) throw notFound();
    const draft = await openDraft(req, reply, draftId);
    if (!draft) return reply;
    if (!isReachable(step, draft.data)) return reply.redirect(stepPath(draft.id, firstOpenStep(draft.data)), 303);
    const notice = (req.query as { notice?: unknown }).notice;
    return render(req, reply, draft, step, { notice: notice === 'removed' || notice === 'uploaded' ? notice : null });
  });

  // One route per question, each with its body schema; the handlers add the domain checks.

  r.post('/feedback/new/:draftId/kind', { schema: { hide: true, params: DraftIdParams, body: KindBody, querystring: StepQuery }, attachValidation: true }, async (req, reply) => {
    const draft = await openDraft(req, reply, req.params.draftId);
    if (!draft) return reply;
    const kind = field(req.body, 'kind');
    if (!(FEEDBACK_KINDS as readonly string[]).includes(kind)) {
      return render(req, reply, draft, 'kind', { errors: [{ field: 'kind', key: 'feedbackWeb:errors.choose_kind' }] });
    }
    return advance(req, reply, draft, 'kind', { kind: kind as Kind });
  });

  r.post('/feedback/new/:draftId/category', { schema: { hide: true, params: DraftIdParams, body: CategoryBody, querystring: StepQuery }, attachValidation: true }, async (req, reply) => {
    const draft = await openDraft(req, reply, req.params.draftId);
    if (!draft) return reply;
    const code = field(req.body, 'category').trim();
    if (!code) return render(req, reply, draft, 'category', { errors: [{ field: 'category', key: 'feedbackWeb:errors.choose_category' }] });
    const category = code.length <= 60 ? await findCategory(db, code, { activeOnly: true }) : undefined;
    if (!category) return render(req, reply, draft, 'category', { errors: [{ field: 'category', key: 'feedback:errors.unknown_category' }] });
    return advance(req, reply, draft, 'category', { category: category.code });
  });

  r.post('/feedback/new/:draftId/place', { schema: { hide: true, params: DraftIdParams, body: PlaceBody, querystring: StepQuery }, attachValidation: true }, async (req, reply) => {
    const draft = await openDraft(req, reply, req.params.draftId);
    if (!draft) return reply;
    const selection = resolvePlaceSelection(req.body, { prefix: 'place', required: true });
    if (!selection.ok) return render(req, reply, draft, 'place', { errors: [selection.error], place: selection.code });
    // The picker's own button asks for the next list: show it, act on nothing yet.
    if (selection.refine || !selection.code) return render(req, reply, draft, 'place', { place: selection.code });
    return advance(req, reply, draft, 'place', { place: selection.code });
  });

  r.post('/feedback/new/:draftId/details', { schema: { hide: true, params: DraftIdParams, body: DetailsBody, querystring: StepQuery }, attachValidation: true }, async (req, reply) => {
    const draft = await openDraft(req, reply, req.params.draftId);
    if (!draft) return reply;
    const title = field(req.body, 'title');
    const description = field(req.body, 'description');
    const errors: FieldError[] = [];
    const checkText = (name: 'title' | 'description', value: string, max: number) => {
      if (!value.trim()) errors.push({ field: name, key: 'common:errors.field.required', params: { field: label(`feedback:field.${name}`) } });
      else if (value.trim().length > max) errors.push({ field: name, key: 'common:errors.field.tooLong', params: { field: label(`feedback:field.${name}`), max } });
    };
    checkText('title', title, LIMITS.title);
    checkText('description', description, LIMITS.description);
    if (errors.length) return render(req, reply, draft, 'details', { errors, values: { title, description } });
    return advance(req, reply, draft, 'details', { title: title.trim(), description: description.trim() });
  });

  r.post('/feedback/new/:draftId/photos', { schema: { hide: true, params: DraftIdParams, querystring: StepQuery } }, async (req, reply) => {
    const draft = await openDraft(req, reply, req.params.draftId);
    if (!draft) {
      if (req.isMultipart()) await drain(req);
      return reply;
    }
    const read = await readPhotoForm(req);
    if ('error' in read) return render(req, reply, draft, 'photos', { errors: [read.error], status: read.status });
    const { fields, files } = read;
    const back = (notice: 'removed' | 'uploaded') => reply.redirect(`${stepPath(draft.id, 'photos', { fromCheck: fromCheck(req) })}${fromCheck(req) ? '&' : '?'}notice=${notice}`, 303);

    const remove = Number(fields.remove);
    if (fields.remove && Number.isSafeInteger(remove) && remove > 0) {
      await removeDraftPhoto(db, draft.id, remove);
      return back('removed');
    }
    if (files.length) {
      try {
        const images = await processImages(files);
        await addDraftPhotos(db, draft.id, images.map((image, i) => ({ filename: cleanFilename(files[i]!.filename), image })), req.now);
      } catch (error) {
        if (error instanceof AppError && error.code === 'validation_failed') return render(req, reply, draft, 'photos', { errors: error.fields });
        throw error;
      }
    }
    if (fields.action === 'upload') {
      if (!files.length) return render(req, reply, draft, 'photos', {});
      return back('uploaded');
    }
    return advance(req, reply, draft, 'photos', { photosDone: true });
  });

  r.post('/feedback/new/:draftId/publication', { schema: { hide: true, params: DraftIdParams, body: PublicationBody, querystring: StepQuery }, attachValidation: true }, async (req, reply) => {
    const draft = await openDraft(req, reply, req.params.draftId);
    if (!draft) return reply;
    const publication = field(req.body, 'publication');
    if (publication !== 'public' && publication !== 'private') {
      return render(req, reply, draft, 'publication', { errors: [{ field: 'publication', key: 'feedbackWeb:errors.choose_publication' }] });
    }
    return advance(req, reply, draft, 'publication', { publication });
  });

  r.post('/feedback/new/:draftId/contact', { schema: { hide: true, params: DraftIdParams, body: ContactBody, querystring: StepQuery }, attachValidation: true }, async (req, reply) => {
    const draft = await openDraft(req, reply, req.params.draftId);
    if (!draft) return reply;
    const name = field(req.body, 'name').trim();
    const email = field(req.body, 'email').trim();
    const phone = field(req.body, 'phone').trim();
    const errors: FieldError[] = [];
    if (name.length > LIMITS.name) errors.push({ field: 'name', key: 'common:errors.field.tooLong', params: { field: label('feedback:field.name'), max: LIMITS.name } });
    if (email && !normaliseEmail(email)) errors.push({ field: 'email', key: 'common:errors.field.email' });
    if (phone && (phone.length > 40 || !normalisePhone(phone))) errors.push({ field: 'phone', key: 'common:errors.field.phone' });
    if (errors.length) return render(req, reply, draft, 'contact', { errors, values: { name, email, phone } });
    return advance(req, reply, draft, 'contact', { name, email, phone, contactDone: true });
  });

  r.post('/feedback/new/:draftId/check', { schema: { hide: true, params: DraftIdParams, body: CheckBody }, attachValidation: true }, async (req, reply) => {
    const draft = await openDraft(req, reply, req.params.draftId);
    if (!draft) return reply;
    const data = draft.data;
    const open = firstOpenStep(data);
    if (open !== 'check' || !data.kind || !data.category || !data.place || !data.title || !data.description) {
      return reply.redirect(stepPath(draft.id, open === 'check' ? 'kind' : open), 303);
    }
    try {
      await submitFeedback(
        db,
        {
          kind: data.kind,
          categoryCode: data.category,
          placeCode: data.place,
          title: data.title,
          description: data.description,
          language: req.lang,
          wantsPublic: data.publication === 'public',
          contact: { name: data.name || null, email: data.email || null, phone: data.phone || null },
          channel: 'web',
          submitterId: req.actor?.accountId ?? null,
          images: await draftImages(db, draft.id),
          draftId: draft.id,
        },
        ctx(req),
      );
    } catch (error) {
      if (error instanceof AppError && error.code === 'feedback.already_submitted') return sendPage(req, reply, <AlreadySentPage code={String(error.params.code)} />, 409);
      if (error instanceof AppError && error.code === 'validation_failed') return render(req, reply, draft, 'check', { errors: error.fields });
      // Two presses of Send at once: the second loses the race for the draft's submission row.
      if (isUniqueViolation(error, 'feedback_submission_pkey')) {
        const sent = await submittedItem(db, draft.id);
        if (sent) return sendPage(req, reply, <AlreadySentPage code={sent.code} />, 409);
      }
      throw error;
    }
    return reply.redirect(stepPath(draft.id, 'sent'), 303);
  });

  // Any other step name is not a page.
  r.post('/feedback/new/:draftId/:step', { schema: { hide: true } }, async () => {
    throw notFound();
  });
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown } | null;
  return !!e && e.code === '23505' && e.constraint === constraint;
}

type PhotoForm = { fields: Record<string, string>; files: UploadedFile[] } | { error: FieldError; status: number };

/**
 * Reads the photo step: multipart with files (the usual case), or a plain form (a Remove
 * button sent without files). Over-large files and too many files become field errors
 * with 413, a broken upload one with 400; the person sees the page again either way.
 */
async function readPhotoForm(req: FastifyRequest): Promise<PhotoForm> {
  if (!req.isMultipart()) {
    return { fields: { remove: field(req.body, 'remove'), action: field(req.body, 'action') }, files: [] };
  }
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  let current = '';
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        current = cleanFilename(part.filename);
        const data = await part.toBuffer();
        // An empty file input still sends a part, with no name and no bytes.
        if (part.fieldname !== 'photos' || (!part.filename && data.length === 0)) continue;
        files.push({ filename: part.filename, mimetype: part.mimetype, data });
      } else if (typeof part.value === 'string' && (part.fieldname === 'remove' || part.fieldname === 'action')) {
        fields[part.fieldname] = part.value.slice(0, 40);
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return { error: { field: 'photos', key: 'feedback:errors.image_too_large', params: { name: current } }, status: 413 };
    if (code === 'FST_FILES_LIMIT') return { error: { field: 'photos', key: 'feedback:errors.too_many_images' }, status: 413 };
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return { error: { field: 'photos', key: 'feedbackWeb:errors.upload_failed' }, status: 413 };
    return { error: { field: 'photos', key: 'feedbackWeb:errors.upload_failed' }, status: 400 };
  }
  return { fields, files };
}

/** Consumes an unwanted multipart body so the connection can be reused. */
async function drain(req: FastifyRequest): Promise<void> {
  try {
    for await (const part of req.parts()) if (part.type === 'file') await part.toBuffer();
  } catch {
    // Nothing to keep; the page explains what happened.
  }
}
