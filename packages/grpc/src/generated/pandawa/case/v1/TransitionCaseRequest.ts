// Original file: pandawa/case/v1/case.proto

import type { CaseStatus as _pandawa_case_v1_CaseStatus, CaseStatus__Output as _pandawa_case_v1_CaseStatus__Output } from '../../../pandawa/case/v1/CaseStatus.js';
import type { Long } from '@grpc/proto-loader';

export interface TransitionCaseRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'toStatus'?: (_pandawa_case_v1_CaseStatus);
  'reason'?: (string);
  'missingItems'?: (string)[];
  'visitInstructions'?: (string);
  'expectedVersion'?: (number | string | Long);
}

export interface TransitionCaseRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'toStatus': (_pandawa_case_v1_CaseStatus__Output);
  'reason': (string);
  'missingItems': (string)[];
  'visitInstructions': (string);
  'expectedVersion': (string);
}
