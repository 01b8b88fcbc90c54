import type { FieldError } from '../../../shared/errors.js';
import { formatDateTime } from '../../../shared/i18n/format.js';
import { Button, ErrorSummary, Notice, PostForm, TextInput } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import '../messages.js';
import { titleWithErrors, type FormValues } from './shared.js';

export type SignInNotice = 'reset' | 'everywhere';

export interface SignInPageProps {
  values?: FormValues;
  errors?: FieldError[];
  /** Where to go after signing in (already checked to be a local path). */
  next: string;
  /** Set when sign-in is paused by the rate limit. */
  blockedUntil?: Date;
  notice?: SignInNotice | null;
}

export function SignInPage({ values = {}, errors = [], next, blockedUntil, notice }: SignInPageProps) {
  const { t, lang, now } = usePage();
  const title = t('accounts:signIn.title');
  const minutes = blockedUntil ? Math.max(1, Math.ceil((blockedUntil.getTime() - now.getTime()) / 60_000)) : 0;
  return (
    <Layout title={titleWithErrors(t, title, errors.length > 0 || !!blockedUntil)}>
      {blockedUntil && (
        <div class="error-summary" role="alert" aria-labelledby="blocked-title" tabIndex={-1} data-autofocus>
          <h2 id="blocked-title">{t('accounts:signIn.rateLimitedTitle')}</h2>
          <p>{t('accounts:signIn.rateLimited', { count: minutes, time: formatDateTime(blockedUntil, lang) })}</p>
        </div>
      )}
      <ErrorSummary errors={errors} />
      {notice && <Notice kind="success">{t(`accounts:signIn.done.${notice}`)}</Notice>}
      <h1>{title}</h1>
      <PostForm action="/account/sign-in">
        <input type="hidden" name="next" value={next} />
        <TextInput name="email" type="email" label={t('accounts:fields.email')} autocomplete="email" spellcheck={false} value={values.email} errors={errors} />
        <TextInput name="password" type="password" label={t('accounts:fields.password')} autocomplete="current-password" errors={errors} />
        <Button>{t('accounts:signIn.submit')}</Button>
      </PostForm>
      <p>
        {t('accounts:signIn.forgot')} <a href="/account/password/forgot">{t('accounts:forgot.title')}</a>
      </p>
      <p>
        {t('accounts:signIn.noAccount')} <a href="/account/sign-up">{t('account.signUp')}</a>
      </p>
    </Layout>
  );
}
