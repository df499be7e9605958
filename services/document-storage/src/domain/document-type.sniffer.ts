/**
 * The type of a file from its first bytes, never from the declared mime type or file name: a
 * citizen's phone (or an attacker) can label anything `image/jpeg`.
 */
export type AcceptedMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
export type DocumentFamily = 'image' | 'pdf';

export type SniffResult =
  | { accepted: true; mime: AcceptedMime; family: DocumentFamily }
  | {
      accepted: false;
      /** What the bytes look like, for logs and error details (never shown with content). */
      detected: string;
      reason: 'DOCUMENT_EMPTY' | 'DOCUMENT_TYPE_NOT_ALLOWED' | 'DOCUMENT_HEIC_NOT_SUPPORTED';
    };

/** Bytes the sniffer needs to decide. */
export const SNIFF_BYTES = 64;

const startsWith = (b: Uint8Array, sig: number[], offset = 0) =>
  b.length >= offset + sig.length && sig.every((v, i) => b[offset + i] === v);
const ascii = (b: Uint8Array, from: number, to: number) =>
  Buffer.from(b.subarray(from, to)).toString('latin1');

// ISO-BMFF brands of HEIF images coded with HEVC (what iPhones send). AVIF shares the box
// layout but is a different codec; both are refused, with different reasons.
const HEIC_BRANDS = new Set([
  'heic',
  'heix',
  'hevc',
  'hevx',
  'heim',
  'heis',
  'hevm',
  'hevs',
  'mif1',
  'msf1',
]);

const REFUSED_SIGNATURES: { detected: string; sig: number[]; offset?: number }[] = [
  { detected: 'executable/pe', sig: [0x4d, 0x5a] }, // MZ
  { detected: 'executable/elf', sig: [0x7f, 0x45, 0x4c, 0x46] },
  { detected: 'executable/mach-o', sig: [0xcf, 0xfa, 0xed, 0xfe] },
  { detected: 'archive/zip', sig: [0x50, 0x4b, 0x03, 0x04] },
  { detected: 'archive/zip', sig: [0x50, 0x4b, 0x05, 0x06] },
  { detected: 'archive/zip', sig: [0x50, 0x4b, 0x07, 0x08] },
  { detected: 'archive/rar', sig: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { detected: 'archive/7z', sig: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { detected: 'archive/gzip', sig: [0x1f, 0x8b] },
  { detected: 'image/gif', sig: [0x47, 0x49, 0x46, 0x38] },
  { detected: 'image/bmp', sig: [0x42, 0x4d] },
  { detected: 'image/tiff', sig: [0x49, 0x49, 0x2a, 0x00] },
  { detected: 'image/tiff', sig: [0x4d, 0x4d, 0x00, 0x2a] },
  { detected: 'document/ole', sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

export function sniffDocumentType(head: Uint8Array): SniffResult {
  if (head.length === 0) return { accepted: false, detected: 'empty', reason: 'DOCUMENT_EMPTY' };
  if (startsWith(head, [0xff, 0xd8, 0xff]))
    return { accepted: true, mime: 'image/jpeg', family: 'image' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { accepted: true, mime: 'image/png', family: 'image' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP')
    return { accepted: true, mime: 'image/webp', family: 'image' };
  // The PDF spec tolerates junk before the header; we do not: a file that is something else
  // first and a PDF later is a polyglot.
  if (ascii(head, 0, 5) === '%PDF-')
    return { accepted: true, mime: 'application/pdf', family: 'pdf' };

  if (ascii(head, 4, 8) === 'ftyp') {
    const major = ascii(head, 8, 12);
    if (HEIC_BRANDS.has(major))
      return {
        accepted: false,
        detected: `image/heic (${major})`,
        reason: 'DOCUMENT_HEIC_NOT_SUPPORTED',
      };
    return {
      accepted: false,
      detected: `iso-bmff (${major.replace(/[^\x20-\x7e]/g, '?')})`,
      reason: 'DOCUMENT_TYPE_NOT_ALLOWED',
    };
  }
  for (const { detected, sig, offset } of REFUSED_SIGNATURES) {
    if (startsWith(head, sig, offset))
      return { accepted: false, detected, reason: 'DOCUMENT_TYPE_NOT_ALLOWED' };
  }
  const text = ascii(head, 0, Math.min(head.length, SNIFF_BYTES))
    .replace(/^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype|html|head|body|script|svg|\?xml|iframe|!--)/.test(text))
    return { accepted: false, detected: 'text/html', reason: 'DOCUMENT_TYPE_NOT_ALLOWED' };
  return { accepted: false, detected: 'unknown', reason: 'DOCUMENT_TYPE_NOT_ALLOWED' };
}
