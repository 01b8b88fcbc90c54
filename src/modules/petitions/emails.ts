import { formatDate } from '../../shared/i18n/format.js';
import { defineEmail } from '../../shared/mail/email.js';
import { localized } from '../../shared/views/context.js';
import './messages.js';

interface Named {
  mn: string;
  en: string;
}

/** The link that makes an email vote count (a vote counts only once it is clicked). */
export const confirmVoteEmail = defineEmail<{ title: string; url: string; hours: number }>('petitions.confirm_vote', (p, t) => ({
  subject: t('petitions:email.confirmSubject', { title: p.title }),
  text: t('petitions:email.confirmBody', { title: p.title, url: p.url, hours: p.hours }),
}));

/** To the creator: published, or rejected with the reason. */
export const decisionEmail = defineEmail<{ title: string; url: string; published: boolean; reason: string | null; note: string | null; closesAt: string | null }>(
  'petitions.decision',
  (p, t, lang) =>
    p.published
      ? { subject: t('petitions:email.publishedSubject', { title: p.title }), text: t('petitions:email.publishedBody', { title: p.title, url: p.url, closes: p.closesAt ? formatDate(new Date(p.closesAt), lang) : '' }) }
      : {
          subject: t('petitions:email.rejectedSubject', { title: p.title }),
          text: t('petitions:email.rejectedBody', { title: p.title, url: p.url, reason: p.reason ? t(`petitions:reason.${p.reason as 'duplicate'}`) : '', note: p.note ?? '' }),
        },
);

/** To signers who asked for news: a body published its response or an outcome. */
export const responseEmail = defineEmail<{ title: string; body: Named; text: string; url: string; unsubscribeUrl: string }>('petitions.response', (p, t, lang) => ({
  subject: t('petitions:email.responseSubject', { title: p.title }),
  text: t('petitions:email.responseBody', { title: p.title, body: localized(lang, p.body.mn, p.body.en), text: p.text, url: p.url, unsubscribeUrl: p.unsubscribeUrl }),
}));

/** To the target body's staff: a step was reached and an action is due. */
export const stepReachedEmail = defineEmail<{ title: string; threshold: number; consequence: string; dueAt: string; url: string }>('petitions.step_reached', (p, t, lang) => ({
  subject: t('petitions:email.stepSubject', { title: p.title }),
  text: t('petitions:email.stepBody', {
    title: p.title,
    threshold: p.threshold,
    consequence: t(`petitions:consequence.${p.consequence as 'response'}`),
    due: formatDate(new Date(p.dueAt), lang),
    url: p.url,
  }),
}));
