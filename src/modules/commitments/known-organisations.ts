import type { BodyType } from '../bodies/schemas.js';

/**
 * Organisations named in plan files, by the name as printed. The importer uses this list
 * before matching names against the organisations table: a NAP IV name that differs from
 * the official one ('State procurement agency', 'Minister of Environment and Tourism')
 * still lands on the right body, and one the platform does not know yet is created with
 * its proper Mongolian name instead of the English one. Slugs are those of the bodies
 * module's demo reference data where the body is there.
 */
export interface KnownOrganisation {
  slug: string;
  kind: 'body' | 'cso';
  type?: BodyType;
  nameMn: string;
  nameEn: string;
  /** Superior body's slug (used only when that body exists). */
  superior?: string;
  website?: string;
}

/** The owner of a plan: text printed as written by the report's authors. */
export const OWNER = '@owner';

export const KNOWN_ORGANISATIONS: Record<string, KnownOrganisation | typeof OWNER> = {
  'Ministry of Mining and Heavy Industry': { slug: 'ministry-of-mining-and-heavy-industry', kind: 'body', type: 'ministry', nameMn: 'Уул уурхай, хүнд үйлдвэрийн яам', nameEn: 'Ministry of Mining and Heavy Industry', superior: 'cabinet-secretariat' },
  'Mineral Resources and Petroleum Authority': {
    slug: 'mineral-resources-and-petroleum-authority',
    kind: 'body',
    type: 'agency',
    nameMn: 'Ашигт малтмал, газрын тосны газар',
    nameEn: 'Mineral Resources and Petroleum Authority of Mongolia',
    superior: 'ministry-of-mining-and-heavy-industry',
  },
  'Ministry of Justice and Home Affairs': { slug: 'ministry-of-justice-and-home-affairs', kind: 'body', type: 'ministry', nameMn: 'Хууль зүй, дотоод хэргийн яам', nameEn: 'Ministry of Justice and Home Affairs', superior: 'cabinet-secretariat' },
  'Ministry of Finance': { slug: 'ministry-of-finance', kind: 'body', type: 'ministry', nameMn: 'Сангийн яам', nameEn: 'Ministry of Finance', superior: 'cabinet-secretariat' },
  'State procurement agency': {
    slug: 'state-procurement-agency',
    kind: 'body',
    type: 'agency',
    nameMn: 'Төрийн худалдан авах ажиллагааны газар',
    nameEn: 'State Procurement Agency',
    superior: 'ministry-of-finance',
    website: 'https://www.tender.gov.mn',
  },
  'Ministry of Environment and Tourism': { slug: 'ministry-of-environment-and-tourism', kind: 'body', type: 'ministry', nameMn: 'Байгаль орчин, аялал жуулчлалын яам', nameEn: 'Ministry of Environment and Tourism', superior: 'cabinet-secretariat' },
  // Printed so in the NAP IV implementing-organisation lines; the ministry is meant.
  'Minister of Environment and Tourism': { slug: 'ministry-of-environment-and-tourism', kind: 'body', type: 'ministry', nameMn: 'Байгаль орчин, аялал жуулчлалын яам', nameEn: 'Ministry of Environment and Tourism', superior: 'cabinet-secretariat' },
  'Ministry of Health': { slug: 'ministry-of-health', kind: 'body', type: 'ministry', nameMn: 'Эрүүл мэндийн яам', nameEn: 'Ministry of Health', superior: 'cabinet-secretariat' },
  'Drug and Medical Device Control and Regulatory Authority': {
    slug: 'medicines-and-medical-devices-regulatory-authority',
    kind: 'body',
    type: 'agency',
    nameMn: 'Эм, эмнэлгийн хэрэгслийн хяналт, зохицуулалтын газар',
    nameEn: 'Medicines and Medical Devices Control and Regulatory Authority',
    superior: 'ministry-of-health',
  },
  'Ministry of Digital Development and Communications': {
    slug: 'ministry-of-digital-development-and-communications',
    kind: 'body',
    type: 'ministry',
    nameMn: 'Цахим хөгжил, харилцаа холбооны яам',
    nameEn: 'Ministry of Digital Development and Communications',
    superior: 'cabinet-secretariat',
  },
  'Cabinet Secretariat': { slug: 'cabinet-secretariat', kind: 'body', type: 'agency', nameMn: 'Засгийн газрын Хэрэг эрхлэх газар', nameEn: 'Cabinet Secretariat of the Government of Mongolia' },
  'Open Society Forum NGO': { slug: 'open-society-forum', kind: 'cso', nameMn: 'Нээлттэй нийгэм форум', nameEn: 'Open Society Forum' },
  'Media Council of Mongolia NGO': { slug: 'media-council-of-mongolia', kind: 'cso', nameMn: 'Монголын Хэвлэл мэдээллийн зөвлөл', nameEn: 'Media Council of Mongolia' },
  'Steps without borders NGO': { slug: 'steps-without-borders', kind: 'cso', nameMn: 'Хил хязгааргүй алхам ТББ', nameEn: 'Steps without Borders NGO' },
  'Psychological responsiveness NGO': { slug: 'psychological-responsiveness', kind: 'cso', nameMn: 'Сэтгэл зүйн хариу үйлдэл ТББ', nameEn: 'Psychological Responsiveness NGO' },
  'Government of Mongolia (report authors)': OWNER,
};
