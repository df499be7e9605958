// Original file: pandawa/case/v1/case.proto

import type { Long } from '@grpc/proto-loader';

export interface AssignCaseRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'assigneeId'?: (string);
  'expectedVersion'?: (number | string | Long);
}

export interface AssignCaseRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'assigneeId': (string);
  'expectedVersion': (string);
}
