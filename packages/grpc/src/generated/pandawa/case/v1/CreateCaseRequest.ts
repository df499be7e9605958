// Original file: pandawa/case/v1/case.proto

import type { CaseCategory as _pandawa_case_v1_CaseCategory, CaseCategory__Output as _pandawa_case_v1_CaseCategory__Output } from '../../../pandawa/case/v1/CaseCategory.js';
import type { Citizen as _pandawa_case_v1_Citizen, Citizen__Output as _pandawa_case_v1_Citizen__Output } from '../../../pandawa/case/v1/Citizen.js';
import type { CasePriority as _pandawa_case_v1_CasePriority, CasePriority__Output as _pandawa_case_v1_CasePriority__Output } from '../../../pandawa/case/v1/CasePriority.js';

export interface CreateCaseRequest {
  'officeId'?: (string);
  'idempotencyKey'?: (string);
  'category'?: (_pandawa_case_v1_CaseCategory);
  'citizen'?: (_pandawa_case_v1_Citizen | null);
  'description'?: (string);
  'documentIds'?: (string)[];
  'priority'?: (_pandawa_case_v1_CasePriority);
  'tags'?: (string)[];
  'requestOfficer'?: (boolean);
}

export interface CreateCaseRequest__Output {
  'officeId': (string);
  'idempotencyKey': (string);
  'category': (_pandawa_case_v1_CaseCategory__Output);
  'citizen': (_pandawa_case_v1_Citizen__Output | null);
  'description': (string);
  'documentIds': (string)[];
  'priority': (_pandawa_case_v1_CasePriority__Output);
  'tags': (string)[];
  'requestOfficer': (boolean);
}
