import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sanitizeImage } from '../src/domain/image.sanitizer.js';
import { hasExif, jpegWithGps, png, pngHeaderOnly, webp } from './fixtures.js';

const options = { maxPixels: 40_000_000, previewMaxSide: 16 };

describe('sanitizeImage', () => {
  it('removes EXIF with GPS from a JPEG and applies its orientation first', async () => {
    const input = await jpegWithGps(64, 32);
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer tag
    expect(inputMeta.orientation).toBe(6);

    const out = await sanitizeImage(input, 'image/jpeg', options);
    const meta = await sharp(out.bytes).metadata();
    expect(await hasExif(out.bytes)).toBe(false);
    expect(meta.orientation).toBeUndefined();
    // Orientation 6 means "rotate 90°": the stored picture stands upright, so its sides swap.
    expect([meta.width, meta.height]).toEqual([32, 64]);
    expect([out.width, out.height]).toEqual([32, 64]);
    expect(meta.format).toBe('jpeg');
  });

  it('keeps PNG and WebP in their format, without metadata', async () => {
    const fromPng = await sanitizeImage(await png(), 'image/png', options);
    expect((await sharp(fromPng.bytes).metadata()).format).toBe('png');
    expect(await hasExif(fromPng.bytes)).toBe(false);
    const fromWebp = await sanitizeImage(await webp(), 'image/webp', options);
    expect((await sharp(fromWebp.bytes).metadata()).format).toBe('webp');
    expect(await hasExif(fromWebp.bytes)).toBe(false);
  });

  it('makes a small JPEG preview within the longest side', async () => {
    const out = await sanitizeImage(await jpegWithGps(64, 32), 'image/jpeg', options);
    const preview = await sharp(out.preview).metadata();
    expect(preview.format).toBe('jpeg');
    expect(Math.max(preview.width ?? 0, preview.height ?? 0)).toBe(16);
  });

  it('refuses an image whose header declares too many pixels, before decoding it', async () => {
    await expect(
      sanitizeImage(pngHeaderOnly(20_000, 20_000), 'image/png', options),
    ).rejects.toMatchObject({
      reason: 'DOCUMENT_TOO_MANY_PIXELS',
    });
  });

  it('drops bytes appended after the image (a ZIP riding on a JPEG)', async () => {
    const input = Buffer.concat([
      await jpegWithGps(),
      Buffer.from('PK\x03\x04secret-archive', 'latin1'),
    ]);
    const out = await sanitizeImage(input, 'image/jpeg', options);
    expect(out.bytes.includes(Buffer.from('secret-archive'))).toBe(false);
  });

  it('refuses bytes that only start like an image', async () => {
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 0x11)]);
    await expect(sanitizeImage(broken, 'image/jpeg', options)).rejects.toMatchObject({
      reason: 'DOCUMENT_CORRUPT',
    });
  });
});
