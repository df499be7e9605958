// Original file: pandawa/case/v1/case.proto

export const CaseListOrder = {
  CASE_LIST_ORDER_UNSPECIFIED: 'CASE_LIST_ORDER_UNSPECIFIED',
  CASE_LIST_ORDER_NEWEST: 'CASE_LIST_ORDER_NEWEST',
  CASE_LIST_ORDER_SLA_DUE: 'CASE_LIST_ORDER_SLA_DUE',
} as const;

export type CaseListOrder =
  | 'CASE_LIST_ORDER_UNSPECIFIED'
  | 0
  | 'CASE_LIST_ORDER_NEWEST'
  | 1
  | 'CASE_LIST_ORDER_SLA_DUE'
  | 2

export type CaseListOrder__Output = typeof CaseListOrder[keyof typeof CaseListOrder]
