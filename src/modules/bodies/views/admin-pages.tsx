import type { FieldError } from '../../../shared/errors.js';
import { Button, ErrorSummary, Notice, PostForm, Select, TextArea, TextInput } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout, type Crumb } from '../../../shared/views/layout.js';
import { bodyUrl, type BodyDetail, type BodySummary } from '../queries.js';
import { BODY_TYPES, NAME_MAX, SLUG_MAX } from '../schemas.js';
import { bodyName, placeLabel, sortByName } from './parts.js';

/** What the body form shows: the saved values or what the admin just typed. */
export type BodyFormValues = Partial<Record<'slug' | 'nameMn' | 'nameEn' | 'type' | 'place' | 'superior' | 'placesServed' | 'website' | 'email', string>>;

function useAdminCrumbs(): (extra: Crumb[]) => Crumb[] {
  const { t } = usePage();
  return (extra) => [{ href: '/admin', label: t('bodies:admin.breadcrumb') }, ...extra];
}

function BodyFields({ values, errors, superiors }: { values: BodyFormValues; errors: FieldError[]; superiors: BodySummary[] }) {
  const { t, lang } = usePage();
  return (
    <>
      <TextInput name="nameMn" label={t('bodies:field.nameMn')} value={values.nameMn} errors={errors} maxLength={NAME_MAX} />
      <TextInput name="nameEn" label={t('bodies:field.nameEn')} value={values.nameEn} errors={errors} maxLength={NAME_MAX} />
      <Select name="type" label={t('bodies:field.type')} value={values.type} errors={errors} placeholder={t('form.choose')} options={BODY_TYPES.map((type) => ({ value: type, label: t(`bodies:type.${type}`) }))} />
      <TextInput name="place" label={t('bodies:field.place')} hint={t('bodies:field.placeHint')} value={values.place} errors={errors} optional inputMode="numeric" width="short" maxLength={6} />
      <Select
        name="superior"
        label={t('bodies:field.superior')}
        value={values.superior}
        errors={errors}
        optional
        placeholder={t('bodies:admin.noSuperior')}
        options={sortByName(lang, superiors).map((b) => ({ value: b.slug, label: bodyName(lang, b) }))}
      />
      <TextArea name="placesServed" label={t('bodies:field.placesServed')} hint={t('bodies:field.placesServedHint')} value={values.placesServed} errors={errors} optional rows={3} />
      <TextInput name="website" type="url" label={t('bodies:field.website')} hint={t('bodies:field.websiteHint')} value={values.website} errors={errors} optional maxLength={300} />
      <TextInput name="email" type="email" label={t('bodies:field.email')} hint={t('bodies:field.emailHint')} value={values.email} errors={errors} optional maxLength={254} width="medium" />
    </>
  );
}

/** /admin/bodies: every body in a table, and the form that adds one. */
export function AdminBodiesPage({ bodies, values, errors = [], created }: { bodies: BodySummary[]; values: BodyFormValues; errors?: FieldError[]; created?: string }) {
  const { t, lang } = usePage();
  const crumbs = useAdminCrumbs();
  const sorted = sortByName(lang, bodies);
  const createdBody = created ? bodies.find((b) => b.slug === created) : undefined;
  return (
    <Layout title={t('bodies:admin.title')} breadcrumbs={crumbs([{ label: t('bodies:admin.title') }])}>
      <h1>{t('bodies:admin.title')}</h1>
      {createdBody && (
        <Notice kind="success">
          {t('bodies:admin.created')} <a href={bodyUrl(createdBody.slug)}>{bodyName(lang, createdBody)}</a>
        </Notice>
      )}
      <section aria-labelledby="create-title" class="panel">
        <h2 id="create-title">{t('bodies:admin.createTitle')}</h2>
        <ErrorSummary errors={errors} />
        <PostForm action="/admin/bodies">
          <TextInput name="slug" label={t('bodies:field.slug')} hint={t('bodies:field.slugHint')} value={values.slug} errors={errors} maxLength={SLUG_MAX} spellcheck={false} autocomplete="off" />
          <BodyFields values={values} errors={errors} superiors={bodies} />
          <Button>{t('bodies:admin.createButton')}</Button>
        </PostForm>
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t('bodies:admin.listTitle')}</h2>
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('bodies:admin.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bodies:field.nameMn')}</th>
                <th scope="col">{t('bodies:field.type')}</th>
                <th scope="col">{t('bodies:body.place')}</th>
                <th scope="col">{t('bodies:field.superior')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('bodies:admin.editLink')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((b) => (
                <tr key={b.slug}>
                  <th scope="row">
                    <a href={bodyUrl(b.slug)}>{bodyName(lang, b)}</a>
                  </th>
                  <td>{t(`bodies:type.${b.type}`)}</td>
                  <td>{b.place ? placeLabel(lang, b.place) : t('bodies:body.national')}</td>
                  <td>{b.superior ? bodyName(lang, b.superior) : '—'}</td>
                  <td>
                    <a href={`/admin/bodies/${b.slug}/edit`}>
                      {t('bodies:admin.editLink')}
                      <span class="visually-hidden"> ({bodyName(lang, b)})</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </Layout>
  );
}

/** /admin/bodies/:slug/edit: names, type, place, superior body, places served, contact. */
export function AdminEditBodyPage(props: { body: BodyDetail; bodies: BodySummary[]; values: BodyFormValues; errors?: FieldError[]; saved?: boolean }) {
  const { body, bodies, values, errors = [], saved } = props;
  const { t, lang } = usePage();
  const crumbs = useAdminCrumbs();
  const name = bodyName(lang, body);
  // A body cannot report to itself; deeper loops are refused with a message on saving.
  const superiors = bodies.filter((b) => b.id !== body.id);
  return (
    <Layout title={t('bodies:admin.editTitle', { name })} breadcrumbs={crumbs([{ href: '/admin/bodies', label: t('bodies:admin.title') }, { label: name }])}>
      <h1>{t('bodies:admin.editTitle', { name })}</h1>
      {saved && <Notice kind="success">{t('bodies:admin.saved')}</Notice>}
      <p>
        <a href={bodyUrl(body.slug)}>{t('bodies:admin.view')}</a>
      </p>
      <ErrorSummary errors={errors} />
      <dl class="summary-list">
        <dt>{t('bodies:field.slug')}</dt>
        <dd>
          <code>{body.slug}</code>
          <br />
          <span class="meta">{t('bodies:admin.slugFixed')}</span>
        </dd>
        <dt>{t('bodies:admin.currentPlaces')}</dt>
        <dd>{body.placesServed.length ? body.placesServed.map((p) => `${placeLabel(lang, p)} (${p.code})`).join('; ') : t('bodies:body.placesServedNational')}</dd>
      </dl>
      <PostForm action={`/admin/bodies/${body.slug}/edit`}>
        <BodyFields values={values} errors={errors} superiors={superiors} />
        <Button>{t('bodies:admin.saveButton')}</Button>
      </PostForm>
    </Layout>
  );
}
