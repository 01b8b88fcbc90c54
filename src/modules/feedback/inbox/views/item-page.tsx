import type { FieldError } from '../../../../shared/errors.js';
import { formatDate, formatDateTime } from '../../../../shared/i18n/format.js';
import { langOfText } from '../../../../shared/i18n/text-language.js';
import { Button, DateText, ErrorSummary, Notice, PostForm, Radios, Select, TextArea, TextInput } from '../../../../shared/views/components.js';
import { localized, usePage } from '../../../../shared/views/context.js';
import { Layout } from '../../../../shared/views/layout.js';
import { isOpen, LIMITS } from '../../model.js';
import type { BodyOption, HistoryEntry, Member, StaffItem } from '../item-queries.js';
import { Code, DueCell, PlaceText, StatusTag } from './parts.js';
import { formatTrackingCode } from '../../tracking-code.js';

/** Which action form the errors and kept values belong to. */
export type ItemForm = 'assign' | 'start' | 'answer' | 'extend' | 'forward' | 'note';

export interface ItemPageProps {
  item: StaffItem;
  contact: { name: string | null; email: string | null; phone: string | null } | undefined;
  photos: { id: number; width: number; height: number }[];
  history: HistoryEntry[];
  members: Member[];
  targets: BodyOption[];
  bodiesSearch: string;
  notice?: string | null;
  form?: ItemForm;
  errors?: FieldError[];
  values?: Record<string, string>;
}

export function itemHref(code: string): string {
  return `/inbox/items/${code}`;
}

function History({ entries }: { entries: HistoryEntry[] }) {
  const { t, lang } = usePage();
  const name = (mn: string | null, en: string | null) => (mn ? localized(lang, mn, en) : '');
  return (
    <ol class="timeline">
      {entries.map((e) => {
        const params = {
          body: name(e.bodyMn, e.bodyEn),
          from: name(e.bodyMn, e.bodyEn),
          to: name(e.toBodyMn, e.toBodyEn),
          days: Number(e.data.days ?? 0),
        };
        const resolution = typeof e.data.resolution === 'string' ? e.data.resolution : null;
        return (
          <li key={e.id}>
            <p class="meta">
              <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, lang)}</time>
              {e.actorName && <> · {e.actorName}</>}
              {!e.isPublic && (
                <>
                  {' '}
                  <span class="tag">{t('inbox:item.internal')}</span>
                </>
              )}
            </p>
            <p>
              <strong>{t(`feedback:event.${e.type as 'received'}`, params)}</strong>
              {resolution === 'resolved' || resolution === 'rejected' ? <> ({t(`feedback:resolution.${resolution}`)})</> : null}
            </p>
            {e.text && <p class="pre-line">{e.text}</p>}
          </li>
        );
      })}
    </ol>
  );
}

export function ItemPage(props: ItemPageProps) {
  const { t, lang, actor, now } = usePage();
  const { item, contact } = props;
  const open = isOpen(item.status);
  const values = props.values ?? {};
  const errorsFor = (form: ItemForm) => (props.form === form ? props.errors : undefined);
  const v = (form: ItemForm, name: string) => (props.form === form ? (values[name] ?? '') : '');
  const bodyName = localized(lang, item.body_mn, item.body_en);
  const code = formatTrackingCode(item.code);
  const action = (name: string) => `${itemHref(item.code)}/${name}`;
  return (
    <Layout
      title={`${code}: ${item.title}`}
      breadcrumbs={[{ href: `/inbox?body=${item.body_slug}`, label: t('inbox:inbox.titleFor', { body: bodyName }) }, { label: code }]}
    >
      <h1>
        <Code code={item.code} />: <span lang={langOfText(item.title, lang)}>{item.title}</span>
      </h1>
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      {props.errors && <ErrorSummary errors={props.errors} />}

      <h2>{t('inbox:item.details')}</h2>
      <dl class="summary-list">
        <dt>{t('inbox:item.status')}</dt>
        <dd>
          <StatusTag status={item.status} />
          {item.resolution && <> ({t(`feedback:resolution.${item.resolution}`)})</>}
        </dd>
        <dt>{t('inbox:item.kind')}</dt>
        <dd>{t(`feedback:kind.${item.kind}`)}</dd>
        <dt>{t('inbox:item.category')}</dt>
        <dd>{localized(lang, item.category_mn, item.category_en)}</dd>
        <dt>{t('inbox:item.place')}</dt>
        <dd>
          <PlaceText code={item.place_code} />
        </dd>
        <dt>{t('inbox:item.channel')}</dt>
        <dd>{t(`feedback:channel.${item.channel}`)}</dd>
        <dt>{t('inbox:item.received')}</dt>
        <dd>
          <DateText date={item.received_at} withTime />
        </dd>
        <dt>{t('inbox:item.due')}</dt>
        <dd>
          <DueCell status={item.status} dueAt={item.due_at} extended={!!item.extended_at} />
          {item.extension_reason && <p class="meta pre-line">{t('inbox:item.extendedBy', { reason: item.extension_reason })}</p>}
        </dd>
        <dt>{t('inbox:item.assignee')}</dt>
        <dd>{item.assignee_name ?? <span class="meta">{t('inbox:inbox.nobody')}</span>}</dd>
        <dt>{t('inbox:item.publication')}</dt>
        <dd>{t(`inbox:publication.${item.publication}`)}</dd>
      </dl>

      <h2>{t('inbox:item.submitterWords')}</h2>
      <div class="panel">
        <p class="pre-line" lang={item.language}>
          {item.description}
        </p>
      </div>

      {item.answer_text && (
        <>
          <h2>{t('inbox:item.answer')}</h2>
          <p class="pre-line">{item.answer_text}</p>
        </>
      )}

      <h2>{t('inbox:item.contact')}</h2>
      {contact ? (
        <dl class="summary-list">
          {contact.name && (
            <>
              <dt>{t('inbox:item.contactName')}</dt>
              <dd>{contact.name}</dd>
            </>
          )}
          {contact.email && (
            <>
              <dt>{t('inbox:item.contactEmail')}</dt>
              <dd>
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </dd>
            </>
          )}
          {contact.phone && (
            <>
              <dt>{t('inbox:item.contactPhone')}</dt>
              <dd>
                <a href={`tel:${contact.phone}`}>{contact.phone}</a>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p>{t('inbox:item.noContact')}</p>
      )}

      {props.photos.length > 0 && (
        <>
          <h2>{t('inbox:item.photos')}</h2>
          <ul class="photo-list">
            {props.photos.map((p, i) => (
              <li key={p.id}>
                <a href={`${itemHref(item.code)}/photos/${p.id}`}>
                  <img src={`${itemHref(item.code)}/photos/${p.id}`} alt={t('inbox:item.photoAlt', { n: i + 1 })} width={p.width} height={p.height} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('inbox:item.actions')}</h2>
      {!open && <p>{t('inbox:item.finished')}</p>}
      {open && (
        <div class="action-forms">
          <section aria-labelledby="h-assign" class="action">
            <h3 id="h-assign">{t('inbox:assign.heading')}</h3>
            <PostForm action={action('assign')}>
              <Select
                name="assignee"
                label={t('inbox:assign.label')}
                options={props.members.map((m) => ({ value: String(m.accountId), label: m.accountId === actor?.accountId ? t('inbox:assign.me', { name: m.displayName }) : m.displayName }))}
                value={v('assign', 'assignee') || (item.assignee_id ? String(item.assignee_id) : '')}
                placeholder={t('form.choose')}
                errors={errorsFor('assign')}
              />
              <Button variant="secondary">{t('inbox:assign.submit')}</Button>
            </PostForm>
            {item.assignee_id !== actor?.accountId && (
              <PostForm action={action('assign')} class="inline-action">
                <input type="hidden" name="assignee" value="me" />
                <Button variant="secondary">{t('inbox:assign.toMe')}</Button>
              </PostForm>
            )}
          </section>

          {(item.status === 'received' || item.status === 'assigned') && (
            <section aria-labelledby="h-start" class="action">
              <h3 id="h-start">{t('inbox:start.heading')}</h3>
              <p class="hint">{t('inbox:start.hint')}</p>
              <PostForm action={action('start')}>
                <Button variant="secondary">{t('inbox:start.submit')}</Button>
              </PostForm>
            </section>
          )}

          <section aria-labelledby="h-answer" class="action">
            <h3 id="h-answer">{t('inbox:answer.heading')}</h3>
            <PostForm action={action('answer')}>
              <Radios
                name="resolution"
                label={t('inbox:answer.resolution')}
                value={v('answer', 'resolution')}
                errors={errorsFor('answer')}
                options={[
                  { value: 'resolved', label: t('feedback:resolution.resolved'), hint: t('inbox:answer.resolvedHint') },
                  { value: 'rejected', label: t('feedback:resolution.rejected'), hint: t('inbox:answer.rejectedHint') },
                ]}
              />
              <TextArea name="answer" label={t('inbox:answer.text')} hint={t('inbox:answer.textHint')} value={v('answer', 'answer')} maxLength={LIMITS.answer} errors={errorsFor('answer')} />
              <Button>{t('inbox:answer.submit')}</Button>
            </PostForm>
          </section>

          <section aria-labelledby="h-extend" class="action">
            <h3 id="h-extend">{t('inbox:extend.heading')}</h3>
            {item.extended_at ? (
              <p>{t('inbox:extend.used', { date: formatDate(item.extended_at, lang) })}</p>
            ) : now.getTime() > item.due_at.getTime() ? (
              <p>{t('feedback:errors.extension_too_late')}</p>
            ) : (
              <PostForm action={action('extend')}>
                <TextInput name="days" label={t('inbox:extend.days')} hint={t('inbox:extend.daysHint')} inputMode="numeric" width="short" value={v('extend', 'days')} errors={errorsFor('extend')} />
                <TextArea name="extend_reason" label={t('inbox:extend.reason')} hint={t('inbox:extend.reasonHint')} rows={3} value={v('extend', 'extend_reason')} maxLength={LIMITS.reason} errors={errorsFor('extend')} />
                <Button variant="secondary">{t('inbox:extend.submit')}</Button>
              </PostForm>
            )}
          </section>

          <section aria-labelledby="h-forward" class="action">
            <h3 id="h-forward">{t('inbox:forward.heading')}</h3>
            <p class="hint">{t('inbox:forward.hint')}</p>
            <form method="get" action={`${itemHref(item.code)}#h-forward`} class="inline-search" role="search" aria-label={t('inbox:forward.search')}>
              <label class="label" for="f-bodies">
                {t('inbox:forward.search')}
              </label>
              <input id="f-bodies" name="bodies" type="search" class="input input-medium" value={props.bodiesSearch} />
              <Button variant="secondary">{t('inbox:forward.searchSubmit')}</Button>
            </form>
            {props.targets.length === 0 ? (
              <p>{t('inbox:forward.noBodies')}</p>
            ) : (
              <PostForm action={action('forward')}>
                {props.bodiesSearch && <input type="hidden" name="bodies" value={props.bodiesSearch} />}
                <Select
                  name="to_body"
                  label={t('inbox:forward.body')}
                  hint={t('inbox:forward.bodyHint')}
                  options={props.targets.map((b) => ({ value: b.slug, label: localized(lang, b.nameMn, b.nameEn) }))}
                  value={v('forward', 'to_body')}
                  placeholder={t('form.choose')}
                  errors={errorsFor('forward')}
                />
                <TextArea name="forward_reason" label={t('inbox:forward.reason')} hint={t('inbox:forward.reasonHint')} rows={3} value={v('forward', 'forward_reason')} maxLength={LIMITS.reason} errors={errorsFor('forward')} />
                <Button variant="secondary">{t('inbox:forward.submit')}</Button>
              </PostForm>
            )}
          </section>
        </div>
      )}

      <section aria-labelledby="h-note" class="action">
        <h3 id="h-note">{t('inbox:note.heading')}</h3>
        <PostForm action={action('note')}>
          <TextArea name="note" label={t('inbox:note.label')} hint={t('inbox:note.hint')} rows={3} value={v('note', 'note')} maxLength={LIMITS.reason} errors={errorsFor('note')} />
          <Button variant="secondary">{t('inbox:note.submit')}</Button>
        </PostForm>
      </section>

      <h2>{t('inbox:item.history')}</h2>
      <History entries={props.history} />
      <p>
        <a href={`/inbox?body=${item.body_slug}`}>{t('inbox:item.back')}</a>
      </p>
    </Layout>
  );
}
