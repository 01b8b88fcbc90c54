import type { FieldError } from '../../../shared/errors.js';
import { Button, ErrorSummary, fieldId, PostForm, Radios, Select, TextInput, useErrorText } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { PlanFileCheck, Resolution } from '../import.js';
import { importPath, plansPath } from '../urls.js';

export interface ImportFormValues {
  slug: string;
  owner: string;
  kind: string;
  place: string;
}

/** Problems of the form's own fields go to the fields; problems inside the file are listed under the file input. */
const FORM_FIELDS = new Set(['slug', 'owner', 'kind', 'place', 'file']);

export function ImportPage(props: { bodies: { id: number; name: string }[]; values: ImportFormValues; errors: FieldError[] }) {
  const { t } = usePage();
  const text = useErrorText();
  const title = t('commitments:import.title');
  const formErrors = props.errors.filter((e) => FORM_FIELDS.has(e.field));
  const fileProblems = props.errors.filter((e) => !FORM_FIELDS.has(e.field));
  const summary: FieldError[] = [...formErrors, ...(fileProblems.length ? [{ field: 'file', key: 'commitments:import.problems', params: { count: fileProblems.length } }] : [])];
  const fileError = formErrors.find((e) => e.field === 'file');
  const id = fieldId('file');
  return (
    <Layout title={title} breadcrumbs={[{ href: plansPath, label: t('commitments:title') }, { label: title }]}>
      <ErrorSummary errors={summary} />
      <h1>{title}</h1>
      <p class="lead">{t('commitments:import.lead')}</p>
      <PostForm action={importPath} multipart>
        <div class={fileError || fileProblems.length ? 'field field-invalid' : 'field'}>
          <label class="label" for={id}>
            {t('commitments:field.file')}
          </label>
          <p class="hint" id={`${id}-hint`}>
            {t('commitments:hint.file')}
          </p>
          {fileError && (
            <p class="field-error" id={`${id}-error`}>
              <span class="visually-hidden">{t('form.errorPrefix')} </span>
              {text(fileError)}
            </p>
          )}
          {fileProblems.length > 0 && (
            <div id={`${id}-error`} class="file-problems">
              <p class="field-error">{t('commitments:import.problems', { count: fileProblems.length })}</p>
              <ul>
                {fileProblems.map((p, i) => (
                  <li key={i}>{text(p)}</li>
                ))}
              </ul>
            </div>
          )}
          <input id={id} name="file" type="file" accept="application/json,.json" class="file-input" aria-describedby={fileError || fileProblems.length ? `${id}-hint ${id}-error` : `${id}-hint`} />
        </div>
        <Select name="owner" label={t('commitments:field.owner')} options={props.bodies.map((b) => ({ value: String(b.id), label: b.name }))} value={props.values.owner} placeholder="" errors={props.errors} />
        <TextInput name="slug" label={t('commitments:field.slug')} hint={t('commitments:hint.slug')} value={props.values.slug} errors={props.errors} width="medium" spellcheck={false} />
        <Radios
          name="kind"
          label={t('commitments:field.planKind')}
          options={[
            { value: 'national', label: t('commitments:kind.national') },
            { value: 'local', label: t('commitments:kind.local') },
          ]}
          value={props.values.kind || 'national'}
          errors={props.errors}
          inline
        />
        <TextInput name="place" label={t('commitments:field.place')} hint={t('commitments:hint.place')} value={props.values.place} errors={props.errors} width="short" inputMode="numeric" optional />
        <Button>{t('commitments:import.check')}</Button>
      </PostForm>
    </Layout>
  );
}

function ResolutionItem({ r, ownerName }: { r: Resolution; ownerName: string }) {
  const { t, lang } = usePage();
  if (r.action === 'owner') return <li lang="en">{`${r.name} → ${ownerName}`}</li>;
  if (r.action === 'existing') return <li>{t('commitments:import.existing', { name: `${r.name} → ${lang === 'en' ? r.nameEn : r.nameMn}` })}</li>;
  return (
    <li>
      <strong>{t('commitments:import.create', { name: `${lang === 'en' ? r.nameEn : r.nameMn}`, kind: r.kind === 'body' ? t('commitments:import.kindBody') : t('commitments:import.kindCso') })}</strong>
    </li>
  );
}

export function ImportPreviewPage({ uploadId, check, ownerName, slug }: { uploadId: string; check: PlanFileCheck; ownerName: string; slug: string }) {
  const { t } = usePage();
  const title = t('commitments:import.previewTitle');
  const creates = check.organisations.filter((r) => r.action === 'create');
  const others = check.organisations.filter((r) => r.action !== 'create');
  return (
    <Layout title={title} breadcrumbs={[{ href: plansPath, label: t('commitments:title') }, { href: importPath, label: t('commitments:import.title') }, { label: title }]}>
      <h1>{title}</h1>
      <dl class="summary-list">
        <dt>{t('commitments:meta.source')}</dt>
        <dd lang="en">{check.title}</dd>
        <dt>{t('commitments:meta.period')}</dt>
        <dd>{check.period ? `${check.period.label} (${check.period.start} – ${check.period.end})` : ''}</dd>
        <dt>{t('commitments:field.slug')}</dt>
        <dd>/commitments/{slug}</dd>
        <dt>{t('commitments:meta.owner')}</dt>
        <dd>{ownerName}</dd>
      </dl>
      <p>{t('commitments:import.counts', check.counts)}</p>
      <h2>{t('commitments:import.organisations')}</h2>
      <ul>
        {creates.map((r) => (
          <ResolutionItem key={`c-${r.name}`} r={r} ownerName={ownerName} />
        ))}
        {others.map((r) => (
          <ResolutionItem key={`e-${r.name}`} r={r} ownerName={ownerName} />
        ))}
      </ul>
      <PostForm action={`${importPath}/${uploadId}/confirm`}>
        <Button>{t('commitments:import.confirm')}</Button>
      </PostForm>
    </Layout>
  );
}
