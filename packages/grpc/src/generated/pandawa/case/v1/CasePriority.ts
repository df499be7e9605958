// Original file: pandawa/case/v1/case.proto

export const CasePriority = {
  CASE_PRIORITY_UNSPECIFIED: 'CASE_PRIORITY_UNSPECIFIED',
  PRIORITY_LOW: 'PRIORITY_LOW',
  PRIORITY_NORMAL: 'PRIORITY_NORMAL',
  PRIORITY_HIGH: 'PRIORITY_HIGH',
} as const;

export type CasePriority =
  | 'CASE_PRIORITY_UNSPECIFIED'
  | 0
  | 'PRIORITY_LOW'
  | 1
  | 'PRIORITY_NORMAL'
  | 2
  | 'PRIORITY_HIGH'
  | 3

export type CasePriority__Output = typeof CasePriority[keyof typeof CasePriority]
