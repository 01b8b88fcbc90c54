import type { FieldError } from '../../../shared/errors.js';
import { Button, ErrorSummary, PostForm, Radios, Select, TextArea, TextInput } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import type { CommitmentView, PlanRow } from '../queries.js';
import { commitmentPath, planPath, plansPath } from '../urls.js';
import { plainText, planTitle } from './parts.js';

export interface BodyChoice {
  id: number;
  name: string;
}

export type FormValues = Record<string, string>;

export function PlanFormPage({ owners, values, errors }: { owners: BodyChoice[]; values: FormValues; errors: FieldError[] }) {
  const { t } = usePage();
  const title = t('commitments:author.newPlan');
  return (
    <Layout title={title} breadcrumbs={[{ href: plansPath, label: t('commitments:title') }, { label: title }]}>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{t('commitments:author.newPlanLead')}</p>
      <PostForm action="/commitments/new">
        <TextInput name="title_mn" label={t('commitments:field.title_mn')} hint={t('commitments:hint.titles')} value={values.title_mn} errors={errors} />
        <TextInput name="title_en" label={t('commitments:field.title_en')} value={values.title_en} errors={errors} optional />
        <Select name="owner" label={t('commitments:field.owner')} options={owners.map((b) => ({ value: String(b.id), label: b.name }))} value={values.owner} placeholder={owners.length > 1 ? '' : undefined} errors={errors} />
        <Radios
          name="kind"
          label={t('commitments:field.planKind')}
          options={[
            { value: 'local', label: t('commitments:kind.local') },
            { value: 'national', label: t('commitments:kind.national') },
          ]}
          value={values.kind}
          errors={errors}
          inline
        />
        <TextInput name="place" label={t('commitments:field.place')} hint={t('commitments:hint.place')} value={values.place} errors={errors} width="short" inputMode="numeric" optional />
        <TextInput name="start" label={t('commitments:field.start')} hint={t('commitments:hint.date')} value={values.start} errors={errors} width="short" />
        <TextInput name="end" label={t('commitments:field.end')} hint={t('commitments:hint.date')} value={values.end} errors={errors} width="short" />
        <TextInput name="slug" label={t('commitments:field.slug')} hint={t('commitments:hint.slug')} value={values.slug} errors={errors} width="medium" spellcheck={false} />
        <Button>{t('commitments:author.create')}</Button>
      </PostForm>
    </Layout>
  );
}

export function CommitmentFormPage({ plan, bodies, values, errors }: { plan: PlanRow; bodies: BodyChoice[]; values: FormValues; errors: FieldError[] }) {
  const { t, lang } = usePage();
  const title = t('commitments:author.commitmentTitle', { plan: planTitle(lang, plan) });
  return (
    <Layout title={title} breadcrumbs={[{ href: plansPath, label: t('commitments:title') }, { href: planPath(plan.slug), label: planTitle(lang, plan) }, { label: t('commitments:author.addCommitment') }]}>
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <PostForm action={`${planPath(plan.slug)}/commitments/new`}>
        <TextInput name="title_mn" label={t('commitments:field.title_mn')} hint={t('commitments:hint.titles')} value={values.title_mn} errors={errors} />
        <TextInput name="title_en" label={t('commitments:field.title_en')} value={values.title_en} errors={errors} optional />
        <TextArea name="objective_mn" label={t('commitments:field.objective_mn')} value={values.objective_mn} errors={errors} optional rows={3} />
        <TextArea name="objective_en" label={t('commitments:field.objective_en')} value={values.objective_en} errors={errors} optional rows={3} />
        <Select name="lead" label={t('commitments:field.lead')} options={bodies.map((b) => ({ value: String(b.id), label: b.name }))} value={values.lead} placeholder="" errors={errors} />
        <Button>{t('commitments:author.add')}</Button>
      </PostForm>
    </Layout>
  );
}

export function MilestoneFormPage({ plan, commitment, bodies, values, errors }: { plan: PlanRow; commitment: CommitmentView; bodies: BodyChoice[]; values: FormValues; errors: FieldError[] }) {
  const { t, lang } = usePage();
  const short = t('commitments:commitment.short', { number: commitment.number });
  const title = t('commitments:author.milestoneTitle', { commitment: `${short} ${plainText(lang, commitment.titleMn, commitment.titleEn)}` });
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { href: plansPath, label: t('commitments:title') },
        { href: planPath(plan.slug), label: planTitle(lang, plan) },
        { href: commitmentPath(plan.slug, commitment.number), label: short },
        { label: t('commitments:author.addMilestone') },
      ]}
    >
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <PostForm action={`${commitmentPath(plan.slug, commitment.number)}/milestones/new`}>
        <TextInput name="title_mn" label={t('commitments:field.title_mn')} hint={t('commitments:hint.titles')} value={values.title_mn} errors={errors} />
        <TextInput name="title_en" label={t('commitments:field.title_en')} value={values.title_en} errors={errors} optional />
        <Select name="lead" label={t('commitments:field.lead')} options={bodies.map((b) => ({ value: String(b.id), label: b.name }))} value={values.lead} placeholder="" errors={errors} />
        <TextInput name="due" label={t('commitments:field.due')} hint={t('commitments:hint.due')} value={values.due} errors={errors} width="short" optional />
        <Button>{t('commitments:author.add')}</Button>
      </PostForm>
    </Layout>
  );
}
