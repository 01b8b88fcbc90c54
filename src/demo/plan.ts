import type { Kind } from '../modules/feedback/model.js';
import { accusingSentence, fakePerson, personalSentence, type Lang } from './phrases.js';
import { drawPlace, type DemoPlace } from './places.js';
import { Random } from './random.js';
import { SCENARIOS, type Scenario, type Written } from './scenarios.js';

/**
 * The demo feedback before it is filed: who writes what, from where, when, through which
 * channel and in which language. Pure and seeded, so the same start time always gives
 * the same dataset (tests check every text without a database). feedback.ts then files
 * each item through the real commands and lets time run over it.
 */

export type DemoChannel = 'web' | 'operator' | 'open311';

export interface PlannedItem {
  index: number;
  /** The item's own random stream for everything that happens to it later. */
  seed: number;
  receivedAt: Date;
  place: DemoPlace;
  scenario: Scenario;
  category: string;
  kind: Kind;
  language: Lang;
  channel: DemoChannel;
  wantsPublic: boolean;
  /** A public item whose text names someone; the moderator withholds it. */
  withhold: boolean;
  /** Filed by the demo citizen's account. */
  byCitizen: boolean;
  title: string;
  description: string;
  /** What the moderator publishes: the description without the sender's personal details. */
  summary: string;
  answers: Written;
  contact: { name?: string; email?: string; phone?: string } | null;
  lat: number | null;
  lon: number | null;
}

/** How far back the demo history reaches. */
export const HISTORY_DAYS = 420;
const DAY = 86_400_000;
const UB_OFFSET = 8 * 3_600_000;

/** Kinds in about the proportions public bodies receive them. */
const KIND_WEIGHTS: Record<Kind, number> = { complaint: 50, request: 22, suggestion: 12, criticism: 9, praise: 7 };

const CATEGORY_WEIGHTS: Record<string, number> = {
  roads: 13,
  waste: 11,
  water: 8,
  health: 10,
  education: 10,
  social_welfare: 9,
  public_transport: 7,
  land: 8,
  air_pollution: 6,
  heating: 6,
  public_safety: 6,
  civil_registration: 4,
};

/** Smoke and cold flats in winter, mud in spring, school places in autumn. */
function seasonal(category: string, month: number): number {
  const winter = [11, 12, 1, 2].includes(month);
  const shoulder = [10, 3].includes(month);
  switch (category) {
    case 'heating':
      return winter ? 2.4 : shoulder ? 1.4 : 0.3;
    case 'air_pollution':
      return winter ? 3 : shoulder ? 1.2 : 0.1;
    case 'roads':
      return [4, 5, 6].includes(month) ? 1.5 : 1;
    case 'education':
      return [8, 9, 10].includes(month) ? 1.6 : 1;
    case 'water':
      return [6, 7, 8].includes(month) ? 1.2 : 1;
    default:
      return 1;
  }
}

/** Rough centres for coordinates that apps send (jittered, never a real address). */
const CENTRES: Record<string, readonly [number, number]> = {
  '1110': [47.915, 106.98],
  '1116': [47.93, 106.8],
  '1107': [47.912, 106.87],
  '1119': [47.93, 106.92],
  '1122': [47.87, 106.88],
  '1125': [47.95, 106.91],
  '1113': [47.75, 107.25],
  '1101': [47.78, 108.37],
  '6201': [46.26, 102.78],
  '2101': [48.07, 114.53],
  '2201': [46.68, 113.28],
  '4101': [47.71, 106.95],
  '4301': [50.23, 106.21],
  '4501': [49.49, 105.92],
  '4601': [43.57, 104.42],
  '8401': [48.01, 91.64],
};

export function localMonth(date: Date): { year: number; month: number } {
  const local = new Date(date.getTime() + UB_OFFSET);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/** A moment on the local day `daysAgo` before `now`, between the given local hours. */
function atLocalHours(now: Date, daysAgo: number, fromHour: number, toHour: number, rng: Random): Date {
  const localNow = new Date(now.getTime() + UB_OFFSET);
  const day = Date.UTC(localNow.getUTCFullYear(), localNow.getUTCMonth(), localNow.getUTCDate()) - daysAgo * DAY;
  const minutes = rng.int(fromHour * 60, toHour * 60 - 1);
  return new Date(day + minutes * 60_000 - UB_OFFSET);
}

function isWeekend(date: Date): boolean {
  const d = new Date(date.getTime() + UB_OFFSET).getUTCDay();
  return d === 0 || d === 6;
}

/** A category for the season, a kind in the usual proportions, then a scenario of that kind that fits the place. */
function drawScenario(rng: Random, place: DemoPlace, month: number): { scenario: Scenario; kind: Kind } {
  for (;;) {
    const category = rng.weighted(Object.entries(CATEGORY_WEIGHTS).map(([c, w]) => [c, w * seasonal(c, month)] as const));
    const fitting = SCENARIOS.filter((s) => s.category === category && s.fits(place) && (!s.months || s.months.includes(month)));
    if (fitting.length === 0) continue;
    const kinds = [...new Set(fitting.flatMap((s) => s.kinds))];
    const kind = rng.weighted(kinds.map((k) => [k, KIND_WEIGHTS[k]] as const));
    const scenario = rng.weighted(fitting.filter((s) => s.kinds.includes(kind)).map((s) => [s, s.weight ?? 1] as const));
    return { scenario, kind };
  }
}

export function planItem(now: Date, seed: number, index: number): PlannedItem {
  const rng = Random.derive(seed, index);
  // More recent months have more feedback: the platform is catching on.
  let daysAgo: number;
  do daysAgo = rng.int(0, HISTORY_DAYS);
  while (!rng.chance(0.5 + 0.5 * (1 - daysAgo / HISTORY_DAYS)));

  const place = drawPlace(rng);
  const channel: DemoChannel = place.ub ? rng.weighted([['web', 0.6], ['operator', 0.2], ['open311', 0.2]]) : rng.weighted([['web', 0.4], ['operator', 0.55], ['open311', 0.05]]);
  // Hotline operators work office hours on working days; people write at any time.
  let receivedAt = channel === 'operator' ? atLocalHours(now, daysAgo, 9, 18, rng) : atLocalHours(now, daysAgo, 7, 23, rng);
  if (channel === 'operator') while (isWeekend(receivedAt)) receivedAt = new Date(receivedAt.getTime() - DAY);
  if (receivedAt.getTime() > now.getTime()) receivedAt = new Date(now.getTime() - rng.int(5, 90) * 60_000);
  const { year, month } = localMonth(receivedAt);

  const { scenario, kind } = drawScenario(rng, place, month);
  const language: Lang = channel !== 'operator' && rng.chance(place.ub ? 0.25 : 0.08) ? 'en' : 'mn';
  const texts = scenario.write({ p: place, rng, year, month })[language];

  const wantsPublic = rng.chance(channel === 'operator' ? 0.5 : 0.62);
  const withhold = wantsPublic && !!scenario.accusatory && rng.chance(0.35);
  const byCitizen = channel === 'web' && place.ub && rng.chance(0.05);

  const person = fakePerson(rng);
  let contact: PlannedItem['contact'] = null;
  if (!byCitizen) {
    if (channel === 'operator' && rng.chance(0.75)) contact = { name: person[language], phone: person.phone };
    else if (channel === 'web' && rng.chance(0.4)) contact = rng.weighted([[{ email: person.email }, 4], [{ name: person[language], email: person.email }, 3], [{ name: person[language], phone: person.phone }, 3]]);
    else if (channel === 'open311' && rng.chance(0.35)) contact = { email: person.email };
  }

  let description = texts.description;
  const summary = texts.description;
  if (withhold) description = `${description} ${accusingSentence(rng, language, fakePerson(rng))}`;
  if (rng.chance(0.25)) description = `${description} ${personalSentence(rng, language, person)}`;

  let lat: number | null = null;
  let lon: number | null = null;
  const centre = CENTRES[place.code.slice(0, 4)];
  if (centre && (channel === 'open311' || rng.chance(0.1))) {
    lat = Math.round((centre[0] + rng.between(-0.02, 0.02)) * 1e5) / 1e5;
    lon = Math.round((centre[1] + rng.between(-0.03, 0.03)) * 1e5) / 1e5;
  }

  return {
    index,
    seed: Random.derive(seed + 1, index).int(1, 2 ** 31),
    receivedAt,
    place,
    scenario,
    category: scenario.category,
    kind,
    language,
    channel,
    wantsPublic,
    withhold,
    byCitizen,
    title: texts.title,
    description,
    summary,
    answers: texts,
    contact,
    lat,
    lon,
  };
}

/** The whole demo feedback plan, oldest first. */
export function planDemoFeedback(now: Date, options: { count: number; seed: number }): PlannedItem[] {
  const items: PlannedItem[] = [];
  for (let i = 0; i < options.count; i++) items.push(planItem(now, options.seed, i));
  return items.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.index - b.index);
}
