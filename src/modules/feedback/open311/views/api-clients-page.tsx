import type { FieldError } from '../../../../shared/errors.js';
import { formatShortDate } from '../../../../shared/i18n/format.js';
import { Button, DateText, ErrorSummary, Notice, PostForm, TextInput } from '../../../../shared/views/components.js';
import { usePage } from '../../../../shared/views/context.js';
import { Layout } from '../../../../shared/views/layout.js';
import type { ApiClientRow, IssuedKey } from '../api-keys.js';
import { CLIENT_NAME_MAX } from '../api-keys.js';
import '../messages.js';

export interface ApiClientsPageProps {
  clients: ApiClientRow[];
  /** Just issued: the only time the key is shown. */
  issued?: IssuedKey;
  /** Just revoked. */
  revoked?: { name: string };
  values?: { name?: string; contact_email?: string };
  errors?: FieldError[];
  publicUrl: string;
}

/** /admin/api-clients: platform admins issue Open311 keys (shown once) and revoke them. */
export function ApiClientsPage({ clients, issued, revoked, values = {}, errors = [], publicUrl }: ApiClientsPageProps) {
  const { t, lang } = usePage();
  const title = t('open311:admin.title');
  const example = issued
    ? `curl -d api_key=${issued.key} -d service_code=… -d place_code=111059 --data-urlencode description=… ${publicUrl}/open311/v2/requests.json`
    : '';
  return (
    <Layout title={errors.length ? `${t('errors.title')}: ${title}` : title} breadcrumbs={[{ href: '/admin', label: t('site.admin') }, { label: title }]}>
      <ErrorSummary errors={errors} />
      {revoked && <Notice kind="success">{t('open311:admin.revoked', { name: revoked.name })}</Notice>}
      <h1>{title}</h1>
      <p class="lead">{t('open311:admin.lead')}</p>
      <p>{t('open311:admin.docs', { url: `${publicUrl}/open311/v2/discovery.json` })}</p>

      {issued && (
        <section class="panel" aria-labelledby="issued-title">
          <h2 id="issued-title" tabIndex={-1} data-autofocus>
            {t('open311:admin.issuedTitle', { name: issued.name })}
          </h2>
          <p>
            <strong>{t('open311:admin.issuedWarning')}</strong>
          </p>
          <div class="table-wrap">
            <p>
              <code data-testid="issued-key">{issued.key}</code>
            </p>
          </div>
          <p>{t('open311:admin.issuedUsage')}</p>
          <div class="table-wrap">
            <pre>
              <code>{example}</code>
            </pre>
          </div>
        </section>
      )}

      <section aria-labelledby="issue-title">
        <h2 id="issue-title">{t('open311:admin.issueTitle')}</h2>
        <PostForm action="/admin/api-clients">
          <TextInput name="name" label={t('open311:admin.name')} hint={t('open311:admin.nameHint')} value={issued ? '' : values.name} errors={errors} maxLength={CLIENT_NAME_MAX} autocomplete="off" />
          <TextInput
            name="contact_email"
            type="email"
            label={t('open311:admin.contactEmail')}
            optional
            value={issued ? '' : values.contact_email}
            errors={errors}
            autocomplete="off"
            spellcheck={false}
          />
          <Button>{t('open311:admin.issue')}</Button>
        </PostForm>
      </section>

      <section aria-labelledby="clients-title">
        <h2 id="clients-title">{t('open311:admin.clientsTitle')}</h2>
        {clients.length === 0 ? (
          <p>{t('open311:admin.none')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('open311:admin.colName')}</th>
                  <th scope="col">{t('open311:admin.colPrefix')}</th>
                  <th scope="col">{t('open311:admin.colCreated')}</th>
                  <th scope="col">{t('open311:admin.colStatus')}</th>
                </tr>
              </thead>
              <tbody>
                {clients.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      {c.name}
                      {c.contact_email && <div class="meta">{c.contact_email}</div>}
                    </th>
                    <td>
                      <code>{c.key_prefix}…</code>
                    </td>
                    <td>
                      <DateText date={c.created_at} />
                      {c.created_by_name && <div class="meta">{c.created_by_name}</div>}
                    </td>
                    <td>
                      {c.revoked_at ? (
                        <span class="tag tag-warn">{t('open311:admin.revokedAt', { date: formatShortDate(c.revoked_at, lang) })}</span>
                      ) : (
                        <>
                          <span class="tag tag-ok">{t('open311:admin.active')}</span>
                          <PostForm action={`/admin/api-clients/${c.id}/revoke`} class="inline-form">
                            {' '}
                            <button type="submit" class="button button-warning" aria-label={t('open311:admin.revokeLabel', { name: c.name })}>
                              {t('open311:admin.revoke')}
                            </button>
                          </PostForm>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}
