// Original file: pandawa/case/v1/case.proto

import type { Long } from '@grpc/proto-loader';

export interface HandBackToBotRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'expectedVersion'?: (number | string | Long);
}

export interface HandBackToBotRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'expectedVersion': (string);
}
