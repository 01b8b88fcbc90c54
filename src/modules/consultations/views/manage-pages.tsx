import type { FieldError } from '../../../shared/errors.js';
import { translate } from '../../../shared/i18n/index.js';
import { Button, DateText, ErrorSummary, Notice, PostForm, Radios, Select, TextArea, TextInput } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { ImportIssue } from '../import.js';
import { CONSULTATION_KINDS, LIMITS, phaseOf } from '../model.js';
import type { CommentFigures, Consultation, Hearing, TextElement, VersionRow } from '../queries.js';
import { answersPath, consultationPath, managePath, reportPath } from '../urls.js';
import { articleHeadingText, consultationTitle, elementLabel, FiguresList, LateTag, Num, PhaseTag, Section, shorten, useCrumbs } from './parts.js';

/** The import's warnings, each with its line, for staff to check before publishing. */
export function ImportWarnings({ warnings }: { warnings: ImportIssue[] }) {
  const { t, lang } = usePage();
  if (warnings.length === 0) return null;
  return (
    <div class="notice notice-warning">
      <p>
        <strong>{t('consultations:import.warningsTitle', { count: warnings.length })}</strong>
      </p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{translate(lang, `consultations:import.${w.code}`, { ...w.params, line: w.line })}</li>
        ))}
      </ul>
    </div>
  );
}

export interface DetailsValues {
  body: string;
  kind: string;
  title_mn: string;
  title_en: string;
  note: string;
  opens_on: string;
  closes_on: string;
  answer_days: string;
  text: string;
}

/** Create (with the text) or edit (details only, while in preparation) a consultation. */
export function DetailsFormPage(props: { mode: 'new' | 'edit'; c?: Consultation; bodies: { id: number; name: string }[]; values: DetailsValues; errors: FieldError[] }) {
  const { t } = usePage();
  const crumbs = useCrumbs(props.c);
  const title = props.mode === 'new' ? t('consultations:form.newTitle') : t('consultations:form.editTitle');
  const action = props.mode === 'new' ? '/consultations/new' : `/consultations/${props.c!.id}/edit`;
  const v = props.values;
  return (
    <Layout title={title} breadcrumbs={crumbs([{ label: title }])}>
      <h1>{title}</h1>
      <PostForm action={action}>
        <ErrorSummary errors={props.errors} />
        {props.mode === 'new' &&
          (props.bodies.length === 1 ? (
            <>
              <input type="hidden" name="body" value={String(props.bodies[0]!.id)} />
              <p>
                {t('consultations:field.body')}: <strong>{props.bodies[0]!.name}</strong>
              </p>
            </>
          ) : (
            <Select name="body" label={t('consultations:field.body')} options={props.bodies.map((b) => ({ value: String(b.id), label: b.name }))} value={v.body} placeholder={t('form.choose')} errors={props.errors} />
          ))}
        <Radios name="kind" label={t('consultations:field.kind')} options={CONSULTATION_KINDS.map((k) => ({ value: k, label: t(`consultations:kind.${k}`) }))} value={v.kind} errors={props.errors} />
        <TextInput name="title_mn" label={t('consultations:field.titleMn')} hint={t('consultations:form.titleHint')} value={v.title_mn} maxLength={LIMITS.title} errors={props.errors} />
        <TextInput name="title_en" label={t('consultations:field.titleEn')} optional value={v.title_en} maxLength={LIMITS.title} errors={props.errors} />
        <TextArea name="note" label={t('consultations:field.note')} hint={t('consultations:form.noteHint')} optional value={v.note} rows={6} maxLength={LIMITS.note} errors={props.errors} />
        <TextInput name="opens_on" type="date" width="medium" label={t('consultations:field.opensOn')} value={v.opens_on} errors={props.errors} />
        <TextInput name="closes_on" type="date" width="medium" label={t('consultations:field.closesOn')} hint={t('consultations:form.closesHint')} value={v.closes_on} errors={props.errors} />
        <TextInput name="answer_days" type="text" inputMode="numeric" width="short" label={t('consultations:field.answerDays')} hint={t('consultations:form.answerDaysHint')} value={v.answer_days} errors={props.errors} />
        {props.mode === 'new' && (
          <TextArea name="text" label={t('consultations:field.text')} hint={t('consultations:form.textImportHint')} value={v.text} rows={18} errors={props.errors} />
        )}
        <Button>{props.mode === 'new' ? t('consultations:form.create') : t('form.save')}</Button>
      </PostForm>
    </Layout>
  );
}

export interface ManagePageProps {
  c: Consultation;
  figures: CommentFigures;
  versions: VersionRow[];
  draft: VersionRow | null;
  draftArticles: number;
  warnings: ImportIssue[];
  hearings: Hearing[];
  followers: number;
  notice?: string | null;
  errors?: FieldError[];
  values?: Record<string, string>;
}

/** /consultations/:id/manage: the body's view of one consultation, step by step. */
export function ManagePage(props: ManagePageProps) {
  const { t, lang, now } = usePage();
  const { c, figures, draft } = props;
  const crumbs = useCrumbs(c);
  const phase = phaseOf({ status: c.status, opens_at: c.opensAt, closes_at: c.closesAt }, now);
  const errors = props.errors ?? [];
  const title = t('consultations:manage.title');
  return (
    <Layout title={`${title} · ${consultationTitle(lang, c)}`} breadcrumbs={crumbs([{ label: title }])}>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <ErrorSummary errors={errors} />
      <h1>
        {title}
        <span class="subtitle">{consultationTitle(lang, c)}</span>
      </h1>
      <p>
        <PhaseTag c={c} /> <LateTag c={c} unanswered={figures.unanswered} />
      </p>
      <p class="button-row">
        <a class="button button-secondary" href={consultationPath(c.id)}>
          {c.status === 'draft' ? t('consultations:manage.preview') : t('consultations:manage.publicPage')}
        </a>
        <a class="button button-secondary" href={reportPath(c.id)}>
          {t('consultations:page.report')}
        </a>
      </p>

      {c.status === 'draft' && (
        <Section id="publish" title={t('consultations:manage.publishTitle')}>
          <p>{t('consultations:manage.publishLead', { count: props.draftArticles })}</p>
          <ImportWarnings warnings={props.warnings} />
          <p class="button-row">
            <a class="button button-secondary" href={`/consultations/${c.id}/versions/1/edit`}>
              {t('consultations:manage.editText')}
            </a>
            <a class="button button-secondary" href={`/consultations/${c.id}/edit`}>
              {t('consultations:manage.editDetails')}
            </a>
          </p>
          <PostForm action={`/consultations/${c.id}/publish`}>
            <button type="submit" class="button button-primary" id="f-publish">
              {t('consultations:manage.publish')}
            </button>
          </PostForm>
        </Section>
      )}

      {c.status !== 'draft' && (
        <Section id="answers" title={t('consultations:manage.answersTitle')}>
          <FiguresList f={figures} />
          <p>
            {t('consultations:page.answersDue')}: <DateText date={c.answersDueAt} /> · {t('consultations:manage.followers', { count: props.followers })}
          </p>
          {figures.pending > 0 && <p>{t('consultations:manage.pending', { count: figures.pending })}</p>}
          <p class="button-row">
            <a class="button button-primary" href={`${answersPath(c.id)}?status=unanswered`}>
              {t('consultations:manage.answer', { count: figures.unanswered })}
            </a>
            <a class="button button-secondary" href={`${answersPath(c.id)}?status=all`}>
              {t('consultations:manage.allComments')}
            </a>
          </p>
        </Section>
      )}

      {c.status === 'published' && (
        <Section id="versions" title={t('consultations:versions.title')}>
          <ul>
            {props.versions
              .filter((v) => v.publishedAt)
              .map((v) => (
                <li key={v.id}>
                  {t('consultations:page.versionOf', { version: v.number })} · <DateText date={v.publishedAt!} />
                </li>
              ))}
          </ul>
          {draft ? (
            <>
              <p>
                <strong>{t('consultations:manage.inPreparation', { version: draft.number })}</strong>
              </p>
              <ImportWarnings warnings={props.warnings} />
              <p class="button-row">
                <a class="button button-secondary" href={`/consultations/${c.id}/versions/${draft.number}/edit`}>
                  {t('consultations:manage.editText')}
                </a>
                <a class="button button-secondary" href={`/consultations/${c.id}/versions/${draft.number}/preview`}>
                  {t('consultations:manage.previewChanges')}
                </a>
              </p>
              <PostForm action={`/consultations/${c.id}/versions/publish`}>
                <TextArea
                  name="change_note"
                  label={t('consultations:field.changeNote')}
                  hint={t('consultations:manage.changeNoteHint')}
                  value={props.values?.change_note}
                  rows={5}
                  maxLength={LIMITS.changeNote}
                  errors={errors}
                />
                <Button>{t('consultations:manage.publishVersion', { version: draft.number })}</Button>
              </PostForm>
              <PostForm action={`/consultations/${c.id}/versions/discard`}>
                <Button variant="warning">{t('consultations:manage.discardVersion', { version: draft.number })}</Button>
              </PostForm>
            </>
          ) : (
            <PostForm action={`/consultations/${c.id}/versions`}>
              <p>{t('consultations:manage.newVersionLead')}</p>
              <button type="submit" class="button button-secondary" id="f-version">
                {t('consultations:manage.newVersion')}
              </button>
            </PostForm>
          )}
        </Section>
      )}

      {c.status !== 'draft' && (
        <Section id="hearings" title={t('consultations:hearing.title')}>
          {props.hearings.length === 0 ? (
            <p>{t('consultations:hearing.none')}</p>
          ) : (
            <ul>
              {props.hearings.map((h) => (
                <li key={h.id}>
                  <a href={`/consultations/${c.id}/hearings/${h.id}`}>
                    <DateText date={h.startsAt} withTime />, {h.place}
                  </a>{' '}
                  <span class="meta">
                    {t('consultations:hearing.comments', { count: h.comments })}
                    {h.minutes ? '' : ` · ${t('consultations:hearing.noMinutes')}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {c.status === 'published' && (
            <p>
              <a class="button button-secondary" href={`/consultations/${c.id}/hearings/new`}>
                {t('consultations:hearing.add')}
              </a>
            </p>
          )}
        </Section>
      )}

      {c.status === 'published' && (
        <Section id="finish" title={t('consultations:manage.finishTitle')}>
          <p>{t('consultations:manage.finishLead')}</p>
          <ul>
            <li>{phase === 'closed' ? t('consultations:manage.checkClosed') : t('consultations:manage.checkNotClosed')}</li>
            <li>{figures.unanswered === 0 ? t('consultations:manage.checkAnswered') : t('consultations:manage.checkUnanswered', { count: figures.unanswered })}</li>
            {figures.pending > 0 && <li>{t('consultations:manage.pending', { count: figures.pending })}</li>}
          </ul>
          <PostForm action={`/consultations/${c.id}/finish`}>
            <button type="submit" class="button button-primary" id="f-finish">
              {t('consultations:manage.finish')}
            </button>
          </PostForm>
        </Section>
      )}
      {c.status === 'finished' && (
        <p>
          {t('consultations:manage.finishedOn')} <DateText date={c.finishedAt!} />. <a href={reportPath(c.id)}>{t('consultations:page.report')}</a> · <Num value={figures.comments} />
        </p>
      )}
    </Layout>
  );
}

/** Edit the version in preparation: re-import it as text, or edit one element at a time. */
export function TextEditPage(props: { c: Consultation; version: VersionRow; elements: TextElement[]; text: string; warnings: ImportIssue[]; errors: FieldError[]; notice?: string | null }) {
  const { t, lang } = usePage();
  const { c, version } = props;
  const crumbs = useCrumbs(c);
  const title = t('consultations:edit.title', { version: version.number });
  return (
    <Layout title={`${title} · ${consultationTitle(lang, c)}`} breadcrumbs={crumbs([{ href: managePath(c.id), label: t('consultations:manage.title') }, { label: title }])}>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <h1>{title}</h1>
      <ImportWarnings warnings={props.warnings} />
      <Section id="elements" title={t('consultations:edit.elements')}>
        <ol class="element-list">
          {props.elements.map((e) => (
            <li key={e.id} class={`element-${e.kind}`}>
              <span lang="mn">
                {e.kind === 'article' ? articleHeadingText(e) : e.kind === 'chapter' ? `${elementLabel('mn', 'chapter', e.number)} ${e.heading}` : e.kind === 'preamble' ? shorten(e.body, 120) : `${e.number}. ${shorten(e.body, 120)}`}
              </span>{' '}
              <a href={`/consultations/${c.id}/elements/${e.id}/edit`}>
                {t('consultations:edit.edit')}
                <span class="visually-hidden"> {e.kind === 'preamble' ? elementLabel(lang, 'preamble', '') : elementLabel(lang, e.kind, e.number)}</span>
              </a>
            </li>
          ))}
        </ol>
      </Section>
      <Section id="reimport" title={t('consultations:edit.reimport')}>
        <PostForm action={`/consultations/${c.id}/versions/${version.number}/text`}>
          <ErrorSummary errors={props.errors} />
          <TextArea name="text" label={t('consultations:field.text')} hint={t('consultations:edit.reimportHint')} value={props.text} rows={24} errors={props.errors} />
          <Button>{t('consultations:edit.import')}</Button>
        </PostForm>
      </Section>
      <p>
        <a class="back-link" href={managePath(c.id)}>
          {t('consultations:edit.back')}
        </a>
      </p>
    </Layout>
  );
}

export function ElementEditPage(props: { c: Consultation; element: TextElement; values: { heading: string; body: string }; errors: FieldError[] }) {
  const { t, lang } = usePage();
  const { c, element } = props;
  const crumbs = useCrumbs(c);
  const label = element.kind === 'preamble' ? elementLabel(lang, 'preamble', '') : elementLabel(lang, element.kind, element.number);
  const title = t('consultations:edit.elementTitle', { label });
  return (
    <Layout title={title} breadcrumbs={crumbs([{ href: managePath(c.id), label: t('consultations:manage.title') }, { label: title }])}>
      <h1>{title}</h1>
      <PostForm action={`/consultations/${c.id}/elements/${element.id}/edit`}>
        <ErrorSummary errors={props.errors} />
        {(element.kind === 'article' || element.kind === 'chapter') && <TextInput name="heading" label={t('consultations:field.heading')} value={props.values.heading} errors={props.errors} />}
        <TextArea name="body" label={t('consultations:field.elementText')} value={props.values.body} rows={10} errors={props.errors} />
        <Button>{t('form.save')}</Button>
      </PostForm>
    </Layout>
  );
}
