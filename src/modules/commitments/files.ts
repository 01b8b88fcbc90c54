import sharp from 'sharp';
import type { FieldError } from '../../shared/errors.js';
import { LIMITS } from './model.js';

/**
 * Evidence files of a progress report: PDF documents and photos. A file is checked by its
 * bytes, not its name or declared type; photos are re-encoded, which drops their metadata
 * (a phone's GPS position included). Files are served as downloads, never shown inline.
 */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

export interface EvidenceFile {
  filename: string;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp';
  bytes: Buffer;
}

const IMAGE_TYPES: Record<string, EvidenceFile['mediaType']> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** A file name safe to show and to send in Content-Disposition. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // Control characters and the characters file systems and headers choke on.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(-120);
  return cleaned || 'file';
}

/** Checks every file and collects one error per bad file, so the person sees them all. */
export async function checkEvidenceFiles(files: UploadedFile[], field = 'files'): Promise<{ files: EvidenceFile[]; errors: FieldError[] }> {
  const out: EvidenceFile[] = [];
  const errors: FieldError[] = [];
  if (files.length > LIMITS.files) return { files: [], errors: [{ field, key: 'commitments:errors.too_many_files', params: { max: LIMITS.files } }] };
  for (const file of files) {
    const name = cleanFilename(file.filename);
    if (file.data.length === 0) {
      errors.push({ field, key: 'commitments:errors.file_empty', params: { name } });
      continue;
    }
    if (file.data.length > LIMITS.fileBytes) {
      errors.push({ field, key: 'commitments:errors.file_too_large', params: { name, max: LIMITS.fileBytes / 1024 / 1024 } });
      continue;
    }
    if (file.data.subarray(0, 5).toString('latin1') === '%PDF-') {
      out.push({ filename: name, mediaType: 'application/pdf', bytes: file.data });
      continue;
    }
    try {
      const { format } = await sharp(file.data, { failOn: 'error' }).metadata();
      const mediaType = format ? IMAGE_TYPES[format] : undefined;
      if (!mediaType) throw new Error('not an image we keep');
      const pipeline = sharp(file.data, { failOn: 'error' }).rotate().resize({ width: 2400, height: 2400, fit: 'inside', withoutEnlargement: true });
      const encoded = mediaType === 'image/jpeg' ? pipeline.jpeg({ quality: 85 }) : mediaType === 'image/png' ? pipeline.png() : pipeline.webp({ quality: 85 });
      out.push({ filename: name, mediaType, bytes: await encoded.toBuffer() });
    } catch {
      errors.push({ field, key: 'commitments:errors.file_type', params: { name } });
    }
  }
  return { files: out, errors };
}
