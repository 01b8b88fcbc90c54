import type { FieldError } from '../../../shared/errors.js';
import { Button, Checkbox, ErrorSummary, Notice, PostForm, TextInput } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { PlacePicker, PLACE_SEARCH_SCRIPT } from '../../places/views/place-picker.js';
import { EMAIL_LINK_HOURS, meetsLevel, SMS_CODE_MINUTES, VERIFICATION_LEVELS, type Level } from '../model.js';
import type { PetitionView } from '../queries.js';
import '../messages.js';

function Frame({ view, title, children, scripts }: { view: PetitionView; title: string; children: preact.ComponentChildren; scripts?: string[] }) {
  const { t } = usePage();
  return (
    <Layout
      title={title}
      scripts={scripts}
      breadcrumbs={[
        { href: '/petitions', label: t('petitions:title') },
        { href: `/petitions/${view.id}`, label: `№${view.id}` },
        { label: title },
      ]}
    >
      {children}
    </Layout>
  );
}

export function SignChoicePage({ view, eid }: { view: PetitionView; eid: 'off' | 'on' | 'demo' }) {
  const { t } = usePage();
  const min: Level = view.minLevel ?? 'email';
  const href: Record<Level, string> = { email: `/petitions/${view.id}/sign/email`, sms: `/petitions/${view.id}/sign/sms`, eid: `/petitions/${view.id}/sign/eid` };
  const label: Record<Level, string> = { email: t('petitions:sign.viaEmail'), sms: t('petitions:sign.viaSms'), eid: t('petitions:sign.viaEid') };
  const hint: Record<Level, string> = { email: t('petitions:sign.viaEmailHint'), sms: t('petitions:sign.viaSmsHint'), eid: t('petitions:sign.viaEidHint') };
  return (
    <Frame view={view} title={t('petitions:sign.title')}>
      <h1>{view.title}</h1>
      <p class="lead">{t('petitions:page.signLead')}</p>
      <p>{t('petitions:sign.minLevel', { level: t(`petitions:levelAtLeast.${min}`) })}</p>
      <h2>{t('petitions:sign.choose')}</h2>
      <ul class="card-list">
        {[...VERIFICATION_LEVELS].reverse().map((level) => {
          const allowed = meetsLevel(level, min);
          const unavailable = level === 'eid' && eid === 'off';
          return (
            <li key={level}>
              <h3>{allowed && !unavailable ? <a href={href[level]}>{label[level]}</a> : label[level]}</h3>
              <p class="meta">
                {unavailable ? t('petitions:sign.eidOff') : allowed ? hint[level] : t('petitions:sign.notAllowed')}
                {level === 'eid' && eid === 'demo' && <> · <span class="tag tag-warn">{t('petitions:page.demoEid')}</span></>}
              </p>
            </li>
          );
        })}
      </ul>
    </Frame>
  );
}

export interface SignValues {
  registry: string;
  email: string;
  phone: string;
  notify: boolean;
  notifyEmail: string;
}

function Residence({ value, errors }: { value: string | null; errors: FieldError[] }) {
  const { t } = usePage();
  return <PlacePicker prefix="residence" value={value} errors={errors} legend={t('petitions:field.residence')} hint={t('petitions:hint.residence')} />;
}

export function EmailFormPage({ view, values, place, errors = [] }: { view: PetitionView; values: SignValues; place: string | null; errors?: FieldError[] }) {
  const { t } = usePage();
  return (
    <Frame view={view} title={t('petitions:sign.emailTitle')} scripts={[PLACE_SEARCH_SCRIPT]}>
      <ErrorSummary errors={errors} />
      <h1>{t('petitions:sign.emailTitle')}</h1>
      <p>{view.title}</p>
      <PostForm action={`/petitions/${view.id}/sign/email`}>
        <TextInput name="registry" label={t('petitions:field.registry')} hint={t('petitions:hint.registry')} value={values.registry} width="medium" autocomplete="off" spellcheck={false} errors={errors} />
        <TextInput name="email" type="email" label={t('petitions:field.email')} value={values.email} autocomplete="email" width="medium" spellcheck={false} errors={errors} />
        <Residence value={place} errors={errors} />
        <Checkbox name="notify" label={t('petitions:field.notify')} checked={values.notify} />
        <Button>{t('petitions:sign.sendLink')}</Button>
      </PostForm>
    </Frame>
  );
}

export function EmailSentPage({ view, email }: { view: PetitionView; email: string }) {
  const { t } = usePage();
  return (
    <Frame view={view} title={t('petitions:sign.emailSent')}>
      <div class="confirmation">
        <h1>{t('petitions:sign.emailSent')}</h1>
        <p>{t('petitions:sign.emailSentLead', { email, hours: EMAIL_LINK_HOURS })}</p>
      </div>
      <p>
        <a href={`/petitions/${view.id}`}>{t('petitions:sign.backToPetition')}</a>
      </p>
    </Frame>
  );
}

export function ConfirmPage({ view, seal, errors = [] }: { view: PetitionView; seal: string; errors?: FieldError[] }) {
  const { t } = usePage();
  return (
    <Frame view={view} title={t('petitions:sign.confirmTitle')}>
      <ErrorSummary errors={errors} />
      <h1>{t('petitions:sign.confirmTitle')}</h1>
      <p>{t('petitions:sign.confirmLead', { title: view.title })}</p>
      <PostForm action={`/petitions/${view.id}/confirm?s=${seal}`}>
        <Button>{t('petitions:sign.confirmVote')}</Button>
      </PostForm>
    </Frame>
  );
}

export function SmsFormPage({ view, values, place, errors = [] }: { view: PetitionView; values: SignValues; place: string | null; errors?: FieldError[] }) {
  const { t } = usePage();
  return (
    <Frame view={view} title={t('petitions:sign.smsTitle')} scripts={[PLACE_SEARCH_SCRIPT]}>
      <ErrorSummary errors={errors} />
      <h1>{t('petitions:sign.smsTitle')}</h1>
      <p>{view.title}</p>
      <PostForm action={`/petitions/${view.id}/sign/sms`}>
        <TextInput name="registry" label={t('petitions:field.registry')} hint={t('petitions:hint.registry')} value={values.registry} width="medium" autocomplete="off" spellcheck={false} errors={errors} />
        <TextInput name="phone" type="tel" label={t('petitions:field.phone')} hint={t('petitions:hint.phone')} value={values.phone} autocomplete="tel" inputMode="tel" width="medium" errors={errors} />
        <Residence value={place} errors={errors} />
        <TextInput name="notify_email" type="email" optional label={t('petitions:field.notifyEmail')} value={values.notifyEmail} autocomplete="email" width="medium" spellcheck={false} errors={errors} />
        <Button>{t('petitions:sign.sendCode')}</Button>
      </PostForm>
    </Frame>
  );
}

export function SmsCodePage({ view, handle, phone, left, errors = [] }: { view: PetitionView; handle: string; phone: string; left: number; errors?: FieldError[] }) {
  const { t } = usePage();
  return (
    <Frame view={view} title={t('petitions:sign.codeTitle')}>
      <ErrorSummary errors={errors} />
      <h1>{t('petitions:sign.codeTitle')}</h1>
      <p>{t('petitions:sign.codeLead', { phone, minutes: SMS_CODE_MINUTES })}</p>
      <PostForm action={`/petitions/${view.id}/sign/sms/${handle}`}>
        <TextInput name="code" label={t('petitions:field.code')} hint={t('petitions:sign.codeAttemptsLeft', { count: left })} value="" width="short" inputMode="numeric" autocomplete="one-time-code" errors={errors} />
        <Button>{t('petitions:sign.confirmVote')}</Button>
      </PostForm>
    </Frame>
  );
}

export function EidVotePage({ view, seal, place, notifyEmail = '', errors = [], demo }: { view: PetitionView; seal: string; place: string | null; notifyEmail?: string; errors?: FieldError[]; demo?: boolean }) {
  const { t } = usePage();
  return (
    <Frame view={view} title={t('petitions:sign.voteTitle')} scripts={[PLACE_SEARCH_SCRIPT]}>
      <ErrorSummary errors={errors} />
      <h1>{t('petitions:sign.voteTitle')}</h1>
      <p>
        {t('petitions:sign.eidVerified')} {demo && <span class="tag tag-warn">{t('petitions:page.demoEid')}</span>}
      </p>
      <p>{t('petitions:sign.confirmLead', { title: view.title })}</p>
      <PostForm action={`/petitions/${view.id}/vote`}>
        <input type="hidden" name="seal" value={seal} />
        <Residence value={place} errors={errors} />
        <TextInput name="notify_email" type="email" optional label={t('petitions:field.notifyEmail')} value={notifyEmail} autocomplete="email" width="medium" spellcheck={false} errors={errors} />
        <Button>{t('petitions:sign.vote')}</Button>
      </PostForm>
    </Frame>
  );
}

export function ThanksPage({ view }: { view: PetitionView }) {
  const { t } = usePage();
  return (
    <Frame view={view} title={t('petitions:sign.thanksTitle')}>
      <div class="confirmation">
        <h1>{t('petitions:sign.thanksTitle')}</h1>
        <p>{t('petitions:sign.thanksLead')}</p>
      </div>
      <p>
        <a href={`/petitions/${view.id}`}>{t('petitions:sign.backToPetition')}</a>
      </p>
    </Frame>
  );
}

/** The unsubscribe link of a response email: asks first (mail scanners open links), then confirms. */
export function UnsubscribePage({ view, token, done }: { view: PetitionView; token: string; done: boolean }) {
  const { t } = usePage();
  const title = t('petitions:unsubscribe.title');
  return (
    <Frame view={view} title={title}>
      <h1>{title}</h1>
      {done ? (
        <Notice kind="success">{t('petitions:unsubscribe.done', { title: view.title })}</Notice>
      ) : (
        <PostForm action={`/petitions/${view.id}/unsubscribe`}>
          <p>{t('petitions:unsubscribe.ask', { title: view.title })}</p>
          <input type="hidden" name="token" value={token} />
          <Button>{t('petitions:unsubscribe.confirm')}</Button>
        </PostForm>
      )}
      <p>
        <a href={`/petitions/${view.id}`}>{t('petitions:sign.backToPetition')}</a>
      </p>
    </Frame>
  );
}
