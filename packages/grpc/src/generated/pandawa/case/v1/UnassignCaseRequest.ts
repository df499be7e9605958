// Original file: pandawa/case/v1/case.proto

import type { Long } from '@grpc/proto-loader';

export interface UnassignCaseRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'reason'?: (string);
  'expectedVersion'?: (number | string | Long);
}

export interface UnassignCaseRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'reason': (string);
  'expectedVersion': (string);
}
