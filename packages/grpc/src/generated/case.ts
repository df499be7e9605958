import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AddCitizenMessageRequest as _pandawa_case_v1_AddCitizenMessageRequest, AddCitizenMessageRequest__Output as _pandawa_case_v1_AddCitizenMessageRequest__Output } from './pandawa/case/v1/AddCitizenMessageRequest.js';
import type { AddInternalNoteRequest as _pandawa_case_v1_AddInternalNoteRequest, AddInternalNoteRequest__Output as _pandawa_case_v1_AddInternalNoteRequest__Output } from './pandawa/case/v1/AddInternalNoteRequest.js';
import type { AddOfficerReplyRequest as _pandawa_case_v1_AddOfficerReplyRequest, AddOfficerReplyRequest__Output as _pandawa_case_v1_AddOfficerReplyRequest__Output } from './pandawa/case/v1/AddOfficerReplyRequest.js';
import type { AssignCaseRequest as _pandawa_case_v1_AssignCaseRequest, AssignCaseRequest__Output as _pandawa_case_v1_AssignCaseRequest__Output } from './pandawa/case/v1/AssignCaseRequest.js';
import type { AttachDocumentsRequest as _pandawa_case_v1_AttachDocumentsRequest, AttachDocumentsRequest__Output as _pandawa_case_v1_AttachDocumentsRequest__Output } from './pandawa/case/v1/AttachDocumentsRequest.js';
import type { AuditEntry as _pandawa_case_v1_AuditEntry, AuditEntry__Output as _pandawa_case_v1_AuditEntry__Output } from './pandawa/case/v1/AuditEntry.js';
import type { Case as _pandawa_case_v1_Case, Case__Output as _pandawa_case_v1_Case__Output } from './pandawa/case/v1/Case.js';
import type { CaseServiceClient as _pandawa_case_v1_CaseServiceClient, CaseServiceDefinition as _pandawa_case_v1_CaseServiceDefinition } from './pandawa/case/v1/CaseService.js';
import type { CategoryCount as _pandawa_case_v1_CategoryCount, CategoryCount__Output as _pandawa_case_v1_CategoryCount__Output } from './pandawa/case/v1/CategoryCount.js';
import type { Citizen as _pandawa_case_v1_Citizen, Citizen__Output as _pandawa_case_v1_Citizen__Output } from './pandawa/case/v1/Citizen.js';
import type { ClaimCaseRequest as _pandawa_case_v1_ClaimCaseRequest, ClaimCaseRequest__Output as _pandawa_case_v1_ClaimCaseRequest__Output } from './pandawa/case/v1/ClaimCaseRequest.js';
import type { CreateCaseRequest as _pandawa_case_v1_CreateCaseRequest, CreateCaseRequest__Output as _pandawa_case_v1_CreateCaseRequest__Output } from './pandawa/case/v1/CreateCaseRequest.js';
import type { DeliveryFailure as _pandawa_case_v1_DeliveryFailure, DeliveryFailure__Output as _pandawa_case_v1_DeliveryFailure__Output } from './pandawa/case/v1/DeliveryFailure.js';
import type { DurationSummary as _pandawa_case_v1_DurationSummary, DurationSummary__Output as _pandawa_case_v1_DurationSummary__Output } from './pandawa/case/v1/DurationSummary.js';
import type { GetCaseRequest as _pandawa_case_v1_GetCaseRequest, GetCaseRequest__Output as _pandawa_case_v1_GetCaseRequest__Output } from './pandawa/case/v1/GetCaseRequest.js';
import type { GetStatisticsRequest as _pandawa_case_v1_GetStatisticsRequest, GetStatisticsRequest__Output as _pandawa_case_v1_GetStatisticsRequest__Output } from './pandawa/case/v1/GetStatisticsRequest.js';
import type { HandBackToBotRequest as _pandawa_case_v1_HandBackToBotRequest, HandBackToBotRequest__Output as _pandawa_case_v1_HandBackToBotRequest__Output } from './pandawa/case/v1/HandBackToBotRequest.js';
import type { Handoff as _pandawa_case_v1_Handoff, Handoff__Output as _pandawa_case_v1_Handoff__Output } from './pandawa/case/v1/Handoff.js';
import type { InternalNote as _pandawa_case_v1_InternalNote, InternalNote__Output as _pandawa_case_v1_InternalNote__Output } from './pandawa/case/v1/InternalNote.js';
import type { ListCasesRequest as _pandawa_case_v1_ListCasesRequest, ListCasesRequest__Output as _pandawa_case_v1_ListCasesRequest__Output } from './pandawa/case/v1/ListCasesRequest.js';
import type { ListCasesResponse as _pandawa_case_v1_ListCasesResponse, ListCasesResponse__Output as _pandawa_case_v1_ListCasesResponse__Output } from './pandawa/case/v1/ListCasesResponse.js';
import type { ListCitizenCasesRequest as _pandawa_case_v1_ListCitizenCasesRequest, ListCitizenCasesRequest__Output as _pandawa_case_v1_ListCitizenCasesRequest__Output } from './pandawa/case/v1/ListCitizenCasesRequest.js';
import type { RevealCitizenIdentityRequest as _pandawa_case_v1_RevealCitizenIdentityRequest, RevealCitizenIdentityRequest__Output as _pandawa_case_v1_RevealCitizenIdentityRequest__Output } from './pandawa/case/v1/RevealCitizenIdentityRequest.js';
import type { RevealedCitizenIdentity as _pandawa_case_v1_RevealedCitizenIdentity, RevealedCitizenIdentity__Output as _pandawa_case_v1_RevealedCitizenIdentity__Output } from './pandawa/case/v1/RevealedCitizenIdentity.js';
import type { Sla as _pandawa_case_v1_Sla, Sla__Output as _pandawa_case_v1_Sla__Output } from './pandawa/case/v1/Sla.js';
import type { Statistics as _pandawa_case_v1_Statistics, Statistics__Output as _pandawa_case_v1_Statistics__Output } from './pandawa/case/v1/Statistics.js';
import type { StatusCount as _pandawa_case_v1_StatusCount, StatusCount__Output as _pandawa_case_v1_StatusCount__Output } from './pandawa/case/v1/StatusCount.js';
import type { StatusDetail as _pandawa_case_v1_StatusDetail, StatusDetail__Output as _pandawa_case_v1_StatusDetail__Output } from './pandawa/case/v1/StatusDetail.js';
import type { ThreadMessage as _pandawa_case_v1_ThreadMessage, ThreadMessage__Output as _pandawa_case_v1_ThreadMessage__Output } from './pandawa/case/v1/ThreadMessage.js';
import type { TransitionCaseRequest as _pandawa_case_v1_TransitionCaseRequest, TransitionCaseRequest__Output as _pandawa_case_v1_TransitionCaseRequest__Output } from './pandawa/case/v1/TransitionCaseRequest.js';
import type { UnassignCaseRequest as _pandawa_case_v1_UnassignCaseRequest, UnassignCaseRequest__Output as _pandawa_case_v1_UnassignCaseRequest__Output } from './pandawa/case/v1/UnassignCaseRequest.js';
import type { UpdateCaseTriageRequest as _pandawa_case_v1_UpdateCaseTriageRequest, UpdateCaseTriageRequest__Output as _pandawa_case_v1_UpdateCaseTriageRequest__Output } from './pandawa/case/v1/UpdateCaseTriageRequest.js';
import type { UpdateMessageDeliveryRequest as _pandawa_case_v1_UpdateMessageDeliveryRequest, UpdateMessageDeliveryRequest__Output as _pandawa_case_v1_UpdateMessageDeliveryRequest__Output } from './pandawa/case/v1/UpdateMessageDeliveryRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pandawa: {
    case: {
      v1: {
        AddCitizenMessageRequest: MessageTypeDefinition<_pandawa_case_v1_AddCitizenMessageRequest, _pandawa_case_v1_AddCitizenMessageRequest__Output>
        AddInternalNoteRequest: MessageTypeDefinition<_pandawa_case_v1_AddInternalNoteRequest, _pandawa_case_v1_AddInternalNoteRequest__Output>
        AddOfficerReplyRequest: MessageTypeDefinition<_pandawa_case_v1_AddOfficerReplyRequest, _pandawa_case_v1_AddOfficerReplyRequest__Output>
        AssignCaseRequest: MessageTypeDefinition<_pandawa_case_v1_AssignCaseRequest, _pandawa_case_v1_AssignCaseRequest__Output>
        AttachDocumentsRequest: MessageTypeDefinition<_pandawa_case_v1_AttachDocumentsRequest, _pandawa_case_v1_AttachDocumentsRequest__Output>
        AuditEntry: MessageTypeDefinition<_pandawa_case_v1_AuditEntry, _pandawa_case_v1_AuditEntry__Output>
        Case: MessageTypeDefinition<_pandawa_case_v1_Case, _pandawa_case_v1_Case__Output>
        CaseCategory: EnumTypeDefinition
        CaseListOrder: EnumTypeDefinition
        CasePriority: EnumTypeDefinition
        CaseService: SubtypeConstructor<typeof grpc.Client, _pandawa_case_v1_CaseServiceClient> & { service: _pandawa_case_v1_CaseServiceDefinition }
        CaseStatus: EnumTypeDefinition
        CategoryCount: MessageTypeDefinition<_pandawa_case_v1_CategoryCount, _pandawa_case_v1_CategoryCount__Output>
        Citizen: MessageTypeDefinition<_pandawa_case_v1_Citizen, _pandawa_case_v1_Citizen__Output>
        ClaimCaseRequest: MessageTypeDefinition<_pandawa_case_v1_ClaimCaseRequest, _pandawa_case_v1_ClaimCaseRequest__Output>
        CreateCaseRequest: MessageTypeDefinition<_pandawa_case_v1_CreateCaseRequest, _pandawa_case_v1_CreateCaseRequest__Output>
        DeliveryFailure: MessageTypeDefinition<_pandawa_case_v1_DeliveryFailure, _pandawa_case_v1_DeliveryFailure__Output>
        DeliveryStatus: EnumTypeDefinition
        DurationSummary: MessageTypeDefinition<_pandawa_case_v1_DurationSummary, _pandawa_case_v1_DurationSummary__Output>
        GetCaseRequest: MessageTypeDefinition<_pandawa_case_v1_GetCaseRequest, _pandawa_case_v1_GetCaseRequest__Output>
        GetStatisticsRequest: MessageTypeDefinition<_pandawa_case_v1_GetStatisticsRequest, _pandawa_case_v1_GetStatisticsRequest__Output>
        HandBackToBotRequest: MessageTypeDefinition<_pandawa_case_v1_HandBackToBotRequest, _pandawa_case_v1_HandBackToBotRequest__Output>
        Handoff: MessageTypeDefinition<_pandawa_case_v1_Handoff, _pandawa_case_v1_Handoff__Output>
        InternalNote: MessageTypeDefinition<_pandawa_case_v1_InternalNote, _pandawa_case_v1_InternalNote__Output>
        ListCasesRequest: MessageTypeDefinition<_pandawa_case_v1_ListCasesRequest, _pandawa_case_v1_ListCasesRequest__Output>
        ListCasesResponse: MessageTypeDefinition<_pandawa_case_v1_ListCasesResponse, _pandawa_case_v1_ListCasesResponse__Output>
        ListCitizenCasesRequest: MessageTypeDefinition<_pandawa_case_v1_ListCitizenCasesRequest, _pandawa_case_v1_ListCitizenCasesRequest__Output>
        MessageAuthor: EnumTypeDefinition
        RevealCitizenIdentityRequest: MessageTypeDefinition<_pandawa_case_v1_RevealCitizenIdentityRequest, _pandawa_case_v1_RevealCitizenIdentityRequest__Output>
        RevealedCitizenIdentity: MessageTypeDefinition<_pandawa_case_v1_RevealedCitizenIdentity, _pandawa_case_v1_RevealedCitizenIdentity__Output>
        Sla: MessageTypeDefinition<_pandawa_case_v1_Sla, _pandawa_case_v1_Sla__Output>
        Statistics: MessageTypeDefinition<_pandawa_case_v1_Statistics, _pandawa_case_v1_Statistics__Output>
        StatusCount: MessageTypeDefinition<_pandawa_case_v1_StatusCount, _pandawa_case_v1_StatusCount__Output>
        StatusDetail: MessageTypeDefinition<_pandawa_case_v1_StatusDetail, _pandawa_case_v1_StatusDetail__Output>
        ThreadMessage: MessageTypeDefinition<_pandawa_case_v1_ThreadMessage, _pandawa_case_v1_ThreadMessage__Output>
        TransitionCaseRequest: MessageTypeDefinition<_pandawa_case_v1_TransitionCaseRequest, _pandawa_case_v1_TransitionCaseRequest__Output>
        UnassignCaseRequest: MessageTypeDefinition<_pandawa_case_v1_UnassignCaseRequest, _pandawa_case_v1_UnassignCaseRequest__Output>
        UpdateCaseTriageRequest: MessageTypeDefinition<_pandawa_case_v1_UpdateCaseTriageRequest, _pandawa_case_v1_UpdateCaseTriageRequest__Output>
        UpdateMessageDeliveryRequest: MessageTypeDefinition<_pandawa_case_v1_UpdateMessageDeliveryRequest, _pandawa_case_v1_UpdateMessageDeliveryRequest__Output>
      }
    }
  }
}

