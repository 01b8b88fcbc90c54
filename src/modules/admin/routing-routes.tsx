import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { label, notFound, type FieldError } from '../../shared/errors.js';
import { translator } from '../../shared/i18n/index.js';
import { sendPage } from '../../shared/views/render.js';
import { invalidateFeedbackReference } from '../feedback/reference.js';
import { decidingRule, placeChain } from '../feedback/routing.js';
import { resolvePlaceSelection } from '../places/picker.js';
import { changeRoutingRuleBody, createRoutingRule, deleteRoutingRule } from './commands/routing.js';
import { FORM_ROUTE, fieldErrorsOf, postedText, rejectInvalid, schemaErrors } from './forms.js';
import { requirePlatformAdmin } from './policy.js';
import { bodyOptions, findRoutingRule, listCategories, listRoutingRules, routingChanges, rulesAlong, RULES_PAGE_SIZE, type RuleRow } from './queries.js';
import { ANY_CATEGORY, IdParams, NoticeQuery, parseId, RoutingQuery, RoutingTestQuery, RuleBodyForm, RuleForm, WHOLE_COUNTRY } from './schemas.js';
import { ruleText } from './views/parts.js';
import { EditRulePage, NewRulePage, ruleEditHref, ruleTestHref, RoutingListPage, type RoutingNotice, type RuleFormValues } from './views/routing-pages.js';
import { RoutingTestPage, type RoutingTestResult, type WalkStep } from './views/routing-test-page.js';

const PICKER = { prefix: 'place', minLevel: 1 } as const;
const LABELS = { category: label('admin:field.category'), scope: label('admin:field.scope'), body: label('admin:field.body') };
const FORM_FIELDS = ['category', 'scope', 'body'] as const;

function pageNumber(text: string | undefined): number {
  return text && /^[1-9][0-9]{0,4}$/.test(text) ? Number(text) : 1;
}

/**
 * /admin/routing: routing rules as data. Platform admins list and filter them, add a
 * rule (category or any × place or whole country → body), send a rule to another body,
 * delete one, and try any category and place in the test tool. Every change is written
 * to the private routing_rule_change trail.
 */
export default async function routingRoutes(app: FastifyInstance, deps: Pick<AppDeps, 'db'>): Promise<void> {
  const { db } = deps;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  async function loadRule(idText: unknown): Promise<RuleRow> {
    const id = typeof idText === 'string' ? parseId(idText) : null;
    const rule = id === null ? undefined : await findRoutingRule(db, id);
    if (!rule) throw notFound();
    return rule;
  }

  async function listNotice(req: FastifyRequest, done: string | undefined, ruleId: string | undefined): Promise<RoutingNotice | undefined> {
    const id = ruleId ? parseId(ruleId) : null;
    if (id === null) return undefined;
    const t = translator(req.lang);
    if (done === 'created') {
      const rule = await findRoutingRule(db, id);
      return rule && { kind: 'created', text: ruleText(t, req.lang, rule), testHref: ruleTestHref(rule) };
    }
    if (done === 'deleted') {
      const [change] = await routingChanges(db, { ruleId: id, limit: 1 });
      return change?.action === 'deleted' && change.before ? { kind: 'deleted', text: ruleText(t, req.lang, { category: change.category, placeCode: change.placeCode, body: change.before }) } : undefined;
    }
    return undefined;
  }

  r.get('/admin/routing', { attachValidation: true, schema: { hide: true, querystring: RoutingQuery } }, async (req, reply) => {
    requirePlatformAdmin(req);
    const query = req.validationError ? {} : req.query;
    const filters = { category: query.category ?? '', aimag: query.aimag ?? '', body: query.body ?? '' };
    const page = pageNumber(query.page);
    const [{ rules, total }, categories, bodies, changes, notice] = await Promise.all([
      listRoutingRules(db, { category: filters.category || undefined, aimag: filters.aimag || undefined, body: filters.body || undefined }, page),
      listCategories(db),
      bodyOptions(db),
      routingChanges(db, { limit: 10 }),
      listNotice(req, query.done, query.rule),
    ]);
    return sendPage(
      req,
      reply,
      <RoutingListPage rules={rules} total={total} page={page} pageSize={RULES_PAGE_SIZE} filters={filters} categories={categories} bodies={bodies} changes={changes} notice={notice} />,
    );
  });

  async function renderNew(req: FastifyRequest, reply: FastifyReply, options: { values: RuleFormValues; placeCode: string | null; errors?: FieldError[]; status?: number }) {
    const [categories, bodies] = await Promise.all([listCategories(db), bodyOptions(db)]);
    return sendPage(req, reply, <NewRulePage values={options.values} placeCode={options.placeCode} errors={options.errors} categories={categories} bodies={bodies} />, options.status ?? 200);
  }

  r.get('/admin/routing/new', { attachValidation: true, schema: { hide: true, querystring: RuleForm } }, async (req, reply) => {
    requirePlatformAdmin(req);
    const query = req.validationError ? {} : req.query;
    return renderNew(req, reply, { values: { category: query.category, body: query.body }, placeCode: null });
  });

  r.post('/admin/routing/new', { ...FORM_ROUTE, schema: { hide: true, body: RuleForm } }, async (req, reply) => {
    const actor = requirePlatformAdmin(req);
    const values: RuleFormValues = postedText(req, FORM_FIELDS);
    const selection = resolvePlaceSelection(req.body, { ...PICKER, required: values.scope === 'place' });
    if (selection.refine) {
      // The picker's own button: show the next list, act on nothing yet.
      return renderNew(req, reply, { values: { ...values, scope: values.scope || 'place' }, placeCode: selection.code });
    }
    const errors = schemaErrors(req, LABELS);
    if (!errors.some((e) => e.field === 'category') && !values.category) errors.push({ field: 'category', key: 'admin:errors.choose_category' });
    if (values.scope !== WHOLE_COUNTRY && values.scope !== 'place') errors.push({ field: 'scope', key: 'admin:errors.choose_scope' });
    if (values.scope === 'place' && !selection.ok) errors.push(selection.error);
    if (!errors.some((e) => e.field === 'body') && !values.body) errors.push({ field: 'body', key: 'admin:errors.choose_body' });
    if (errors.length) return renderNew(req, reply, { values, placeCode: selection.code, errors, status: 400 });
    let id: number;
    try {
      id = await db.transaction().execute((tx) =>
        createRoutingRule(
          tx,
          { categoryCode: values.category === ANY_CATEGORY ? null : values.category!, placeCode: values.scope === 'place' ? selection.code : null, bodySlug: values.body! },
          { accountId: actor.accountId, now: req.now },
        ),
      );
    } catch (error) {
      return renderNew(req, reply, { values, placeCode: selection.code, errors: fieldErrorsOf(error), status: 400 });
    }
    // Submissions route from rules held in memory (feedback/reference.ts): forget them now.
    invalidateFeedbackReference();
    req.log.info({ rule: id, by: actor.accountId }, 'routing rule created');
    return reply.redirect(`/admin/routing?done=created&rule=${id}`, 303);
  });

  async function renderEdit(req: FastifyRequest, reply: FastifyReply, rule: RuleRow, options: { value?: string; errors?: FieldError[]; status?: number; notice?: RoutingNotice } = {}) {
    const [bodies, history] = await Promise.all([bodyOptions(db), routingChanges(db, { ruleId: rule.id, limit: 50 })]);
    return sendPage(
      req,
      reply,
      <EditRulePage rule={rule} bodies={bodies} value={options.value ?? rule.body.slug} errors={options.errors} history={history} notice={options.notice} />,
      options.status ?? 200,
    );
  }

  r.get('/admin/routing/:id/edit', { attachValidation: true, schema: { hide: true, params: IdParams, querystring: NoticeQuery } }, async (req, reply) => {
    requirePlatformAdmin(req);
    const rule = await loadRule((req.params as { id?: unknown }).id);
    rejectInvalid(req);
    const notice: RoutingNotice | undefined = req.query.done === 'changed' ? { kind: 'changed', text: ruleText(translator(req.lang), req.lang, rule) } : undefined;
    return renderEdit(req, reply, rule, { notice });
  });

  r.post('/admin/routing/:id/edit', { ...FORM_ROUTE, schema: { hide: true, params: IdParams, body: RuleBodyForm } }, async (req, reply) => {
    const actor = requirePlatformAdmin(req);
    const rule = await loadRule((req.params as { id?: unknown }).id);
    const value = postedText(req, ['body']).body ?? '';
    const errors = schemaErrors(req, LABELS);
    if (errors.length) return renderEdit(req, reply, rule, { value, errors, status: 400 });
    try {
      const changed = await db.transaction().execute((tx) => changeRoutingRuleBody(tx, rule.id, value, { accountId: actor.accountId, now: req.now }));
      if (changed) {
        invalidateFeedbackReference();
        req.log.info({ rule: rule.id, by: actor.accountId }, 'routing rule body changed');
      }
    } catch (error) {
      return renderEdit(req, reply, rule, { value, errors: fieldErrorsOf(error), status: 400 });
    }
    return reply.redirect(`${ruleEditHref(rule.id)}?done=changed`, 303);
  });

  r.post('/admin/routing/:id/delete', { attachValidation: true, schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const actor = requirePlatformAdmin(req);
    const rule = await loadRule((req.params as { id?: unknown }).id);
    await db.transaction().execute((tx) => deleteRoutingRule(tx, rule.id, { accountId: actor.accountId, now: req.now }));
    invalidateFeedbackReference();
    req.log.info({ rule: rule.id, by: actor.accountId }, 'routing rule deleted');
    return reply.redirect(`/admin/routing?done=deleted&rule=${rule.id}`, 303);
  });

  r.get('/admin/routing/test', { attachValidation: true, schema: { hide: true, querystring: RoutingTestQuery } }, async (req, reply) => {
    requirePlatformAdmin(req);
    const categories = await listCategories(db);
    const query = (req.validationError ? {} : req.query) as Record<string, string | undefined>;
    const categoryCode = query.category ?? '';
    const submitted = query.check !== undefined || !!query.place_code;
    const selection = resolvePlaceSelection(query, { ...PICKER, required: submitted });
    const page = (props: { errors?: FieldError[]; result?: RoutingTestResult }, status = 200) =>
      sendPage(req, reply, <RoutingTestPage categories={categories} category={categoryCode} placeCode={selection.code} {...props} />, status);
    if (req.validationError) return page({ errors: [{ field: 'category', key: 'admin:errors.unknown_category' }] }, 400);
    if (!submitted || selection.refine) return page({ errors: selection.ok ? [] : [selection.error] }, selection.ok ? 200 : 400);

    const errors: FieldError[] = [];
    const category = categories.find((c) => c.code === categoryCode);
    if (!categoryCode) errors.push({ field: 'category', key: 'admin:errors.choose_category' });
    else if (!category) errors.push({ field: 'category', key: 'admin:errors.unknown_category' });
    if (!selection.ok) errors.push(selection.error);
    if (errors.length || !category || !selection.code) return page({ errors }, 400);

    const chain = placeChain(selection.code);
    const [decided, along] = await Promise.all([decidingRule(db, category.id, selection.code), rulesAlong(db, category.id, chain)]);
    const at = (place: string | null, forCategory: boolean) => along.find((rule) => rule.placeCode === place && (forCategory ? rule.category !== null : rule.category === null)) ?? null;
    const walk: WalkStep[] = [...chain, null].map((place) => ({ placeCode: place, categoryRule: at(place, true), anyRule: at(place, false) }));
    const decidedRow = decided ? (along.find((rule) => rule.id === decided.id) ?? null) : null;
    return page({ result: { category, placeCode: selection.code, decided: decidedRow, walk } });
  });
}
