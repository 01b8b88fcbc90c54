import type { FieldError } from '../../../shared/errors.js';
import { langOfText, textLanguage } from '../../../shared/i18n/text-language.js';
import { Button, DateText, ErrorSummary, Notice, PostForm, Radios, TextArea, TextInput } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { PersonalDataMarks } from '../../../shared/views/personal-data-marks.js';
import type { ModerationItem } from '../comment-queries.js';
import { LIMITS, MODERATION_REASONS } from '../model.js';
import { consultationPath } from '../urls.js';
import { ByLine, elementLabel, shorten, useCrumbs } from './parts.js';

/** The words with anything that looks like personal data marked for the moderator. */
function Highlighted({ text }: { text: string }) {
  const { lang } = usePage();
  const textLang = textLanguage(text) ?? lang;
  return (
    <p class="pre-line quote" lang={textLang === lang ? undefined : textLang}>
      <PersonalDataMarks text={text} textLang={textLang} />
    </p>
  );
}

function Why({ item }: { item: ModerationItem }) {
  const { t } = usePage();
  return (
    <>
      {item.status === 'pending' && item.heldReason && <strong class="tag tag-warn">{t(`consultations:moderation.held.${item.heldReason as 'link'}`)}</strong>}
      {item.needsReview &&
        item.flags.map((f) => (
          <strong key={f.reason} class="tag tag-warn">
            {t('consultations:moderation.flagged', { reason: t(`consultations:moderation.reason.${f.reason as 'abuse'}`), count: f.count })}
          </strong>
        ))}
    </>
  );
}

/** /consultations/moderation: comments held by screening or reported by readers, oldest first. */
export function ModerationQueuePage({ items, total, notice }: { items: ModerationItem[]; total: number; notice?: string | null }) {
  const { t, lang } = usePage();
  const crumbs = useCrumbs();
  const title = t('consultations:moderation.title');
  return (
    <Layout title={title} breadcrumbs={crumbs([{ label: title }])}>
      {notice && <Notice kind="success">{notice}</Notice>}
      <h1>{title}</h1>
      <p class="lead">{t('consultations:moderation.lead', { count: total })}</p>
      {items.length === 0 ? (
        <p>{t('consultations:moderation.empty')}</p>
      ) : (
        <ul class="card-list">
          {items.map((item) => (
            <li key={item.id}>
              <h2>
                <a href={`/consultations/moderation/${item.id}`}>{t('consultations:comment.title', { id: item.id })}</a>
              </h2>
              <p class="meta">
                <Why item={item} /> {localized(lang, item.consultationTitleMn, item.consultationTitleEn)} · <DateText date={item.createdAt} />
              </p>
              <p lang={langOfText(item.text, lang)}>{shorten(item.text, 200)}</p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** One held or reported comment and the decision form. */
export function ModerationItemPage({ item, values, errors }: { item: ModerationItem; values: Record<string, string>; errors: FieldError[] }) {
  const { t, lang } = usePage();
  const crumbs = useCrumbs();
  const title = t('consultations:comment.title', { id: item.id });
  const pending = item.status === 'pending';
  const actions = pending ? (['publish', 'redact', 'reject'] as const) : (['keep', 'redact', 'remove'] as const);
  return (
    <Layout title={`${title} · ${t('consultations:moderation.title')}`} breadcrumbs={crumbs([{ href: '/consultations/moderation', label: t('consultations:moderation.title') }, { label: title }])}>
      <h1>{title}</h1>
      <p class="meta">
        <Why item={item} /> <a href={consultationPath(item.consultationId)}>{localized(lang, item.consultationTitleMn, item.consultationTitleEn)}</a> · <ByLine by={item.by} channel={item.channel} />
        {item.on && ` · ${elementLabel(lang, item.on.kind, item.on.number)}`} · <DateText date={item.createdAt} withTime />
      </p>
      <Highlighted text={item.text} />
      {item.original && (
        <details>
          <summary>{t('consultations:moderation.original')}</summary>
          <Highlighted text={item.original} />
        </details>
      )}
      <PostForm action={`/consultations/moderation/${item.id}`}>
        <ErrorSummary errors={errors} />
        <Radios name="action" label={t('consultations:field.decision')} options={actions.map((a) => ({ value: a, label: t(`consultations:moderation.action.${a}`) }))} value={values.action} errors={errors} />
        <Radios
          name="reason"
          label={t('consultations:field.moderationReason')}
          hint={t('consultations:moderation.reasonHint')}
          options={MODERATION_REASONS.map((r) => ({ value: r, label: t(`consultations:moderation.reason.${r}`) }))}
          value={values.reason}
          errors={errors}
        />
        <TextArea name="text" label={t('consultations:moderation.redactedText')} hint={t('consultations:moderation.redactedHint')} value={values.text ?? item.text} rows={6} maxLength={LIMITS.comment} errors={errors} />
        <TextInput name="note" label={t('consultations:field.moderationNote')} optional value={values.note} maxLength={LIMITS.moderationNote} errors={errors} />
        <Button>{t('consultations:moderation.decide')}</Button>
      </PostForm>
    </Layout>
  );
}
