import { formatNumber } from '../../../shared/i18n/format.js';
import { DateText, Notice } from '../../../shared/views/components.js';
import { localized, usePage } from '../../../shared/views/context.js';
import { Layout } from '../../../shared/views/layout.js';
import { textHidden, type Level } from '../model.js';
import { effectiveState, type Counts, type PetitionView } from '../queries.js';
import { AimagTable, HourlyChart, Ladder, Responses, StateTag, TileMap } from './parts.js';
import '../messages.js';

export interface PetitionPageProps {
  view: PetitionView;
  counts: Counts;
  liveScript: string;
  isCreator?: boolean;
  canRespond?: boolean;
  canModerate?: boolean;
  notice?: string | null;
}

/** The public page of a petition: its text, ladder, live count, counts by place and hour, responses and how to vote. */
export function PetitionPage({ view, counts, liveScript, isCreator, canRespond, canModerate, notice }: PetitionPageProps) {
  const { t, lang, now } = usePage();
  const state = effectiveState(view, now);
  const hidden = textHidden({ state, rejection_reason: view.rejectionReason });
  const bodyName = localized(lang, view.body.nameMn, view.body.nameEn);
  const title = hidden ? `${t('petitions:title')} №${view.id}` : view.title;
  const voting = state === 'open' || state === 'closed';
  return (
    <Layout
      title={title}
      jsonHref={`/api/petitions/${view.id}`}
      breadcrumbs={[
        { href: '/petitions', label: t('petitions:title') },
        { label: `№${view.id}` },
      ]}
    >
      {notice && <Notice kind="success">{notice}</Notice>}
      <p>
        <StateTag state={state} /> <span class="meta">№{view.id}</span>
      </p>
      <h1 lang={hidden ? undefined : view.language}>{title}</h1>
      <dl class="summary-list">
        <dt>{t('petitions:page.to')}</dt>
        <dd>
          <a href={`/bodies/${view.body.slug}`}>{bodyName}</a>
        </dd>
        {view.openedAt && (
          <>
            <dt>{t('petitions:page.opened')}</dt>
            <dd>
              <DateText date={view.openedAt} />
            </dd>
          </>
        )}
        {state === 'open' && view.closesAt && (
          <>
            <dt>{t('petitions:page.closes')}</dt>
            <dd>
              <DateText date={view.closesAt} withTime />
            </dd>
          </>
        )}
        {state === 'closed' && (
          <>
            <dt>{t('petitions:page.closed')}</dt>
            <dd>
              <DateText date={view.closedAt ?? view.closesAt!} withTime />
              {view.closedEarly && <> · {t('petitions:page.closedEarly')}</>}
            </dd>
          </>
        )}
        {view.minLevel && (
          <>
            <dt>{t('petitions:page.minLevel')}</dt>
            <dd>{t(`petitions:level.${view.minLevel}`)}</dd>
          </>
        )}
      </dl>
      {isCreator && <p class="meta">{t('petitions:page.creatorNotice')}</p>}

      {state === 'rejected' && (
        <section class="panel" aria-labelledby="rejected-title">
          <h2 id="rejected-title">{t('petitions:page.rejected')}</h2>
          <dl class="summary-list">
            <dt>{t('petitions:page.rejectedReason')}</dt>
            <dd>{view.rejectionReason && t(`petitions:reason.${view.rejectionReason}`)}</dd>
            {view.rejectionNote && (
              <>
                <dt>{t('petitions:page.rejectedNote')}</dt>
                <dd class="pre-line">{view.rejectionNote}</dd>
              </>
            )}
            {view.duplicateOf && (
              <>
                <dt>{t('petitions:page.duplicateOf')}</dt>
                <dd>
                  <a href={`/petitions/${view.duplicateOf}`}>№{view.duplicateOf}</a>
                </dd>
              </>
            )}
          </dl>
          {hidden && <p>{t('petitions:page.hiddenText')}</p>}
        </section>
      )}

      {voting && (
        <section class="count-panel" aria-labelledby="count-title">
          <h2 id="count-title" class="visually-hidden">
            {t('petitions:page.liveCount')}
          </h2>
          <p class="big-count">
            <span data-live-count data-src={`/api/petitions/${view.id}/count`}>
              {formatNumber(counts.total, lang)}
            </span>{' '}
            <span class="big-count-label">{t('petitions:page.votes')}</span>
          </p>
          {counts.invalidated > 0 && <p class="meta">{t('petitions:page.invalidated', { count: counts.invalidated })}</p>}
          {state === 'open' && (
            <p>
              <a class="button button-primary button-large" href={`/petitions/${view.id}/sign`}>
                {t('petitions:page.sign')}
              </a>
            </p>
          )}
          {state === 'open' && <p class="meta">{t('petitions:page.signLead')}</p>}
        </section>
      )}

      {!hidden && (
        <section aria-labelledby="text-title" lang={view.language}>
          <h2 id="text-title">{t('petitions:page.action')}</h2>
          <p class="pre-line">{view.action}</p>
          {view.background && (
            <>
              <h3>{t('petitions:page.background')}</h3>
              <p class="pre-line">{view.background}</p>
            </>
          )}
          {view.links.length > 0 && (
            <>
              <h3>{t('petitions:page.links')}</h3>
              <ul class="link-list">
                {view.links.map((l) => (
                  <li key={l}>
                    <a href={l} rel="nofollow noopener">
                      {l}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      {state !== 'rejected' && view.steps.length > 0 && (
        <section aria-labelledby="ladder-title">
          <h2 id="ladder-title">{t('petitions:page.ladder')}</h2>
          <Ladder steps={view.steps} now={now} />
        </section>
      )}

      {voting && (
        <section aria-labelledby="responses-title">
          <h2 id="responses-title">{t('petitions:page.responses')}</h2>
          <Responses responses={view.responses} view={view} />
          {canRespond && (
            <p>
              <a class="button button-secondary" href={`/petitions/${view.id}/respond`}>
                {t('petitions:page.respond')}
              </a>
            </p>
          )}
        </section>
      )}

      {voting && counts.total > 0 && (
        <section aria-labelledby="places-title">
          <h2 id="places-title">{t('petitions:page.byAimag')}</h2>
          <TileMap counts={counts} id="petition-map" />
          <AimagTable counts={counts} petitionId={view.id} />
          <p>
            <a href={`/petitions/${view.id}/places`}>{t('petitions:page.allSoums')}</a>
          </p>
          <h2>{t('petitions:page.hourly')}</h2>
          <HourlyChart counts={counts} view={view} id="petition-hours" />
        </section>
      )}

      {canModerate && voting && (
        <p>
          <a href={`/moderation/petitions/${view.id}/signatures`}>{t('petitions:page.flagged')}</a>
        </p>
      )}
      <section aria-labelledby="data-title">
        <h2 id="data-title">{t('petitions:page.openData')}</h2>
        <ul class="inline-list">
          <li>
            <a href={`/api/petitions/${view.id}`}>JSON</a>
          </li>
          <li>
            <a href={`/petitions/${view.id}.csv`}>CSV</a>
          </li>
          <li>
            <a href={`/record?subject=${encodeURIComponent(`petition/${view.id}`)}`}>{t('petitions:page.recordLink')}</a>
          </li>
        </ul>
      </section>
      {voting && state === 'open' && <script src={liveScript} defer />}
    </Layout>
  );
}

export function levelText(t: ReturnType<typeof usePage>['t'], level: Level): string {
  return t(`petitions:levelAtLeast.${level}`);
}
