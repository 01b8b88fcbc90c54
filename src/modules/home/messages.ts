import { defineMessages } from '../../shared/i18n/define.js';
import { registerMessages } from '../../shared/i18n/index.js';

export const homeMessages = defineMessages({
  mn: {
    title: 'Иргэн: санал, гомдол, өргөдөл, хэлэлцүүлэг нэг дор',
    lead: 'Төрийн үйлчилгээний талаарх санал, гомдол, хүсэлтээ илгээж, хэн хариуцаж, хэзээ хариулах ёстойг нээлттэй хянаарай.',
    startFeedback: 'Санал, гомдол илгээх',
    trackTitle: 'Өргөдлөө хянах',
    trackHint: 'Илгээхэд өгсөн 8 тэмдэгт бүхий кодоо оруулна уу.',
    principlesTitle: 'Бидний амлалт',
    principleAnswer: 'Илгээсэн бүрт хариуцагч, хугацаа, нээлттэй төлөв бий.',
    principleRecord: 'Юу ч устахгүй: өөрчлөлт бүр нээлттэй бүртгэлд үлдэнэ.',
    principleReach: 'Монгол хэлээр, JavaScript-гүйгээр, хямд утсаар ажиллана.',
    principlePrivacy: 'Таны нэр, холбоо барих мэдээлэл хэзээ ч нийтэд харагдахгүй.',
  },
  en: {
    title: 'Irgen: feedback, petitions and consultations in one place',
    lead: 'Send feedback, complaints and requests about public services, and follow in public who is responsible and when they must answer.',
    startFeedback: 'Send feedback',
    trackTitle: 'Track your submission',
    trackHint: 'Enter the 8-character code you were given when you sent it.',
    principlesTitle: 'Our promise',
    principleAnswer: 'Everything you send has an owner, a deadline and a public status.',
    principleRecord: 'Nothing disappears: every change stays in the public record.',
    principleReach: 'Works in Mongolian, without JavaScript, on a cheap phone.',
    principlePrivacy: 'Your name and contact details are never shown in public.',
  },
});
registerMessages('home', homeMessages);

declare module 'i18next' {
  interface ResourceNamespaceMap {
    home: typeof homeMessages.mn;
  }
}
