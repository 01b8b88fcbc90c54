import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/shared/db/database.js';
import { createCso } from '../../src/modules/bodies/commands/organisations.js';
import { readDataFile } from '../../src/modules/commitments/demo.js';
import { importPlanFile } from '../../src/modules/commitments/import.js';
import { findPlan, loadPlanDetail, type PlanDetail } from '../../src/modules/commitments/queries.js';
import type { WebClient } from './client.js';
import { addMembership, buildAccount, buildBody, type BuiltAccount } from './factories.js';

const unique = () => randomBytes(4).toString('hex');

export interface BuiltOrganisation {
  id: number;
  slug: string;
  nameMn: string;
  nameEn: string;
}

/** A civil-society organisation made through the bodies module's command; every call makes a new one. */
export async function buildCso(db: Db, overrides: { slug?: string; nameMn?: string; nameEn?: string } = {}): Promise<BuiltOrganisation> {
  const suffix = unique();
  const cso = { slug: overrides.slug ?? `cso-${suffix}`, nameMn: overrides.nameMn ?? `Төрийн бус байгууллага ${suffix}`, nameEn: overrides.nameEn ?? `Test NGO ${suffix}` };
  const id = await db.transaction().execute((tx) => createCso(tx, cso, new Date()));
  return { id, ...cso };
}

/** The NAP IV report imported as a plan (owner: a new body standing in for the Cabinet Secretariat). */
export async function importNap4(db: Db, now: Date, slug = `nap4-${unique()}`): Promise<PlanDetail> {
  const owner = await buildBody(db, { type: 'agency', nameMn: 'Засгийн газрын Хэрэг эрхлэх газар', nameEn: 'Cabinet Secretariat' });
  await importPlanFile(db, readDataFile('ogp-nap4-mongolia.json'), { slug, ownerBodyId: owner.id, kind: 'national', placeCode: null }, now);
  const plan = (await findPlan(db, slug))!;
  return loadPlanDetail(db, plan, now);
}

export interface SmallPlan {
  slug: string;
  owner: BuiltOrganisation;
  lead: BuiltOrganisation;
  cso: BuiltOrganisation;
  detail: PlanDetail;
}

/**
 * A small plan: one commitment led by a new body with three milestones (due on the
 * given days), one reported "substantial progress", owned by another new body, and a new
 * CSO. Every call makes new organisations and a new plan.
 */
export async function buildSmallPlan(db: Db, now: Date, options: { dues?: string[]; period?: string } = {}): Promise<SmallPlan> {
  const suffix = unique();
  const owner = await buildBody(db, { type: 'agency', nameMn: `Эзэмшигч ${suffix}`, nameEn: `Owner ${suffix}` });
  const lead = await buildBody(db, { type: 'ministry', nameMn: `Хариуцагч яам ${suffix}`, nameEn: `Lead Ministry ${suffix}` });
  const cso = await buildCso(db, { nameMn: `Хяналтын ТББ ${suffix}`, nameEn: `Watchdog NGO ${suffix}` });
  const dues = options.dues ?? ['2026-06-30', '2026-09-30', '2026-12-31'];
  const document = {
    plan: { title: `Test plan ${suffix}`, title_mn: `Туршилтын төлөвлөгөө ${suffix}`, period: options.period ?? '2025-2026' },
    commitments: [
      {
        number: 1,
        title: 'Open contracting for local roads',
        title_mn: 'Орон нутгийн замын гэрээг нээлттэй болгох',
        lead_bodies: [lead.nameEn],
        milestones: dues.map((due, i) => ({
          sequence: i + 1,
          title: `Milestone ${i + 1}`,
          title_mn: `${i + 1}-р үе шат`,
          implementing_organization: lead.nameEn,
          due,
          government_assessment: i === 0 ? 'substantial_progress' : null,
          evidence: i === 0 ? 'Contracts of 2025 are published.' : null,
          ngo_assessments: [],
          ngo_recommendations_provided: false,
        })),
      },
    ],
  };
  const slug = `plan-${suffix}`;
  await importPlanFile(db, document, { slug, ownerBodyId: owner.id, kind: 'national', placeCode: null }, now);
  const plan = (await findPlan(db, slug))!;
  return { slug, owner, lead, cso, detail: await loadPlanDetail(db, plan, now) };
}

/** A confirmed account that is staff (or admin) of a body, or a member of a CSO. */
export async function buildMember(db: Db, organisationId: number, role: 'member' | 'admin' = 'member', overrides: Parameters<typeof buildAccount>[1] = {}): Promise<BuiltAccount> {
  const account = await buildAccount(db, overrides);
  await addMembership(db, account.id, organisationId, role);
  return account;
}

export interface FilePart {
  name: string;
  filename: string;
  type: string;
  data: Buffer;
}

/** A multipart/form-data body as a browser sends it. */
export function multipart(fields: Record<string, string>, files: FilePart[] = []): { payload: Buffer; contentType: string } {
  const boundary = `----irgen${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`), f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts the last page's multipart form like a browser: the CSRF token travels in the action URL. */
export async function postMultipart(client: WebClient, fields: Record<string, string>, files: FilePart[] = []): Promise<LightMyRequestResponse> {
  const action = client.lastPage.match(/<form[^>]+enctype="multipart\/form-data"[^>]*>/)?.[0]?.match(/action="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
  if (!action) throw new Error('no multipart form on the last page');
  const { payload, contentType } = multipart(fields, files);
  return client.request({ method: 'POST', url: action, payload, headers: { 'content-type': contentType } });
}

/** A tiny but real PDF. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
