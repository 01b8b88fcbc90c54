import { DateText, Notice, Pagination } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { ArticleCount, Consultation, TextElement, VersionRow } from '../queries.js';
import { articlePath, changesPath, consultationPath, versionArticlePath, versionPath, versionsPath } from '../urls.js';
import { articleHeadingText, consultationTitle, elementLabel, useCrumbs } from './parts.js';

/** The draft's text as it reads, one page of articles at a time, each article linking to its comments. */
export function TextPage(props: {
  c: Consultation;
  version: VersionRow;
  current: VersionRow;
  elements: TextElement[];
  counts: Map<number, ArticleCount>;
  page: number;
  pages: number;
  prevHref: string | null;
  nextHref: string | null;
  jsonHref: string;
}) {
  const { t, lang } = usePage();
  const { c, version } = props;
  const crumbs = useCrumbs(c);
  const isCurrent = version.number === props.current.number;
  const title = isCurrent ? t('consultations:text.title') : t('consultations:page.versionOf', { version: version.number });
  return (
    <Layout title={`${title} · ${consultationTitle(lang, c)}`} jsonHref={props.jsonHref} breadcrumbs={crumbs([{ label: title }])}>
      <h1>
        {title}
        <span class="subtitle">{consultationTitle(lang, c)}</span>
      </h1>
      {!isCurrent && (
        <Notice kind="warning">
          {t('consultations:text.oldVersion', { version: version.number, current: props.current.number })} <a href={versionPath(c.id, props.current.number)}>{t('consultations:text.readCurrent')}</a>
        </Notice>
      )}
      <p class="meta">
        {t('consultations:page.versionOf', { version: version.number })}
        {version.publishedAt && (
          <>
            {' · '}
            <DateText date={version.publishedAt} />
          </>
        )}
        {version.number > 1 && (
          <>
            {' · '}
            <a href={changesPath(c.id, version.number)}>{t('consultations:page.whatChanged')}</a>
          </>
        )}
        {' · '}
        <a href={versionsPath(c.id)}>{t('consultations:versions.all')}</a>
        {props.pages > 1 && ` · ${t('consultations:text.pageOf', { page: props.page, pages: props.pages })}`}
      </p>
      <div class="law-text" lang="mn">
        {props.elements.map((e) => {
          if (e.kind === 'preamble') {
            return (
              <p key={e.id} class="law-preamble pre-line">
                {e.body}
              </p>
            );
          }
          if (e.kind === 'chapter') {
            return (
              <h2 key={e.id} class="chapter-heading" id={`u${e.unitId}`}>
                {elementLabel('mn', 'chapter', e.number).toUpperCase()}
                {e.heading && (
                  <>
                    <br />
                    {e.heading}
                  </>
                )}
              </h2>
            );
          }
          if (e.kind === 'article') {
            const n = props.counts.get(e.unitId)?.comments ?? 0;
            const href = isCurrent ? articlePath(c.id, e.unitId) : versionArticlePath(c.id, version.number, e.unitId);
            return (
              <div key={e.id} id={`u${e.unitId}`}>
                <h3 class="article-heading">
                  <a href={href}>{articleHeadingText(e)}</a>
                </h3>
                <p class="meta" lang={lang}>
                  <a href={href}>
                    {isCurrent ? t('consultations:text.commentHere', { count: n }) : t('consultations:text.readArticle')}
                    <span class="visually-hidden"> ({elementLabel(lang, 'article', e.number)})</span>
                  </a>
                </p>
                {e.body && <p class="pre-line">{e.body}</p>}
              </div>
            );
          }
          return (
            <p key={e.id} id={`u${e.unitId}`} class={e.kind === 'point' ? 'law-point pre-line' : 'law-paragraph pre-line'}>
              <span class="law-number">{e.number}.</span>
              {e.body}
            </p>
          );
        })}
      </div>
      <Pagination prevHref={props.prevHref} nextHref={props.nextHref} />
      <p>
        <a class="back-link" href={consultationPath(c.id)}>
          {t('consultations:text.back')}
        </a>
      </p>
    </Layout>
  );
}
