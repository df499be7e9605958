import { describe, expect, it } from 'vitest';
import { validateDocument, type DocumentLimits } from '../src/domain/document.validator.js';
import { exe, heic, html, noisyJpeg, pdf, zip } from './fixtures.js';

const limits: DocumentLimits = {
  imageMaxBytes: 2000,
  pdfMaxBytes: 5000,
  maxPixels: 1_000_000,
  previewMaxSide: 32,
};

describe('validateDocument', () => {
  it('stores a PDF as it was sent', async () => {
    const input = pdf();
    const out = await validateDocument(input, limits);
    expect(out).toMatchObject({ mime: 'application/pdf', family: 'pdf' });
    expect(out.bytes.equals(input)).toBe(true);
    expect(out.preview).toBeUndefined();
  });

  it('refuses by the limit of the detected type, not the declared one', async () => {
    const bigPdf = pdf(`/Junk (${'x'.repeat(6000)})`);
    await expect(validateDocument(bigPdf, limits)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      reason: 'DOCUMENT_TOO_LARGE',
      message: expect.stringContaining('PDF terlalu besar (maksimal 4.9 KB)') as unknown as string,
    });
    const image = await noisyJpeg(64, 64);
    expect(image.length).toBeGreaterThan(2000);
    await expect(validateDocument(image, limits)).rejects.toMatchObject({
      reason: 'DOCUMENT_TOO_LARGE',
    });
  }, 10_000);

  it('refuses what it must, each with a reason and a message in Bahasa Indonesia', async () => {
    for (const [bytes, reason] of [
      [exe(), 'DOCUMENT_TYPE_NOT_ALLOWED'],
      [zip(), 'DOCUMENT_TYPE_NOT_ALLOWED'],
      [html(), 'DOCUMENT_TYPE_NOT_ALLOWED'],
      [heic(), 'DOCUMENT_HEIC_NOT_SUPPORTED'],
      [Buffer.alloc(0), 'DOCUMENT_EMPTY'],
      [pdf('/OpenAction << /S /JavaScript /JS (x) >>'), 'DOCUMENT_PDF_ACTIVE_CONTENT'],
    ] as const) {
      const error = await validateDocument(bytes, limits).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', reason });
      expect((error as Error).message).toMatch(/Silakan|tidak dapat|kosong/);
    }
  });
});
