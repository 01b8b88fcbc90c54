import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/support/database.js';
import { ManualClock } from '../../shared/clock.js';
import type { Database } from '../../shared/db/database.js';
import { AppError } from '../../shared/errors.js';
import { createBody } from '../bodies/commands/bodies.js';
import { LOCAL_SLUG, NAP4_SLUG, nap4Document, readDataFile, seedDemoCommitments } from './demo.js';
import { exportPlan } from './export.js';
import { checkPlanFile, importPlanFile, splitOrganisations } from './import.js';
import { findPlan, loadPlanDetail, planComments } from './queries.js';

/**
 * The NAP IV report as data: imported, its figures counted from the milestones match what
 * the data file's notes say, its export gives the file back, and a bad file is refused
 * whole with every problem named.
 */
let database: Database & { drop(): Promise<void> };
let ownerId: number;
const now = new Date('2026-03-02T01:00:00Z');
const nap4 = () => readDataFile('ogp-nap4-mongolia.json') as Record<string, unknown> & { plan: { summary: Record<string, unknown> }; commitments: Record<string, unknown>[] };

beforeAll(async () => {
  database = await createTestDatabase();
  ownerId = await database.db.transaction().execute((tx) =>
    createBody(tx, { slug: 'cabinet-secretariat', type: 'agency', nameMn: 'Засгийн газрын Хэрэг эрхлэх газар', nameEn: 'Cabinet Secretariat of the Government of Mongolia', placeCode: null, superiorSlug: null }, now),
  );
  await importPlanFile(database.db, nap4(), { slug: 'nap4', ownerBodyId: ownerId, kind: 'national', placeCode: null }, now);
});
afterAll(async () => database.drop());

async function count(table: 'commitment_plan' | 'commitment' | 'commitment_milestone' | 'commitment_report' | 'commitment_assessment' | 'commitment_comment' | 'organisation' | 'public_event') {
  const row = await database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('importing the NAP IV report', () => {
  it('loads 9 commitments and 53 milestones with the government’s assessments, the NGOs’ entries and the comments', async () => {
    const plan = (await findPlan(database.db, 'nap4'))!;
    const detail = await loadPlanDetail(database.db, plan, now);
    expect(detail.commitments).toHaveLength(9);
    expect(detail.milestones).toHaveLength(53);
    expect(plan.periodStart).toBe('2021-01-01');
    expect(plan.periodEnd).toBe('2023-12-31');
    expect(plan.titleEn).toBe('Open Government Partnership National Action Plan IV (NAP IV), Mongolia');
    const first = detail.milestones[0]!;
    expect(first.lead.slug).toBe('ministry-of-mining-and-heavy-industry');
    expect(first.implementers.map((o) => o.slug)).toEqual(['ministry-of-mining-and-heavy-industry', 'mineral-resources-and-petroleum-authority']);
    // 'Minister of Environment and Tourism' (as printed) and the ministry's own name are one new body.
    const environment = await database.db.selectFrom('organisation').where('name_en', '=', 'Ministry of Environment and Tourism').select('slug').execute();
    expect(environment.map((o) => o.slug)).toEqual(['ministry-of-environment-and-tourism']);
    expect(first.government?.value).toBe('limited_progress');
    expect(first.government?.reportedAt.toISOString()).toBe('2023-08-14T16:00:00.000Z');
    expect(first.assessments.map((a) => [a.organisation?.slug ?? null, a.value])).toEqual([
      ['steps-without-borders', null],
      ['open-society-forum', null],
      [null, 'completed_or_substantial_progress'],
    ]);
    const comments = await planComments(database.db, plan);
    expect(comments).toHaveLength(7);
    // The report's own recommendations are the owner's words; the NGOs' are comments received.
    expect(comments.filter((c) => c.byOwner)).toHaveLength(4);
    expect(comments.filter((c) => !c.byOwner).map((c) => c.organisation?.slug)).toEqual(['steps-without-borders', 'steps-without-borders', 'psychological-responsiveness']);
  });

  it('counts the figures from the milestones as the data file’s notes do: 38 completed or substantial, 14 limited, 1 without a printed value', async () => {
    const data = nap4();
    const counted = data.plan.summary.counted_from_tables as Record<string, number>;
    const plan = (await findPlan(database.db, 'nap4'))!;
    const { figures } = await loadPlanDetail(database.db, plan, now);
    expect(figures.plan.milestones).toBe(counted.milestones);
    expect(figures.plan.governmentBands.green).toBe(counted.completed_or_substantial_progress);
    expect(figures.plan.governmentBands.yellow).toBe(counted.limited_progress);
    expect(figures.plan.governmentBands.red).toBe(counted.not_started_or_severe_delays);
    expect(figures.plan.governmentBands.none).toBe(counted.no_assessment_printed);
    expect([figures.plan.milestones, figures.plan.governmentBands.green, figures.plan.governmentBands.yellow, figures.plan.governmentBands.none]).toEqual([53, 38, 14, 1]);
    // The report printed one combined band, so no milestone is claimed "completed" on its own.
    expect(figures.plan.government.completed).toBe(0);
    expect(figures.plan.government.completed_or_substantial_progress).toBe(38);
    // The stated summary is kept beside them: 39 of 53.
    expect(plan.stated).toMatchObject({ commitments: 9, milestones: 53, completed: 39, inProgress: 14 });
    // Commitment 3: 4 green, 1 limited, 1 without a value (the RED FLAG milestone).
    expect(figures.byCommitment.get(3)!.governmentBands).toEqual({ green: 4, yellow: 1, red: 0, none: 1 });
    // Ten NGO assessments contradict the government's (commitment 1: four, commitment 6: six).
    expect(figures.plan.disagreements).toBe(10);
    expect(figures.byCommitment.get(1)!.disagreements).toBe(4);
    expect(figures.byCommitment.get(6)!.disagreements).toBe(6);
    // The plan ended in 2023: the 14 limited and the unassessed milestone are overdue in 2026.
    expect(figures.plan.overdue).toBe(15);
  });

  it('exports the same document it imported (round trip)', async () => {
    const plan = (await findPlan(database.db, 'nap4'))!;
    expect(await exportPlan(database.db, plan.id)).toEqual(nap4());
  });

  it('round-trips a Mongolian plan file with translations, due dates, links and answers', async () => {
    const bayandun = await database.db.transaction().execute((tx) =>
      createBody(tx, { slug: 'dornod-bayandun-soum-governors-office', type: 'governor_office', nameMn: 'Дорнод аймгийн Баяндун сумын Засаг даргын Тамгын газар', nameEn: 'Bayandun Soum Governor’s Office, Dornod Aimag', placeCode: '2104', superiorSlug: null }, now),
    );
    const document = readDataFile('bayandun-soum-priorities.json') as Record<string, unknown> & { recommendations_and_comments: Record<string, unknown>[] };
    document.recommendations_and_comments[0]!.answer = { body: 'Дорнод аймгийн Баяндун сумын Засаг даргын Тамгын газар', date: '2025-12-01', text: 'Гэрээ, актыг сумын цахим хуудсанд нийтэллээ.' };
    await importPlanFile(database.db, document, { slug: 'bayandun', ownerBodyId: bayandun, kind: 'local', placeCode: '2104' }, now);
    const plan = (await findPlan(database.db, 'bayandun'))!;
    expect(plan.titleMn).toBe('Дорнод аймгийн Баяндун сумын хөгжлийн тэргүүлэх чиглэл, 2023-2027');
    expect(plan.titleEn).toBe('Development priorities of Bayandun soum, Dornod aimag, 2023-2027');
    const exported = await exportPlan(database.db, plan.id);
    expect(exported).toEqual(document);
    const comments = await planComments(database.db, plan);
    expect(comments[0]!.answer?.text).toBe('Гэрээ, актыг сумын цахим хуудсанд нийтэллээ.');
  });

  it('reads "A, B" as two implementing organisations unless "A, B" is one known name', () => {
    const known = new Set(['Ministry of Food, Agriculture and Light Industry', 'Ministry of Finance']);
    expect(splitOrganisations('Ministry of Finance, State procurement agency', (n) => known.has(n))).toEqual(['Ministry of Finance', 'State procurement agency']);
    expect(splitOrganisations('Ministry of Food, Agriculture and Light Industry, Ministry of Finance', (n) => known.has(n))).toEqual(['Ministry of Food, Agriculture and Light Industry', 'Ministry of Finance']);
  });
});

describe('a bad plan file', () => {
  async function refusal(document: unknown, options: Partial<Parameters<typeof importPlanFile>[2]> = {}) {
    const before = await Promise.all([count('commitment_plan'), count('commitment_milestone'), count('organisation'), count('public_event')]);
    let error: unknown;
    try {
      await importPlanFile(database.db, document, { slug: 'bad-plan', ownerBodyId: ownerId, kind: 'national', placeCode: null, ...options }, now);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe('commitments.invalid_file');
    expect(appError.status).toBe(422);
    // Nothing half-written: no plan, milestone, organisation or public event.
    expect(await Promise.all([count('commitment_plan'), count('commitment_milestone'), count('organisation'), count('public_event')])).toEqual(before);
    return appError.fields.map((f) => `${f.field} ${f.key.replace('commitments:import.problem.', '')}`);
  }

  it('is refused whole with every problem of its shape named by where it is', async () => {
    const document = nap4();
    (document.commitments[1] as { milestones: Record<string, unknown>[] }).milestones[0]!.government_assessment = 'done';
    (document.commitments[2] as { milestones: Record<string, unknown>[] }).milestones[0]!.ngo_assessments = [
      { organization: 'Open Society Forum NGO', date: '2023-13-01', assessment: 'green', text: null, justification: null, kind: 'ngo_comment', colour: 'red' },
    ];
    delete (document.commitments[0] as Record<string, unknown>).lead_bodies;
    delete (document.plan as Record<string, unknown>).title;
    expect(await refusal(document)).toEqual([
      'plan.title missing',
      'commitments[1].lead_bodies missing',
      'commitments[2].milestones[1].government_assessment not_in_scale',
      'commitments[3].milestones[1].ngo_assessments[1].colour unknown_field',
      'commitments[3].milestones[1].ngo_assessments[1].date not_a_date',
      'commitments[3].milestones[1].ngo_assessments[1].assessment not_in_scale',
    ]);
  });

  it('is refused for what only the database can tell: a CSO as lead, a body assessing, duplicates, impossible dates, links, a taken address', async () => {
    const document = nap4();
    const c1 = document.commitments[0] as { number: number; lead_bodies: string[]; milestones: Record<string, unknown>[] };
    c1.lead_bodies = ['Open Society Forum NGO'];
    c1.milestones[1]!.sequence = 1;
    c1.milestones[2]!.due = '2023-02-30';
    c1.milestones[3]!.evidence_links = ['www.eiti.mn'];
    (c1.milestones[0]!.ngo_assessments as Record<string, unknown>[])[0]!.organization = 'Ministry of Finance';
    (document.commitments[1] as { number: number }).number = 1;
    (document.plan as Record<string, unknown>).period = 'soon';
    expect(await refusal(document, { slug: 'nap4' })).toEqual([
      'slug slug_taken',
      'plan.period bad_period',
      'commitments[1].lead_bodies[1] lead_not_a_body',
      'commitments[1].milestones[1].ngo_assessments[1].organization assessor_not_a_cso',
      'commitments[1].milestones[2].sequence duplicate_sequence',
      'commitments[1].milestones[3].due not_a_date',
      'commitments[1].milestones[4].evidence_links[1] not_a_link',
      'commitments[2].number duplicate_number',
    ]);
  });

  it('is refused when it is not a plan file at all', async () => {
    expect(await refusal([])).toEqual(['(file) wrong_type']);
    expect(await refusal({ hello: 'world' })).toEqual(['plan missing', 'commitments missing']);
  });

  it('names the owner, place and address problems of the import itself', async () => {
    const check = await checkPlanFile(database.db, nap4(), { slug: 'Bad Slug', ownerBodyId: 999_999, kind: 'local', placeCode: null });
    expect(check.problems.map((p) => `${p.path} ${p.problem}`)).toEqual(['slug slug_format', 'owner unknown_owner', 'place local_needs_place']);
  });
});

describe('the demo seed', () => {
  it('imports NAP IV with Mongolian titles and gives its lead bodies staff accounts; a second run changes nothing', async () => {
    const demo = await createTestDatabase();
    try {
      const clock = new ManualClock(now);
      const first = await seedDemoCommitments(demo.db, clock, { passwordHash: 'not-a-real-hash' });
      expect(first.plans.map((p) => p.slug)).toEqual([NAP4_SLUG]);
      // Without the bodies' demo data there is no Bayandun soum office, so no local plan.
      expect(first.skipped).toEqual([LOCAL_SLUG]);
      const plan = (await findPlan(demo.db, NAP4_SLUG))!;
      expect(plan.titleMn).toBe('Нээлттэй засгийн түншлэлийн IV үндэсний үйл ажиллагааны төлөвлөгөө (ҮАТ IV), Монгол Улс');
      const detail = await loadPlanDetail(demo.db, plan, now);
      expect(detail.commitments.every((c) => c.titleMn && c.titleEn)).toBe(true);
      expect(detail.figures.plan.governmentBands).toEqual({ green: 38, yellow: 14, red: 0, none: 1 });
      const staff = await demo.db
        .selectFrom('account')
        .innerJoin('membership', 'membership.account_id', 'account.id')
        .innerJoin('organisation', 'organisation.id', 'membership.organisation_id')
        .where('account.email', '=', 'ministry-of-justice-and-home-affairs@demo.irgen.mn')
        .select('organisation.slug')
        .execute();
      expect(staff.map((s) => s.slug)).toEqual(['ministry-of-justice-and-home-affairs']);
      const second = await seedDemoCommitments(demo.db, clock, { passwordHash: 'not-a-real-hash' });
      expect(second.plans).toEqual([]);
      expect(second.skipped).toEqual([NAP4_SLUG, LOCAL_SLUG]);
      expect(nap4Document()).toMatchObject({ plan: { title_mn: plan.titleMn } });
    } finally {
      await demo.drop();
    }
  });
});
