// Original file: pandawa/case/v1/case.proto

import type { CaseStatus as _pandawa_case_v1_CaseStatus, CaseStatus__Output as _pandawa_case_v1_CaseStatus__Output } from '../../../pandawa/case/v1/CaseStatus.js';
import type { Long } from '@grpc/proto-loader';

export interface StatusCount {
  'status'?: (_pandawa_case_v1_CaseStatus);
  'count'?: (number | string | Long);
}

export interface StatusCount__Output {
  'status': (_pandawa_case_v1_CaseStatus__Output);
  'count': (string);
}
