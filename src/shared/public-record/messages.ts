import { defineMessages } from '../i18n/define.js';
import { registerMessages } from '../i18n/index.js';

/**
 * The public record page. Labels of event types and payload fields belong to the module
 * that declares the events, under `<module>:publicRecord` (see docs/PUBLIC-RECORD.md).
 */
export const recordMessages = defineMessages({
  mn: {
    title: 'Нээлттэй бүртгэл',
    lead: 'Платформ дээрх нийтэд нээлттэй өөрчлөлт бүр энд дарааллаараа бичигддэг: санал, гомдлыг хүлээн авсан, шилжүүлсэн, хариулсан, хугацааг сунгасан гэх мэт. Бичлэгийг хэзээ ч засахгүй, устгахгүй.',
    status: {
      title: 'Бүртгэлийн төлөв',
      chained: 'Гинжинд холбогдсон бичлэг',
      pending: 'Гинжинд холбогдохыг хүлээж буй',
      last: 'Сүүлийн холбоос',
      lastValue: '№{{seq}}, хэш нь',
      lastNone: 'Одоогоор бичлэг алга',
      download: 'Бүртгэлийг бүтнээр нь татах (NDJSON)',
      statusJson: 'Төлөвийг JSON-оор харах',
    },
    filters: {
      title: 'Бичлэг шүүх',
      type: 'Төрөл',
      typeAll: 'Бүх төрөл',
      typeGroup: '{{group}}: бүгд',
      subject: 'Сэдэв',
      subjectHint: 'Юуны тухай бичлэг болохыг хаягаар нь бичнэ, жишээ нь feedback/K7M4TRX9.',
    },
    list: {
      title: 'Сүүлийн бичлэгүүд',
      titleFiltered: 'Шүүлтэд тохирох бичлэгүүд',
      empty: 'Одоогоор бүртгэлд бичлэг алга.',
      emptyFiltered: 'Шүүлтэд тохирох бичлэг олдсонгүй.',
      entry: 'Бичлэг №{{seq}}',
      hash: 'хэш',
      type: 'төрөл',
      subject: 'Сэдэв',
      newer: 'Шинэ бичлэгүүд',
      older: 'Өмнөх бичлэгүүд',
      latest: 'Хамгийн сүүлийн бичлэгүүд',
      shortened: 'Урт бичвэрийг энд товчилж харуулсан; татаж авах файлд бүтнээрээ бий.',
    },
    trust: {
      title: 'Яагаад итгэж болох вэ',
      chain: 'Бичлэг бүр өмнөх бичлэгийнхээ хэшийг (тоон хурууны хээг) агуулдаг. Хуучин бичлэгийн ганц үсгийг өөрчилбөл түүнээс хойших бүх хэш таарахаа больж, үүнийг хэн ч илрүүлж чадна.',
      privacy: 'Бүртгэлд хүний нэр, холбоо барих мэдээлэл хэзээ ч орохгүй: зөвхөн код, ангилал, байршил, байгууллага, огноо, үр дүн бичигдэнэ.',
      delay: 'Шинэ бичлэг хэдхэн секундын дотор гинжинд холбогдоно.',
    },
    verify: {
      title: 'Өөрөө шалгах',
      download: 'Бүртгэлийг бүтнээр нь татаж авна. Файлын мөр бүр нэг бичлэг (NDJSON).',
      run: 'Иргэн платформын нээлттэй эх кодоор дараах тушаалыг ажиллуулж шалгана:',
      algorithm:
        'Эсвэл өөрийн програмаар шалгаж болно. Бичлэг бүрийн hash нь SHA-256(prev_hash, дараа нь тухайн бичлэгийн seq, id, occurred_at, type, subject, payload талбаруудын RFC 8785 каноник JSON) байна. Эхний бичлэгийн prev_hash нь 32 тэг байт.',
      keep: 'Сүүлийн хэшийг хадгалж аваарай. Хожим тэр дугаартай бичлэгийн хэш өөрчлөгдөөгүй байвал түүх дахин бичигдээгүй гэсэн үг.',
    },
    errors: {
      bad_before: 'Хуудасны хаяг буруу байна: "before" нь бичлэгийн дугаар (эерэг бүхэл тоо) байх ёстой.',
      bad_after: 'Хаяг буруу байна: "after" нь бичлэгийн дугаар (0 эсвэл эерэг бүхэл тоо) байх ёстой.',
    },
  },
  en: {
    title: 'Public record',
    lead: 'Every public change on the platform is written here in order: feedback received, forwarded and answered, deadlines extended, and more. Entries are never edited or deleted.',
    status: {
      title: 'State of the record',
      chained: 'Entries in the chain',
      pending: 'Waiting to be linked',
      last: 'Latest link',
      lastValue: 'No. {{seq}}, hash',
      lastNone: 'No entries yet',
      download: 'Download the whole record (NDJSON)',
      statusJson: 'State as JSON',
    },
    filters: {
      title: 'Filter entries',
      type: 'Type',
      typeAll: 'All types',
      typeGroup: '{{group}}: all',
      subject: 'Subject',
      subjectHint: 'What the entry is about, as its address, for example feedback/K7M4TRX9.',
    },
    list: {
      title: 'Latest entries',
      titleFiltered: 'Matching entries',
      empty: 'There are no entries in the record yet.',
      emptyFiltered: 'No entries match these filters.',
      entry: 'Entry no. {{seq}}',
      hash: 'hash',
      type: 'type',
      subject: 'Subject',
      newer: 'Newer entries',
      older: 'Older entries',
      latest: 'Latest entries',
      shortened: 'Long texts are shortened on this page; the download has them in full.',
    },
    trust: {
      title: 'Why you can trust it',
      chain: 'Each entry carries the hash (a digital fingerprint) of the entry before it. Changing a single letter of an old entry breaks every hash after it, and anyone can detect that.',
      privacy: 'Names and contact details never enter the record: only codes, categories, places, bodies, dates and outcomes.',
      delay: 'New entries are linked into the chain within seconds.',
    },
    verify: {
      title: 'Check it yourself',
      download: 'Download the whole record. Each line of the file is one entry (NDJSON).',
      run: 'With the open-source code of Irgen, check it with this command:',
      algorithm:
        "Or check it with your own program. Each entry's hash is SHA-256 of its prev_hash followed by the RFC 8785 canonical JSON of its seq, id, occurred_at, type, subject and payload. The first entry's prev_hash is 32 zero bytes.",
      keep: 'Keep the latest hash. If, later, the entry with that number still has the same hash, history was not rewritten.',
    },
    errors: {
      bad_before: 'The page address is not valid: "before" must be an entry number (a positive whole number).',
      bad_after: 'The address is not valid: "after" must be an entry number (0 or a positive whole number).',
    },
  },
});
registerMessages('record', recordMessages);

declare module 'i18next' {
  interface ResourceNamespaceMap {
    record: typeof recordMessages.mn;
  }
}
