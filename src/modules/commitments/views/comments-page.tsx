import type { Membership } from '../../../shared/auth/actor.js';
import type { FieldError } from '../../../shared/errors.js';
import { formatDate } from '../../../shared/i18n/format.js';
import { Button, ErrorSummary, Notice, PostForm, Radios, Select, TextArea } from '../../../shared/views/components.js';
import { usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { LIMITS } from '../model.js';
import type { CommentView, CommitmentView, PlanRow } from '../queries.js';
import { apiPlanPath, commentsPath, planPath, plansPath } from '../urls.js';
import { DayText, orgName, plainText, planTitle, Written } from './parts.js';

export interface CommentFormValues {
  organisation: string;
  commitment: string;
  text: string;
}

function Author({ c }: { c: CommentView }) {
  const { t, lang } = usePage();
  if (c.byOwner) return <>{c.printed ?? (c.organisation ? orgName(lang, c.organisation) : '')}</>;
  if (c.organisation) return <>{orgName(lang, c.organisation)}</>;
  if (c.printed) return <span lang="en">{c.printed}</span>;
  return <>{t('commitments:comments.byPerson')}</>;
}

export function CommentItem({ c, answerForm }: { c: CommentView; answerForm?: preact.ComponentChildren }) {
  const { t, lang } = usePage();
  return (
    <li id={`comment-${c.id}`} class="comment">
      <h3 class="meta-heading">
        <Author c={c} />
        <span class="meta">
          {' · '}
          {c.commentedOn ? <DayText day={c.commentedOn} /> : formatDate(c.commentedAt, lang)}
        </span>
      </h3>
      <p class="meta">
        {c.byOwner && <>{t('commitments:comments.ownText')} · </>}
        {c.section && <>{t('commitments:comments.section', { section: c.section })} · </>}
        {c.commitmentNumber !== null ? t('commitments:comments.about', { number: c.commitmentNumber }) : t('commitments:comments.aboutPlan')}
      </p>
      <Written text={c.text} lang={c.lang} />
      {c.answer ? (
        <div class="answer">
          <h4 class="meta-heading">{t('commitments:comments.answered', { body: orgName(lang, c.answer.body), date: formatDate(c.answer.at, lang) })}</h4>
          <Written text={c.answer.text} lang={c.answer.lang} />
        </div>
      ) : (
        !c.byOwner && (
          <p>
            <span class="tag tag-warn">{t('commitments:comments.awaiting', { date: c.commentedOn ? formatDate(new Date(`${c.commentedOn}T12:00:00+08:00`), lang) : formatDate(c.commentedAt, lang) })}</span>
          </p>
        )
      )}
      {answerForm}
    </li>
  );
}

export function CommentsPage(props: {
  plan: PlanRow;
  comments: CommentView[];
  commitments: CommitmentView[];
  notice: string | null;
  canComment: boolean;
  signedIn: boolean;
  csos: Membership[];
  canAnswer: boolean;
  errors: FieldError[];
  values: CommentFormValues;
  answering: { id: number; errors: FieldError[]; text: string } | null;
}) {
  const { t, lang } = usePage();
  const { plan } = props;
  const title = t('commitments:comments.title');
  const open = !plan.closedAt;
  return (
    <Layout
      title={`${title}: ${planTitle(lang, plan)}`}
      jsonHref={`${apiPlanPath(plan.slug)}/comments`}
      breadcrumbs={[{ href: plansPath, label: t('commitments:title') }, { href: planPath(plan.slug), label: planTitle(lang, plan) }, { label: title }]}
    >
      {props.notice && <Notice kind="success">{props.notice}</Notice>}
      <ErrorSummary errors={props.answering ? props.answering.errors : props.errors} />
      <h1>{title}</h1>
      <p class="lead">{t('commitments:comments.lead')}</p>
      {props.comments.length === 0 && <p>{t('commitments:comments.none')}</p>}
      <ul class="card-list comments">
        {props.comments.map((c) => (
          <CommentItem
            key={c.id}
            c={c}
            answerForm={
              props.canAnswer && open && !c.answer && !c.byOwner ? (
                <PostForm action={`${commentsPath(plan.slug)}/${c.id}/answer`} class="inline-action">
                  <TextArea
                    name={`answer_${c.id}`}
                    label={t('commitments:comments.answer')}
                    value={props.answering?.id === c.id ? props.answering.text : ''}
                    errors={props.answering?.id === c.id ? props.answering.errors : []}
                    rows={4}
                    maxLength={LIMITS.answer}
                  />
                  <Button variant="secondary">{t('commitments:comments.sendAnswer')}</Button>
                </PostForm>
              ) : undefined
            }
          />
        ))}
      </ul>
      {open && (
        <section aria-labelledby="add-comment" class="action">
          <h2 id="add-comment">{t('commitments:comments.add')}</h2>
          {!props.signedIn && (
            <p>
              <a href={`/account/sign-in?next=${encodeURIComponent(commentsPath(plan.slug))}`}>{t('commitments:comments.signIn')}</a>
            </p>
          )}
          {props.signedIn && !props.canComment && <p>{t('commitments:comments.verify')}</p>}
          {props.canComment && (
            <PostForm action={commentsPath(plan.slug)}>
              {props.csos.length > 0 && (
                <Radios
                  name="organisation"
                  label={t('commitments:field.organisation')}
                  options={[
                    { value: 'self', label: t('commitments:comments.asPerson') },
                    ...props.csos.map((c) => ({ value: String(c.organisationId), label: t('commitments:comments.asOrganisation', { name: lang === 'en' ? c.nameEn : c.nameMn }) })),
                  ]}
                  value={props.values.organisation || 'self'}
                  errors={props.errors}
                />
              )}
              <Select
                name="commitment"
                label={t('commitments:field.about')}
                options={[
                  { value: '', label: t('commitments:comments.aboutPlan') },
                  ...props.commitments.map((c) => ({ value: String(c.number), label: `${c.number}. ${plainText(lang, c.titleMn, c.titleEn)}`.slice(0, 120) })),
                ]}
                value={props.values.commitment}
                errors={props.errors}
              />
              <TextArea name="text" label={t('commitments:field.comment')} hint={t('commitments:hint.comment')} value={props.values.text} errors={props.errors} rows={6} maxLength={LIMITS.comment} />
              <Button>{t('commitments:comments.send')}</Button>
            </PostForm>
          )}
        </section>
      )}
    </Layout>
  );
}
