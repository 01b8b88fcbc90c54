import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.js';
import { processImage, processImages } from './attachments.js';

async function photoWithGps(format: 'jpeg' | 'png' | 'webp' = 'jpeg'): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .withExif({ IFD0: { Make: 'PhoneMaker', Model: 'Cheap phone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '47/1 55/1 12/1', GPSLongitudeRef: 'E', GPSLongitude: '106/1 55/1 3/1' } })
    .toFormat(format)
    .toBuffer();
}

describe('photo attachments', () => {
  it('strips location and camera metadata from a JPEG', async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const processed = await processImage({ filename: 'pothole.jpg', mimetype: 'image/jpeg', data: original });
    const meta = await sharp(processed.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(processed.bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(processed).toMatchObject({ mediaType: 'image/jpeg', width: 64, height: 48 });
  });

  it('accepts PNG and WebP and strips them too', async () => {
    for (const [format, type] of [['png', 'image/png'], ['webp', 'image/webp']] as const) {
      const processed = await processImage({ filename: `x.${format}`, mimetype: type, data: await photoWithGps(format) });
      expect(processed.mediaType).toBe(type);
      expect((await sharp(processed.bytes).metadata()).exif).toBeUndefined();
    }
  });

  it('refuses a file whose bytes are not the image type it claims', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    await expect(processImage({ filename: 'scan.jpg', mimetype: 'image/jpeg', data: pdf })).rejects.toMatchObject({ code: 'validation_failed' });
    const png = await photoWithGps('png');
    await expect(processImage({ filename: 'renamed.jpg', mimetype: 'image/jpeg', data: png })).rejects.toBeInstanceOf(AppError);
    await expect(processImage({ filename: 'doc.gif', mimetype: 'image/gif', data: png })).rejects.toBeInstanceOf(AppError);
  });

  it('refuses files over 5 MB and more than 5 files, naming each bad file', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 1);
    const error = (await processImages([
      { filename: 'big.jpg', mimetype: 'image/jpeg', data: big },
      { filename: 'fake.png', mimetype: 'image/png', data: Buffer.from('not an image') },
    ]).catch((e: AppError) => e)) as AppError;
    expect(error.fields.map((f) => [f.key, f.params?.name])).toEqual([
      ['feedback:errors.image_too_large', 'big.jpg'],
      ['feedback:errors.image_type', 'fake.png'],
    ]);
    const photo = await photoWithGps();
    const six = Array.from({ length: 6 }, (_, i) => ({ filename: `${i}.jpg`, mimetype: 'image/jpeg', data: photo }));
    await expect(processImages(six)).rejects.toMatchObject({ fields: [{ key: 'feedback:errors.too_many_images' }] });
  });
});
