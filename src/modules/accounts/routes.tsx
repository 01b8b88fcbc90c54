import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { requireActor } from '../../shared/auth/guards.js';
import { endAllSessions, endSession, SESSION_COOKIE, startSession } from '../../shared/auth/session.js';
import { AppError } from '../../shared/errors.js';
import { LANG_COOKIE, safeNext } from '../../shared/http/request-context.js';
import { formatDateTime } from '../../shared/i18n/format.js';
import type { Lang } from '../../shared/i18n/index.js';
import { sha256 } from '../../shared/secrets.js';
import { sendPage } from '../../shared/views/render.js';
import { changePassword } from './commands/change-password.js';
import { checkResetLink, completePasswordReset, requestPasswordReset } from './commands/password-reset.js';
import { authenticate } from './commands/sign-in.js';
import { signUp } from './commands/sign-up.js';
import { updateDetails } from './commands/update-details.js';
import { resendVerification, verifyEmailAddress } from './commands/verify-email.js';
import './messages.js';
import { findAccountById } from './queries.js';
import { ChangePasswordBody, DetailsBody, DoneQuery, ForgotPasswordBody, ResetPasswordBody, SignInBody, SignInQuery, SignUpBody, TokenParams } from './schemas.js';
import type { TokenCheck } from './tokens.js';
import {
  checkDisplayName,
  checkEmail,
  checkGivenPassword,
  checkLang,
  checkNewPassword,
  errorsOf,
  formText,
  normaliseDisplayName,
  normaliseEmail,
} from './validation.js';
import { AccountPage, type AccountNotice } from './views/account-page.js';
import { ChangePasswordPage, ForgotPasswordPage, ResetLinkSentPage, ResetPasswordPage } from './views/password-pages.js';
import { SignInPage, type SignInNotice } from './views/sign-in-page.js';
import { CheckEmailPage, SignUpPage } from './views/sign-up-page.js';
import { LinkProblemPage, VerifiedPage } from './views/verify-pages.js';

const YEAR_SECONDS = 365 * 24 * 3600;
/**
 * Form posts declare their body schema but keep going when it does not match: every field
 * is then checked by validation.ts (a missing or repeated field reads as empty), and the
 * form comes back with status 400 and its messages instead of a bare error page.
 */
const FORM_ROUTE = { attachValidation: true } as const;

/** What a form posted, whether or not it matched its schema: re-rendered forms show it again. */
function formBody(req: FastifyRequest): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {};
}

/**
 * Where to go after signing in: a local path (safeNext), and only printable ASCII, as a
 * browser sends it; anything else cannot go in a Location header and falls back.
 */
function nextPath(raw: unknown, fallback = '/'): string {
  const next = safeNext(raw, fallback);
  return /^[\x21-\x7e]+$/.test(next) ? next : fallback;
}

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | null {
  return allowed.includes(value as T) ? (value as T) : null;
}

function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/**
 * Accounts: sign-up with email confirmation, sign-in under a rate limit, sign-out (here
 * and everywhere), password change and reset by email, and the account page.
 */
export default async function accountsModule(app: FastifyInstance, deps: Pick<AppDeps, 'db' | 'config'>): Promise<void> {
  const { db, config } = deps;
  const secureCookies = config.publicUrl.startsWith('https:');

  function setLangCookie(reply: FastifyReply, lang: Lang) {
    reply.setCookie(LANG_COOKIE, lang, { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax', httpOnly: true });
  }

  function linkProblem(req: FastifyRequest, reply: FastifyReply, purpose: 'verify_email' | 'reset_password', check: Exclude<TokenCheck, { ok: true }>) {
    return sendPage(req, reply, <LinkProblemPage purpose={purpose} problem={check.problem} />, check.problem === 'invalid' ? 404 : 410);
  }

  // ---- sign-up and email confirmation ------------------------------------------------

  app.get('/account/sign-up', { schema: { hide: true } }, async (req, reply) => {
    if (req.actor) return reply.redirect('/account', 303);
    return sendPage(req, reply, <SignUpPage />);
  });

  app.post('/account/sign-up', { ...FORM_ROUTE, schema: { hide: true, body: SignUpBody } }, async (req, reply) => {
    const body = formBody(req);
    const displayName = normaliseDisplayName(body.display_name);
    const email = normaliseEmail(body.email);
    const password = formText(body.password);
    const errors = errorsOf(checkDisplayName(displayName), checkEmail(email), checkNewPassword(password, email, 'password', 'accounts:errors.choosePasswordRequired'));
    if (errors.length) return sendPage(req, reply, <SignUpPage values={{ display_name: formText(body.display_name), email: formText(body.email) }} errors={errors} />, 400);
    // A new account and an address already registered are answered alike (see signUp).
    await signUp(db, { email, displayName, password, lang: req.lang }, req.now, config.publicUrl);
    return reply.redirect('/account/sign-up/check-email', 303);
  });

  app.get('/account/sign-up/check-email', { schema: { hide: true } }, async (req, reply) => sendPage(req, reply, <CheckEmailPage />));

  app.get('/account/verify/:token', { schema: { hide: true, params: TokenParams } }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const result = await verifyEmailAddress(db, token, req.now);
    if (!result.ok) return linkProblem(req, reply, 'verify_email', result);
    return sendPage(req, reply, <VerifiedPage name={result.displayName ?? ''} />);
  });

  app.post('/account/verify/resend', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    const result = await resendVerification(db, actor.accountId, req.now, config.publicUrl);
    if (result.sent) return reply.redirect('/account?done=verificationSent', 303);
    if (result.reason === 'too_many') {
      reply.header('retry-after', String(Math.ceil((result.retryAt.getTime() - req.now.getTime()) / 1000)));
      throw new AppError('accounts.too_many_emails', { status: 429, params: { time: formatDateTime(result.retryAt, req.lang) } });
    }
    return reply.redirect('/account', 303);
  });

  // ---- sign-in and sign-out --------------------------------------------------------------

  app.get('/account/sign-in', { schema: { hide: true, querystring: SignInQuery }, attachValidation: true }, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const next = nextPath(query.next);
    if (req.actor) return reply.redirect(nextPath(query.next, '/account'), 303);
    return sendPage(req, reply, <SignInPage next={next} notice={pick<SignInNotice>(query.done, ['reset', 'everywhere'])} />);
  });

  app.post('/account/sign-in', { ...FORM_ROUTE, schema: { hide: true, body: SignInBody } }, async (req, reply) => {
    const body = formBody(req);
    const email = normaliseEmail(body.email);
    const password = formText(body.password);
    const next = nextPath(body.next);
    const values = { email: formText(body.email) };
    const errors = errorsOf(checkEmail(email), checkGivenPassword(password));
    if (errors.length) return sendPage(req, reply, <SignInPage values={values} errors={errors} next={next} />, 400);

    const result = await authenticate(db, { email, password, ip: req.ip, now: req.now });
    if (!result.ok && result.reason === 'blocked') {
      reply.header('retry-after', String(Math.ceil((result.until.getTime() - req.now.getTime()) / 1000)));
      return sendPage(req, reply, <SignInPage values={values} next={next} blockedUntil={result.until} />, 429);
    }
    if (!result.ok) return sendPage(req, reply, <SignInPage values={values} errors={[{ field: 'email', key: 'accounts:errors.signInFailed' }]} next={next} />, 401);

    // A fresh session token on every sign-in: a token planted before it (fixation) is worthless.
    await endSession(db, req, reply);
    await startSession(db, reply, result.accountId, req.now, secureCookies);
    // On a new device the pages follow the account's language, unless the person already chose one here.
    if (!req.cookies[LANG_COOKIE] && (result.preferredLang === 'mn' || result.preferredLang === 'en')) setLangCookie(reply, result.preferredLang);
    return reply.redirect(next, 303);
  });

  app.post('/account/sign-out', { schema: { hide: true } }, async (req, reply) => {
    await endSession(db, req, reply);
    return reply.redirect('/', 303);
  });

  app.post('/account/sign-out-everywhere', { schema: { hide: true } }, async (req, reply) => {
    const actor = requireActor(req);
    await endAllSessions(db, actor.accountId);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/account/sign-in?done=everywhere', 303);
  });

  // ---- the account page --------------------------------------------------------------------

  app.get('/account', { schema: { hide: true, querystring: DoneQuery }, attachValidation: true }, async (req, reply) => {
    requireActor(req);
    const { done } = req.query as Record<string, unknown>;
    return sendPage(req, reply, <AccountPage notice={pick<AccountNotice>(done, ['details', 'password', 'verificationSent'])} />);
  });

  app.post('/account/details', { ...FORM_ROUTE, schema: { hide: true, body: DetailsBody } }, async (req, reply) => {
    const actor = requireActor(req);
    const body = formBody(req);
    const displayName = normaliseDisplayName(body.display_name);
    const lang = checkLang(body.preferred_lang);
    const errors = errorsOf(checkDisplayName(displayName), lang.error);
    if (errors.length || !lang.value) {
      return sendPage(req, reply, <AccountPage values={{ display_name: formText(body.display_name), preferred_lang: formText(body.preferred_lang) }} errors={errors} />, 400);
    }
    await updateDetails(db, actor.accountId, { displayName, preferredLang: lang.value });
    setLangCookie(reply, lang.value);
    return reply.redirect('/account?done=details', 303);
  });

  // ---- passwords ---------------------------------------------------------------------------------

  app.get('/account/password', { schema: { hide: true } }, async (req, reply) => {
    requireActor(req);
    return sendPage(req, reply, <ChangePasswordPage />);
  });

  app.post('/account/password', { ...FORM_ROUTE, schema: { hide: true, body: ChangePasswordBody } }, async (req, reply) => {
    const actor = requireActor(req);
    const body = formBody(req);
    const currentPassword = formText(body.current_password);
    const newPassword = formText(body.new_password);
    const errors = errorsOf(
      checkGivenPassword(currentPassword, 'current_password', 'accounts:errors.currentPasswordRequired'),
      checkNewPassword(newPassword, actor.email, 'new_password'),
    );
    if (errors.length) return sendPage(req, reply, <ChangePasswordPage errors={errors} />, 400);
    const token = req.cookies[SESSION_COOKIE];
    const result = await changePassword(db, {
      accountId: actor.accountId,
      currentPassword,
      newPassword,
      keepSession: token ? sha256(token) : null,
      ip: req.ip,
      now: req.now,
      publicUrl: config.publicUrl,
    });
    if (!result.ok && result.reason === 'blocked') {
      const params = { count: minutesUntil(result.until, req.now), time: formatDateTime(result.until, req.lang) };
      return sendPage(req, reply, <ChangePasswordPage errors={[{ field: 'current_password', key: 'accounts:signIn.rateLimited', params }]} />, 429);
    }
    if (!result.ok) return sendPage(req, reply, <ChangePasswordPage errors={[{ field: 'current_password', key: 'accounts:errors.currentPasswordWrong' }]} />, 400);
    return reply.redirect('/account?done=password', 303);
  });

  app.get('/account/password/forgot', { schema: { hide: true } }, async (req, reply) => sendPage(req, reply, <ForgotPasswordPage />));

  app.post('/account/password/forgot', { ...FORM_ROUTE, schema: { hide: true, body: ForgotPasswordBody } }, async (req, reply) => {
    const body = formBody(req);
    const email = normaliseEmail(body.email);
    const errors = errorsOf(checkEmail(email));
    if (errors.length) return sendPage(req, reply, <ForgotPasswordPage values={{ email: formText(body.email) }} errors={errors} />, 400);
    // The same answer whether or not the address has an account.
    await requestPasswordReset(db, email, req.now, config.publicUrl);
    return reply.redirect('/account/password/forgot/sent', 303);
  });

  app.get('/account/password/forgot/sent', { schema: { hide: true } }, async (req, reply) => sendPage(req, reply, <ResetLinkSentPage />));

  app.get('/account/password/reset/:token', { schema: { hide: true, params: TokenParams } }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const check = await checkResetLink(db, token, req.now);
    if (!check.ok) return linkProblem(req, reply, 'reset_password', check);
    return sendPage(req, reply, <ResetPasswordPage token={token} />);
  });

  app.post('/account/password/reset/:token', { ...FORM_ROUTE, schema: { hide: true, params: TokenParams, body: ResetPasswordBody } }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const check = await checkResetLink(db, token, req.now);
    if (!check.ok) return linkProblem(req, reply, 'reset_password', check);
    const account = await findAccountById(db, check.accountId);
    const password = formText(formBody(req).password);
    const errors = errorsOf(checkNewPassword(password, account?.email ?? null));
    if (errors.length) return sendPage(req, reply, <ResetPasswordPage token={token} errors={errors} />, 400);
    const result = await completePasswordReset(db, token, password, req.now);
    if (!result.ok) return linkProblem(req, reply, 'reset_password', result);
    // Every session of the account has ended; this browser's cookie goes with them.
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/account/sign-in?done=reset', 303);
  });
}
