import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import '../messages.js';

export function VerifiedPage({ name }: { name: string }) {
  const { t, actor } = usePage();
  return (
    <Layout title={t('accounts:verified.title')}>
      <h1>{t('accounts:verified.title')}</h1>
      {actor ? (
        <>
          <p class="lead">{t('accounts:verified.signedInBody', { name })}</p>
          <p>
            <a class="button button-primary" href="/account">
              {t('accounts:verified.goToAccount')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="lead">{t('accounts:verified.body', { name })}</p>
          <p>
            <a class="button button-primary" href={`/account/sign-in?next=${encodeURIComponent('/account')}`}>
              {t('account.signIn')}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}

/** A used, expired or unknown emailed link: what happened and the next step, never a bare error. */
export function LinkProblemPage({ purpose, problem }: { purpose: 'verify_email' | 'reset_password'; problem: 'invalid' | 'used' | 'expired' }) {
  const { t, actor } = usePage();
  const title = problem === 'used' ? t('accounts:link.usedTitle') : problem === 'expired' ? t('accounts:link.expiredTitle') : t('accounts:link.invalidTitle');
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      {problem === 'invalid' && <p class="lead">{t('accounts:link.invalidBody')}</p>}
      {purpose === 'verify_email' ? (
        <>
          {problem === 'used' && <p>{t('accounts:link.verifyUsedBody')}</p>}
          <p>{t('accounts:link.verifyNewBody')}</p>
          <p>
            {actor ? (
              <a class="button button-primary" href="/account">
                {t('accounts:verified.goToAccount')}
              </a>
            ) : (
              <a class="button button-primary" href={`/account/sign-in?next=${encodeURIComponent('/account')}`}>
                {t('account.signIn')}
              </a>
            )}
          </p>
        </>
      ) : (
        <>
          <p>{t('accounts:link.resetBody')}</p>
          <p>
            <a class="button button-primary" href="/account/password/forgot">
              {t('accounts:link.resetNew')}
            </a>
          </p>
        </>
      )}
    </Layout>
  );
}
