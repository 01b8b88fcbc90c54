import type { FieldError } from '../../../shared/errors.js';
import { Button, ErrorSummary, Notice, PostForm, Select, TextArea, TextInput } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { LIMITS, REJECTION_REASONS, type State } from '../model.js';
import type { PetitionView } from '../queries.js';
import { StateTag } from './parts.js';
import '../messages.js';

export interface DraftValues {
  body: string;
  title: string;
  action: string;
  background: string;
  links: string;
}

export function DraftFormPage(props: { id?: number; values: DraftValues; bodies: { slug: string; nameMn: string; nameEn: string }[]; errors?: FieldError[]; notice?: string | null }) {
  const { t, lang } = usePage();
  const title = props.id ? t('petitions:draft.editTitle') : t('petitions:draft.newTitle');
  const errors = props.errors ?? [];
  return (
    <Layout title={title} breadcrumbs={[{ href: '/petitions', label: t('petitions:title') }, { label: title }]}>
      <h1>{title}</h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <ErrorSummary errors={errors} />
      <p>{t('petitions:draft.intro')}</p>
      <details class="method">
        <summary>{t('petitions:draft.standards')}</summary>
        <ul>
          {REJECTION_REASONS.map((r) => (
            <li key={r}>
              <strong>{t(`petitions:reason.${r}`)}.</strong> {t(`petitions:reasonHint.${r}`)}
            </li>
          ))}
        </ul>
      </details>
      <PostForm action={props.id ? `/petitions/${props.id}/edit` : '/petitions/new'}>
        <Select
          name="body"
          label={t('petitions:field.body')}
          hint={t('petitions:hint.body')}
          placeholder={t('form.choose')}
          value={props.values.body}
          options={props.bodies.map((b) => ({ value: b.slug, label: localized(lang, b.nameMn, b.nameEn) }))}
          errors={errors}
        />
        <TextInput name="title" label={t('petitions:field.title')} hint={t('petitions:hint.title')} value={props.values.title} maxLength={LIMITS.title} errors={errors} />
        <TextArea name="action" label={t('petitions:field.action')} hint={t('petitions:hint.action')} value={props.values.action} maxLength={LIMITS.action} rows={4} errors={errors} />
        <TextArea name="background" label={t('petitions:field.background')} hint={t('petitions:hint.background')} value={props.values.background} maxLength={LIMITS.background} rows={8} optional errors={errors} />
        <TextArea name="links" label={t('petitions:field.links')} hint={t('petitions:hint.links')} value={props.values.links} rows={3} optional errors={errors} />
        <Button>{t('petitions:draft.save')}</Button>
      </PostForm>
      {props.id && (
        <PostForm action={`/petitions/${props.id}/collect`} class="action">
          <p class="hint">{t('petitions:draft.collectHint')}</p>
          <Button variant="secondary">{t('petitions:draft.collect')}</Button>
        </PostForm>
      )}
    </Layout>
  );
}

export function MinePage({ items, share }: { items: { id: number; state: State; title: string; supporterCount: number }[]; share?: { id: number; url: string; needed: number } | null }) {
  const { t } = usePage();
  return (
    <Layout title={t('petitions:draft.mineTitle')} breadcrumbs={[{ href: '/petitions', label: t('petitions:title') }, { label: t('petitions:draft.mineTitle') }]}>
      <h1>{t('petitions:draft.mineTitle')}</h1>
      {share && (
        <section class="confirmation" aria-labelledby="share-title">
          <h2 id="share-title">{t('petitions:draft.shareTitle')}</h2>
          <p>{t('petitions:draft.shareLead', { needed: share.needed })}</p>
          <p class="manage-link">
            <a href={share.url}>{share.url}</a>
          </p>
          <p class="hint">{t('petitions:draft.shareOnce')}</p>
        </section>
      )}
      <p>
        <a class="button button-primary" href="/petitions/new">
          {t('petitions:start')}
        </a>
      </p>
      {items.length === 0 ? (
        <p>{t('petitions:draft.mineEmpty')}</p>
      ) : (
        <ul class="card-list">
          {items.map((p) => (
            <li key={p.id}>
              <h3>
                <a href={p.state === 'draft' ? `/petitions/${p.id}/edit` : `/petitions/${p.id}`}>{p.title}</a>
              </h3>
              <p class="meta">
                <StateTag state={p.state} /> №{p.id}
                {p.state === 'collecting' && <> · {t('petitions:page.supporters', { count: p.supporterCount })}</>}
              </p>
              {p.state === 'collecting' && (
                <PostForm action={`/petitions/${p.id}/share`} class="inline-action">
                  <Button variant="secondary">{t('petitions:draft.renew')}</Button>
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** What a supporter sees through the share link: the frozen text and the Support button. */
export function SupportPage({ view, shareKey, needed, signedIn, notice, supported }: { view: PetitionView; shareKey: string; needed: number; signedIn: boolean; notice?: string | null; supported?: boolean }) {
  const { t, lang, path } = usePage();
  return (
    <Layout title={t('petitions:support.title')}>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>
        <StateTag state={view.state} />
      </p>
      <h1 lang={view.language}>{view.title}</h1>
      <p>
        {t('petitions:page.to')}: {localized(lang, view.body.nameMn, view.body.nameEn)}
      </p>
      <h2>{t('petitions:page.action')}</h2>
      <p class="pre-line" lang={view.language}>
        {view.action}
      </p>
      {view.background && (
        <>
          <h2>{t('petitions:page.background')}</h2>
          <p class="pre-line" lang={view.language}>
            {view.background}
          </p>
        </>
      )}
      {view.state === 'collecting' ? (
        <section class="panel" aria-labelledby="support-title">
          <h2 id="support-title">{t('petitions:support.title')}</h2>
          <p>{t('petitions:support.lead', { needed, count: view.supporterCount })}</p>
          {supported ? (
            <p>{t('petitions:support.already')}</p>
          ) : signedIn ? (
            <PostForm action={`/petitions/support/${shareKey}`}>
              <Button>{t('petitions:support.button')}</Button>
            </PostForm>
          ) : (
            <p>
              <a class="button button-primary" href={`/account/sign-in?next=${encodeURIComponent(path)}`}>
                {t('petitions:support.signIn')}
              </a>
            </p>
          )}
        </section>
      ) : (
        <p>{t('petitions:support.closed')}</p>
      )}
    </Layout>
  );
}
