// Original file: pandawa/case/v1/case.proto

import type { StatusCount as _pandawa_case_v1_StatusCount, StatusCount__Output as _pandawa_case_v1_StatusCount__Output } from '../../../pandawa/case/v1/StatusCount.js';
import type { CategoryCount as _pandawa_case_v1_CategoryCount, CategoryCount__Output as _pandawa_case_v1_CategoryCount__Output } from '../../../pandawa/case/v1/CategoryCount.js';
import type { DurationSummary as _pandawa_case_v1_DurationSummary, DurationSummary__Output as _pandawa_case_v1_DurationSummary__Output } from '../../../pandawa/case/v1/DurationSummary.js';
import type { Long } from '@grpc/proto-loader';

export interface Statistics {
  'byStatus'?: (_pandawa_case_v1_StatusCount)[];
  'byCategory'?: (_pandawa_case_v1_CategoryCount)[];
  'firstResponse'?: (_pandawa_case_v1_DurationSummary | null);
  'resolution'?: (_pandawa_case_v1_DurationSummary | null);
  'firstResponseBreaches'?: (number | string | Long);
  'resolutionBreaches'?: (number | string | Long);
  'total'?: (number | string | Long);
  'durationsTruncated'?: (boolean);
}

export interface Statistics__Output {
  'byStatus': (_pandawa_case_v1_StatusCount__Output)[];
  'byCategory': (_pandawa_case_v1_CategoryCount__Output)[];
  'firstResponse': (_pandawa_case_v1_DurationSummary__Output | null);
  'resolution': (_pandawa_case_v1_DurationSummary__Output | null);
  'firstResponseBreaches': (string);
  'resolutionBreaches': (string);
  'total': (string);
  'durationsTruncated': (boolean);
}
