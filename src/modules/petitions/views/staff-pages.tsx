import type { FieldError } from '../../../shared/errors.js';
import { countPersonalData, findPersonalData } from '../../../shared/personal-data.js';
import { Button, Checkbox, DateText, ErrorSummary, Notice, PostForm, radioId, Radios, Select, TableWrap, TextArea, TextInput } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { PersonalDataMarks } from '../../../shared/views/personal-data-marks.js';
import type { LadderStep } from '../ladder.js';
import { CONSEQUENCES, LIMITS, MODERATION_TARGET_DAYS, OUTCOMES, REJECTION_REASONS, VERIFICATION_LEVELS, type Level } from '../model.js';
import type { PetitionView } from '../queries.js';
import { Ladder } from './parts.js';
import '../messages.js';

export interface QueueItem {
  id: number;
  title: string;
  body: { nameMn: string; nameEn: string };
  moderationAt: Date;
  dueAt: Date;
  supporters: number;
}

export function ModerationQueuePage({ items, flagged, notice }: { items: QueueItem[]; flagged: { id: number; title: string; n: number }[]; notice?: string | null }) {
  const { t, lang, now } = usePage();
  return (
    <Layout title={t('petitions:moderation.title')}>
      <h1>{t('petitions:moderation.title')}</h1>
      {notice && <Notice kind="success">{notice}</Notice>}
      <p class="lead">{t('petitions:moderation.lead', { days: MODERATION_TARGET_DAYS })}</p>
      <p>{t('petitions:moderation.waiting', { count: items.length })}</p>
      {items.length === 0 ? (
        <p>{t('petitions:moderation.empty')}</p>
      ) : (
        <ul class="card-list">
          {items.map((p) => (
            <li key={p.id}>
              <h2 class="meta-heading">
                <a href={`/moderation/petitions/${p.id}`}>
                  №{p.id} {p.title}
                </a>
              </h2>
              <p class="meta">
                {localized(lang, p.body.nameMn, p.body.nameEn)} · {t('petitions:moderation.supporters')}: {p.supporters} · {t('petitions:moderation.due', { date: '' })}
                <DateText date={p.dueAt} /> {p.dueAt < now && <span class="tag tag-overdue">{t('petitions:moderation.overdue')}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('petitions:moderation.flaggedPetitions')}</h2>
      {flagged.length === 0 ? (
        <p>{t('petitions:moderation.flaggedEmpty')}</p>
      ) : (
        <ul class="link-list">
          {flagged.map((f) => (
            <li key={f.id}>
              <a href={`/moderation/petitions/${f.id}/signatures`}>
                №{f.id} {f.title}
              </a>{' '}
              <span class="meta">({f.n})</span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

/** The “personal data” option among the rejection reasons, where the review's notice points. */
const personalDataReasonId = radioId('reason', REJECTION_REASONS.indexOf('personal_data'));

export function ReviewPage({ view, errors = [], values = {} }: { view: PetitionView; errors?: FieldError[]; values?: { reason?: string; note?: string; duplicate_of?: string } }) {
  const { t, lang, now } = usePage();
  const personal = [view.title, view.action, view.background].reduce((n, text) => n + countPersonalData(findPersonalData(text)), 0);
  const deciding = view.state === 'moderation';
  const reasonText = t('petitions:moderation.personalDataReason', { reason: t('petitions:reason.personal_data') });
  return (
    <Layout title={`${t('petitions:moderation.review')}: №${view.id}`} breadcrumbs={[{ href: '/moderation/petitions', label: t('petitions:moderation.title') }, { label: `№${view.id}` }]}>
      <ErrorSummary errors={errors} />
      <h1 lang={view.language}>
        <PersonalDataMarks text={view.title} textLang={view.language} />
      </h1>
      {personal > 0 && (
        <Notice kind="warning">
          <p>
            {t('petitions:moderation.personalData', { count: personal })}{' '}
            {deciding ? <a href={`#${personalDataReasonId}`}>{reasonText}</a> : reasonText}
          </p>
          <p>{t('petitions:moderation.personalDataCheck')}</p>
        </Notice>
      )}
      <p>
        {t('petitions:page.to')}: {localized(lang, view.body.nameMn, view.body.nameEn)} · {t('petitions:page.supporters', { count: view.supporterCount })}
      </p>
      {view.moderationDueAt && (
        <p class="meta">
          {t('petitions:moderation.due', { date: '' })}
          <DateText date={view.moderationDueAt} /> {view.moderationDueAt < now && <span class="tag tag-overdue">{t('petitions:moderation.overdue')}</span>}
        </p>
      )}
      <h2>{t('petitions:page.action')}</h2>
      <p class="pre-line" lang={view.language}>
        <PersonalDataMarks text={view.action} textLang={view.language} />
      </p>
      {view.background && (
        <>
          <h2>{t('petitions:page.background')}</h2>
          <p class="pre-line" lang={view.language}>
            <PersonalDataMarks text={view.background} textLang={view.language} />
          </p>
        </>
      )}
      {view.links.length > 0 && (
        <ul class="link-list">
          {view.links.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      <h2>{t('petitions:page.ladder')}</h2>
      <Ladder steps={view.steps} now={now} />
      {deciding && (
        <>
          <PostForm action={`/moderation/petitions/${view.id}/publish`} class="action">
            <Button>{t('petitions:moderation.publish')}</Button>
          </PostForm>
          <section class="action" aria-labelledby="reject-title">
            <h2 id="reject-title">{t('petitions:moderation.rejectTitle')}</h2>
            <PostForm action={`/moderation/petitions/${view.id}/reject`}>
              <Radios
                name="reason"
                label={t('petitions:field.reason')}
                value={values.reason}
                options={REJECTION_REASONS.map((r) => ({ value: r, label: t(`petitions:reason.${r}`), hint: t(`petitions:reasonHint.${r}`) }))}
                errors={errors}
              />
              <TextInput name="duplicate_of" label={t('petitions:moderation.duplicateOf')} hint={t('petitions:moderation.duplicateHint')} value={values.duplicate_of ?? ''} width="short" inputMode="numeric" optional errors={errors} />
              <TextArea name="note" label={t('petitions:field.note')} value={values.note ?? ''} rows={4} maxLength={LIMITS.note} errors={errors} />
              <Button variant="warning">{t('petitions:moderation.reject')}</Button>
            </PostForm>
          </section>
        </>
      )}
    </Layout>
  );
}

export interface FlaggedRow {
  id: number;
  signedAt: Date;
  level: Level;
  place: string;
  flags: string[];
  hint: string | null;
}

export function FlaggedPage({ view, rows, errors = [], notice, reason = '' }: { view: PetitionView; rows: FlaggedRow[]; errors?: FieldError[]; notice?: string | null; reason?: string }) {
  const { t } = usePage();
  return (
    <Layout title={t('petitions:moderation.flaggedTitle')} breadcrumbs={[{ href: '/moderation/petitions', label: t('petitions:moderation.title') }, { href: `/petitions/${view.id}`, label: `№${view.id}` }, { label: t('petitions:moderation.flaggedTitle') }]}>
      <ErrorSummary errors={errors} />
      {notice && <Notice kind="success">{notice}</Notice>}
      <h1>{t('petitions:moderation.flaggedTitle')}</h1>
      <p>{view.title}</p>
      <p>{t('petitions:moderation.flaggedLead')}</p>
      {rows.length === 0 ? (
        <p>{t('petitions:moderation.flaggedEmpty')}</p>
      ) : (
        <PostForm action={`/moderation/petitions/${view.id}/signatures`}>
          <fieldset class="fieldset" id="f-signatures">
            <legend class="legend">{t('petitions:moderation.flaggedTitle')}</legend>
            <TableWrap label={t('petitions:moderation.flaggedTitle')}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('petitions:moderation.choose')}</th>
                    <th scope="col">{t('petitions:moderation.signedAt')}</th>
                    <th scope="col">{t('petitions:moderation.level')}</th>
                    <th scope="col">{t('petitions:moderation.place')}</th>
                    <th scope="col">{t('petitions:moderation.flags')}</th>
                    <th scope="col">{t('petitions:moderation.hint')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <input type="checkbox" name="signatures" value={String(r.id)} id={`sig-${r.id}`} aria-label={t('petitions:moderation.chooseSignature', { id: r.id })} class="row-check" />
                      </td>
                      <td>
                        <DateText date={r.signedAt} withTime />
                      </td>
                      <td>{t(`petitions:level.${r.level}`)}</td>
                      <td>{r.place}</td>
                      <td>{r.flags.map((f) => t(`petitions:flag.${f as 'disposable'}`)).join(', ')}</td>
                      <td>{r.hint ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          </fieldset>
          <TextInput name="reason" label={t('petitions:field.invalidationReason')} value={reason} maxLength={LIMITS.invalidationReason} errors={errors} />
          <Button variant="warning">{t('petitions:moderation.invalidate')}</Button>
        </PostForm>
      )}
    </Layout>
  );
}

export function RespondPage({ view, errors = [], values = {}, dueAt }: { view: PetitionView; errors?: FieldError[]; values?: { kind?: string; outcome?: string; text?: string }; dueAt: Date | null }) {
  const { t } = usePage();
  return (
    <Layout title={t('petitions:respond.title')} breadcrumbs={[{ href: '/petitions', label: t('petitions:title') }, { href: `/petitions/${view.id}`, label: `№${view.id}` }, { label: t('petitions:respond.title') }]}>
      <ErrorSummary errors={errors} />
      <h1>{t('petitions:respond.title')}</h1>
      <p>{view.title}</p>
      <p>{t('petitions:respond.lead')}</p>
      <p>
        {dueAt ? (
          <>
            {t('petitions:respond.dueNow', { date: '' })}
            <DateText date={dueAt} />
          </>
        ) : (
          t('petitions:respond.nothingDue')
        )}
      </p>
      <PostForm action={`/petitions/${view.id}/respond`}>
        <Radios
          name="kind"
          label={t('petitions:field.responseKind')}
          value={values.kind ?? (dueAt ? 'response' : 'outcome')}
          options={[
            { value: 'response', label: t('petitions:respond.kindResponse') },
            { value: 'outcome', label: t('petitions:respond.kindOutcome') },
          ]}
          errors={errors}
        />
        <Select
          name="outcome"
          label={t('petitions:field.outcome')}
          optional
          placeholder={t('form.choose')}
          value={values.outcome}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`petitions:outcome.${o}`) }))}
          errors={errors}
        />
        <TextArea name="text" label={t('petitions:field.responseText')} value={values.text ?? ''} rows={8} maxLength={LIMITS.response} errors={errors} />
        <Button>{t('petitions:respond.publish')}</Button>
      </PostForm>
    </Layout>
  );
}

export function AdminListPage({ bodies }: { bodies: { slug: string; nameMn: string; nameEn: string; openDays: number; minLevel: Level; steps: number; custom: boolean }[] }) {
  const { t, lang } = usePage();
  return (
    <Layout title={t('petitions:admin.title')} breadcrumbs={[{ href: '/admin', label: t('common:site.admin') }, { label: t('petitions:admin.title') }]}>
      <h1>{t('petitions:admin.title')}</h1>
      <p class="lead">{t('petitions:admin.lead')}</p>
      <TableWrap label={t('petitions:admin.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('petitions:field.body')}</th>
              <th scope="col" class="num">
                {t('petitions:admin.openDays')}
              </th>
              <th scope="col">{t('petitions:admin.minLevel')}</th>
              <th scope="col">{t('petitions:admin.steps')}</th>
            </tr>
          </thead>
          <tbody>
            {bodies.map((b) => (
              <tr key={b.slug}>
                <th scope="row">
                  <a href={`/admin/petitions/${b.slug}`}>{localized(lang, b.nameMn, b.nameEn)}</a>
                </th>
                <td class="num">{b.openDays}</td>
                <td>{t(`petitions:level.${b.minLevel}`)}</td>
                <td>
                  {b.steps} ({b.custom ? t('petitions:admin.custom') : t('petitions:admin.default')})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Layout>
  );
}

export const ADMIN_ROWS = 6;

export function AdminEditPage({ body, openDays, minLevel, steps, errors = [], notice }: { body: { slug: string; nameMn: string; nameEn: string }; openDays: string; minLevel: string; steps: (LadderStep | null)[]; errors?: FieldError[]; notice?: string | null }) {
  const { t, lang } = usePage();
  const name = localized(lang, body.nameMn, body.nameEn);
  return (
    <Layout title={`${t('petitions:admin.title')}: ${name}`} breadcrumbs={[{ href: '/admin', label: t('common:site.admin') }, { href: '/admin/petitions', label: t('petitions:admin.title') }, { label: name }]}>
      <ErrorSummary errors={errors} />
      {notice && <Notice kind="success">{notice}</Notice>}
      <h1>{name}</h1>
      <PostForm action={`/admin/petitions/${body.slug}`}>
        <TextInput name="open_days" label={t('petitions:admin.openDays')} value={openDays} width="short" inputMode="numeric" errors={errors} />
        <Select name="min_level" label={t('petitions:admin.minLevel')} value={minLevel} options={VERIFICATION_LEVELS.map((l) => ({ value: l, label: t(`petitions:level.${l}`) }))} errors={errors} />
        <h2>{t('petitions:admin.steps')}</h2>
        {Array.from({ length: ADMIN_ROWS }, (_, i) => {
          const s = steps[i] ?? null;
          const n = i + 1;
          return (
            <fieldset class="fieldset period" key={n}>
              <legend class="legend legend-kind">{t('petitions:admin.step', { n })}</legend>
              <Select
                name={`step_${n}_counts`}
                label={t('petitions:admin.counts')}
                value={s ? s.counts : ''}
                placeholder={t('petitions:admin.unused')}
                options={[
                  { value: 'supporters', label: t('petitions:admin.countsSupporters') },
                  { value: 'votes', label: t('petitions:admin.countsVotes') },
                ]}
                errors={errors}
              />
              <TextInput name={`step_${n}_threshold`} label={t('petitions:admin.threshold')} value={s ? String(s.threshold) : ''} width="short" inputMode="numeric" errors={errors} />
              <Select
                name={`step_${n}_consequence`}
                label={t('petitions:admin.consequence')}
                value={s?.consequence ?? ''}
                placeholder={t('form.choose')}
                options={CONSEQUENCES.map((c) => ({ value: c, label: t(`petitions:consequence.${c}`) }))}
                errors={errors}
              />
              <TextInput name={`step_${n}_days`} label={t('petitions:admin.days')} hint={t('petitions:admin.daysHint')} value={s?.actWithinDays ? String(s.actWithinDays) : ''} width="short" inputMode="numeric" errors={errors} />
              <Checkbox name={`step_${n}_closes`} label={t('petitions:admin.closes')} checked={!!s?.closesVoting} errors={errors} />
            </fieldset>
          );
        })}
        <Button>{t('form.save')}</Button>
      </PostForm>
    </Layout>
  );
}
