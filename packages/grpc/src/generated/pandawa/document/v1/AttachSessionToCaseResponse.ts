// Original file: pandawa/document/v1/document.proto

import type { Document as _pandawa_document_v1_Document, Document__Output as _pandawa_document_v1_Document__Output } from '../../../pandawa/document/v1/Document.js';

export interface AttachSessionToCaseResponse {
  'documents'?: (_pandawa_document_v1_Document)[];
}

export interface AttachSessionToCaseResponse__Output {
  'documents': (_pandawa_document_v1_Document__Output)[];
}
