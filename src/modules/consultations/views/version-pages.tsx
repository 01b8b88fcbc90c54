import { DateText } from '../../../shared/views/components.js';
import { langOfText } from '../../../shared/i18n/text-language.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { BlockChange, ChangeSummary } from '../changes.js';
import type { PublicComment } from '../comment-queries.js';
import type { Consultation, VersionRow } from '../queries.js';
import { articlePath, changesPath, commentPath, versionPath, versionsPath } from '../urls.js';
import { consultationTitle, DiffText, elementLabel, Num, useCrumbs } from './parts.js';

/** /consultations/:id/versions: every published version with its note of what changed. */
export function VersionsPage({ c, versions, jsonHref }: { c: Consultation; versions: VersionRow[]; jsonHref: string }) {
  const { t, lang } = usePage();
  const crumbs = useCrumbs(c);
  const published = versions.filter((v) => v.publishedAt);
  return (
    <Layout title={`${t('consultations:versions.title')} · ${consultationTitle(lang, c)}`} jsonHref={jsonHref} breadcrumbs={crumbs([{ label: t('consultations:versions.title') }])}>
      <h1>{t('consultations:versions.title')}</h1>
      <p class="lead">{t('consultations:versions.lead')}</p>
      <ol class="timeline">
        {published
          .slice()
          .reverse()
          .map((v) => (
            <li key={v.id}>
              <h2>
                <a href={versionPath(c.id, v.number)}>{t('consultations:page.versionOf', { version: v.number })}</a>
              </h2>
              <p class="meta">
                {t('consultations:versions.published')} <DateText date={v.publishedAt!} />
                {v.number > 1 && (
                  <>
                    {' · '}
                    <a href={changesPath(c.id, v.number)}>{t('consultations:versions.changes')}</a>
                  </>
                )}
              </p>
              {v.changeNote && (
                <p class="pre-line" lang="mn">
                  {v.changeNote}
                </p>
              )}
            </li>
          ))}
      </ol>
    </Layout>
  );
}

function BlockLabel({ change }: { change: BlockChange }) {
  const { lang } = usePage();
  const text = change.after ?? change.before!;
  if (text.kind === 'preamble') return <>{elementLabel(lang, 'preamble', '')}</>;
  const before = change.before;
  const after = change.after;
  if (before && after && before.number !== after.number) {
    return (
      <>
        {elementLabel(lang, text.kind, after.number)} <span class="meta">({elementLabel(lang, text.kind, before.number)} → {elementLabel(lang, text.kind, after.number)})</span>
      </>
    );
  }
  return <>{elementLabel(lang, text.kind, text.number)}</>;
}

/**
 * /consultations/:id/versions/:n/changes: article by article, what version n changed
 * compared with version n−1 (removed words struck through, added ones underlined), and
 * the comments each change answers.
 */
export function ChangesPage(props: {
  c: Consultation;
  version: VersionRow;
  previous: VersionRow;
  changes: BlockChange[];
  summary: ChangeSummary;
  links: Map<number, PublicComment[]>;
  general: PublicComment[];
  jsonHref: string;
}) {
  const { t, lang } = usePage();
  const { c, version, previous } = props;
  const crumbs = useCrumbs(c);
  const title = t('consultations:changes.title', { version: version.number, previous: previous.number });
  const shown = props.changes.filter((ch) => ch.status === 'changed' || ch.status === 'added' || ch.status === 'removed');
  const renumbered = props.changes.filter((ch) => ch.status === 'renumbered' && (ch.after ?? ch.before)!.kind === 'article');
  const CommentLinks = ({ comments }: { comments: PublicComment[] }) =>
    comments.length === 0 ? null : (
      <div class="answers-comments">
        <p>
          <strong>{t('consultations:changes.answers', { count: comments.length })}</strong>
        </p>
        <ul>
          {comments.map((cm) => (
            <li key={cm.id}>
              <a href={commentPath(c.id, cm.id)}>{t('consultations:comment.title', { id: cm.id })}</a>{' '}
              <span class="meta">
                ({cm.by.kind === 'organisation' ? (lang === 'en' ? cm.by.nameEn : cm.by.nameMn) : t('consultations:by.citizen')}; {cm.answer ? t(`consultations:answer.${cm.answer.category}`) : ''})
              </span>{' '}
              <span lang={langOfText(cm.text, lang)}>{cm.text.length > 140 ? `${cm.text.slice(0, 139)}…` : cm.text}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <Layout title={`${title} · ${consultationTitle(lang, c)}`} jsonHref={props.jsonHref} breadcrumbs={crumbs([{ href: versionsPath(c.id), label: t('consultations:versions.title') }, { label: title }])}>
      <h1>{title}</h1>
      <p class="meta">
        {t('consultations:versions.published')} <DateText date={version.publishedAt!} /> · <a href={versionPath(c.id, version.number)}>{t('consultations:changes.readNew')}</a> ·{' '}
        <a href={versionPath(c.id, previous.number)}>{t('consultations:changes.readOld')}</a>
      </p>
      {version.changeNote && (
        <section aria-labelledby="note-title">
          <h2 id="note-title">{t('consultations:changes.note')}</h2>
          <p class="pre-line" lang="mn">
            {version.changeNote}
          </p>
        </section>
      )}
      <p>
        {t('consultations:changes.summary', {
          changed: props.summary.changed,
          added: props.summary.added,
          removed: props.summary.removed,
          renumbered: props.summary.renumbered,
          unchanged: props.summary.unchanged,
        })}
      </p>
      <p class="meta">{t('consultations:changes.legend')}</p>
      <CommentLinks comments={props.general} />
      {shown.length === 0 && <p>{t('consultations:changes.noneShown')}</p>}
      {shown.map((ch) => {
        const text = (ch.after ?? ch.before)!;
        return (
          <section key={ch.unitId} class="change" aria-labelledby={`change-${ch.unitId}`}>
            <h2 id={`change-${ch.unitId}`}>
              {text.kind === 'article' && ch.status !== 'removed' ? (
                <a href={articlePath(c.id, ch.unitId)}>
                  <BlockLabel change={ch} />
                </a>
              ) : (
                <BlockLabel change={ch} />
              )}{' '}
              <span class={ch.status === 'removed' ? 'tag tag-overdue' : ch.status === 'added' ? 'tag tag-ok' : 'tag tag-warn'}>{t(`consultations:changes.status.${ch.status as 'changed'}`)}</span>
            </h2>
            <DiffText parts={ch.diff} />
            <CommentLinks comments={props.links.get(ch.unitId) ?? []} />
          </section>
        );
      })}
      {renumbered.length > 0 && (
        <section aria-labelledby="renumbered-title">
          <h2 id="renumbered-title">{t('consultations:changes.renumbered', { count: renumbered.length })}</h2>
          <p>
            {renumbered.map((ch, i) => (
              <span key={ch.unitId}>
                {i > 0 && '; '}
                <a href={articlePath(c.id, ch.unitId)}>
                  {ch.before!.number} → {ch.after!.number}
                </a>
              </span>
            ))}
          </p>
        </section>
      )}
      <p class="meta">
        {t('consultations:changes.unchanged')}: <Num value={props.summary.unchanged} />
      </p>
    </Layout>
  );
}
