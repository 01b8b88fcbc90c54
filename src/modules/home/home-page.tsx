import { usePage } from '../../shared/views/context.js';
import { Layout } from '../../shared/views/layout.js';
import './messages.js';

export function HomePage() {
  const { t } = usePage();
  return (
    <Layout title={t('home:title')}>
      <section class="hero">
        <h1>{t('home:title')}</h1>
        <p class="lead">{t('home:lead')}</p>
        <p>
          <a class="button button-primary button-large" href="/feedback/new">
            {t('home:startFeedback')}
          </a>
        </p>
      </section>
      <section class="panel" aria-labelledby="track-title">
        <h2 id="track-title">{t('home:trackTitle')}</h2>
        <form method="get" action="/track" class="inline-search">
          <label for="track-code" class="label">
            {t('home:trackHint')}
          </label>
          <input id="track-code" name="code" class="input input-short" autocomplete="off" spellcheck={false} maxLength={12} />
          <button type="submit" class="button button-secondary">
            {t('common:site.track')}
          </button>
        </form>
      </section>
      <section aria-labelledby="principles-title">
        <h2 id="principles-title">{t('home:principlesTitle')}</h2>
        <ul class="principles">
          <li>{t('home:principleAnswer')}</li>
          <li>{t('home:principleRecord')}</li>
          <li>{t('home:principleReach')}</li>
          <li>{t('home:principlePrivacy')}</li>
        </ul>
      </section>
    </Layout>
  );
}
