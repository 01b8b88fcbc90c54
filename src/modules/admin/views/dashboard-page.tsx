import type { ComponentChildren } from 'preact';
import { formatNumber } from '../../../shared/i18n/format.js';
import { Notice } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { DashboardCounts } from '../queries.js';
import { named } from './parts.js';

function Area({ id, href, title, text, children }: { id: string; href: string; title: string; text: string; children?: ComponentChildren }) {
  return (
    <li aria-labelledby={`area-${id}`}>
      <h2 id={`area-${id}`}>
        <a href={href}>{title}</a>
      </h2>
      <p>{text}</p>
      {children}
    </li>
  );
}

/** /admin: every admin area with a few live figures, and where unrouted feedback goes. */
export function DashboardPage({ counts }: { counts: DashboardCounts }) {
  const { t, lang } = usePage();
  const n = (value: number) => formatNumber(value, lang);
  return (
    <Layout title={t('admin:dashboard.title')}>
      <h1>{t('admin:dashboard.title')}</h1>
      <p class="lead">{t('admin:dashboard.lead')}</p>
      {!counts.fallback && (
        <Notice kind="warning">
          <p>{t('admin:dashboard.noFallback')}</p>
          <p>
            <a href="/admin/routing/new">{t('admin:routing.add')}</a>
          </p>
        </Notice>
      )}
      <ul class="admin-areas">
        <Area id="bodies" href="/admin/bodies" title={t('admin:dashboard.bodies')} text={t('admin:dashboard.bodiesText')}>
          <p class="meta">{t('admin:dashboard.bodiesCount', { n: n(counts.bodies) })}</p>
        </Area>
        <Area id="categories" href="/admin/categories" title={t('admin:dashboard.categories')} text={t('admin:dashboard.categoriesText')}>
          <p class="meta">{t('admin:dashboard.categoriesCount', { active: n(counts.categories.active), total: n(counts.categories.total) })}</p>
        </Area>
        <Area id="routing" href="/admin/routing" title={t('admin:dashboard.routing')} text={t('admin:dashboard.routingText')}>
          <p class="meta">{t('admin:dashboard.routingCount', { n: n(counts.routingRules) })}</p>
          <p>
            <a href="/admin/routing/test">{t('admin:routing.test')}</a>
          </p>
        </Area>
        <Area id="deadlines" href="/admin/deadlines" title={t('admin:dashboard.deadlines')} text={t('admin:dashboard.deadlinesText')}>
          <p class="meta">{t('admin:dashboard.deadlinesCount', { n: n(counts.overrides) })}</p>
        </Area>
        <Area id="holidays" href="/admin/holidays" title={t('admin:dashboard.holidays')} text={t('admin:dashboard.holidaysText')}>
          <p class="meta">{t('admin:dashboard.holidaysCount', { year: counts.holidays.year, n: n(counts.holidays.count) })}</p>
        </Area>
        <Area id="api-clients" href="/admin/api-clients" title={t('admin:dashboard.apiClients')} text={t('admin:dashboard.apiClientsText')}>
          <p class="meta">{t('admin:dashboard.apiClientsCount', { n: n(counts.apiClients) })}</p>
        </Area>
      </ul>
      {counts.fallback && (
        <section class="panel" aria-labelledby="fallback-title">
          <h2 id="fallback-title">{t('admin:dashboard.fallbackTitle')}</h2>
          <p id="fallback-count">{t('admin:dashboard.fallbackCount', { body: named(lang, { nameMn: counts.fallback.bodyMn, nameEn: counts.fallback.bodyEn }), n: n(counts.fallback.items) })}</p>
          <p>{t('admin:dashboard.fallbackHint')}</p>
          <ul class="inline-list">
            <li>
              <a href="/admin/routing/new">{t('admin:routing.add')}</a>
            </li>
            <li>
              <a href="/admin/routing/test">{t('admin:routing.test')}</a>
            </li>
          </ul>
        </section>
      )}
    </Layout>
  );
}
