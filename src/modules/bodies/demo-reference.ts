import type { BodyType } from './schemas.js';

/**
 * The demo reference dataset: real Mongolian public bodies with their official names,
 * the hierarchy they escalate through, the places they serve, the feedback categories
 * they handle and routing rules between them; plus a few real CSOs named in the source
 * reports. Seeded by demo-data.ts so a newcomer sees a lived-in platform.
 */

export interface DemoCategory {
  code: string;
  nameMn: string;
  nameEn: string;
  descriptionMn: string;
  descriptionEn: string;
  /** Extra words people use for it, both languages, for category search. */
  keywords: string;
}

/** Codes are Open311 service_codes. */
export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    code: 'health',
    nameMn: 'Эрүүл мэнд',
    nameEn: 'Health',
    descriptionMn: 'Эмнэлэг, өрхийн эрүүл мэндийн төв, эм, эмчилгээ, эмч нарын үйлчилгээ.',
    descriptionEn: 'Hospitals, family health centres, medicines, treatment and doctors’ service.',
    keywords: 'эмнэлэг эмч эм өрхийн төв түргэн hospital clinic doctor medicine ambulance',
  },
  {
    code: 'education',
    nameMn: 'Боловсрол',
    nameEn: 'Education',
    descriptionMn: 'Цэцэрлэг, сургууль, дотуур байр, багш, сургалтын орчин.',
    descriptionEn: 'Kindergartens, schools, dormitories, teachers and learning conditions.',
    keywords: 'цэцэрлэг сургууль багш дотуур байр kindergarten school teacher dormitory',
  },
  {
    code: 'roads',
    nameMn: 'Зам, гүүр',
    nameEn: 'Roads and bridges',
    descriptionMn: 'Замын эвдрэл, нүх, явган хүний зам, гудамжны гэрэлтүүлэг, гүүр.',
    descriptionEn: 'Damaged roads and potholes, pavements, street lighting and bridges.',
    keywords: 'зам нүх гэрэлтүүлэг явган зам гүүр road pothole street light pavement bridge',
  },
  {
    code: 'waste',
    nameMn: 'Хог хаягдал',
    nameEn: 'Waste',
    descriptionMn: 'Хог ачилт, хогийн цэг, хууль бусаар хаясан хог.',
    descriptionEn: 'Rubbish collection, dumps and illegally dumped waste.',
    keywords: 'хог ачилт хогийн цэг rubbish garbage collection dump',
  },
  {
    code: 'water',
    nameMn: 'Ус, ариутгах татуурга',
    nameEn: 'Water and sewerage',
    descriptionMn: 'Ундны ус, ус түгээх байр, худаг, шугамын гэмтэл, бохир ус.',
    descriptionEn: 'Drinking water, water kiosks, wells, broken pipes and sewage.',
    keywords: 'ус худаг ус түгээх байр бохир ус шугам water kiosk well pipe sewage',
  },
  {
    code: 'social_welfare',
    nameMn: 'Нийгмийн халамж',
    nameEn: 'Social welfare',
    descriptionMn: 'Тэтгэвэр, тэтгэмж, хүнсний эрх, хөгжлийн бэрхшээлтэй иргэн, ахмад настны үйлчилгээ.',
    descriptionEn: 'Pensions, allowances, food stamps, and services for people with disabilities and the elderly.',
    keywords: 'тэтгэвэр тэтгэмж халамж хүнсний талон ахмад хөгжлийн бэрхшээл pension allowance welfare food stamp elderly disability',
  },
  {
    code: 'public_transport',
    nameMn: 'Нийтийн тээвэр',
    nameEn: 'Public transport',
    descriptionMn: 'Автобус, троллейбус, буудал, чиглэл, хуваарь, жолоочийн харьцаа.',
    descriptionEn: 'Buses, trolleybuses, stops, routes, timetables and drivers’ conduct.',
    keywords: 'автобус троллейбус буудал чиглэл унаа bus trolleybus stop route timetable',
  },
  {
    code: 'land',
    nameMn: 'Газар',
    nameEn: 'Land',
    descriptionMn: 'Газар өмчлөх, эзэмших, ашиглах зөвшөөрөл, газрын маргаан, гэр хорооллын нэгж талбар.',
    descriptionEn: 'Owning, possessing and using land, land disputes and plots in ger districts.',
    keywords: 'газар нэгж талбар кадастр маргаан гэр хороолол land plot cadastre dispute ger district',
  },
  {
    code: 'air_pollution',
    nameMn: 'Агаарын бохирдол',
    nameEn: 'Air pollution',
    descriptionMn: 'Утаа, сайжруулсан түлш, зуух, агаарын чанар.',
    descriptionEn: 'Smoke, improved fuel, stoves and air quality.',
    keywords: 'утаа түлш шахмал түлш зуух агаар smoke fuel briquette stove air quality',
  },
  {
    code: 'heating',
    nameMn: 'Дулаан хангамж',
    nameEn: 'Heating',
    descriptionMn: 'Төвийн халаалт, дулааны шугам, халуун ус тасалдах.',
    descriptionEn: 'Central heating, heating pipes and hot-water cuts.',
    keywords: 'дулаан халаалт радиатор халуун ус heating radiator hot water',
  },
  {
    code: 'public_safety',
    nameMn: 'Нийтийн хэв журам, аюулгүй байдал',
    nameEn: 'Public safety',
    descriptionMn: 'Гудамжны аюулгүй байдал, хэв журмын зөрчил, согтуурал, тэнэмэл нохой.',
    descriptionEn: 'Street safety, breaches of public order, drunkenness and stray dogs.',
    keywords: 'аюулгүй байдал цагдаа хэв журам согтуу нохой safety police public order drunk dog',
  },
  {
    code: 'civil_registration',
    nameMn: 'Иргэний бүртгэл',
    nameEn: 'Civil registration',
    descriptionMn: 'Иргэний үнэмлэх, төрсний болон гэрлэлтийн бүртгэл, оршин суугаа хаягийн бүртгэл.',
    descriptionEn: 'Identity cards, birth and marriage registration, and residence registration.',
    keywords: 'иргэний үнэмлэх бүртгэл төрсний гэрчилгээ хаяг identity card registration birth certificate address',
  },
];

export interface DemoBody {
  slug: string;
  type: BodyType;
  nameMn: string;
  nameEn: string;
  /** The unit a local body governs. */
  place?: string;
  superior?: string;
  /** Places served (none: the whole country). */
  serves?: string[];
  categories?: string[];
  website?: string;
}

const ALL = DEMO_CATEGORIES.map((c) => c.code);
const CAPITAL = ALL.filter((c) => c !== 'civil_registration');
const DUUREG = ['roads', 'waste', 'water', 'social_welfare', 'land', 'education', 'health', 'public_safety', 'air_pollution', 'heating', 'civil_registration'];
const KHOROO = ['waste', 'roads', 'social_welfare', 'public_safety', 'civil_registration'];
const AIMAG = ['roads', 'waste', 'water', 'social_welfare', 'land', 'education', 'health', 'public_safety', 'air_pollution', 'heating', 'public_transport'];
const SOUM = ['roads', 'waste', 'water', 'social_welfare', 'land', 'education', 'health', 'public_safety'];

/** Slugs that other modules and the demo seed refer to. */
export const DEMO_SLUGS = {
  parliament: 'state-great-khural',
  cabinetSecretariat: 'cabinet-secretariat',
  hotline: '11-11-centre',
  capital: 'capital-city-governors-office',
  bayanzurkh: 'bayanzurkh-district-governors-office',
  bayanzurkhKhoroo1: 'bayanzurkh-khoroo-1-governors-office',
  dornod: 'dornod-aimag-governors-office',
  arvaikheer: 'ovorkhangai-arvaikheer-soum-governors-office',
  landAgency: 'land-administration-agency',
  transport: 'capital-city-public-transport-department',
  water: 'ulaanbaatar-water-authority',
  health: 'ministry-of-health',
} as const;

const national: DemoBody[] = [
  { slug: DEMO_SLUGS.parliament, type: 'parliament', nameMn: 'Монгол Улсын Их Хурал', nameEn: 'State Great Khural of Mongolia', website: 'https://www.parliament.mn' },
  {
    slug: 'sgk-petitions-committee',
    type: 'standing_committee',
    nameMn: 'Улсын Их Хурлын Өргөдлийн байнгын хороо',
    nameEn: 'Standing Committee on Petitions of the State Great Khural',
    superior: DEMO_SLUGS.parliament,
  },
  {
    slug: 'sgk-social-policy-committee',
    type: 'standing_committee',
    nameMn: 'Улсын Их Хурлын Нийгмийн бодлогын байнгын хороо',
    nameEn: 'Standing Committee on Social Policy of the State Great Khural',
    superior: DEMO_SLUGS.parliament,
  },
  {
    slug: 'sgk-state-structure-committee',
    type: 'standing_committee',
    nameMn: 'Улсын Их Хурлын Төрийн байгуулалтын байнгын хороо',
    nameEn: 'Standing Committee on State Structure of the State Great Khural',
    superior: DEMO_SLUGS.parliament,
  },
  { slug: DEMO_SLUGS.cabinetSecretariat, type: 'agency', nameMn: 'Засгийн газрын Хэрэг эрхлэх газар', nameEn: 'Cabinet Secretariat of the Government of Mongolia' },
  {
    slug: DEMO_SLUGS.hotline,
    type: 'hotline',
    nameMn: 'Засгийн газрын 11-11 төв',
    nameEn: 'Government 11-11 Citizen Feedback Centre',
    superior: DEMO_SLUGS.cabinetSecretariat,
    categories: ALL,
    website: 'https://11-11.mn',
  },
];

const ministries: DemoBody[] = (
  [
    [DEMO_SLUGS.health, 'Эрүүл мэндийн яам', 'Ministry of Health', ['health']],
    ['ministry-of-education', 'Боловсролын яам', 'Ministry of Education', ['education']],
    ['ministry-of-finance', 'Сангийн яам', 'Ministry of Finance', []],
    ['ministry-of-justice-and-home-affairs', 'Хууль зүй, дотоод хэргийн яам', 'Ministry of Justice and Home Affairs', ['public_safety', 'civil_registration']],
    ['ministry-of-road-and-transport-development', 'Зам, тээврийн хөгжлийн яам', 'Ministry of Road and Transport Development', ['roads', 'public_transport']],
    ['ministry-of-environment-and-tourism', 'Байгаль орчин, аялал жуулчлалын яам', 'Ministry of Environment and Tourism', ['air_pollution', 'waste']],
    ['ministry-of-labour-and-social-protection', 'Хөдөлмөр, нийгмийн хамгааллын яам', 'Ministry of Labour and Social Protection', ['social_welfare']],
    ['ministry-of-digital-development-and-communications', 'Цахим хөгжил, харилцаа холбооны яам', 'Ministry of Digital Development and Communications', []],
    ['ministry-of-mining-and-heavy-industry', 'Уул уурхай, хүнд үйлдвэрийн яам', 'Ministry of Mining and Heavy Industry', []],
    ['ministry-of-construction-and-urban-development', 'Барилга, хот байгуулалтын яам', 'Ministry of Construction and Urban Development', ['land', 'water']],
    ['ministry-of-energy', 'Эрчим хүчний яам', 'Ministry of Energy', ['heating']],
    ['ministry-of-food-agriculture-and-light-industry', 'Хүнс, хөдөө аж ахуй, хөнгөн үйлдвэрийн яам', 'Ministry of Food, Agriculture and Light Industry', []],
  ] as const
).map(([slug, nameMn, nameEn, categories]) => ({ slug, type: 'ministry' as const, nameMn, nameEn, superior: DEMO_SLUGS.cabinetSecretariat, categories: [...categories] }));

const agencies: DemoBody[] = [
  {
    slug: DEMO_SLUGS.landAgency,
    type: 'agency',
    nameMn: 'Газар зохион байгуулалт, геодези, зураг зүйн газар',
    nameEn: 'General Agency for Land Administration and Management, Geodesy and Cartography',
    superior: 'ministry-of-construction-and-urban-development',
    categories: ['land'],
  },
  {
    slug: 'mineral-resources-and-petroleum-authority',
    type: 'agency',
    nameMn: 'Ашигт малтмал, газрын тосны газар',
    nameEn: 'Mineral Resources and Petroleum Authority of Mongolia',
    superior: 'ministry-of-mining-and-heavy-industry',
  },
  {
    slug: 'general-authority-for-state-registration',
    type: 'agency',
    nameMn: 'Улсын бүртгэлийн ерөнхий газар',
    nameEn: 'General Authority for State Registration',
    superior: 'ministry-of-justice-and-home-affairs',
    categories: ['civil_registration'],
  },
  {
    slug: 'general-police-department',
    type: 'agency',
    nameMn: 'Цагдаагийн ерөнхий газар',
    nameEn: 'General Police Department',
    superior: 'ministry-of-justice-and-home-affairs',
    categories: ['public_safety'],
  },
  {
    slug: 'general-office-for-labour-and-welfare-services',
    type: 'agency',
    nameMn: 'Хөдөлмөр, халамжийн үйлчилгээний ерөнхий газар',
    nameEn: 'General Office for Labour and Welfare Services',
    superior: 'ministry-of-labour-and-social-protection',
    categories: ['social_welfare'],
  },
  {
    slug: 'national-emergency-management-agency',
    type: 'agency',
    nameMn: 'Онцгой байдлын ерөнхий газар',
    nameEn: 'National Emergency Management Agency',
    superior: DEMO_SLUGS.cabinetSecretariat,
  },
];

const capital: DemoBody[] = [
  {
    slug: DEMO_SLUGS.capital,
    type: 'governor_office',
    nameMn: 'Нийслэлийн Засаг даргын Тамгын газар',
    nameEn: 'Capital City Governor’s Office',
    place: '11',
    serves: ['11'],
    superior: DEMO_SLUGS.cabinetSecretariat,
    categories: CAPITAL,
  },
  { slug: 'capital-city-khural', type: 'khural', nameMn: 'Нийслэлийн Иргэдийн Төлөөлөгчдийн Хурал', nameEn: 'Capital City Citizens’ Representative Khural', place: '11', serves: ['11'] },
  {
    slug: DEMO_SLUGS.transport,
    type: 'agency',
    nameMn: 'Нийслэлийн Нийтийн тээврийн газар',
    nameEn: 'Capital City Public Transport Department',
    place: '11',
    serves: ['11'],
    superior: DEMO_SLUGS.capital,
    categories: ['public_transport'],
  },
  {
    slug: DEMO_SLUGS.water,
    type: 'agency',
    nameMn: 'Ус сувгийн удирдах газар',
    nameEn: 'Water Supply and Sewerage Authority of Ulaanbaatar (USUG)',
    place: '11',
    serves: ['11'],
    superior: DEMO_SLUGS.capital,
    categories: ['water'],
  },
];

/** Ulaanbaatar's districts with demo offices: code, Mongolian and English name, slug stem. */
const DISTRICTS = [
  ['1107', 'Баянгол', 'Bayangol', 'bayangol'],
  ['1110', 'Баянзүрх', 'Bayanzürkh', 'bayanzurkh'],
  ['1116', 'Сонгинохайрхан', 'Songinokhairkhan', 'songinokhairkhan'],
  ['1119', 'Сүхбаатар', 'Sükhbaatar', 'sukhbaatar'],
  ['1122', 'Хан-Уул', 'Khan-Uul', 'khan-uul'],
  ['1125', 'Чингэлтэй', 'Chingeltei', 'chingeltei'],
] as const;

const districts: DemoBody[] = DISTRICTS.map(([code, mn, en, stem]) => ({
  slug: `${stem}-district-governors-office`,
  type: 'governor_office',
  nameMn: `${mn} дүүргийн Засаг даргын Тамгын газар`,
  nameEn: `${en} District Governor’s Office`,
  place: code,
  serves: [code],
  superior: DEMO_SLUGS.capital,
  categories: DUUREG,
}));

const districtKhurals: DemoBody[] = DISTRICTS.filter(([code]) => code === '1110' || code === '1116').map(([code, mn, en, stem]) => ({
  slug: `${stem}-district-khural`,
  type: 'khural',
  nameMn: `${mn} дүүргийн Иргэдийн Төлөөлөгчдийн Хурал`,
  nameEn: `${en} District Citizens’ Representative Khural`,
  place: code,
  serves: [code],
  superior: 'capital-city-khural',
}));

/** Khoroos with demo offices: khoroo code and number (codes are not in number order). */
const KHOROOS = [
  ['111051', 1],
  ['111053', 2],
  ['111651', 1],
  ['111951', 1],
  ['112551', 1],
] as const;

const khoroos: DemoBody[] = KHOROOS.map(([code, n]) => {
  const [, mn, en, stem] = DISTRICTS.find(([d]) => code.startsWith(d))!;
  return {
    slug: `${stem}-khoroo-${n}-governors-office`,
    type: 'governor_office',
    nameMn: `${mn} дүүргийн ${n}-р хорооны Засаг даргын Тамгын газар`,
    nameEn: `${en} District Khoroo ${n} Governor’s Office`,
    place: code,
    serves: [code],
    superior: `${stem}-district-governors-office`,
    categories: KHOROO,
  };
});

const AIMAGS = [
  ['21', 'Дорнод', 'Dornod', 'dornod'],
  ['22', 'Сүхбаатар', 'Sükhbaatar', 'sukhbaatar'],
  ['41', 'Төв', 'Töv', 'tov'],
  ['43', 'Сэлэнгэ', 'Selenge', 'selenge'],
  ['45', 'Дархан-Уул', 'Darkhan-Uul', 'darkhan-uul'],
  ['46', 'Өмнөговь', 'Ömnögovi', 'omnogovi'],
  ['62', 'Өвөрхангай', 'Övörkhangai', 'ovorkhangai'],
  ['84', 'Ховд', 'Khovd', 'khovd'],
] as const;

const aimags: DemoBody[] = AIMAGS.map(([code, mn, en, stem]) => ({
  slug: `${stem}-aimag-governors-office`,
  type: 'governor_office',
  nameMn: `${mn} аймгийн Засаг даргын Тамгын газар`,
  nameEn: `${en} Aimag Governor’s Office`,
  place: code,
  serves: [code],
  superior: DEMO_SLUGS.cabinetSecretariat,
  categories: AIMAG,
}));

const AIMAG_KHURALS = ['21', '22', '62'];
const aimagKhurals: DemoBody[] = AIMAGS.filter(([code]) => AIMAG_KHURALS.includes(code)).map(([code, mn, en, stem]) => ({
  slug: `${stem}-aimag-khural`,
  type: 'khural',
  nameMn: `${mn} аймгийн Иргэдийн Төлөөлөгчдийн Хурал`,
  nameEn: `${en} Aimag Citizens’ Representative Khural`,
  place: code,
  serves: [code],
}));

/** Soums with demo offices; Arvaikheer, Bayandun and Dariganga held the workshops in the seed reports. */
const SOUMS = [
  ['2101', 'Хэрлэн', 'Kherlen', 'kherlen'],
  ['2104', 'Баяндун', 'Bayandun', 'bayandun'],
  ['2201', 'Баруун-Урт', 'Baruun-Urt', 'baruun-urt'],
  ['2210', 'Дарьганга', 'Dariganga', 'dariganga'],
  ['4101', 'Зуунмод', 'Zuunmod', 'zuunmod'],
  ['4301', 'Сүхбаатар', 'Sükhbaatar', 'sukhbaatar'],
  ['4501', 'Дархан', 'Darkhan', 'darkhan'],
  ['4601', 'Даланзадгад', 'Dalanzadgad', 'dalanzadgad'],
  ['4631', 'Ханбогд', 'Khanbogd', 'khanbogd'],
  ['6201', 'Арвайхээр', 'Arvaikheer', 'arvaikheer'],
  ['8401', 'Жаргалант', 'Jargalant', 'jargalant'],
] as const;

function aimagOf(soumCode: string) {
  return AIMAGS.find(([code]) => soumCode.startsWith(code))!;
}

const soums: DemoBody[] = SOUMS.map(([code, mn, en, stem]) => {
  const [, aimagMn, aimagEn, aimagStem] = aimagOf(code);
  return {
    slug: `${aimagStem}-${stem}-soum-governors-office`,
    type: 'governor_office',
    nameMn: `${aimagMn} аймгийн ${mn} сумын Засаг даргын Тамгын газар`,
    nameEn: `${en} Soum Governor’s Office, ${aimagEn} Aimag`,
    place: code,
    serves: [code],
    superior: `${aimagStem}-aimag-governors-office`,
    categories: SOUM,
  };
});

const soumKhurals: DemoBody[] = SOUMS.filter(([code]) => ['2104', '2210', '6201'].includes(code)).map(([code, mn, en, stem]) => {
  const [, aimagMn, aimagEn, aimagStem] = aimagOf(code);
  return {
    slug: `${aimagStem}-${stem}-soum-khural`,
    type: 'khural',
    nameMn: `${aimagMn} аймгийн ${mn} сумын Иргэдийн Төлөөлөгчдийн Хурал`,
    nameEn: `${en} Soum Citizens’ Representative Khural, ${aimagEn} Aimag`,
    place: code,
    serves: [code],
    superior: `${aimagStem}-aimag-khural`,
  };
});

/** Every demo body, superiors before the bodies that report to them. */
export const DEMO_BODIES: DemoBody[] = [
  ...national,
  ...ministries,
  ...agencies,
  ...capital,
  ...districts,
  ...districtKhurals,
  ...khoroos,
  ...aimags,
  ...aimagKhurals,
  ...soums,
  ...soumKhurals,
];

export interface DemoRoutingRule {
  /** null: any category. */
  category: string | null;
  /** null: the whole country. */
  place: string | null;
  body: string;
}

/**
 * Routing: the most specific place with a rule decides, a category rule beating an
 * any-category rule there. Each governor's office takes everything from its place;
 * the capital's city-run services (buses, water) go to the city's own agencies even
 * inside districts and khoroos with offices; land and civil registration go to their
 * national agencies where no local office exists; the 11-11 centre takes the rest.
 */
export const DEMO_ROUTING_RULES: DemoRoutingRule[] = [
  { category: null, place: null, body: DEMO_SLUGS.hotline },
  { category: 'land', place: null, body: DEMO_SLUGS.landAgency },
  { category: 'civil_registration', place: null, body: 'general-authority-for-state-registration' },
  ...DEMO_BODIES.filter((b) => b.type === 'governor_office' && b.place).map((b) => ({ category: null, place: b.place!, body: b.slug })),
  ...DEMO_BODIES.filter((b) => b.type === 'governor_office' && b.place?.startsWith('11')).flatMap((b) => [
    { category: 'public_transport', place: b.place!, body: DEMO_SLUGS.transport },
    { category: 'water', place: b.place!, body: DEMO_SLUGS.water },
  ]),
];

export interface DemoCso {
  slug: string;
  nameMn: string;
  nameEn: string;
}

/** Civil-society organisations named in the source reports. */
export const DEMO_CSOS: DemoCso[] = [
  { slug: 'open-society-forum', nameMn: 'Нээлттэй нийгэм форум', nameEn: 'Open Society Forum' },
  { slug: 'democracy-education-center', nameMn: 'Ардчиллын боловсролын төв', nameEn: 'Democracy Education Center (DEMO)' },
  { slug: 'media-council-of-mongolia', nameMn: 'Монголын Хэвлэл мэдээллийн зөвлөл', nameEn: 'Media Council of Mongolia' },
  { slug: 'centre-for-human-rights-and-development', nameMn: 'Хүний эрх, хөгжлийн төв', nameEn: 'Centre for Human Rights and Development' },
  { slug: 'human-rights-ngo-forum', nameMn: 'Хүний эрхийн төрийн бус байгууллагуудын форум', nameEn: 'Human Rights NGO Forum' },
  { slug: 'people-in-need-mongolia', nameMn: 'Пипл Ин Нийд Монгол', nameEn: 'People in Need Mongolia' },
];
