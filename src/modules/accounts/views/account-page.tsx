import type { Membership, PlatformRole } from '../../../shared/auth/actor.js';
import type { FieldError } from '../../../shared/errors.js';
import { Button, ErrorSummary, Notice, PostForm, Radios, TextInput } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import '../messages.js';
import { titleWithErrors, type FormValues } from './shared.js';

export type AccountNotice = 'details' | 'password' | 'verificationSent';

const PLATFORM_ROLES: PlatformRole[] = ['platform_admin', 'moderator', 'operator'];

function roleKey(m: Membership) {
  return m.kind === 'body' ? (m.role === 'admin' ? 'bodyAdmin' : 'bodyMember') : m.role === 'admin' ? 'csoAdmin' : 'csoMember';
}

/** The signed-in person's own page: details, language, organisations and roles, security. */
export function AccountPage({ values, errors = [], notice }: { values?: FormValues; errors?: FieldError[]; notice?: AccountNotice | null }) {
  const { t, lang, actor } = usePage();
  if (!actor) throw new Error('AccountPage needs a signed-in actor');
  const title = t('accounts:account.title');
  const typed = values ?? { display_name: actor.displayName, preferred_lang: actor.preferredLang };
  const roles = PLATFORM_ROLES.filter((r) => actor.platformRoles.has(r));
  return (
    <Layout title={titleWithErrors(t, title, errors)}>
      <ErrorSummary errors={errors} />
      {notice && <Notice kind="success">{t(`accounts:account.done.${notice}`)}</Notice>}
      <h1>{title}</h1>

      <section aria-labelledby="email-title">
        <h2 id="email-title">{t('accounts:account.emailTitle')}</h2>
        <p>
          <strong>{actor.email}</strong>{' '}
          {actor.emailVerified ? <span class="tag tag-ok">{t('accounts:account.verified')}</span> : <span class="tag tag-warn">{t('accounts:account.notVerified')}</span>}
        </p>
        {!actor.emailVerified && (
          <div class="notice notice-warning">
            <p>{t('accounts:account.notVerifiedBody')}</p>
            <PostForm action="/account/verify/resend">
              <Button variant="secondary">{t('accounts:account.resend')}</Button>
            </PostForm>
          </div>
        )}
      </section>

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('accounts:account.detailsTitle')}</h2>
        <PostForm action="/account/details">
          <TextInput name="display_name" label={t('accounts:fields.displayName')} hint={t('accounts:fields.displayNameHint')} autocomplete="name" value={typed.display_name} errors={errors} />
          <Radios
            name="preferred_lang"
            label={t('accounts:fields.language')}
            inline
            value={typed.preferred_lang}
            errors={errors}
            options={[
              { value: 'mn', label: t('accounts:fields.languageMn') },
              { value: 'en', label: t('accounts:fields.languageEn') },
            ]}
          />
          <Button>{t('form.save')}</Button>
        </PostForm>
      </section>

      <section aria-labelledby="organisations-title">
        <h2 id="organisations-title">{t('accounts:account.organisationsTitle')}</h2>
        {actor.memberships.length === 0 ? (
          <p>{t('accounts:account.noOrganisations')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('accounts:account.organisation')}</th>
                  <th scope="col">{t('accounts:account.kind')}</th>
                  <th scope="col">{t('accounts:account.role')}</th>
                </tr>
              </thead>
              <tbody>
                {actor.memberships.map((m) => (
                  <tr key={m.organisationId}>
                    <td>{m.kind === 'body' ? <a href={`/bodies/${m.slug}`}>{localized(lang, m.nameMn, m.nameEn)}</a> : localized(lang, m.nameMn, m.nameEn)}</td>
                    <td>{t(`accounts:account.kinds.${m.kind}`)}</td>
                    <td>{t(`accounts:account.roles.${roleKey(m)}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {roles.length > 0 && (
          <>
            <h3>{t('accounts:account.platformRolesTitle')}</h3>
            <ul>
              {roles.map((r) => (
                <li key={r}>{t(`accounts:account.platformRoles.${r}`)}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="security-title">
        <h2 id="security-title">{t('accounts:account.securityTitle')}</h2>
        <p>
          <a href="/account/password">{t('accounts:account.changePassword')}</a>
        </p>
        <PostForm action="/account/sign-out-everywhere">
          <p class="hint" id="sign-out-everywhere-hint">
            {t('accounts:account.signOutEverywhereHint')}
          </p>
          <Button variant="warning">{t('accounts:account.signOutEverywhere')}</Button>
        </PostForm>
      </section>
    </Layout>
  );
}
