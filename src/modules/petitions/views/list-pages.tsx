import { formatNumber } from '../../../shared/i18n/format.js';
import type { FieldError } from '../../../shared/errors.js';
import { Checkbox, DateText, ErrorSummary, Pagination, Select, TableWrap, TextInput } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { placeCatalogue } from '../../places/catalogue.js';
import { MODERATION_TARGET_DAYS, PETITION_STATES, PUBLIC_STATES, REJECTION_REASONS, type Reason } from '../model.js';
import type { Counts, ListedPetition, PetitionView, WaitingPetition } from '../queries.js';
import { StateTag, Votes } from './parts.js';
import '../messages.js';

function Intro() {
  const { t } = usePage();
  return (
    <ul class="inline-list">
      <li>
        <a href="/petitions/new">{t('petitions:start')}</a>
      </li>
      <li>
        <a href="/petitions/mine">{t('petitions:mine')}</a>
      </li>
      <li>
        <a href="/petitions/waiting">{t('petitions:waitingLink')}</a>
      </li>
      <li>
        <a href="/petitions/standards">{t('petitions:standardsLink')}</a>
      </li>
    </ul>
  );
}

export function ListPage(props: {
  items: ListedPetition[];
  filters: { state: string; body: string; q: string; late: boolean };
  bodies: { slug: string; nameMn: string; nameEn: string }[];
  nextHref: string | null;
  jsonHref: string;
  errors: FieldError[];
}) {
  const { t, lang, now } = usePage();
  return (
    <Layout title={t('petitions:title')} jsonHref={props.jsonHref}>
      <h1>{t('petitions:title')}</h1>
      <p class="lead">{t('petitions:lead')}</p>
      <p>
        <a class="button button-primary" href="/petitions/new">
          {t('petitions:start')}
        </a>
      </p>
      <Intro />
      <ErrorSummary errors={props.errors} />
      <form method="get" action="/petitions" class="filters">
        <div class="filter-grid">
          <Select
            name="state"
            label={t('petitions:list.filterState')}
            placeholder={t('petitions:list.allStates')}
            value={props.filters.state}
            options={PUBLIC_STATES.map((s) => ({ value: s, label: t(`petitions:state.${s}`) }))}
            errors={props.errors}
          />
          <Select
            name="body"
            label={t('petitions:list.filterBody')}
            placeholder={t('petitions:list.allBodies')}
            value={props.filters.body}
            options={props.bodies.map((b) => ({ value: b.slug, label: localized(lang, b.nameMn, b.nameEn) }))}
            errors={props.errors}
          />
          <TextInput name="q" label={t('petitions:list.search')} value={props.filters.q} type="search" errors={props.errors} />
        </div>
        <Checkbox name="late" value="true" label={t('petitions:list.filterLate')} checked={props.filters.late} errors={props.errors} />
        <button type="submit" class="button button-secondary">
          {t('form.filter')}
        </button>
      </form>
      {props.items.length === 0 ? (
        <p>{t('petitions:list.empty')}</p>
      ) : (
        <ul class="card-list">
          {props.items.map((p) => (
            <li key={p.id}>
              <h3>
                <a href={`/petitions/${p.id}`}>{p.rejectionReason && ['defamatory', 'hateful', 'personal_data'].includes(p.rejectionReason) ? `${t('petitions:title')} №${p.id}` : p.title}</a>
              </h3>
              <p class="meta">
                <StateTag state={p.state === 'open' && p.closesAt && p.closesAt <= now ? 'closed' : p.state} /> {localized(lang, p.body.nameMn, p.body.nameEn)}
                {p.state !== 'rejected' && (
                  <>
                    {' · '}
                    <Votes n={p.votes} />
                  </>
                )}
                {p.state === 'open' && p.closesAt && p.closesAt > now && (
                  <>
                    {' · '}
                    {t('petitions:list.closes', { date: '' })}
                    <DateText date={p.closesAt} />
                  </>
                )}
                {p.state === 'rejected' && p.rejectionReason && <> · {t('petitions:list.rejectedBecause', { reason: t(`petitions:reason.${p.rejectionReason}`) })}</>}
                {p.lateSince && (
                  <>
                    {' '}
                    <span class="tag tag-overdue">{t('petitions:list.late')}</span>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination nextHref={props.nextHref} />
    </Layout>
  );
}

export function WaitingPage({ items }: { items: WaitingPetition[] }) {
  const { t, lang, now } = usePage();
  return (
    <Layout title={t('petitions:waiting.title')} jsonHref="/api/petitions/waiting" breadcrumbs={[{ href: '/petitions', label: t('petitions:title') }, { label: t('petitions:waiting.title') }]}>
      <h1>{t('petitions:waiting.title')}</h1>
      <p class="lead">{t('petitions:waiting.lead')}</p>
      {items.length === 0 ? (
        <p>{t('petitions:waiting.empty')}</p>
      ) : (
        <TableWrap label={t('petitions:waiting.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('petitions:field.title')}</th>
                <th scope="col">{t('petitions:page.to')}</th>
                <th scope="col">{t('petitions:waiting.waitingSince')}</th>
                <th scope="col">{t('petitions:waiting.due')}</th>
                <th scope="col">{t('petitions:waiting.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((w) => (
                <tr key={`${w.id}-${w.position}`}>
                  <th scope="row">
                    <a href={`/petitions/${w.id}`}>{w.title}</a>
                    <br />
                    <span class="meta">{t(`petitions:consequence.${w.consequence}`)}</span>
                  </th>
                  <td>
                    <a href={`/bodies/${w.body.slug}`}>{localized(lang, w.body.nameMn, w.body.nameEn)}</a>
                  </td>
                  <td>
                    <DateText date={w.reachedAt} />
                  </td>
                  <td>
                    <DateText date={w.dueAt} />
                  </td>
                  <td>
                    {w.dueAt < now ? (
                      <span class="tag tag-overdue">{t('petitions:page.late', { days: Math.max(1, Math.ceil((now.getTime() - w.dueAt.getTime()) / 86_400_000)) })}</span>
                    ) : (
                      t('petitions:waiting.onTrack')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}

export function StandardsPage({ figures }: { figures: { waiting: number; overdue: number; published: number; rejected: Record<Reason, number>; invalidated: number } }) {
  const { t, lang } = usePage();
  return (
    <Layout title={t('petitions:standards.title')} jsonHref="/api/petitions/moderation" breadcrumbs={[{ href: '/petitions', label: t('petitions:title') }, { label: t('petitions:standards.title') }]}>
      <h1>{t('petitions:standards.title')}</h1>
      <p class="lead">{t('petitions:standards.lead')}</p>
      <p>{t('petitions:standards.target', { days: MODERATION_TARGET_DAYS })}</p>
      <dl class="standards">
        {REJECTION_REASONS.map((r) => (
          <div key={r}>
            <dt>{t(`petitions:reason.${r}`)}</dt>
            <dd>{t(`petitions:reasonHint.${r}`)}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('petitions:standards.figures')}</h2>
      <dl class="summary-list">
        <dt>{t('petitions:standards.waiting')}</dt>
        <dd>{formatNumber(figures.waiting, lang)}</dd>
        <dt>{t('petitions:standards.overdue')}</dt>
        <dd>{figures.overdue > 0 ? <span class="tag tag-overdue">{formatNumber(figures.overdue, lang)}</span> : '0'}</dd>
        <dt>{t('petitions:standards.published')}</dt>
        <dd>{formatNumber(figures.published, lang)}</dd>
        {REJECTION_REASONS.map((r) => (
          <>
            <dt key={`dt-${r}`}>
              {t('petitions:standards.rejected')}: {t(`petitions:reason.${r}`)}
            </dt>
            <dd key={`dd-${r}`}>{formatNumber(figures.rejected[r], lang)}</dd>
          </>
        ))}
        <dt>{t('petitions:standards.invalidated')}</dt>
        <dd>{formatNumber(figures.invalidated, lang)}</dd>
      </dl>
    </Layout>
  );
}

/** Every soum and district with votes, or those of one aimag. */
export function PlacesPage({ view, counts, aimag }: { view: PetitionView; counts: Counts; aimag: string | null }) {
  const { t, lang } = usePage();
  const catalogue = placeCatalogue();
  const rows = [...counts.byPlace.entries()]
    .filter(([code, n]) => n !== 0 && (!aimag || code.startsWith(aimag)))
    .map(([code, n]) => ({ place: catalogue.get(code), parent: catalogue.get(code.slice(0, 2)), code, n }))
    .sort((a, b) => b.n - a.n || a.code.localeCompare(b.code));
  const title = t('petitions:page.placesTitle', { title: view.title });
  return (
    <Layout
      title={title}
      jsonHref={`/api/petitions/${view.id}`}
      breadcrumbs={[
        { href: '/petitions', label: t('petitions:title') },
        { href: `/petitions/${view.id}`, label: `№${view.id}` },
        { label: t('petitions:page.soum') },
      ]}
    >
      <h1>{title}</h1>
      <TableWrap label={title}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('petitions:page.soum')}</th>
              <th scope="col">{t('petitions:page.aimag')}</th>
              <th scope="col" class="num">
                {t('petitions:page.votes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code}>
                <th scope="row">{r.place ? (lang === 'en' ? r.place.name_en : r.place.name_mn) : r.code}</th>
                <td>{r.parent ? (lang === 'en' ? r.parent.name_en : r.parent.name_mn) : ''}</td>
                <td class="num">{formatNumber(r.n, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Layout>
  );
}

export const LIST_STATES = PETITION_STATES;
