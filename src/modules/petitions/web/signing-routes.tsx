import { createHmac, randomBytes, randomInt } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../deps.js';
import { AppError, label, type FieldError } from '../../../shared/errors.js';
import { enqueueEmail } from '../../../shared/mail/email.js';
import { safeEqual } from '../../../shared/secrets.js';
import { sendPage } from '../../../shared/views/render.js';
import { normaliseEmail, normalisePhone } from '../../feedback/model.js';
import { resolvePlaceSelection } from '../../places/picker.js';
import { confirmVoteEmail } from '../emails.js';
import { ageAt, EID_VOTE_MINUTES, isPublicState, EMAIL_LINK_HOURS, meetsLevel, MIN_AGE, normaliseRegistryNumber, SMS_CODE_MINUTES, SMS_MAX_ATTEMPTS, type Level } from '../model.js';
import { effectiveState, type PetitionView } from '../queries.js';
import type { PetitionRuntime } from '../runtime.js';
import { screenVerification } from '../signing/abuse.js';
import { EID_COOKIE } from '../signing/eid.js';
import type { SealedVote } from '../signing/sealer.js';
import type { Accepted } from '../signing/vote-writer.js';
import { ConfirmPage, EidVotePage, EmailFormPage, EmailSentPage, SignChoicePage, SmsCodePage, SmsFormPage, ThanksPage, UnsubscribePage, type SignValues } from '../views/sign-pages.js';
import { petitionId, str, wantsJson } from './helpers.js';
import { CodeBody, EmailSignBody, HandleParams, IdParams, SealQuery, SmsSignBody, TokenQuery, UnsubscribeBody, VoteBody, VoteJson } from './schemas.js';

type Deps = Pick<AppDeps, 'db' | 'config' | 'secrets'> & { runtime: PetitionRuntime };

const EMPTY: SignValues = { registry: '', email: '', phone: '', notify: false, notifyEmail: '' };

/**
 * Signing: choose a verification route, prove who you are (email link, SMS code or the
 * national e-ID), give your residence, and the vote is cast through the vote writer.
 * The final step of every route opens a sealed vote in memory and waits only for the
 * group commit that makes it durable: no database read on the way.
 */
export async function signingRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const { db, config, runtime, secrets } = deps;
  const { store, sealer, writer } = runtime;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const codeKey = secrets.key('petitions:sms-code');
  const codeHash = (handle: string, code: string) => createHmac('sha256', codeKey).update(`${handle}:${code}`).digest();

  async function openPetition(raw: string, now: Date): Promise<PetitionView> {
    const snapshot = await store.get(petitionId(raw));
    if (!snapshot || !['open', 'closed'].includes(snapshot.view.state)) throw new AppError('petitions.not_found', { status: 404 });
    if (effectiveState(snapshot.view, now) !== 'open') throw new AppError('petitions.not_open', { status: 409 });
    return snapshot.view;
  }

  function requireLevel(view: PetitionView, level: Level): void {
    if (!meetsLevel(level, view.minLevel ?? 'email')) throw new AppError('petitions.level_too_low', { status: 403 });
  }

  /** Registry number and residence, checked together with the route's own fields. */
  function person(body: unknown, now: Date, errors: FieldError[]): { registry: string | null } {
    const raw = str(body, 'registry').trim();
    const parsed = raw ? normaliseRegistryNumber(raw) : null;
    if (!raw) errors.push({ field: 'registry', key: 'common:errors.field.required', params: { field: label('petitions:field.registry') } });
    else if (!parsed) errors.push({ field: 'registry', key: 'petitions:errors.bad_registry' });
    else if (ageAt(parsed.birth, now) < MIN_AGE) errors.push({ field: 'registry', key: 'petitions:errors.too_young' });
    return { registry: parsed && ageAt(parsed.birth, now) >= MIN_AGE ? parsed.value : null };
  }

  function residence(body: unknown, errors: FieldError[]) {
    const selection = resolvePlaceSelection(body, { prefix: 'residence', required: true, minLevel: 2 });
    if (!selection.ok) errors.push(selection.error);
    return selection;
  }

  /** Casts a verified vote; answers 409 with the reason when it does not count. */
  async function cast(view: PetitionView, vote: SealedVote & { place: string }, now: Date): Promise<Accepted> {
    if (effectiveState(view, now) !== 'open') throw new AppError('petitions.not_open', { status: 409 });
    requireLevel(view, vote.level);
    const accepted = await writer.cast({ petitionId: view.id, person: vote.person, contact: vote.contact, level: vote.level, place: vote.place.slice(0, 4), flags: vote.flags, hint: vote.hint, notify: vote.notify, lang: vote.lang });
    if (accepted) return accepted;
    // Not written: find out why (rare, so a read here costs nothing under load).
    const row = await db
      .selectFrom('petition_signature')
      .select('person_hash')
      .where('petition_id', '=', view.id)
      .where((eb) => eb.or([eb('person_hash', '=', vote.person), eb('contact_hash', '=', vote.contact)]))
      .executeTakeFirst();
    if (!row) throw new AppError('petitions.not_open', { status: 409 });
    throw new AppError(safeEqual(row.person_hash, vote.person) ? 'petitions.already_voted' : 'petitions.contact_used', { status: 409 });
  }

  function voted(req: FastifyRequest, reply: FastifyReply, view: PetitionView, accepted: Accepted) {
    if (wantsJson(req)) return reply.send({ receipt: accepted.id, petition: view.id, count: store.loaded(view.id)?.counts.total ?? 0 });
    return reply.redirect(`/petitions/${view.id}/voted`, 303);
  }

  r.get('/petitions/:id/sign', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const view = await openPetition(req.params.id, req.now);
    return sendPage(req, reply, <SignChoicePage view={view} eid={runtime.eid ? (runtime.eid.settings.demo ? 'demo' : 'on') : 'off'} />);
  });

  r.get('/petitions/:id/voted', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const snapshot = await store.get(petitionId(req.params.id));
    if (!snapshot || !['open', 'closed'].includes(snapshot.view.state)) throw new AppError('petitions.not_found', { status: 404 });
    return sendPage(req, reply, <ThanksPage view={snapshot.view} />);
  });

  // Email: the address gets a link carrying the sealed vote; the vote counts when it is opened.

  r.get('/petitions/:id/sign/email', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const view = await openPetition(req.params.id, req.now);
    requireLevel(view, 'email');
    return sendPage(req, reply, <EmailFormPage view={view} values={EMPTY} place={null} />);
  });

  r.post('/petitions/:id/sign/email', { schema: { hide: true, params: IdParams, body: EmailSignBody }, attachValidation: true }, async (req, reply) => {
    const view = await openPetition(req.params.id, req.now);
    requireLevel(view, 'email');
    const body = req.body ?? {};
    const values: SignValues = { ...EMPTY, registry: str(body, 'registry'), email: str(body, 'email'), notify: str(body, 'notify') === 'yes' };
    const errors: FieldError[] = req.validationError ? [{ field: 'registry', key: 'common:errors.field.invalid', params: { field: label('petitions:field.registry') } }] : [];
    const { registry } = person(body, req.now, errors);
    const email = normaliseEmail(values.email);
    if (!values.email.trim()) errors.push({ field: 'email', key: 'common:errors.field.required', params: { field: label('petitions:field.email') } });
    else if (!email) errors.push({ field: 'email', key: 'common:errors.field.email' });
    const place = residence(body, errors);
    if (place.refine && !errors.some((e) => e.field !== 'residence_l1' && e.field !== 'residence_l2' && e.field !== 'residence_l3')) {
      return sendPage(req, reply, <EmailFormPage view={view} values={values} place={place.code} />);
    }
    if (errors.length || !registry || !email || !place.code) return sendPage(req, reply, <EmailFormPage view={view} values={values} place={place.code} errors={errors} />, 400);
    const verdict = await screenVerification(db, runtime.ipKey, { petitionId: view.id, ip: req.ip, email, now: req.now });
    const seal = sealer.seal({
      petitionId: view.id,
      person: sealer.personHash(registry),
      contact: sealer.contactHash(`email:${email}`),
      level: 'email',
      place: place.code.slice(0, 4),
      flags: verdict.flags,
      hint: verdict.hint,
      notify: values.notify ? email : null,
      lang: req.lang,
      expiresAt: req.now.getTime() + EMAIL_LINK_HOURS * 3_600_000,
    });
    await enqueueEmail(db, confirmVoteEmail, email, req.lang, { title: view.title, url: `${config.publicUrl}/petitions/${view.id}/confirm?s=${seal}`, hours: EMAIL_LINK_HOURS });
    return sendPage(req, reply, <EmailSentPage view={view} email={email} />);
  });

  function openSeal(view: PetitionView, raw: string, now: Date): SealedVote {
    const vote = sealer.open(raw);
    if (!vote || vote.petitionId !== view.id) throw new AppError('petitions.link_invalid', { status: 400 });
    if (vote.expiresAt < now.getTime()) throw new AppError('petitions.link_expired', { status: 410 });
    return vote;
  }

  r.get('/petitions/:id/confirm', { schema: { hide: true, params: IdParams, querystring: SealQuery } }, async (req, reply) => {
    const view = await openPetition(req.params.id, req.now);
    openSeal(view, req.query.s ?? '', req.now);
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(req, reply, <ConfirmPage view={view} seal={req.query.s ?? ''} />);
  });

  // The seal in the address authenticates this post (no cookie is involved), so it needs no CSRF token.
  r.post('/petitions/:id/confirm', { config: { csrf: false }, schema: { hide: true, params: IdParams, querystring: SealQuery } }, async (req, reply) => {
    const view = await openPetition(req.params.id, req.now);
    const vote = openSeal(view, req.query.s ?? '', req.now);
    if (vote.level !== 'email' || !vote.place) throw new AppError('petitions.link_invalid', { status: 400 });
    return voted(req, reply, view, await cast(view, { ...vote, place: vote.place }, req.now));
  });

  // SMS: a six-digit code to the phone; five wrong tries end it.

  r.get('/petitions/:id/sign/sms', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const view = await openPetition(req.params.id, req.now);
    requireLevel(view, 'sms');
    return sendPage(req, reply, <SmsFormPage view={view} values={EMPTY} place={null} />);
  });

  r.post('/petitions/:id/sign/sms', { schema: { hide: true, params: IdParams, body: SmsSignBody }, attachValidation: true }, async (req, reply) => {
    const view = await openPetition(req.params.id, req.now);
    requireLevel(view, 'sms');
    const body = req.body ?? {};
    const values: SignValues = { ...EMPTY, registry: str(body, 'registry'), phone: str(body, 'phone'), notifyEmail: str(body, 'notify_email') };
    const errors: FieldError[] = [];
    const { registry } = person(body, req.now, errors);
    const phone = normalisePhone(values.phone);
    if (!values.phone.trim()) errors.push({ field: 'phone', key: 'common:errors.field.required', params: { field: label('petitions:field.phone') } });
    else if (!phone) errors.push({ field: 'phone', key: 'common:errors.field.phone' });
    const notify = values.notifyEmail.trim() ? normaliseEmail(values.notifyEmail) : null;
    if (values.notifyEmail.trim() && !notify) errors.push({ field: 'notify_email', key: 'common:errors.field.email' });
    const place = residence(body, errors);
    if (place.refine && errors.every((e) => e.field.startsWith('residence_') || e.field === 'registry' || e.field === 'phone')) {
      return sendPage(req, reply, <SmsFormPage view={view} values={values} place={place.code} />);
    }
    if (errors.length || !registry || !phone || !place.code) return sendPage(req, reply, <SmsFormPage view={view} values={values} place={place.code} errors={errors} />, 400);
    const verdict = await screenVerification(db, runtime.ipKey, { petitionId: view.id, ip: req.ip, phone, now: req.now });
    const handle = randomBytes(18).toString('base64url');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const sealed = sealer.seal({
      petitionId: view.id,
      person: sealer.personHash(registry),
      contact: sealer.contactHash(`phone:${phone}`),
      level: 'sms',
      place: place.code.slice(0, 4),
      flags: verdict.flags,
      hint: verdict.hint,
      notify,
      lang: req.lang,
      expiresAt: req.now.getTime() + SMS_CODE_MINUTES * 60_000,
    });
    await db
      .insertInto('petition_sms_challenge')
      .values({ handle, petition_id: view.id, code_hash: codeHash(handle, code), sealed_vote: sealed, created_at: req.now, expires_at: new Date(req.now.getTime() + SMS_CODE_MINUTES * 60_000) })
      .execute();
    try {
      await runtime.sms.send(phone, req.t('petitions:sign.smsText', { code }));
    } catch (error) {
      // Nothing half-done: a code that never left is not kept.
      await db.deleteFrom('petition_sms_challenge').where('handle', '=', handle).execute();
      throw error;
    }
    return reply.redirect(`/petitions/${view.id}/sign/sms/${handle}`, 303);
  });

  async function challenge(view: PetitionView, handle: string) {
    const row = /^[A-Za-z0-9_-]{20,40}$/.test(handle)
      ? await db.selectFrom('petition_sms_challenge').selectAll().where('handle', '=', handle).where('petition_id', '=', view.id).executeTakeFirst()
      : undefined;
    if (!row) throw new AppError('petitions.not_found', { status: 404 });
    return row;
  }

  const masked = (hint: string | null) => (hint ? hint : '');

  r.get('/petitions/:id/sign/sms/:handle', { schema: { hide: true, params: HandleParams } }, async (req, reply) => {
    const view = await openPetition(req.params.id, req.now);
    const row = await challenge(view, req.params.handle);
    const vote = sealer.open(row.sealed_vote);
    return sendPage(req, reply, <SmsCodePage view={view} handle={row.handle} phone={masked(vote?.hint ?? null)} left={Math.max(0, SMS_MAX_ATTEMPTS - row.attempts)} />);
  });

  r.post('/petitions/:id/sign/sms/:handle', { schema: { hide: true, params: HandleParams, body: CodeBody }, attachValidation: true }, async (req, reply) => {
    const view = await openPetition(req.params.id, req.now);
    const row = await challenge(view, req.params.handle);
    const vote = sealer.open(row.sealed_vote);
    if (!vote || !vote.place) throw new AppError('petitions.link_invalid', { status: 400 });
    if (row.used_at) throw new AppError('petitions.code_used', { status: 409 });
    if (row.attempts >= SMS_MAX_ATTEMPTS) throw new AppError('petitions.code_locked', { status: 429 });
    if (row.expires_at < req.now) throw new AppError('petitions.code_expired', { status: 410 });
    const code = str(req.body, 'code').replace(/\s/g, '');
    const page = (errors: FieldError[], left: number, status: number) => sendPage(req, reply, <SmsCodePage view={view} handle={row.handle} phone={masked(vote.hint)} left={left} errors={errors} />, status);
    if (!/^\d{6}$/.test(code)) return page([{ field: 'code', key: 'petitions:errors.code_format' }], SMS_MAX_ATTEMPTS - row.attempts, 400);
    if (!safeEqual(codeHash(row.handle, code), row.code_hash)) {
      // Counted atomically, so parallel guesses cannot get more than five tries.
      const updated = await db
        .updateTable('petition_sms_challenge')
        .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
        .where('id', '=', row.id)
        .where('attempts', '<', SMS_MAX_ATTEMPTS)
        .returning('attempts')
        .executeTakeFirst();
      const attempts = updated?.attempts ?? SMS_MAX_ATTEMPTS;
      if (attempts >= SMS_MAX_ATTEMPTS) throw new AppError('petitions.code_locked', { status: 429 });
      return page([{ field: 'code', key: 'petitions:errors.bad_code', params: { left: SMS_MAX_ATTEMPTS - attempts } }], SMS_MAX_ATTEMPTS - attempts, 400);
    }
    const accepted = await cast(view, { ...vote, place: vote.place }, req.now);
    await db.updateTable('petition_sms_challenge').set({ used_at: req.now }).where('id', '=', row.id).execute();
    return voted(req, reply, view, accepted);
  });

  // National e-ID: OpenID Connect with the provider, then the vote page with a sealed vote.

  r.get('/petitions/:id/sign/eid', { schema: { hide: true, params: IdParams } }, async (req, reply) => {
    const view = await openPetition(req.params.id, req.now);
    if (!runtime.eid) throw new AppError('petitions.eid_off', { status: 404 });
    const { url, cookie } = await runtime.eid.start(view.id, req.now);
    reply.setCookie(EID_COOKIE, cookie, { path: '/petitions/eid', httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https:'), maxAge: 600 });
    return reply.redirect(url, 303);
  });

  r.get('/petitions/eid/callback', { schema: { hide: true } }, async (req, reply) => {
    if (!runtime.eid) throw new AppError('petitions.eid_off', { status: 404 });
    const cookie = req.cookies[EID_COOKIE];
    reply.clearCookie(EID_COOKIE, { path: '/petitions/eid' });
    const { petitionId: id, identity } = await runtime.eid.finish(new URL(req.url, `${config.publicUrl}/`), cookie, req.now);
    const view = await openPetition(String(id), req.now);
    const registry = normaliseRegistryNumber(identity.registryNumber);
    if (!registry) throw new AppError('petitions.eid_failed', { status: 400 });
    if (ageAt(registry.birth, req.now) < MIN_AGE) throw new AppError('petitions.too_young', { status: 403 });
    const seal = sealer.seal({
      petitionId: view.id,
      person: sealer.personHash(registry.value),
      contact: sealer.contactHash(`eid:${identity.issuer} ${identity.subject}`),
      level: 'eid',
      place: null,
      flags: [],
      hint: null,
      notify: null,
      lang: req.lang,
      expiresAt: req.now.getTime() + EID_VOTE_MINUTES * 60_000,
    });
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(req, reply, <EidVotePage view={view} seal={seal} place={null} demo={runtime.eid.settings.demo} />);
  });

  // The hot path of a surge: open the seal, check the residence, wait for the group commit.
  r.post(
    '/petitions/:id/vote',
    {
      // The sealed vote in the form authenticates the post (it is not a cookie), so no CSRF token is needed.
      config: { csrf: false },
      schema: {
        tags: ['petitions'],
        summary: 'Cast a verified vote',
        description:
          'Form post of the vote page after e-ID verification: `seal` (the sealed vote the page carries), `residence_l1` and `residence_l2` (aimag and soum or district codes), optional `notify_email`. With Accept: application/json the answer is JSON; a browser is sent to the thank-you page. Answered after the vote is durably committed.',
        params: IdParams,
        body: VoteBody,
        response: { 200: VoteJson },
      },
      attachValidation: true,
    },
    async (req, reply) => {
      const view = await openPetition(req.params.id, req.now);
      const body = req.body ?? {};
      const vote = openSeal(view, str(body, 'seal'), req.now);
      const errors: FieldError[] = [];
      let place = vote.place;
      let selection: ReturnType<typeof resolvePlaceSelection> | null = null;
      if (!place) {
        selection = residence(body, errors);
        place = selection.ok && selection.complete ? selection.code : null;
      }
      const notifyRaw = str(body, 'notify_email').trim();
      const notify = notifyRaw ? normaliseEmail(notifyRaw) : null;
      if (notifyRaw && !notify) errors.push({ field: 'notify_email', key: 'common:errors.field.email' });
      if (selection?.refine || errors.length || !place) {
        if (wantsJson(req)) throw new AppError('validation_failed', { fields: errors });
        return sendPage(req, reply, <EidVotePage view={view} seal={str(body, 'seal')} place={selection?.code ?? null} notifyEmail={notifyRaw} errors={selection?.refine ? [] : errors} />, selection?.refine && !errors.length ? 200 : 400);
      }
      return voted(req, reply, view, await cast(view, { ...vote, place, notify: notify ?? vote.notify }, req.now));
    },
  );

  // The link in response emails: a page that asks, then a post that deletes the address.
  async function subscribed(raw: string): Promise<PetitionView> {
    const snapshot = await store.get(petitionId(raw));
    if (!snapshot || !isPublicState(snapshot.view.state)) throw new AppError('petitions.not_found', { status: 404 });
    return snapshot.view;
  }
  const validToken = (token: string) => /^[0-9a-f]{16,64}$/.test(token);

  r.get('/petitions/:id/unsubscribe', { schema: { hide: true, params: IdParams, querystring: TokenQuery } }, async (req, reply) => {
    const view = await subscribed(req.params.id);
    const token = req.query.token ?? '';
    const row = validToken(token)
      ? await db.selectFrom('petition_subscriber').select('id').where('petition_id', '=', view.id).where('token', '=', token).executeTakeFirst()
      : undefined;
    if (!row) throw new AppError('petitions.bad_unsubscribe_link', { status: 404 });
    return sendPage(req, reply, <UnsubscribePage view={view} token={token} done={false} />);
  });

  r.post('/petitions/:id/unsubscribe', { schema: { hide: true, params: IdParams, body: UnsubscribeBody } }, async (req, reply) => {
    const view = await subscribed(req.params.id);
    const token = str(req.body, 'token');
    const deleted = validToken(token) ? await db.deleteFrom('petition_subscriber').where('petition_id', '=', view.id).where('token', '=', token).executeTakeFirst() : undefined;
    if (!deleted || deleted.numDeletedRows === 0n) throw new AppError('petitions.bad_unsubscribe_link', { status: 404 });
    return sendPage(req, reply, <UnsubscribePage view={view} token="" done />);
  });
}
