import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Case as _pandawa_case_v1_Case, Case__Output as _pandawa_case_v1_Case__Output } from './pandawa/case/v1/Case.js';
import type { CaseServiceClient as _pandawa_case_v1_CaseServiceClient, CaseServiceDefinition as _pandawa_case_v1_CaseServiceDefinition } from './pandawa/case/v1/CaseService.js';
import type { Citizen as _pandawa_case_v1_Citizen, Citizen__Output as _pandawa_case_v1_Citizen__Output } from './pandawa/case/v1/Citizen.js';
import type { CreateCaseRequest as _pandawa_case_v1_CreateCaseRequest, CreateCaseRequest__Output as _pandawa_case_v1_CreateCaseRequest__Output } from './pandawa/case/v1/CreateCaseRequest.js';
import type { GetCaseRequest as _pandawa_case_v1_GetCaseRequest, GetCaseRequest__Output as _pandawa_case_v1_GetCaseRequest__Output } from './pandawa/case/v1/GetCaseRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pandawa: {
    case: {
      v1: {
        Case: MessageTypeDefinition<_pandawa_case_v1_Case, _pandawa_case_v1_Case__Output>
        CaseCategory: EnumTypeDefinition
        CaseService: SubtypeConstructor<typeof grpc.Client, _pandawa_case_v1_CaseServiceClient> & { service: _pandawa_case_v1_CaseServiceDefinition }
        CaseStatus: EnumTypeDefinition
        Citizen: MessageTypeDefinition<_pandawa_case_v1_Citizen, _pandawa_case_v1_Citizen__Output>
        CreateCaseRequest: MessageTypeDefinition<_pandawa_case_v1_CreateCaseRequest, _pandawa_case_v1_CreateCaseRequest__Output>
        GetCaseRequest: MessageTypeDefinition<_pandawa_case_v1_GetCaseRequest, _pandawa_case_v1_GetCaseRequest__Output>
      }
    }
  }
}

