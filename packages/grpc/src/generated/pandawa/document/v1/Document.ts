// Original file: pandawa/document/v1/document.proto

import type { Long } from '@grpc/proto-loader';

export interface Document {
  'id'?: (string);
  'officeId'?: (string);
  'caseId'?: (string);
  'kind'?: (string);
  'mimeType'?: (string);
  'sizeBytes'?: (number | string | Long);
  'sha256'?: (string);
  'createdAt'?: (string);
}

export interface Document__Output {
  'id': (string);
  'officeId': (string);
  'caseId': (string);
  'kind': (string);
  'mimeType': (string);
  'sizeBytes': (string);
  'sha256': (string);
  'createdAt': (string);
}
