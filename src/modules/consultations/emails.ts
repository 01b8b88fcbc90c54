import { formatDate } from '../../shared/i18n/format.js';
import { defineEmail } from '../../shared/mail/email.js';
import { localized } from '../../shared/views/context.js';
import type { AnswerCategory } from './model.js';
import './messages.js';

/**
 * Plain-text emails in the recipient's language. Every email about a consultation ends
 * with a link that stops them (no sign-in needed), as the brief asks.
 */
interface Title {
  mn: string;
  en: string | null;
}

const titleIn = (lang: 'mn' | 'en', title: Title) => localized(lang, title.mn, title.en);

export interface AnsweredItem {
  url: string;
  excerpt: string;
  category: AnswerCategory;
  reason: string;
}

export const commentAnsweredEmail = defineEmail<{ title: Title; body: { mn: string; en: string }; items: AnsweredItem[]; unsubscribeUrl: string }>('consultations.answered', (p, t, lang) => {
  const items = p.items
    .map((i) => t('consultations:email.answeredItem', { excerpt: i.excerpt, category: t(`consultations:answer.${i.category}`), reason: i.reason, url: i.url }))
    .join('\n\n');
  const params = { title: titleIn(lang, p.title), body: localized(lang, p.body.mn, p.body.en), count: p.items.length, items, unsubscribeUrl: p.unsubscribeUrl };
  return { subject: t('consultations:email.answeredSubject', params), text: t('consultations:email.answeredBody', params) };
});

export const newVersionEmail = defineEmail<{ title: Title; version: number; changeNote: string; changesUrl: string; closesAt: string; open: boolean; unsubscribeUrl: string }>(
  'consultations.version',
  (p, t, lang) => {
    const params = {
      title: titleIn(lang, p.title),
      version: p.version,
      changeNote: p.changeNote,
      changesUrl: p.changesUrl,
      closes: formatDate(new Date(p.closesAt), lang),
      unsubscribeUrl: p.unsubscribeUrl,
    };
    return {
      subject: t('consultations:email.versionSubject', params),
      text: `${t('consultations:email.versionBody', params)}${p.open ? `\n\n${t('consultations:email.versionStillOpen', params)}` : ''}\n\n${t('consultations:email.footer', params)}`,
    };
  },
);

export const finishedEmail = defineEmail<{ title: Title; reportUrl: string; comments: number; unsubscribeUrl: string }>('consultations.finished', (p, t, lang) => {
  const params = { title: titleIn(lang, p.title), reportUrl: p.reportUrl, count: p.comments, unsubscribeUrl: p.unsubscribeUrl };
  return { subject: t('consultations:email.finishedSubject', params), text: `${t('consultations:email.finishedBody', params)}\n\n${t('consultations:email.footer', params)}` };
});

export interface DueItem {
  title: Title;
  unanswered: number;
  dueAt: string;
  /** Past the due date when the digest was made (the job decides, with the time it runs for). */
  late: boolean;
  url: string;
}

export const answersDueEmail = defineEmail<{ body: { mn: string; en: string }; items: DueItem[] }>('consultations.answers_due', (p, t, lang) => {
  const items = p.items
    .map((i) =>
      t(i.late ? 'consultations:email.dueItemLate' : 'consultations:email.dueItem', {
        title: titleIn(lang, i.title),
        count: i.unanswered,
        due: formatDate(new Date(i.dueAt), lang),
        url: i.url,
      }),
    )
    .join('\n\n');
  const params = { body: localized(lang, p.body.mn, p.body.en), items, count: p.items.length };
  return { subject: t('consultations:email.dueSubject', params), text: t('consultations:email.dueBody', params) };
});
