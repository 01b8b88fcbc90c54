import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { WebClient } from '../../../../test/support/client.js';

/** Test helpers for the web form: real images, multipart bodies, and a whole no-JavaScript run. */

export async function jpeg(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } }).jpeg().toBuffer();
}

export async function png(width = 32, height = 32): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 1 } } }).png().toBuffer();
}

export interface FilePart {
  name: string;
  filename: string;
  type: string;
  data: Buffer;
}

/** A multipart/form-data body as a browser sends it: fields first, then files. */
export function multipartBody(fields: Record<string, string>, files: FilePart[]): { payload: Buffer; contentType: string } {
  const boundary = `----irgen${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    chunks.push(f.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts the photo step like a browser: the CSRF token travels in the action URL. */
export async function postPhotos(client: WebClient, path: string, fields: Record<string, string>, files: FilePart[]): Promise<LightMyRequestResponse> {
  const action = client.lastPage.match(/<form[^>]+enctype="multipart\/form-data"[^>]*>/)?.[0]?.match(/action="([^"]+)"/)?.[1]?.replace(/&amp;/g, '&');
  const url = action ?? `${path}?_csrf=${encodeURIComponent(client.csrf())}`;
  const { payload, contentType } = multipartBody(fields, files);
  return client.request({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
}

export const photo = (data: Buffer, filename = 'photo.jpg', type = 'image/jpeg'): FilePart => ({ name: 'photos', filename, type, data });

/** The draft's base path from a redirect: /feedback/new/<uuid>. */
export function draftBase(location: string): string {
  const match = location.match(/^\/feedback\/new\/([0-9a-f-]{36})\//);
  if (!match) throw new Error(`not a draft address: ${location}`);
  return `/feedback/new/${match[1]}`;
}

export interface FormAnswers {
  kind?: string;
  category: string;
  /** Picker fields: aimag, then soum/düüreg, then optional bagh/khoroo. */
  place?: [string, string, string?];
  title?: string;
  description?: string;
  photos?: FilePart[];
  publication?: 'public' | 'private';
  name?: string;
  email?: string;
  phone?: string;
}

/** Starts a draft and answers every question without JavaScript; returns the draft's base path (the check page is next). */
export async function fillForm(client: WebClient, answers: FormAnswers): Promise<string> {
  await client.get('/feedback/new');
  const started = await client.post('/feedback/new');
  const base = draftBase(String(started.headers.location));
  const expectRedirect = (r: LightMyRequestResponse, step: string) => {
    if (r.statusCode !== 303) throw new Error(`${step}: expected 303, got ${r.statusCode}\n${r.body.slice(0, 2000)}`);
  };
  await client.get(`${base}/kind`);
  expectRedirect(await client.post(`${base}/kind`, { kind: answers.kind ?? 'complaint' }), 'kind');
  await client.get(`${base}/category`);
  expectRedirect(await client.post(`${base}/category`, { category: answers.category }), 'category');
  await client.get(`${base}/place`);
  const [l1, l2, l3] = answers.place ?? ['11', '1110', '111059'];
  expectRedirect(await client.post(`${base}/place`, { place_l1: l1, place_l2: l2, ...(l3 ? { place_l3: l3 } : {}) }), 'place');
  await client.get(`${base}/details`);
  expectRedirect(
    await client.post(`${base}/details`, { title: answers.title ?? 'Хогийн сав цэвэрлэгдэхгүй байна', description: answers.description ?? 'Манай байрны хогийн савыг хоёр долоо хоног ачаагүй.' }),
    'details',
  );
  await client.get(`${base}/photos`);
  expectRedirect(await postPhotos(client, `${base}/photos`, { action: 'continue' }, answers.photos ?? []), 'photos');
  await client.get(`${base}/publication`);
  expectRedirect(await client.post(`${base}/publication`, { publication: answers.publication ?? 'public' }), 'publication');
  await client.get(`${base}/contact`);
  expectRedirect(await client.post(`${base}/contact`, { name: answers.name ?? '', email: answers.email ?? '', phone: answers.phone ?? '' }), 'contact');
  await client.get(`${base}/check`);
  return base;
}
