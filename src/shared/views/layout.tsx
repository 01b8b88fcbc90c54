import type { ComponentChildren } from 'preact';
import { hasPlatformRole, staffBodyIds } from '../auth/actor.js';
import { asset } from './assets.js';
import { usePage } from './context.js';

export interface Crumb {
  href?: string;
  label: string;
}

export interface LayoutProps {
  title: string;
  children: ComponentChildren;
  /** Address of this page's JSON twin, linked for people and machines. */
  jsonHref?: string;
  breadcrumbs?: Crumb[];
  /** Extra enhancement scripts from src/static (all deferred, all optional). */
  scripts?: string[];
}

function switchHref(path: string, to: string): string {
  return `/lang/${to}?next=${encodeURIComponent(path)}`;
}

export function Layout({ title, children, jsonHref, breadcrumbs, scripts = [] }: LayoutProps) {
  const { t, lang, actor, path, largeText, csrfToken } = usePage();
  const isStaff = staffBodyIds(actor).length > 0;
  return (
    <html lang={lang} class={largeText ? 'large-text' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t('site.name')}`}</title>
        <link rel="stylesheet" href={asset('site.css')} />
        <link rel="icon" href={asset('favicon.svg')} type="image/svg+xml" />
        {jsonHref && <link rel="alternate" type="application/json" href={jsonHref} />}
        {['enhance.js', ...scripts].map((s) => (
          <script key={s} src={asset(s)} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('site.skipToContent')}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              <span class="brand-name">{t('site.name')}</span>
            </a>
            <div class="header-tools">
              <a class="tool-link" href={switchHref(path, lang === 'mn' ? 'en' : 'mn')} lang={lang === 'mn' ? 'en' : 'mn'} hrefLang={lang === 'mn' ? 'en' : 'mn'}>
                {lang === 'mn' ? t('site.switchToEnglish') : t('site.switchToMongolian')}
              </a>
              <a class="tool-link" href={`/display/${largeText ? 'standard' : 'large'}?next=${encodeURIComponent(path)}`}>
                {largeText ? t('site.standardText') : t('site.largeText')}
              </a>
              {actor ? (
                <form method="post" action="/account/sign-out" class="inline-form">
                  <input type="hidden" name="_csrf" value={csrfToken()} />
                  <a class="tool-link" href="/account">
                    {actor.displayName}
                  </a>{' '}
                  <button type="submit" class="link-button">
                    {t('account.signOut')}
                  </button>
                </form>
              ) : (
                <a class="tool-link" href={`/account/sign-in?next=${encodeURIComponent(path)}`}>
                  {t('account.signIn')}
                </a>
              )}
            </div>
          </div>
          <nav class="wrap main-nav" aria-label={t('site.mainNav')}>
            <ul>
              <li>
                <a href="/feedback/new">{t('site.submitFeedback')}</a>
              </li>
              <li>
                <a href="/feedback">{t('site.feedback')}</a>
              </li>
              <li>
                <a href="/track">{t('site.track')}</a>
              </li>
              <li>
                <a href="/petitions">{t('petitions:nav')}</a>
              </li>
              <li>
                <a href="/consultations">{t('site.consultations')}</a>
              </li>
              <li>
                <a href="/commitments">{t('site.commitments')}</a>
              </li>
              <li>
                <a href="/responsiveness">{t('site.responsiveness')}</a>
              </li>
              <li>
                <a href="/bodies">{t('site.bodies')}</a>
              </li>
              {isStaff && (
                <li>
                  <a href="/inbox">{t('site.inbox')}</a>
                </li>
              )}
              {hasPlatformRole(actor, 'operator') && (
                <li>
                  <a href="/operator">{t('site.operator')}</a>
                </li>
              )}
              {(hasPlatformRole(actor, 'moderator') || hasPlatformRole(actor, 'platform_admin')) && (
                <li>
                  <a href="/moderation">{t('site.moderation')}</a>
                </li>
              )}
              {hasPlatformRole(actor, 'platform_admin') && (
                <li>
                  <a href="/admin">{t('site.admin')}</a>
                </li>
              )}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {breadcrumbs && breadcrumbs.length > 0 && (
            <nav aria-label={t('site.breadcrumb')} class="breadcrumbs">
              <ol>
                {breadcrumbs.map((c, i) => (
                  <li key={i}>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
                ))}
              </ol>
            </nav>
          )}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('site.footerAbout')}</p>
            <ul class="footer-links">
              <li>
                <a href="/record">{t('site.record')}</a>
              </li>
              <li>
                <a href="/open-data">{t('site.openData')}</a>
              </li>
              <li>
                <a href="/api/openapi.json">{t('site.api')}</a>
              </li>
              <li>
                <a href="/accessibility">{t('site.accessibility')}</a>
              </li>
              {jsonHref && (
                <li>
                  <a href={jsonHref}>{t('site.jsonVersion')}</a>
                </li>
              )}
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}
