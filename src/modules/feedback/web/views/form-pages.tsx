import fs from 'node:fs';
import type { ComponentChildren } from 'preact';
import type { FieldError } from '../../../../shared/errors.js';
import { Button, ErrorSummary, fieldId, PostForm, Radios, TextArea, TextInput, useErrorText } from '../../../../shared/views/components.js';
import { localized, usePage } from '../../../../shared/views/context.js';
import { Layout } from '../../../../shared/views/layout.js';
import { STATIC_DIR } from '../../../../shared/views/assets.js';
import { PLACE_SEARCH_SCRIPT, PlacePicker } from '../../../places/views/place-picker.js';
import { FEEDBACK_KINDS, LIMITS } from '../../model.js';
import type { CategoryOption } from '../../queries.js';
import type { DraftData, DraftPhoto } from '../drafts.js';
import { draftPhotoPath, newFeedbackPath, previousStep, QUESTION_STEPS, stepNumber, stepPath, type Step } from '../steps.js';
import { BackLink, PlacePath } from './parts.js';

/** The place search enhancement, once the places module ships it (the picker works without it). */
function placeSearchScripts(): string[] {
  return fs.existsSync(STATIC_DIR + PLACE_SEARCH_SCRIPT) ? [PLACE_SEARCH_SCRIPT] : [];
}

interface StepFrameProps {
  draftId: string;
  step: Step;
  /** The person came from the check page: Back and Continue return there. */
  fromCheck: boolean;
  /** The question, for the window title (the page's h1 is the field's label or legend). */
  question: string;
  errors: FieldError[];
  multipart?: boolean;
  scripts?: string[];
  children: ComponentChildren;
  continueLabel?: string;
  /** Replaces the default Continue button. */
  buttons?: ComponentChildren;
}

/** One question per page: Back link, progress, error summary, the question, Continue. */
function StepFrame(props: StepFrameProps) {
  const { t } = usePage();
  const previous = previousStep(props.step);
  const back = props.fromCheck ? stepPath(props.draftId, 'check') : previous ? stepPath(props.draftId, previous) : newFeedbackPath;
  const title = props.errors.length ? `${t('form.errorPrefix')} ${props.question}` : props.question;
  return (
    <Layout title={title} scripts={props.scripts}>
      <BackLink href={back} />
      <p class="step-progress">{t('feedbackWeb:step.progress', { n: stepNumber(props.step), total: QUESTION_STEPS.length })}</p>
      <ErrorSummary errors={props.errors} />
      <PostForm action={stepPath(props.draftId, props.step, { fromCheck: props.fromCheck })} multipart={props.multipart}>
        {props.children}
        <div class="button-row">{props.buttons ?? <Button>{props.continueLabel ?? t('form.continue')}</Button>}</div>
      </PostForm>
    </Layout>
  );
}

interface StepProps {
  draftId: string;
  fromCheck: boolean;
  errors?: FieldError[];
}

export function KindStep(props: StepProps & { value: string | null }) {
  const { t } = usePage();
  const question = t('feedbackWeb:kind.title');
  const options = FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback:kind.${k}`), hint: t(`feedback:kindHint.${k}`) }));
  return (
    <StepFrame draftId={props.draftId} step="kind" fromCheck={props.fromCheck} question={question} errors={props.errors ?? []}>
      <Radios name="kind" label={question} asHeading options={options} value={props.value} errors={props.errors} />
    </StepFrame>
  );
}

export function CategoryStep(props: StepProps & { value: string | null; categories: CategoryOption[] }) {
  const { t, lang } = usePage();
  const question = t('feedbackWeb:category.title');
  const options = props.categories.map((c) => {
    const hint = localized(lang, c.descriptionMn, c.descriptionEn);
    return { value: c.code, label: localized(lang, c.nameMn, c.nameEn), hint: hint || undefined };
  });
  return (
    <StepFrame draftId={props.draftId} step="category" fromCheck={props.fromCheck} question={question} errors={props.errors ?? []}>
      {options.length ? (
        <Radios name="category" label={question} hint={t('feedbackWeb:category.hint')} asHeading options={options} value={props.value} errors={props.errors} />
      ) : (
        <>
          <h1>{question}</h1>
          <p>{t('feedbackWeb:category.none')}</p>
        </>
      )}
    </StepFrame>
  );
}

export function PlaceStep(props: StepProps & { value: string | null }) {
  const { t } = usePage();
  const question = t('feedbackWeb:place.title');
  const scripts = placeSearchScripts();
  return (
    <StepFrame draftId={props.draftId} step="place" fromCheck={props.fromCheck} question={question} errors={props.errors ?? []} scripts={scripts}>
      <PlacePicker prefix="place" value={props.value} errors={props.errors} legend={question} hint={t('feedbackWeb:place.hint')} asHeading search={scripts.length > 0} />
    </StepFrame>
  );
}

export function DetailsStep(props: StepProps & { title: string; description: string }) {
  const { t } = usePage();
  const question = t('feedbackWeb:details.title');
  return (
    <StepFrame draftId={props.draftId} step="details" fromCheck={props.fromCheck} question={question} errors={props.errors ?? []}>
      <h1>{question}</h1>
      <TextInput name="title" label={t('feedbackWeb:details.titleLabel')} hint={t('feedbackWeb:details.titleHint')} value={props.title} errors={props.errors} />
      <TextArea
        name="description"
        label={t('feedbackWeb:details.descriptionLabel')}
        hint={t('feedbackWeb:details.descriptionHint')}
        value={props.description}
        rows={8}
        maxLength={LIMITS.description}
        errors={props.errors}
      />
    </StepFrame>
  );
}

function formatSize(bytes: number, lang: 'mn' | 'en'): string {
  const mb = bytes / (1024 * 1024);
  const value = mb >= 1 ? mb.toFixed(1) : Math.max(1, Math.round(bytes / 1024)).toString();
  const unit = mb >= 1 ? (lang === 'mn' ? 'МБ' : 'MB') : lang === 'mn' ? 'КБ' : 'KB';
  return `${lang === 'mn' ? value.replace('.', ',') : value} ${unit}`;
}

export function PhotosStep(props: StepProps & { photos: DraftPhoto[]; notice?: 'removed' | 'uploaded' | null }) {
  const { t, lang } = usePage();
  const text = useErrorText();
  const question = t('feedbackWeb:photos.title');
  const id = fieldId('photos');
  const error = props.errors?.filter((e) => e.field === 'photos') ?? [];
  const full = props.photos.length >= LIMITS.attachments;
  return (
    <StepFrame
      draftId={props.draftId}
      step="photos"
      fromCheck={props.fromCheck}
      question={question}
      errors={props.errors ?? []}
      multipart
      buttons={
        <>
          {!full && (
            <Button variant="secondary" name="action" value="upload">
              {t('feedbackWeb:photos.upload')}
            </Button>
          )}
          <Button name="action" value="continue">
            {t('form.continue')}
          </Button>
        </>
      }
    >
      <h1>{question}</h1>
      {props.notice && (
        <p class="notice notice-success" role="status">
          {t(`feedbackWeb:photos.${props.notice}`)}
        </p>
      )}
      <h2>{t('feedbackWeb:photos.added')}</h2>
      {props.photos.length === 0 ? (
        <p>{t('feedbackWeb:photos.noneYet')}</p>
      ) : (
        <ul class="draft-photos">
          {props.photos.map((p, i) => (
            <li key={p.id}>
              <img src={draftPhotoPath(props.draftId, p.id)} alt={t('feedbackWeb:photos.alt', { n: i + 1, name: p.filename })} width={Math.min(p.width, 160)} height={Math.round((Math.min(p.width, 160) / p.width) * p.height)} />
              <span class="photo-name">
                {p.filename} <span class="meta">({formatSize(p.size, lang)})</span>
              </span>
              <button type="submit" class="button button-secondary" name="remove" value={String(p.id)}>
                {t('feedbackWeb:photos.remove')} <span class="visually-hidden">{t('feedbackWeb:photos.removeHidden', { n: i + 1 })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {full ? (
        <p>{t('feedbackWeb:photos.full')}</p>
      ) : (
        <div class={error.length ? 'field field-invalid' : 'field'}>
          <label class="label" for={id}>
            {t('feedbackWeb:photos.label')} <span class="optional">{t('form.optional')}</span>
          </label>
          <p class="hint" id={`${id}-hint`}>
            {t('feedbackWeb:photos.hint')}
          </p>
          {error.length > 0 && (
            <div id={`${id}-error`}>
              {error.map((e, i) => (
                <p class="field-error" key={i}>
                  <span class="visually-hidden">{t('form.errorPrefix')} </span>
                  {text(e)}
                </p>
              ))}
            </div>
          )}
          <input
            type="file"
            id={id}
            name="photos"
            class="file-input"
            multiple
            accept="image/jpeg,image/png,image/webp"
            aria-describedby={error.length ? `${id}-hint ${id}-error` : `${id}-hint`}
            aria-invalid={error.length ? 'true' : undefined}
          />
        </div>
      )}
    </StepFrame>
  );
}

export function PublicationStep(props: StepProps & { value: string | null }) {
  const { t } = usePage();
  const question = t('feedbackWeb:publication.title');
  const options = [
    { value: 'public', label: t('feedbackWeb:publication.public'), hint: t('feedbackWeb:publication.publicHint') },
    { value: 'private', label: t('feedbackWeb:publication.private'), hint: t('feedbackWeb:publication.privateHint') },
  ];
  return (
    <StepFrame draftId={props.draftId} step="publication" fromCheck={props.fromCheck} question={question} errors={props.errors ?? []}>
      <Radios
        name="publication"
        label={question}
        asHeading
        hint={
          <>
            <strong>{t('feedbackWeb:publication.alwaysTitle')}.</strong> {t('feedbackWeb:publication.always')}
          </>
        }
        options={options}
        value={props.value}
        errors={props.errors}
      />
    </StepFrame>
  );
}

export function ContactStep(props: StepProps & { name: string; email: string; phone: string }) {
  const { t } = usePage();
  const question = t('feedbackWeb:contact.title');
  return (
    <StepFrame draftId={props.draftId} step="contact" fromCheck={props.fromCheck} question={question} errors={props.errors ?? []}>
      <h1>{question}</h1>
      <p>{t('feedbackWeb:contact.lead')}</p>
      <p>{t('feedbackWeb:contact.usage')}</p>
      <TextInput name="name" label={t('feedbackWeb:contact.nameLabel')} optional value={props.name} autocomplete="name" spellcheck={false} errors={props.errors} />
      <TextInput
        name="email"
        type="email"
        label={t('feedbackWeb:contact.emailLabel')}
        hint={t('feedbackWeb:contact.emailHint')}
        optional
        value={props.email}
        autocomplete="email"
        spellcheck={false}
        errors={props.errors}
      />
      <TextInput
        name="phone"
        type="tel"
        label={t('feedbackWeb:contact.phoneLabel')}
        hint={t('feedbackWeb:contact.phoneHint')}
        optional
        value={props.phone}
        autocomplete="tel"
        width="medium"
        errors={props.errors}
      />
    </StepFrame>
  );
}

interface CheckRow {
  field: string;
  step: Step;
  label: string;
  value: ComponentChildren;
}

function CheckList({ draftId, rows }: { draftId: string; rows: CheckRow[] }) {
  const { t } = usePage();
  return (
    <dl class="check-list">
      {rows.map((r) => (
        <div class="check-row" key={r.field}>
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
          <dd class="check-change">
            <a href={stepPath(draftId, r.step, { fromCheck: true })} id={fieldId(r.field)}>
              {t('feedbackWeb:check.change')}
              <span class="visually-hidden"> {r.label}</span>
            </a>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function CheckPage(props: { draftId: string; data: DraftData; categoryName: string; photos: number; errors?: FieldError[] }) {
  const { t } = usePage();
  const d = props.data;
  const notGiven = <span class="meta">{t('feedbackWeb:check.notGiven')}</span>;
  const about: CheckRow[] = [
    { field: 'kind', step: 'kind', label: t('feedbackWeb:check.kind'), value: d.kind ? t(`feedback:kind.${d.kind}`) : notGiven },
    { field: 'category', step: 'category', label: t('feedbackWeb:check.category'), value: props.categoryName },
    { field: 'place', step: 'place', label: t('feedbackWeb:check.place'), value: d.place ? <PlacePath code={d.place} links={false} /> : notGiven },
    { field: 'title', step: 'details', label: t('feedbackWeb:check.titleRow'), value: d.title },
    { field: 'description', step: 'details', label: t('feedbackWeb:check.description'), value: <span class="pre-line">{d.description}</span> },
    { field: 'photos', step: 'photos', label: t('feedbackWeb:check.photos'), value: props.photos ? t('feedbackWeb:check.photosCount', { count: props.photos }) : notGiven },
  ];
  const privacy: CheckRow[] = [
    { field: 'publication', step: 'publication', label: t('feedbackWeb:check.publication'), value: d.publication === 'public' ? t('feedbackWeb:check.publicYes') : t('feedbackWeb:check.publicNo') },
    { field: 'name', step: 'contact', label: t('feedbackWeb:check.name'), value: d.name || <span class="meta">{t('feedbackWeb:check.anonymous')}</span> },
    { field: 'email', step: 'contact', label: t('feedbackWeb:check.email'), value: d.email || notGiven },
    { field: 'phone', step: 'contact', label: t('feedbackWeb:check.phone'), value: d.phone || notGiven },
  ];
  const errors = props.errors ?? [];
  const title = t('feedbackWeb:check.title');
  return (
    <Layout title={errors.length ? `${t('form.errorPrefix')} ${title}` : title}>
      <BackLink href={stepPath(props.draftId, 'contact')} />
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      <h2>{t('feedbackWeb:check.sectionAbout')}</h2>
      <CheckList draftId={props.draftId} rows={about} />
      <h2>{t('feedbackWeb:check.sectionPrivacy')}</h2>
      <CheckList draftId={props.draftId} rows={privacy} />
      <PostForm action={stepPath(props.draftId, 'check')}>
        <p>{t('feedbackWeb:check.declaration')}</p>
        <div class="button-row">
          <Button>{t('feedbackWeb:check.send')}</Button>
        </div>
      </PostForm>
    </Layout>
  );
}
