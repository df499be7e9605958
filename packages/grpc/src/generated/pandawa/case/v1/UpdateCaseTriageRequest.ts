// Original file: pandawa/case/v1/case.proto

import type { CasePriority as _pandawa_case_v1_CasePriority, CasePriority__Output as _pandawa_case_v1_CasePriority__Output } from '../../../pandawa/case/v1/CasePriority.js';
import type { Long } from '@grpc/proto-loader';

export interface UpdateCaseTriageRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'priority'?: (_pandawa_case_v1_CasePriority);
  'replaceTags'?: (boolean);
  'tags'?: (string)[];
  'expectedVersion'?: (number | string | Long);
}

export interface UpdateCaseTriageRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'priority': (_pandawa_case_v1_CasePriority__Output);
  'replaceTags': (boolean);
  'tags': (string)[];
  'expectedVersion': (string);
}
