import { seededRandom, weighted } from '../stats.js';
import { CATEGORY_WEIGHTS, feedbackPlaces, KIND_WEIGHTS, TEXTS } from './world.js';

/**
 * Form bodies for POST /open311/v2/requests.json as varied as real clients send them:
 * every category, places all over the country (so routing picks many different bodies),
 * Mongolian descriptions with details, some in English, coordinates on a fifth, contact
 * details on about a quarter (an email on one in ten, which queues a confirmation email),
 * half asking to be published. Built once before the load so generating them costs the
 * load generator nothing; the same seed gives the same bodies.
 */

const STREETS = ['Энхтайвны өргөн чөлөө', 'Чингисийн өргөн чөлөө', 'Их тойруу', 'Бага тойруу', 'Сөүлийн гудамж', 'Токиогийн гудамж', 'Зүүн 4 зам', 'Нарны зам'];
const NAMES = [
  ['Болормаа', 'Батбаяр'],
  ['Ганбаатар', 'Должин'],
  ['Оюунчимэг', 'Наранбаатар'],
  ['Тэмүүлэн', 'Энхжаргал'],
  ['Сарангэрэл', 'Мөнх-Эрдэнэ'],
];
const DETAILS = [
  'Олон удаа хэлсэн ч арга хэмжээ аваагүй.',
  'Хариуцсан хүн нь утсаа авдаггүй.',
  'Өвлийн хүйтэнд бүр хүнд байна.',
  'Хөршүүд маань ч мөн адил гомдолтой байгаа.',
  'Шуурхай шийдвэрлэж өгнө үү.',
  '',
];

export interface Open311Payloads {
  bodies: Buffer[];
  /** How many of the bodies carry each category and how many distinct places appear. */
  categories: Record<string, number>;
  places: number;
}

export function open311Payloads(apiKey: string, count = 4096, seed = 311): Open311Payloads {
  const random = seededRandom(seed);
  const places = feedbackPlaces();
  const placeChoices = places.map((p) => [p.place.code, p.weight] as const);
  const categoryChoices = Object.entries(CATEGORY_WEIGHTS);
  const categories: Record<string, number> = {};
  const usedPlaces = new Set<string>();
  const bodies: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const category = weighted(categoryChoices, random());
    const placeCode = weighted(placeChoices, random());
    const texts = TEXTS[category]!;
    const text = texts[Math.floor(random() * texts.length)]!;
    categories[category] = (categories[category] ?? 0) + 1;
    usedPlaces.add(placeCode);
    const params = new URLSearchParams();
    params.set('api_key', apiKey);
    params.set('service_code', category);
    params.set('place_code', placeCode);
    const detail = text.language === 'mn' ? DETAILS[Math.floor(random() * DETAILS.length)]! : '';
    params.set('description', `${text.description} ${detail}`.trim() + (random() < 0.3 ? ` (${1 + Math.floor(random() * 40)}-р байр)` : ''));
    params.set('kind', weighted(KIND_WEIGHTS, random()));
    if (text.language === 'en') params.set('locale', 'en');
    if (random() < 0.5) params.set('public', 'true');
    if (random() < 0.2) {
      params.set('lat', (47.85 + random() * 0.15).toFixed(5));
      params.set('long', (106.75 + random() * 0.35).toFixed(5));
    }
    if (random() < 0.15) params.set('address_string', `${STREETS[Math.floor(random() * STREETS.length)]!}, ${1 + Math.floor(random() * 90)}-р байр`);
    const contact = random();
    if (contact < 0.1) params.set('email', `citizen${i}@example.mn`);
    else if (contact < 0.2) params.set('phone', `99${String(100000 + Math.floor(random() * 899999))}`);
    if (contact < 0.25) {
      const [first, last] = NAMES[Math.floor(random() * NAMES.length)]!;
      params.set('first_name', first!);
      params.set('last_name', last!);
    }
    bodies.push(Buffer.from(params.toString()));
  }
  return { bodies, categories, places: usedPlaces.size };
}
