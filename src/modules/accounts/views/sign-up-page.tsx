import type { FieldError } from '../../../shared/errors.js';
import { Button, ErrorSummary, PostForm, TextInput } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import '../messages.js';
import { titleWithErrors, type FormValues } from './shared.js';

export function SignUpPage({ values = {}, errors = [] }: { values?: FormValues; errors?: FieldError[] }) {
  const { t } = usePage();
  const title = t('accounts:signUp.title');
  return (
    <Layout title={titleWithErrors(t, title, errors)}>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{t('accounts:signUp.lead')}</p>
      <PostForm action="/account/sign-up">
        <TextInput name="display_name" label={t('accounts:fields.displayName')} hint={t('accounts:fields.displayNameHint')} autocomplete="name" value={values.display_name} errors={errors} />
        <TextInput
          name="email"
          type="email"
          label={t('accounts:fields.email')}
          hint={t('accounts:fields.signUpEmailHint')}
          autocomplete="email"
          spellcheck={false}
          value={values.email}
          errors={errors}
        />
        <TextInput name="password" type="password" label={t('accounts:fields.password')} hint={t('accounts:fields.passwordHint')} autocomplete="new-password" errors={errors} />
        <Button>{t('accounts:signUp.submit')}</Button>
      </PostForm>
      <p>
        {t('accounts:signUp.haveAccount')} <a href="/account/sign-in">{t('account.signIn')}</a>
      </p>
    </Layout>
  );
}

export function CheckEmailPage() {
  const { t } = usePage();
  return (
    <Layout title={t('accounts:checkEmail.title')}>
      <h1>{t('accounts:checkEmail.title')}</h1>
      <p class="lead">{t('accounts:checkEmail.body')}</p>
      <p>{t('accounts:checkEmail.notArrived')}</p>
    </Layout>
  );
}
