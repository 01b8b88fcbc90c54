import { formatDateTime } from '../../shared/i18n/format.js';
import { defineEmail } from '../../shared/mail/email.js';
import type { Translate } from '../../shared/i18n/index.js';
import './messages.js';

/** Addresses of the account pages that emails link to, under PUBLIC_URL. */
export function accountLinks(publicUrl: string) {
  return {
    verify: (token: string) => `${publicUrl}/account/verify/${token}`,
    reset: (token: string) => `${publicUrl}/account/password/reset/${token}`,
    signIn: `${publicUrl}/account/sign-in`,
    forgot: `${publicUrl}/account/password/forgot`,
  };
}

function letter(t: Translate, name: string, body: string): string {
  return `${t('accounts:emails.greeting', { name })}\n\n${body}\n\n-- \n${t('accounts:emails.signature')}\n`;
}

export const verifyEmail = defineEmail<{ name: string; link: string }>('accounts.verify_email', (p, t) => ({
  subject: t('accounts:emails.verify.subject'),
  text: letter(t, p.name, t('accounts:emails.verify.body', { link: p.link })),
}));

/** Sent instead of a second account, so sign-up never tells a stranger that an address is registered. */
export const alreadyRegisteredEmail = defineEmail<{ name: string; signInLink: string; resetLink: string }>('accounts.already_registered', (p, t) => ({
  subject: t('accounts:emails.alreadyRegistered.subject'),
  text: letter(t, p.name, t('accounts:emails.alreadyRegistered.body', { signInLink: p.signInLink, resetLink: p.resetLink })),
}));

export const resetPasswordEmail = defineEmail<{ name: string; link: string }>('accounts.reset_password', (p, t) => ({
  subject: t('accounts:emails.resetPassword.subject'),
  text: letter(t, p.name, t('accounts:emails.resetPassword.body', { link: p.link })),
}));

/** `at` is an ISO instant, shown in Ulaanbaatar time in the recipient's language. */
export const passwordChangedEmail = defineEmail<{ name: string; at: string; resetLink: string }>('accounts.password_changed', (p, t, lang) => ({
  subject: t('accounts:emails.passwordChanged.subject'),
  text: letter(t, p.name, t('accounts:emails.passwordChanged.body', { time: formatDateTime(new Date(p.at), lang), resetLink: p.resetLink })),
}));
