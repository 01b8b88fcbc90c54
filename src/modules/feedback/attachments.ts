import sharp from 'sharp';
import { AppError, type FieldError } from '../../shared/errors.js';
import { LIMITS } from './model.js';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

export interface ProcessedImage {
  mediaType: ImageType;
  bytes: Buffer;
  width: number;
  height: number;
}

export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

const FORMATS: Record<string, ImageType> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
/** Photos are resized to fit this box: enough to see a pothole, small enough for a slow phone. */
const MAX_SIDE = 2000;

/**
 * Checks that the bytes really are the image type they claim (a renamed PDF is refused),
 * then re-encodes them: EXIF orientation is applied and every metadata block, GPS
 * location included, is dropped, because sharp writes no metadata unless asked.
 */
export async function processImage(file: UploadedFile, field = 'photos'): Promise<ProcessedImage> {
  const name = file.filename || 'file';
  const fail = (key: string): never => {
    throw new AppError('validation_failed', { fields: [{ field, key: `feedback:errors.${key}`, params: { name } }] });
  };
  if (file.data.length > LIMITS.attachmentBytes) fail('image_too_large');
  const declared = file.mimetype === 'image/jpg' ? 'image/jpeg' : file.mimetype;
  let format: string | undefined;
  try {
    format = (await sharp(file.data, { failOn: 'error' }).metadata()).format;
  } catch {
    fail('image_type');
  }
  const actual = format ? FORMATS[format] : undefined;
  if (!actual || actual !== declared) fail('image_type');
  const mediaType = actual as ImageType;
  try {
    const pipeline = sharp(file.data, { failOn: 'error' }).rotate().resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    const encoded = mediaType === 'image/jpeg' ? pipeline.jpeg({ quality: 82, mozjpeg: true }) : mediaType === 'image/png' ? pipeline.png({ compressionLevel: 9 }) : pipeline.webp({ quality: 80 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { mediaType, bytes: data, width: info.width, height: info.height };
  } catch {
    return fail('image_type');
  }
}

/** Processes every file, collecting one error per bad file so the person sees them all. */
export async function processImages(files: UploadedFile[], field = 'photos'): Promise<ProcessedImage[]> {
  if (files.length > LIMITS.attachments) throw new AppError('validation_failed', { fields: [{ field, key: 'feedback:errors.too_many_images' }] });
  const images: ProcessedImage[] = [];
  const errors: FieldError[] = [];
  for (const file of files) {
    try {
      images.push(await processImage(file, field));
    } catch (error) {
      if (error instanceof AppError) errors.push(...error.fields);
      else throw error;
    }
  }
  if (errors.length) throw new AppError('validation_failed', { fields: errors });
  return images;
}
