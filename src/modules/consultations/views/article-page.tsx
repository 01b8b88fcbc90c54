import { Notice, Pagination } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { PublicComment } from '../comment-queries.js';
import type { Consultation, TextElement, VersionRow } from '../queries.js';
import { articlePath, consultationPath, textPath, versionArticlePath, versionPath } from '../urls.js';
import { CommentForm, type CommentFormProps } from './comment-form.js';
import { ArticleText, CommentItem, consultationTitle, elementLabel, useCrumbs, type CommentActions } from './parts.js';

export interface CommentsBlockProps {
  comments: PublicComment[];
  total: number;
  currentVersion: number;
  actions: CommentActions;
  prevHref: string | null;
  nextHref: string | null;
  /** Filter by paragraph: options and the chosen one. */
  filter?: { options: { value: string; label: string }[]; value: string; action: string };
}

export function CommentsBlock({ comments, total, currentVersion, actions, prevHref, nextHref, filter }: CommentsBlockProps) {
  const { t } = usePage();
  return (
    <section aria-labelledby="comments-title">
      <h2 id="comments-title">{total >= 0 ? t('consultations:article.comments', { count: total }) : t('consultations:comments.filtered')}</h2>
      {filter && filter.options.length > 1 && (
        <form method="get" action={filter.action} class="inline-search">
          <label class="label" for="f-part">
            {t('consultations:article.showComments')}
          </label>
          <select id="f-part" name="part" class="select">
            {filter.options.map((o) => (
              <option key={o.value} value={o.value} selected={o.value === filter.value}>
                {o.label}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="button button-secondary">
            {t('form.filter')}
          </button>
        </form>
      )}
      {comments.length === 0 ? (
        <p>{t('consultations:article.noComments')}</p>
      ) : (
        <ol class="comment-list">
          {comments.map((cm) => (
            <CommentItem key={cm.id} comment={cm} currentVersion={currentVersion} actions={actions} />
          ))}
        </ol>
      )}
      <Pagination prevHref={prevHref} nextHref={nextHref} />
    </section>
  );
}

export interface ArticlePageProps {
  c: Consultation;
  version: VersionRow;
  current: VersionRow;
  elements: TextElement[];
  counts: Map<number, number>;
  previous: TextElement | null;
  next: TextElement | null;
  /** Removed in a later version: the number of the version that dropped it. */
  removedIn: number | null;
  comments: CommentsBlockProps;
  form: CommentFormProps | null;
  notice?: { kind: 'success' | 'info' | 'warning'; text: string } | null;
  jsonHref: string;
}

/** One article: its text, the comment form and its comments (paged), with links to its neighbours. */
export function ArticlePage(props: ArticlePageProps) {
  const { t, lang } = usePage();
  const { c, version, elements } = props;
  const article = elements[0]!;
  const isCurrent = version.number === props.current.number;
  const label = elementLabel(lang, 'article', article.number);
  const crumbs = useCrumbs(c);
  const href = (unitId: number) => (isCurrent ? articlePath(c.id, unitId) : versionArticlePath(c.id, version.number, unitId));
  return (
    <Layout title={`${label} · ${consultationTitle(lang, c)}`} jsonHref={props.jsonHref} breadcrumbs={crumbs([{ href: textPath(c.id), label: t('consultations:text.title') }, { label }])}>
      {props.notice && <Notice kind={props.notice.kind}>{props.notice.text}</Notice>}
      <h1>
        {label}
        {article.heading && (
          <>
            {'. '}
            <span lang="mn">{article.heading}</span>
          </>
        )}
        <span class="subtitle">{consultationTitle(lang, c)}</span>
      </h1>
      {props.removedIn !== null ? (
        <Notice kind="warning">
          {t('consultations:article.removed', { version: props.removedIn })} <a href={versionPath(c.id, props.current.number)}>{t('consultations:text.readCurrent')}</a>
        </Notice>
      ) : (
        !isCurrent && (
          <Notice kind="warning">
            {t('consultations:text.oldVersion', { version: version.number, current: props.current.number })} <a href={articlePath(c.id, article.unitId)}>{t('consultations:article.readCurrent')}</a>
          </Notice>
        )
      )}
      <ArticleText elements={elements} showHeading={false} counts={props.counts} hrefFor={(unitId) => `${href(article.unitId)}?part=${unitId}#comments-title`} />
      <nav class="pagination" aria-label={t('consultations:article.neighbours')}>
        {props.previous && (
          <a href={href(props.previous.unitId)} rel="prev">
            ← {elementLabel(lang, 'article', props.previous.number)}
          </a>
        )}
        <a href={consultationPath(c.id)}>{t('consultations:article.contents')}</a>
        {props.next && (
          <a href={href(props.next.unitId)} rel="next">
            {elementLabel(lang, 'article', props.next.number)} →
          </a>
        )}
      </nav>
      {props.form && (
        <section aria-labelledby="comment-form-title">
          <h2 id="comment-form-title">{t('consultations:article.commentTitle')}</h2>
          <CommentForm {...props.form} />
        </section>
      )}
      <CommentsBlock {...props.comments} />
    </Layout>
  );
}

/** Comments on the draft as a whole, with their form. */
export function GeneralCommentsPage(props: { c: Consultation; comments: CommentsBlockProps; form: CommentFormProps; notice?: { kind: 'success' | 'info' | 'warning'; text: string } | null; jsonHref: string }) {
  const { t, lang } = usePage();
  const crumbs = useCrumbs(props.c);
  const title = t('consultations:general.title');
  return (
    <Layout title={`${title} · ${consultationTitle(lang, props.c)}`} jsonHref={props.jsonHref} breadcrumbs={crumbs([{ label: title }])}>
      {props.notice && <Notice kind={props.notice.kind}>{props.notice.text}</Notice>}
      <h1>{title}</h1>
      <p class="lead">{t('consultations:general.lead')}</p>
      <section aria-labelledby="comment-form-title">
        <h2 id="comment-form-title">{t('consultations:general.formTitle')}</h2>
        <CommentForm {...props.form} />
      </section>
      <CommentsBlock {...props.comments} />
    </Layout>
  );
}
