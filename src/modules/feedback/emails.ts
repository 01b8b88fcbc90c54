import { formatDate } from '../../shared/i18n/format.js';
import { defineEmail } from '../../shared/mail/email.js';
import { localized } from '../../shared/views/context.js';
import type { Kind } from './model.js';
import './messages.js';
import { formatTrackingCode } from './tracking-code.js';

interface BodyName {
  mn: string;
  en: string;
}

export const feedbackReceivedEmail = defineEmail<{ code: string; kind: Kind; title: string; body: BodyName; dueAt: string; trackUrl: string; manageUrl: string }>(
  'feedback.received',
  (p, t, lang) => {
    const params = {
      code: formatTrackingCode(p.code),
      kind: t(`feedback:kind.${p.kind}`).toLowerCase(),
      title: p.title,
      body: localized(lang, p.body.mn, p.body.en),
      due: formatDate(new Date(p.dueAt), lang),
      trackUrl: p.trackUrl,
      manageUrl: p.manageUrl,
    };
    return { subject: t('feedback:email.receivedSubject', params), text: t('feedback:email.receivedBody', params) };
  },
);

export const feedbackAnsweredEmail = defineEmail<{ code: string; title: string; body: BodyName; resolution: 'resolved' | 'rejected'; answer: string; manageUrl: string }>(
  'feedback.answered',
  (p, t, lang) => {
    const params = {
      code: formatTrackingCode(p.code),
      title: p.title,
      body: localized(lang, p.body.mn, p.body.en),
      resolution: t(`feedback:resolution.${p.resolution}`),
      answer: p.answer,
      manageUrl: p.manageUrl,
    };
    return { subject: t('feedback:email.answeredSubject', params), text: t('feedback:email.answeredBody', params) };
  },
);

export const feedbackForwardedEmail = defineEmail<{ code: string; title: string; from: BodyName; to: BodyName; reason: string; trackUrl: string }>(
  'feedback.forwarded',
  (p, t, lang) => {
    const params = {
      code: formatTrackingCode(p.code),
      title: p.title,
      from: localized(lang, p.from.mn, p.from.en),
      to: localized(lang, p.to.mn, p.to.en),
      reason: p.reason,
      trackUrl: p.trackUrl,
    };
    return { subject: t('feedback:email.forwardedSubject', params), text: t('feedback:email.forwardedBody', params) };
  },
);

export const feedbackExtendedEmail = defineEmail<{ code: string; title: string; body: BodyName; dueAt: string; reason: string; trackUrl: string }>(
  'feedback.extended',
  (p, t, lang) => {
    const params = {
      code: formatTrackingCode(p.code),
      title: p.title,
      body: localized(lang, p.body.mn, p.body.en),
      due: formatDate(new Date(p.dueAt), lang),
      reason: p.reason,
      trackUrl: p.trackUrl,
    };
    return { subject: t('feedback:email.extendedSubject', params), text: t('feedback:email.extendedBody', params) };
  },
);
