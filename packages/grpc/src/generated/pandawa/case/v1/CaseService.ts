// Original file: pandawa/case/v1/case.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Case as _pandawa_case_v1_Case, Case__Output as _pandawa_case_v1_Case__Output } from '../../../pandawa/case/v1/Case.js';
import type { CreateCaseRequest as _pandawa_case_v1_CreateCaseRequest, CreateCaseRequest__Output as _pandawa_case_v1_CreateCaseRequest__Output } from '../../../pandawa/case/v1/CreateCaseRequest.js';
import type { GetCaseRequest as _pandawa_case_v1_GetCaseRequest, GetCaseRequest__Output as _pandawa_case_v1_GetCaseRequest__Output } from '../../../pandawa/case/v1/GetCaseRequest.js';

export interface CaseServiceClient extends grpc.Client {
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
  
}

export interface CaseServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateCase: grpc.handleUnaryCall<_pandawa_case_v1_CreateCaseRequest__Output, _pandawa_case_v1_Case>;
  
  GetCase: grpc.handleUnaryCall<_pandawa_case_v1_GetCaseRequest__Output, _pandawa_case_v1_Case>;
  
}

export interface CaseServiceDefinition extends grpc.ServiceDefinition {
  CreateCase: MethodDefinition<_pandawa_case_v1_CreateCaseRequest, _pandawa_case_v1_Case, _pandawa_case_v1_CreateCaseRequest__Output, _pandawa_case_v1_Case__Output>
  GetCase: MethodDefinition<_pandawa_case_v1_GetCaseRequest, _pandawa_case_v1_Case, _pandawa_case_v1_GetCaseRequest__Output, _pandawa_case_v1_Case__Output>
}
