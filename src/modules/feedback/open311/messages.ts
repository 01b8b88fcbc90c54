import { defineMessages } from '../../../shared/i18n/define.js';
import { registerMessages } from '../../../shared/i18n/index.js';

/**
 * Words of the Open311 API (its errors are read by developers, so they name the
 * parameter) and of the platform admin's API-client page.
 */
export const open311Messages = defineMessages({
  mn: {
    discovery: {
      contact: 'Иргэн платформын админ ({{url}})',
      keyService: 'API түлхүүрийг платформын админ олгоно ({{url}}). Түлхүүргүйгээр хүсэлт унших боломжтой, илгээхэд түлхүүр шаардлагатай.',
    },
    notice: {
      received: '{{body}} хүлээн авлаа. Хуулийн дагуу {{due}}-ны дотор хариулна. Хянах код: {{code}}.',
      overdue: 'Хариулах хуулийн хугацаа хэтэрсэн.',
      extended: 'Хариулах хугацааг нэг удаа сунгасан.',
    },
    address: {
      label: 'Хаяг',
      media: 'Хавсралтын холбоос',
    },
    errors: {
      api_key_missing: 'Хүсэлт илгээхэд api_key шаардлагатай. Түлхүүрийг платформын админаас авна уу.',
      api_key_invalid: 'api_key буруу эсвэл хүчингүй болсон байна.',
      required: '{{param}} параметрийг оруулна уу.',
      too_long: '{{param}} {{max}} тэмдэгтээс хэтрэхгүй байх ёстой.',
      too_short: '{{param}} дор хаяж {{min}} тэмдэгт байх ёстой.',
      number: '{{param}} тоо байх ёстой.',
      boolean: '{{param}} нь true эсвэл false байх ёстой.',
      one_of: '{{param}} нь дараахын нэг байх ёстой: {{values}}.',
      invalid: '{{param}} буруу байна.',
      url: '{{param}} нь http(s) хаяг байх ёстой.',
      date: '{{param}} нь ISO 8601 огноо, цаг байх ёстой (жишээ нь 2026-03-02T09:00:00+08:00).',
      date_order: 'end_date нь start_date-ээс хойш байх ёстой.',
      date_window: 'start_date ба end_date-ийн зай 90 хоногоос ихгүй байх ёстой.',
      lat_long_pair: 'lat ба long-ийг хамт оруулна уу.',
      outside_mongolia: 'lat, long нь Монгол Улсын нутаг дэвсгэр дээрх цэг байх ёстой.',
      place_required:
        'Байршлыг place_code (засаг захиргааны нэгжийн код, жишээ нь 111059) эсвэл address_id-ээр заана уу. Солбицлоос нэгжийг тодорхойлох боломжгүй.',
      unknown_service: '"{{code}}" кодтой үйлчилгээ (service_code) алга.',
      unknown_place: '"{{code}}" кодтой засаг захиргааны нэгж алга.',
      unknown_body: '"{{slug}}" гэсэн байгууллага алга.',
      unknown_request: '"{{id}}" дугаартай хүсэлт олдсонгүй.',
      unknown_token: 'Ийм token олдсонгүй.',
      jurisdiction: 'jurisdiction_id нь "mn" байх ёстой (эсвэл орхино уу).',
      too_many_ids: 'Нэг удаад хамгийн ихдээ {{max}} service_request_id асууна уу.',
      form_encoded: 'Хүсэлтийн параметрүүдийг application/x-www-form-urlencoded хэлбэрээр илгээнэ үү.',
      not_found: 'Ийм Open311 хаяг алга. /open311/v2/discovery.json-оос эхэлнэ үү.',
      method_not_allowed: 'Энэ хаяг {{method}} хүсэлт хүлээн авахгүй.',
      unknown_client: 'Ийм API түлхүүр олдсонгүй.',
    },
    admin: {
      title: 'API түлхүүрүүд (Open311)',
      lead: 'Open311 GeoReport v2 API-аар санал, гомдол илгээх программуудад олгосон түлхүүрүүд. Түлхүүрийг зөвхөн олгох үед нэг удаа харуулна; бид зөвхөн түүний хэшийг хадгална.',
      issueTitle: 'Шинэ түлхүүр олгох',
      name: 'Программын нэр',
      nameHint: 'Хэнд олгож байгааг таних нэр, жишээ нь «Хороо 7-ийн мобайл апп».',
      contactEmail: 'Хөгжүүлэгчийн имэйл',
      issue: 'Түлхүүр олгох',
      issuedTitle: '«{{name}}» программд түлхүүр олголоо',
      issuedWarning: 'Энэ түлхүүрийг одоо хуулж аваарай: дахин харуулахгүй. Алдвал шинийг олгож, хуучныг хүчингүй болгоно.',
      issuedUsage: 'Хэрэглэх жишээ:',
      clientsTitle: 'Олгосон түлхүүрүүд',
      none: 'Одоогоор түлхүүр олгоогүй байна.',
      colName: 'Нэр',
      colPrefix: 'Түлхүүрийн эхлэл',
      colCreated: 'Олгосон',
      colStatus: 'Төлөв',
      active: 'Хүчинтэй',
      revokedAt: '{{date}}-нд хүчингүй болгосон',
      revoke: 'Хүчингүй болгох',
      revokeLabel: '«{{name}}» түлхүүрийг хүчингүй болгох',
      revoked: '«{{name}}» түлхүүрийг хүчингүй болголоо. Энэ түлхүүрээр илгээсэн хүсэлтүүд хэвээр үлдэнэ.',
      docs: 'API-ийн тайлбар: {{url}}',
    },
    field: {
      name: 'программын нэр',
      contactEmail: 'имэйл хаяг',
    },
  },
  en: {
    discovery: {
      contact: 'Irgen platform administrators ({{url}})',
      keyService: 'API keys are issued by a platform administrator ({{url}}). Reading requests needs no key; creating one does.',
    },
    notice: {
      received: 'Received by {{body}}. By law it must be answered by {{due}}. Tracking code: {{code}}.',
      overdue: 'The legal deadline for an answer has passed.',
      extended: 'The deadline for an answer was extended once.',
    },
    address: {
      label: 'Address',
      media: 'Media link',
    },
    errors: {
      api_key_missing: 'An api_key is required to create a request. Ask a platform administrator for one.',
      api_key_invalid: 'The api_key is not valid or has been revoked.',
      required: '{{param}} is required.',
      too_long: '{{param}} must be {{max}} characters or fewer.',
      too_short: '{{param}} must be at least {{min}} characters.',
      number: '{{param}} must be a number.',
      boolean: '{{param}} must be true or false.',
      one_of: '{{param}} must be one of: {{values}}.',
      invalid: '{{param}} is not valid.',
      url: '{{param}} must be an http(s) URL.',
      date: '{{param}} must be an ISO 8601 date and time (for example 2026-03-02T09:00:00+08:00).',
      date_order: 'end_date must be after start_date.',
      date_window: 'start_date and end_date may be at most 90 days apart.',
      lat_long_pair: 'Give lat and long together.',
      outside_mongolia: 'lat and long must be a point in Mongolia.',
      place_required:
        'Give the place as place_code (an administrative unit code such as 111059) or as address_id. Places are not derived from coordinates.',
      unknown_service: 'There is no service with service_code "{{code}}".',
      unknown_place: 'There is no administrative unit with code "{{code}}".',
      unknown_body: 'There is no body "{{slug}}".',
      unknown_request: 'There is no request with id "{{id}}".',
      unknown_token: 'There is no such token.',
      jurisdiction: 'jurisdiction_id must be "mn" (or left out).',
      too_many_ids: 'Ask for at most {{max}} service_request_id values at once.',
      form_encoded: 'Send the parameters as application/x-www-form-urlencoded.',
      not_found: 'There is no such Open311 address. Start at /open311/v2/discovery.json.',
      method_not_allowed: 'This address does not accept {{method}} requests.',
      unknown_client: 'There is no such API key.',
    },
    admin: {
      title: 'API keys (Open311)',
      lead: 'Keys issued to applications that send feedback through the Open311 GeoReport v2 API. A key is shown once, when it is issued; only its hash is kept.',
      issueTitle: 'Issue a new key',
      name: 'Application name',
      nameHint: 'A name that says who the key is for, such as “Khoroo 7 mobile app”.',
      contactEmail: 'Developer’s email',
      issue: 'Issue key',
      issuedTitle: 'Key issued to “{{name}}”',
      issuedWarning: 'Copy this key now: it will not be shown again. If it is lost, issue a new one and revoke the old one.',
      issuedUsage: 'Example:',
      clientsTitle: 'Issued keys',
      none: 'No keys have been issued yet.',
      colName: 'Name',
      colPrefix: 'Key starts with',
      colCreated: 'Issued',
      colStatus: 'Status',
      active: 'Active',
      revokedAt: 'Revoked on {{date}}',
      revoke: 'Revoke',
      revokeLabel: 'Revoke the key of “{{name}}”',
      revoked: 'The key of “{{name}}” was revoked. Requests already sent with it stay.',
      docs: 'API description: {{url}}',
    },
    field: {
      name: 'the application name',
      contactEmail: 'the email address',
    },
  },
});
registerMessages('open311', open311Messages);

declare module 'i18next' {
  interface ResourceNamespaceMap {
    open311: typeof open311Messages.mn;
  }
}
