import fs from 'node:fs';
import { sql } from 'kysely';
import type { Clock } from '../../shared/clock.js';
import type { Db, Queryable } from '../../shared/db/database.js';
import { answerComments } from './commands/answers.js';
import { submitComment, supportComment } from './commands/comments.js';
import type { CommandContext } from './commands/common.js';
import { createConsultation, finishConsultation, publishConsultation } from './commands/consultation.js';
import { follow } from './commands/follow.js';
import { addHearing, addHearingComment, saveMinutes } from './commands/hearings.js';
import { publishVersion, replaceDraftText, startNewVersion } from './commands/text.js';

const DAY = 86_400_000;
const DOMAIN = 'demo.irgen.mn';

export interface DemoConsultationsResult {
  consultations: number;
  comments: number;
  skipped: boolean;
}

function fixture(name: string): string {
  return fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** YYYY-MM-DD in Ulaanbaatar of an instant. */
function day(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

async function organisation(db: Queryable, slug: string): Promise<number | undefined> {
  return (await db.selectFrom('organisation').where('slug', '=', slug).select('id').executeTakeFirst())?.id;
}

/** An account by email, made (with the demo password) when missing; staff join their body. */
async function person(db: Queryable, email: string, displayName: string, passwordHash: string, at: Date, body?: number): Promise<number> {
  let id = (await db.selectFrom('account').where('email', '=', email).select('id').executeTakeFirst())?.id;
  if (!id) {
    id = (
      await db
        .insertInto('account')
        .values({ email, display_name: displayName, password_hash: passwordHash, email_verified_at: at, created_at: at, preferred_lang: 'mn' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  if (body) {
    await db
      .insertInto('membership')
      .values({ account_id: id, organisation_id: body, role: 'admin', created_at: at })
      .onConflict((oc) => oc.columns(['account_id', 'organisation_id']).doNothing())
      .execute();
  }
  return id;
}

const RESIDENTS: [string, string, string][] = [
  ['resident.darkhan', 'Б.Алтанцэцэг', '45'],
  ['resident.khovd', 'Ж.Батжаргал', '84'],
  ['resident.dornod', 'Г.Сувд', '21'],
  ['resident.ub', 'Т.Мөнх-Оргил', '11'],
  ['resident.arkhangai', 'Д.Нямдорж', '65'],
  ['resident.uvurkhangai', 'Ц.Номин', '62'],
];

/**
 * Demo consultations for a newcomer, made by the module's own commands on a moving
 * clock (so dates, due dates, the public record and lateness are all as they would be):
 *
 * - the Ministry of Justice and Home Affairs' draft Law on Public Participation in
 *   Decision-Making, open now: comments from citizens in several aimags and from the
 *   Open Society Forum, some answered, supports, a public hearing held (with minutes and a
 *   comment made there) and one to come, one comment waiting for a moderator;
 * - the Capital City Governor's Office's regulation on playground safety, finished:
 *   every comment answered, a second version that answers them, and its report;
 * - the Ministry of Education's school-uniform regulation, whose answers are overdue.
 *
 * Does nothing when consultations exist already or the bodies are missing.
 */
export async function seedDemoConsultations(db: Db, clock: Clock, options: { passwordHash?: string } = {}): Promise<DemoConsultationsResult> {
  const now = clock.now();
  const none = { consultations: 0, comments: 0, skipped: true };
  if (await db.selectFrom('consultation').select('id').limit(1).executeTakeFirst()) return none;
  const justice = await organisation(db, 'ministry-of-justice-and-home-affairs');
  const capital = await organisation(db, 'capital-city-governors-office');
  const education = await organisation(db, 'ministry-of-education');
  const forum = await organisation(db, 'open-society-forum');
  const humanRights = await organisation(db, 'centre-for-human-rights-and-development');
  if (!justice || !capital || !education) return none;
  const passwordHash = options.passwordHash ?? (await (await import('../accounts/passwords.js')).hashPassword('irgen-demo-2026'));
  const since = new Date(now.getTime() - 90 * DAY);
  const at = (daysAgo: number, hour = 10) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - daysAgo * DAY + (hour - 8) * 3600_000);
  const ctx = (time: Date): CommandContext => ({ now: time, publicUrl: '' });

  const justiceStaff = await person(db, `ministry-of-justice-and-home-affairs@${DOMAIN}`, 'Э.Ганбат', passwordHash, since, justice);
  const capitalStaff = await person(db, `capital-city-governors-office@${DOMAIN}`, 'Н.Сарантуяа', passwordHash, since, capital);
  const educationStaff = await person(db, `ministry-of-education@${DOMAIN}`, 'О.Түвшинжаргал', passwordHash, since, education);
  const citizen = await person(db, `citizen@${DOMAIN}`, 'Г.Энхтуяа', passwordHash, since);
  const csoMember = await person(db, `cso@${DOMAIN}`, 'О.Болормаа', passwordHash, since);
  if (forum) {
    await db
      .insertInto('membership')
      .values({ account_id: csoMember, organisation_id: forum, role: 'member', created_at: since })
      .onConflict((oc) => oc.columns(['account_id', 'organisation_id']).doNothing())
      .execute();
  }
  const residents = [];
  for (const [local, name, aimag] of RESIDENTS) residents.push({ id: await person(db, `${local}@${DOMAIN}`, name, passwordHash, since), aimag });
  let comments = 0;
  const comment = async (consultation: number, unit: number | null, text: string, who: number, aimag: string | null, time: Date, organisationId: number | null = null) => {
    comments++;
    return (await submitComment(db, consultation, { unitId: unit, text, organisationId, placeCode: aimag }, { accountId: who }, ctx(time))).id;
  };
  const unit = async (consultation: number, number: string) =>
    (
      await db
        .selectFrom('consultation_element as e')
        .innerJoin('consultation_version as v', 'v.id', 'e.version_id')
        .where('v.consultation_id', '=', consultation)
        .where('e.number', '=', number)
        .where('e.kind', 'in', ['article', 'paragraph', 'point'])
        .select('e.unit_id')
        .orderBy('v.number', 'desc')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).unit_id;

  // 1. The draft law, open now.
  const law = await createConsultation(
    db,
    {
      bodyId: justice,
      kind: 'law',
      titleMn: 'Шийдвэр гаргах үйл ажиллагаанд олон нийтийг оролцуулах тухай хуулийн төсөл',
      titleEn: 'Draft Law on Public Participation in Decision-Making',
      note: 'Төрийн байгууллагууд хууль, бодлогын төслөө хэлэлцүүлэхдээ иргэдийн саналыг хүлээн авч, санал бүрт үндэслэл бүхий хариу өгөх, хэлэлцүүлгийн тайланг төсөлд хавсаргах журмыг хуульчлах зорилготой.\n\nОдоо хэлэлцүүлэг зохион байгуулах журам хэд хэдэн хуульд тархсан, санал хэрхэн тусгагдсан нь иргэдэд харагддаггүй байна.',
      opensOn: day(at(12)),
      closesOn: day(at(-18)),
      answerDays: '30',
      text: fixture('public-participation-law-v1.txt'),
    },
    { accountId: justiceStaff },
    ctx(at(13)),
  );
  await publishConsultation(db, law.id, { accountId: justiceStaff }, ctx(at(12, 9)));
  const [r1, r2, r3, r4, r5, r6] = residents;
  const p81 = await comment(law.id, await unit(law.id, '8.1'), 'Хөдөө орон нутагт мэдээлэл хожуу хүрдэг тул 30 хоног хангалтгүй. Хэлэлцүүлгийн хугацааг дор хаяж 45 хоног болгох нь зүйтэй.', r5!.id, r5!.aimag, at(11));
  const a8 = forum
    ? await comment(
        law.id,
        await unit(law.id, '8'),
        'Нээлттэй нийгэм форум хэлэлцүүлгийн хугацааг 45 хоногоос доошгүй болгож, богиносгох тохиолдолд ч 21 хоногоос багагүй байлгахыг санал болгож байна. Одоогийн 14 хоногийн заалт хэлэлцүүлгийг нэрлэсэн төдий болгох эрсдэлтэй.',
        csoMember,
        '11',
        at(10),
        forum,
      )
    : null;
  await comment(law.id, await unit(law.id, '8.2'), 'Богиносгох «онц шаардлагатай тохиолдол» гэж юуг хэлэхийг тодорхой жагсаах хэрэгтэй.', r4!.id, r4!.aimag, at(10, 15));
  const a11 = await comment(law.id, await unit(law.id, '11'), 'Интернэт ашигладаггүй ахмад настнууд хэрхэн санал өгөхийг хуульд тусгах хэрэгтэй. Сум, хорооны Засаг даргын Тамгын газарт цаасаар өгөх боломж байх ёстой.', r2!.id, r2!.aimag, at(9));
  const p133 = await comment(law.id, await unit(law.id, '13.3'), 'Хариу өгөх 30 хоног урт байна, 15 хоног болгох саналтай.', r1!.id, r1!.aimag, at(8));
  await comment(law.id, await unit(law.id, '7.2'), 'Мэдээллийг дохионы хэлээр, харааны бэрхшээлтэй иргэдэд уншигдах хэлбэрээр нийтлэхийг тодорхой заах хэрэгтэй.', r3!.id, r3!.aimag, at(6));
  if (humanRights) {
    // The centre's own member (organisation accounts are named after their slug, like bodies' staff).
    const rights = await person(db, `centre-for-human-rights-and-development@${DOMAIN}`, 'Х.Оюунбилэг', passwordHash, since);
    await db
      .insertInto('membership')
      .values({ account_id: rights, organisation_id: humanRights, role: 'member', created_at: since })
      .onConflict((oc) => oc.columns(['account_id', 'organisation_id']).doNothing())
      .execute();
    await comment(
      law.id,
      await unit(law.id, '11.3'),
      'Хүний эрх, хөгжлийн төв санал өгсөн иргэний хувийн мэдээллийг хамгаалах заалтыг дэмжиж байна. Зөрчсөн тохиолдолд хүлээлгэх хариуцлагыг мөн тодорхой болгох нь зүйтэй.',
      rights,
      null,
      at(5),
      humanRights,
    );
  }
  await comment(law.id, null, 'Хууль батлагдвал орон нутгийн түвшний шийдвэрт хэрхэн хэрэгжихийг тайлбарласан зөвлөмж гаргаарай.', citizen, '11', at(4));
  await comment(law.id, await unit(law.id, '17.1'), 'Мэдээллийг устгахыг хориглосон нь зөв. Хадгалах хугацааг мөн заах хэрэгтэй.', r6!.id, r6!.aimag, at(3));
  // A comment with a phone number waits for the moderator.
  comments++;
  await submitComment(db, law.id, { unitId: null, text: 'Санал өгөх гэсэн боловч ойлгомжгүй байна, 99112233 дугаараар холбогдоорой.', organisationId: null, placeCode: '21' }, { accountId: r3!.id }, ctx(at(2)));
  for (const [who, target] of [
    [citizen, p81],
    [r1!.id, p81],
    [r2!.id, p81],
    [r4!.id, a11],
    [r6!.id, a11],
    ...(a8 ? ([[citizen, a8], [r5!.id, a8], [r3!.id, a8]] as [number, number][]) : []),
  ] as [number, number][]) {
    await supportComment(db, law.id, target, { accountId: who }, ctx(at(2, 12)));
  }
  await follow(db, law.id, { accountId: citizen }, ctx(at(9)));
  const hearing = await addHearing(
    db,
    law.id,
    { day: day(at(5)), time: '10:00', place: 'Төрийн ордон, Их Хурлын Б танхим, Улаанбаатар', howToJoin: 'Бүртгэлгүйгээр оролцоно. Дохионы хэлмэрч ажиллана. Шууд дамжуулалтыг яамны цахим хуудсаар үзнэ.' },
    { accountId: justiceStaff },
    ctx(at(9)),
  );
  await addHearing(db, law.id, { day: day(at(-6)), time: '14:00', place: 'Дархан-Уул аймгийн Засаг даргын Тамгын газрын их хурлын танхим', howToJoin: 'Аймгийн иргэд, төрийн бус байгууллагууд оролцоно. Урьдчилан бүртгүүлэх шаардлагагүй.' }, { accountId: justiceStaff }, ctx(at(9)));
  comments++;
  await addHearingComment(db, law.id, hearing.id, { unitId: await unit(law.id, '9.3'), text: 'Сонсголын тэмдэглэлийг 5 биш 3 ажлын өдөрт нийтлэх хэрэгтэй гэж оролцогчид санал болгов.', organisationId: null, placeCode: '11' }, { accountId: justiceStaff }, ctx(at(5, 14)));
  await saveMinutes(db, law.id, hearing.id, 'Сонсголд 46 иргэн, 9 төрийн бус байгууллагын төлөөлөл оролцов. Хэлэлцүүлгийн хугацаа, цахим бус хэлбэрээр санал авах, хариу өгөх хугацааны талаар санал гарав. Саналуудыг хэлэлцүүлгийн хуудсанд бүртгэв.', { accountId: justiceStaff }, ctx(at(4)));
  await answerComments(
    db,
    law.id,
    { commentIds: [p81, ...(a8 ? [a8] : [])], category: 'accepted', reason: 'Хэлэлцүүлгийн хугацааг 45 хоногоос доошгүй болгож, богиносгох тохиолдолд 21 хоногоос багагүй байхаар төслийг өөрчилнө.' },
    { accountId: justiceStaff },
    ctx(at(3, 11)),
  );
  await answerComments(db, law.id, { commentIds: [a11], category: 'partly_accepted', reason: 'Цахим бус хэлбэрээр санал өгөх тусдаа зүйл нэмнэ. Сум, хороонд цаасаар өгсөн саналыг бүртгэх хугацааг журмаар тогтооно.' }, { accountId: justiceStaff }, ctx(at(3, 12)));
  await answerComments(db, law.id, { commentIds: [p133], category: 'not_accepted', reason: 'Олон саналыг нэгтгэж, төсөлд хэрхэн тусгахаа шийдэхэд 30 хоног шаардлагатай гэж үзэв.' }, { accountId: justiceStaff }, ctx(at(3, 13)));

  // 2. The playground regulation: finished, with its report.
  const playground = await createConsultation(
    db,
    {
      bodyId: capital,
      kind: 'regulation',
      titleMn: 'Нийтийн эзэмшлийн тоглоомын талбайн аюулгүй байдлыг хангах журмын төсөл',
      titleEn: 'Draft Regulation on the Safety of Public Playgrounds',
      note: 'Тоглоомын талбайн гэмтэлтэй тоног төхөөрөмжөөс болж хүүхэд бэртэх тохиолдол гардаг тул үзлэг, засварын хугацааг тогтооно.',
      opensOn: day(at(80)),
      closesOn: day(at(50)),
      answerDays: '30',
      text: fixture('playground-safety-regulation-v1.txt'),
    },
    { accountId: capitalStaff },
    ctx(at(81)),
  );
  await publishConsultation(db, playground.id, { accountId: capitalStaff }, ctx(at(80, 9)));
  const g1 = await comment(playground.id, await unit(playground.id, '4.1'), 'Сар бүрийн үзлэг хангалтгүй, хүүхдүүд өдөр бүр тоглодог. Долоо хоног бүр үзэх хэрэгтэй.', r4!.id, '11', at(75));
  const g2 = await comment(playground.id, await unit(playground.id, '4.2'), 'Манай хорооны тоглоомын талбайн дүүжин гурван сар эвдэрхий байна. 14 хоног биш, долоо хоногт засдаг болгоорой, тэр хооронд хааж байх хэрэгтэй.', citizen, '11', at(70));
  const g3 = await comment(playground.id, await unit(playground.id, '4.1'), 'Үзлэгийн тэмдэглэлийг иргэд харж болохоор нийтэлж байвал сайн байна.', r1!.id, '45', at(66));
  const g4 = await comment(playground.id, await unit(playground.id, '3.2'), 'Цохилт зөөлрүүлэх хучилтыг зөвхөн элсээр хийхийг хориглох хэрэгтэй.', r6!.id, '11', at(60));
  await answerComments(db, playground.id, { commentIds: [g1, g3], category: 'accepted', reason: 'Үзлэгийг долоо хоног бүр хийж, тэмдэглэлийг нээлттэй нийтэлнэ.' }, { accountId: capitalStaff }, ctx(at(45)));
  await answerComments(db, playground.id, { commentIds: [g2], category: 'accepted', reason: 'Засварын хугацааг 7 хоног болгож, засвар дуустал тоног төхөөрөмжийг хаана.' }, { accountId: capitalStaff }, ctx(at(45, 11)));
  await answerComments(db, playground.id, { commentIds: [g4], category: 'not_accepted', reason: 'Хучилтын материалыг стандартаар тогтоодог тул журамд давхардуулахгүй.' }, { accountId: capitalStaff }, ctx(at(44)));
  await startNewVersion(db, playground.id, null, { accountId: capitalStaff }, ctx(at(43)));
  await replaceDraftText(db, playground.id, fixture('playground-safety-regulation-v2.txt'), { accountId: capitalStaff }, ctx(at(43)));
  await publishVersion(db, playground.id, 'Иргэдийн саналаар үзлэгийг долоо хоног бүр хийж, тэмдэглэлийг нийтлэх, гэмтлийг 7 хоногт засах болгов.', { accountId: capitalStaff }, ctx(at(42)));
  await finishConsultation(db, playground.id, { accountId: capitalStaff }, ctx(at(40)));

  // 3. The school-uniform regulation: closed, answers overdue.
  const uniform = await createConsultation(
    db,
    {
      bodyId: education,
      kind: 'regulation',
      titleMn: 'Ерөнхий боловсролын сургуулийн сурагчийн дүрэмт хувцасны журмын төсөл',
      titleEn: 'Draft Regulation on School Uniforms',
      note: 'Дүрэмт хувцасны үнэ өрхийн төсөвт дарамт болж байгаа тул загвар, үнэ, хөнгөлөлтийн журмыг шинэчилнэ.',
      opensOn: day(at(75)),
      closesOn: day(at(45)),
      answerDays: '30',
      text: fixture('school-uniform-regulation.txt'),
    },
    { accountId: educationStaff },
    ctx(at(76)),
  );
  await publishConsultation(db, uniform.id, { accountId: educationStaff }, ctx(at(75, 9)));
  const u1 = await comment(uniform.id, await unit(uniform.id, '3.1'), '15 хувь гэдэг өндөр байна. Олон хүүхэдтэй өрхөд дүрэмт хувцас хамгийн их зардал болдог.', r2!.id, '84', at(70));
  await comment(uniform.id, await unit(uniform.id, '2.2'), 'Загварыг 5 жил өөрчлөхгүй байх нь ах эгчийнхээ хувцсыг өмсөх боломж олгоно. Дэмжиж байна.', r5!.id, '65', at(60));
  await comment(uniform.id, await unit(uniform.id, '4.1'), 'Хөгжлийн бэрхшээлтэй хүүхдэд тохирсон загварыг заавал байлгах хэрэгтэй.', r3!.id, '21', at(55));
  await answerComments(db, uniform.id, { commentIds: [u1], category: 'partly_accepted', reason: 'Дээд хязгаарыг 10 хувь болгох тооцоо хийж байна.' }, { accountId: educationStaff }, ctx(at(20)));

  // The demo's emails and background prints are not sent: the people are made up. Inside
  // the demo seed's one transaction, the jobs it queued carry that transaction's start time.
  const jobs = await sql<{ id: number }>`
    SELECT id FROM graphile_worker.jobs WHERE task_identifier IN ('consultations_notify', 'consultations_report_pdf', 'send_email') AND created_at = now()`.execute(db);
  if (jobs.rows.length) await sql`SELECT graphile_worker.complete_jobs(${jobs.rows.map((j) => j.id)}::bigint[])`.execute(db);
  return { consultations: 3, comments, skipped: false };
}
