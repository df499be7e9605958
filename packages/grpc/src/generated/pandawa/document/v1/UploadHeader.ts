// Original file: pandawa/document/v1/document.proto

import type { Long } from '@grpc/proto-loader';

export interface UploadHeader {
  'officeId'?: (string);
  'caseId'?: (string);
  'kind'?: (string);
  'declaredMimeType'?: (string);
  'declaredSizeBytes'?: (number | string | Long);
}

export interface UploadHeader__Output {
  'officeId': (string);
  'caseId': (string);
  'kind': (string);
  'declaredMimeType': (string);
  'declaredSizeBytes': (string);
}
