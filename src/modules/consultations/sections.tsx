import { DateText } from '../../shared/views/components.js';
import { usePage } from '../../shared/views/context.js';
import { registerBodyPageSection } from '../bodies/extensions.js';
import { bodyConsultations, lateConsultations, type ListedConsultation } from './queries.js';
import { consultationPath } from './urls.js';
import { consultationTitle, LateTag, Num, PhaseTag } from './views/parts.js';
import './messages.js';

interface BodyConsultations {
  slug: string;
  recent: ListedConsultation[];
  late: ListedConsultation[];
}

function BodyConsultationsSection({ data }: { data: BodyConsultations }) {
  const { t, lang } = usePage();
  return (
    <section aria-labelledby="body-consultations-title" class="panel">
      <h2 id="body-consultations-title">{t('consultations:title')}</h2>
      {data.late.length > 0 && (
        <div class="notice notice-warning">
          <p>
            <strong>{t('consultations:body.late', { count: data.late.length })}</strong>
          </p>
          <ul>
            {data.late.map((c) => (
              <li key={c.id}>
                <a href={consultationPath(c.id)}>{consultationTitle(lang, c)}</a>: {t('consultations:body.lateLine', { count: c.unanswered })} <DateText date={c.answersDueAt} /> <LateTag c={c} unanswered={c.unanswered} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul class="card-list">
        {data.recent.map((c) => (
          <li key={c.id}>
            <a href={consultationPath(c.id)}>{consultationTitle(lang, c)}</a>
            <p class="meta">
              <PhaseTag c={c} /> · {t('consultations:list.comments', { count: c.comments })} · {t('consultations:figures.unanswered')}: <Num value={c.unanswered} />
            </p>
          </li>
        ))}
      </ul>
      <p>
        <a href={`/consultations?body=${encodeURIComponent(data.slug)}`}>{t('consultations:body.all')}</a>
      </p>
    </section>
  );
}

/** The body page shows its published consultations and, prominently, those with late answers. */
registerBodyPageSection<BodyConsultations>({
  key: 'consultations',
  order: 20,
  async load({ db, body, now }) {
    const [all, late] = await Promise.all([bodyConsultations(db, [body.id], 6), lateConsultations(db, now, { bodyId: body.id })]);
    const recent = all.filter((c) => c.status !== 'draft').slice(0, 5);
    return recent.length || late.length ? { slug: body.slug, recent, late } : null;
  },
  View: ({ data }) => <BodyConsultationsSection data={data} />,
});
