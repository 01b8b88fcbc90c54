import { sql } from 'kysely';
import { DateText } from '../../shared/views/components.js';
import { usePage } from '../../shared/views/context.js';
import { registerBodyPageSection } from '../bodies/extensions.js';
import { PETITION_BODY_TYPES } from './ladder.js';
import type { State } from './model.js';
import { Votes, StateTag } from './views/parts.js';
import './messages.js';

interface BodyPetitions {
  slug: string;
  late: number;
  /** Answers this body gave after their due date (they stay counted once given). */
  answeredLate: number;
  petitions: { id: number; title: string; state: State; votes: number; lateSince: Date | null; answeredLate: number }[];
}

function Section({ data }: { data: BodyPetitions }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="petitions-title" class="panel">
      <h2 id="petitions-title">{t('petitions:body.title')}</h2>
      {(data.late > 0 || data.answeredLate > 0) && (
        <p>
          {data.late > 0 && <span class="tag tag-overdue">{t('petitions:body.late', { count: data.late })}</span>}{' '}
          {data.answeredLate > 0 && <span class="tag tag-overdue">{t('petitions:body.answeredLate', { count: data.answeredLate })}</span>}
        </p>
      )}
      {data.petitions.length === 0 ? (
        <p>{t('petitions:body.none')}</p>
      ) : (
        <ul class="card-list">
          {data.petitions.map((p) => (
            <li key={p.id}>
              <a href={`/petitions/${p.id}`}>{p.title}</a>{' '}
              <span class="meta">
                <StateTag state={p.state} /> <Votes n={p.votes} />
              </span>
              {p.lateSince && (
                <p class="meta">
                  <span class="tag tag-overdue">{t('petitions:list.late')}</span> <DateText date={p.lateSince} />
                </p>
              )}
              {p.answeredLate > 0 && (
                <p class="meta">
                  <span class="tag tag-overdue">{t('petitions:page.answeredLate')}</span>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/petitions?body=${data.slug}`}>{t('petitions:body.all')}</a>
      </p>
    </section>
  );
}

/** The body page lists the petitions addressed to it, how many of its answers are late now and how many it gave late. */
registerBodyPageSection<BodyPetitions>({
  key: 'petitions',
  order: 20,
  async load({ db, body, now }) {
    if (!PETITION_BODY_TYPES.includes(body.type)) return null;
    const { rows } = await sql<{ id: number; title: string; state: State; votes: number; late_since: Date | null; answered_late: number }>`
      SELECT p.id, p.title, p.state,
             coalesce((SELECT sum(votes) FROM petition_count c WHERE c.petition_id = p.id), 0) AS votes,
             (SELECT min(due_at) FROM petition_step s WHERE s.petition_id = p.id AND s.due_at < ${now} AND s.answered_at IS NULL) AS late_since,
             (SELECT count(*) FROM petition_response r WHERE r.petition_id = p.id AND r.on_time = false) AS answered_late
      FROM petition p WHERE p.body_id = ${body.id} AND p.state IN ('open', 'closed')
      ORDER BY (SELECT min(due_at) FROM petition_step s WHERE s.petition_id = p.id AND s.due_at < ${now} AND s.answered_at IS NULL) NULLS LAST, p.id DESC
      LIMIT 10`.execute(db);
    const late = await sql<{ n: number; answered_late: number }>`
      SELECT (SELECT count(*) FROM petition_step s JOIN petition p ON p.id = s.petition_id
              WHERE p.body_id = ${body.id} AND s.due_at < ${now} AND s.answered_at IS NULL) AS n,
             (SELECT count(*) FROM petition_response r JOIN petition p ON p.id = r.petition_id
              WHERE p.body_id = ${body.id} AND r.on_time = false) AS answered_late`.execute(db);
    return {
      slug: body.slug,
      late: Number(late.rows[0]?.n ?? 0),
      answeredLate: Number(late.rows[0]?.answered_late ?? 0),
      petitions: rows.map((r) => ({ id: r.id, title: r.title, state: r.state, votes: Number(r.votes), lateSince: r.late_since, answeredLate: Number(r.answered_late) })),
    };
  },
  View: ({ data }) => <Section data={data} />,
});
