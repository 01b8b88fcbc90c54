import type { FieldError } from '../../../shared/errors.js';
import { langOfText } from '../../../shared/i18n/text-language.js';
import { Button, DateText, ErrorSummary, Notice, Pagination, PostForm, Radios, Select, TextArea, TextInput } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { placeCatalogue } from '../../places/catalogue.js';
import { placeName } from '../../places/views/place-name.js';
import type { PublicComment } from '../comment-queries.js';
import { ANSWER_CATEGORIES, LIMITS } from '../model.js';
import type { BodyRef, Consultation, Hearing } from '../queries.js';
import { answersPath, articlePath, managePath } from '../urls.js';
import { AnswerBlock, ByLine, consultationTitle, elementLabel, useCrumbs } from './parts.js';

export interface AnswerFilterValues {
  status: string;
  on: string;
  by: string;
}

/**
 * /consultations/:id/answers: the body's answer queue. Comments are ticked (one or
 * several similar ones) and answered at once: a category and the reason in words.
 */
export function AnswersPage(props: {
  c: Consultation;
  filters: AnswerFilterValues;
  articles: { value: string; label: string }[];
  comments: PublicComment[];
  currentVersion: number;
  selected: Set<number>;
  selectAllHref: string;
  prevHref: string | null;
  nextHref: string | null;
  values: { category: string; reason: string };
  errors: FieldError[];
  notice?: string | null;
}) {
  const { t, lang } = usePage();
  const { c } = props;
  const crumbs = useCrumbs(c);
  const title = t('consultations:answers.title');
  const canAnswer = c.status === 'published';
  return (
    <Layout title={`${title} · ${consultationTitle(lang, c)}`} breadcrumbs={crumbs([{ href: managePath(c.id), label: t('consultations:manage.title') }, { label: title }])}>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <h1>
        {title}
        <span class="subtitle">{consultationTitle(lang, c)}</span>
      </h1>
      <form method="get" action={answersPath(c.id)} class="filters">
        <h2 class="filters-title">{t('consultations:list.filters')}</h2>
        <div class="filter-grid">
          <Select
            name="status"
            label={t('consultations:answers.status')}
            value={props.filters.status}
            options={(['unanswered', 'answered', 'all'] as const).map((s) => ({ value: s, label: t(`consultations:answers.statusOption.${s}`) }))}
          />
          <Select name="on" label={t('consultations:answers.on')} value={props.filters.on} placeholder={t('consultations:answers.anyArticle')} options={props.articles} />
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
      {props.comments.length === 0 ? (
        <>
          {/* A refused answer whose comments left this list meanwhile (a colleague answered them) still says why. */}
          <ErrorSummary errors={props.errors} />
          <p>{t('consultations:answers.none')}</p>
        </>
      ) : (
        <PostForm action={answersPath(c.id)}>
          <ErrorSummary errors={props.errors} />
          <input type="hidden" name="return_query" value={`status=${props.filters.status}&on=${props.filters.on}&by=${props.filters.by}`} />
          <fieldset class="fieldset" id="f-comments">
            <legend class="legend">{t('consultations:answers.choose')}</legend>
            <p class="hint">
              {t('consultations:answers.chooseHint')} <a href={props.selectAllHref}>{t('consultations:answers.selectAll')}</a>
            </p>
            {props.errors.some((e) => e.field === 'comments') && (
              <p class="field-error">{t(props.errors.find((e) => e.field === 'comments')!.key as 'consultations:errors.choose_comments', props.errors.find((e) => e.field === 'comments')!.params ?? {})}</p>
            )}
            <ol class="comment-list answer-list">
              {props.comments.map((cm) => (
                <li key={cm.id} class="comment">
                  <div class="checkbox">
                    <input type="checkbox" id={`c-${cm.id}`} name="comments" value={String(cm.id)} checked={props.selected.has(cm.id)} disabled={!canAnswer} />
                    <label for={`c-${cm.id}`}>
                      {t('consultations:comment.title', { id: cm.id })} · <ByLine by={cm.by} channel={cm.channel} /> ·{' '}
                      {cm.on && cm.articleUnitId ? elementLabel(lang, cm.on.kind, cm.on.number) : t('consultations:comment.onDraft')}
                    </label>
                  </div>
                  <p class="meta">
                    <DateText date={cm.publishedAt ?? cm.createdAt} /> · {t('consultations:comment.supports', { count: cm.supportCount })}
                    {cm.versionNumber !== props.currentVersion && ` · ${t('consultations:comment.onVersion', { version: cm.versionNumber })}`}
                    {cm.on && cm.articleUnitId && (
                      <>
                        {' · '}
                        <a href={articlePath(c.id, cm.articleUnitId)}>{t('consultations:answers.readArticle')}</a>
                      </>
                    )}
                  </p>
                  <p class="pre-line comment-text" lang={langOfText(cm.text, lang)}>
                    {cm.text}
                  </p>
                  {cm.answer && <AnswerBlock answer={cm.answer} />}
                </li>
              ))}
            </ol>
          </fieldset>
          <Pagination prevHref={props.prevHref} nextHref={props.nextHref} />
          {canAnswer ? (
            <div class="panel">
              <h2>{t('consultations:answers.formTitle')}</h2>
              <Radios name="category" label={t('consultations:field.category')} options={ANSWER_CATEGORIES.map((a) => ({ value: a, label: t(`consultations:answer.${a}`) }))} value={props.values.category} errors={props.errors} />
              <TextArea name="reason" label={t('consultations:field.reason')} hint={t('consultations:answers.reasonHint')} value={props.values.reason} rows={6} maxLength={LIMITS.reason} errors={props.errors} />
              <Button>{t('consultations:answers.send')}</Button>
            </div>
          ) : (
            <p class="notice">{t('consultations:answers.closed')}</p>
          )}
        </PostForm>
      )}
    </Layout>
  );
}

export function HearingNewPage(props: { c: Consultation; values: Record<string, string>; errors: FieldError[] }) {
  const { t, lang } = usePage();
  const crumbs = useCrumbs(props.c);
  const title = t('consultations:hearing.add');
  return (
    <Layout title={`${title} · ${consultationTitle(lang, props.c)}`} breadcrumbs={crumbs([{ href: managePath(props.c.id), label: t('consultations:manage.title') }, { label: title }])}>
      <h1>{title}</h1>
      <PostForm action={`/consultations/${props.c.id}/hearings/new`}>
        <ErrorSummary errors={props.errors} />
        <TextInput name="day" type="date" width="medium" label={t('consultations:field.hearingDay')} value={props.values.day} errors={props.errors} />
        <TextInput name="time" width="short" label={t('consultations:field.hearingTime')} hint={t('consultations:hearing.timeHint')} value={props.values.time} errors={props.errors} />
        <TextInput name="place" label={t('consultations:field.hearingPlace')} value={props.values.place} maxLength={LIMITS.hearingPlace} errors={props.errors} />
        <TextArea name="how_to_join" label={t('consultations:field.hearingHow')} optional value={props.values.how_to_join} rows={4} maxLength={LIMITS.hearingHow} errors={props.errors} />
        <Button>{t('consultations:hearing.save')}</Button>
      </PostForm>
    </Layout>
  );
}

/** A hearing for staff: its minutes, and the comments people made there, typed in one by one. */
export function HearingPage(props: {
  c: Consultation;
  hearing: Hearing;
  units: { value: string; label: string }[];
  organisations: BodyRef[];
  form: 'minutes' | 'comment' | null;
  values: Record<string, string>;
  errors: FieldError[];
  notice?: string | null;
}) {
  const { t, lang, now } = usePage();
  const { c, hearing } = props;
  const crumbs = useCrumbs(c);
  const title = t('consultations:hearing.pageTitle');
  const held = hearing.startsAt.getTime() <= now.getTime();
  const aimags = placeCatalogue()
    .firstLevel(lang)
    .map((p) => ({ value: p.code, label: placeName(p, lang) }));
  const errorsFor = (form: 'minutes' | 'comment') => (props.form === form ? props.errors : []);
  return (
    <Layout title={`${title} · ${consultationTitle(lang, c)}`} breadcrumbs={crumbs([{ href: managePath(c.id), label: t('consultations:manage.title') }, { label: title }])}>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <h1>
        {title}
        <span class="subtitle">
          <DateText date={hearing.startsAt} withTime />, {hearing.place}
        </span>
      </h1>
      {hearing.howToJoin && <p class="pre-line">{hearing.howToJoin}</p>}
      <p>{t('consultations:hearing.comments', { count: hearing.comments })}</p>
      {!held ? (
        <p class="notice">{t('consultations:hearing.notYet')}</p>
      ) : (
        <>
          <section aria-labelledby="hearing-comment-title">
            <h2 id="hearing-comment-title">{t('consultations:hearing.enterComment')}</h2>
            {c.status === 'published' ? (
              <PostForm action={`/consultations/${c.id}/hearings/${hearing.id}/comments`}>
                <ErrorSummary errors={errorsFor('comment')} />
                <Select name="unit" label={t('consultations:form.about')} options={props.units} value={props.values.unit ?? ''} errors={errorsFor('comment')} />
                <TextArea name="text" label={t('consultations:hearing.commentText')} value={props.values.text} rows={5} maxLength={LIMITS.comment} errors={errorsFor('comment')} />
                <Select
                  name="organisation"
                  label={t('consultations:field.speaker')}
                  hint={t('consultations:hearing.speakerHint')}
                  options={props.organisations.map((o) => ({ value: String(o.id), label: localized(lang, o.nameMn, o.nameEn) }))}
                  value={props.values.organisation ?? ''}
                  placeholder={t('consultations:by.citizen')}
                  errors={errorsFor('comment')}
                />
                <Select name="place" label={t('consultations:form.place')} optional options={aimags} value={props.values.place ?? ''} placeholder={t('consultations:form.noPlace')} errors={errorsFor('comment')} />
                <Button>{t('consultations:hearing.addComment')}</Button>
              </PostForm>
            ) : (
              <p class="notice">{t('consultations:answers.closed')}</p>
            )}
          </section>
          <section aria-labelledby="minutes-title">
            <h2 id="minutes-title">{t('consultations:hearing.minutes')}</h2>
            <PostForm action={`/consultations/${c.id}/hearings/${hearing.id}/minutes`}>
              <ErrorSummary errors={errorsFor('minutes')} />
              <TextArea name="minutes" label={t('consultations:field.minutes')} value={props.values.minutes ?? hearing.minutes ?? ''} rows={12} maxLength={LIMITS.minutes} errors={errorsFor('minutes')} />
              <Button variant="secondary">{t('consultations:hearing.saveMinutes')}</Button>
            </PostForm>
          </section>
        </>
      )}
    </Layout>
  );
}

/** The unsubscribe link of an email: asks first (mail scanners open links), then confirms. */
export function UnsubscribePage(props: { c: Consultation; token: string; done: boolean }) {
  const { t, lang } = usePage();
  const crumbs = useCrumbs(props.c);
  const title = t('consultations:unsubscribe.title');
  return (
    <Layout title={title} breadcrumbs={crumbs([{ label: title }])}>
      <h1>{title}</h1>
      {props.done ? (
        <Notice kind="success">{t('consultations:unsubscribe.done', { title: consultationTitle(lang, props.c) })}</Notice>
      ) : (
        <PostForm action={`/consultations/${props.c.id}/unsubscribe`}>
          <p>{t('consultations:unsubscribe.ask', { title: consultationTitle(lang, props.c) })}</p>
          <input type="hidden" name="token" value={props.token} />
          <Button>{t('consultations:unsubscribe.confirm')}</Button>
        </PostForm>
      )}
    </Layout>
  );
}
