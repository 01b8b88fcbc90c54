import { usePage } from '../../shared/views/context.js';
import { registerBodyPageSection } from '../bodies/extensions.js';
import { involvementOf } from './queries.js';
import { planPath } from './urls.js';
import { plainText } from './views/parts.js';
import './messages.js';

type Involvement = Awaited<ReturnType<typeof involvementOf>>;

function CommitmentsSection({ data }: { data: Involvement }) {
  const { t, lang } = usePage();
  return (
    <section aria-labelledby="commitments-section-title" class="panel">
      <h2 id="commitments-section-title">{t('commitments:section.title')}</h2>
      {data.owned.length > 0 && (
        <>
          <h3>{t('commitments:section.owns')}</h3>
          <ul class="link-list">
            {data.owned.map((p) => (
              <li key={p.slug}>
                <a href={planPath(p.slug)}>{plainText(lang, p.titleMn, p.titleEn)}</a> <span class="meta">({p.period})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.milestones.length > 0 && (
        <>
          <h3>{t('commitments:section.leads')}</h3>
          <ul class="link-list">
            {data.milestones.map((p) => (
              <li key={p.slug}>
                <a href={planPath(p.slug)}>{t('commitments:section.leadsLine', { plan: plainText(lang, p.titleMn, p.titleEn), count: p.count, lead: p.lead })}</a>
              </li>
            ))}
          </ul>
        </>
      )}
      {data.assessed.length > 0 && (
        <>
          <h3>{t('commitments:section.assesses')}</h3>
          <ul class="link-list">
            {data.assessed.map((p) => (
              <li key={p.slug}>
                <a href={planPath(p.slug)}>{t('commitments:section.assessesLine', { plan: plainText(lang, p.titleMn, p.titleEn), count: p.count })}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** A body's page lists the plans it owns and the milestones it implements (three indexed queries). */
registerBodyPageSection<Involvement>({
  key: 'commitments',
  order: 30,
  async load({ db, body }) {
    const data = await involvementOf(db, body.id);
    return data.owned.length || data.milestones.length || data.assessed.length ? data : null;
  },
  View: ({ data }) => <CommitmentsSection data={data} />,
});
