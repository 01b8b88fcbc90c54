import { formatDate } from '../../shared/i18n/format.js';
import { defineEmail } from '../../shared/mail/email.js';
import { localized } from '../../shared/views/context.js';
import type { ProgressValue } from './model.js';
import './messages.js';

interface Names {
  mn: string | null;
  en: string | null;
}

const pick = (lang: 'mn' | 'en', n: Names) => localized(lang, n.mn ?? n.en ?? '', n.en ?? n.mn);

export interface DueItem {
  plan: Names;
  commitment: number;
  sequence: number;
  milestone: Names;
  /** YYYY-MM-DD */
  due: string;
  status: ProgressValue | null;
  url: string;
}

/** To a lead body's staff: milestones due soon that are not reported as completed. */
export const dueSoonEmail = defineEmail<{ name: string; body: Names; items: DueItem[]; workUrl: string }>('commitments.due_soon', (p, t, lang) => {
  const lines = [t('commitments:email.greeting', { name: p.name }), '', t('commitments:email.dueIntro', { body: pick(lang, p.body), count: p.items.length }), ''];
  for (const item of p.items) {
    lines.push(
      t('commitments:email.dueLine', {
        plan: pick(lang, item.plan),
        commitment: item.commitment,
        sequence: item.sequence,
        milestone: pick(lang, item.milestone),
        due: formatDate(new Date(`${item.due}T12:00:00+08:00`), lang),
        status: item.status ? t(`commitments:status.${item.status}`) : t('commitments:status.none'),
      }),
      `  ${item.url}`,
    );
  }
  lines.push('', t('commitments:email.dueOutro', { url: p.workUrl }), '', t('commitments:email.footer'));
  return { subject: t('commitments:email.dueSubject', { count: p.items.length }), text: lines.join('\n') };
});

/** To a lead body's staff: a CSO assessed one of their milestones differently. */
export const disagreementEmail = defineEmail<{
  name: string;
  organisation: Names;
  plan: Names;
  commitment: number;
  sequence: number;
  milestone: Names;
  cso: ProgressValue;
  government: ProgressValue;
  url: string;
}>('commitments.disagreement', (p, t, lang) => {
  const params = {
    name: p.name,
    organisation: pick(lang, p.organisation),
    plan: pick(lang, p.plan),
    commitment: p.commitment,
    sequence: p.sequence,
    milestone: pick(lang, p.milestone),
    cso: t(`commitments:status.${p.cso}`),
    government: t(`commitments:status.${p.government}`),
    url: p.url,
  };
  return { subject: t('commitments:email.disagreementSubject', params), text: [t('commitments:email.disagreementBody', params), '', t('commitments:email.footer')].join('\n') };
});
