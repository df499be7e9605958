// Original file: pandawa/document/v1/document.proto

import type { Document as _pandawa_document_v1_Document, Document__Output as _pandawa_document_v1_Document__Output } from '../../../pandawa/document/v1/Document.js';

export interface ReadDocumentChunk {
  'document'?: (_pandawa_document_v1_Document | null);
  'data'?: (Buffer | Uint8Array | string);
}

export interface ReadDocumentChunk__Output {
  'document': (_pandawa_document_v1_Document__Output | null);
  'data': (Buffer);
}
