import { DateText, Notice, PostForm } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { ArticleCount, CommentFigures, Consultation, Hearing, SubscriptionState, TextElement, VersionRow } from '../queries.js';
import { articlePath, changesPath, commentsPath, generalCommentsPath, managePath, reportPath, textPath, versionPath } from '../urls.js';
import { bodyName, consultationTitle, elementLabel, FiguresList, LateTag, Num, Period, PhaseTag, Section, useCrumbs, useMemoT } from './parts.js';

export interface ConsultationPageProps {
  c: Consultation;
  figures: CommentFigures;
  outline: TextElement[];
  counts: Map<number, ArticleCount>;
  versions: VersionRow[];
  current: VersionRow;
  hearings: Hearing[];
  moderation: { decision: string; reason: string; count: number }[];
  subscription: SubscriptionState | 'anonymous';
  canManage: boolean;
  notice?: string | null;
  jsonHref: string;
}

/** Table of contents: chapters with their articles, each with its comment count. */
function Outline({ c, outline, counts }: { c: Consultation; outline: TextElement[]; counts: Map<number, ArticleCount> }) {
  const { lang } = usePage();
  const t = useMemoT();
  const groups: { chapter: TextElement | null; articles: TextElement[] }[] = [];
  for (const e of outline) {
    if (e.kind === 'chapter') groups.push({ chapter: e, articles: [] });
    else if (e.kind === 'article') {
      if (groups.length === 0) groups.push({ chapter: null, articles: [] });
      groups[groups.length - 1]!.articles.push(e);
    }
  }
  return (
    <div class="outline">
      {groups.map((g, i) => (
        <div key={g.chapter?.id ?? `g${i}`}>
          {g.chapter && (
            <h3>
              {elementLabel(lang, 'chapter', g.chapter.number)}
              {g.chapter.heading && (
                <>
                  {'. '}
                  <span lang="mn">{g.chapter.heading}</span>
                </>
              )}
            </h3>
          )}
          <ul class="outline-list">
            {g.articles.map((a) => {
              const n = counts.get(a.unitId);
              return (
                <li key={a.id}>
                  <a href={articlePath(c.id, a.unitId)}>
                    {elementLabel(lang, 'article', a.number)}
                    {a.heading && (
                      <>
                        {'. '}
                        <span lang="mn">{a.heading}</span>
                      </>
                    )}
                  </a>{' '}
                  <span class="meta">
                    {t('consultations:toc.comments', { count: n?.comments ?? 0 })}
                    {n && n.unanswered > 0 && n.unanswered < n.comments && ` · ${t('consultations:list.unanswered', { count: n.unanswered })}`}
                    {n && n.unanswered > 0 && n.unanswered === n.comments && ` · ${t('consultations:toc.noneAnswered')}`}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </div>
  );
}

/** /consultations/:id: what the draft is, its period, its text's outline with comment counts, hearings, versions. */
export function ConsultationPage(props: ConsultationPageProps) {
  const { t, lang, now } = usePage();
  const { c, figures } = props;
  const crumbs = useCrumbs();
  const title = consultationTitle(lang, c);
  const general = props.counts.get(0)?.comments ?? 0;
  const latest = props.versions.filter((v) => v.publishedAt).length;
  return (
    <Layout title={title} jsonHref={props.jsonHref} breadcrumbs={crumbs([{ label: title }])}>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <p class="meta">
        {t(`consultations:kind.${c.kind}`)} · <a href={`/bodies/${c.body.slug}`}>{bodyName(lang, c.body)}</a>
      </p>
      <h1>{title}</h1>
      {lang === 'en' && c.titleEn && (
        <p class="lead" lang="mn">
          {c.titleMn}
        </p>
      )}
      <p>
        <PhaseTag c={c} /> <LateTag c={c} unanswered={figures.unanswered} />
      </p>
      <dl class="summary-list">
        <dt>{t('consultations:page.period')}</dt>
        <dd>
          <Period c={c} />
        </dd>
        <dt>{t('consultations:page.answersDue')}</dt>
        <dd>
          <DateText date={c.answersDueAt} /> <span class="meta">({t('consultations:page.answerDays', { count: c.answerDays })})</span>
        </dd>
        <dt>{t('consultations:page.version')}</dt>
        <dd>
          {t('consultations:page.versionOf', { version: props.current.number })}{' '}
          {props.current.publishedAt && (
            <span class="meta">
              (<DateText date={props.current.publishedAt} />)
            </span>
          )}
          {latest > 1 && (
            <>
              {' · '}
              <a href={changesPath(c.id, props.current.number)}>{t('consultations:page.whatChanged')}</a>
            </>
          )}
        </dd>
        {c.finishedAt && (
          <>
            <dt>{t('consultations:page.finished')}</dt>
            <dd>
              <DateText date={c.finishedAt} />
            </dd>
          </>
        )}
      </dl>
      <p class="button-row">
        <a class="button button-primary" href={textPath(c.id)}>
          {t('consultations:page.readText')}
        </a>
        <a class="button button-secondary" href={generalCommentsPath(c.id)}>
          {t('consultations:page.commentOnDraft')}
        </a>
        <a class="button button-secondary" href={reportPath(c.id)}>
          {c.status === 'finished' ? t('consultations:page.report') : t('consultations:page.interimReport')}
        </a>
        {props.canManage && (
          <a class="button button-secondary" href={managePath(c.id)}>
            {t('consultations:page.manage')}
          </a>
        )}
      </p>
      {props.subscription === 'anonymous' ? (
        <p>
          <a href={`/account/sign-in?next=${encodeURIComponent(`/consultations/${c.id}`)}`}>{t('consultations:follow.signIn')}</a>
        </p>
      ) : (
        <PostForm action={`/consultations/${c.id}/${props.subscription === 'following' ? 'unfollow' : 'follow'}`} class="inline-form">
          <p>
            {props.subscription === 'following' ? t('consultations:follow.following') : t('consultations:follow.why')}{' '}
            <button type="submit" class="button button-secondary">
              {props.subscription === 'following' ? t('consultations:follow.unfollow') : t('consultations:follow.follow')}
            </button>
          </p>
        </PostForm>
      )}

      {c.note && (
        <Section id="note" title={t('consultations:page.note')}>
          <div class="pre-line" lang="mn">
            {c.note}
          </div>
        </Section>
      )}

      <Section id="figures" title={t('consultations:page.figures')}>
        <FiguresList f={figures} />
        {figures.comments > 0 && c.status !== 'finished' && now.getTime() > c.closesAt.getTime() && figures.unanswered > 0 && (
          <p>{t('consultations:page.stillToAnswer', { count: figures.unanswered })}</p>
        )}
        <p>
          <a href={commentsPath(c.id)}>{t('consultations:page.allComments', { count: figures.comments })}</a> · <a href={generalCommentsPath(c.id)}>{t('consultations:page.generalComments', { count: general })}</a>
        </p>
        {props.moderation.length > 0 && (
          <p class="meta">
            {t('consultations:page.moderated')}{' '}
            {props.moderation.map((m, i) => (
              <span key={`${m.decision}-${m.reason}`}>
                {i > 0 && '; '}
                {t(`consultations:moderation.decision.${m.decision as 'rejected'}`)} ({t(`consultations:moderation.reason.${m.reason as 'abuse'}`)}): <Num value={m.count} />
              </span>
            ))}
          </p>
        )}
      </Section>

      <Section id="outline" title={t('consultations:page.outline')}>
        <Outline c={c} outline={props.outline} counts={props.counts} />
      </Section>

      {props.hearings.length > 0 && (
        <Section id="hearings" title={t('consultations:hearing.title')}>
          <ul class="card-list">
            {props.hearings.map((h) => (
              <li key={h.id} id={`hearing-${h.id}`}>
                <h3>
                  <DateText date={h.startsAt} withTime />
                </h3>
                <p>
                  {t('consultations:hearing.where')}: <span lang="mn">{h.place}</span>
                </p>
                {h.howToJoin && (
                  <p class="pre-line" lang="mn">
                    {h.howToJoin}
                  </p>
                )}
                {h.comments > 0 && <p>{t('consultations:hearing.comments', { count: h.comments })}</p>}
                {h.minutes ? (
                  <details>
                    <summary>{t('consultations:hearing.minutes')}</summary>
                    <div class="pre-line" lang="mn">
                      {h.minutes}
                    </div>
                  </details>
                ) : (
                  h.startsAt.getTime() < now.getTime() && <p class="meta">{t('consultations:hearing.noMinutes')}</p>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section id="versions" title={t('consultations:versions.title')}>
        <ul>
          {props.versions
            .filter((v) => v.publishedAt)
            .map((v) => (
              <li key={v.id}>
                <a href={versionPath(c.id, v.number)}>{t('consultations:page.versionOf', { version: v.number })}</a>{' '}
                <span class="meta">
                  (<DateText date={v.publishedAt!} />)
                </span>
                {v.number > 1 && (
                  <>
                    {' · '}
                    <a href={changesPath(c.id, v.number)}>{t('consultations:versions.changes')}</a>
                  </>
                )}
              </li>
            ))}
        </ul>
      </Section>
    </Layout>
  );
}
