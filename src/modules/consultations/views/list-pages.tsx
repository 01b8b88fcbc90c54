import { DateText, Pagination, Select, TableWrap } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { CONSULTATION_KINDS } from '../model.js';
import type { ListedConsultation } from '../queries.js';
import { consultationPath, managePath } from '../urls.js';
import { bodyName, consultationTitle, LateTag, Num, Period, PhaseTag, useCrumbs } from './parts.js';

export interface ListFilterValues {
  phase: string;
  kind: string;
  body: string;
}

function ConsultationCard({ c }: { c: ListedConsultation }) {
  const { t, lang } = usePage();
  return (
    <li>
      <h3>
        <a href={consultationPath(c.id)}>{consultationTitle(lang, c)}</a>
      </h3>
      <p class="meta">
        <PhaseTag c={c} /> <LateTag c={c} unanswered={c.unanswered} /> {t(`consultations:kind.${c.kind}`)} · {bodyName(lang, c.body)}
      </p>
      <p>
        {t('consultations:list.period')}: <Period c={c} />
      </p>
      <p>
        {t('consultations:list.comments', { count: c.comments })}
        {c.comments > 0 && <> · {t('consultations:list.unanswered', { count: c.unanswered })}</>}
      </p>
    </li>
  );
}

/** /consultations: open consultations first, then upcoming, closed and finished ones. */
export function ListPage(props: {
  items: ListedConsultation[];
  filters: ListFilterValues;
  bodies: { slug: string; name: string }[];
  nextHref: string | null;
  prevHref: string | null;
  jsonHref: string;
  csvHref: string;
  canCreate: boolean;
  moderationCount: number | null;
}) {
  const { t } = usePage();
  const crumbs = useCrumbs();
  return (
    <Layout title={t('consultations:title')} jsonHref={props.jsonHref} breadcrumbs={crumbs().slice(0, 1).concat([{ label: t('consultations:title') }])}>
      <h1>{t('consultations:title')}</h1>
      <p class="lead">{t('consultations:list.lead')}</p>
      <p class="button-row">
        {props.canCreate && (
          <>
            <a class="button button-primary" href="/consultations/new">
              {t('consultations:list.create')}
            </a>
            <a class="button button-secondary" href="/consultations/manage">
              {t('consultations:list.yours')}
            </a>
          </>
        )}
        {props.moderationCount !== null && (
          <a class="button button-secondary" href="/consultations/moderation">
            {t('consultations:list.moderation', { count: props.moderationCount })}
          </a>
        )}
      </p>
      <form method="get" action="/consultations" class="filters">
        <h2 class="filters-title">{t('consultations:list.filters')}</h2>
        <div class="filter-grid">
          <Select
            name="phase"
            label={t('consultations:list.phase')}
            value={props.filters.phase}
            placeholder={t('consultations:list.anyPhase')}
            options={(['open', 'upcoming', 'closed', 'finished'] as const).map((p) => ({ value: p, label: t(`consultations:phase.${p}`) }))}
          />
          <Select
            name="kind"
            label={t('consultations:field.kind')}
            value={props.filters.kind}
            placeholder={t('consultations:list.anyKind')}
            options={CONSULTATION_KINDS.map((k) => ({ value: k, label: t(`consultations:kind.${k}`) }))}
          />
          <Select name="body" label={t('consultations:field.body')} value={props.filters.body} placeholder={t('consultations:list.anyBody')} options={props.bodies.map((b) => ({ value: b.slug, label: b.name }))} />
        </div>
        <button type="submit" class="button button-secondary">
          {t('form.filter')}
        </button>
      </form>
      {props.items.length === 0 ? (
        <p>{t('consultations:list.empty')}</p>
      ) : (
        <ul class="card-list">
          {props.items.map((c) => (
            <ConsultationCard key={c.id} c={c} />
          ))}
        </ul>
      )}
      <Pagination prevHref={props.prevHref} nextHref={props.nextHref} />
      <p>
        <a href="/consultations/late">{t('consultations:late.link')}</a> · <a href={props.csvHref}>{t('consultations:list.csv')}</a> · <a href={props.jsonHref}>{t('consultations:list.json')}</a>
      </p>
    </Layout>
  );
}

/** /consultations/late: where the body owes answers past their due date. */
export function LatePage({ items, jsonHref }: { items: ListedConsultation[]; jsonHref: string }) {
  const { t, lang, now } = usePage();
  const crumbs = useCrumbs();
  return (
    <Layout title={t('consultations:late.title')} jsonHref={jsonHref} breadcrumbs={crumbs([{ label: t('consultations:late.title') }])}>
      <h1>{t('consultations:late.title')}</h1>
      <p class="lead">{t('consultations:late.lead')}</p>
      {items.length === 0 ? (
        <p>{t('consultations:late.none')}</p>
      ) : (
        <TableWrap label={t('consultations:late.title')}>
          <table>
            <caption class="visually-hidden">{t('consultations:late.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultations:field.body')}</th>
                <th scope="col">{t('consultations:late.consultation')}</th>
                <th scope="col">{t('consultations:late.due')}</th>
                <th scope="col" class="num">
                  {t('consultations:figures.unanswered')}
                </th>
                <th scope="col">{t('consultations:late.lateness')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={`/bodies/${c.body.slug}`}>{bodyName(lang, c.body)}</a>
                  </td>
                  <td>
                    <a href={consultationPath(c.id)}>{consultationTitle(lang, c)}</a>
                  </td>
                  <td>
                    <DateText date={c.answersDueAt} />
                  </td>
                  <td class="num">
                    <Num value={c.unanswered} /> / <Num value={c.comments} />
                  </td>
                  <td>
                    <LateTag c={c} unanswered={c.unanswered} />
                    {now.getTime() <= c.answersDueAt.getTime() && '—'}
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

/** /consultations/manage: a body's own consultations, drafts included. */
export function ManageListPage({ items, canCreate }: { items: ListedConsultation[]; canCreate: boolean }) {
  const { t, lang } = usePage();
  const crumbs = useCrumbs();
  return (
    <Layout title={t('consultations:manage.listTitle')} breadcrumbs={crumbs([{ label: t('consultations:manage.listTitle') }])}>
      <h1>{t('consultations:manage.listTitle')}</h1>
      {canCreate && (
        <p>
          <a class="button button-primary" href="/consultations/new">
            {t('consultations:list.create')}
          </a>
        </p>
      )}
      {items.length === 0 ? (
        <p>{t('consultations:manage.none')}</p>
      ) : (
        <TableWrap label={t('consultations:manage.listTitle')}>
          <table>
            <caption class="visually-hidden">{t('consultations:manage.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('consultations:late.consultation')}</th>
                <th scope="col">{t('consultations:field.body')}</th>
                <th scope="col">{t('consultations:list.phase')}</th>
                <th scope="col" class="num">
                  {t('consultations:figures.comments')}
                </th>
                <th scope="col" class="num">
                  {t('consultations:figures.unanswered')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <a href={managePath(c.id)}>{consultationTitle(lang, c)}</a>
                  </td>
                  <td>{bodyName(lang, c.body)}</td>
                  <td>
                    <PhaseTag c={c} /> <LateTag c={c} unanswered={c.unanswered} />
                  </td>
                  <td class="num">
                    <Num value={c.comments} />
                  </td>
                  <td class="num">
                    <Num value={c.unanswered} />
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
