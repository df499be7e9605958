// Original file: pandawa/document/v1/document.proto

import type { UploadHeader as _pandawa_document_v1_UploadHeader, UploadHeader__Output as _pandawa_document_v1_UploadHeader__Output } from '../../../pandawa/document/v1/UploadHeader.js';

export interface UploadDocumentRequest {
  'header'?: (_pandawa_document_v1_UploadHeader | null);
  'chunk'?: (Buffer | Uint8Array | string);
  'part'?: "header"|"chunk";
}

export interface UploadDocumentRequest__Output {
  'header'?: (_pandawa_document_v1_UploadHeader__Output | null);
  'chunk'?: (Buffer);
  'part'?: "header"|"chunk";
}
