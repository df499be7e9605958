// Original file: pandawa/case/v1/case.proto

import type { CaseStatus as _pandawa_case_v1_CaseStatus, CaseStatus__Output as _pandawa_case_v1_CaseStatus__Output } from '../../../pandawa/case/v1/CaseStatus.js';
import type { CaseCategory as _pandawa_case_v1_CaseCategory, CaseCategory__Output as _pandawa_case_v1_CaseCategory__Output } from '../../../pandawa/case/v1/CaseCategory.js';
import type { CaseListOrder as _pandawa_case_v1_CaseListOrder, CaseListOrder__Output as _pandawa_case_v1_CaseListOrder__Output } from '../../../pandawa/case/v1/CaseListOrder.js';
import type { CasePriority as _pandawa_case_v1_CasePriority, CasePriority__Output as _pandawa_case_v1_CasePriority__Output } from '../../../pandawa/case/v1/CasePriority.js';

export interface ListCasesRequest {
  'officeId'?: (string);
  'statuses'?: (_pandawa_case_v1_CaseStatus)[];
  'category'?: (_pandawa_case_v1_CaseCategory);
  'assigneeId'?: (string);
  'unassignedOnly'?: (boolean);
  'slaBreached'?: (boolean);
  'query'?: (string);
  'pageSize'?: (number);
  'pageToken'?: (string);
  'order'?: (_pandawa_case_v1_CaseListOrder);
  'priority'?: (_pandawa_case_v1_CasePriority);
  'tag'?: (string);
  'awaitingOfficer'?: (boolean);
  'createdFrom'?: (string);
  'createdTo'?: (string);
  '_slaBreached'?: "slaBreached";
}

export interface ListCasesRequest__Output {
  'officeId': (string);
  'statuses': (_pandawa_case_v1_CaseStatus__Output)[];
  'category': (_pandawa_case_v1_CaseCategory__Output);
  'assigneeId': (string);
  'unassignedOnly': (boolean);
  'slaBreached'?: (boolean);
  'query': (string);
  'pageSize': (number);
  'pageToken': (string);
  'order': (_pandawa_case_v1_CaseListOrder__Output);
  'priority': (_pandawa_case_v1_CasePriority__Output);
  'tag': (string);
  'awaitingOfficer': (boolean);
  'createdFrom': (string);
  'createdTo': (string);
  '_slaBreached'?: "slaBreached";
}
