// Original file: pandawa/case/v1/case.proto

import type { CaseStatus as _pandawa_case_v1_CaseStatus, CaseStatus__Output as _pandawa_case_v1_CaseStatus__Output } from '../../../pandawa/case/v1/CaseStatus.js';
import type { CaseCategory as _pandawa_case_v1_CaseCategory, CaseCategory__Output as _pandawa_case_v1_CaseCategory__Output } from '../../../pandawa/case/v1/CaseCategory.js';
import type { Citizen as _pandawa_case_v1_Citizen, Citizen__Output as _pandawa_case_v1_Citizen__Output } from '../../../pandawa/case/v1/Citizen.js';
import type { CasePriority as _pandawa_case_v1_CasePriority, CasePriority__Output as _pandawa_case_v1_CasePriority__Output } from '../../../pandawa/case/v1/CasePriority.js';
import type { Sla as _pandawa_case_v1_Sla, Sla__Output as _pandawa_case_v1_Sla__Output } from '../../../pandawa/case/v1/Sla.js';
import type { StatusDetail as _pandawa_case_v1_StatusDetail, StatusDetail__Output as _pandawa_case_v1_StatusDetail__Output } from '../../../pandawa/case/v1/StatusDetail.js';
import type { ThreadMessage as _pandawa_case_v1_ThreadMessage, ThreadMessage__Output as _pandawa_case_v1_ThreadMessage__Output } from '../../../pandawa/case/v1/ThreadMessage.js';
import type { InternalNote as _pandawa_case_v1_InternalNote, InternalNote__Output as _pandawa_case_v1_InternalNote__Output } from '../../../pandawa/case/v1/InternalNote.js';
import type { AuditEntry as _pandawa_case_v1_AuditEntry, AuditEntry__Output as _pandawa_case_v1_AuditEntry__Output } from '../../../pandawa/case/v1/AuditEntry.js';
import type { Handoff as _pandawa_case_v1_Handoff, Handoff__Output as _pandawa_case_v1_Handoff__Output } from '../../../pandawa/case/v1/Handoff.js';
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
  'priority'?: (_pandawa_case_v1_CasePriority);
  'tags'?: (string)[];
  'sla'?: (_pandawa_case_v1_Sla | null);
  'statusDetail'?: (_pandawa_case_v1_StatusDetail | null);
  'messages'?: (_pandawa_case_v1_ThreadMessage)[];
  'notes'?: (_pandawa_case_v1_InternalNote)[];
  'audit'?: (_pandawa_case_v1_AuditEntry)[];
  'handoff'?: (_pandawa_case_v1_Handoff | null);
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
  'priority': (_pandawa_case_v1_CasePriority__Output);
  'tags': (string)[];
  'sla': (_pandawa_case_v1_Sla__Output | null);
  'statusDetail': (_pandawa_case_v1_StatusDetail__Output | null);
  'messages': (_pandawa_case_v1_ThreadMessage__Output)[];
  'notes': (_pandawa_case_v1_InternalNote__Output)[];
  'audit': (_pandawa_case_v1_AuditEntry__Output)[];
  'handoff': (_pandawa_case_v1_Handoff__Output | null);
}
