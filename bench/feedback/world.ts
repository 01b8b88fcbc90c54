import { placeCatalogue, type Place } from '../../src/modules/places/catalogue.js';

/**
 * What generated feedback looks like, shared by the Open311 load and the million-item
 * loader: which categories people write about and how often, from which places, and in
 * which words. Texts are short, realistic Mongolian (and some English) complaints of the
 * kinds the 11-11 centre reports; the moderated public versions leave out anything
 * personal, as a moderator would.
 */

/** Share of feedback per category (roads, waste and heating lead, as in 11-11's reports). */
export const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  roads: 15,
  waste: 12,
  heating: 10,
  health: 10,
  social_welfare: 9,
  water: 8,
  education: 8,
  public_transport: 7,
  air_pollution: 6,
  land: 6,
  public_safety: 5,
  civil_registration: 4,
};

export const KIND_WEIGHTS = [
  ['complaint', 55],
  ['request', 20],
  ['suggestion', 12],
  ['criticism', 8],
  ['praise', 5],
] as const;

export interface Text {
  language: 'mn' | 'en';
  /** The submitter's own words (seen by the body only). */
  title: string;
  description: string;
  /** A moderator's version for the public. */
  publicTitle: string;
  publicSummary: string;
}

const mn = (title: string, description: string, publicTitle: string, publicSummary: string): Text => ({ language: 'mn', title, description, publicTitle, publicSummary });
const en = (title: string, description: string, publicTitle: string, publicSummary: string): Text => ({ language: 'en', title, description, publicTitle, publicSummary });

/** Texts per category: four in Mongolian, one in English. */
export const TEXTS: Readonly<Record<string, readonly Text[]>> = {
  roads: [
    mn('Замын нүх томорсоор байна', 'Манай байрны урд талын замын нүх томорсоор байна. Өчигдөр машин дугуйгаа хагалсан. Засвар хэзээ хийх вэ?', 'Замын нүх засуулах хүсэлт', 'Орон сууцны урд талын авто замд том нүх гарч, тээврийн хэрэгсэл гэмтэж байна.'),
    mn('Гудамжны гэрэл асахгүй байна', 'Гудамжны гэрэлтүүлэг хоёр долоо хоног асахгүй байна. Орой харанхуй, хүүхдүүд сургуулиас ирэхэд аюултай.', 'Гудамжны гэрэлтүүлэг ажиллахгүй', 'Гудамжны гэрэлтүүлэг хоёр долоо хоног ажиллахгүй байгаа тул оройн цагаар явган зорчигчдод аюултай.'),
    mn('Явган хүний гарц арилсан', 'Сургуулийн урдах явган хүний гарцын тэмдэглэгээ бүрэн арилсан. Жолооч нар зогсохгүй байна.', 'Явган хүний гарцын тэмдэглэгээ шинэчлэх', 'Сургуулийн урдах явган хүний гарцын тэмдэглэгээ арилж, хүүхдүүдийн аюулгүй байдалд эрсдэл үүсэж байна.'),
    mn('Замын засвар удаан үргэлжилж байна', 'Замын засварын ажил гурван сар үргэлжилж байгаа ч дуусах шинжгүй. Тойруу зам шавар шалбааг болсон.', 'Замын засварын ажил удааширсан', 'Замын засварын ажил гурван сар үргэлжилж, тойруу зам зорчих боломжгүй болсон.'),
    en('Pothole outside our building', 'A large pothole outside our apartment block keeps growing. Two cars damaged their tyres this week.', 'Pothole in the road outside an apartment block', 'A large pothole in front of an apartment block is damaging vehicles.'),
  ],
  waste: [
    mn('Хогийн машин ирэхгүй байна', 'Хогийн машин хоёр долоо хоног ирээгүй. Хогийн сав дүүрч, эргэн тойрон үнэр тарж байна.', 'Хог ачилт тасарсан', 'Хогийн машин хоёр долоо хоног ирээгүйгээс хогийн сав дүүрч, орчин бохирдож байна.'),
    mn('Хууль бус хогийн цэг', 'Гол дагуу хүмүүс хог хаяж, том хогийн овоо үүссэн. Хэн ч цэвэрлэхгүй байна.', 'Гол дагуух хууль бус хогийн цэг', 'Гол дагуу хууль бусаар хог хаясаар том овоо үүссэн, цэвэрлэгээ хийгдээгүй.'),
    mn('Хогийн сав эвдэрсэн', 'Гудамжны хогийн савнууд эвдэрч, нохой хог тарааж байна.', 'Нийтийн хогийн сав солих', 'Гудамжны нийтийн хогийн савнууд эвдэрсэн тул хог тарж байна.'),
    mn('Хогийн төлбөр давхар авсан', 'Хогийн төлбөрийг цахилгааны төлбөртэй хамт авсан атлаа хороо дахин нэхэж байна.', 'Хогийн төлбөр давхар нэхэмжилсэн', 'Хогийн үйлчилгээний төлбөрийг давхар нэхэмжилсэн тухай гомдол.'),
    en('Rubbish not collected', 'The rubbish truck has not come for two weeks. The bins are overflowing and dogs spread the waste.', 'Rubbish not collected for two weeks', 'Household waste has not been collected for two weeks and bins are overflowing.'),
  ],
  heating: [
    mn('Радиатор хүйтэн байна', 'Манай байрны радиатор долоо хоног хүйтэн байна. Гэрт 14 хэм байна, бага насны хүүхэдтэй.', 'Орон сууцны халаалт хангалтгүй', 'Орон сууцны радиатор долоо хоног хүйтэн, өрөөний дулаан 14 хэм байна.'),
    mn('Халаалтын шугам гоождог', 'Подвалд халаалтын шугам гоожиж, уур гарч байна. Шат чийгтэй, хөгц үүсэж эхэлсэн.', 'Халаалтын шугамын гоожилт', 'Байрны подвалд халаалтын шугам гоожиж, чийг, хөгц үүсэж байна.'),
    mn('Халаалт эрт зогсоосон', 'Хаврын хүйтэн байхад халаалтыг эрт зогсоосон. Өвчтэй ахмад настан байгаа.', 'Халаалтын улирал эрт дууссан', 'Хүйтэн хэвээр байхад халаалтыг эрт зогсоосон тухай гомдол.'),
    mn('Дулааны төлбөр өндөр', 'Дулаан муу байхад төлбөр өмнөх сараас хоёр дахин өссөн. Тооцоог шалгаж өгнө үү.', 'Дулааны төлбөрийн тооцоо шалгуулах', 'Дулаан хангалтгүй байхад төлбөр огцом өссөн тул тооцоог шалгахыг хүссэн.'),
    en('No heating in our flat', 'Our radiators have been cold for a week. It is 14 degrees inside and we have a baby.', 'Radiators cold for a week', 'Radiators in an apartment have been cold for a week; indoor temperature is 14 degrees.'),
  ],
  health: [
    mn('Өрхийн эмнэлэгт эмч байхгүй', 'Өрхийн эрүүл мэндийн төвд гурав хоног эмч байхгүй, хүмүүс буцаж байна.', 'Өрхийн эрүүл мэндийн төвд эмч дутагдаж байна', 'Өрхийн эрүүл мэндийн төвд хэд хоног эмч ажиллаагүй тул иргэд үйлчилгээ авч чадсангүй.'),
    mn('Хөнгөлөлттэй эм дууссан', 'Эмийн санд даатгалын хөнгөлөлттэй эм байхгүй гэж хэлсээр сар болж байна.', 'Хөнгөлөлттэй эмийн нийлүүлэлт тасарсан', 'Эмийн санд эрүүл мэндийн даатгалын хөнгөлөлттэй эм сар гаруй байхгүй байна.'),
    mn('Түргэн тусламж удаан ирсэн', 'Аавдаа түргэн дуудсан чинь нэг цагийн дараа ирсэн. Ийм удаан байж болохгүй.', 'Түргэн тусламж хоцорч ирсэн', 'Яаралтай тусламжийн машин дуудлагын дараа нэг цагийн дараа ирсэн тухай гомдол.'),
    mn('Эмнэлгийн дараалал урт', 'Нарийн мэргэжлийн эмчид үзүүлэхийн тулд өглөө 6 цагаас дараалалд зогсдог.', 'Эмнэлгийн дараалал хэт урт', 'Нарийн мэргэжлийн эмчийн үзлэгт өглөө эртнээс дараалал үүсдэг тухай.'),
    en('No doctor at the family clinic', 'There has been no doctor at our family health centre for three days; people are sent home.', 'Family health centre without a doctor', 'A family health centre has had no doctor for several days and residents could not be seen.'),
  ],
  social_welfare: [
    mn('Тэтгэвэр хоцорч байна', 'Энэ сарын тэтгэвэр хугацаандаа орж ирээгүй. Нийгмийн даатгалын хэлтэст хэлэхэд хариу өгөхгүй байна.', 'Тэтгэвэр хугацаандаа олгогдоогүй', 'Сарын тэтгэвэр хугацаандаа олгогдоогүй, нийгмийн даатгалын байгууллага тайлбар өгөөгүй.'),
    mn('Хүүхдийн мөнгө ирээгүй', 'Хүүхдийн мөнгө гурван сар ирээгүй. Бүртгэл зөв гэж хэлсэн.', 'Хүүхдийн мөнгө олгогдоогүй', 'Хүүхдийн мөнгө гурван сар олгогдоогүй тухай хүсэлт.'),
    mn('Тэтгэмж зогссон', 'Хөгжлийн бэрхшээлтэй хүүгийн тэтгэмж шалтгаангүйгээр зогссон.', 'Хөгжлийн бэрхшээлтэй иргэний тэтгэмж зогссон', 'Хөгжлийн бэрхшээлтэй хүүхдийн тэтгэмж тайлбаргүйгээр зогссон.'),
    mn('Хүнсний талон олгохгүй байна', 'Хүнсний эрхийн бичгийн жагсаалтад орсон ч гурван сар олгоогүй.', 'Хүнсний эрхийн бичиг олгогдоогүй', 'Хүнсний эрхийн бичгийн жагсаалтад орсон өрхөд гурван сар олгогдоогүй.'),
    en('Pension paid late', 'This month’s pension has not arrived and the social insurance office does not answer.', 'Pension not paid on time', 'A monthly pension was not paid on time and the office gave no explanation.'),
  ],
  water: [
    mn('Ус тасарсан', 'Манай хороололд гурав хоног ундны ус тасарсан. Ус зөөврийн машин ирэхгүй байна.', 'Ундны ус тасалдсан', 'Хороололд гурав хоног ундны ус тасарч, зөөврийн ус нийлүүлээгүй.'),
    mn('Усны шугам хагарсан', 'Гудамжинд усны шугам хагарч, зам үерлэж байна. Хөлдөж мөс болж эхэлсэн.', 'Усны шугамын гэмтэл', 'Гудамжинд усны шугам хагарч, зам дээр ус тогтон мөсөн гулгаа үүсэж байна.'),
    mn('Усны өнгө муу', 'Цоргоны ус шаргал өнгөтэй, үнэртэй гарч байна. Хүүхдүүд өвдөх вий гэж санаа зовж байна.', 'Ундны усны чанар муу', 'Цоргоны ус өнгө, үнэртэй гарч байгаа тул чанарыг шалгахыг хүссэн.'),
    mn('Ус түгээх байр хаалттай', 'Гэр хорооллын ус түгээх байр ажлын цагаар хаалттай байдаг.', 'Ус түгээх байрны цагийн хуваарь', 'Гэр хорооллын ус түгээх байр ажлын цагаар хаалттай байдаг тухай гомдол.'),
    en('Water cut for three days', 'Our neighbourhood has had no drinking water for three days and no water truck came.', 'Drinking water cut off', 'A neighbourhood has been without drinking water for three days.'),
  ],
  education: [
    mn('Цэцэрлэгт хүүхэд авахгүй байна', 'Хүүхдээ цэцэрлэгт бүртгүүлэх гэтэл орон тоо байхгүй гэсэн. Ажилдаа гарч чадахгүй байна.', 'Цэцэрлэгийн хүртээмж хангалтгүй', 'Цэцэрлэгт орон тоо хүрэлцэхгүй тул хүүхэд хүлээн авахгүй байгаа тухай.'),
    mn('Сургууль гурван ээлжтэй', 'Сургуулийн анги дүүрэн, хүүхдүүд гурван ээлжээр хичээллэж оройтож харьдаг.', 'Сургуулийн анги дүүргэлт', 'Сургууль гурван ээлжээр хичээллэж, сурагчид оройтож харьдаг тухай.'),
    mn('Сургуулийн бие засах газар', 'Сургуулийн бие засах газар эвдэрч, хүүхдүүд ашиглаж чадахгүй байна.', 'Сургуулийн ариун цэврийн байгууламж', 'Сургуулийн бие засах газар эвдэрсэн тул засварлахыг хүссэн.'),
    mn('Сурах бичиг хүрэлцэхгүй', 'Ангид сурах бичиг хүрэлцэхгүй, хоёр хүүхэд нэг номоор хичээллэж байна.', 'Сурах бичгийн хомсдол', 'Ангид сурах бичиг хүрэлцэхгүй байгаа тухай.'),
    en('No kindergarten place', 'We applied for a kindergarten place but were told there is none; I cannot go back to work.', 'Kindergarten places lacking', 'A child could not get a kindergarten place because none are available.'),
  ],
  public_transport: [
    mn('Автобус хуваариас хоцордог', 'Өглөө автобус 40 минут хүлээлгэдэг. Хуваарийн дагуу явахгүй байна.', 'Автобусны хуваарь баримтлахгүй байна', 'Өглөөний цагаар автобус хуваарийн дагуу явахгүй, зорчигчид удаан хүлээж байна.'),
    mn('Буудлын саравч эвдэрсэн', 'Автобусны буудлын саравч эвдэрч, хүйтэнд хүмүүс гадаа зогсдог.', 'Автобусны буудлын саравч засуулах', 'Автобусны буудлын саравч эвдэрсэн тухай.'),
    mn('Картын уншигч ажиллахгүй', 'Автобусны картын уншигч ажиллахгүй, жолооч бэлэн мөнгө шаарддаг.', 'Нийтийн тээврийн картын уншигч гэмтэлтэй', 'Автобусны картын уншигч ажиллахгүй байгаа тухай.'),
    mn('Жолооч бүдүүлэг харьцсан', 'Жолооч ахмад настантай бүдүүлэг харьцаж, буудал дээр зогсоогүй.', 'Жолоочийн харилцаа', 'Автобусны жолооч зорчигчтой зохисгүй харьцсан тухай гомдол.'),
    en('Bus always late', 'In the morning the bus comes 40 minutes late and does not keep to the timetable.', 'Bus not keeping to the timetable', 'Morning buses do not keep to the timetable and passengers wait long.'),
  ],
  air_pollution: [
    mn('Түүхий нүүрс шатааж байна', 'Хөрш айл түүхий нүүрс шатааж, утаа гэрт орж байна.', 'Түүхий нүүрс түлэх зөрчил', 'Гэр хороололд түүхий нүүрс түлж утаа ихэссэн тухай.'),
    mn('Уурын зуухны утаа', 'Ойролцоох уурын зуухны яндангаас хар утаа гарч, орон сууц руу орж байна.', 'Уурын зуухны утаа', 'Ойролцоох уурын зуухнаас хар утаа гарч байгаа тухай.'),
    mn('Дугуй шатааж байна', 'Оройн цагаар хог, дугуй шатааж байгаа хүмүүс байна.', 'Хог, дугуй шатааж агаар бохирдуулж байна', 'Оройн цагаар хог, дугуй шатааж байгаа тухай мэдээлэл.'),
    mn('Агаарын чанар мэдээлэл', 'Манай хорооны агаарын чанарын мэдрэгч ажиллахгүй байна.', 'Агаарын чанарын мэдрэгч эвдэрсэн', 'Хорооны агаарын чанарын мэдрэгч ажиллахгүй байгаа тухай.'),
    en('Smoke from a boiler', 'Black smoke from a nearby boiler house comes into our apartments every evening.', 'Smoke from a boiler house', 'Black smoke from a nearby boiler house reaches apartments in the evening.'),
  ],
  land: [
    mn('Газрын зөвшөөрөл удааширсан', 'Газар эзэмших хүсэлт өгөөд зургаан сар болсон ч хариу ирээгүй.', 'Газар эзэмших хүсэлтийн хариу удааширсан', 'Газар эзэмших хүсэлтэд зургаан сарын турш хариу өгөөгүй тухай.'),
    mn('Хашааны хил зөрчсөн', 'Хөрш айл хашаагаа манай газар руу хоёр метр шилжүүлсэн.', 'Газрын хилийн маргаан', 'Хөрш зэргэлдээ нэгж талбарын хил зөрчсөн тухай гомдол.'),
    mn('Нийтийн талбайд барилга', 'Хүүхдийн тоглоомын талбай дээр барилга барьж эхэлсэн. Зөвшөөрөл бий юу?', 'Нийтийн эзэмшлийн талбайд барилга барьж байна', 'Нийтийн эзэмшлийн тоглоомын талбайд барилга барьж эхэлсэн тухай.'),
    mn('Кадастрын зураг буруу', 'Кадастрын зураг дээр манай газрын хэмжээ буруу орсон байна.', 'Кадастрын мэдээлэл засуулах', 'Кадастрын зураг дээрх газрын хэмжээг засахыг хүссэн.'),
    en('Land application unanswered', 'I applied for a land plot six months ago and have had no answer.', 'Land application without an answer', 'An application for a land plot has had no answer for six months.'),
  ],
  public_safety: [
    mn('Сул нохой олширсон', 'Сургуулийн орчимд сул нохой олширч, хүүхдүүд айж байна.', 'Сул нохойн асуудал', 'Сургуулийн орчимд сул нохой олширсон тухай.'),
    mn('Тоглоомын талбай аюултай', 'Тоглоомын талбайн савлуур эвдэрч, хурц төмөр цухуйсан.', 'Тоглоомын талбайн тоног төхөөрөмж эвдэрсэн', 'Тоглоомын талбайн тоног төхөөрөмж эвдэрч аюултай болсон.'),
    mn('Худаг задгай байна', 'Гудамжинд ус сувгийн худгийн таг байхгүй, хүн унаж болзошгүй.', 'Худгийн таг байхгүй', 'Гудамжинд ус сувгийн худгийн таг алга болсон тухай.'),
    mn('Архидан согтуурал', 'Орой бүр байрны хонгилд архидан согтуурч, дуу шуугиан гаргадаг.', 'Нийтийн хэв журам зөрчиж байна', 'Орон сууцны хонгилд архидан согтуурч, нийтийн хэв журам зөрчдөг тухай.'),
    en('Open manhole', 'A manhole cover is missing on our street; someone could fall in at night.', 'Missing manhole cover', 'A manhole cover is missing on a street.'),
  ],
  civil_registration: [
    mn('Иргэний үнэмлэх удаан', 'Иргэний үнэмлэх сэргээлгэхэд нэг сар хүлээлгэж байна.', 'Иргэний үнэмлэх олгох хугацаа удаан', 'Иргэний үнэмлэх сэргээлгэхэд удаан хүлээлгэж байгаа тухай.'),
    mn('Төрсний гэрчилгээ', 'Хүүхдийн төрсний гэрчилгээ авах хүсэлт шийдэгдээгүй.', 'Төрсний гэрчилгээ олгогдоогүй', 'Хүүхдийн төрсний гэрчилгээ авах хүсэлт шийдэгдээгүй тухай.'),
    mn('Оршин суугаа хаяг буруу', 'Оршин суугаа хаягийн бүртгэл буруу, засуулах гэхээр өөр газар явуулж байна.', 'Хаягийн бүртгэл засуулах', 'Оршин суугаа хаягийн бүртгэлийг засуулах хүсэлт.'),
    mn('ХУР системд алдаа', 'Төрийн үйлчилгээний машин ажиллахгүй, лавлагаа авч чадахгүй байна.', 'Төрийн үйлчилгээний машин ажиллахгүй', 'Төрийн үйлчилгээний машинаас лавлагаа авч чадахгүй байгаа тухай.'),
    en('ID card renewal slow', 'Renewing my ID card has taken a month so far.', 'Slow ID card renewal', 'Renewing an ID card takes a month.'),
  ],
};

export const ANSWERS = {
  resolved: [
    'Асуудлыг шалгаж, холбогдох ажлыг гүйцэтгэсэн. Хандсанд баярлалаа.',
    'Засвар хийгдэж дууссан. Дахин асуудал гарвал мэдэгдэнэ үү.',
    'Хариуцсан мэргэжилтэн газар дээр нь очиж шийдвэрлэсэн.',
  ],
  rejected: ['Энэ асуудал манай байгууллагын эрх хэмжээнд хамаарахгүй тул шийдвэрлэх боломжгүй.', 'Шалгахад дурдсан зөрчил илрээгүй.'],
} as const;

export interface WeightedPlace {
  place: Place;
  weight: number;
}

/**
 * A few hundred places feedback comes from: every khoroo of the capital (half of all
 * feedback, as half the people live there) and, in each aimag, up to six soums and the
 * baghs of the first two (the other half, an equal share per aimag).
 */
export function feedbackPlaces(): WeightedPlace[] {
  const catalogue = placeCatalogue();
  const out: WeightedPlace[] = [];
  const capitalKhoroos = catalogue.children('11').flatMap((d) => catalogue.children(d.code));
  for (const p of capitalKhoroos) out.push({ place: p, weight: 0.5 / capitalKhoroos.length });
  const aimags = catalogue.firstLevel().filter((p) => p.code !== '11');
  for (const aimag of aimags) {
    const soums = [...catalogue.children(aimag.code)].sort((a, b) => a.code.localeCompare(b.code)).slice(0, 6);
    const places = [...soums, ...soums.slice(0, 2).flatMap((s) => [...catalogue.children(s.code)].sort((a, b) => a.code.localeCompare(b.code)).slice(0, 4))];
    for (const p of places) out.push({ place: p, weight: 0.5 / aimags.length / places.length });
  }
  return out;
}
