import { DateText, TableWrap } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { WorkItem } from '../queries.js';
import { commentsPath, milestonePath, plansPath, reportFormPath } from '../urls.js';
import { DayText, MilestoneTitle, plainText, StatusTag } from './parts.js';

/** A body's staff: the milestones they report on, soonest first, and comments waiting for their answer. */
export function WorkPage({ items, comments, today }: { items: WorkItem[]; comments: { planSlug: string; count: number; oldest: Date }[]; today: string }) {
  const { t, lang } = usePage();
  const title = t('commitments:work.title');
  return (
    <Layout title={title} breadcrumbs={[{ href: plansPath, label: t('commitments:title') }, { label: title }]}>
      <h1>{title}</h1>
      <p class="lead">{t('commitments:work.lead')}</p>
      {items.length === 0 ? (
        <p>{t('commitments:work.none')}</p>
      ) : (
        <TableWrap label={title}>
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('commitments:commitment.milestoneColumn')}</th>
                <th scope="col">{t('commitments:commitment.dueColumn')}</th>
                <th scope="col">{t('commitments:commitment.governmentColumn')}</th>
                <th scope="col">{t('commitments:work.lastReport')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.milestoneId}>
                  <th scope="row">
                    <span class="meta">{plainText(lang, m.planTitleMn, m.planTitleEn)}</span>
                    <br />
                    <a href={milestonePath(m.planSlug, m.milestoneId)}>
                      {m.commitmentNumber}.{m.sequence} <MilestoneTitle m={{ titleMn: m.titleMn, titleEn: m.titleEn, titleRaw: null, titleCandidate: null }} />
                    </a>
                    {m.disagreements > 0 && (
                      <>
                        {' '}
                        <span class="tag tag-warn">{t('commitments:work.disagreements', { count: m.disagreements })}</span>
                      </>
                    )}
                  </th>
                  <td>
                    <DayText day={m.due} />
                    {m.due < today && m.government !== 'completed' && m.government !== 'completed_or_substantial_progress' && (
                      <>
                        {' '}
                        <span class="tag tag-overdue">{t('commitments:milestone.overdue')}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <StatusTag value={m.government} />
                  </td>
                  <td>
                    {m.lastReportedAt ? <DateText date={m.lastReportedAt} /> : t('commitments:work.never')} ·{' '}
                    <a href={reportFormPath(m.planSlug, m.milestoneId)}>{t('commitments:milestone.report')}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <h2>{t('commitments:work.comments')}</h2>
      {comments.length === 0 ? (
        <p>{t('commitments:work.noComments')}</p>
      ) : (
        <ul class="link-list">
          {comments.map((c) => (
            <li key={c.planSlug}>
              <a href={commentsPath(c.planSlug)}>{t('commitments:comments.waiting', { count: c.count })}</a> ({c.planSlug})
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
