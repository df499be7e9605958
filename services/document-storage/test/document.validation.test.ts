import { requestFieldNames } from '@pandawa/grpc';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_REQUEST_BOUNDS,
  validateDocumentRequest,
  validateUploadHeader,
} from '../src/grpc/document.validation.js';
import type { Req } from '../src/grpc/document.proto-types.js';

describe('document request bounds', () => {
  it('bound every string and repeated field of every DocumentService request explicitly', () => {
    const fields = requestFieldNames(
      'pandawa/document/v1/document.proto',
      'pandawa.document.v1.DocumentService',
    );
    expect(fields.length).toBeGreaterThan(8);
    expect(fields.filter((f) => !(f in DOCUMENT_REQUEST_BOUNDS))).toEqual([]);
  });

  it('refuses an over-long field in Bahasa Indonesia, naming the field and its limit', () => {
    const req = { officeId: 'pekanbaru', mediaId: '1'.repeat(257) } as Req<'IngestFromWhatsApp'>;
    expect(() => validateDocumentRequest('IngestFromWhatsApp', req)).toThrow(
      expect.objectContaining({
        code: 'INVALID_ARGUMENT',
        message: 'Isian media_id terlalu panjang (maksimal 256 karakter).',
      }),
    );
  });

  it('refuses a NUL in an id and a negative declared size', () => {
    expect(() =>
      validateDocumentRequest('GetDocument', {
        officeId: 'pekanbaru',
        id: 'a\u0000b',
      } as Req<'GetDocument'>),
    ).toThrow(expect.objectContaining({ reason: 'FIELD_CONTROL_CHARACTER' }));
    expect(() =>
      validateUploadHeader({
        officeId: 'pekanbaru',
        caseId: 'c',
        kind: 'KK',
        declaredMimeType: '',
        declaredSizeBytes: '-1',
      }),
    ).toThrow(expect.objectContaining({ reason: 'DECLARED_SIZE_INVALID' }));
  });
});
