// Original file: pandawa/document/v1/document.proto

import type { DocumentAccess as _pandawa_document_v1_DocumentAccess, DocumentAccess__Output as _pandawa_document_v1_DocumentAccess__Output } from '../../../pandawa/document/v1/DocumentAccess.js';

export interface ListDocumentAccessResponse {
  'entries'?: (_pandawa_document_v1_DocumentAccess)[];
  'nextPageToken'?: (string);
}

export interface ListDocumentAccessResponse__Output {
  'entries': (_pandawa_document_v1_DocumentAccess__Output)[];
  'nextPageToken': (string);
}
