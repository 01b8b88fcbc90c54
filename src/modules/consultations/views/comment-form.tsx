import type { FieldError } from '../../../shared/errors.js';
import { Button, ErrorSummary, PostForm, Radios, Select, TextArea } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import { placeCatalogue } from '../../places/catalogue.js';
import { placeName } from '../../places/views/place-name.js';
import { LIMITS } from '../model.js';
import '../messages.js';

export type CommentFormState = 'open' | 'sign_in' | 'verify' | 'upcoming' | 'closed' | 'finished';

export interface CommentFormProps {
  consultationId: number;
  state: CommentFormState;
  /** The parts one may comment on here (an article and its paragraphs); none: the draft as a whole. */
  units: { unitId: number; label: string }[];
  organisations: { id: number; nameMn: string; nameEn: string }[];
  values?: Record<string, string>;
  errors?: FieldError[];
  /** The page to come back to (with the new comment's anchor). */
  returnTo: string;
}

/**
 * The comment form of an article page or of the draft as a whole: what it is about, the
 * words, who speaks (oneself or a CSO one belongs to) and, optionally, one's aimag for
 * the totals. Plain form post; the error summary lists what to fix.
 */
export function CommentForm({ consultationId, state, units, organisations, values = {}, errors = [], returnTo }: CommentFormProps) {
  const { t, lang, path } = usePage();
  if (state === 'sign_in') {
    return (
      <p class="notice">
        <a href={`/account/sign-in?next=${encodeURIComponent(path)}`}>{t('consultations:form.signInToComment')}</a>
      </p>
    );
  }
  if (state === 'verify') return <p class="notice">{t('consultations:form.verifyToComment')}</p>;
  if (state !== 'open') {
    // A refused post (the period just ended) still says why.
    return (
      <>
        <ErrorSummary errors={errors} />
        <p class="notice">{t(`consultations:form.${state}`)}</p>
      </>
    );
  }
  const aimags = placeCatalogue()
    .firstLevel(lang)
    .map((p) => ({ value: p.code, label: placeName(p, lang) }));
  return (
    <PostForm action={`/consultations/${consultationId}/comments`} class="comment-form">
      <ErrorSummary errors={errors} />
      <input type="hidden" name="return_to" value={returnTo} />
      {units.length > 1 ? (
        <Select name="unit" label={t('consultations:form.about')} options={units.map((u) => ({ value: String(u.unitId), label: u.label }))} value={values.unit ?? String(units[0]!.unitId)} errors={errors} />
      ) : units.length === 1 ? (
        <input type="hidden" name="unit" value={String(units[0]!.unitId)} />
      ) : null}
      <TextArea name="text" label={t('consultations:form.text')} hint={t('consultations:form.textHint')} value={values.text} rows={6} maxLength={LIMITS.comment} errors={errors} />
      {organisations.length > 0 && (
        <Radios
          name="on_behalf"
          label={t('consultations:form.onBehalf')}
          value={values.on_behalf ?? ''}
          options={[
            { value: '', label: t('consultations:form.myself'), hint: t('consultations:form.myselfHint') },
            ...organisations.map((o) => ({ value: String(o.id), label: localized(lang, o.nameMn, o.nameEn), hint: t('consultations:form.organisationHint') })),
          ]}
          errors={errors}
        />
      )}
      <Select name="place" label={t('consultations:form.place')} hint={t('consultations:form.placeHint')} optional options={aimags} value={values.place ?? ''} placeholder={t('consultations:form.noPlace')} errors={errors} />
      <Button>{t('consultations:form.send')}</Button>
    </PostForm>
  );
}
