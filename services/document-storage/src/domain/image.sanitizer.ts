import sharp, { type Metadata } from 'sharp';
import { rejectDocument } from './document-rejection.js';

// libvips keeps decoded tiles in a cache shared by the process; documents are each read once,
// so the cache only holds memory.
sharp.cache(false);

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';

export interface SanitizeOptions {
  maxPixels: number;
  previewMaxSide: number;
}

export interface SanitizedImage {
  bytes: Buffer;
  mime: ImageMime;
  width: number;
  height: number;
  preview: Buffer;
}

/**
 * Re-encodes an image so that nothing but its pixels survives: EXIF (GPS position, camera,
 * owner), XMP, IPTC, ICC and comments are gone, and whatever rode along after the image data
 * (a ZIP appended to a JPEG) is dropped. Orientation is applied first, so the picture still
 * stands the right way up without its EXIF tag.
 *
 * The header is read before anything is decoded: an image declaring more than `maxPixels` is
 * refused without allocating its pixels (a 20 000 × 20 000 PNG of a few KB would need 1.6 GB).
 * `limitInputPixels` is the second lock, for headers that lie.
 */
export async function sanitizeImage(
  input: Buffer,
  mime: ImageMime,
  options: SanitizeOptions,
): Promise<SanitizedImage> {
  let header: Metadata;
  try {
    header = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw rejectDocument('DOCUMENT_CORRUPT', { detected: mime, cause: error });
  }
  const { width, height } = header;
  if (!width || !height) throw rejectDocument('DOCUMENT_CORRUPT', { detected: mime });
  // Animated WebP: only the first frame is kept (sharp reads page 0), so pages do not multiply.
  if (width * height > options.maxPixels)
    throw rejectDocument('DOCUMENT_TOO_MANY_PIXELS', { detected: `${mime} ${width}x${height}` });

  const decode = () =>
    sharp(input, {
      limitInputPixels: options.maxPixels,
      failOn: 'error',
      sequentialRead: true,
    }).rotate(); // applies the EXIF orientation; the output carries no metadata at all
  try {
    const out = decode();
    const encoded =
      mime === 'image/jpeg'
        ? out.jpeg({ quality: 85, mozjpeg: false, chromaSubsampling: '4:2:0' })
        : mime === 'image/png'
          ? out.png({ compressionLevel: 6 })
          : out.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    // From the original, not the re-encoded copy: libvips can then decode a JPEG at 1/2, 1/4
    // or 1/8 scale straight away (shrink-on-load) instead of decoding every pixel again.
    const preview = await decode()
      .resize({
        width: options.previewMaxSide,
        height: options.previewMaxSide,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 70 })
      .toBuffer();
    return { bytes: data, mime, width: info.width, height: info.height, preview };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      throw rejectDocument('DOCUMENT_TOO_MANY_PIXELS', { detected: mime });
    throw rejectDocument('DOCUMENT_CORRUPT', { detected: mime, cause: error });
  }
}
