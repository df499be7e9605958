import { describe, expect, it } from 'vitest';
import { sniffDocumentType } from '../src/domain/document-type.sniffer.js';
import { exe, heic, html, jpegWithGps, pdf, png, webp, zip } from './fixtures.js';

describe('sniffDocumentType (type from magic bytes)', () => {
  it('accepts JPEG, PNG, WebP and PDF by their first bytes', async () => {
    expect(sniffDocumentType(await jpegWithGps())).toMatchObject({
      accepted: true,
      mime: 'image/jpeg',
    });
    expect(sniffDocumentType(await png())).toMatchObject({ accepted: true, mime: 'image/png' });
    expect(sniffDocumentType(await webp())).toMatchObject({ accepted: true, mime: 'image/webp' });
    expect(sniffDocumentType(pdf())).toMatchObject({
      accepted: true,
      mime: 'application/pdf',
      family: 'pdf',
    });
  });

  it('refuses an executable, a ZIP and an HTML page whatever they are called', () => {
    expect(sniffDocumentType(exe())).toMatchObject({
      accepted: false,
      detected: 'executable/pe',
      reason: 'DOCUMENT_TYPE_NOT_ALLOWED',
    });
    expect(sniffDocumentType(zip())).toMatchObject({ accepted: false, detected: 'archive/zip' });
    expect(sniffDocumentType(html())).toMatchObject({ accepted: false, detected: 'text/html' });
    expect(sniffDocumentType(Buffer.from('<svg onload="x()"/>'))).toMatchObject({
      accepted: false,
      detected: 'text/html',
    });
  });

  it('refuses HEIC with its own reason, because the prebuilt image library cannot decode HEVC', () => {
    expect(sniffDocumentType(heic())).toMatchObject({
      accepted: false,
      reason: 'DOCUMENT_HEIC_NOT_SUPPORTED',
    });
  });

  it('refuses an empty file and unknown bytes', () => {
    expect(sniffDocumentType(Buffer.alloc(0))).toMatchObject({
      accepted: false,
      reason: 'DOCUMENT_EMPTY',
    });
    expect(sniffDocumentType(Buffer.from('just some text'))).toMatchObject({
      accepted: false,
      detected: 'unknown',
    });
  });

  it('does not take a PDF header that comes after other bytes (a polyglot)', () => {
    const polyglot = Buffer.concat([Buffer.from('MZ'), pdf()]);
    expect(sniffDocumentType(polyglot)).toMatchObject({ accepted: false });
  });

  it('is not fooled by a file that starts like a JPEG marker but is two bytes long', () => {
    expect(sniffDocumentType(Buffer.from([0xff, 0xd8]))).toMatchObject({ accepted: false });
  });
});
