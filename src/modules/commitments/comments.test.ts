import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { WebClient } from '../../../test/support/client.js';
import { buildMember, buildSmallPlan, type SmallPlan } from '../../../test/support/commitment-factories.js';
import { buildAccount, signIn } from '../../../test/support/factories.js';
import { closePlan } from './commands/plans.js';
import { commentsPath } from './urls.js';

/** Comments received on a plan's progress, and the owner body's answers: once, never replaced. */
let t: TestApp;
let plan: SmallPlan;
let citizen: WebClient;
let csoMember: WebClient;
let ownerStaff: WebClient;
let citizenName: string;

beforeAll(async () => {
  t = await createTestApp();
  plan = await buildSmallPlan(t.db, t.clock.now());
  const person = await buildAccount(t.db, { displayName: 'Ж.Ганчимэг' });
  citizenName = person.displayName;
  citizen = new WebClient(t.app);
  await signIn(citizen, person.email);
  csoMember = new WebClient(t.app);
  await signIn(csoMember, (await buildMember(t.db, plan.cso.id)).email);
  ownerStaff = new WebClient(t.app);
  await signIn(ownerStaff, (await buildMember(t.db, plan.owner.id)).email);
});
afterAll(async () => t.close());

async function comments() {
  return t.db.selectFrom('commitment_comment').where('plan_id', '=', plan.detail.plan.id).selectAll().orderBy('id').execute();
}

describe('comments on a plan', () => {
  it('are written by a person (never named) or on behalf of their CSO, about the plan or a commitment', async () => {
    await citizen.get(commentsPath(plan.slug));
    const one = await citizen.post(commentsPath(plan.slug), { commitment: '', text: 'Замын гэрээг хэзээ нийтлэх вэ? Манай багийн зам хоёр жил засагдаагүй.' });
    expect(one.statusCode).toBe(303);
    await csoMember.get(commentsPath(plan.slug));
    const two = await csoMember.post(commentsPath(plan.slug), { organisation: String(plan.cso.id), commitment: '1', text: 'OCDS форматаар нийтэлсэн гэрээний жагсаалтыг хавсаргана уу.' });
    expect(two.statusCode).toBe(303);
    const page = await csoMember.follow(two);
    expect(page.body).toContain('Таны саналыг нийтэллээ. Эзэмшигч байгууллага хариулна.');
    expect(page.body).toContain('Иргэн');
    expect(page.body).not.toContain(citizenName);
    expect(page.body).toContain(plan.cso.nameMn);
    expect(page.body).toContain('1-р амлалтын тухай');
    expect(page.body.match(/Хариу хүлээж байна/g)).toHaveLength(2);
    expect(await comments()).toHaveLength(2);
  });

  it('are answered by the owner body’s staff, once; the answer is public and in the record', async () => {
    const [first] = await comments();
    const page = await ownerStaff.get(commentsPath(plan.slug));
    expect(page.body).toContain(`name="answer_${first!.id}"`);
    const response = await ownerStaff.post(`${commentsPath(plan.slug)}/${first!.id}/answer`, { [`answer_${first!.id}`]: 'Гэрээг 2026 оны 4-р сард Шилэн дансанд нийтэлнэ.' });
    expect(response.statusCode).toBe(303);
    const shown = await new WebClient(t.app).get(commentsPath(plan.slug));
    expect(shown.body).toContain('Гэрээг 2026 оны 4-р сард Шилэн дансанд нийтэлнэ.');
    expect(shown.body).toContain(`${plan.owner.nameMn}-ын хариулт`);
    const event = await t.db.selectFrom('public_event').where('type', '=', 'commitments.comment_answered').select('payload').executeTakeFirstOrThrow();
    expect(event.payload).toEqual({ plan: plan.slug, comment: first!.id, body: plan.owner.slug });

    // A second answer is refused (409) and the first stays.
    await ownerStaff.get(commentsPath(plan.slug));
    const again = await ownerStaff.post(`${commentsPath(plan.slug)}/${first!.id}/answer`, { [`answer_${first!.id}`]: 'Өөр хариулт бичье гэж бодлоо.' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Энэ саналд аль хэдийн хариулсан. Хариултыг өөрчлөхгүй.');
    expect((await comments())[0]!.answer).toBe('Гэрээг 2026 оны 4-р сард Шилэн дансанд нийтэлнэ.');
    // Nor can the database be made to: a comment is answered once and never edited.
    await expect(t.db.updateTable('commitment_comment').set({ answer: 'x'.repeat(20) }).where('id', '=', first!.id).execute()).rejects.toThrow(/answered, once/);
    await expect(t.db.updateTable('commitment_comment').set({ text: 'rewritten' }).where('id', '=', (await comments())[1]!.id).execute()).rejects.toThrow(/answered, once/);
    await expect(t.db.deleteFrom('commitment_comment').where('id', '=', first!.id).execute()).rejects.toThrow(/never deleted/);
  });

  it('refuse an empty or too short answer with the form again (400)', async () => {
    const [, second] = await comments();
    await ownerStaff.get(commentsPath(plan.slug));
    const response = await ownerStaff.post(`${commentsPath(plan.slug)}/${second!.id}/answer`, { [`answer_${second!.id}`]: 'За.' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`href="#f-answer_${second!.id}"`);
    expect((await comments())[1]!.answer).toBeNull();
  });

  it('cannot be answered by anyone but the owner body’s staff', async () => {
    const [, second] = await comments();
    for (const client of [citizen, csoMember]) {
      await client.get(commentsPath(plan.slug));
      expect((await client.post(`${commentsPath(plan.slug)}/${second!.id}/answer`, { [`answer_${second!.id}`]: 'Би хариулъя гэж бодлоо, зөвшөөрнө үү.' })).statusCode).toBe(403);
    }
    const lead = new WebClient(t.app);
    await signIn(lead, (await buildMember(t.db, plan.lead.id)).email);
    await lead.get(commentsPath(plan.slug));
    expect((await lead.post(`${commentsPath(plan.slug)}/${second!.id}/answer`, { [`answer_${second!.id}`]: 'Бид хариуцагч байгууллага тул хариулъя.' })).statusCode).toBe(403);
    expect((await comments())[1]!.answer).toBeNull();
  });

  it('are limited to ten a day per person and plan (429), counted by the clock', async () => {
    const writer = new WebClient(t.app);
    await signIn(writer, (await buildAccount(t.db)).email);
    await writer.get(commentsPath(plan.slug));
    for (let i = 1; i <= 10; i++) expect((await writer.post(commentsPath(plan.slug), { text: `Санал дугаар ${i}: замын ажлын явцыг мэдээлнэ үү.` })).statusCode).toBe(303);
    await writer.get(commentsPath(plan.slug));
    const eleventh = await writer.post(commentsPath(plan.slug), { text: 'Арваннэг дэх санал бичиж байна.' });
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.body).toContain('Нэг төлөвлөгөөнд өдөрт 10-аас олон санал бичих боломжгүй.');
    expect(eleventh.body).toContain('Арваннэг дэх санал бичиж байна.');
    t.clock.advanceDays(1);
    expect((await writer.post(commentsPath(plan.slug), { text: 'Маргааш нь бичсэн санал байна.' })).statusCode).toBe(303);
  });

  it('are refused when empty (400), on behalf of a CSO the person is not in (403), unconfirmed (403), and on a closed plan (409)', async () => {
    const before = (await comments()).length;
    await citizen.get(commentsPath(plan.slug));
    expect((await citizen.post(commentsPath(plan.slug), { text: '' })).statusCode).toBe(400);
    expect((await citizen.post(commentsPath(plan.slug), { organisation: String(plan.cso.id), text: 'Байгууллагын нэрээр бичиж байна.' })).statusCode).toBe(403);
    const unconfirmed = new WebClient(t.app);
    await signIn(unconfirmed, (await buildAccount(t.db, { verified: false })).email);
    const page = await unconfirmed.get(commentsPath(plan.slug));
    expect(page.body).toContain('Санал бичихийн тулд имэйл хаягаа баталгаажуулна уу.');
    expect((await unconfirmed.post(commentsPath(plan.slug), { text: 'Баталгаажаагүй хаягаар бичиж байна.' })).statusCode).toBe(403);
    // A commitment that is no number of the plan's is refused, never taken for the plan as a whole; in the reader's language.
    for (const commitment of ['abc', '1000', '7']) {
      const response = await citizen.post(commentsPath(plan.slug), { commitment, text: 'Ямар амлалтын тухай бичсэнээ сонгоогүй.' });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Энэ төлөвлөгөөний амлалтуудаас нэгийг, эсвэл төлөвлөгөөг бүхэлд нь сонгоно уу.');
    }
    const english = new WebClient(t.app);
    await english.get('/lang/en?next=/');
    await signIn(english, (await buildAccount(t.db)).email);
    await english.get(commentsPath(plan.slug));
    const inEnglish = await english.post(commentsPath(plan.slug), { commitment: 'abc', text: 'About which commitment, it does not say.' });
    expect(inEnglish.statusCode).toBe(400);
    expect(inEnglish.body).toContain('Choose one of this plan’s commitments, or the plan as a whole.');
    expect((await comments()).length).toBe(before);
    await closePlan(t.db, plan.detail.plan.id, t.clock.now());
    const closed = await citizen.post(commentsPath(plan.slug), { text: 'Хаагдсан төлөвлөгөөнд бичиж байна.' });
    expect(closed.statusCode).toBe(409);
    expect((await comments()).length).toBe(before);
  });
});
