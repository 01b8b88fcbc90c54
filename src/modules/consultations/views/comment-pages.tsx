import type { FieldError } from '../../../shared/errors.js';
import { langOfText } from '../../../shared/i18n/text-language.js';
import { Button, DateText, ErrorSummary, Notice, PostForm, Radios, Select } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { CommentAnswer, PublicComment } from '../comment-queries.js';
import { FLAG_REASONS } from '../model.js';
import type { Consultation } from '../queries.js';
import { articlePath, changesPath, commentsPath } from '../urls.js';
import { CommentsBlock, type CommentsBlockProps } from './article-page.js';
import { AnswerBlock, ByLine, consultationTitle, elementLabel, useCrumbs } from './parts.js';

export interface CommentsFilterValues {
  answer: string;
  by: string;
}

/** /consultations/:id/comments: every published comment, filtered by answer and by who made it. */
export function CommentsPage(props: { c: Consultation; filters: CommentsFilterValues; comments: CommentsBlockProps; csvHref: string; jsonHref: string }) {
  const { t, lang } = usePage();
  const crumbs = useCrumbs(props.c);
  const title = t('consultations:comments.title');
  return (
    <Layout title={`${title} · ${consultationTitle(lang, props.c)}`} jsonHref={props.jsonHref} breadcrumbs={crumbs([{ label: title }])}>
      <h1>{title}</h1>
      <form method="get" action={commentsPath(props.c.id)} class="filters">
        <h2 class="filters-title">{t('consultations:list.filters')}</h2>
        <div class="filter-grid">
          <Select
            name="answer"
            label={t('consultations:comments.answer')}
            value={props.filters.answer}
            placeholder={t('consultations:comments.anyAnswer')}
            options={(['unanswered', 'answered', 'accepted', 'partly_accepted', 'not_accepted'] as const).map((a) => ({ value: a, label: t(`consultations:comments.answerFilter.${a}`) }))}
          />
          <Select
            name="by"
            label={t('consultations:comments.by')}
            value={props.filters.by}
            placeholder={t('consultations:comments.anyone')}
            options={(['citizens', 'organisations', 'hearings'] as const).map((b) => ({ value: b, label: t(`consultations:comments.byFilter.${b}`) }))}
          />
        </div>
        <button type="submit" class="button button-secondary">
          {t('form.filter')}
        </button>
      </form>
      <CommentsBlock {...props.comments} />
      <p>
        <a href={props.csvHref}>{t('consultations:comments.csv')}</a> · <a href={props.jsonHref}>{t('consultations:list.json')}</a>
      </p>
    </Layout>
  );
}

/** /consultations/:id/comments/:commentId: one comment with every answer it was given. */
export function CommentPage(props: {
  c: Consultation;
  comment: PublicComment;
  history: CommentAnswer[];
  answeredBy: number[];
  currentVersion: number;
  canFlag: boolean;
  isAuthor: boolean;
  notice?: string | null;
  errors?: FieldError[];
  jsonHref: string;
}) {
  const { t, lang } = usePage();
  const { c, comment } = props;
  const crumbs = useCrumbs(c);
  const title = t('consultations:comment.title', { id: comment.id });
  const earlier = props.history.slice(0, -1);
  return (
    <Layout title={`${title} · ${consultationTitle(lang, c)}`} jsonHref={props.jsonHref} breadcrumbs={crumbs([{ href: commentsPath(c.id), label: t('consultations:comments.title') }, { label: title }])}>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <h1>{title}</h1>
      {comment.status === 'pending' && props.isAuthor && <Notice kind="warning">{t('consultations:comment.pendingYours')}</Notice>}
      <dl class="summary-list">
        <dt>{t('consultations:comment.by')}</dt>
        <dd>
          <ByLine by={comment.by} channel={comment.channel} />
        </dd>
        <dt>{t('consultations:comment.on')}</dt>
        <dd>
          {comment.on && comment.articleUnitId ? <a href={articlePath(c.id, comment.articleUnitId)}>{elementLabel(lang, comment.on.kind, comment.on.number)}</a> : t('consultations:comment.onDraft')}
          {comment.versionNumber !== props.currentVersion && ` · ${t('consultations:comment.onVersion', { version: comment.versionNumber })}`}
        </dd>
        <dt>{t('consultations:comment.date')}</dt>
        <dd>
          <DateText date={comment.publishedAt ?? comment.createdAt} />
        </dd>
        <dt>{t('consultations:comment.supportsLabel')}</dt>
        <dd>{t('consultations:comment.supports', { count: comment.supportCount })}</dd>
      </dl>
      <blockquote class="quote pre-line" lang={langOfText(comment.text, lang)}>
        {comment.text}
      </blockquote>
      <h2>{t('consultations:answer.fromBody')}</h2>
      <AnswerBlock answer={comment.answer} heading={false} />
      {props.answeredBy.length > 0 && (
        <p>
          {t('consultations:comment.changedIn')}{' '}
          {props.answeredBy.map((v, i) => (
            <span key={v}>
              {i > 0 && ', '}
              <a href={changesPath(c.id, v)}>{t('consultations:page.versionOf', { version: v })}</a>
            </span>
          ))}
        </p>
      )}
      {earlier.length > 0 && (
        <details>
          <summary>{t('consultations:comment.earlierAnswers', { count: earlier.length })}</summary>
          {earlier.map((a, i) => (
            <AnswerBlock key={i} answer={a} heading={false} />
          ))}
        </details>
      )}
      {props.canFlag && comment.status === 'published' && (
        <details open={!!props.errors?.length}>
          <summary>{t('consultations:flag.title')}</summary>
          <PostForm action={`/consultations/${c.id}/comments/${comment.id}/flag`}>
            <ErrorSummary errors={props.errors ?? []} />
            <Radios name="reason" label={t('consultations:field.flagReason')} options={FLAG_REASONS.map((r) => ({ value: r, label: t(`consultations:moderation.reason.${r}`) }))} errors={props.errors} />
            <Button variant="secondary">{t('consultations:flag.send')}</Button>
          </PostForm>
        </details>
      )}
    </Layout>
  );
}
