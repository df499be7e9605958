// Original file: pandawa/case/v1/case.proto

import type { CaseStatus as _pandawa_case_v1_CaseStatus, CaseStatus__Output as _pandawa_case_v1_CaseStatus__Output } from '../../../pandawa/case/v1/CaseStatus.js';
import type { CaseCategory as _pandawa_case_v1_CaseCategory, CaseCategory__Output as _pandawa_case_v1_CaseCategory__Output } from '../../../pandawa/case/v1/CaseCategory.js';
import type { Citizen as _pandawa_case_v1_Citizen, Citizen__Output as _pandawa_case_v1_Citizen__Output } from '../../../pandawa/case/v1/Citizen.js';
import type { Long } from '@grpc/proto-loader';

export interface Case {
  'id'?: (string);
  'officeId'?: (string);
  'trackingCode'?: (string);
  'status'?: (_pandawa_case_v1_CaseStatus);
  'category'?: (_pandawa_case_v1_CaseCategory);
  'citizen'?: (_pandawa_case_v1_Citizen | null);
  'description'?: (string);
  'documentIds'?: (string)[];
  'assigneeId'?: (string);
  'createdAt'?: (string);
  'updatedAt'?: (string);
  'version'?: (number | string | Long);
}

export interface Case__Output {
  'id': (string);
  'officeId': (string);
  'trackingCode': (string);
  'status': (_pandawa_case_v1_CaseStatus__Output);
  'category': (_pandawa_case_v1_CaseCategory__Output);
  'citizen': (_pandawa_case_v1_Citizen__Output | null);
  'description': (string);
  'documentIds': (string)[];
  'assigneeId': (string);
  'createdAt': (string);
  'updatedAt': (string);
  'version': (string);
}
