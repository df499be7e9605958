// Original file: pandawa/document/v1/document.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { Document as _pandawa_document_v1_Document, Document__Output as _pandawa_document_v1_Document__Output } from '../../../pandawa/document/v1/Document.js';
import type { GetDocumentRequest as _pandawa_document_v1_GetDocumentRequest, GetDocumentRequest__Output as _pandawa_document_v1_GetDocumentRequest__Output } from '../../../pandawa/document/v1/GetDocumentRequest.js';

export interface DocumentServiceClient extends grpc.Client {
  GetDocument(argument: _pandawa_document_v1_GetDocumentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  GetDocument(argument: _pandawa_document_v1_GetDocumentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  GetDocument(argument: _pandawa_document_v1_GetDocumentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  GetDocument(argument: _pandawa_document_v1_GetDocumentRequest, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _pandawa_document_v1_GetDocumentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _pandawa_document_v1_GetDocumentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _pandawa_document_v1_GetDocumentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _pandawa_document_v1_GetDocumentRequest, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  
}

export interface DocumentServiceHandlers extends grpc.UntypedServiceImplementation {
  GetDocument: grpc.handleUnaryCall<_pandawa_document_v1_GetDocumentRequest__Output, _pandawa_document_v1_Document>;
  
}

export interface DocumentServiceDefinition extends grpc.ServiceDefinition {
  GetDocument: MethodDefinition<_pandawa_document_v1_GetDocumentRequest, _pandawa_document_v1_Document, _pandawa_document_v1_GetDocumentRequest__Output, _pandawa_document_v1_Document__Output>
}
