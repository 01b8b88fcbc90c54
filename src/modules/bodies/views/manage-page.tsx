import type { FieldError } from '../../../shared/errors.js';
import { Button, ErrorSummary, Notice, PostForm, Radios, TextInput, useErrorText } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { BodyDetail, CategoryName, StaffMember } from '../queries.js';
import type { MembershipRole } from '../schemas.js';
import { bodyName, useBodyCrumbs } from './parts.js';

export const MANAGE_NOTICES = ['added', 'roleChanged', 'removed', 'categoriesSaved'] as const;
export type ManageNotice = (typeof MANAGE_NOTICES)[number];

export interface ManagePageProps {
  body: BodyDetail;
  staff: StaffMember[];
  categories: (CategoryName & { descriptionMn: string; descriptionEn: string })[];
  /** Codes of the categories ticked (the saved ones, or what was just submitted). */
  selected: ReadonlySet<string>;
  notice?: ManageNotice;
  errors?: FieldError[];
  add?: { email?: string; role?: string };
}

/** /bodies/:slug/manage: a body admin's staff list, adding colleagues and choosing categories. */
export function ManagePage({ body, staff, categories, selected, notice, errors = [], add = {} }: ManagePageProps) {
  const { t, lang, actor } = usePage();
  const crumbs = useBodyCrumbs();
  const errorText = useErrorText();
  const name = bodyName(lang, body);
  const base = `/bodies/${body.slug}/manage`;
  const staffError = errors.find((e) => e.field === 'staff');
  const categoryError = errors.find((e) => e.field === 'category');
  return (
    <Layout title={t('bodies:manage.title', { name })} breadcrumbs={crumbs([{ href: `/bodies/${body.slug}`, label: name }, { label: t('bodies:body.manage') }])}>
      <h1>{t('bodies:manage.title', { name })}</h1>
      {notice && <Notice kind="success">{t(`bodies:manage.notice.${notice}`)}</Notice>}
      <ErrorSummary errors={errors} />

      <section aria-labelledby="staff-title">
        <h2 id="staff-title">{t('bodies:manage.staffTitle')}</h2>
        <p class="hint">{t('bodies:manage.staffHint')}</p>
        {staffError && (
          <p class="field-error" id="f-staff-error">
            <span class="visually-hidden">{t('form.errorPrefix')} </span>
            {errorText(staffError)}
          </p>
        )}
        {staff.length === 0 ? (
          <p id="f-staff">{t('bodies:manage.noStaff')}</p>
        ) : (
          <div class="table-wrap">
            <table id="f-staff" tabIndex={-1}>
              <caption class="visually-hidden">{t('bodies:manage.staffTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('bodies:manage.name')}</th>
                  <th scope="col">{t('bodies:manage.email')}</th>
                  <th scope="col">{t('bodies:manage.role')}</th>
                  <th scope="col">{t('bodies:manage.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {staff.map((m) => (
                  <tr key={m.accountId}>
                    <th scope="row">
                      {m.displayName}
                      {actor?.accountId === m.accountId && <span class="meta"> {t('bodies:manage.you')}</span>}
                    </th>
                    <td>{m.email}</td>
                    <td>{t(`bodies:role.${m.role}`)}</td>
                    <td>
                      <RoleButton base={base} member={m} to={m.role === 'admin' ? 'member' : 'admin'} />{' '}
                      <PostForm action={`${base}/members/${m.accountId}/remove`} class="inline-form">
                        <button type="submit" class="button button-warning">
                          {t('bodies:manage.remove')}
                          <span class="visually-hidden"> ({m.displayName})</span>
                        </button>
                      </PostForm>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="add-title" class="panel">
        <h2 id="add-title">{t('bodies:manage.addTitle')}</h2>
        <p>{t('bodies:manage.addHint')}</p>
        <PostForm action={`${base}/members`}>
          <TextInput name="email" type="email" label={t('bodies:manage.addEmail')} value={add.email} errors={errors} autocomplete="off" spellcheck={false} maxLength={254} width="medium" />
          <Radios
            name="role"
            label={t('bodies:manage.addRole')}
            value={add.role ?? 'member'}
            errors={errors}
            options={[
              { value: 'member', label: t('bodies:role.member'), hint: t('bodies:manage.roleMemberHint') },
              { value: 'admin', label: t('bodies:role.admin'), hint: t('bodies:manage.roleAdminHint') },
            ]}
          />
          <Button>{t('bodies:manage.addButton')}</Button>
        </PostForm>
      </section>

      <section aria-labelledby="categories-title">
        <h2 id="categories-title">{t('bodies:manage.categoriesTitle')}</h2>
        <PostForm action={`${base}/categories`}>
          <div class={categoryError ? 'field field-invalid' : 'field'}>
            <fieldset class="fieldset" aria-describedby={categoryError ? 'categories-hint f-category-error' : 'categories-hint'}>
              <legend class="legend">{t('bodies:field.categories')}</legend>
              <p class="hint" id="categories-hint">
                {t('bodies:manage.categoriesHint')}
              </p>
              {categoryError && (
                <p class="field-error" id="f-category-error">
                  <span class="visually-hidden">{t('form.errorPrefix')} </span>
                  {errorText(categoryError)}
                </p>
              )}
              {categories.map((c, i) => {
                const id = i === 0 ? 'f-category' : `f-category-${c.code}`;
                return (
                  <div class="checkbox" key={c.code}>
                    <input type="checkbox" id={id} name="category" value={c.code} checked={selected.has(c.code)} aria-describedby={`${id}-hint`} />
                    <label for={id}>{localized(lang, c.nameMn, c.nameEn)}</label>
                    <p class="hint" id={`${id}-hint`}>
                      {localized(lang, c.descriptionMn, c.descriptionEn)}
                    </p>
                  </div>
                );
              })}
            </fieldset>
          </div>
          <Button>{t('bodies:manage.saveCategories')}</Button>
        </PostForm>
      </section>
    </Layout>
  );
}

function RoleButton({ base, member, to }: { base: string; member: StaffMember; to: MembershipRole }) {
  const { t } = usePage();
  return (
    <PostForm action={`${base}/members/${member.accountId}/role`} class="inline-form">
      <input type="hidden" name="role" value={to} />
      <button type="submit" class="button button-secondary">
        {to === 'admin' ? t('bodies:manage.makeAdmin') : t('bodies:manage.makeMember')}
        <span class="visually-hidden"> ({member.displayName})</span>
      </button>
    </PostForm>
  );
}
