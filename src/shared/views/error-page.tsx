import { Layout } from './layout.js';
import { usePage } from './context.js';

export function ErrorPage({ status, message }: { status: number; message: string }) {
  const { t } = usePage();
  const title = status === 404 ? t('errors.not_found') : t('errors.title');
  return (
    <Layout title={`${status} · ${t('errors.title')}`}>
      <h1>{status === 404 ? `404` : `${t('errors.title')} ${status}`}</h1>
      <p class="lead" role={status >= 500 ? 'alert' : undefined}>
        {message || title}
      </p>
      <p>
        <a href="/">{t('errors.goHome')}</a>
      </p>
    </Layout>
  );
}
