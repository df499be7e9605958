// Original file: pandawa/case/v1/case.proto

import type { CaseCategory as _pandawa_case_v1_CaseCategory, CaseCategory__Output as _pandawa_case_v1_CaseCategory__Output } from '../../../pandawa/case/v1/CaseCategory.js';
import type { Long } from '@grpc/proto-loader';

export interface CategoryCount {
  'category'?: (_pandawa_case_v1_CaseCategory);
  'count'?: (number | string | Long);
}

export interface CategoryCount__Output {
  'category': (_pandawa_case_v1_CaseCategory__Output);
  'count': (string);
}
