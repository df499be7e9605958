// Original file: pandawa/document/v1/document.proto

import type { Document as _pandawa_document_v1_Document, Document__Output as _pandawa_document_v1_Document__Output } from '../../../pandawa/document/v1/Document.js';

export interface ListCaseDocumentsResponse {
  'documents'?: (_pandawa_document_v1_Document)[];
}

export interface ListCaseDocumentsResponse__Output {
  'documents': (_pandawa_document_v1_Document__Output)[];
}
