import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { label, notFound, type FieldError } from '../../shared/errors.js';
import { sendPage } from '../../shared/views/render.js';
import { invalidateFeedbackReference } from '../feedback/reference.js';
import { createCategory, setCategoryActive, updateCategory, type CategoryInput } from './commands/categories.js';
import { FORM_ROUTE, fieldErrorsOf, postedText, rejectInvalid, schemaErrors } from './forms.js';
import { requirePlatformAdmin } from './policy.js';
import { findCategory, listCategories, type CategoryRow } from './queries.js';
import { CodeParams, CreateCategoryForm, EditCategoryForm, NoticeQuery } from './schemas.js';
import { categoryEditHref, CategoriesPage, EditCategoryPage, NewCategoryPage, type CategoryFormValues, type CategoryNotice } from './views/category-pages.js';

const FIELDS = ['code', 'nameMn', 'nameEn', 'descriptionMn', 'descriptionEn', 'keywords', 'position'] as const;
const LABELS = Object.fromEntries(FIELDS.map((f) => [f, label(`admin:field.${f}`)]));
const SHAPES: Record<string, FieldError> = {
  code: { field: 'code', key: 'admin:errors.code_format' },
  position: { field: 'position', key: 'admin:errors.position' },
};

function savedValues(c: CategoryRow): CategoryFormValues {
  return { nameMn: c.nameMn, nameEn: c.nameEn, descriptionMn: c.descriptionMn, descriptionEn: c.descriptionEn, keywords: c.keywords, position: String(c.position) };
}

function input(form: { nameMn: string; nameEn: string; descriptionMn?: string; descriptionEn?: string; keywords?: string; position?: string }): CategoryInput {
  return {
    nameMn: form.nameMn,
    nameEn: form.nameEn,
    descriptionMn: form.descriptionMn ?? '',
    descriptionEn: form.descriptionEn ?? '',
    keywords: form.keywords ?? '',
    position: form.position ? Number(form.position) : null,
  };
}

function editNotice(done: string | undefined): CategoryNotice | undefined {
  return done === 'saved' || done === 'deactivated' || done === 'reactivated' ? { kind: done } : undefined;
}

/**
 * /admin/categories: list, add, edit, deactivate and reactivate categories. The code
 * is fixed once created (Open311 clients send it); categories are never deleted.
 */
export default async function categoryRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function load(code: string): Promise<CategoryRow> {
    const category = await findCategory(db, code);
    if (!category) throw notFound();
    return category;
  }

  function renderEdit(req: FastifyRequest, reply: FastifyReply, category: CategoryRow, options: { values?: CategoryFormValues; errors?: FieldError[]; status?: number; notice?: CategoryNotice } = {}) {
    return sendPage(req, reply, <EditCategoryPage category={category} values={options.values ?? savedValues(category)} errors={options.errors} notice={options.notice} />, options.status ?? 200);
  }

  r.get('/admin/categories', { attachValidation: true, schema: { hide: true, querystring: NoticeQuery } }, async (req, reply) => {
    requirePlatformAdmin(req);
    const categories = await listCategories(db);
    const query = req.validationError ? {} : req.query;
    const created = query.done === 'created' ? categories.find((c) => c.code === query.code) : undefined;
    return sendPage(req, reply, <CategoriesPage categories={categories} notice={created ? { kind: 'created', name: req.lang === 'en' ? created.nameEn : created.nameMn } : undefined} />);
  });

  r.get('/admin/categories/new', { schema: { hide: true } }, async (req, reply) => {
    requirePlatformAdmin(req);
    return sendPage(req, reply, <NewCategoryPage values={{}} />);
  });

  r.post('/admin/categories/new', { ...FORM_ROUTE, schema: { hide: true, body: CreateCategoryForm } }, async (req, reply) => {
    requirePlatformAdmin(req);
    const values = postedText(req, FIELDS);
    const errors = schemaErrors(req, LABELS, SHAPES);
    if (errors.length) return sendPage(req, reply, <NewCategoryPage values={values} errors={errors} />, 400);
    const form = req.body;
    try {
      await db.transaction().execute((tx) => createCategory(tx, { code: form.code, ...input(form) }));
    } catch (error) {
      return sendPage(req, reply, <NewCategoryPage values={values} errors={fieldErrorsOf(error)} />, 400);
    }
    invalidateFeedbackReference();
    req.log.info({ category: form.code, by: req.actor?.accountId }, 'category created');
    return reply.redirect(`/admin/categories?done=created&code=${encodeURIComponent(form.code)}`, 303);
  });

  r.get('/admin/categories/:code/edit', { attachValidation: true, schema: { hide: true, params: CodeParams, querystring: NoticeQuery } }, async (req, reply) => {
    requirePlatformAdmin(req);
    rejectInvalid(req);
    const category = await load(req.params.code);
    return renderEdit(req, reply, category, { notice: editNotice(req.query.done) });
  });

  r.post('/admin/categories/:code/edit', { ...FORM_ROUTE, schema: { hide: true, params: CodeParams, body: EditCategoryForm } }, async (req, reply) => {
    requirePlatformAdmin(req);
    const category = await load(String((req.params as { code?: unknown }).code ?? ''));
    const values = postedText(req, FIELDS);
    const errors = schemaErrors(req, LABELS, SHAPES);
    if (errors.length) return renderEdit(req, reply, category, { values, errors, status: 400 });
    try {
      await db.transaction().execute((tx) => updateCategory(tx, category.id, input(req.body)));
    } catch (error) {
      return renderEdit(req, reply, category, { values, errors: fieldErrorsOf(error), status: 400 });
    }
    invalidateFeedbackReference();
    return reply.redirect(`${categoryEditHref(category.code)}?done=saved`, 303);
  });

  for (const [action, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    r.post(`/admin/categories/:code/${action}`, { attachValidation: true, schema: { hide: true, params: CodeParams } }, async (req, reply) => {
      requirePlatformAdmin(req);
      rejectInvalid(req);
      const category = await load(req.params.code);
      await db.transaction().execute((tx) => setCategoryActive(tx, category.id, active));
      // Submissions read active categories from memory (feedback/reference.ts): forget them now.
      invalidateFeedbackReference();
      req.log.info({ category: category.code, active, by: req.actor?.accountId }, 'category activity changed');
      return reply.redirect(`${categoryEditHref(category.code)}?done=${action}d`, 303);
    });
  }
}
