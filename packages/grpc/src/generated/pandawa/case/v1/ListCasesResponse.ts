// Original file: pandawa/case/v1/case.proto

import type { Case as _pandawa_case_v1_Case, Case__Output as _pandawa_case_v1_Case__Output } from '../../../pandawa/case/v1/Case.js';

export interface ListCasesResponse {
  'cases'?: (_pandawa_case_v1_Case)[];
  'nextPageToken'?: (string);
}

export interface ListCasesResponse__Output {
  'cases': (_pandawa_case_v1_Case__Output)[];
  'nextPageToken': (string);
}
