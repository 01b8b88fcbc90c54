import { englishName, readAdminUnits, type AdminUnit } from '../modules/places/reference-data.js';
import type { Random } from './random.js';

/**
 * Where demo feedback comes from, and how its texts name the place. Mongolian needs the
 * place in several cases (a complaint says "in the 12th khoroo of Bayanzürkh district",
 * "told the khoroo"), so each place carries the phrases the templates use.
 */
export interface DemoPlace {
  code: string;
  ub: boolean;
  rural: boolean;
  /** An aimag's centre soum (its code ends in 01), with flats as well as gers. */
  centre: boolean;
  housing: 'apartment' | 'ger';
  mn: {
    /** Баянзүрх дүүргийн 12-р хороо */
    name: string;
    /** Баянзүрх дүүргийн 12-р хорооны */
    gen: string;
    /** Баянзүрх дүүргийн 12-р хороонд (lives in …) */
    loc: string;
    /** 12-р хорооны (after "манай") */
    local: string;
    /** 12-р хороо */
    localNom: string;
    /** хороонд: told whom, locally */
    office: string;
    /** хорооны ажилтан */
    official: string;
    /** хорооны нийгмийн ажилтанд */
    social: string;
    /** хорооны байрны (a spare room in …) */
    hall: string;
    /** дүүргийн бүртгэлийн хэлтэст */
    registration: string;
    /** Арвайхээр (the soum, in the countryside; the district in the capital) */
    soum: string;
  };
  en: {
    name: string;
    short: string;
    office: string;
    official: string;
    socialWorker: string;
    socialOffice: string;
    hall: string;
    registration: string;
    soum: string;
  };
}

interface Units {
  byCode: Map<string, AdminUnit>;
  children: Map<string, AdminUnit[]>;
}

let cached: Units | undefined;

function units(): Units {
  if (cached) return cached;
  const all = readAdminUnits();
  const byCode = new Map(all.map((u) => [u.code, u]));
  const children = new Map<string, AdminUnit[]>();
  for (const u of all) {
    if (!u.parent) continue;
    // Four units have names without a number; the templates need the number.
    if (u.level === 3 && !/^\d+-р (баг|хороо)/.test(u.name_mn)) continue;
    const list = children.get(u.parent) ?? [];
    list.push(u);
    children.set(u.parent, list);
  }
  cached = { byCode, children };
  return cached;
}

function unit(code: string): AdminUnit {
  const u = units().byCode.get(code);
  if (!u) throw new Error(`unknown place ${code}`);
  return u;
}

function numberOf(name: string): number {
  return Number(/^(\d+)-р/.exec(name)?.[1] ?? 0);
}

/** Khoroos from this number up are mostly ger districts (a rough, public picture of each district). */
const GER_FROM: Record<string, number> = { '1116': 20, '1110': 13, '1125': 11, '1119': 15, '1122': 11, '1113': 1, '1101': 1, '1104': 1 };

/** Khoroos that have their own demo office: feedback from them shows those offices at work. */
const OFFICE_KHOROOS: Record<string, string[]> = { '1110': ['111051', '111053'], '1116': ['111651'], '1119': ['111951'], '1125': ['112551'] };

/** Soums with their own demo office. */
const OFFICE_SOUMS = ['2101', '2104', '2201', '2210', '4101', '4301', '4501', '4601', '4631', '6201', '8401'];

/**
 * Regions and how much feedback each sends: the capital's big districts most (ger
 * districts above all), aimag centres next, a few soums without an office of their own
 * (routed to the aimag), and aimags without one at all (routed to the 11-11 centre).
 */
export const REGIONS: readonly (readonly [string, number])[] = [
  ['1110', 15],
  ['1116', 15],
  ['1107', 7],
  ['1119', 6],
  ['1122', 6],
  ['1125', 7],
  ['1113', 1.5],
  ['1101', 1],
  ['6201', 6],
  ['62', 2],
  ['2101', 3],
  ['2104', 1.5],
  ['21', 1],
  ['2201', 1.5],
  ['2210', 1],
  ['22', 0.5],
  ['4101', 1.5],
  ['41', 1],
  ['4301', 1],
  ['43', 0.7],
  ['4501', 2.5],
  ['4601', 2],
  ['4631', 1],
  ['46', 0.5],
  ['8401', 1.5],
  ['84', 0.5],
  ['65', 0.8],
  ['81', 0.6],
  ['83', 0.6],
  ['23', 0.6],
  ['67', 0.6],
];

/** A place for one piece of feedback, drawn from the regions above. */
export function drawPlace(rng: Random): DemoPlace {
  const region = rng.weighted(REGIONS);
  const { children } = units();
  if (region.startsWith('11')) {
    const offices = OFFICE_KHOROOS[region];
    if (rng.chance(0.1)) return describe(region, rng);
    if (offices && rng.chance(0.25)) return describe(rng.pick(offices), rng);
    return describe(rng.pick(children.get(region) ?? []).code, rng);
  }
  let soum = region;
  if (region.length === 2) {
    const others = (children.get(region) ?? []).filter((s) => !OFFICE_SOUMS.includes(s.code));
    soum = rng.pick(others).code;
  }
  const baghs = children.get(soum) ?? [];
  if (baghs.length && rng.chance(0.7)) return describe(rng.pick(baghs).code, rng);
  return describe(soum, rng);
}

/** The phrases for a place code (a khoroo, a düüreg, a bagh or a soum). */
export function describe(code: string, rng: Random): DemoPlace {
  const u = unit(code);
  if (code.startsWith('11')) {
    const district = unit(code.slice(0, 4));
    const d = district.name_mn;
    const dEn = englishName(district);
    if (u.level === 2) {
      return {
        code,
        ub: true,
        rural: false,
        centre: false,
        housing: rng.chance(0.5) ? 'apartment' : 'ger',
        mn: {
          name: `${d} дүүрэг`,
          gen: `${d} дүүргийн`,
          loc: `${d} дүүрэгт`,
          local: 'дүүргийн',
          localNom: `${d} дүүрэг`,
          office: 'дүүргийн Засаг даргын Тамгын газарт',
          official: 'дүүргийн ажилтан',
          social: 'дүүргийн Хөдөлмөр, халамжийн үйлчилгээний хэлтэст',
          hall: 'дүүргийн соёлын төвийн',
          registration: 'дүүргийн бүртгэлийн хэлтэст',
          soum: d,
        },
        en: {
          name: `${dEn} District, Ulaanbaatar`,
          short: `${dEn} District`,
          office: 'the district office',
          official: 'the district office',
          socialWorker: 'district welfare office',
          socialOffice: 'district welfare office',
          hall: 'district cultural centre',
          registration: 'district registration office',
          soum: dEn,
        },
      };
    }
    const n = numberOf(u.name_mn);
    const gerArea = n >= (GER_FROM[district.code] ?? 99);
    const housing = gerArea ? (rng.chance(0.85) ? 'ger' : 'apartment') : rng.chance(0.9) ? 'apartment' : 'ger';
    return {
      code,
      ub: true,
      rural: false,
      centre: false,
      housing,
      mn: {
        name: `${d} дүүргийн ${n}-р хороо`,
        gen: `${d} дүүргийн ${n}-р хорооны`,
        loc: `${d} дүүргийн ${n}-р хороонд`,
        local: `${n}-р хорооны`,
        localNom: `${n}-р хороо`,
        office: 'хороонд',
        official: 'хорооны ажилтан',
        social: 'хорооны нийгмийн ажилтанд',
        hall: 'хорооны байрны',
        registration: 'дүүргийн бүртгэлийн хэлтэст',
        soum: d,
      },
      en: {
        name: `Khoroo ${n}, ${dEn} District, Ulaanbaatar`,
        short: `Khoroo ${n}`,
        office: 'the khoroo office',
        official: 'the khoroo office',
        socialWorker: 'khoroo social worker',
        socialOffice: 'khoroo office',
        hall: 'khoroo building',
        registration: 'district registration office',
        soum: dEn,
      },
    };
  }
  const soum = unit(code.slice(0, 4));
  const aimag = unit(code.slice(0, 2));
  const s = soum.name_mn;
  const sEn = englishName(soum);
  const a = aimag.name_mn;
  const aEn = englishName(aimag);
  const centre = soum.code.endsWith('01');
  const housing = centre && rng.chance(0.45) ? 'apartment' : 'ger';
  const registration = centre ? 'аймгийн бүртгэлийн хэлтэст' : 'сумын бүртгэлийн ажилтанд';
  const registrationEn = centre ? 'aimag registration office' : 'soum registration officer';
  if (u.level === 2) {
    return {
      code,
      ub: false,
      rural: true,
      centre,
      housing,
      mn: {
        name: `${a} аймгийн ${s} сум`,
        gen: `${a} аймгийн ${s} сумын`,
        loc: `${a} аймгийн ${s} суманд`,
        local: 'сумын',
        localNom: `${s} сум`,
        office: 'сумын Засаг даргын Тамгын газарт',
        official: 'сумын ажилтан',
        social: 'сумын нийгмийн ажилтанд',
        hall: 'сумын соёлын төвийн',
        registration,
        soum: s,
      },
      en: {
        name: `${sEn} soum, ${aEn} aimag`,
        short: `${sEn} soum`,
        office: "the soum governor's office",
        official: "the soum governor's office",
        socialWorker: 'soum social worker',
        socialOffice: "soum governor's office",
        hall: 'soum cultural centre',
        registration: registrationEn,
        soum: sEn,
      },
    };
  }
  const n = numberOf(u.name_mn);
  return {
    code,
    ub: false,
    rural: true,
    centre,
    housing,
    mn: {
      name: `${a} аймгийн ${s} сумын ${n}-р баг`,
      gen: `${a} аймгийн ${s} сумын ${n}-р багийн`,
      loc: `${a} аймгийн ${s} сумын ${n}-р багт`,
      local: `${n}-р багийн`,
      localNom: `${n}-р баг`,
      office: 'багийн Засаг даргад',
      official: 'багийн Засаг дарга',
      social: 'сумын нийгмийн ажилтанд',
      hall: 'багийн төвийн',
      registration,
      soum: s,
    },
    en: {
      name: `Bagh ${n}, ${sEn} soum, ${aEn} aimag`,
      short: `Bagh ${n}`,
      office: 'the bagh governor',
      official: "the bagh governor's office",
      socialWorker: 'soum social worker',
      socialOffice: "soum governor's office",
      hall: 'bagh centre',
      registration: registrationEn,
      soum: sEn,
    },
  };
}
