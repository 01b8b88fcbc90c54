import type { FieldError } from '../../../shared/errors.js';
import { Button, ErrorSummary, Notice, PostForm, TableWrap, TextArea, TextInput } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { CategoryRow } from '../queries.js';
import { CATEGORY_CODE_MAX, CATEGORY_DESCRIPTION_MAX, CATEGORY_KEYWORDS_MAX, CATEGORY_NAME_MAX } from '../schemas.js';
import { named, useAdminCrumbs } from './parts.js';

export type CategoryFormValues = Partial<Record<'code' | 'nameMn' | 'nameEn' | 'descriptionMn' | 'descriptionEn' | 'keywords' | 'position', string>>;
export type CategoryNotice = { kind: 'created'; name: string } | { kind: 'saved' | 'deactivated' | 'reactivated' };

export function categoryEditHref(code: string): string {
  return `/admin/categories/${code}/edit`;
}

/** /admin/categories: every category, active or not, with its routing rules. */
export function CategoriesPage({ categories, notice }: { categories: CategoryRow[]; notice?: CategoryNotice }) {
  const { t, lang } = usePage();
  const crumbs = useAdminCrumbs();
  return (
    <Layout title={t('admin:categories.title')} breadcrumbs={crumbs([{ label: t('admin:categories.title') }])}>
      <h1>{t('admin:categories.title')}</h1>
      {notice?.kind === 'created' && <Notice kind="success">{t('admin:categories.created', { name: notice.name })}</Notice>}
      <p class="lead">{t('admin:categories.lead')}</p>
      <p>
        <a class="button button-secondary" href="/admin/categories/new">
          {t('admin:categories.add')}
        </a>
      </p>
      {categories.length === 0 ? (
        <p>{t('admin:categories.none')}</p>
      ) : (
        <TableWrap label={t('admin:categories.caption')}>
          <table>
            <caption class="visually-hidden">{t('admin:categories.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin:categories.name')}</th>
                <th scope="col">{t('admin:categories.code')}</th>
                <th scope="col">{t('admin:categories.position')}</th>
                <th scope="col">{t('admin:categories.status')}</th>
                <th scope="col">{t('admin:categories.rules')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('admin:categories.edit')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{named(lang, c)}</th>
                  <td>
                    <code>{c.code}</code>
                  </td>
                  <td>{c.position}</td>
                  <td>{c.active ? <span class="tag tag-ok">{t('admin:categories.active')}</span> : <span class="tag">{t('admin:categories.inactive')}</span>}</td>
                  <td>
                    <a href={`/admin/routing?category=${encodeURIComponent(c.code)}`}>
                      {c.rules}
                      <span class="visually-hidden"> ({t('admin:categories.rulesLink')}: {named(lang, c)})</span>
                    </a>
                  </td>
                  <td>
                    <a href={categoryEditHref(c.code)}>
                      {t('admin:categories.edit')}
                      <span class="visually-hidden"> ({named(lang, c)})</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}

function CategoryFields({ values, errors }: { values: CategoryFormValues; errors: FieldError[] }) {
  const { t } = usePage();
  return (
    <>
      <TextInput name="nameMn" label={t('admin:field.nameMn')} value={values.nameMn} errors={errors} maxLength={CATEGORY_NAME_MAX} />
      <TextInput name="nameEn" label={t('admin:field.nameEn')} value={values.nameEn} errors={errors} maxLength={CATEGORY_NAME_MAX} />
      <TextArea name="descriptionMn" label={t('admin:field.descriptionMn')} hint={t('admin:field.descriptionHint')} value={values.descriptionMn} errors={errors} optional rows={3} maxLength={CATEGORY_DESCRIPTION_MAX} />
      <TextArea name="descriptionEn" label={t('admin:field.descriptionEn')} value={values.descriptionEn} errors={errors} optional rows={3} maxLength={CATEGORY_DESCRIPTION_MAX} />
      <TextInput name="keywords" label={t('admin:field.keywords')} hint={t('admin:field.keywordsHint')} value={values.keywords} errors={errors} optional maxLength={CATEGORY_KEYWORDS_MAX} />
      <TextInput name="position" label={t('admin:field.position')} hint={t('admin:field.positionHint')} value={values.position} errors={errors} optional inputMode="numeric" width="short" maxLength={6} />
    </>
  );
}

/** /admin/categories/new: the code (fixed once created), names, descriptions, keywords, position. */
export function NewCategoryPage({ values, errors = [] }: { values: CategoryFormValues; errors?: FieldError[] }) {
  const { t } = usePage();
  const crumbs = useAdminCrumbs();
  return (
    <Layout title={t('admin:categories.newTitle')} breadcrumbs={crumbs([{ href: '/admin/categories', label: t('admin:categories.title') }, { label: t('admin:categories.newTitle') }])}>
      <h1>{t('admin:categories.newTitle')}</h1>
      <ErrorSummary errors={errors} />
      <PostForm action="/admin/categories/new">
        <TextInput
          name="code"
          label={t('admin:field.code')}
          hint={t('admin:field.codeHint')}
          value={values.code}
          errors={errors}
          maxLength={CATEGORY_CODE_MAX}
          width="medium"
          spellcheck={false}
          autocomplete="off"
        />
        <CategoryFields values={values} errors={errors} />
        <Button>{t('admin:categories.createButton')}</Button>
      </PostForm>
    </Layout>
  );
}

/** /admin/categories/:code/edit: everything but the code, and deactivation. */
export function EditCategoryPage({ category, values, errors = [], notice }: { category: CategoryRow; values: CategoryFormValues; errors?: FieldError[]; notice?: CategoryNotice }) {
  const { t, lang } = usePage();
  const crumbs = useAdminCrumbs();
  const name = named(lang, category);
  const base = `/admin/categories/${category.code}`;
  return (
    <Layout title={t('admin:categories.editTitle', { name })} breadcrumbs={crumbs([{ href: '/admin/categories', label: t('admin:categories.title') }, { label: name }])}>
      <h1>{t('admin:categories.editTitle', { name })}</h1>
      {notice && notice.kind !== 'created' && <Notice kind="success">{t(`admin:categories.${notice.kind}`)}</Notice>}
      <ErrorSummary errors={errors} />
      <dl class="summary-list">
        <dt>{t('admin:field.code')}</dt>
        <dd>
          <code>{category.code}</code>
          <br />
          <span class="meta">{t('admin:categories.codeFixed')}</span>
        </dd>
      </dl>
      <PostForm action={`${base}/edit`}>
        <CategoryFields values={values} errors={errors} />
        <Button>{t('admin:categories.saveButton')}</Button>
      </PostForm>
      <section aria-labelledby="status-title" class="action admin-section">
        <h2 id="status-title">{t('admin:categories.statusTitle')}</h2>
        <p>{category.active ? t('admin:categories.activeText') : t('admin:categories.inactiveText')}</p>
        <p>
          {t('admin:categories.rulesUsing', { n: category.rules })} <a href={`/admin/routing?category=${encodeURIComponent(category.code)}`}>{t('admin:categories.rulesLink')}</a>
          {' · '}
          <a href={`/admin/routing/new?category=${encodeURIComponent(category.code)}`}>{t('admin:categories.routeNew')}</a>
        </p>
        <PostForm action={category.active ? `${base}/deactivate` : `${base}/reactivate`}>
          {category.active && <p class="hint">{t('admin:categories.deactivateHint')}</p>}
          <Button variant={category.active ? 'warning' : 'secondary'}>{category.active ? t('admin:categories.deactivate') : t('admin:categories.reactivate')}</Button>
        </PostForm>
      </section>
    </Layout>
  );
}
