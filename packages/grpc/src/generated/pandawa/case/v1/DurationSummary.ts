// Original file: pandawa/case/v1/case.proto

import type { Long } from '@grpc/proto-loader';

export interface DurationSummary {
  'sampleSize'?: (number | string | Long);
  'medianMinutes'?: (number | string);
  'p90Minutes'?: (number | string);
}

export interface DurationSummary__Output {
  'sampleSize': (string);
  'medianMinutes': (number);
  'p90Minutes': (number);
}
