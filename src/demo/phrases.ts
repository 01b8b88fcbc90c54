import type { Random } from './random.js';

/**
 * What people and officials write around an item, besides the item and its answer:
 * reasons for extensions, forwards, reopening and escalation, internal notes,
 * moderators' reasons, and the personal details people put in their complaints (which
 * moderators take out before publication). All contact details are obviously invented:
 * phone numbers 8800 xxxx, addresses at example.mn.
 */

export type Lang = 'mn' | 'en';

export const EXTENSION_REASONS: Record<Lang, readonly string[]> = {
  mn: [
    'Асуудлыг шийдвэрлэхэд холбогдох байгууллагуудаас албан ёсны тодорхойлолт авах шаардлагатай тул шийдвэрлэх хугацааг сунгав.',
    'Газар дээр нь очиж шалгах ажлыг цаг агаарын нөхцөлөөс шалтгаалан хойшлуулсан тул хугацааг сунгав.',
    'Засварын ажлын зардлыг батлуулах шийдвэр гарахыг хүлээж байгаа тул хугацааг сунгав.',
    'Гүйцэтгэгч байгууллагатай гэрээ байгуулах шат дамжлага үргэлжилж байгаа тул хугацааг сунгав.',
    'Өргөдөлд дурдсан асуудлаар хэд хэдэн байгууллагын хамтарсан шалгалт хийх шаардлагатай болсон тул хугацааг сунгав.',
    'Лабораторийн шинжилгээний хариу гарахад нэмэлт хугацаа шаардлагатай тул хугацааг сунгав.',
  ],
  en: [
    'We need official statements from other agencies to resolve this, so we have extended the deadline.',
    'The site inspection had to be postponed because of the weather, so we have extended the deadline.',
    'We are waiting for approval of the repair costs, so we have extended the deadline.',
    'The contract with the company that will do the work is still being concluded, so we have extended the deadline.',
    'This needs a joint inspection by several agencies, so we have extended the deadline.',
    'Laboratory results will take longer than expected, so we have extended the deadline.',
  ],
};

/** Mongolian dative of a body's name: "…газар" → "…газарт", "…яам" → "…яаманд". */
export function dativeMn(name: string): string {
  if (/газар$/.test(name)) return `${name}т`;
  if (/яам$/.test(name)) return `${name}анд`;
  if (/төв$/.test(name)) return `${name}д`;
  if (/хороо$/.test(name)) return `${name}нд`;
  if (/Хурал$/.test(name)) return `${name}д`;
  return `${name}-д`;
}

export function forwardReason(rng: Random, lang: Lang, to: { mn: string; en: string }, fromHotline: boolean): string {
  if (lang === 'en') {
    return fromHotline
      ? `The 11-11 centre has forwarded your submission to ${to.en}, which is responsible for this matter and will answer within the legal time limit.`
      : rng.pick([
          `This matter is outside our remit, so we have forwarded it to ${to.en}, which is responsible for it.`,
          `Under the division of responsibilities this is handled by ${to.en}; we have forwarded your submission to them.`,
        ]);
  }
  const dative = dativeMn(to.mn);
  return fromHotline
    ? `11-11 төвд ирсэн таны өргөдлийг шийдвэрлүүлэхээр эрх бүхий байгууллага болох ${dative} шилжүүлэв. Хариуг тус байгууллага хуулийн хугацаанд өгнө.`
    : rng.pick([
        `Таны өргөдөлд дурдсан асуудал манай байгууллагын эрх хэмжээнд хамаарахгүй тул харьяаллын дагуу ${dative} шилжүүлэв.`,
        `Энэ асуудлыг чиг үүргийн дагуу ${to.mn} хариуцдаг тул шийдвэрлүүлэхээр тус байгууллагад шилжүүлэв.`,
      ]);
}

export const REOPEN_REASONS: Record<Lang, readonly string[]> = {
  mn: [
    'Хариуд ажил хийгдсэн гэж бичсэн ч бодит байдал дээр юу ч өөрчлөгдөөгүй байна. Дахин шалгаж өгнө үү.',
    'Өгсөн хариу миний тавьсан асуудалд хариулаагүй, ерөнхий тайлбар өгсөн байна.',
    'Ажлыг эхлүүлсэн ч дуусгалгүй орхисон байна. Бүрэн шийдвэрлэж өгнө үү.',
    'Хэд хоногийн дараа асуудал дахин давтагдлаа. Түр зуурын биш, бүрэн шийдэл хэрэгтэй байна.',
  ],
  en: [
    'The answer says the work was done, but nothing has actually changed. Please check again.',
    'The answer does not address what I asked; it only gives a general explanation.',
    'The work was started but left unfinished. Please complete it.',
    'A few days later the problem came back. We need a lasting fix, not a temporary one.',
  ],
};

export const ESCALATION_REASONS: Record<Lang, { answered: readonly string[]; overdue: readonly string[] }> = {
  mn: {
    answered: [
      'Байгууллагын өгсөн хариу асуудлыг шийдээгүй тул дээд шатны байгууллагад хандаж байна.',
      'Хариуд дурдсан шалтгаан үндэслэлгүй гэж үзэж байна. Дээд шатны байгууллага хяналт тавьж өгөхийг хүсье.',
      'Хоёр дахь удаагаа ижил хариу авлаа. Дээд шатны байгууллага шийдвэрлэж өгнө үү.',
    ],
    overdue: [
      'Хуулийн хугацаа хэтэрсэн ч хариу ирээгүй тул дээд шатны байгууллагад хандаж байна.',
      '30 хоног өнгөрсөн ч ямар ч хариу өгөөгүй, утсаар ч холбогдохгүй байна.',
      'Хариу өгөх хугацаа дууссан. Асуудал хэвээрээ байгаа тул дээд шатны байгууллага анхаарч өгнө үү.',
    ],
  },
  en: {
    answered: [
      'The answer does not solve the problem, so I am taking this to the superior body.',
      'I do not accept the reason given in the answer and ask the superior body to review it.',
      'This is the second time I have received the same answer. Please could the superior body decide.',
    ],
    overdue: [
      'The legal deadline has passed with no answer, so I am taking this to the superior body.',
      'More than 30 days have passed without any answer, and nobody answers the phone.',
      'The time for an answer is over and the problem is still there. Please could the superior body step in.',
    ],
  },
};

/** Notes staff leave for each other; never public. */
export const INTERNAL_NOTES: readonly string[] = [
  'Газар дээр нь очиж шалгахаар төлөвлөв. Холбогдох мэргэжилтэнтэй ярилцсан.',
  'Өргөдөл гаргагчтай утсаар холбогдож нэмэлт мэдээлэл авсан.',
  'Төсвийн асуудлаар санхүүгийн албатай зөвшилцөх шаардлагатай.',
  'Гүйцэтгэгч компанид албан бичиг хүргүүлсэн, хариу хүлээж байна.',
  'Өмнө нь ижил асуудлаар гомдол ирж байсан. Өмнөх хариуг хавсаргав.',
];

export const WITHHOLD_REASONS: readonly string[] = [
  'Тайлбарт гуравдагч этгээдийн нэр, гэрийн хаягийг дурдаж буруутгасан бөгөөд эдгээрийг хасахад агуулга нь утгаа алдах тул нийтлэхгүй.',
  'Тодорхой хүнийг нэр, хаягаар нь дурдсан тул хувь хүний нууцыг хамгаалах үүднээс нийтлэхгүй.',
];

const GIVEN = ['Батбаяр', 'Оюунчимэг', 'Ганбат', 'Сарантуяа', 'Мөнх-Эрдэнэ', 'Алтанцэцэг', 'Төрбат', 'Нармандах', 'Цэцэгмаа', 'Бат-Очир', 'Ариунаа', 'Эрдэнэбилэг', 'Долгорсүрэн', 'Ганхуяг', 'Уранчимэг', 'Баярмаа'];
const GIVEN_EN = ['Batbayar', 'Oyunchimeg', 'Ganbat', 'Sarantuya', 'Munkh-Erdene', 'Altantsetseg', 'Turbat', 'Narmandakh', 'Tsetsegmaa', 'Bat-Ochir', 'Ariunaa', 'Erdenebileg', 'Dolgorsuren', 'Gankhuyag', 'Uranchimeg', 'Bayarmaa'];
const INITIAL = ['Б', 'Д', 'Ц', 'Г', 'Н', 'О', 'Э', 'Ж', 'С', 'Л'];
const INITIAL_EN = ['B', 'D', 'Ts', 'G', 'N', 'O', 'E', 'J', 'S', 'L'];

export interface FakePerson {
  /** Д.Батбаяр */
  mn: string;
  /** D. Batbayar */
  en: string;
  /** 8800 4512: a range no real subscriber has. */
  phone: string;
  email: string;
}

export function fakePerson(rng: Random): FakePerson {
  const g = rng.int(0, GIVEN.length - 1);
  const i = rng.int(0, INITIAL.length - 1);
  const digits = String(rng.int(1000, 9999));
  const latin = GIVEN_EN[g]!.toLowerCase().replace(/[^a-z]/g, '');
  return {
    mn: `${INITIAL[i]}.${GIVEN[g]}`,
    en: `${INITIAL_EN[i]}. ${GIVEN_EN[g]}`,
    phone: `8800 ${digits}`,
    email: `${latin}.${digits}@example.mn`,
  };
}

/** A sentence with the submitter's own details, which the moderator removes before publication. */
export function personalSentence(rng: Random, lang: Lang, person: FakePerson): string {
  const street = rng.int(1, 30);
  const house = rng.int(1, 120);
  if (lang === 'en') {
    return rng.pick([
      `My phone number is ${person.phone} if you need more details.`,
      `My name is ${person.en}; I live at No. ${house}, Street ${street}.`,
      `Contact: ${person.en}, ${person.phone}.`,
    ]);
  }
  return rng.pick([
    `Миний утас ${person.phone}, нэмэлт мэдээлэл хэрэгтэй бол залгаарай.`,
    `Намайг ${person.mn} гэдэг, ${street}-р гудамжны ${house} тоотод амьдардаг.`,
    `Холбоо барих: ${person.mn}, утас ${person.phone}.`,
  ]);
}

/** A sentence naming somebody else: the reason a moderator withholds an item. */
export function accusingSentence(rng: Random, lang: Lang, other: FakePerson): string {
  const street = rng.int(1, 30);
  const house = rng.int(1, 120);
  return lang === 'en'
    ? `It is ${other.en} at No. ${house}, Street ${street} who does this; everyone here knows it.`
    : `Үүнийг ${street}-р гудамжны ${house} тоотод амьдардаг ${other.mn} гэдэг хүн хийдэг, энд бүгд мэднэ.`;
}

export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAYS: Record<Lang, readonly string[]> = {
  mn: ['Даваа', 'Мягмар', 'Лхагва', 'Пүрэв', 'Баасан'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
};
