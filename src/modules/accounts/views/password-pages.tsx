import type { FieldError } from '../../../shared/errors.js';
import { Button, ErrorSummary, PostForm, TextInput } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import '../messages.js';
import { titleWithErrors, type FormValues } from './shared.js';

export function ForgotPasswordPage({ values = {}, errors = [] }: { values?: FormValues; errors?: FieldError[] }) {
  const { t } = usePage();
  const title = t('accounts:forgot.title');
  return (
    <Layout title={titleWithErrors(t, title, errors)}>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{t('accounts:forgot.lead')}</p>
      <PostForm action="/account/password/forgot">
        <TextInput name="email" type="email" label={t('accounts:fields.email')} autocomplete="email" spellcheck={false} value={values.email} errors={errors} />
        <Button>{t('accounts:forgot.submit')}</Button>
      </PostForm>
    </Layout>
  );
}

export function ResetLinkSentPage() {
  const { t } = usePage();
  return (
    <Layout title={t('accounts:forgot.sentTitle')}>
      <h1>{t('accounts:forgot.sentTitle')}</h1>
      <p class="lead">{t('accounts:forgot.sentBody')}</p>
    </Layout>
  );
}

export function ResetPasswordPage({ token, errors = [] }: { token: string; errors?: FieldError[] }) {
  const { t } = usePage();
  const title = t('accounts:reset.title');
  return (
    <Layout title={titleWithErrors(t, title, errors)}>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{t('accounts:reset.lead')}</p>
      <PostForm action={`/account/password/reset/${token}`}>
        <TextInput name="password" type="password" label={t('accounts:fields.newPassword')} hint={t('accounts:fields.passwordHint')} autocomplete="new-password" errors={errors} />
        <Button>{t('accounts:reset.submit')}</Button>
      </PostForm>
    </Layout>
  );
}

export function ChangePasswordPage({ errors = [] }: { errors?: FieldError[] }) {
  const { t } = usePage();
  const title = t('accounts:changePassword.title');
  return (
    <Layout title={titleWithErrors(t, title, errors)} breadcrumbs={[{ href: '/account', label: t('accounts:account.title') }, { label: title }]}>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{t('accounts:changePassword.lead')}</p>
      <PostForm action="/account/password">
        <TextInput name="current_password" type="password" label={t('accounts:fields.currentPassword')} autocomplete="current-password" errors={errors} />
        <TextInput name="new_password" type="password" label={t('accounts:fields.newPassword')} hint={t('accounts:fields.passwordHint')} autocomplete="new-password" errors={errors} />
        <Button>{t('accounts:changePassword.submit')}</Button>
      </PostForm>
    </Layout>
  );
}
