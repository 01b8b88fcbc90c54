import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { articleUnit, buildConsultation, consultationWorld, draftLaw, type ConsultationWorld } from '../../../test/support/consultation-factories.js';
import { AppError } from '../../shared/errors.js';
import { answerComments } from './commands/answers.js';
import { submitComment, supportComment, withdrawSupport } from './commands/comments.js';
import type { CommandContext } from './commands/common.js';
import { finishConsultation, publishConsultation } from './commands/consultation.js';
import { publishVersion, replaceDraftText, startNewVersion } from './commands/text.js';
import { commentFigures, findConsultation, listVersions } from './queries.js';

/**
 * The life of a consultation through its commands: published with its text, comments
 * from a citizen and a CSO, supports, answers (one in bulk), "finish" refused while a
 * comment waits, a second version linked to the comments it answers, then finished with
 * its report in the public record.
 */
let t: TestApp;
let w: ConsultationWorld;
const ctx = (): CommandContext => ({ now: t.clock.now(), publicUrl: t.config.publicUrl });
const as = (a: { id: number }) => ({ accountId: a.id });

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function events(consultationId: number, type?: string) {
  let q = t.db.selectFrom('public_event').where('subject', '=', `consultation/${consultationId}`);
  if (type) q = q.where('type', '=', type);
  return q.select(['type', 'payload']).orderBy('id').execute();
}

beforeAll(async () => {
  t = await createTestApp();
  w = await consultationWorld(t.db);
});
afterAll(async () => t.close());

describe('a consultation from publication to its report', () => {
  it('runs its whole course, refusing what the rules forbid along the way', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id, publish: false });
    // Nothing public yet: a draft has no events.
    expect(await events(id)).toEqual([]);
    await publishConsultation(t.db, id, as(w.staff), ctx());
    const published = await events(id, 'consultations.published');
    expect(published).toHaveLength(1);
    expect(published[0]!.payload).toMatchObject({ consultation: id, body: w.ministry.slug, kind: 'law', version: 1, articles: 20 });

    const art8 = await articleUnit(t.db, id, '8');
    const par81 = await articleUnit(t.db, id, '8.1', 'paragraph');
    const art13 = await articleUnit(t.db, id, '13');

    const c1 = await submitComment(t.db, id, { unitId: par81, text: 'Хэлэлцүүлгийн 30 хоног хөдөө орон нутагт хангалтгүй, 45 хоног болгох нь зүйтэй.', organisationId: null, placeCode: '65' }, as(w.citizen), ctx());
    const c2 = await submitComment(
      t.db,
      id,
      { unitId: art8, text: 'Хугацааг 45 хоногоос доошгүй болгож, богиносгох тохиолдолд ч 21 хоногоос багагүй байлгахыг санал болгож байна.', organisationId: w.cso.id, placeCode: '11' },
      as(w.csoMember),
      ctx(),
    );
    const c3 = await submitComment(t.db, id, { unitId: art13, text: 'Хариу өгөх 30 хоногийн хугацаа хэтэрхий урт.', organisationId: null, placeCode: null }, as(w.citizen), ctx());
    const c4 = await submitComment(t.db, id, { unitId: null, text: 'Интернэтгүй иргэд хэрхэн санал өгөхийг хуульд тусгах хэрэгтэй.', organisationId: null, placeCode: '65' }, as(w.csoMember), ctx());
    expect([c1.status, c2.status, c3.status, c4.status]).toEqual(['published', 'published', 'published', 'published']);

    // The public record names no citizen: "citizen" or the organisation's slug.
    const commented = await events(id, 'consultations.comment_published');
    expect(commented.map((e) => (e.payload as { by: string }).by)).toEqual(['citizen', w.cso.slug, 'citizen', 'citizen']);
    expect(commented.map((e) => (e.payload as { on: string | null }).on)).toEqual(['8.1', '8', '13', null]);
    expect(JSON.stringify(commented)).not.toContain(w.citizen.email);

    // One support per person; not one's own.
    await supportComment(t.db, id, c2.id, as(w.citizen), ctx());
    expect((await refusal(supportComment(t.db, id, c2.id, as(w.citizen), ctx()))).code).toBe('consultations.already_supported');
    expect((await refusal(supportComment(t.db, id, c2.id, as(w.csoMember), ctx()))).code).toBe('consultations.own_comment');
    await supportComment(t.db, id, c2.id, as(w.staff), ctx());
    await withdrawSupport(t.db, id, c2.id, as(w.staff), ctx());
    expect((await t.db.selectFrom('consultation_comment').where('id', '=', c2.id).select('support_count').executeTakeFirstOrThrow()).support_count).toBe(1);

    // Finishing is refused while the period runs, then while comments wait.
    expect((await refusal(finishConsultation(t.db, id, as(w.staff), ctx()))).code).toBe('consultations.still_open');

    // Two similar comments get one answer (bulk); an answer needs a reason in words.
    expect((await refusal(answerComments(t.db, id, { commentIds: [c1.id, c2.id], category: 'accepted', reason: '' }, as(w.staff), ctx()))).fields.map((f) => f.field)).toEqual(['reason']);
    await answerComments(t.db, id, { commentIds: [c1.id, c2.id], category: 'accepted', reason: 'Хэлэлцүүлгийн хугацааг 45 хоног болгож, богиносгох доод хязгаарыг 21 хоног болгоно.' }, as(w.staff), ctx());
    await answerComments(t.db, id, { commentIds: [c4.id], category: 'partly_accepted', reason: 'Цахим бус хэлбэрээр санал өгөх тухай шинэ зүйл нэмнэ.' }, as(w.staff), ctx());

    // Version 2: article 12 inserted, 12–20 renumbered to 13–21, article 8 changed.
    await startNewVersion(t.db, id, null, as(w.staff), ctx());
    const replaced = await replaceDraftText(t.db, id, draftLaw(2), as(w.staff), ctx());
    expect(replaced.versionNumber).toBe(2);
    expect((await refusal(publishVersion(t.db, id, 'ok', as(w.staff), ctx()))).fields.map((f) => f.field)).toEqual(['change_note']);
    await publishVersion(t.db, id, 'Иргэн, иргэний нийгмийн байгууллагын саналаар хэлэлцүүлгийн хугацааг уртасгаж, цахим бус хэлбэрээр санал ирүүлэх зүйл нэмэв.', as(w.staff), ctx());
    const versions = await listVersions(t.db, id);
    expect(versions.map((v) => [v.number, v.publishedAt !== null])).toEqual([
      [1, true],
      [2, true],
    ]);
    // Article 8 kept its identity; old article 13 ("Саналд хариу өгөх") is article 14 now, same unit.
    expect(await articleUnit(t.db, id, '8')).toBe(art8);
    expect(await articleUnit(t.db, id, '14')).toBe(art13);
    const versionEvent = (await events(id, 'consultations.version_published'))[0]!.payload;
    expect(versionEvent).toMatchObject({ version: 2, articles: 21, added: 1, comments_answered: 3 });
    const links = await t.db.selectFrom('consultation_change_link').select(['comment_id', 'unit_id']).orderBy('comment_id').execute();
    expect(links).toEqual([
      { comment_id: c1.id, unit_id: art8 },
      { comment_id: c2.id, unit_id: art8 },
      { comment_id: c4.id, unit_id: null },
    ]);

    // After the period: finishing is refused with the number still unanswered.
    t.clock.advanceDays(31);
    const refused = await refusal(finishConsultation(t.db, id, as(w.staff), ctx()));
    expect(refused.code).toBe('consultations.unanswered');
    expect(refused.params).toEqual({ count: 1 });
    expect((await findConsultation(t.db, id))!.status).toBe('published');
    // No new comments once closed.
    expect((await refusal(submitComment(t.db, id, { unitId: null, text: 'Хоцорсон санал', organisationId: null, placeCode: null }, as(w.citizen), ctx()))).code).toBe('consultations.closed');

    await answerComments(t.db, id, { commentIds: [c3.id], category: 'not_accepted', reason: 'Хариуг нэгтгэж, төсөлд тусгахад 30 хоног шаардлагатай.' }, as(w.staff), ctx());
    await finishConsultation(t.db, id, as(w.staff), ctx());
    const c = (await findConsultation(t.db, id))!;
    expect(c.status).toBe('finished');
    const figures = await commentFigures(t.db, id, c.answersDueAt);
    expect(figures).toMatchObject({ comments: 4, answered: 4, unanswered: 0, accepted: 2, partlyAccepted: 1, notAccepted: 1, fromOrganisations: 1, fromCitizens: 3, supports: 1, answeredLate: 0 });
    const report = (await events(id, 'consultations.report_published'))[0]!.payload;
    expect(report).toMatchObject({ consultation: id, versions: 2, comments: 4, accepted: 2, partly_accepted: 1, not_accepted: 1, from_organisations: 1, from_citizens: 3, supports: 1 });
    expect((await refusal(answerComments(t.db, id, { commentIds: [c3.id], category: 'accepted', reason: 'Дахин бодож үзээд хүлээн авлаа.' }, as(w.staff), ctx()))).code).toBe('consultations.finished');

    // Commenters were emailed: answers (one email for the bulk answer's author) and the new version.
    await t.runJobs();
    const toCitizen = t.mail.to(w.citizen.email);
    expect(toCitizen.filter((m) => /хариу ирлээ/.test(m.subject))).toHaveLength(2);
    expect(toCitizen.some((m) => /2-р хувилбар/.test(m.subject))).toBe(true);
    expect(toCitizen.every((m) => m.text.includes('/unsubscribe?token='))).toBe(true);
  });

  it('keeps published text frozen in the database itself', async () => {
    const { id } = await buildConsultation(t.db, ctx(), { bodyId: w.ministry.id, staffId: w.staff.id });
    const version = (await listVersions(t.db, id))[0]!;
    await expect(t.db.updateTable('consultation_element').set({ body: 'өөрчилсөн' }).where('version_id', '=', version.id).execute()).rejects.toThrow(/cannot change/);
    await expect(t.db.deleteFrom('consultation_version').where('id', '=', version.id).execute()).rejects.toThrow(/cannot be deleted/);
    const comment = await submitComment(t.db, id, { unitId: null, text: 'Ерөнхий санал', organisationId: null, placeCode: null }, as(w.citizen), ctx());
    await answerComments(t.db, id, { commentIds: [comment.id], category: 'not_accepted', reason: 'Төслийн зорилготой нийцэхгүй байна.' }, as(w.staff), ctx());
    await expect(t.db.updateTable('consultation_answer').set({ reason: 'өөр үндэслэл' }).where('consultation_id', '=', id).execute()).rejects.toThrow(/append-only/);
  });
});
