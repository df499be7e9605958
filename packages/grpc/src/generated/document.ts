import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Document as _pandawa_document_v1_Document, Document__Output as _pandawa_document_v1_Document__Output } from './pandawa/document/v1/Document.js';
import type { DocumentServiceClient as _pandawa_document_v1_DocumentServiceClient, DocumentServiceDefinition as _pandawa_document_v1_DocumentServiceDefinition } from './pandawa/document/v1/DocumentService.js';
import type { GetDocumentRequest as _pandawa_document_v1_GetDocumentRequest, GetDocumentRequest__Output as _pandawa_document_v1_GetDocumentRequest__Output } from './pandawa/document/v1/GetDocumentRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pandawa: {
    document: {
      v1: {
        Document: MessageTypeDefinition<_pandawa_document_v1_Document, _pandawa_document_v1_Document__Output>
        DocumentService: SubtypeConstructor<typeof grpc.Client, _pandawa_document_v1_DocumentServiceClient> & { service: _pandawa_document_v1_DocumentServiceDefinition }
        GetDocumentRequest: MessageTypeDefinition<_pandawa_document_v1_GetDocumentRequest, _pandawa_document_v1_GetDocumentRequest__Output>
      }
    }
  }
}

