import type { Kind } from '../modules/feedback/model.js';
import { MONTHS_EN, WEEKDAYS } from './phrases.js';
import type { DemoPlace } from './places.js';
import type { Random } from './random.js';

/**
 * What people in Mongolia write to their governors' offices about, one scenario per
 * recurring problem (the seed reports and the 11-11 centre's categories): mud in ger
 * districts, rubbish, water kiosks, cold flats, smoke, buses, clinics, kindergartens,
 * allowances, land. Each scenario writes the item and the answers an office would give,
 * in Mongolian and English, with the same details in both, so an answer always fits
 * its complaint.
 */

export interface Written {
  title: string;
  description: string;
  /** Answers that resolve it. */
  resolved: string[];
  /** Answers that turn it down, with the reason; empty when an office would always act. */
  rejected: string[];
}

export interface TextContext {
  p: DemoPlace;
  rng: Random;
  /** Year and month (1-12) in Ulaanbaatar when the item was sent. */
  year: number;
  month: number;
}

export interface Scenario {
  id: string;
  category: string;
  kinds: readonly Kind[];
  fits(p: DemoPlace): boolean;
  /** Months (1-12) in which people write about it; all year when absent. */
  months?: readonly number[];
  weight?: number;
  /** It says who is to blame; the kind of item a moderator may have to withhold. */
  accusatory?: boolean;
  write(c: TextContext): { mn: Written; en: Written };
}

const any = () => true;
const ub = (p: DemoPlace) => p.ub;
const rural = (p: DemoPlace) => p.rural;
const ger = (p: DemoPlace) => p.housing === 'ger';
const flats = (p: DemoPlace) => p.housing === 'apartment';
const gerUb = (p: DemoPlace) => p.ub && p.housing === 'ger';
const town = (p: DemoPlace) => p.ub || p.centre;
const remoteSoum = (p: DemoPlace) => p.rural && !p.centre;

/** A street number: ger districts have dozens of numbered streets, a soum centre a handful. */
function streetNo(p: DemoPlace, rng: Random): number {
  return rng.int(1, p.ub ? 40 : p.centre ? 18 : 7);
}

/** Where the services of a place are: its khoroo in the capital, its soum in the countryside. */
const around = (p: DemoPlace) => (p.ub ? p.mn.gen : `${p.mn.soum} сумын`);
const aroundEn = (p: DemoPlace) => (p.ub ? p.en.name : `${p.en.soum} soum`);

const COLD = [10, 11, 12, 1, 2, 3];
const DEEP_WINTER = [11, 12, 1, 2];
const THAW = [3, 4, 5, 6, 7, 8, 9];
const SCHOOL_YEAR = [8, 9, 10, 11, 12, 1, 2, 3, 4, 5];

function later(c: TextContext, months: number): { mn: number; en: string } {
  const m = ((c.month - 1 + months) % 12) + 1;
  return { mn: m, en: MONTHS_EN[m - 1]! };
}

function money(n: number): string {
  return n.toLocaleString('en-US');
}

/** A school near the place: genitive with and without the place, nominative, English. */
function school(c: TextContext) {
  if (c.p.ub || c.p.centre) {
    const n = c.p.ub ? c.rng.int(1, 120) : c.rng.int(1, 6);
    return { gen: `${c.p.mn.gen} ${n}-р сургуулийн`, short: `${n}-р сургуулийн`, nom: `${n}-р сургууль`, en: `School No. ${n}`, n };
  }
  return { gen: `${c.p.mn.soum} сумын ерөнхий боловсролын сургуулийн`, short: `${c.p.mn.soum} сумын сургуулийн`, nom: `${c.p.mn.soum} сумын сургууль`, en: `the ${c.p.en.soum} soum school`, n: 1 };
}

const ROUTES: readonly (readonly [string, string])[] = [
  ['Т:2', 'T2'],
  ['Ч:32', 'Ch32'],
  ['М:20', 'M20'],
  ['Э:9', 'E9'],
  ['Ж:5', 'J5'],
  ['Х:11', 'Kh11'],
  ['Ч:45', 'Ch45'],
  ['Э:28', 'E28'],
];

export const SCENARIOS: readonly Scenario[] = [
  // ── Roads and bridges ───────────────────────────────────────────────────────────
  {
    id: 'roads.street_lights',
    category: 'roads',
    kinds: ['complaint', 'request'],
    fits: any,
    weight: 1.4,
    write({ p, rng }) {
      const street = streetNo(p, rng);
      const building = rng.int(3, 60);
      const months = rng.int(2, 5);
      const lamps = rng.int(3, 9);
      const gerStreet = p.housing === 'ger';
      const where = gerStreet ? `${street}-р гудамжны` : `${building}-р байрны орчмын`;
      const whereEn = gerStreet ? `Street ${street}` : `the street around building ${building}`;
      return {
        mn: {
          title: gerStreet ? `${p.mn.local} ${street}-р гудамжны гэрэлтүүлэг ${months} сар ажиллахгүй байна` : `${building}-р байрны орчмын гудамжны гэрэл асахгүй байна`,
          description: gerStreet
            ? `Манай ${p.mn.gen} ${street}-р гудамжны гэрэлтүүлэг ${months} сар гаруй ажиллахгүй байна. Орой 7 цагаас хойш гудамж бүрэн харанхуй болдог тул хүүхдүүд сургуулиас ирэхэд, ахмад настан гадагш гарахад аюултай байна. Энэ талаар ${p.mn.office} хэд хэдэн удаа амаар хэлсэн ч одоог хүртэл засаагүй. Гэрэлтүүлгийг яаралтай засварлаж өгнө үү.`
            : `${p.mn.gen} ${building}-р байрны урд болон хажуугийн гудамжны гэрэлтүүлэг ${months} сар гаруй асахгүй байна. Орой ажлаас ирэхэд харанхуйд явах аймаар, саяхан хөрш айлын хүүхэд харанхуйд бүдэрч унаад гараа гэмтээсэн. Энэ талаар ${p.mn.office} хэлсэн ч засаагүй. Гэрэлтүүлгийг засварлаж өгнө үү.`,
          resolved: [
            `Таны мэдээллийн дагуу ${where} гэрэлтүүлгийн шугамд үзлэг хийж, гэмтсэн ${lamps} гэрэлтүүлэгчийг шинээр сольж, цахилгааны холболтыг засварлалаа. Одоо гэрэлтүүлэг хэвийн ажиллаж байна.`,
            `Шалгахад ${where} гэрэлтүүлгийн хяналтын самбарын автомат таслуур гэмтсэн байсныг сольж, гэрэлтүүлгийг дахин асаалаа. Гэрэлтүүлэг орой 19:00 цагаас өглөө 07:00 цаг хүртэл ажиллахаар тохируулсан.`,
          ],
          rejected: [
            `Шалгахад ${where} гэрэлтүүлэг нь нийтийн гэрэлтүүлгийн сүлжээнд бүртгэлгүй, тухайн хэсгийг барьсан барилгын компанийн эзэмшлийн шугам болох нь тогтоогдсон. Иймд засварыг эзэмшигч компани хариуцах бөгөөд бид тус компанид засвар хийх шаардлага хүргүүллээ.`,
          ],
        },
        en: {
          title: gerStreet ? `Street lights on Street ${street} out for ${months} months` : `Street lights around building ${building} not working`,
          description: gerStreet
            ? `The street lights on Street ${street} in ${p.en.name} have not worked for more than ${months} months. After 7 pm the street is completely dark, which is dangerous for children coming home from school and for older people. We have told ${p.en.office} several times, but nothing has been repaired. Please fix the lights.`
            : `The street lights in front of and beside building ${building} in ${p.en.name} have been off for more than ${months} months. Walking home from work in the dark is frightening, and recently a neighbour's child tripped in the dark and hurt his arm. We told ${p.en.office}, but nothing was done. Please repair the lights.`,
          resolved: [
            `Following your report we inspected the lighting line on ${whereEn}, replaced ${lamps} broken lamps and repaired the wiring. The lights are working again.`,
            `The automatic breaker in the lighting control box for ${whereEn} had failed; we replaced it and the lights are back on. They are set to work from 19:00 to 07:00.`,
          ],
          rejected: [
            `Our inspection found that the lights on ${whereEn} are not part of the public lighting network: they belong to the construction company that built the area, so the repair is theirs to make. We have served the company with a demand to fix them.`,
          ],
        },
      };
    },
  },
  {
    id: 'roads.pothole',
    category: 'roads',
    kinds: ['complaint'],
    fits: (p) => town(p) && flats(p),
    write({ p, rng, year }) {
      const building = rng.int(3, 80);
      const months = rng.int(2, 5);
      const area = rng.int(6, 40);
      const days = rng.int(3, 10);
      return {
        mn: {
          title: `${building}-р байрны урд талын замын нүхийг засна уу`,
          description: `${p.mn.gen} ${building}-р байрны урд талын авто замд том нүх гарснаас хойш ${months} сар болж байна. Бороо орсны дараа ус тогтож, машинууд нүхийг тойрох гэж явган хүний зам руу гардаг. Өнгөрсөн долоо хоногт нэг машины дугуй хагарсан. Замыг нөхөж засварлана уу.`,
          resolved: [
            `Таны гомдлын дагуу ${building}-р байрны урд талын замын эвдэрсэн хэсгийг (${area} м²) асфальтбетоноор нөхөж засварлалаа. Ажлын гүйцэтгэлийг манай мэргэжилтэн газар дээр нь хүлээн авсан.`,
            `Замын засвар, арчлалтын байгууллагад үүрэг өгч, ${building}-р байрны урд талын нүхийг ${days} хоногийн дотор нөхүүллээ. Энэ хэсгийн замыг бүрэн шинэчлэх ажлыг ${year + 1} оны төсөвт тусгахаар санал хүргүүлсэн.`,
          ],
          rejected: [
            `Шалгахад уг зам нь ${building}-р байрны Сууц өмчлөгчдийн холбооны эзэмшлийн дотор зам болох нь тогтоогдсон тул засварыг тус холбоо хариуцна. Та Сууц өмчлөгчдийн холбоондоо хандана уу.`,
          ],
        },
        en: {
          title: `Pothole in front of building ${building}`,
          description: `A large pothole opened in the road in front of building ${building} in ${p.en.name} ${months} months ago. After rain it fills with water, and cars drive onto the pavement to get round it. Last week a car burst a tyre in it. Please patch the road.`,
          resolved: [
            `Following your complaint, the damaged section of road in front of building ${building} (${area} m²) has been patched with asphalt. Our engineer checked the work on site.`,
            `We instructed the road maintenance company, and the pothole in front of building ${building} was filled within ${days} days. We have proposed resurfacing the whole section in the ${year + 1} budget.`,
          ],
          rejected: [`Our check showed that this is an internal road owned by the homeowners' association of building ${building}, so repairs are the association's responsibility. Please contact the association.`],
        },
      };
    },
  },
  {
    id: 'roads.mud',
    category: 'roads',
    kinds: ['complaint', 'request'],
    fits: ger,
    months: THAW,
    weight: 1.6,
    write({ p, rng, year }) {
      const street = streetNo(p, rng);
      const loads = rng.int(4, 18);
      return {
        mn: {
          title: `${street}-р гудамж шавартаж, явах аргагүй болсон`,
          description: `${p.mn.gen} ${street}-р гудамжинд хавар болон бороотой үед шавар шалбааг тогтож, хүүхдүүд сургуульдаа, ахмадууд эмнэлэгтээ явж чадахгүй байна. Хогийн машин, түргэн тусламжийн машин ч орж ирж чадахаа больсон. Гудамжинд хайрга дэвсэж, ус зайлуулах шуудуу гаргаж өгөхийг хүсье.`,
          resolved: [
            `Таны хүсэлтийн дагуу ${street}-р гудамжинд ${loads} машин хайрга дэвсэж, ус зайлуулах шуудуу гаргалаа. Гудамжийг хатуу хучилттай болгох ажлыг ${year + 1} оны хөрөнгө оруулалтын төлөвлөгөөнд тусгуулахаар санал хүргүүлсэн.`,
          ],
          rejected: [
            `${street}-р гудамжийг хатуу хучилттай болгох ажил ${year + 1} оны хөрөнгө оруулалтын төлөвлөгөөнд батлагдсан тул түр засварт зарцуулах төсөв одоогоор байхгүй байна. Ажил эхлэх хугацааг урьдчилан мэдээлнэ.`,
          ],
        },
        en: {
          title: `Street ${street} impassable because of mud`,
          description: `Every spring and after rain, Street ${street} in ${p.en.name} turns into deep mud. Children cannot walk to school and older people cannot get to the clinic; even the rubbish truck and ambulances can no longer get in. Please spread gravel and dig a drainage ditch.`,
          resolved: [`We have spread ${loads} truckloads of gravel on Street ${street} and dug a drainage ditch. We have also proposed paving the street in the ${year + 1} investment plan.`],
          rejected: [`Paving of Street ${street} is already approved in the ${year + 1} investment plan, so there is no budget for a temporary repair now. We will announce when the work starts.`],
        },
      };
    },
  },
  {
    id: 'roads.crossing',
    category: 'roads',
    kinds: ['suggestion', 'request'],
    fits: ub,
    write(c) {
      const s = school(c);
      const { p } = c;
      return {
        mn: {
          title: `${s.short} урд явган хүний гарц, хурд сааруулагч тавих санал`,
          description: `${s.gen} урд талын замд явган хүний гарц байхгүй тул хүүхдүүд машины дундуур гүйж гардаг. Өглөө 8 цагийн орчим машин их байдаг тул осол гарах эрсдэлтэй. Гарц тэмдэглэж, хурд сааруулагч тавих, боломжтой бол гэрлэн дохио суурилуулахыг санал болгож байна.`,
          resolved: [
            `Таны саналыг хүлээн авч, Замын цагдаагийн албатай хамтран ${s.short} урд явган хүний гарц тэмдэглэж, хоёр талд нь хурд сааруулагч суурилууллаа. Гэрлэн дохио байрлуулах саналыг Нийслэлийн Замын хөгжлийн газарт хүргүүлсэн.`,
          ],
          rejected: [
            'Уг зам нь нийслэлийн төв замын сүлжээнд хамаардаг тул хурд сааруулагч тавих эсэхийг Нийслэлийн Замын хөгжлийн газар шийддэг. Манай байгууллага энэ ажлыг гүйцэтгэх эрхгүй тул таны саналыг тус газарт уламжилсан.',
          ],
        },
        en: {
          title: `Pedestrian crossing and speed bumps outside ${s.en}`,
          description: `There is no pedestrian crossing on the road in front of ${s.en} in ${p.en.name}, so children run across between the cars. Traffic is heavy around 8 am and an accident is only a matter of time. I suggest marking a crossing and adding speed bumps, and if possible a traffic light.`,
          resolved: [
            `We accepted your suggestion: together with the traffic police we marked a pedestrian crossing in front of ${s.en} and installed speed bumps on both sides. The proposal for a traffic light has been sent to the Capital City Road Development Department.`,
          ],
          rejected: [
            "This road is part of the city's main network, where speed bumps are decided by the Capital City Road Development Department. We are not allowed to do this work ourselves and have passed your suggestion on to them.",
          ],
        },
      };
    },
  },
  {
    id: 'roads.thanks',
    category: 'roads',
    kinds: ['praise'],
    fits: any,
    write({ p, rng }) {
      const street = streetNo(p, rng);
      return {
        mn: {
          title: `${street}-р гудамжийг засварласанд баярлалаа`,
          description: `Манай ${p.mn.gen} ${street}-р гудамжийг энэ жил засварлаж, гэрэлтүүлэгтэй болгосонд талархал илэрхийлье. Өмнө нь шавартай, харанхуй байсан бол одоо хүүхдүүд сургуульдаа цэвэрхэн, аюулгүй явдаг боллоо. Ажилчид ч их хичээнгүй ажилласан.`,
          resolved: ['Таны талархлыг хүлээн авч, ажлыг гүйцэтгэсэн хамт олонд уламжиллаа. Цаашид ч санал хүсэлтээ ирүүлж байхыг хүсье.'],
          rejected: [],
        },
        en: {
          title: `Thank you for repairing Street ${street}`,
          description: `Thank you for repairing Street ${street} in ${p.en.name} and putting up street lights this year. It used to be muddy and dark; now children walk to school on a clean, safe street. The workers did a careful job.`,
          resolved: ['Thank you for your kind words; we have passed them on to the team that did the work. Please keep telling us what you think.'],
          rejected: [],
        },
      };
    },
  },
  {
    id: 'roads.bridge',
    category: 'roads',
    kinds: ['complaint', 'request'],
    fits: rural,
    months: [4, 5, 6, 7, 8, 9, 10],
    write({ p, rng, year }) {
      const weeks = rng.int(2, 6);
      const planks = rng.int(8, 30);
      return {
        mn: {
          title: 'Голын модон гүүр эвдэрч, машин явах боломжгүй болсон',
          description: `${p.mn.gen} төвөөс өвөлжөө, хаваржаа руу гардаг замын модон гүүрийн тавцан хагарч, ${weeks} долоо хоногийн өмнөөс машин явах боломжгүй болсон. Малчид голыг гатлахдаа машинаа усанд оруулж байна. Зуны үерийн өмнө засахгүй бол гүүр бүрэн нурах аюултай.`,
          resolved: [
            `Таны мэдээллийн дагуу гүүрийн эвдэрсэн тавцангийн ${planks} банзыг сольж, тулгуурыг бэхжүүллээ. Гүүрийг шинээр барих саналыг ${year + 1} оны орон нутгийн хөгжлийн сангийн төлөвлөгөөнд тусгуулахаар иргэдийн нийтийн хуралд оруулна.`,
          ],
          rejected: [
            'Уг гүүр нь улсын чанартай замын байгууламж тул засварыг Зам, тээврийн хөгжлийн яамны харьяа байгууллага хариуцдаг. Бид тус байгууллагад албан бичгээр мэдэгдсэн бөгөөд тэдний хариуг танд мэдэгдэнэ.',
          ],
        },
        en: {
          title: 'Wooden bridge broken, vehicles cannot cross',
          description: `The deck of the wooden bridge on the road from the centre of ${p.en.name} to the winter and spring camps broke ${weeks} weeks ago, and no vehicle can cross. Herders are driving through the river. If it is not repaired before the summer floods, the bridge may collapse completely.`,
          resolved: [
            `We have replaced ${planks} broken planks of the bridge deck and strengthened the supports. A new bridge will be proposed to the citizens' meeting for the ${year + 1} Local Development Fund plan.`,
          ],
          rejected: [
            'The bridge is part of a state road, and its repair is the responsibility of an agency of the Ministry of Road and Transport Development. We have notified them in writing and will pass on their reply.',
          ],
        },
      };
    },
  },

  // ── Waste ───────────────────────────────────────────────────────────────────────
  {
    id: 'waste.not_collected',
    category: 'waste',
    kinds: ['complaint'],
    fits: any,
    weight: 2.4,
    write({ p, rng }) {
      const street = streetNo(p, rng);
      const building = rng.int(3, 70);
      const weeks = rng.int(2, 4);
      const days = rng.int(2, 5);
      const day = rng.int(0, 4);
      const gerStreet = p.housing === 'ger';
      const where = gerStreet ? `${street}-р гудамжны` : `${building}-р байрны`;
      const whereEn = gerStreet ? `Street ${street}` : `building ${building}`;
      return {
        mn: {
          title: gerStreet ? `${street}-р гудамжны хог ${weeks} долоо хоног ачигдаагүй` : `${building}-р байрны хогийн савыг ${weeks} долоо хоног ачаагүй`,
          description: gerStreet
            ? `${p.mn.gen} ${street}-р гудамжны хогийг ${weeks} долоо хоног ачаагүй байна. Айлууд хогоо гудамжны буланд овоолж, нохой тарааж, салхинд хийсэж байна. Хог хаягдлын хураамжаа сар бүр төлдөг. Хуваарийн дагуу ачилт хийлгэж өгнө үү.`
            : `${p.mn.gen} ${building}-р байрны хогийн савнаас хогийг ${weeks} долоо хоног ачаагүй, сав дүүрч хог газар хаягдаж байна. Дулаан өдрүүдэд үнэр ханхалж, орцны үүдэнд гарах аргагүй болсон. Хог тээврийн компанийн утсаар залгахад хэн ч авахгүй байна.`,
          resolved: [
            `Таны гомдлын дагуу хог тээврийн компанид шаардлага хүргүүлж, хуримтлагдсан хогийг ${days} хоногийн дотор ачуулсан. Цаашид ${where} хог ачилтыг долоо хоног бүрийн ${WEEKDAYS.mn[day]} гарагт хийхээр хуваарьт орууллаа.`,
            'Хог тээврийн компанийн машин эвдэрсэнтэй холбоотойгоор ачилт тасалдсан байсныг шалгаж тогтоолоо. Нөөц машинаар хогийг ачуулж, гэрээний үүргээ зөрчсөн тул тус компанид хариуцлага тооцох арга хэмжээ авсан.',
          ],
          rejected: [
            `Шалгахад ${where} хог ачилт хуваарийн дагуу хийгдсэн нь хог тээврийн машины GPS бүртгэлээр батлагдсан. Ачилтын өдөр хогоо гаргаагүй айл өрхүүд байгаа тул хуваарийг бүх айлд дахин хүргүүллээ.`,
          ],
        },
        en: {
          title: gerStreet ? `Rubbish on Street ${street} not collected for ${weeks} weeks` : `Bins at building ${building} not emptied for ${weeks} weeks`,
          description: gerStreet
            ? `Rubbish on Street ${street} in ${p.en.name} has not been collected for ${weeks} weeks. Households pile their bags at the corner of the street, dogs tear them open and the wind blows the rubbish around. We pay the waste fee every month. Please have it collected on schedule.`
            : `The bins at building ${building} in ${p.en.name} have not been emptied for ${weeks} weeks; they are overflowing and rubbish lies on the ground. On warm days the smell reaches the entrance. Nobody answers the waste company's phone.`,
          resolved: [
            `We sent a formal demand to the waste collection company, and the accumulated rubbish was removed within ${days} days. From now on collection for ${whereEn} is scheduled every ${WEEKDAYS.en[day]}.`,
            "We found that collection stopped because the waste company's truck had broken down. The rubbish has been collected with a reserve truck, and the company has been held to account for breaching its contract.",
          ],
          rejected: [
            `The collection trucks' GPS records show that ${whereEn} was served on schedule. Some households had not put their rubbish out on collection day, so we have sent the schedule to every household again.`,
          ],
        },
      };
    },
  },
  {
    id: 'waste.dumping',
    category: 'waste',
    kinds: ['complaint'],
    fits: any,
    accusatory: true,
    write({ p, rng }) {
      const spots = [
        ['гуу жалганд', 'in the gully'],
        ['гол руу орох замын хажууд', 'beside the road down to the river'],
        ['хүүхдийн тоглоомын талбайн ард', "behind the children's playground"],
        ['хуучин гаражуудын ард', 'behind the old garages'],
      ] as const;
      const [spot, spotEn] = rng.pick(spots);
      const weeks = rng.int(2, 8);
      const tonnes = rng.int(3, 25);
      return {
        mn: {
          title: 'Хууль бусаар хог, барилгын хаягдал асгаж байна',
          description: `${p.mn.gen} ${spot} шөнөөр машинаар ирж ахуйн хог, барилгын хаягдал асгаж байна. Сүүлийн ${weeks} долоо хоногт хогийн овоо улам томорч, харх гарах болсон. Хүүхдүүд тэнд тоглодог тул аюултай. Хогийг цэвэрлэж, хяналт тавьж өгнө үү.`,
          resolved: [
            `Таны мэдээллийн дагуу ${spot} хуримтлагдсан ${tonnes} тонн хог хаягдлыг ачиж, цэвэрлэгээ хийлээ. Тухайн хэсэгт "Хог хаяхыг хориглоно" тэмдэг байрлуулж, хяналтын камер суурилуулахаар төлөвлөсөн. Хог хаясан этгээдийг илрүүлбэл Зөрчлийн тухай хуулийн дагуу торгоно.`,
          ],
          rejected: [
            'Таны дурдсан газар нь хувийн эзэмшлийн газар тул цэвэрлэгээг газар эзэмшигч хариуцна. Бид газар эзэмшигчид цэвэрлэгээ хийх шаардлага хүргүүлсэн бөгөөд биелэлтэд нь хяналт тавина.',
          ],
        },
        en: {
          title: 'Rubbish and building waste dumped illegally',
          description: `People drive up at night and dump household rubbish and building waste ${spotEn} in ${p.en.name}. Over the last ${weeks} weeks the pile has grown and rats have appeared. Children play there, so it is dangerous. Please clear it and keep watch.`,
          resolved: [
            `Following your report, ${tonnes} tonnes of waste ${spotEn} have been removed. We have put up "No dumping" signs and plan to install a camera there. Anyone caught dumping will be fined under the Law on Infringements.`,
          ],
          rejected: ["The land you mention is privately held, so cleaning it up is the holder's responsibility. We have served the holder with a demand to clear it and will check that they do."],
        },
      };
    },
  },
  {
    id: 'waste.bins',
    category: 'waste',
    kinds: ['request', 'suggestion'],
    fits: town,
    write({ p, rng }) {
      const spots = [
        ['цэцэрлэгт хүрээлэн болон тоглоомын талбайд', 'in the park and playground'],
        ['автобусны буудлын орчимд', 'around the bus stop'],
        ['спорт талбайн орчимд', 'around the sports ground'],
      ] as const;
      const [spot, spotEn] = rng.pick(spots);
      const bins = rng.int(2, 6);
      return {
        mn: {
          title: 'Нийтийн талбайд хогийн сав байрлуулах хүсэлт',
          description: `${p.mn.gen} ${spot} хогийн сав огт байхгүй тул хүмүүс хогоо газар хаяж байна. Зуны улиралд хүүхэд, залуучууд их цуглардаг. Том хогийн сав 2-3 байрлуулж, тогтмол ачуулж өгөхийг хүсье.`,
          resolved: [`Таны хүсэлтийн дагуу ${spot} ${bins} хогийн сав байрлуулж, долоо хоногт хоёр удаа ачихаар хог тээврийн хуваарьт нэмлээ.`],
          rejected: ['Энэ оны төсөвт нэмэлт хогийн сав худалдан авах зардал тусгагдаагүй тул одоогоор хүсэлтийг биелүүлэх боломжгүй байна. Таны хүсэлтийг ирэх оны төсвийн саналд тусгалаа.'],
        },
        en: {
          title: 'Request for bins in a public area',
          description: `There are no bins at all ${spotEn} in ${p.en.name}, so people throw rubbish on the ground. Children and young people gather there in summer. Please put up two or three large bins and empty them regularly.`,
          resolved: [`As you requested, we have placed ${bins} bins ${spotEn} and added them to the collection schedule twice a week.`],
          rejected: ["There is no money in this year's budget for more bins, so we cannot do this now. We have included your request in next year's budget proposal."],
        },
      };
    },
  },
  {
    id: 'waste.fee',
    category: 'waste',
    kinds: ['complaint', 'criticism'],
    fits: gerUb,
    write({ p, rng }) {
      const days = rng.int(10, 20);
      return {
        mn: {
          title: 'Хог хаягдлын хураамжийг давхар авч байна',
          description: `Хог хаягдлын үйлчилгээний хураамжийг цахилгааны төлбөрийн баримт дээр сар бүр нэмж төлдөг байхад ${p.mn.local} ажилтан айл айлаар явж бэлнээр дахин хураамж авч байна. Баримт өгдөггүй. Энэ хураамж хууль ёсны эсэхийг тодруулж, илүү авсан мөнгийг буцааж өгнө үү.`,
          resolved: [
            `Шалгалтаар хорооны ажилтан хураамжийг давхар авсан нь тогтоогдож, сахилгын шийтгэл ногдууллаа. Илүү төлсөн хураамжийг айл өрх бүрт буцаан олгох ажлыг ${days} хоногийн дотор зохион байгуулна. Хог хаягдлын хураамжийг зөвхөн цахилгааны төлбөрөөр төлнө.`,
          ],
          rejected: [
            'Шалгахад цахилгааны төлбөрт нэмэгдэн ирдэг хураамж нь зөвхөн орон сууцны айлуудад хамаардаг бөгөөд гэр хорооллын айлуудын хураамжийг хороо хуулийн дагуу хурааж, баримт олгодог нь тогтоогдсон. Давхар төлбөр авсан зөрчил илрээгүй.',
          ],
        },
        en: {
          title: 'Waste fee charged twice',
          description: `We already pay the waste collection fee every month on our electricity bill, but a staff member from ${p.en.office} is going door to door collecting the fee again in cash, without receipts. Please check whether this is lawful and return what was overcharged.`,
          resolved: [
            `Our investigation confirmed that the khoroo employee collected the fee twice, and disciplinary action has been taken. The overpaid amounts will be refunded to every household within ${days} days. The waste fee is paid only with the electricity bill.`,
          ],
          rejected: [
            'Our check found that the fee on electricity bills applies only to apartment households; in ger areas the khoroo collects the fee lawfully and issues receipts. No double charging was found.',
          ],
        },
      };
    },
  },
  {
    id: 'waste.sorting',
    category: 'waste',
    kinds: ['suggestion'],
    fits: town,
    write({ p, rng }) {
      const points = rng.int(4, 12);
      return {
        mn: {
          title: 'Хог ангилан ялгах сав байрлуулах санал',
          description: `Манай ${p.mn.local} айлууд хуванцар сав, цаас, шилийг ялгаж хаяхад бэлэн байгаа ч ангилан ялгах сав байхгүй. Хог ангилах сав байрлуулж, дахин боловсруулах цэгт тогтмол хүргэх ажлыг зохион байгуулахыг санал болгож байна. Сургуулиудад сурталчилгаа хийвэл хүүхдүүд ч идэвхтэй оролцох болно.`,
          resolved: [
            `Таны саналыг дэмжиж, туршилтын журмаар ${points} цэгт ангилан ялгах сав байрлууллаа. Дахин боловсруулах компанитай гэрээ байгуулж, ангилсан хогийг долоо хоногт нэг удаа ачуулна. Үр дүнг үнэлээд бусад хэсэгт өргөжүүлнэ.`,
          ],
          rejected: [
            'Одоогоор манай орон нутагт ангилсан хогийг хүлээн авах дахин боловсруулах үйлдвэр байхгүй тул ангилан ялгах сав байрлуулах нь үр дүнгүй байна. Таны саналыг хог хаягдлын менежментийн дунд хугацааны төлөвлөгөөнд тусгалаа.',
          ],
        },
        en: {
          title: 'Suggestion: bins for sorting waste',
          description: `Households in ${p.en.name} are ready to separate plastic bottles, paper and glass, but there are no sorting bins. I suggest putting up sorting bins and arranging regular delivery to a recycling point. If schools promoted it too, children would take part.`,
          resolved: [
            `We support your suggestion and have set up sorting bins at ${points} points as a trial. A recycling company will collect the sorted waste once a week under a new contract. If the trial works we will extend it to other areas.`,
          ],
          rejected: ['There is no recycling plant here yet to take sorted waste, so sorting bins would achieve nothing for now. We have included your suggestion in the medium-term waste management plan.'],
        },
      };
    },
  },
  {
    id: 'waste.thanks',
    category: 'waste',
    kinds: ['praise'],
    fits: any,
    write({ p }) {
      return {
        mn: {
          title: 'Хог ачилтын ажилчдад баярлалаа',
          description: `Манай ${p.mn.local} хог ачилт энэ жилээс хуваарийн дагуу, цаг тухайд нь хийгддэг боллоо. Хог ачигчид хогийн цэгийн орчмыг ч цэвэрлэж үлддэг. Хичээнгүй ажилчдад баярлалаа.`,
          resolved: ['Таны талархлыг хог тээврийн байгууллагын хамт олонд уламжиллаа. Хуваарийн дагуу ачилтыг цаашид ч хэвийн хийхэд анхаарна.'],
          rejected: [],
        },
        en: {
          title: 'Thank you to the rubbish collectors',
          description: `Since this year rubbish in ${p.en.name} is collected on schedule and on time. The collectors even sweep up around the collection point. Thank you to these hard-working people.`,
          resolved: ['We have passed your thanks on to the collection team. We will make sure collection stays on schedule.'],
          rejected: [],
        },
      };
    },
  },

  // ── Water and sewerage ──────────────────────────────────────────────────────────
  {
    id: 'water.kiosk',
    category: 'water',
    kinds: ['complaint'],
    fits: ger,
    weight: 1.5,
    write({ p, rng }) {
      const street = streetNo(p, rng);
      const days = rng.int(3, 12);
      const km = rng.pick(['1', '1.5', '2']);
      const repair = rng.int(2, 6);
      return {
        mn: {
          title: `Ус түгээх байр ${days} хоног ажиллахгүй байна`,
          description: `${p.mn.gen} ${street}-р гудамжны ус түгээх байр ${days} хоног хаалттай байна. Айлууд ${km} км зайтай өөр ус түгээх байрнаас ус зөөж байна. Ажиллаж байх үедээ ч зарласан цагаасаа хожуу нээгдэж, эрт хаагддаг. Ахмад настан, бага насны хүүхэдтэй айлуудад маш хүнд байна.`,
          resolved: [
            `Ус түгээх байрны насосны хөдөлгүүр шатсан байсныг сольж, ${repair} хоногийн дараа үйл ажиллагааг сэргээлээ. Засварын хугацаанд гудамжинд зөөврийн усны машин ажиллуулсан. Ажлын цагийг мөрдөөгүй ус түгээгчид сануулга өгч, ажлын цагийг байрны хаалган дээр шинээр байрлууллаа.`,
          ],
          rejected: [
            'Шалгахад тухайн ус түгээх байрны эх үүсвэрийн ус чанарын шаардлага хангахгүй болсон тул мэргэжлийн хяналтын байгууллагын шийдвэрээр хаагдсан байна. Ойролцоох ус түгээх байрнаас үйлчилгээ авахыг зөвлөж байна.',
          ],
        },
        en: {
          title: `Water kiosk closed for ${days} days`,
          description: `The water kiosk on Street ${street} in ${p.en.name} has been closed for ${days} days. Families are carrying water from another kiosk ${km} km away. Even when it is open, it opens later and closes earlier than its posted hours. This is very hard for older people and families with small children.`,
          resolved: [
            `The kiosk's pump motor had burnt out; we replaced it and the kiosk reopened ${repair} days later. A water truck served the street during the repair. The attendant has been warned about keeping to the hours, and the hours are now posted on the door.`,
          ],
          rejected: ['The kiosk was closed by decision of the inspection agency because its water source no longer meets quality standards, so we cannot reopen it. Please use the nearest other kiosk.'],
        },
      };
    },
  },
  {
    id: 'water.leak',
    category: 'water',
    kinds: ['complaint'],
    fits: (p) => town(p) && flats(p),
    months: COLD,
    write({ p, rng }) {
      const building = rng.int(3, 80);
      const weeks = rng.int(2, 5);
      return {
        mn: {
          title: `${building}-р байрны гадна усны шугам гоожиж, мөс тогтож байна`,
          description: `${p.mn.gen} ${building}-р байрны зүүн талд газар доорх усны шугам гоожиж, ус гадагш урсаад ${weeks} долоо хоног болж байна. Явган хүний зам бүхэлдээ мөсөөр хучигдаж, ахмад настан хэд хэдэн удаа хальтирч унасан. Усны алдагдал ч их байгаа байх. Яаралтай засна уу.`,
          resolved: [`Таны мэдээллийн дагуу яаралтай засварын анги газар дээр нь ажиллаж, ${building}-р байрны орчмын усан хангамжийн шугамын гэмтлийг засварлалаа. Мөс тогтсон явган замыг цэвэрлэж, элс цацсан.`],
          rejected: [
            `Шалгахад гоожиж буй шугам нь ${building}-р байрны дотор сүлжээнд хамаарах бөгөөд засварыг Сууц өмчлөгчдийн холбоо хариуцна. Бид тус холбоонд яаралтай засвар хийх мэдэгдэл хүргүүлсэн.`,
          ],
        },
        en: {
          title: `Leaking water main outside building ${building}`,
          description: `An underground water pipe next to building ${building} in ${p.en.name} has been leaking for ${weeks} weeks and the water is running out onto the surface. The whole pavement is covered in ice and several older residents have slipped and fallen. A lot of water must be wasted too. Please repair it urgently.`,
          resolved: [`Our emergency repair crew fixed the damaged water main near building ${building}. The icy pavement has been cleared and gritted with sand.`],
          rejected: [`The leaking pipe belongs to building ${building}'s internal network, so its repair is the homeowners' association's responsibility. We have served the association with a notice to repair it urgently.`],
        },
      };
    },
  },
  {
    id: 'water.well',
    category: 'water',
    kinds: ['complaint', 'request'],
    fits: remoteSoum,
    write({ p, rng, year }) {
      const weeks = rng.int(2, 8);
      const km = rng.int(8, 25);
      return {
        mn: {
          title: 'Худгийн насос эвдэрч, малчид ус авч чадахгүй байна',
          description: `${p.mn.gen} нутагт байдаг инженерийн хийцтэй худгийн насос ${weeks} долоо хоногийн өмнө эвдэрсэн. Малчид ${km} км зайтай өөр худаг руу мал услахаар явж байна. Малын тоо олон тул ойрын худаг ажиллахгүй бол бэлчээр талхлагдах нь. Худгийг яаралтай засуулж өгнө үү.`,
          resolved: ['Худгийн засвар үйлчилгээний байгууллагатай гэрээ байгуулж, насосыг шинээр сольж, худгийг ашиглалтад орууллаа. Худгийн ашиглалтын гэрээг малчдын бүлэгтэй шинэчилсэн.'],
          rejected: [`Уг худаг нь иргэний хувийн хөрөнгөөр гаргасан, хувийн эзэмшлийн худаг тул засварыг орон нутгийн төсвөөр хийх боломжгүй. Төсвийн хөрөнгөөр шинэ худаг гаргах саналыг ${year + 1} оны төлөвлөгөөнд тусгалаа.`],
        },
        en: {
          title: "Broken pump at the herders' well",
          description: `The pump of the engineered well in ${p.en.name} broke ${weeks} weeks ago. Herders now drive their animals ${km} km to another well to water them. With so many animals, the pasture near that well is being overgrazed. Please have our well repaired as soon as possible.`,
          resolved: ["We contracted a well maintenance company, which replaced the pump, and the well is working again. The well's use agreement with the herders' group has been renewed."],
          rejected: [`The well was dug with private money and is privately owned, so we cannot repair it from the local budget. A new public well has been proposed in the ${year + 1} plan.`],
        },
      };
    },
  },
  {
    id: 'water.sewage',
    category: 'water',
    kinds: ['complaint'],
    fits: (p) => town(p) && flats(p),
    write({ p, rng }) {
      const building = rng.int(3, 80);
      const days = rng.int(2, 7);
      return {
        mn: {
          title: 'Бохир усны худаг халиж, үнэр ханхалж байна',
          description: `${p.mn.gen} ${building}-р байрны ард байрлах бохир усны худаг ${days} хоног халиж, бохир ус гудамжаар урсаж байна. Ойролцоо цэцэрлэг, хүнсний дэлгүүр байгаа. Халдварт өвчин гарах вий гэж айж байна. Шугамыг цэвэрлэж өгнө үү.`,
          resolved: [
            'Бохир усны шугамын бөглөрлийг тусгай машинаар цэвэрлэж, худгийн орчимд ариутгал хийлээ. Бөглөрөл нь шугам руу хог, тос хаяснаас үүссэн тул оршин суугчдад зориулсан санамжийг байрны орцонд байрлууллаа.',
          ],
          rejected: ['Шалгахад уг бохир усны худаг нь барилгын компани ашиглалтад хүлээлгэн өгөөгүй шугамд хамаарах тул засварыг барилгын компани хариуцна. Тус компанид шаардлага хүргүүллээ.'],
        },
        en: {
          title: 'Overflowing sewer manhole',
          description: `The sewer manhole behind building ${building} in ${p.en.name} has been overflowing for ${days} days and sewage is running down the street. There is a kindergarten and a food shop nearby, and we are afraid of an outbreak of disease. Please clear the line.`,
          resolved: [
            'The blockage was cleared with a jetting truck and the area around the manhole was disinfected. It was caused by rubbish and fat poured into the drains, so we have put up a notice for residents at the building entrances.',
          ],
          rejected: ['The manhole is on a line the construction company has not yet handed over for operation, so the company is responsible for it. We have sent it a formal demand.'],
        },
      };
    },
  },
  {
    id: 'water.quality',
    category: 'water',
    kinds: ['request', 'complaint'],
    fits: town,
    write({ p, rng }) {
      const weeks = rng.int(2, 5);
      const points = rng.int(4, 10);
      return {
        mn: {
          title: 'Усны өнгө, үнэр өөрчлөгдсөн, шинжилгээ хийж өгнө үү',
          description: `Сүүлийн ${weeks} долоо хоногт ${p.mn.gen} айлуудын ус шаравтар өнгөтэй, хачин үнэртэй болсон. Буцалгасан ч тунадас үлддэг. Хүүхдүүдийн гэдэс өвдөж байна. Усны чанарыг шинжилж, үр дүнг иргэдэд мэдээлнэ үү.`,
          resolved: [
            `Таны хүсэлтийн дагуу ${points} цэгээс усны дээж авч, лабораторийн шинжилгээ хийлгэлээ. Төмрийн агууламж стандартаас бага зэрэг давсан нь шугамын зэврэлттэй холбоотой байсан тул шугамыг угааж цэвэрлэсэн. Давтан шинжилгээгээр ус стандартын шаардлага хангаж байна.`,
          ],
          rejected: ['Лабораторийн шинжилгээгээр усны бүх үзүүлэлт стандартын шаардлага хангаж байна. Өнгө өөрчлөгдөх нь байрны дотор шугамын хуучралтай холбоотой байж болзошгүй тул Сууц өмчлөгчдийн холбоонд хандахыг зөвлөж байна.'],
        },
        en: {
          title: 'Discoloured, smelly tap water: please test it',
          description: `For the last ${weeks} weeks the water in homes across ${p.en.name} has been yellowish and smells odd. Even after boiling there is sediment. Children have had stomach aches. Please test the water and tell residents the results.`,
          resolved: [
            `We took water samples at ${points} points for laboratory testing. Iron was slightly above the standard because of corroded pipes, so the lines were flushed. Repeat tests show the water now meets the standard.`,
          ],
          rejected: ["Laboratory tests show that the water meets every standard. The colour may come from old pipes inside your building, so we suggest contacting your homeowners' association."],
        },
      };
    },
  },

  // ── Heating ─────────────────────────────────────────────────────────────────────
  {
    id: 'heating.radiators',
    category: 'heating',
    kinds: ['complaint'],
    fits: (p) => town(p) && flats(p),
    months: COLD,
    weight: 1.6,
    write({ p, rng }) {
      const building = rng.int(3, 80);
      const floor = rng.int(5, 12);
      const weeks = rng.int(2, 4);
      const cold = rng.int(12, 16);
      const warm = rng.int(19, 22);
      return {
        mn: {
          title: `${building}-р байрны радиатор хүйтэн, өрөөний дулаан ${cold} градус байна`,
          description: `${p.mn.gen} ${building}-р байрны ${floor}-р давхрын айлуудын радиатор ${weeks} долоо хоног бүлээн ч болохгүй байна. Өрөөний дулаан ${cold} градус, бага насны хүүхдүүд ханиад хүрч байна. Дулааны төлбөрөө бүрэн төлдөг. Дулаан хангамжийн шугамыг шалгаж өгнө үү.`,
          resolved: [
            `Дулааны шугамд агаар тогтсон, хаалт бүрэн нээгдээгүйгээс дээд давхруудын радиатор халаагүй нь тогтоогдлоо. Шугамын агаарыг гаргаж, хаалтыг сольсны дараа өрөөний дулаан ${warm} градус болсныг хэмжилтээр баталгаажууллаа. Дулаан дутуу авсан хугацааны төлбөрийг дахин тооцно.`,
          ],
          rejected: [
            'Хэмжилтээр байрны оролтын дулааны үзүүлэлт стандартын дагуу байгаа тул гэмтэл нь байрны дотор шугамд байна. Дотор шугамын засвар Сууц өмчлөгчдийн холбооны үүрэг тул тус холбоонд шаардлага хүргүүлсэн.',
          ],
        },
        en: {
          title: `Cold radiators in building ${building}: ${cold}°C indoors`,
          description: `For ${weeks} weeks the radiators in the flats on floor ${floor} of building ${building} in ${p.en.name} have barely been warm. It is ${cold}°C indoors and the small children keep catching colds. We pay the heating bill in full. Please check the heating line.`,
          resolved: [
            `We found air trapped in the heating line and a valve that was not fully open, so the upper floors were not heated. After bleeding the line and replacing the valve, measurements showed ${warm}°C indoors. The heating charge for the cold weeks will be recalculated.`,
          ],
          rejected: [
            "Measurements show that heat reaches the building's inlet at the standard level, so the fault is in the internal pipes. Those are the homeowners' association's responsibility, and we have sent it a formal demand.",
          ],
        },
      };
    },
  },
  {
    id: 'heating.hot_water',
    category: 'heating',
    kinds: ['complaint', 'criticism'],
    fits: (p) => town(p) && flats(p),
    write({ p, rng }) {
      const days = rng.int(3, 10);
      const back = rng.int(2, 4);
      return {
        mn: {
          title: 'Халуун ус урьдчилан мэдэгдэлгүй тасарсан',
          description: `${p.mn.gen} айлуудын халуун ус ${days} хоног тасарсан байна. Засвар хийж байгаа тухай ямар ч мэдэгдэл гаргаагүй, хэзээ орж ирэхийг хэн ч хэлж чадахгүй байна. Нярай хүүхэдтэй айлууд маш хэцүү байдалд байна. Засварын хуваарийг урьдчилан зарладаг болмоор байна.`,
          resolved: [
            `Дулааны шугамын засварын улмаас халуун усыг хязгаарласан бөгөөд үүнийг урьдчилан мэдэгдээгүй нь бидний алдаа байлаа. Халуун усыг ${back} хоногийн дотор сэргээсэн. Цаашид засварын хуваарийг 3 хоногийн өмнө байрны орц болон цахим хуудсаар мэдээлж байхаар шийдвэрлэлээ.`,
          ],
          rejected: ['Халуун усны хязгаарлалт нь жил бүр хийгддэг зуны урсгал засварын төлөвлөгөөний дагуу хийгдсэн бөгөөд хуваарийг хэвлэл мэдээллийн хэрэгсэл болон байгууллагын цахим хуудсаар урьдчилан зарласан байсан.'],
        },
        en: {
          title: 'Hot water cut off without notice',
          description: `Homes in ${p.en.name} have had no hot water for ${days} days. There was no notice of any repair work and nobody can tell us when it will come back. Families with newborn babies are struggling. Repair schedules should be announced in advance.`,
          resolved: [
            `Hot water was cut because of repairs on the heating line, and we should have announced it in advance: that was our mistake. Hot water was restored within ${back} days. From now on, repair schedules will be posted in building entrances and online three days ahead.`,
          ],
          rejected: ['The cut was part of the yearly summer maintenance plan, and the schedule had been announced in the media and on our website beforehand.'],
        },
      };
    },
  },
  {
    id: 'heating.school',
    category: 'heating',
    kinds: ['complaint'],
    fits: any,
    months: DEEP_WINTER,
    write(c) {
      const { p, rng, year } = c;
      const s = school(c);
      const cold = rng.int(11, 15);
      const warm = rng.int(18, 21);
      const radiators = rng.int(6, 24);
      return {
        mn: {
          title: `${s.short} анги танхим хүйтэн байна`,
          description: `${s.gen} анги танхимд дулаан хүрэлцэхгүй, хүүхдүүд хүрэм, малгайтайгаа сууж хичээллэж байна. Өрөөний дулаан ${cold} градусаас дээшлэхгүй байна. Цонхнуудын дулаалга муу, салхи орж ирдэг. Хүүхдүүд ханиад томуугаар олноороо өвдөж байна.`,
          resolved: [`Сургуулийн дулааны системд үзлэг хийж, ${radiators} радиаторыг сольж, цонхнуудыг дулаалах ажлыг гүйцэтгэлээ. Одоо анги танхимын дулаан ${warm} градус байгааг хэмжилтээр баталгаажууллаа.`],
          rejected: [`Сургуулийн барилгыг ${year + 1} онд их засварт оруулахаар төсөвт тусгагдсан тул одоогоор томоохон засвар хийх боломжгүй. Түр арга хэмжээ болгож анги бүрт нэмэлт цахилгаан халаагуур байрлууллаа.`],
        },
        en: {
          title: `Cold classrooms at ${s.en}`,
          description: `The classrooms at ${s.en} in ${p.en.name} are not warm enough: children sit through lessons in their coats and hats. The temperature does not rise above ${cold}°C. The windows are poorly insulated and let the wind in. Many children are off sick with colds and flu.`,
          resolved: [`The school's heating system was inspected, ${radiators} radiators were replaced and the windows were insulated. Measurements now show ${warm}°C in the classrooms.`],
          rejected: [`The school building is scheduled for major renovation in ${year + 1}, so large repairs cannot be done now. As a temporary measure we have put extra electric heaters in every classroom.`],
        },
      };
    },
  },
  {
    id: 'heating.thanks',
    category: 'heating',
    kinds: ['praise'],
    fits: (p) => town(p) && flats(p),
    months: COLD,
    write({ p }) {
      return {
        mn: {
          title: 'Дулааны шугамын аваарыг шөнөжин ажиллаж зассанд баярлалаа',
          description: `Өнгөрсөн долоо хоногт ${p.mn.gen} дулааны шугам шөнө гэнэт хагарахад яаралтай засварын баг шөнөжин ажиллаж, өглөө гэхэд дулааныг сэргээсэн. Хахир хүйтэнд хичээнгүй ажилласан ажилчдад иргэдийн өмнөөс баярлалаа.`,
          resolved: ['Таны талархлыг яаралтай засварын багт уламжиллаа. Хүйтний улиралд дулааны асуудлаар 24 цагийн турш мэдээлэл хүлээн авч ажилладаг.'],
          rejected: [],
        },
        en: {
          title: 'Thank you for fixing the heating overnight',
          description: `Last week, when a heating pipe in ${p.en.name} burst in the night, the emergency crew worked all night and had the heating back by morning. Thank you, on behalf of the residents, to the workers who did it in the bitter cold.`,
          resolved: ['We have passed your thanks on to the emergency crew. During the cold season we take reports about heating around the clock.'],
          rejected: [],
        },
      };
    },
  },

  // ── Air pollution ───────────────────────────────────────────────────────────────
  {
    id: 'air.briquettes',
    category: 'air_pollution',
    kinds: ['complaint'],
    fits: gerUb,
    months: DEEP_WINTER,
    weight: 1.5,
    write({ p, rng }) {
      const days = rng.int(3, 8);
      const tonnes = rng.int(20, 60);
      const outlets = rng.int(2, 4);
      return {
        mn: {
          title: 'Сайжруулсан шахмал түлш борлуулах цэгт түлш дууссан',
          description: `${p.mn.gen} сайжруулсан шахмал түлш борлуулах цэгт ${days} хоног түлш ирээгүй байна. Айлууд өглөө эрт очиж дугаарлаад түлш авч чадахгүй буцаж байна. Өвлийн хүйтэнд гэрээ галлах юмгүй болоод байна. Зарим айл хориотой түүхий нүүрс түлэхээс өөр аргагүй болж байна.`,
          resolved: [`Түлш нийлүүлэгч компанитай холбогдож, тухайн цэгт ${tonnes} тонн сайжруулсан түлш нэмж нийлүүлүүллээ. Хүйтний оргил үед тус цэгийн нийлүүлэлтийг өдөр бүр хийхээр хуваарийг өөрчилсөн.`],
          rejected: [`Сайжруулсан түлшний нийлүүлэлт үйлдвэрийн засварын улмаас түр тасалдсан. Ойролцоох ${outlets} борлуулах цэгт түлш хангалттай байгаа тул тэндээс худалдан авахыг зөвлөж байна.`],
        },
        en: {
          title: 'Improved-fuel outlet has run out of briquettes',
          description: `The improved-fuel (briquette) outlet in ${p.en.name} has had no delivery for ${days} days. People queue early in the morning and go home empty-handed. In this cold, families have nothing to heat their gers with; some have no choice but to burn banned raw coal.`,
          resolved: [`We contacted the fuel supplier and an extra ${tonnes} tonnes of briquettes were delivered to the outlet. During the coldest weeks the outlet will be supplied daily.`],
          rejected: [`Briquette supply was briefly interrupted while the plant was under repair. There are enough briquettes at ${outlets} nearby outlets, so please buy from one of them.`],
        },
      };
    },
  },
  {
    id: 'air.burning',
    category: 'air_pollution',
    kinds: ['complaint'],
    fits: ger,
    months: COLD,
    accusatory: true,
    write({ p, rng }) {
      const street = streetNo(p, rng);
      const visits = rng.int(2, 4);
      return {
        mn: {
          title: 'Хөрш айл хог, хуучин дугуй шатааж байна',
          description: `${p.mn.gen} ${street}-р гудамжинд нэг айл орой бүр зуухандаа хуванцар хог, хуучин машины дугуй шатааж, хар утаа гаргаж байна. Ойролцоох айлуудын хүүхдүүд ханиалгаж, нүд нь улайж байна. Энэ талаар хөршид хэлэхэд тоосонгүй. Хяналт тавьж өгнө үү.`,
          resolved: [
            `Таны мэдээллийн дагуу ${p.mn.official}, цагдаагийн хэсгийн байцаагчтай хамтран шалгалт хийж, тухайн айлд Зөрчлийн тухай хуулийн дагуу торгуулийн арга хэмжээ авч, дахин давтахгүй байх сануулга өглөө. Тус гудамжинд хяналтыг үргэлжлүүлнэ.`,
          ],
          rejected: [`Газар дээр нь ${visits} удаа шалгалт хийхэд хог, дугуй шатааж буй нь тогтоогдоогүй. Зөрчил давтагдвал цагдаагийн 102 дугаарт шууд мэдэгдэж, зураг, бичлэг хамт ирүүлэхийг хүсье.`],
        },
        en: {
          title: 'Neighbours burning rubbish and old tyres',
          description: `One household on Street ${street} in ${p.en.name} burns plastic rubbish and old car tyres in its stove every evening, sending out black smoke. Children in the nearby homes are coughing and have red, sore eyes. We spoke to the neighbours but they ignored us. Please take action.`,
          resolved: [`Staff from ${p.en.official} and the local police officer inspected the household and fined it under the Law on Infringements, with a warning not to do it again. We will keep checking the street.`],
          rejected: [`We inspected the street ${visits} times and found no one burning rubbish or tyres. If it happens again, please call the police on 102 straight away and send us photos or video.`],
        },
      };
    },
  },
  {
    id: 'air.stove',
    category: 'air_pollution',
    kinds: ['request'],
    fits: ger,
    months: [8, 9, 10, 11, 12, 1, 2],
    write({ p, rng }) {
      const street = streetNo(p, rng);
      return {
        mn: {
          title: 'Утаагүй зуухаар солих хөтөлбөрт хамрагдах хүсэлт',
          description: `Манай гэр бүл ${p.mn.gen} ${street}-р гудамжинд гэрт амьдардаг. Хуучин зуух маань ан цав гарч, утаа гэр рүү орж байна. Хуучин зуухыг утаагүй, сайжруулсан зуухаар хөнгөлөлттэй солих хөтөлбөр хэрэгжиж байгаа гэж сонссон. Хэрхэн, хаана бүртгүүлэх талаар мэдээлэл өгнө үү.`,
          resolved: [
            `Таны өрхийг зуух солих хөтөлбөрийн ээлжит бүртгэлд бүртгэлээ. Шинэ зуухыг хөнгөлөлттэй үнээр суурилуулах ажил ойрын хоёр сард хийгдэх бөгөөд ${p.mn.official} тантай урьдчилан холбогдоно. Суурилуулалтын үед иргэний үнэмлэх, оршин суугаа хаягийн тодорхойлолт шаардлагатай.`,
          ],
          rejected: [
            'Энэ онд зуух солих хөтөлбөрийн санхүүжилт бүрэн зарцуулагдсан тул шинэ бүртгэл авах боломжгүй байна. Ирэх онд хөтөлбөр үргэлжлэх эсэхийг Байгаль орчин, аялал жуулчлалын яам шийдвэрлэнэ. Таны өрхийг хүлээлгийн жагсаалтад бүртгэлээ.',
          ],
        },
        en: {
          title: 'Request to join the clean-stove exchange',
          description: `My family lives in a ger on Street ${street} in ${p.en.name}. Our old stove has cracked and smoke gets into the ger. I heard there is a programme to exchange old stoves for clean, improved ones at a discount. Please tell me how and where to register.`,
          resolved: [
            `Your household has been added to the next round of the stove exchange programme. The discounted installation will take place within the next two months; ${p.en.official} will contact you beforehand. You will need your ID card and proof of residence.`,
          ],
          rejected: [
            "This year's funding for the stove exchange has been used up, so we cannot register new households. Whether the programme continues next year will be decided by the Ministry of Environment and Tourism. We have put your household on the waiting list.",
          ],
        },
      };
    },
  },
  {
    id: 'air.purifiers',
    category: 'air_pollution',
    kinds: ['suggestion'],
    fits: ub,
    months: COLD,
    write({ p, rng, year }) {
      const count = rng.int(12, 40);
      return {
        mn: {
          title: 'Цэцэрлэг, сургуульд агаар цэвэршүүлэгч байрлуулах санал',
          description: `Өвлийн улиралд ${p.mn.gen} агаарын бохирдол маш өндөр байдаг. Хүүхдүүд өдрийн ихэнх цагийг цэцэрлэг, сургуульд өнгөрүүлдэг тул анги, бүлгийн өрөөнүүдэд агаар цэвэршүүлэгч байрлуулж, шүүлтүүрийг тогтмол солиулахыг санал болгож байна. Агаарын чанарын мэдээг сургуулийн үүдэнд байршуулбал эцэг эхчүүдэд ч хэрэгтэй.`,
          resolved: [`Таны саналын дагуу ${count} цэцэрлэг, сургуулийн анги танхимд агаар цэвэршүүлэгч байрлуулах ажлыг ${year + 1} оны төсөвт тусгалаа. Эхний ээлжид агаарын бохирдол хамгийн өндөр хэсгийн байгууллагуудыг хамруулна.`],
          rejected: ['Сургууль, цэцэрлэгийн агаар цэвэршүүлэгчийг Боловсролын яамны хөтөлбөрөөр улсын хэмжээнд нийлүүлдэг тул орон нутгийн төсвөөр давхардуулан худалдан авах боломжгүй. Таны саналыг тус яаманд уламжиллаа.'],
        },
        en: {
          title: 'Suggestion: air purifiers in kindergartens and schools',
          description: `Air pollution in ${p.en.name} is very high in winter. Children spend most of the day in kindergartens and schools, so I suggest putting air purifiers in classrooms and group rooms and changing the filters regularly. A display of the air quality at school entrances would also help parents.`,
          resolved: [`Following your suggestion, air purifiers for ${count} kindergartens and schools have been included in the ${year + 1} budget. Those in the most polluted areas will be first.`],
          rejected: ['Air purifiers for schools and kindergartens are supplied nationally through a Ministry of Education programme, so we cannot buy them again from the local budget. We have passed your suggestion on to the ministry.'],
        },
      };
    },
  },
  {
    id: 'air.data',
    category: 'air_pollution',
    kinds: ['criticism'],
    fits: ub,
    months: COLD,
    write({ p, rng }) {
      const days = rng.int(3, 9);
      return {
        mn: {
          title: 'Агаарын чанарын мэдээлэл шинэчлэгдэхгүй байна',
          description: `${p.mn.gen} ойролцоох агаарын чанарын хяналтын цэгийн мэдээлэл ${days} хоног шинэчлэгдээгүй байна. Хүүхэдтэй айлууд гадуур гарах эсэхээ шийдэхэд энэ мэдээлэл чухал. Хяналтын төхөөрөмж эвдэрсэн бол яагаад иргэдэд мэдэгдэхгүй байгаа юм бэ?`,
          resolved: ['Хяналтын цэгийн мэдээлэл дамжуулах төхөөрөмж гэмтсэнийг сольж, мэдээллийг сэргээлээ. Цаашид төхөөрөмж гэмтсэн тохиолдолд цахим хуудсанд тухай бүр мэдэгдэл гаргана. Шүүмжлэлийг хүлээн авч байна.'],
          rejected: [],
        },
        en: {
          title: 'Air quality readings not updated',
          description: `The air quality monitoring station near ${p.en.name} has not updated its readings for ${days} days. Families with children rely on this to decide whether to go outside. If the equipment is broken, why are residents not told?`,
          resolved: ["The station's data transmitter had failed; it has been replaced and readings are back. In future we will post a notice on our website whenever a station is down. We accept the criticism."],
          rejected: [],
        },
      };
    },
  },

  // ── Public transport ────────────────────────────────────────────────────────────
  {
    id: 'transport.timetable',
    category: 'public_transport',
    kinds: ['complaint'],
    fits: ub,
    weight: 1.6,
    write({ p, rng }) {
      const [route, routeEn] = rng.pick(ROUTES);
      const minutes = rng.int(30, 50);
      const extra = rng.int(2, 5);
      return {
        mn: {
          title: `${route} чиглэлийн автобус хуваарийн дагуу явахгүй байна`,
          description: `Өглөө 7:30-8:30 цагийн хооронд ${p.mn.gen} буудал дээр ${route} чиглэлийн автобусыг ${minutes} минут хүлээсэн ч ирэхгүй байна. Ирэхдээ дүүрэн ирээд буудалд зогсолгүй өнгөрдөг. Хүүхдүүд сургуульдаа, бид ажилдаа хоцорч байна. Өглөөний оргил цагт нэмэлт автобус гаргаж өгнө үү.`,
          resolved: [
            `Таны гомдлын дагуу ${route} чиглэлийн автобусны GPS хяналтын мэдээллийг шалгахад өглөөний оргил цагт хуваарийн зөрчил гарсан нь тогтоогдлоо. Тээвэрлэгч компанид торгууль ногдуулж, өглөөний 7:00-9:00 цагт ${extra} автобус нэмж гаргахаар шийдвэрлэсэн.`,
          ],
          rejected: [
            `GPS хяналтын мэдээллээр ${route} чиглэлийн автобусууд хуваарийн дагуу явсан нь тогтоогдсон. Оргил цагт замын түгжрэлээс шалтгаалан хоцролт гардаг тул автобусны байршлыг гар утасны аппликейшнээр харж явахыг зөвлөж байна.`,
          ],
        },
        en: {
          title: `Route ${routeEn} bus not keeping to its timetable`,
          description: `Between 7:30 and 8:30 in the morning we wait ${minutes} minutes at the stop in ${p.en.name} and no route ${routeEn} bus comes. When one does, it is full and drives past without stopping. Our children are late for school and we are late for work. Please add buses at the morning peak.`,
          resolved: [`The GPS records of route ${routeEn} confirm that the timetable was not kept at the morning peak. The operator has been fined, and ${extra} extra buses will run on the route between 7:00 and 9:00.`],
          rejected: [`GPS records show that the route ${routeEn} buses kept to the timetable. Delays at peak hours come from traffic congestion; you can follow the buses' positions live in the mobile app.`],
        },
      };
    },
  },
  {
    id: 'transport.driver',
    category: 'public_transport',
    kinds: ['criticism', 'complaint'],
    fits: ub,
    write({ rng }) {
      const [route, routeEn] = rng.pick(ROUTES);
      const fleet = rng.int(100, 899);
      return {
        mn: {
          title: `${route} чиглэлийн автобусны жолооч зорчигчтой бүдүүлэг харьцсан`,
          description: `Өчигдөр орой ${route} чиглэлийн автобусны жолооч ахмад настан зорчигчийг суудалдаа суухаас өмнө хөдөлж, унагасан. Бусад зорчигчид анхааруулахад жолооч хашгирч, муухай үг хэлсэн. Автобусны гаражийн дугаар ${fleet}. Ийм харьцаатай жолоочид хариуцлага тооцно уу.`,
          resolved: ['Автобусны камерын бичлэгийг шалгахад жолоочийн зөрчил тогтоогдсон тул тээвэрлэгч компани жолоочид сахилгын шийтгэл ногдуулж, харилцааны сургалтад хамрууллаа. Хохирсон зорчигчоос уучлал хүсье.'],
          rejected: ['Тухайн өдрийн камерын бичлэгийг шалгасан боловч таны дурдсан тохиолдол бичигдээгүй байна. Яг хэдэн цагт болсныг мэдээлбэл дахин шалгах боломжтой.'],
        },
        en: {
          title: `Rude driver on route ${routeEn}`,
          description: `Yesterday evening the driver of a route ${routeEn} bus pulled away before an elderly passenger had sat down, and she fell. When passengers objected, the driver shouted and swore at them. The bus's fleet number was ${fleet}. Please hold drivers like this to account.`,
          resolved: ["The bus camera footage confirmed the driver's misconduct. The operator has disciplined the driver and sent him on customer-service training. We apologise to the passenger who was hurt."],
          rejected: ['We reviewed the camera footage from that day but could not find the incident you describe. If you can tell us the exact time, we will check again.'],
        },
      };
    },
  },
  {
    id: 'transport.card_reader',
    category: 'public_transport',
    kinds: ['complaint'],
    fits: ub,
    write({ rng }) {
      const [route, routeEn] = rng.pick(ROUTES);
      const weeks = rng.int(2, 5);
      const buses = rng.int(3, 9);
      return {
        mn: {
          title: 'Карт уншигч ажиллахгүй автобуснаас зорчигч буулгаж байна',
          description: `${route} чиглэлийн зарим автобусны карт уншигч ${weeks} долоо хоног ажиллахгүй байна. Жолооч нар картаа уншуулж чадаагүй зорчигчийг буулгаж, эсвэл бэлэн мөнгө шаардаж байна. Карт уншигчийг засаж, жолооч нарт зааварчилгаа өгнө үү.`,
          resolved: [
            `Тухайн чиглэлийн ${buses} автобусны карт уншигчийг сольж засварлалаа. Карт уншигч ажиллахгүй үед зорчигчийг үнэ төлбөргүй зорчуулах журмыг жолооч нарт дахин танилцуулсан. Бэлэн мөнгө авсан жолооч нарт сахилгын арга хэмжээ авна.`,
          ],
          rejected: [],
        },
        en: {
          title: `Card readers broken on route ${routeEn}`,
          description: `Card readers on some route ${routeEn} buses have not worked for ${weeks} weeks. Drivers make passengers whose card will not read get off, or ask them for cash. Please repair the readers and instruct the drivers.`,
          resolved: [`The card readers on ${buses} buses on the route have been replaced. Drivers have been reminded that passengers ride free when the reader is not working; drivers who took cash will face disciplinary action.`],
          rejected: [],
        },
      };
    },
  },
  {
    id: 'transport.new_route',
    category: 'public_transport',
    kinds: ['suggestion', 'request'],
    fits: gerUb,
    write({ p, rng }) {
      const [route, routeEn] = rng.pick(ROUTES);
      const km = rng.pick(['1.5', '2', '2.5', '3']);
      const longer = rng.pick(['1.8', '2.4', '3.1']);
      const stops = rng.int(2, 5);
      return {
        mn: {
          title: `${p.mn.localNom} хүртэл автобусны чиглэл сунгах санал`,
          description: `${p.mn.gen} айлууд хамгийн ойрын автобусны буудал хүртэл ${km} км алхдаг. Өвөл харанхуй, хүйтэнд хүүхдүүд, ахмад настан явахад хэцүү. Ойролцоох ${route} чиглэлийг хорооны төв хүртэл сунгах, эсвэл шинэ богино чиглэл нээхийг санал болгож байна. Энд 2000 гаруй өрх амьдардаг.`,
          resolved: [`Таны саналыг судалж, ${route} чиглэлийг ${p.mn.localNom} хүртэл ${longer} км сунгаж, ${stops} шинэ буудал байгуулахаар шийдвэрлэлээ. Шинэчилсэн чиглэл ирэх сарын 1-нээс эхлэн үйлчилнэ.`],
          rejected: ['Тухайн хэсгийн замын өргөн, хучилт том оврын автобус явах шаардлага хангахгүй байгаа тул чиглэл сунгах боломжгүй байна. Замын засвар хийгдсэний дараа саналыг дахин авч үзнэ.'],
        },
        en: {
          title: `Suggestion: extend a bus route to ${p.en.short}`,
          description: `Families in ${p.en.name} walk ${km} km to the nearest bus stop. In the dark and cold of winter this is hard for children and older people. I suggest extending route ${routeEn} to the centre of the khoroo or opening a new short route. More than 2,000 households live here.`,
          resolved: [`We studied your suggestion and decided to extend route ${routeEn} by ${longer} km to ${p.en.short}, with ${stops} new stops. The extended route will start running on the 1st of next month.`],
          rejected: ['The road in that area is too narrow, and its surface unfit for full-size buses, so the route cannot be extended yet. We will reconsider once the road has been rebuilt.'],
        },
      };
    },
  },
  {
    id: 'transport.shelter',
    category: 'public_transport',
    kinds: ['request'],
    fits: ub,
    write({ p }) {
      return {
        mn: {
          title: 'Автобусны буудалд саравч, суудал байрлуулах хүсэлт',
          description: `${p.mn.gen} гол замын дагуух автобусны буудалд саравч, суудал байхгүй. Өвөл хүйтэн салхинд, зун бороонд ахмад настан, хүүхэдтэй ээжүүд ил задгай зогсож автобус хүлээдэг. Буудалд саравч, суудал байрлуулж өгнө үү.`,
          resolved: ['Таны хүсэлтийн дагуу тухайн буудалд дулаалгатай саравч, суудал суурилууллаа. Буудлын гэрэлтүүлгийг мөн шинэчилсэн.'],
          rejected: ['Тухайн буудлын орчимд явган хүний замын өргөн 1.5 метр тул саравч байрлуулах зай байхгүй байна. Замын өргөтгөлийн ажлын хүрээнд буудлыг шилжүүлж, саравчтай болгохоор төлөвлөсөн.'],
        },
        en: {
          title: 'Request for a shelter and seats at a bus stop',
          description: `The bus stop on the main road in ${p.en.name} has no shelter and no seats. Older people and mothers with children wait in the open, in the wind in winter and the rain in summer. Please put up a shelter with seats.`,
          resolved: ['An insulated shelter with seats has been installed at the stop, and its lighting has been renewed.'],
          rejected: ['The pavement at that stop is only 1.5 m wide, leaving no room for a shelter. The stop will be moved and given a shelter as part of the road-widening works.'],
        },
      };
    },
  },
  {
    id: 'transport.intercity',
    category: 'public_transport',
    kinds: ['complaint', 'suggestion'],
    fits: (p) => p.rural && p.centre,
    write({ p, rng }) {
      const trips = rng.int(2, 4);
      return {
        mn: {
          title: `${p.mn.soum}–Улаанбаатар чиглэлийн автобусны тасалбар хүрэлцэхгүй байна`,
          description: `Баасан, Ням гарагт ${p.mn.soum}–Улаанбаатар чиглэлийн автобусны тасалбар цахимаар зарагдаж эхэлмэгц хэдхэн минутад дуусдаг. Автовокзалын үүдэнд тасалбарыг илүү үнээр дамлан зарж байна. Амралтын өдрүүдэд нэмэлт рейс гаргаж, дамын наймааг таслан зогсоохыг хүсье.`,
          resolved: [`Тээвэрлэгч компанитай тохиролцож, Баасан, Ням гарагт нэмэлт ${trips} рейс гаргахаар шийдвэрлэлээ. Тасалбар дамлан худалдаалж буй асуудлаар цагдаагийн байгууллагатай хамтран хяналт тавина.`],
          rejected: ['Хот хоорондын нийтийн тээврийн чиглэл, рейсийн тоог Зам, тээврийн хөгжлийн яамны харьяа Авто тээврийн үндэсний төв тогтоодог. Таны саналыг тус төвд хүргүүлсэн.'],
        },
        en: {
          title: `Not enough bus tickets ${p.en.soum}–Ulaanbaatar`,
          description: `On Fridays and Sundays, tickets for the ${p.en.soum}–Ulaanbaatar bus sell out online within minutes of going on sale, and people resell them at a mark-up outside the bus station. Please add trips at weekends and stop the reselling.`,
          resolved: [`We have agreed with the bus operator to add ${trips} more trips on Fridays and Sundays. Together with the police we will crack down on ticket reselling.`],
          rejected: ['Intercity routes and the number of trips are set by the National Road Transport Centre under the Ministry of Road and Transport Development. We have forwarded your suggestion to them.'],
        },
      };
    },
  },
  {
    id: 'transport.thanks',
    category: 'public_transport',
    kinds: ['praise'],
    fits: ub,
    write({ rng }) {
      const [route, routeEn] = rng.pick(ROUTES);
      return {
        mn: {
          title: `${route} чиглэлийн жолоочид баярлалаа`,
          description: `Өнгөрсөн долоо хоногт ${route} чиглэлийн автобусанд тэргэнцэртэй зорчигч суухад жолооч буугаад налуу тавцанг нь тавьж, суудалд нь суутал хүлээсэн. Бусад зорчигчид ч тусалсан. Ийм сайхан сэтгэлтэй жолоочид баярлалаа.`,
          resolved: ['Таны талархлыг тээвэрлэгч компани болон жолоочид уламжиллаа. Хөгжлийн бэрхшээлтэй зорчигчдод ийм үйлчилгээ үзүүлэхийг бүх жолоочид үлгэр жишээ болгон танилцуулна.'],
          rejected: [],
        },
        en: {
          title: `Thank you to a route ${routeEn} driver`,
          description: `Last week, when a passenger in a wheelchair got on a route ${routeEn} bus, the driver got out, set up the ramp and waited until she was settled. Other passengers helped too. Thank you to such a kind driver.`,
          resolved: ['We have passed your thanks on to the operator and the driver, and will share this as an example with all drivers serving passengers with disabilities.'],
          rejected: [],
        },
      };
    },
  },

  // ── Health ──────────────────────────────────────────────────────────────────────
  {
    id: 'health.family_clinic',
    category: 'health',
    kinds: ['complaint'],
    fits: town,
    weight: 1.4,
    write(c) {
      const { p, rng } = c;
      const hours = rng.int(2, 4);
      const from = later(c, 1);
      return {
        mn: {
          title: 'Өрхийн эрүүл мэндийн төвд дугаар авч чадахгүй байна',
          description: `${p.mn.gen} өрхийн эрүүл мэндийн төвд эмчид үзүүлэх дугаар авахын тулд өглөө 7 цагаас очиж дугаарлах шаардлагатай болдог. Утсаар залгахад хэн ч авдаггүй. Өнөөдөр ${hours} цаг хүлээгээд дугаар дууссан гэж буцаасан. Ахмад настан, жирэмсэн эмэгтэйчүүдэд маш хүнд байна. Цахимаар цаг захиалдаг болгож өгнө үү.`,
          resolved: [
            `Өрхийн эрүүл мэндийн төвийн үйл ажиллагаанд хяналт хийж, өглөөний цагаар нэмэлт нэг эмч ажиллуулах, утсаар болон цахимаар цаг захиалах үйлчилгээг ${from.mn}-р сарын 1-нээс эхлүүлэхээр шийдвэрлэлээ. Ахмад настан, жирэмсэн эмэгтэйчүүдийг дугааргүйгээр үзэх журмыг мөрдүүлнэ.`,
          ],
          rejected: [
            'Өрхийн эрүүл мэндийн төв нь хувийн хэвшлийн байгууллага бөгөөд гэрээний дагуу үйлчилгээ үзүүлдэг. Гэрээний биелэлтэд дүүргийн Эрүүл мэндийн төв хяналт тавьдаг тул таны гомдлыг тэнд хүргүүлж, шалгалт хийлгэхээр шилжүүллээ.',
          ],
        },
        en: {
          title: 'Cannot get an appointment at the family health centre',
          description: `To see a doctor at the family health centre in ${p.en.name} you have to start queueing at 7 am. Nobody answers the phone. Today I waited ${hours} hours and was sent home because the numbers had run out. This is very hard for older people and pregnant women. Please introduce online booking.`,
          resolved: [
            `We reviewed the centre's work. An extra doctor will see patients in the mornings, and telephone and online booking will start on 1 ${from.en}. Older people and pregnant women will be seen without a number.`,
          ],
          rejected: ['Family health centres are private providers working under contract, monitored by the district health centre. We have passed your complaint to it for an inspection.'],
        },
      };
    },
  },
  {
    id: 'health.soum_doctor',
    category: 'health',
    kinds: ['complaint', 'request'],
    fits: remoteSoum,
    weight: 1.3,
    write(c) {
      const { p, rng } = c;
      const [spec, specEn] = rng.pick([
        ['хүүхдийн', 'paediatrician'],
        ['шүдний', 'dentist'],
        ['эх барихын', 'obstetrician'],
      ] as const);
      const months = rng.int(3, 9);
      const km = rng.int(60, 180);
      const from = later(c, 2);
      return {
        mn: {
          title: `Сумын эрүүл мэндийн төвд ${spec} эмч байхгүй байна`,
          description: `${p.mn.soum} сумын эрүүл мэндийн төвд ${spec} эмч ${months} сар байхгүй байна. Хүмүүс аймгийн төв рүү ${km} км замд зардал гаргаж үзүүлж байна. Өвөлжөөнөөс ирдэг малчдад бүр хүнд. Эмчийн орон тоог нөхөх, ядаж сард нэг удаа аймгаас эмч ирүүлж үзлэг хийлгэхийг хүсье.`,
          resolved: [`Аймгийн Эрүүл мэндийн газартай хамтран ${spec} эмчийн орон тоог нөхөж, шинэ эмч ${from.mn}-р сараас ажилд орно. Түүнээс өмнө аймгийн нэгдсэн эмнэлгийн эмч нар сар бүр сумын төвд явуулын үзлэг хийнэ.`],
          rejected: [
            `Эмчийн орон тоог Эрүүл мэндийн яам баталдаг бөгөөд сумын эрүүл мэндийн төвийн орон тоонд ${spec} эмч батлагдаагүй байна. Таны хүсэлтийг орон тооны саналд тусгаж яаманд хүргүүлсэн. Аймгийн нэгдсэн эмнэлгийн явуулын үзлэгийн хуваарийг сумын төвд байрлуулсан.`,
          ],
        },
        en: {
          title: `No ${specEn} at the soum health centre`,
          description: `The health centre in ${p.en.soum} soum has had no ${specEn} for ${months} months. People pay to travel ${km} km to the aimag centre to be seen, which is hardest for herders coming in from their winter camps. Please fill the post, or at least have a doctor from the aimag hold a clinic once a month.`,
          resolved: [`Together with the aimag health department we have filled the post; the new ${specEn} starts in ${from.en}. Until then doctors from the aimag general hospital will hold a mobile clinic in the soum centre every month.`],
          rejected: [
            `Medical posts are approved by the Ministry of Health, and the soum health centre has no approved ${specEn} post. We have included your request in our staffing proposal to the ministry. The schedule of the aimag hospital's mobile clinics is posted in the soum centre.`,
          ],
        },
      };
    },
  },
  {
    id: 'health.ambulance',
    category: 'health',
    kinds: ['complaint'],
    fits: any,
    write({ p, rng }) {
      const hours = rng.int(2, 4);
      const age = rng.int(68, 84);
      const crews = rng.int(2, 4);
      const day = rng.int(0, 4);
      return {
        mn: {
          title: `Түргэн тусламж ${hours} цаг гаруй ирээгүй`,
          description: `Өнгөрсөн ${WEEKDAYS.mn[day]} гарагт ${p.mn.loc} амьдардаг манай ${age} настай аав гэнэт муудаж, 103 дугаарт залгасан. Түргэн тусламж ${hours} цаг гаруй ирээгүй тул хөршийн машинаар эмнэлэгт хүргэсэн. Дахин залгахад "машин гарсан" гэсэн хариу өгч байсан. Яагаад ийм удсаныг шалгаж өгнө үү.`,
          resolved: [
            `Түргэн тусламжийн дуудлагын бүртгэлийг шалгахад тухайн үед бүх машин дуудлагад явсан, ачаалал өндөр байсан ч диспетчер дуудлагыг эрэмбэлэхдээ алдаа гаргасан нь тогтоогдсон тул сахилгын арга хэмжээ авлаа. Өвлийн ачааллыг харгалзан оройн ээлжид нэмэлт ${crews} баг гаргасан.`,
          ],
          rejected: [],
        },
        en: {
          title: `Ambulance took more than ${hours} hours`,
          description: `Last ${WEEKDAYS.en[day]} my ${age}-year-old father in ${p.en.name} suddenly fell ill and we called 103. The ambulance had not arrived after more than ${hours} hours, so a neighbour drove him to hospital. When we called again we were told "the car is on its way". Please investigate why it took so long.`,
          resolved: [`The call records show that every ambulance was out on calls at the time, but the dispatcher also made a mistake in prioritising your call and has been disciplined. Given the winter load, ${crews} extra crews now work the evening shift.`],
          rejected: [],
        },
      };
    },
  },
  {
    id: 'health.medicines',
    category: 'health',
    kinds: ['complaint', 'request'],
    fits: any,
    write({ p, rng }) {
      const weeks = rng.int(2, 6);
      const pharmacies = rng.int(2, 6);
      return {
        mn: {
          title: 'Хөнгөлөлттэй эм эмийн санд олдохгүй байна',
          description: `Даралт, чихрийн шижингийн хөнгөлөлттэй эмийн жорыг өрхийн эмч бичиж өгдөг ч ${around(p)} эмийн сангууд "Эрүүл мэндийн даатгалаар хөнгөлөгдөх эм дууссан" гэж хэлдэг. ${weeks} долоо хоног эмээ авч чадахгүй, бүтэн үнээр нь авч байна. Тэтгэврийн мөнгөнд хүнд байна.`,
          resolved: [`Эмийн сангуудад шалгалт хийхэд хөнгөлөлттэй эмийн гэрээт нийлүүлэлт тасалдсан байсныг нийлүүлэгчтэй холбогдож сэргээлээ. Одоо ${pharmacies} эмийн санд хөнгөлөлттэй эм байгаа бөгөөд жагсаалтыг өрхийн эрүүл мэндийн төвд байрлуулсан.`],
          rejected: ['Хөнгөлөлттэй эмийн санхүүжилтийг Эрүүл мэндийн даатгалын ерөнхий газар улирал тутам хуваарилдаг бөгөөд энэ улирлын санхүүжилт эмийн сангуудад дууссан байна. Дараагийн улирлын эхнээс хөнгөлөлт сэргэнэ.'],
        },
        en: {
          title: 'Subsidised medicines not available at pharmacies',
          description: `The family doctor writes prescriptions for subsidised blood-pressure and diabetes medicines, but the pharmacies in ${aroundEn(p)} say the health-insurance discount has run out. For ${weeks} weeks I have not been able to get them and have had to pay full price, which is hard on a pension.`,
          resolved: [`An inspection found that the contracted supply of subsidised medicines to the pharmacies had broken down; we contacted the supplier and it has been restored. ${pharmacies} pharmacies now stock them, and the list is posted at the family health centre.`],
          rejected: ["Funding for subsidised medicines is allocated quarterly by the General Agency for Health Insurance, and the pharmacies have used up this quarter's amount. The discount will be available again at the start of next quarter."],
        },
      };
    },
  },
  {
    id: 'health.thanks',
    category: 'health',
    kinds: ['praise'],
    fits: any,
    write({ p, rng }) {
      const days = rng.int(5, 12);
      const ward = p.ub ? ['Дүүргийн эрүүл мэндийн төвийн хүүхдийн тасгийн', 'the district health centre’s children’s ward'] : ['Аймгийн нэгдсэн эмнэлгийн хүүхдийн тасгийн', 'the aimag general hospital’s children’s ward'];
      return {
        mn: {
          title: `${ward[0]} эмч, сувилагч нарт баярлалаа`,
          description: `Манай хүүхэд уушгины хатгалгаагаар ${days} хоног хэвтэн эмчлүүлэхэд эмч, сувилагч нар өдөр шөнөгүй анхаарал тавьж, сайн эмчилсэн. Хүүхэд маань бүрэн эдгэрч гэртээ гарсан. ${ward[0]} хамт олонд чин сэтгэлээсээ баярлалаа.`,
          resolved: ['Таны талархлыг тасгийн хамт олонд уламжиллаа. Хүүхдийнхээ эрүүл энхийг хүсье.'],
          rejected: [],
        },
        en: {
          title: `Thank you to the doctors and nurses of ${ward[1]}`,
          description: `Our son was in hospital with pneumonia for ${days} days, and the doctors and nurses looked after him day and night. He has fully recovered and is home. Heartfelt thanks to the whole team at ${ward[1]} in ${p.en.name}.`,
          resolved: ['We have passed your thanks on to the ward team. We wish your child good health.'],
          rejected: [],
        },
      };
    },
  },
  {
    id: 'health.rude_staff',
    category: 'health',
    kinds: ['criticism'],
    fits: any,
    write({ p, rng }) {
      const age = rng.int(70, 86);
      return {
        mn: {
          title: 'Эмнэлгийн бүртгэлийн ажилтан ахмад настантай бүдүүлэг харьцсан',
          description: `${p.ub ? `${p.mn.gen} өрхийн` : `${p.mn.soum} сумын`} эрүүл мэндийн төвийн бүртгэлийн ажилтан ${age} настай ээжтэй минь бүдүүлэг харьцаж, "дугаар дууссан, маргааш ир" гээд хөөж гаргасан. Ээж маань сонсгол муутай тул дахин асуухад дуугаа өндөрсгөж загнасан. Ийм харьцаа эмнэлгийн ажилтанд тохирохгүй.`,
          resolved: [
            'Таны шүүмжлэлийг хүлээн авч, тухайн ажилтны асуудлыг ёс зүйн зөвлөлөөр хэлэлцэж, сануулах арга хэмжээ авлаа. Бүртгэлийн бүх ажилтныг харилцааны сургалтад хамруулж, ахмад настанд тусгай цонхоор үйлчилдэг болсон. Ээжээс тань уучлал хүсье.',
          ],
          rejected: [],
        },
        en: {
          title: 'Elderly patient treated rudely at reception',
          description: `The receptionist at the ${p.ub ? 'family ' : ''}health centre in ${aroundEn(p)} was rude to my ${age}-year-old mother and sent her away saying "no numbers left, come back tomorrow". My mother is hard of hearing, and when she asked again the receptionist raised her voice and scolded her. Health workers should not behave like this.`,
          resolved: [
            "We accept your criticism. The employee's conduct was reviewed by the ethics council and she has been formally warned. All reception staff will attend customer-service training, and older patients are now served at a separate window. Please accept our apologies to your mother.",
          ],
          rejected: [],
        },
      };
    },
  },

  // ── Education ───────────────────────────────────────────────────────────────────
  {
    id: 'education.kindergarten',
    category: 'education',
    kinds: ['complaint', 'request'],
    fits: town,
    weight: 1.1,
    write(c) {
      const { p, rng, year } = c;
      const n = p.ub ? rng.int(1, 320) : rng.int(1, 12);
      const years = rng.int(2, 3);
      const place = rng.int(40, 180);
      const capacity = rng.pick([100, 150, 240]);
      const from = later(c, 1);
      return {
        mn: {
          title: `Хүүхэд маань цэцэрлэгт ${years} жил дараалан хамрагдаж чадсангүй`,
          description: `Хүүхдээ ${around(p)} ${n}-р цэцэрлэгт цахим бүртгэлээр ${years} жил дараалан бүртгүүлсэн ч "хүүхдийн тоо хэтэрсэн" гэсэн хариу авсан. Бид хоёулаа ажилладаг тул хүүхдээ харах хүнгүй. Ойролцоо өөр төрийн өмчийн цэцэрлэг байхгүй, хувийн цэцэрлэгийн төлбөр өндөр. Цэцэрлэгийн хүртээмжийг нэмэгдүүлэх арга хэмжээ авна уу.`,
          resolved: [`Таны хүүхдийг ${n}-р цэцэрлэгийн шинээр нээгдсэн бүлэгт ${from.mn}-р сарын 1-нээс хамруулахаар шийдвэрлэлээ. Мөн ${year + 1} онд ${capacity} хүүхдийн шинэ цэцэрлэгийн барилга ашиглалтад орохоор төлөвлөгдсөн.`],
          rejected: [`Цэцэрлэгт хүүхэд элсүүлэх ажил цахим бүртгэлийн дарааллын дагуу явагддаг бөгөөд таны хүүхэд хүлээлгийн жагсаалтын ${place} дугаарт бичигдсэн байна. Дарааллыг зөрчиж элсүүлэх боломжгүй. Орон тоо чөлөөлөгдмөгц цахим системээр мэдэгдэнэ.`],
        },
        en: {
          title: `Child refused a kindergarten place ${years} years running`,
          description: `For ${years} years in a row I have registered my child online for Kindergarten No. ${n} in ${aroundEn(p)}, and each time the answer was "the group is full". We both work and have no one to look after the child. There is no other public kindergarten nearby, and private ones are expensive. Please do something about the shortage of places.`,
          resolved: [`Your child has been given a place in a newly opened group at Kindergarten No. ${n} from 1 ${from.en}. A new kindergarten building for ${capacity} children is also due to open in ${year + 1}.`],
          rejected: [`Places are allocated strictly in the order of the online register, where your child is number ${place} on the waiting list. We cannot admit children out of turn. You will be notified through the system as soon as a place becomes free.`],
        },
      };
    },
  },
  {
    id: 'education.shifts',
    category: 'education',
    kinds: ['criticism', 'suggestion'],
    fits: ub,
    months: SCHOOL_YEAR,
    write(c) {
      const { p, rng, year } = c;
      const s = school(c);
      const seats = rng.pick([320, 480, 640]);
      const other = s.n + rng.int(1, 9);
      return {
        mn: {
          title: `${s.nom} гурван ээлжээр хичээллэж байна`,
          description: `${p.mn.gen} ${s.nom} анги танхим хүрэлцэхгүйн улмаас гурван ээлжээр хичээллэж байна. Гуравдугаар ээлжийн хүүхдүүд орой 19 цагаас хойш харанхуйд гэртээ харьдаг. Нэг ангид 45-50 хүүхэд суудаг. Шинэ сургуулийн барилга, өргөтгөлийн ажлыг хурдасгахыг шаардаж байна.`,
          resolved: [
            `${s.short} ${seats} суудалтай өргөтгөлийн барилгын ажил ${year + 1} оны хичээлийн шинэ жилээс өмнө ашиглалтад орохоор явагдаж байна. Түр арга хэмжээ болгож ойролцоох ${other}-р сургуулийн сул анги танхимд хоёр ангийг шилжүүлж, гуравдугаар ээлжийг татан буулгалаа.`,
          ],
          rejected: [],
        },
        en: {
          title: `${s.en} teaching in three shifts`,
          description: `${s.en} in ${p.en.name} has so few classrooms that it teaches in three shifts. Children in the third shift walk home in the dark after 7 pm, and there are 45 to 50 pupils in a class. We call for the new school building and the extension to be sped up.`,
          resolved: [`The ${seats}-seat extension of ${s.en} is under construction and due to open before the ${year + 1} school year. Meanwhile two classes have moved into free classrooms at School No. ${other} nearby, and the third shift has been ended.`],
          rejected: [],
        },
      };
    },
  },
  {
    id: 'education.dormitory',
    category: 'education',
    kinds: ['complaint'],
    fits: remoteSoum,
    months: COLD,
    write({ p, rng }) {
      const warm = rng.int(18, 21);
      return {
        mn: {
          title: 'Сургуулийн дотуур байр хүйтэн, хоол нь муу байна',
          description: `${p.mn.soum} сумын сургуулийн дотуур байранд манай хүүхэд амьдардаг. Өрөөнүүд хүйтэн, хүүхдүүд хувцастайгаа унтдаг гэж ярьж байна. Хоолны цэс нэг хэвийн, мах ногоо бага. Малчин айлын хүүхдүүд гэр бүлээсээ хол амьдардаг тул нөхцөлийг нь сайжруулж өгнө үү.`,
          resolved: [`Дотуур байрны дулааны системийн засвар хийж, өрөөний дулааныг ${warm} градус болголоо. Хоолны цэсийг аймгийн Эрүүл мэндийн төвийн хоол зүйчтэй хамтран шинэчилж, мах, ногоо, жимсний хэмжээг нэмэгдүүлсэн. Эцэг эхийн төлөөлөл сар бүр хяналт тавина.`],
          rejected: [],
        },
        en: {
          title: 'Cold dormitory and poor food at the soum school',
          description: `My child lives in the dormitory of the school in ${p.en.soum} soum. The children say the rooms are so cold that they sleep in their clothes, and the food is monotonous, with little meat or vegetables. Herders' children live far from their families, so please improve their conditions.`,
          resolved: [`The dormitory heating has been repaired and rooms are now at ${warm}°C. The menu has been revised with the aimag health centre's nutritionist, with more meat, vegetables and fruit. Parents' representatives will check it every month.`],
          rejected: [],
        },
      };
    },
  },
  {
    id: 'education.class_money',
    category: 'education',
    kinds: ['complaint'],
    fits: any,
    months: [8, 9, 10],
    write(c) {
      const { p, rng } = c;
      const s = school(c);
      const grade = rng.int(1, 9);
      const amount = rng.pick([15000, 20000, 30000, 50000]);
      return {
        mn: {
          title: 'Ангийн багш засварын мөнгө хурааж байна',
          description: `${s.gen} ${grade}-р ангийн багш хичээлийн шинэ жилийн өмнө анги засварын нэрээр хүүхэд бүрээс ${money(amount)} төгрөг хурааж байна. Төлөөгүй хүүхдүүдийг бусдын өмнө нэрлэдэг. Ерөнхий боловсролын сургууль үнэ төлбөргүй байх ёстой гэж ойлгодог. Шалгаж өгнө үү.`,
          resolved: [
            'Шалгалтаар анги засварын нэрээр эцэг эхчүүдээс мөнгө хураасан нь Боловсролын ерөнхий хуулийг зөрчсөн үйлдэл болох нь тогтоогдсон. Хураасан мөнгийг эцэг эхчүүдэд буцаан олгуулж, багшид сахилгын шийтгэл ногдууллаа. Бүх сургуульд энэ талаар албан даалгавар хүргүүлсэн.',
          ],
          rejected: [
            'Шалгахад мөнгө хураалтыг эцэг эхийн зөвлөл өөрсдийн санаачилгаар, сайн дурын үндсэн дээр зохион байгуулсан, багш оролцоогүй нь тогтоогдсон. Гэсэн хэдий ч хүүхдийг ялгаварлах ёсгүй тул сургуулийн захиргаанд анхааруулга өгсөн.',
          ],
        },
        en: {
          title: 'Teacher collecting money for classroom repairs',
          description: `Before the school year, the grade ${grade} teacher at ${s.en} in ${p.en.name} is collecting ${money(amount)} tugrik from every child "for classroom repairs", and names the children who have not paid in front of the class. As I understand it, general education is meant to be free. Please look into this.`,
          resolved: [
            'Our investigation found that collecting money from parents for classroom repairs breaches the Law on Education. The money is being returned to the parents and the teacher has been disciplined. All schools have been instructed accordingly.',
          ],
          rejected: ["We found that the collection was organised voluntarily by the parents' council, without the teacher's involvement. Children must not be singled out, however, and we have warned the school management about this."],
        },
      };
    },
  },
  {
    id: 'education.school_bus',
    category: 'education',
    kinds: ['suggestion', 'request'],
    fits: ger,
    months: SCHOOL_YEAR,
    write(c) {
      const { p, rng } = c;
      const km = rng.int(3, 8);
      const from = later(c, 1);
      return {
        mn: {
          title: 'Алслагдсан хэсгийн хүүхдүүдэд сургуулийн автобус гаргах санал',
          description: `${p.mn.gen} захын хэсгээс сургууль хүртэл ${km} км зайтай. Бага ангийн хүүхдүүд өвлийн хүйтэнд, өглөө харанхуйд алхаж явдаг. Өглөө, орой нэг удаа ч болов сургуулийн автобус явуулбал эцэг эхчүүд тайван байх байсан.`,
          resolved: [`Таны саналын дагуу ${from.mn}-р сарын 1-нээс эхлэн өглөө 07:30, орой 17:30 цагт сургуулийн автобус явуулна. Автобусны чиглэл, зогсоолын мэдээллийг сургуулиар дамжуулан эцэг эхчүүдэд хүргэнэ.`],
          rejected: ['Сургуулийн автобусны зардал энэ оны төсөвт тусгагдаагүй тул одоогоор хэрэгжүүлэх боломжгүй. Саналыг ирэх оны төсвийн төсөлд тусгаж, Иргэдийн Төлөөлөгчдийн Хуралд танилцуулна.'],
        },
        en: {
          title: 'Suggestion: a school bus for children from the outlying area',
          description: `From the outer part of ${p.en.name} it is ${km} km to school. Young pupils walk there in the winter cold and in the dark of the morning. Even one school bus run in the morning and one in the evening would put parents' minds at rest.`,
          resolved: [`Following your suggestion, a school bus will run at 07:30 and 17:30 from 1 ${from.en}. The school will give parents the route and stops.`],
          rejected: ["The cost of a school bus is not in this year's budget, so it cannot be done now. We will include it in next year's draft budget and present it to the citizens' representative khural."],
        },
      };
    },
  },
  {
    id: 'education.thanks',
    category: 'education',
    kinds: ['praise'],
    fits: any,
    write(c) {
      const s = school(c);
      const grade = c.rng.int(1, 9);
      return {
        mn: {
          title: `${s.short} багш нарт талархал`,
          description: `Манай хүүхэд энэ жил ${s.short} ${grade}-р ангид суралцаж байна. Ангийн багш нь хүүхэд бүртэй ажиллаж, эцэг эхчүүдтэй тогтмол холбоотой байдаг. Хичээлээс гадуур уран зураг, шатрын дугуйлан хичээллүүлдэг. Ийм сэтгэлтэй багш нарт баярлалаа.`,
          resolved: ['Таны талархлыг сургуулийн захиргаа болон багш нарт уламжиллаа. Эцэг эх, сургуулийн хамтын ажиллагааг цаашид ч бэхжүүлнэ.'],
          rejected: [],
        },
        en: {
          title: `Thanks to the teachers of ${s.en}`,
          description: `Our child is in grade ${grade} at ${s.en} in ${c.p.en.name} this year. The class teacher works with every child and keeps in regular touch with parents, and after lessons runs art and chess clubs. Thank you to teachers who care this much.`,
          resolved: ['We have passed your thanks on to the school management and teachers. We will keep building good cooperation between parents and the school.'],
          rejected: [],
        },
      };
    },
  },

  // ── Social welfare ──────────────────────────────────────────────────────────────
  {
    id: 'welfare.child_money',
    category: 'social_welfare',
    kinds: ['complaint'],
    fits: any,
    weight: 1.5,
    write({ p, rng }) {
      const months = rng.int(2, 4);
      const days = rng.int(5, 14);
      return {
        mn: {
          title: `Хүүхдийн мөнгө ${months} сар орж ирээгүй`,
          description: `Манай гурван хүүхдэд олгодог хүүхдийн мөнгө ${months} сар дансанд орж ирээгүй байна. Энэ талаар ${p.mn.social} хандахад "бүртгэлд алдаа гарсан байж магадгүй" гэсэн боловч одоог хүртэл засаагүй. Хүүхдийн мөнгө манай өрхийн гол орлого. Шалгаж, олгогдоогүй сарын мөнгийг нөхөн олгоно уу.`,
          resolved: [`Шалгахад таны хүүхдүүдийн мэдээлэл Хүн амын нэгдсэн бүртгэлийн системд давхардсан байсныг засварлалаа. Олгогдоогүй ${months} сарын хүүхдийн мөнгийг ${days} хоногийн дотор нөхөн олгож, дансанд тань шилжүүлсэн.`],
          rejected: [`Шалгахад хүүхдийн мөнгө олгох дансыг тань хаасан тул шилжүүлэг буцаж ирсэн байна. Шинэ дансны мэдээллээ иргэний үнэмлэхийн хамт ${p.mn.social} бүртгүүлсний дараа олгогдоогүй мөнгө нөхөн шилжинэ.`],
        },
        en: {
          title: `Child money not paid for ${months} months`,
          description: `The child money for my three children has not reached our bank account for ${months} months. The ${p.en.socialWorker} said there "might be a registration error", but it still has not been fixed. Child money is our household's main income. Please check and pay the missed months.`,
          resolved: [`We found that your children's records were duplicated in the population register, which stopped the payments. The records have been corrected and the ${months} missed months were paid into your account within ${days} days.`],
          rejected: [`The bank account registered for your child money has been closed, so the transfers came back. Once you register a new account with your ID card at the ${p.en.socialOffice}, the missed payments will be transferred.`],
        },
      };
    },
  },
  {
    id: 'welfare.food_stamps',
    category: 'social_welfare',
    kinds: ['request'],
    fits: any,
    write({ p, rng }) {
      const age = rng.int(27, 44);
      const children = rng.int(2, 4);
      const months = rng.int(2, 6);
      return {
        mn: {
          title: 'Хүнсний эрхийн бичигт хамрагдах хүсэлт',
          description: `Би ${age} настай, ганцаараа ${children} хүүхдээ өсгөж байна. Ажлаасаа чөлөөлөгдөөд ${months} сар болж байна. Хүнсний эрхийн бичигт хамрагдах боломжтой эсэхийг шалгаж, шаардлагатай бичиг баримтын талаар мэдээлэл өгнө үү.`,
          resolved: [`Таны өрхийн мэдээллийн сангийн оноогоор хүнсний эрхийн бичигт хамрагдах шалгуур хангаж байна. Дараагийн сараас эхлэн хамруулах тул ${p.mn.social} иргэний үнэмлэхээ авч ирж бүртгүүлнэ үү.`],
          rejected: [`Өрхийн мэдээллийн сангийн оноогоор таны өрх хүнсний эрхийн бичигт хамрагдах босго онооноос дээгүүр байна. Өрхийн нөхцөл байдал өөрчлөгдсөн тул дахин судалгаанд хамрагдах хүсэлтээ ${p.mn.social} гаргах боломжтой.`],
        },
        en: {
          title: 'Request for food stamps',
          description: `I am ${age} and raising ${children} children alone. I lost my job ${months} months ago. Please check whether I qualify for food stamps and tell me which documents I need.`,
          resolved: [`Your household's score in the household socio-economic database meets the criteria for food stamps. You will be included from next month; please bring your ID card to the ${p.en.socialWorker} to register.`],
          rejected: [`According to the household database, your household's score is above the threshold for food stamps. As your circumstances have changed, you can ask the ${p.en.socialWorker} to reassess your household.`],
        },
      };
    },
  },
  {
    id: 'welfare.carer_allowance',
    category: 'social_welfare',
    kinds: ['complaint'],
    fits: any,
    write({ rng }) {
      const months = rng.int(2, 4);
      const weeks = rng.int(4, 10);
      const days = rng.int(5, 14);
      return {
        mn: {
          title: 'Хөгжлийн бэрхшээлтэй хүүхдийн асаргааны тэтгэмж зогссон',
          description: `Хөгжлийн бэрхшээлтэй хүүхдээ асарч байгаа надад олгодог асаргааны тэтгэмж ${months} сар олгогдоогүй. Хөдөлмөрийн чадвар алдалтын комиссын дүгнэлтээ сунгуулах дараалал ${weeks} долоо хоногийн дараа гэсэн. Комисс хойшилсноос болж тэтгэмж тасрах нь шударга бус байна.`,
          resolved: [`Комиссын дүгнэлт хугацаа хэтэрсэн нь таны буруу биш тул тэтгэмжийг тасалдуулахгүйгээр үргэлжлүүлэн олгох шийдвэр гаргалаа. Олгогдоогүй ${months} сарын тэтгэмжийг нөхөн олгосон. Комиссын дарааллыг тань ${days} хоногийн дараа болгож товлолоо.`],
          rejected: [],
        },
        en: {
          title: 'Carer’s allowance stopped for a disabled child',
          description: `The carer's allowance I receive for looking after my disabled child has not been paid for ${months} months. The next appointment to renew the medical commission's assessment is ${weeks} weeks away. It is unfair that the allowance stops because the commission is running late.`,
          resolved: [`The delay in the commission's assessment is not your fault, so we have decided to continue the allowance without a break. The ${months} missed months have been paid, and your commission appointment has been moved forward to ${days} days from now.`],
          rejected: [],
        },
      };
    },
  },
  {
    id: 'welfare.day_centre',
    category: 'social_welfare',
    kinds: ['suggestion'],
    fits: any,
    write({ p, rng }) {
      const size = rng.int(30, 60);
      return {
        mn: {
          title: 'Ахмад настны өдрийн үйлчилгээний төв нээх санал',
          description: `${p.mn.gen} ганц бие ахмад настан олон байна. Өдөр нь ярих хүнгүй, гэртээ ганцаараа суудаг. ${p.mn.hall.charAt(0).toUpperCase()}${p.mn.hall.slice(1)} сул өрөөнд ахмад настны өдрийн төв нээж, халуун хоол, эрүүл мэндийн үзлэг, гар урлалын дугуйлан зохион байгуулахыг санал болгож байна. Сайн дурын залуучууд туслахад бэлэн.`,
          resolved: [`Таны саналыг дэмжиж, ${p.mn.hall} ${size} м² өрөөг ахмад настны өдрийн төвд зориулан тохижууллаа. Төв Даваа-Баасан гарагт 10:00-16:00 цагт ажиллаж, өдрийн халуун хоол өгнө. Сайн дурынхныг ${p.mn.official} бүртгэж байна.`],
          rejected: ['Ахмад настны өдрийн төвийн үйл ажиллагааны зардал орон нутгийн төсөвт тусгагдаагүй тул энэ онд нээх боломжгүй. Таны саналыг ирэх оны орон нутгийн хөгжлийн сангийн төсөлд иргэдийн саналаар эрэмбэлүүлэхээр оруулсан.'],
        },
        en: {
          title: 'Suggestion: a day centre for older people',
          description: `Many older people in ${p.en.name} live alone, with no one to talk to during the day. I suggest opening a day centre in a spare room of the ${p.en.hall}, with hot meals, health checks and craft groups. Young volunteers are ready to help.`,
          resolved: [`We support your suggestion: a ${size} m² room in the ${p.en.hall} has been fitted out as a day centre for older people. It is open Monday to Friday, 10:00 to 16:00, with a hot lunch. ${p.en.official.charAt(0).toUpperCase()}${p.en.official.slice(1)} is registering volunteers.`],
          rejected: ["Running costs for a day centre are not in the local budget, so it cannot open this year. We have entered your suggestion into next year's Local Development Fund for residents to vote on."],
        },
      };
    },
  },
  {
    id: 'welfare.winter_fuel',
    category: 'social_welfare',
    kinds: ['request'],
    fits: ger,
    months: DEEP_WINTER,
    write({ p, rng }) {
      const age = rng.int(72, 88);
      const street = streetNo(p, rng);
      const tonnes = rng.pick(['1', '1.5', '2']);
      return {
        mn: {
          title: 'Ганц бие ахмад настанд өвлийн түлшний тусламж хүсэх',
          description: `Манай хөрш ${age} настай ганц бие өвгөн ${p.mn.gen} ${street}-р гудамжинд гэрт амьдардаг. Тэтгэвэр нь түлш, хоолонд хүрэлцэхгүй, хэд хоног гэрээ галлаагүй байхыг харсан. Өвлийн түлшний тусламж, асаргааны үйлчилгээнд хамруулж өгнө үү.`,
          resolved: [`Таны мэдээллийн дагуу нийгмийн ажилтан тухайн иргэний гэрт очиж нөхцөл байдалтай танилцаж, ${tonnes} тонн түлш, хүнсний тусламж олголоо. Мөн асаргааны үйлчилгээнд хамруулж, долоо хоног бүр эргэлт хийж байна. Хөршөө анхаарсанд баярлалаа.`],
          rejected: [],
        },
        en: {
          title: 'Winter fuel help for an elderly neighbour living alone',
          description: `Our neighbour, a ${age}-year-old man who lives alone in a ger on Street ${street} in ${p.en.name}, cannot cover fuel and food from his pension; we have seen him go days without lighting his stove. Please include him in winter fuel aid and home care.`,
          resolved: [`A social worker visited him and arranged ${tonnes} tonnes of fuel and a food parcel. He has also been included in home care and is visited every week. Thank you for looking out for your neighbour.`],
          rejected: [],
        },
      };
    },
  },

  // ── Land ────────────────────────────────────────────────────────────────────────
  {
    id: 'land.ownership_delay',
    category: 'land',
    kinds: ['complaint'],
    fits: any,
    weight: 1.5,
    write({ p, rng }) {
      const months = rng.int(3, 8);
      const hectares = rng.pick(['0.05', '0.07']);
      return {
        mn: {
          title: `Газар өмчлөх хүсэлтэд ${months} сар хариу өгөхгүй байна`,
          description: `${p.mn.gen} нутагт гэр бүлийн хэрэгцээнд ${hectares} га газар өмчлөх хүсэлтээ бүх бичиг баримтын хамт ${months} сарын өмнө өгсөн. Хуулиар хугацаа нь 30 хоног гэж ойлгосон. Хэд хэдэн удаа очиход "шийдвэр гараагүй" гэхээс өөр тайлбар өгөхгүй байна. Шийдвэр хэзээ гарах, юу дутуу байгааг тодорхой хэлж өгнө үү.`,
          resolved: ['Таны газар өмчлөх хүсэлтийг Засаг даргын захирамжаар шийдвэрлэж, газар өмчлөх эрхийн гэрчилгээг бэлтгэлээ. Гэрчилгээгээ ажлын өдрүүдэд иргэний үнэмлэхтэйгээ ирж гардан авна уу. Хугацаа хэтэрсэнд уучлал хүсье.'],
          rejected: ['Таны хүсэлт гаргасан газар нь хот байгуулалтын ерөнхий төлөвлөгөөгөөр ногоон байгууламжийн бүсэд хамаарах тул иргэнд өмчлүүлэх боломжгүй. Ерөнхий төлөвлөгөөнд нийцэх өөр байршлаар дахин хүсэлт гаргах боломжтой.'],
        },
        en: {
          title: `No decision on my land application after ${months} months`,
          description: `${months} months ago I applied, with all the documents, to own ${hectares} ha of land in ${p.en.name} for my family's needs. I understood the legal time limit is 30 days. Each time I ask I am told only that "no decision has been made". Please tell me clearly when the decision will come and whether anything is missing.`,
          resolved: ["Your application has been granted by the governor's decree, and the land ownership certificate is ready. Please collect it on a working day with your ID card. We apologise for the delay."],
          rejected: ['The land you applied for lies in a green-space zone under the general development plan and cannot be given to private owners. You may apply again for another location that fits the plan.'],
        },
      };
    },
  },
  {
    id: 'land.boundary',
    category: 'land',
    kinds: ['complaint'],
    fits: ger,
    accusatory: true,
    write({ p, rng }) {
      const street = streetNo(p, rng);
      const metres = rng.pick(['1.5', '2', '3']);
      const days = rng.int(14, 30);
      return {
        mn: {
          title: 'Хөршийн хашаа манай нэгж талбар руу орж баригдсан',
          description: `${p.mn.gen} ${street}-р гудамжинд байрлах манай нэгж талбарын хил дээр хөрш айл шинээр хашаа барихдаа манай талбай руу ${metres} метр орж барьсан. Кадастрын зураг дээр хил тодорхой байгаа. Газрын албанаас хэмжилт хийлгэж, хилийг сэргээж өгнө үү.`,
          resolved: [`Газрын даамал газар дээр нь хэмжилт хийж, хөрш айлын хашаа таны нэгж талбар руу ${metres} метр орсон нь тогтоогдсон. Хашааг ${days} хоногийн дотор кадастрын зургийн дагуу шилжүүлэн барих шаардлагыг газар эзэмшигчид хүргүүллээ.`],
          rejected: ['Газар дээрх хэмжилтээр хашаа нь кадастрын зурагт тэмдэглэгдсэн хилийн дагуу баригдсан нь тогтоогдсон. Хилийн маргаантай хэвээр байгаа бол шүүхэд хандах эрхтэй.'],
        },
        en: {
          title: "Neighbour's new fence built on our plot",
          description: `Our neighbours on Street ${street} in ${p.en.name} have built a new fence ${metres} metres inside our registered plot. The boundary is clear on the cadastral map. Please send the land office to measure it and restore the boundary.`,
          resolved: [`The land officer measured the plots on site and confirmed that the neighbour's fence is ${metres} metres inside your plot. The neighbour has been ordered to move the fence back to the cadastral boundary within ${days} days.`],
          rejected: ['The measurement on site showed that the fence follows the boundary on the cadastral map. If you still dispute the boundary, you have the right to go to court.'],
        },
      };
    },
  },
  {
    id: 'land.cadastre',
    category: 'land',
    kinds: ['request'],
    fits: any,
    write({ p, rng }) {
      const street = streetNo(p, rng);
      const shown = rng.int(420, 560);
      const real = shown + rng.int(40, 160);
      return {
        mn: {
          title: 'Кадастрын зурагт гарсан алдааг засуулах хүсэлт',
          description: `${p.mn.gen} ${street}-р гудамжинд байрлах манай нэгж талбарын хэмжээ кадастрын зурагт ${shown} м² гэж бичигдсэн байна. Газар өмчлөх эрхийн гэрчилгээнд ${real} м² гэж байгаа. Энэ зөрүүнээс болж газраа банкны зээлийн барьцаанд тавьж чадахгүй байна. Зургийг засуулж өгнө үү.`,
          resolved: [`Таны нэгж талбарт дахин хэмжилт хийж, кадастрын мэдээллийн санд талбайн хэмжээг ${real} м² болгон заслаа. Шинэчилсэн кадастрын зургийг цахимаар авах боломжтой.`],
          rejected: [`Дахин хэмжилтээр таны нэгж талбарын бодит хэмжээ ${shown} м² буюу кадастрын зурагтай таарч байна. Алдаа гэрчилгээнд гарсан тул гэрчилгээгээ шинэчлүүлэх хүсэлтийг газрын албанд гаргана уу.`],
        },
        en: {
          title: 'Request to correct an error in the cadastral map',
          description: `The cadastral map shows our plot on Street ${street} in ${p.en.name} as ${shown} m², while the ownership certificate says ${real} m². Because of the mismatch the bank will not accept the land as collateral for a loan. Please correct the map.`,
          resolved: [`The plot was re-measured and its area corrected in the cadastral database to ${real} m². You can download the updated cadastral map online.`],
          rejected: [`Re-measurement shows your plot's actual area is ${shown} m², which matches the cadastral map. The error is in the certificate, so please apply to the land office to have it reissued.`],
        },
      };
    },
  },
  {
    id: 'land.playground',
    category: 'land',
    kinds: ['criticism', 'complaint'],
    fits: (p) => p.ub && p.housing === 'apartment',
    write({ p, rng, year }) {
      const building = rng.int(3, 80);
      return {
        mn: {
          title: 'Хүүхдийн тоглоомын талбайн газрыг барилгын компанид олгосон',
          description: `${p.mn.gen} ${building}-р байрны хажууд байсан хүүхдийн тоглоомын талбайг хашаалж, барилга барих ажил эхэлсэн. Иргэдээс санал авалгүйгээр нийтийн эдэлбэрийн газрыг компанид олгосон нь хууль зөрчсөн гэж үзэж байна. Газар олгосон шийдвэрийг ил болгож, хянаж өгнө үү.`,
          resolved: ['Шалгалтаар тухайн газрыг олгосон шийдвэр хот байгуулалтын ерөнхий төлөвлөгөөнд нийцээгүй нь тогтоогдсон тул Засаг даргын захирамжаар газар эзэмших эрхийг цуцаллаа. Барилгын ажлыг зогсоож, тоглоомын талбайг сэргээн тохижуулна.'],
          rejected: [`Тухайн газрыг ${year - 3} онд хуулийн дагуу дуудлага худалдаагаар олгосон бөгөөд шийдвэр газрын мэдээллийн нэгдсэн санд нээлттэй байгаа. Батлагдсан зураг төсөлд шинэ тоглоомын талбай байгуулахаар тусгагдсан.`],
        },
        en: {
          title: 'Children’s playground given to a developer',
          description: `The children's playground next to building ${building} in ${p.en.name} has been fenced off and construction has started. We believe giving public land to a company without consulting residents is unlawful. Please publish the decision that allocated the land and review it.`,
          resolved: ["Our review found that the allocation did not comply with the general development plan, and the governor has revoked the company's land rights by decree. Construction has been stopped and the playground will be restored."],
          rejected: [`The land was allocated lawfully at auction in ${year - 3}, and the decision is public in the national land information database. The approved building design includes a new playground.`],
        },
      };
    },
  },
  {
    id: 'land.pasture',
    category: 'land',
    kinds: ['complaint'],
    fits: remoteSoum,
    write({ p, year }) {
      return {
        mn: {
          title: 'Өвөлжөөний газар дээр өөр сумын малчид зөвшөөрөлгүй буусан',
          description: `${p.mn.gen} нутагт манай гэр бүлийн гэрээгээр эзэмшдэг өвөлжөөний газар дээр хөрш сумын малчид зөвшөөрөлгүй бууж, хадлангийн талбайг малаар идүүлж байна. Өвөл ирэхэд малын тэжээл хүрэлцэхгүй болох нь. Асуудлыг сумдын Засаг дарга нар хамтран шийдвэрлэж өгнө үү.`,
          resolved: ['Хоёр сумын Засаг дарга нарын хамтарсан уулзалтаар малчдыг өөрийн сумын нутагт буцаан нүүлгэхээр тохиролцлоо. Малчдад газар ашиглалтын гэрээгээ зөрчихгүй байх сануулга өгч, хадлангийн талбайг хамгаалалтад авсан.'],
          rejected: [`Шалгахад таны эзэмшдэг өвөлжөөний газрын гэрээний хугацаа ${year - 1} онд дууссан, сунгагдаагүй байна. Гэрээгээ сунгуулах хүсэлтээ сумын газрын даамалд гаргана уу.`],
        },
        en: {
          title: 'Herders from another soum on our winter pasture',
          description: `Herders from a neighbouring soum have moved without permission onto the winter camp land in ${p.en.name} that my family holds under contract, and their animals are grazing our hay field. We will not have enough fodder when winter comes. Please have the soum governors resolve this together.`,
          resolved: ['At a joint meeting the two soum governors agreed that the herders will move back to their own soum. They have been warned to respect land-use contracts, and the hay field is now protected.'],
          rejected: [`Our records show that your contract for the winter camp land expired in ${year - 1} and was not renewed. Please apply to the soum land officer to renew it.`],
        },
      };
    },
  },

  // ── Public safety ───────────────────────────────────────────────────────────────
  {
    id: 'safety.stray_dogs',
    category: 'public_safety',
    kinds: ['complaint'],
    fits: any,
    weight: 1.4,
    write({ p, rng }) {
      const [where, whereEn] = rng.pick([
        ['сургуулийн орчимд', 'around the school'],
        ['хогийн цэгийн орчимд', 'around the rubbish point'],
        ['гудамжнуудаар', 'through the streets'],
      ] as const);
      const dogs = rng.int(12, 40);
      return {
        mn: {
          title: 'Тэнэмэл нохой олширч, хүүхдүүдийг хазаж байна',
          description: `${p.mn.gen} ${where} тэнэмэл нохой сүрэглэн явах болж, сүүлийн сард хоёр хүүхэд нохойд хазуулсан. Өглөө, орой хүүхдүүд сургууль руугаа явахаас айж байна. Тэнэмэл нохойг барьж, хяналт тавина уу.`,
          resolved: [`Мэргэжлийн байгууллагатай хамтран тухайн орчимд ${dogs} тэнэмэл нохой барьж, амьтны хамгаалах байранд шилжүүллээ. Цаашид сар бүр барих ажлыг зохион байгуулж, нохой тэжээдэг айлуудад нохойгоо бүртгүүлэх шаардлага хүргүүлнэ.`],
          rejected: [],
        },
        en: {
          title: 'Packs of stray dogs biting children',
          description: `Stray dogs now roam in packs ${whereEn} in ${p.en.name}, and two children were bitten last month. Children are afraid to walk to school in the mornings and evenings. Please catch the strays and keep the problem under control.`,
          resolved: [`Together with a specialist contractor we caught ${dogs} stray dogs in the area and took them to an animal shelter. Catching will continue every month, and dog-owning households will be required to register their dogs.`],
          rejected: [],
        },
      };
    },
  },
  {
    id: 'safety.alcohol',
    category: 'public_safety',
    kinds: ['complaint'],
    fits: ub,
    accusatory: true,
    write({ p, rng }) {
      const building = rng.int(3, 80);
      return {
        mn: {
          title: 'Дэлгүүрийн үүдэнд согтуу хүмүүс цугларч, хэв журам зөрчиж байна',
          description: `${p.mn.gen} ${building}-р байрны доод давхарт байрлах дэлгүүр шөнө орой болтол согтууруулах ундаа зардаг. Орой бүр үүдэнд нь согтуу хүмүүс цугларч, хэрэлдэж, орцонд бие засдаг. Эмэгтэйчүүд, хүүхдүүд орой гадуур гарахаас айдаг боллоо. Хяналт тавьж өгнө үү.`,
          resolved: ['Цагдаагийн хэсгийн байцаагчтай хамтран шалгахад тус дэлгүүр зөвшөөрөгдсөн цагаас хойш согтууруулах ундаа худалдаалсан нь тогтоогдсон тул тусгай зөвшөөрлийг нь түдгэлзүүллээ. Орой 20:00-23:00 цагт эргүүлийн хяналтыг нэмэгдүүлсэн.'],
          rejected: ['Шалгалтаар тус дэлгүүр согтууруулах ундаа худалдах журам зөрчсөн нь тогтоогдоогүй. Хэв журмын зөрчил гарвал цагдаагийн 102 дугаарт тухай бүр мэдэгдэхийг зөвлөж байна.'],
        },
        en: {
          title: 'Drunk people gathering outside a shop',
          description: `The shop on the ground floor of building ${building} in ${p.en.name} sells alcohol late into the night. Every evening drunk people gather outside, fight and relieve themselves in the stairwells. Women and children are now afraid to go out in the evening. Please take action.`,
          resolved: ['An inspection with the local police officer found that the shop sold alcohol after permitted hours, and its alcohol licence has been suspended. Police patrols between 20:00 and 23:00 have been increased.'],
          rejected: ['Our inspection found no breach of the alcohol sales rules by the shop. Please report any disturbance to the police on 102 when it happens.'],
        },
      };
    },
  },
  {
    id: 'safety.cameras',
    category: 'public_safety',
    kinds: ['suggestion'],
    fits: any,
    write({ p, rng }) {
      const street = streetNo(p, rng);
      const cameras = rng.int(2, 4);
      return {
        mn: {
          title: 'Гудамжинд хяналтын камер суурилуулах санал',
          description: `${p.mn.gen} ${street}-р гудамжинд сүүлийн үед хулгай, дээрэм гарах болсон. Гэрэлтүүлэг муу, камер байхгүй. Гудамжны уулзварт хяналтын камер суурилуулж, цагдаагийн хяналтын төвтэй холбохыг санал болгож байна.`,
          resolved: [`Таны саналыг дэмжиж, ${street}-р гудамжны уулзварт ${cameras} хяналтын камер суурилуулж, цагдаагийн хяналтын төвд холболоо. Гудамжны гэрэлтүүлгийг мөн сайжруулсан.`],
          rejected: ['Хяналтын камер суурилуулах байршлыг гэмт хэргийн статистикт үндэслэн цагдаагийн байгууллага тогтоодог бөгөөд энэ онд таны дурдсан байршил жагсаалтад ороогүй байна. Саналыг ирэх оны жагсаалтад тусгуулахаар хүргүүлсэн.'],
        },
        en: {
          title: 'Suggestion: CCTV on our street',
          description: `There have recently been thefts and robberies on Street ${street} in ${p.en.name}. The lighting is poor and there are no cameras. I suggest installing cameras at the junction, linked to the police control centre.`,
          resolved: [`We support your suggestion: ${cameras} cameras have been installed at the junction on Street ${street} and connected to the police control centre. The street lighting has been improved too.`],
          rejected: ["Camera locations are chosen by the police on the basis of crime statistics, and your street is not on this year's list. We have asked for it to be considered for next year's."],
        },
      };
    },
  },
  {
    id: 'safety.karaoke',
    category: 'public_safety',
    kinds: ['complaint'],
    fits: (p) => town(p) && flats(p),
    accusatory: true,
    write({ p, rng }) {
      const building = rng.int(3, 80);
      return {
        mn: {
          title: 'Караоке шөнө дөл болтол чанга дуугардаг',
          description: `${p.mn.gen} ${building}-р байрны хажуугийн караоке шөнийн 2-3 цаг хүртэл чанга дуу хөгжимтэй ажилладаг. Байрны оршин суугчид унтаж чадахгүй, хүүхдүүд маань сургуульдаа ядарсан очдог. Олон удаа цагдаа дуудсан ч өөрчлөлт алга. Ажиллах цагийг нь хянаж өгнө үү.`,
          resolved: ['Шалгалтаар тухайн караоке зөвшөөрөгдсөн цагаас хэтрүүлэн ажилласан, дуу тусгаарлалтгүй нь тогтоогдсон. Үйл ажиллагааг нь 14 хоногоор түдгэлзүүлж, дуу тусгаарлах ажлыг дуусгах хүртэл орой 22:00 цагаас хойш ажиллахыг хориглолоо.'],
          rejected: [],
        },
        en: {
          title: 'Karaoke bar loud until the small hours',
          description: `The karaoke bar next to building ${building} in ${p.en.name} plays loud music until 2 or 3 in the morning. Residents cannot sleep and our children go to school exhausted. We have called the police many times, with no change. Please enforce its opening hours.`,
          resolved: ['The inspection confirmed the karaoke bar was operating beyond its permitted hours without soundproofing. It has been suspended for 14 days and may not open after 22:00 until the soundproofing is done.'],
          rejected: [],
        },
      };
    },
  },

  // ── Civil registration ──────────────────────────────────────────────────────────
  {
    id: 'registration.id_card',
    category: 'civil_registration',
    kinds: ['complaint'],
    fits: any,
    write({ p, rng }) {
      const weeks = rng.int(4, 8);
      return {
        mn: {
          title: `Иргэний үнэмлэх ${weeks} долоо хоног гарахгүй байна`,
          description: `Иргэний үнэмлэхээ солиулахаар ${weeks} долоо хоногийн өмнө ${p.mn.registration} материалаа өгсөн. 14 хоногт гарна гэж хэлсэн ч очих бүрт "хараахан ирээгүй" гэсэн хариу өгдөг. Үнэмлэхгүйн улмаас банк, нотариатын үйлчилгээ авч чадахгүй байна.`,
          resolved: ['Таны иргэний үнэмлэхийг хэвлэх явцад хурууны хээний мэдээлэл тодорхойгүй байсан тул дахин баталгаажуулах шаардлага гарсныг танд мэдэгдээгүй нь манай алдаа. Үнэмлэх тань бэлэн болсон тул ажлын цагаар ирж авна уу.'],
          rejected: [],
        },
        en: {
          title: `ID card still not ready after ${weeks} weeks`,
          description: `${weeks} weeks ago I applied to replace my ID card at the ${p.en.registration}. I was told it would take 14 days, but every time I go I hear "not arrived yet". Without an ID card I cannot use banks or notaries.`,
          resolved: ['Your fingerprint data was unclear when the card was printed and had to be verified again; we should have told you, and we apologise. Your ID card is now ready: please collect it during opening hours.'],
          rejected: [],
        },
      };
    },
  },
  {
    id: 'registration.address',
    category: 'civil_registration',
    kinds: ['request'],
    fits: town,
    write({ p, rng }) {
      const months = rng.int(2, 5);
      return {
        mn: {
          title: 'Оршин суугаа хаягийн бүртгэлээ цахимаар шилжүүлж чадахгүй байна',
          description: `Би ${p.mn.name} руу шилжин ирээд ${months} сар болж байна. Оршин суугаа хаягийн бүртгэлээ e-Mongolia-аар шилжүүлэх гэхээр "хаягийн код олдсонгүй" гэсэн алдаа гардаг. Хаягийн бүртгэлгүйн улмаас хүүхдээ ойрын сургуульд шилжүүлж чадахгүй байна. Тусламж хүсье.`,
          resolved: ['Таны шинэ хаягийн код хаягийн нэгдсэн санд бүртгэгдээгүй байсныг нэмж бүртгэлээ. Одоо e-Mongolia системээр оршин суугаа хаягийн бүртгэлээ шилжүүлэх боломжтой.'],
          rejected: [`Таны оршин сууж буй барилга ашиглалтад хүлээн авагдаагүй тул хаягийн код олгох боломжгүй байна. Барилгын компани ашиглалтын комисст орсны дараа хаягийн код олгогдоно. Түр хугацаанд ${p.mn.registration} биечлэн ирж түр оршин суугаа хаягаа бүртгүүлэх боломжтой.`],
        },
        en: {
          title: 'Cannot transfer my residence registration online',
          description: `I moved to ${p.en.name} ${months} months ago. When I try to transfer my residence registration on e-Mongolia I get the error "address code not found". Without the registration I cannot move my child to the nearby school. Please help.`,
          resolved: ['The address code for your new home was missing from the national address database; it has now been added, and you can transfer your residence registration on e-Mongolia.'],
          rejected: [`Your building has not yet been accepted for occupancy, so it cannot be given an address code. Once the developer passes the acceptance inspection, a code will be issued. Meanwhile you can register a temporary address in person at the ${p.en.registration}.`],
        },
      };
    },
  },
  {
    id: 'registration.saturday',
    category: 'civil_registration',
    kinds: ['suggestion'],
    fits: ub,
    write(c) {
      const { p } = c;
      const from = later(c, 2);
      return {
        mn: {
          title: 'Бүртгэлийн хэлтэс бямба гарагт ажилладаг болох санал',
          description: `${p.mn.gen} иргэдэд үйлчилдэг бүртгэлийн хэлтэс зөвхөн ажлын өдрүүдэд 9-18 цагт ажилладаг тул ажилтай хүмүүс чөлөө авч очих шаардлагатай болдог. Дараалал ч урт. Бямба гарагт хагас өдөр ажилладаг, цахимаар цаг захиалдаг болгохыг санал болгож байна.`,
          resolved: [`Таны саналыг дэмжиж, ${from.mn}-р сараас эхлэн бүртгэлийн хэлтэс бямба гарагт 10:00-14:00 цагт ажиллана. Цахим цаг захиалгыг e-Mongolia системтэй холбох ажил хийгдэж байна.`],
          rejected: ['Бүртгэлийн хэлтсийн ажлын цагийг Улсын бүртгэлийн ерөнхий газар нэгдсэн журмаар тогтоодог. Таны саналыг тус газарт уламжиллаа. Одоогоор ихэнх үйлчилгээг e-Mongolia системээр болон төрийн үйлчилгээний машинаар 24 цагаар авах боломжтой.'],
        },
        en: {
          title: 'Suggestion: open the registration office on Saturdays',
          description: `The registration office serving ${p.en.name} opens only on weekdays, 9 to 6, so working people have to take time off to go, and the queues are long. I suggest opening on Saturday mornings and letting people book a time online.`,
          resolved: [`We support your suggestion: from ${from.en} the registration office will open on Saturdays from 10:00 to 14:00. Online booking through e-Mongolia is being set up.`],
          rejected: ['Office hours are set nationally by the General Authority for State Registration; we have passed your suggestion on to them. Most services are already available around the clock on e-Mongolia and at public service kiosks.'],
        },
      };
    },
  },
  {
    id: 'registration.thanks',
    category: 'civil_registration',
    kinds: ['praise'],
    fits: any,
    write({ p }) {
      return {
        mn: {
          title: 'Бүртгэлийн ажилтны шуурхай үйлчилгээнд баярлалаа',
          description: `Хүүхдийнхээ төрсний гэрчилгээг авахаар ${p.mn.registration} очиход ажилтан маш эелдэг харьцаж, дутуу бичиг баримтаа хэрхэн бүрдүүлэхийг тайлбарлаж өгөөд, 20 минутын дотор үйлчилгээг дуусгасан. Ийм үйлчилгээ бүх газар байгаасай.`,
          resolved: ['Таны талархлыг ажилтанд болон хэлтсийн хамт олонд уламжиллаа. Иргэдэд шуурхай, ээлтэй үйлчлэхийг цаашид ч эрхэмлэнэ.'],
          rejected: [],
        },
        en: {
          title: 'Thank you for quick, friendly service at registration',
          description: `When I went to the ${p.en.registration} for my child's birth certificate, the officer was very courteous, explained how to complete the missing documents and had everything done within 20 minutes. I wish every office served people like this.`,
          resolved: ['We have passed your thanks on to the officer and the whole office. We will keep working to serve people quickly and kindly.'],
          rejected: [],
        },
      };
    },
  },
];
