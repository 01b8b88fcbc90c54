import type { FieldError } from '../../../../shared/errors.js';
import { formatDate } from '../../../../shared/i18n/format.js';
import { langOfText } from '../../../../shared/i18n/text-language.js';
import { Button, ErrorSummary, Notice, PostForm, Radios, TextArea } from '../../../../shared/views/components.js';
import { localized, usePage } from '../../../../shared/views/context.js';
import { Layout } from '../../../../shared/views/layout.js';
import { LIMITS } from '../../model.js';
import type { BodyRef, PublicItem } from '../../queries.js';
import { formatTrackingCode } from '../../tracking-code.js';
import { itemPath } from '../../urls.js';
import { BodyLink, deadlineState, DeadlineTag, StatusTag } from './parts.js';

export type ManageAction = 'rate' | 'reopen' | 'escalate';
export type ManageDone = 'rated' | 'reopened' | 'escalated';

/** What the submitter may do now; the commands check the same again. */
export function availableActions(item: PublicItem, superior: BodyRef | undefined, now: Date): Record<ManageAction, boolean> {
  const unsatisfied = item.status === 'answered' && item.satisfaction === 'unsatisfied';
  return {
    rate: item.status === 'answered' && item.satisfaction === null,
    reopen: unsatisfied && !item.reopenedAt,
    escalate: !!superior && !item.escalatedAt && (unsatisfied || deadlineState(item, now).overdue),
  };
}

export interface ManagePageProps {
  item: PublicItem;
  ownTitle: string;
  ownDescription: string;
  answerText: string | null;
  superior: BodyRef | undefined;
  /** The private link's key, carried in the forms (absent for the signed-in submitter). */
  manageKey: string | null;
  done?: ManageDone | null;
  errors?: FieldError[];
  values?: { reopen_reason?: string; escalate_reason?: string; satisfaction?: string };
}

function KeyField({ manageKey }: { manageKey: string | null }) {
  return manageKey ? <input type="hidden" name="key" value={manageKey} /> : null;
}

/** The submitter's private page: the answer, then rate; if unsatisfied, reopen or escalate (each once). */
export function ManagePage(props: ManagePageProps) {
  const { t, lang, now } = usePage();
  const { item } = props;
  const actions = availableActions(item, props.superior, now);
  const errors = props.errors ?? [];
  const action = (name: ManageAction) => `${itemPath(item.code)}/manage/${name}`;
  const overdue = deadlineState(item, now).overdue;
  const title = t('feedbackWeb:manage.title', { code: formatTrackingCode(item.code) });
  const doneText =
    props.done === 'rated'
      ? t('feedbackWeb:manage.doneRated')
      : props.done === 'reopened'
        ? t('feedbackWeb:manage.doneReopened', { date: formatDate(item.dueAt, lang) })
        : props.done === 'escalated'
          ? t('feedbackWeb:manage.doneEscalated', { date: formatDate(item.dueAt, lang) })
          : null;
  const nothing = !actions.rate && !actions.reopen && !actions.escalate;
  return (
    <Layout title={errors.length ? `${t('form.errorPrefix')} ${title}` : title}>
      <h1>{title}</h1>
      <p class="lead">{t('feedbackWeb:manage.lead')}</p>
      {doneText && <Notice kind="success">{doneText}</Notice>}
      <ErrorSummary errors={errors} />
      <p class="tags">
        <StatusTag status={item.status} /> <DeadlineTag status={item.status} dueAt={item.dueAt} />
      </p>
      <dl class="summary-list">
        <dt>{t('feedbackWeb:item.kind')}</dt>
        <dd>{t(`feedback:kind.${item.kind}`)}</dd>
        <dt>{t('feedbackWeb:item.body')}</dt>
        <dd>
          <BodyLink body={item.body} />
        </dd>
        <dt>{t('feedbackWeb:item.due')}</dt>
        <dd>{formatDate(item.dueAt, lang)}</dd>
      </dl>
      <p>
        <a href={itemPath(item.code)}>{t('feedbackWeb:manage.publicPage')}</a>
      </p>

      <h2>{t('feedbackWeb:manage.yourText')}</h2>
      <div class="panel" lang={langOfText(`${props.ownTitle}\n${props.ownDescription}`, lang)}>
        <p>
          <strong>{props.ownTitle}</strong>
        </p>
        <p class="pre-line">{props.ownDescription}</p>
      </div>

      <h2>{t('feedbackWeb:manage.answerTitle')}</h2>
      {props.answerText ? (
        <div class="panel">
          {item.resolution && (
            <p>
              <strong>{t(`feedback:resolution.${item.resolution}`)}</strong>
            </p>
          )}
          <p class="pre-line" lang={langOfText(props.answerText, lang)}>
            {props.answerText}
          </p>
        </div>
      ) : (
        <p>{t('feedbackWeb:manage.noAnswer')}</p>
      )}
      {item.satisfaction && <p>{t('feedbackWeb:manage.rated', { satisfaction: t(`feedback:satisfaction.${item.satisfaction}`) })}</p>}

      {actions.rate && (
        <PostForm action={action('rate')}>
          <KeyField manageKey={props.manageKey} />
          <Radios
            name="satisfaction"
            label={<h2 class="legend-h2">{t('feedbackWeb:manage.rateTitle')}</h2>}
            hint={t('feedbackWeb:manage.rateHint')}
            options={[
              { value: 'satisfied', label: t('feedback:satisfaction.satisfied') },
              { value: 'unsatisfied', label: t('feedback:satisfaction.unsatisfied') },
            ]}
            value={props.values?.satisfaction}
            errors={errors}
          />
          <Button>{t('feedbackWeb:manage.rateSubmit')}</Button>
        </PostForm>
      )}

      {actions.reopen && (
        <section aria-labelledby="reopen-title">
          <h2 id="reopen-title">{t('feedbackWeb:manage.reopenTitle')}</h2>
          <PostForm action={action('reopen')}>
            <KeyField manageKey={props.manageKey} />
            <TextArea
              name="reopen_reason"
              label={t('feedbackWeb:manage.reasonLabel')}
              hint={t('feedbackWeb:manage.reopenHint', { body: localized(lang, item.body.nameMn, item.body.nameEn) })}
              value={props.values?.reopen_reason}
              rows={4}
              maxLength={LIMITS.reason}
              errors={errors}
            />
            <Button variant="secondary">{t('feedbackWeb:manage.reopenSubmit')}</Button>
          </PostForm>
        </section>
      )}

      {actions.escalate && props.superior && (
        <section aria-labelledby="escalate-title">
          <h2 id="escalate-title">{t('feedbackWeb:manage.escalateTitle')}</h2>
          {overdue && <p>{t('feedbackWeb:manage.escalateOverdue', { body: localized(lang, item.body.nameMn, item.body.nameEn) })}</p>}
          <PostForm action={action('escalate')}>
            <KeyField manageKey={props.manageKey} />
            <TextArea
              name="escalate_reason"
              label={t('feedbackWeb:manage.reasonLabel')}
              hint={t('feedbackWeb:manage.escalateHint', { body: localized(lang, props.superior.nameMn, props.superior.nameEn) })}
              value={props.values?.escalate_reason}
              rows={4}
              maxLength={LIMITS.reason}
              errors={errors}
            />
            <Button variant="secondary">{t('feedbackWeb:manage.escalateSubmit')}</Button>
          </PostForm>
        </section>
      )}

      {nothing && <p>{item.status === 'closed' ? t('feedbackWeb:manage.closed') : t('feedbackWeb:manage.nothing')}</p>}
    </Layout>
  );
}

/** An action the item's state no longer allows (409), with the way back. */
export function ConflictPage({ message, backHref }: { message: string; backHref: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('feedbackWeb:manage.conflictTitle')}>
      <h1>{t('feedbackWeb:manage.conflictTitle')}</h1>
      <p class="lead">{message}</p>
      <p>
        <a href={backHref}>{t('feedbackWeb:manage.back')}</a>
      </p>
    </Layout>
  );
}
