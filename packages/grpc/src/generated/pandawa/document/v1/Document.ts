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
  'sessionRef'?: (string);
  'source'?: (string);
  'status'?: (string);
  'width'?: (number);
  'height'?: (number);
  'hasPreview'?: (boolean);
  'attachedAt'?: (string);
  'removedAt'?: (string);
  'deduplicated'?: (boolean);
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
  'sessionRef': (string);
  'source': (string);
  'status': (string);
  'width': (number);
  'height': (number);
  'hasPreview': (boolean);
  'attachedAt': (string);
  'removedAt': (string);
  'deduplicated': (boolean);
}
