import type { ComponentChildren } from 'preact';
import { langOfText } from '../../../shared/i18n/text-language.js';
import { localDaysBetween } from '../../../shared/calendar.js';
import { translate, type Lang } from '../../../shared/i18n/index.js';
import { formatNumber } from '../../../shared/i18n/format.js';
import { DateText } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import type { By, CommentAnswer, PublicComment } from '../comment-queries.js';
import type { DiffPart } from '../diff.js';
import type { ElementKind } from '../import.js';
import { phaseOf, type Phase } from '../model.js';
import { articleLabelMn, chapterLabelMn, ordinalSuffix } from '../numbering.js';
import type { CommentFigures, Consultation, TextElement } from '../queries.js';
import { articlePath, commentAnchor, commentPath, consultationPath, consultationsPath } from '../urls.js';
import '../messages.js';

/**
 * The page's translator, remembering what it already translated: a long outline asks for
 * "12 comments" hundreds of times, and each i18next lookup costs tens of microseconds.
 */
export function useMemoT(): (key: string, params?: Record<string, unknown>) => string {
  const { t } = usePage();
  const cache = new Map<string, string>();
  const translate = t as unknown as (key: string, params?: object) => string;
  return (key, params) => {
    const id = params ? `${key}|${JSON.stringify(params)}` : key;
    let text = cache.get(id);
    if (text === undefined) {
      text = translate(key, params);
      cache.set(id, text);
    }
    return text;
  };
}

export function consultationTitle(lang: Lang, c: Pick<Consultation, 'titleMn' | 'titleEn'>): string {
  return localized(lang, c.titleMn, c.titleEn);
}

export function bodyName(lang: Lang, b: { nameMn: string; nameEn: string }): string {
  return localized(lang, b.nameMn, b.nameEn);
}

const labels = new Map<string, string>();

/**
 * "5 дугаар зүйл" / "Article 5"; "Нэгдүгээр бүлэг" / "Chapter 1"; "5.2 дахь хэсэг" / "Paragraph 5.2".
 * Remembered: an outline names hundreds of articles and each lookup costs tens of microseconds.
 */
export function elementLabel(lang: Lang, kind: ElementKind, number: string): string {
  const id = `${lang}|${kind}|${number}`;
  let label = labels.get(id);
  if (label === undefined) {
    const main = Number(number.split('.')[0]!.replace(/[^0-9]/g, ''));
    const chapter = chapterLabelMn(number).replace(/ БҮЛЭГ$/, '').toLowerCase();
    label = translate(lang, `consultations:label.${kind}`, {
      number,
      suffix: Number.isFinite(main) ? ordinalSuffix(main) : 'дугаар',
      ordinal: chapter.charAt(0).toUpperCase() + chapter.slice(1),
    });
    if (labels.size < 20_000) labels.set(id, label);
  }
  return label;
}

/** An article's heading as the law prints it: "5 дугаар зүйл.Олон нийтийн оролцооны зарчим". */
export function articleHeadingText(e: Pick<TextElement, 'number' | 'heading'>): string {
  return `${articleLabelMn(e.number)}.${e.heading}`;
}

export function useCrumbs(c?: Pick<Consultation, 'id' | 'titleMn' | 'titleEn'>) {
  const { t, lang } = usePage();
  return (rest: { href?: string; label: string }[] = []) => [
    { href: '/', label: t('site.home') },
    { href: consultationsPath, label: t('consultations:title') },
    ...(c ? [{ href: consultationPath(c.id), label: shorten(consultationTitle(lang, c), 60) }] : []),
    ...rest,
  ];
}

export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const PHASE_TONE: Record<Phase, string> = { draft: 'tag tag-warn', upcoming: 'tag', open: 'tag tag-ok', closed: 'tag', finished: 'tag' };

export function PhaseTag({ c }: { c: Pick<Consultation, 'status' | 'opensAt' | 'closesAt'> }) {
  const { t, now } = usePage();
  const phase = phaseOf({ status: c.status, opens_at: c.opensAt, closes_at: c.closesAt }, now);
  return <strong class={PHASE_TONE[phase]}>{t(`consultations:phase.${phase}`)}</strong>;
}

/** "Answers 12 days late" when the due date passed with comments unanswered. */
export function LateTag({ c, unanswered }: { c: Pick<Consultation, 'status' | 'answersDueAt'>; unanswered: number }) {
  const { t, now } = usePage();
  if (c.status !== 'published' || unanswered === 0 || now.getTime() <= c.answersDueAt.getTime()) return null;
  const days = Math.max(1, localDaysBetween(c.answersDueAt, now));
  return <strong class="tag tag-overdue">{t('consultations:late.tag', { count: days })}</strong>;
}

export function Period({ c }: { c: Pick<Consultation, 'opensAt' | 'closesAt'> }) {
  return (
    <>
      <DateText date={c.opensAt} /> – <DateText date={c.closesAt} />
    </>
  );
}

export function Num({ value }: { value: number }) {
  const { lang } = usePage();
  return <>{formatNumber(value, lang)}</>;
}

export function ByLine({ by, channel }: { by: By; channel: 'web' | 'hearing' }) {
  const { t, lang } = usePage();
  const who = by.kind === 'organisation' ? <strong>{bodyName(lang, by)}</strong> : <strong>{t('consultations:by.citizen')}</strong>;
  return (
    <>
      {who}
      {channel === 'hearing' && <span class="meta"> · {t('consultations:by.atHearing')}</span>}
    </>
  );
}

export function AnswerBlock({ answer, heading = true }: { answer: CommentAnswer | null; heading?: boolean }) {
  const { t, lang } = usePage();
  if (!answer) return <p class="meta">{t('consultations:answer.none')}</p>;
  const tone = answer.category === 'accepted' ? 'tag tag-ok' : answer.category === 'partly_accepted' ? 'tag tag-warn' : 'tag';
  return (
    <div class="answer">
      {heading && <p class="answer-title">{t('consultations:answer.fromBody')}</p>}
      <p>
        <strong class={tone}>{t(`consultations:answer.${answer.category}`)}</strong> <span class="meta">
          <DateText date={answer.answeredAt} />
          {answer.revised && ` · ${t('consultations:answer.revised')}`}
        </span>
      </p>
      <p class="pre-line" lang={langOfText(answer.reason, lang)}>
        {answer.reason}
      </p>
    </div>
  );
}

export interface CommentActions {
  /** The viewer may support and report (signed in, confirmed). */
  canAct: boolean;
  own: Set<number>;
  supported: Set<number>;
  /** The consultation still takes supports. */
  open: boolean;
  /** Where forms come back to. */
  returnTo: string;
  csrfToken: () => string;
}

/** One comment in a list: who, on what, when, the words, supports and the body's answer. */
export function CommentItem({ comment, currentVersion, actions, showOn = true }: { comment: PublicComment; currentVersion: number; actions?: CommentActions; showOn?: boolean }) {
  const { t, lang } = usePage();
  const own = actions?.own.has(comment.id) ?? false;
  const supported = actions?.supported.has(comment.id) ?? false;
  const base = `/consultations/${comment.consultationId}/comments/${comment.id}`;
  return (
    <li class="comment" id={commentAnchor(comment.id)}>
      <p class="comment-meta">
        <ByLine by={comment.by} channel={comment.channel} />
        {own && <span class="tag"> {t('consultations:comment.yours')}</span>}
        <span class="meta">
          {' · '}
          <DateText date={comment.publishedAt ?? comment.createdAt} />
          {showOn && comment.on && comment.articleUnitId && (
            <>
              {' · '}
              <a href={articlePath(comment.consultationId, comment.articleUnitId)}>{elementLabel(lang, comment.on.kind, comment.on.number)}</a>
            </>
          )}
          {showOn && !comment.on && ` · ${t('consultations:comment.onDraft')}`}
          {comment.versionNumber !== currentVersion && ` · ${t('consultations:comment.onVersion', { version: comment.versionNumber })}`}
        </span>
      </p>
      <p class="pre-line comment-text" lang={langOfText(comment.text, lang)}>
        {comment.text}
      </p>
      <p class="comment-tools">
        <span>{t('consultations:comment.supports', { count: comment.supportCount })}</span>
        {actions && actions.canAct && actions.open && !own && (
          <form method="post" action={`${base}/${supported ? 'unsupport' : 'support'}`} class="inline-form">
            <input type="hidden" name="_csrf" value={actions.csrfToken()} />
            <input type="hidden" name="return_to" value={actions.returnTo} />
            <button type="submit" class="link-button">
              {supported ? t('consultations:comment.unsupport') : t('consultations:comment.support')}
              <span class="visually-hidden"> {t('consultations:comment.commentNumber', { id: comment.id })}</span>
            </button>
          </form>
        )}
        <a href={commentPath(comment.consultationId, comment.id)}>
          {t('consultations:comment.permalink')}
          <span class="visually-hidden"> {t('consultations:comment.commentNumber', { id: comment.id })}</span>
        </a>
      </p>
      <AnswerBlock answer={comment.answer} />
    </li>
  );
}

export function FiguresList({ f }: { f: CommentFigures }) {
  const { t } = usePage();
  const rows: [string, number][] = [
    [t('consultations:figures.comments'), f.comments],
    [t('consultations:figures.answered'), f.answered],
    [t('consultations:figures.unanswered'), f.unanswered],
    [t('consultations:answer.accepted'), f.accepted],
    [t('consultations:answer.partly_accepted'), f.partlyAccepted],
    [t('consultations:answer.not_accepted'), f.notAccepted],
    [t('consultations:figures.fromOrganisations'), f.fromOrganisations],
    [t('consultations:figures.fromCitizens'), f.fromCitizens],
    [t('consultations:figures.fromHearings'), f.fromHearings],
    [t('consultations:figures.supports'), f.supports],
  ];
  return (
    <dl class="figures">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>
            <Num value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A word diff: removed words struck through (<del>), added words underlined (<ins>), each announced. */
export function DiffText({ parts }: { parts: DiffPart[] }) {
  const { t } = usePage();
  return (
    <p class="diff pre-line" lang="mn">
      {parts.map((p, i) =>
        p.op === 'same' ? (
          <span key={i}>{p.text}</span>
        ) : p.op === 'added' ? (
          <ins key={i}>
            <span class="visually-hidden">[{t('consultations:changes.addedWords')}] </span>
            {p.text}
            <span class="visually-hidden"> [{t('consultations:changes.end')}]</span>
          </ins>
        ) : (
          <del key={i}>
            <span class="visually-hidden">[{t('consultations:changes.removedWords')}] </span>
            {p.text}
            <span class="visually-hidden"> [{t('consultations:changes.end')}]</span>
          </del>
        ),
      )}
    </p>
  );
}

/** The law text of one article: its heading line and paragraphs, as the draft prints them. */
export function ArticleText({ elements, counts, hrefFor, showHeading = true }: { elements: TextElement[]; counts?: Map<number, number>; hrefFor?: (unitId: number) => string; showHeading?: boolean }) {
  const { t, lang } = usePage();
  return (
    <div class="law-text" lang="mn">
      {elements.map((e) => {
        const count = counts?.get(e.unitId) ?? 0;
        const badge =
          count > 0 && hrefFor ? (
            <a class="count-link" href={hrefFor(e.unitId)} lang={lang}>
              {t('consultations:toc.comments', { count })}
            </a>
          ) : null;
        if (e.kind === 'article') {
          return (
            <div key={e.id} id={`u${e.unitId}`}>
              {showHeading && <h2 class="article-heading">{articleHeadingText(e)}</h2>}
              {e.body && <p class="pre-line">{e.body}</p>}
            </div>
          );
        }
        return (
          <p key={e.id} id={`u${e.unitId}`} class={e.kind === 'point' ? 'law-point pre-line' : 'law-paragraph pre-line'}>
            <span class="law-number">{e.number}.</span>
            {e.body} {badge}
          </p>
        );
      })}
    </div>
  );
}

export function Section({ id, title, children }: { id: string; title: ComponentChildren; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
