import { constants, createDeflate, crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/**
 * Test files, generated rather than checked in: each is what its name says, and nothing more.
 */

/** A JPEG with EXIF: GPS position, camera make, and orientation 6 (stored sideways). */
export async function jpegWithGps(width = 64, height = 32): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#c03030' } })
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'PandawaTestCam', Copyright: 'citizen' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '0/1 31/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '101/1 26/1 0/1',
      },
    })
    .toBuffer();
}

export async function png(width = 48, height = 40): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 4, background: { r: 10, g: 200, b: 30, alpha: 0.5 } },
  })
    .png()
    .withExifMerge({ IFD0: { Make: 'PandawaTestCam' } })
    .toBuffer();
}

export async function webp(width = 40, height = 40): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3050c0' } })
    .webp()
    .withExifMerge({ IFD0: { Make: 'PandawaTestCam' } })
    .toBuffer();
}

/** A photo-like JPEG of about `targetBytes` (noise compresses badly, like a real photo). */
export async function noisyJpeg(width: number, height: number, quality = 92): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let seed = width * 31 + height;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    raw[i] = (seed >> 16) & 0xff;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

/** A minimal, valid one-page PDF written by hand. */
export function pdf(extra = ''): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] ${extra}>>`,
  ];
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A Windows executable's first bytes. */
export const exe = () =>
  Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(256, 0x41)]);

/** A ZIP archive (a local file header), whatever it is named. */
export const zip = () =>
  Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0]),
    Buffer.alloc(200, 0x20),
  ]);

export const html = () =>
  Buffer.from(
    '\n  <!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>',
  );

/** The start of an iPhone HEIC (ISO-BMFF `ftyp` box, brand `heic`). */
export const heic = () =>
  Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1'),
    Buffer.alloc(100),
  ]);

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

function ihdr(width: number, height: number): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8; // bit depth
  data[9] = 0; // greyscale
  return data;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG whose header claims `width × height` pixels, with almost no data behind it. */
export function pngHeaderOnly(width: number, height: number): Buffer {
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr(width, height)),
    pngChunk('IDAT', deflateSync(Buffer.alloc(width + 1))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A real decompression bomb: a valid greyscale PNG of `side × side` black pixels, about 1 MB
 * compressed for 20 000 × 20 000 (400 megapixels, 400 MB to 1.6 GB once decoded).
 */
export async function pngBomb(side: number): Promise<Buffer> {
  const deflate = createDeflate({ level: constants.Z_BEST_COMPRESSION });
  const parts: Buffer[] = [];
  deflate.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const row = Buffer.alloc(side + 1); // filter byte 0 + one byte per pixel
  for (let y = 0; y < side; y++) {
    if (!deflate.write(row)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', ihdr(side, side)),
    pngChunk('IDAT', Buffer.concat(parts)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** True when the bytes carry an EXIF block, or GPS tags anywhere. */
export async function hasExif(bytes: Buffer): Promise<boolean> {
  const meta = await sharp(bytes).metadata();
  return (
    Boolean(meta.exif?.length) ||
    Boolean(meta.xmp?.length) ||
    bytes.includes(Buffer.from('PandawaTestCam'))
  );
}
