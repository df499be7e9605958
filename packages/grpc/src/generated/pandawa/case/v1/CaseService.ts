// Original file: pandawa/case/v1/case.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AddCitizenMessageRequest as _pandawa_case_v1_AddCitizenMessageRequest, AddCitizenMessageRequest__Output as _pandawa_case_v1_AddCitizenMessageRequest__Output } from '../../../pandawa/case/v1/AddCitizenMessageRequest.js';
import type { AddInternalNoteRequest as _pandawa_case_v1_AddInternalNoteRequest, AddInternalNoteRequest__Output as _pandawa_case_v1_AddInternalNoteRequest__Output } from '../../../pandawa/case/v1/AddInternalNoteRequest.js';
import type { AddOfficerReplyRequest as _pandawa_case_v1_AddOfficerReplyRequest, AddOfficerReplyRequest__Output as _pandawa_case_v1_AddOfficerReplyRequest__Output } from '../../../pandawa/case/v1/AddOfficerReplyRequest.js';
import type { AssignCaseRequest as _pandawa_case_v1_AssignCaseRequest, AssignCaseRequest__Output as _pandawa_case_v1_AssignCaseRequest__Output } from '../../../pandawa/case/v1/AssignCaseRequest.js';
import type { AttachDocumentsRequest as _pandawa_case_v1_AttachDocumentsRequest, AttachDocumentsRequest__Output as _pandawa_case_v1_AttachDocumentsRequest__Output } from '../../../pandawa/case/v1/AttachDocumentsRequest.js';
import type { Case as _pandawa_case_v1_Case, Case__Output as _pandawa_case_v1_Case__Output } from '../../../pandawa/case/v1/Case.js';
import type { ClaimCaseRequest as _pandawa_case_v1_ClaimCaseRequest, ClaimCaseRequest__Output as _pandawa_case_v1_ClaimCaseRequest__Output } from '../../../pandawa/case/v1/ClaimCaseRequest.js';
import type { CreateCaseRequest as _pandawa_case_v1_CreateCaseRequest, CreateCaseRequest__Output as _pandawa_case_v1_CreateCaseRequest__Output } from '../../../pandawa/case/v1/CreateCaseRequest.js';
import type { GetCaseRequest as _pandawa_case_v1_GetCaseRequest, GetCaseRequest__Output as _pandawa_case_v1_GetCaseRequest__Output } from '../../../pandawa/case/v1/GetCaseRequest.js';
import type { GetStatisticsRequest as _pandawa_case_v1_GetStatisticsRequest, GetStatisticsRequest__Output as _pandawa_case_v1_GetStatisticsRequest__Output } from '../../../pandawa/case/v1/GetStatisticsRequest.js';
import type { HandBackToBotRequest as _pandawa_case_v1_HandBackToBotRequest, HandBackToBotRequest__Output as _pandawa_case_v1_HandBackToBotRequest__Output } from '../../../pandawa/case/v1/HandBackToBotRequest.js';
import type { ListCasesRequest as _pandawa_case_v1_ListCasesRequest, ListCasesRequest__Output as _pandawa_case_v1_ListCasesRequest__Output } from '../../../pandawa/case/v1/ListCasesRequest.js';
import type { ListCasesResponse as _pandawa_case_v1_ListCasesResponse, ListCasesResponse__Output as _pandawa_case_v1_ListCasesResponse__Output } from '../../../pandawa/case/v1/ListCasesResponse.js';
import type { ListCitizenCasesRequest as _pandawa_case_v1_ListCitizenCasesRequest, ListCitizenCasesRequest__Output as _pandawa_case_v1_ListCitizenCasesRequest__Output } from '../../../pandawa/case/v1/ListCitizenCasesRequest.js';
import type { RevealCitizenIdentityRequest as _pandawa_case_v1_RevealCitizenIdentityRequest, RevealCitizenIdentityRequest__Output as _pandawa_case_v1_RevealCitizenIdentityRequest__Output } from '../../../pandawa/case/v1/RevealCitizenIdentityRequest.js';
import type { RevealedCitizenIdentity as _pandawa_case_v1_RevealedCitizenIdentity, RevealedCitizenIdentity__Output as _pandawa_case_v1_RevealedCitizenIdentity__Output } from '../../../pandawa/case/v1/RevealedCitizenIdentity.js';
import type { Statistics as _pandawa_case_v1_Statistics, Statistics__Output as _pandawa_case_v1_Statistics__Output } from '../../../pandawa/case/v1/Statistics.js';
import type { TransitionCaseRequest as _pandawa_case_v1_TransitionCaseRequest, TransitionCaseRequest__Output as _pandawa_case_v1_TransitionCaseRequest__Output } from '../../../pandawa/case/v1/TransitionCaseRequest.js';
import type { UnassignCaseRequest as _pandawa_case_v1_UnassignCaseRequest, UnassignCaseRequest__Output as _pandawa_case_v1_UnassignCaseRequest__Output } from '../../../pandawa/case/v1/UnassignCaseRequest.js';
import type { UpdateCaseTriageRequest as _pandawa_case_v1_UpdateCaseTriageRequest, UpdateCaseTriageRequest__Output as _pandawa_case_v1_UpdateCaseTriageRequest__Output } from '../../../pandawa/case/v1/UpdateCaseTriageRequest.js';
import type { UpdateMessageDeliveryRequest as _pandawa_case_v1_UpdateMessageDeliveryRequest, UpdateMessageDeliveryRequest__Output as _pandawa_case_v1_UpdateMessageDeliveryRequest__Output } from '../../../pandawa/case/v1/UpdateMessageDeliveryRequest.js';

export interface CaseServiceClient extends grpc.Client {
  AddCitizenMessage(argument: _pandawa_case_v1_AddCitizenMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AddCitizenMessage(argument: _pandawa_case_v1_AddCitizenMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AddCitizenMessage(argument: _pandawa_case_v1_AddCitizenMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AddCitizenMessage(argument: _pandawa_case_v1_AddCitizenMessageRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addCitizenMessage(argument: _pandawa_case_v1_AddCitizenMessageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addCitizenMessage(argument: _pandawa_case_v1_AddCitizenMessageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addCitizenMessage(argument: _pandawa_case_v1_AddCitizenMessageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addCitizenMessage(argument: _pandawa_case_v1_AddCitizenMessageRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  AddInternalNote(argument: _pandawa_case_v1_AddInternalNoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AddInternalNote(argument: _pandawa_case_v1_AddInternalNoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AddInternalNote(argument: _pandawa_case_v1_AddInternalNoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AddInternalNote(argument: _pandawa_case_v1_AddInternalNoteRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addInternalNote(argument: _pandawa_case_v1_AddInternalNoteRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addInternalNote(argument: _pandawa_case_v1_AddInternalNoteRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addInternalNote(argument: _pandawa_case_v1_AddInternalNoteRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addInternalNote(argument: _pandawa_case_v1_AddInternalNoteRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  AddOfficerReply(argument: _pandawa_case_v1_AddOfficerReplyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AddOfficerReply(argument: _pandawa_case_v1_AddOfficerReplyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AddOfficerReply(argument: _pandawa_case_v1_AddOfficerReplyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AddOfficerReply(argument: _pandawa_case_v1_AddOfficerReplyRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addOfficerReply(argument: _pandawa_case_v1_AddOfficerReplyRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addOfficerReply(argument: _pandawa_case_v1_AddOfficerReplyRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addOfficerReply(argument: _pandawa_case_v1_AddOfficerReplyRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  addOfficerReply(argument: _pandawa_case_v1_AddOfficerReplyRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  AssignCase(argument: _pandawa_case_v1_AssignCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AssignCase(argument: _pandawa_case_v1_AssignCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AssignCase(argument: _pandawa_case_v1_AssignCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AssignCase(argument: _pandawa_case_v1_AssignCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  assignCase(argument: _pandawa_case_v1_AssignCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  assignCase(argument: _pandawa_case_v1_AssignCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  assignCase(argument: _pandawa_case_v1_AssignCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  assignCase(argument: _pandawa_case_v1_AssignCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  AttachDocuments(argument: _pandawa_case_v1_AttachDocumentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AttachDocuments(argument: _pandawa_case_v1_AttachDocumentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AttachDocuments(argument: _pandawa_case_v1_AttachDocumentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  AttachDocuments(argument: _pandawa_case_v1_AttachDocumentsRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  attachDocuments(argument: _pandawa_case_v1_AttachDocumentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  attachDocuments(argument: _pandawa_case_v1_AttachDocumentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  attachDocuments(argument: _pandawa_case_v1_AttachDocumentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  attachDocuments(argument: _pandawa_case_v1_AttachDocumentsRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  ClaimCase(argument: _pandawa_case_v1_ClaimCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  ClaimCase(argument: _pandawa_case_v1_ClaimCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  ClaimCase(argument: _pandawa_case_v1_ClaimCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  ClaimCase(argument: _pandawa_case_v1_ClaimCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  claimCase(argument: _pandawa_case_v1_ClaimCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  claimCase(argument: _pandawa_case_v1_ClaimCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  claimCase(argument: _pandawa_case_v1_ClaimCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  claimCase(argument: _pandawa_case_v1_ClaimCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  CreateCase(argument: _pandawa_case_v1_CreateCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  CreateCase(argument: _pandawa_case_v1_CreateCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  CreateCase(argument: _pandawa_case_v1_CreateCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  CreateCase(argument: _pandawa_case_v1_CreateCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  createCase(argument: _pandawa_case_v1_CreateCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  createCase(argument: _pandawa_case_v1_CreateCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  createCase(argument: _pandawa_case_v1_CreateCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  createCase(argument: _pandawa_case_v1_CreateCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  GetCase(argument: _pandawa_case_v1_GetCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _pandawa_case_v1_GetCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _pandawa_case_v1_GetCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  GetCase(argument: _pandawa_case_v1_GetCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  getCase(argument: _pandawa_case_v1_GetCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  getCase(argument: _pandawa_case_v1_GetCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  getCase(argument: _pandawa_case_v1_GetCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  getCase(argument: _pandawa_case_v1_GetCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  GetStatistics(argument: _pandawa_case_v1_GetStatisticsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Statistics__Output>): grpc.ClientUnaryCall;
  GetStatistics(argument: _pandawa_case_v1_GetStatisticsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Statistics__Output>): grpc.ClientUnaryCall;
  GetStatistics(argument: _pandawa_case_v1_GetStatisticsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Statistics__Output>): grpc.ClientUnaryCall;
  GetStatistics(argument: _pandawa_case_v1_GetStatisticsRequest, callback: grpc.requestCallback<_pandawa_case_v1_Statistics__Output>): grpc.ClientUnaryCall;
  getStatistics(argument: _pandawa_case_v1_GetStatisticsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Statistics__Output>): grpc.ClientUnaryCall;
  getStatistics(argument: _pandawa_case_v1_GetStatisticsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Statistics__Output>): grpc.ClientUnaryCall;
  getStatistics(argument: _pandawa_case_v1_GetStatisticsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Statistics__Output>): grpc.ClientUnaryCall;
  getStatistics(argument: _pandawa_case_v1_GetStatisticsRequest, callback: grpc.requestCallback<_pandawa_case_v1_Statistics__Output>): grpc.ClientUnaryCall;
  
  HandBackToBot(argument: _pandawa_case_v1_HandBackToBotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  HandBackToBot(argument: _pandawa_case_v1_HandBackToBotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  HandBackToBot(argument: _pandawa_case_v1_HandBackToBotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  HandBackToBot(argument: _pandawa_case_v1_HandBackToBotRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  handBackToBot(argument: _pandawa_case_v1_HandBackToBotRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  handBackToBot(argument: _pandawa_case_v1_HandBackToBotRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  handBackToBot(argument: _pandawa_case_v1_HandBackToBotRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  handBackToBot(argument: _pandawa_case_v1_HandBackToBotRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  ListCases(argument: _pandawa_case_v1_ListCasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _pandawa_case_v1_ListCasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _pandawa_case_v1_ListCasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCases(argument: _pandawa_case_v1_ListCasesRequest, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _pandawa_case_v1_ListCasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _pandawa_case_v1_ListCasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _pandawa_case_v1_ListCasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCases(argument: _pandawa_case_v1_ListCasesRequest, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  
  ListCitizenCases(argument: _pandawa_case_v1_ListCitizenCasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCitizenCases(argument: _pandawa_case_v1_ListCitizenCasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCitizenCases(argument: _pandawa_case_v1_ListCitizenCasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  ListCitizenCases(argument: _pandawa_case_v1_ListCitizenCasesRequest, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCitizenCases(argument: _pandawa_case_v1_ListCitizenCasesRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCitizenCases(argument: _pandawa_case_v1_ListCitizenCasesRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCitizenCases(argument: _pandawa_case_v1_ListCitizenCasesRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  listCitizenCases(argument: _pandawa_case_v1_ListCitizenCasesRequest, callback: grpc.requestCallback<_pandawa_case_v1_ListCasesResponse__Output>): grpc.ClientUnaryCall;
  
  RevealCitizenIdentity(argument: _pandawa_case_v1_RevealCitizenIdentityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_RevealedCitizenIdentity__Output>): grpc.ClientUnaryCall;
  RevealCitizenIdentity(argument: _pandawa_case_v1_RevealCitizenIdentityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_RevealedCitizenIdentity__Output>): grpc.ClientUnaryCall;
  RevealCitizenIdentity(argument: _pandawa_case_v1_RevealCitizenIdentityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_RevealedCitizenIdentity__Output>): grpc.ClientUnaryCall;
  RevealCitizenIdentity(argument: _pandawa_case_v1_RevealCitizenIdentityRequest, callback: grpc.requestCallback<_pandawa_case_v1_RevealedCitizenIdentity__Output>): grpc.ClientUnaryCall;
  revealCitizenIdentity(argument: _pandawa_case_v1_RevealCitizenIdentityRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_RevealedCitizenIdentity__Output>): grpc.ClientUnaryCall;
  revealCitizenIdentity(argument: _pandawa_case_v1_RevealCitizenIdentityRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_RevealedCitizenIdentity__Output>): grpc.ClientUnaryCall;
  revealCitizenIdentity(argument: _pandawa_case_v1_RevealCitizenIdentityRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_RevealedCitizenIdentity__Output>): grpc.ClientUnaryCall;
  revealCitizenIdentity(argument: _pandawa_case_v1_RevealCitizenIdentityRequest, callback: grpc.requestCallback<_pandawa_case_v1_RevealedCitizenIdentity__Output>): grpc.ClientUnaryCall;
  
  TransitionCase(argument: _pandawa_case_v1_TransitionCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  TransitionCase(argument: _pandawa_case_v1_TransitionCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  TransitionCase(argument: _pandawa_case_v1_TransitionCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  TransitionCase(argument: _pandawa_case_v1_TransitionCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  transitionCase(argument: _pandawa_case_v1_TransitionCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  transitionCase(argument: _pandawa_case_v1_TransitionCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  transitionCase(argument: _pandawa_case_v1_TransitionCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  transitionCase(argument: _pandawa_case_v1_TransitionCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  UnassignCase(argument: _pandawa_case_v1_UnassignCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  UnassignCase(argument: _pandawa_case_v1_UnassignCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  UnassignCase(argument: _pandawa_case_v1_UnassignCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  UnassignCase(argument: _pandawa_case_v1_UnassignCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  unassignCase(argument: _pandawa_case_v1_UnassignCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  unassignCase(argument: _pandawa_case_v1_UnassignCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  unassignCase(argument: _pandawa_case_v1_UnassignCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  unassignCase(argument: _pandawa_case_v1_UnassignCaseRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  UpdateCaseTriage(argument: _pandawa_case_v1_UpdateCaseTriageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  UpdateCaseTriage(argument: _pandawa_case_v1_UpdateCaseTriageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  UpdateCaseTriage(argument: _pandawa_case_v1_UpdateCaseTriageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  UpdateCaseTriage(argument: _pandawa_case_v1_UpdateCaseTriageRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  updateCaseTriage(argument: _pandawa_case_v1_UpdateCaseTriageRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  updateCaseTriage(argument: _pandawa_case_v1_UpdateCaseTriageRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  updateCaseTriage(argument: _pandawa_case_v1_UpdateCaseTriageRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  updateCaseTriage(argument: _pandawa_case_v1_UpdateCaseTriageRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
  UpdateMessageDelivery(argument: _pandawa_case_v1_UpdateMessageDeliveryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  UpdateMessageDelivery(argument: _pandawa_case_v1_UpdateMessageDeliveryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  UpdateMessageDelivery(argument: _pandawa_case_v1_UpdateMessageDeliveryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  UpdateMessageDelivery(argument: _pandawa_case_v1_UpdateMessageDeliveryRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  updateMessageDelivery(argument: _pandawa_case_v1_UpdateMessageDeliveryRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  updateMessageDelivery(argument: _pandawa_case_v1_UpdateMessageDeliveryRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  updateMessageDelivery(argument: _pandawa_case_v1_UpdateMessageDeliveryRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  updateMessageDelivery(argument: _pandawa_case_v1_UpdateMessageDeliveryRequest, callback: grpc.requestCallback<_pandawa_case_v1_Case__Output>): grpc.ClientUnaryCall;
  
}

export interface CaseServiceHandlers extends grpc.UntypedServiceImplementation {
  AddCitizenMessage: grpc.handleUnaryCall<_pandawa_case_v1_AddCitizenMessageRequest__Output, _pandawa_case_v1_Case>;
  
  AddInternalNote: grpc.handleUnaryCall<_pandawa_case_v1_AddInternalNoteRequest__Output, _pandawa_case_v1_Case>;
  
  AddOfficerReply: grpc.handleUnaryCall<_pandawa_case_v1_AddOfficerReplyRequest__Output, _pandawa_case_v1_Case>;
  
  AssignCase: grpc.handleUnaryCall<_pandawa_case_v1_AssignCaseRequest__Output, _pandawa_case_v1_Case>;
  
  AttachDocuments: grpc.handleUnaryCall<_pandawa_case_v1_AttachDocumentsRequest__Output, _pandawa_case_v1_Case>;
  
  ClaimCase: grpc.handleUnaryCall<_pandawa_case_v1_ClaimCaseRequest__Output, _pandawa_case_v1_Case>;
  
  CreateCase: grpc.handleUnaryCall<_pandawa_case_v1_CreateCaseRequest__Output, _pandawa_case_v1_Case>;
  
  GetCase: grpc.handleUnaryCall<_pandawa_case_v1_GetCaseRequest__Output, _pandawa_case_v1_Case>;
  
  GetStatistics: grpc.handleUnaryCall<_pandawa_case_v1_GetStatisticsRequest__Output, _pandawa_case_v1_Statistics>;
  
  HandBackToBot: grpc.handleUnaryCall<_pandawa_case_v1_HandBackToBotRequest__Output, _pandawa_case_v1_Case>;
  
  ListCases: grpc.handleUnaryCall<_pandawa_case_v1_ListCasesRequest__Output, _pandawa_case_v1_ListCasesResponse>;
  
  ListCitizenCases: grpc.handleUnaryCall<_pandawa_case_v1_ListCitizenCasesRequest__Output, _pandawa_case_v1_ListCasesResponse>;
  
  RevealCitizenIdentity: grpc.handleUnaryCall<_pandawa_case_v1_RevealCitizenIdentityRequest__Output, _pandawa_case_v1_RevealedCitizenIdentity>;
  
  TransitionCase: grpc.handleUnaryCall<_pandawa_case_v1_TransitionCaseRequest__Output, _pandawa_case_v1_Case>;
  
  UnassignCase: grpc.handleUnaryCall<_pandawa_case_v1_UnassignCaseRequest__Output, _pandawa_case_v1_Case>;
  
  UpdateCaseTriage: grpc.handleUnaryCall<_pandawa_case_v1_UpdateCaseTriageRequest__Output, _pandawa_case_v1_Case>;
  
  UpdateMessageDelivery: grpc.handleUnaryCall<_pandawa_case_v1_UpdateMessageDeliveryRequest__Output, _pandawa_case_v1_Case>;
  
}

export interface CaseServiceDefinition extends grpc.ServiceDefinition {
  AddCitizenMessage: MethodDefinition<_pandawa_case_v1_AddCitizenMessageRequest, _pandawa_case_v1_Case, _pandawa_case_v1_AddCitizenMessageRequest__Output, _pandawa_case_v1_Case__Output>
  AddInternalNote: MethodDefinition<_pandawa_case_v1_AddInternalNoteRequest, _pandawa_case_v1_Case, _pandawa_case_v1_AddInternalNoteRequest__Output, _pandawa_case_v1_Case__Output>
  AddOfficerReply: MethodDefinition<_pandawa_case_v1_AddOfficerReplyRequest, _pandawa_case_v1_Case, _pandawa_case_v1_AddOfficerReplyRequest__Output, _pandawa_case_v1_Case__Output>
  AssignCase: MethodDefinition<_pandawa_case_v1_AssignCaseRequest, _pandawa_case_v1_Case, _pandawa_case_v1_AssignCaseRequest__Output, _pandawa_case_v1_Case__Output>
  AttachDocuments: MethodDefinition<_pandawa_case_v1_AttachDocumentsRequest, _pandawa_case_v1_Case, _pandawa_case_v1_AttachDocumentsRequest__Output, _pandawa_case_v1_Case__Output>
  ClaimCase: MethodDefinition<_pandawa_case_v1_ClaimCaseRequest, _pandawa_case_v1_Case, _pandawa_case_v1_ClaimCaseRequest__Output, _pandawa_case_v1_Case__Output>
  CreateCase: MethodDefinition<_pandawa_case_v1_CreateCaseRequest, _pandawa_case_v1_Case, _pandawa_case_v1_CreateCaseRequest__Output, _pandawa_case_v1_Case__Output>
  GetCase: MethodDefinition<_pandawa_case_v1_GetCaseRequest, _pandawa_case_v1_Case, _pandawa_case_v1_GetCaseRequest__Output, _pandawa_case_v1_Case__Output>
  GetStatistics: MethodDefinition<_pandawa_case_v1_GetStatisticsRequest, _pandawa_case_v1_Statistics, _pandawa_case_v1_GetStatisticsRequest__Output, _pandawa_case_v1_Statistics__Output>
  HandBackToBot: MethodDefinition<_pandawa_case_v1_HandBackToBotRequest, _pandawa_case_v1_Case, _pandawa_case_v1_HandBackToBotRequest__Output, _pandawa_case_v1_Case__Output>
  ListCases: MethodDefinition<_pandawa_case_v1_ListCasesRequest, _pandawa_case_v1_ListCasesResponse, _pandawa_case_v1_ListCasesRequest__Output, _pandawa_case_v1_ListCasesResponse__Output>
  ListCitizenCases: MethodDefinition<_pandawa_case_v1_ListCitizenCasesRequest, _pandawa_case_v1_ListCasesResponse, _pandawa_case_v1_ListCitizenCasesRequest__Output, _pandawa_case_v1_ListCasesResponse__Output>
  RevealCitizenIdentity: MethodDefinition<_pandawa_case_v1_RevealCitizenIdentityRequest, _pandawa_case_v1_RevealedCitizenIdentity, _pandawa_case_v1_RevealCitizenIdentityRequest__Output, _pandawa_case_v1_RevealedCitizenIdentity__Output>
  TransitionCase: MethodDefinition<_pandawa_case_v1_TransitionCaseRequest, _pandawa_case_v1_Case, _pandawa_case_v1_TransitionCaseRequest__Output, _pandawa_case_v1_Case__Output>
  UnassignCase: MethodDefinition<_pandawa_case_v1_UnassignCaseRequest, _pandawa_case_v1_Case, _pandawa_case_v1_UnassignCaseRequest__Output, _pandawa_case_v1_Case__Output>
  UpdateCaseTriage: MethodDefinition<_pandawa_case_v1_UpdateCaseTriageRequest, _pandawa_case_v1_Case, _pandawa_case_v1_UpdateCaseTriageRequest__Output, _pandawa_case_v1_Case__Output>
  UpdateMessageDelivery: MethodDefinition<_pandawa_case_v1_UpdateMessageDeliveryRequest, _pandawa_case_v1_Case, _pandawa_case_v1_UpdateMessageDeliveryRequest__Output, _pandawa_case_v1_Case__Output>
}
