import { Button, DateText, PostForm } from '../../../../shared/views/components.js';
import { usePage } from '../../../../shared/views/context.js';
import { Layout } from '../../../../shared/views/layout.js';
import type { Kind } from '../../model.js';
import type { BodyRef } from '../../queries.js';
import { formatTrackingCode } from '../../tracking-code.js';
import { itemPath } from '../../urls.js';
import { newFeedbackPath } from '../steps.js';
import { BodyLink, DeadlineTag } from './parts.js';

/** /feedback/new: what will be asked and what becomes public, then a button that starts a draft. */
export function StartPage() {
  const { t, actor } = usePage();
  const steps = ['stepKind', 'stepCategory', 'stepPlace', 'stepDetails', 'stepPhotos', 'stepPublication', 'stepContact'] as const;
  return (
    <Layout title={t('feedbackWeb:start.title')}>
      <h1>{t('feedbackWeb:start.title')}</h1>
      <p class="lead">{t('feedbackWeb:start.lead')}</p>
      <h2>{t('feedbackWeb:start.stepsTitle')}</h2>
      <ol>
        {steps.map((s) => (
          <li key={s}>{t(`feedbackWeb:start.${s}`)}</li>
        ))}
      </ol>
      <p>{t('feedbackWeb:start.time')}</p>
      <p>
        <strong>{t('feedbackWeb:start.privacy')}</strong>
      </p>
      <p class="meta">{t('feedbackWeb:start.keep')}</p>
      {actor && <p>{t('feedbackWeb:start.signedIn')}</p>}
      <PostForm action={newFeedbackPath}>
        <div class="button-row">
          <Button>{t('feedbackWeb:start.button')} →</Button>
        </div>
      </PostForm>
    </Layout>
  );
}

export interface SentPageProps {
  code: string;
  kind: Kind;
  dueAt: Date;
  body: BodyRef;
  /** The private page's address: the link works on any host, the full URL is shown to copy. */
  managePath: string;
  manageUrl: string;
  emailed: boolean;
}

/** The confirmation: the code large, the deadline, the body, and the private link to keep. */
export function SentPage(props: SentPageProps) {
  const { t } = usePage();
  const kind = t(`feedback:kind.${props.kind}`).toLowerCase();
  return (
    <Layout title={t('feedbackWeb:sent.title', { kind })}>
      <div class="confirmation" role="status">
        <h1>{t('feedbackWeb:sent.title', { kind })}</h1>
        <p>{t('feedbackWeb:sent.codeLabel')}</p>
        <p>
          <strong class="code-box" id="tracking-code">
            {formatTrackingCode(props.code)}
          </strong>
        </p>
      </div>
      <p>{t('feedbackWeb:sent.codeHint')}</p>
      <dl class="summary-list">
        <dt>{t('feedbackWeb:sent.bodyLabel')}</dt>
        <dd>
          <BodyLink body={props.body} />
        </dd>
        <dt>{t('feedbackWeb:sent.dueLabel')}</dt>
        <dd>
          <DateText date={props.dueAt} /> <DeadlineTag status="received" dueAt={props.dueAt} />
        </dd>
      </dl>
      <div class="panel">
        <h2>{t('feedbackWeb:sent.manageTitle')}</h2>
        <p>{t('feedbackWeb:sent.manageHint')}</p>
        <p class="manage-link">
          <a href={props.managePath} id="manage-link">
            {props.manageUrl}
          </a>
        </p>
        <p>{props.emailed ? t('feedbackWeb:sent.emailed') : t('feedbackWeb:sent.notEmailed')}</p>
      </div>
      <h2>{t('feedbackWeb:sent.nextTitle')}</h2>
      <p>{t('feedbackWeb:sent.next')}</p>
      <ul class="link-list">
        <li>
          <a href={itemPath(props.code)}>{t('feedbackWeb:sent.view')}</a>
        </li>
        <li>
          <a href={newFeedbackPath}>{t('feedbackWeb:sent.another')}</a>
        </li>
      </ul>
    </Layout>
  );
}

/** A replayed final step (or any step of a sent draft): 409, with the code already given. */
export function AlreadySentPage({ code }: { code: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('feedbackWeb:alreadySent.title')}>
      <h1>{t('feedbackWeb:alreadySent.title')}</h1>
      <p class="lead">{t('feedbackWeb:alreadySent.lead')}</p>
      <p>
        <strong class="code-box">{formatTrackingCode(code)}</strong>
      </p>
      <p>
        <a href={itemPath(code)}>{t('feedbackWeb:alreadySent.view')}</a>
      </p>
    </Layout>
  );
}

/** An unknown or expired draft: 404, with a way to start again. */
export function DraftGonePage() {
  const { t } = usePage();
  return (
    <Layout title={t('feedbackWeb:draftGone.title')}>
      <h1>{t('feedbackWeb:draftGone.title')}</h1>
      <p class="lead">{t('feedbackWeb:draftGone.lead')}</p>
      <p>
        <a href={newFeedbackPath} class="button button-primary">
          {t('feedbackWeb:draftGone.again')}
        </a>
      </p>
    </Layout>
  );
}
