// Original file: pandawa/document/v1/document.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AttachSessionToCaseRequest as _pandawa_document_v1_AttachSessionToCaseRequest, AttachSessionToCaseRequest__Output as _pandawa_document_v1_AttachSessionToCaseRequest__Output } from '../../../pandawa/document/v1/AttachSessionToCaseRequest.js';
import type { AttachSessionToCaseResponse as _pandawa_document_v1_AttachSessionToCaseResponse, AttachSessionToCaseResponse__Output as _pandawa_document_v1_AttachSessionToCaseResponse__Output } from '../../../pandawa/document/v1/AttachSessionToCaseResponse.js';
import type { AttachToCaseRequest as _pandawa_document_v1_AttachToCaseRequest, AttachToCaseRequest__Output as _pandawa_document_v1_AttachToCaseRequest__Output } from '../../../pandawa/document/v1/AttachToCaseRequest.js';
import type { DeleteDocumentRequest as _pandawa_document_v1_DeleteDocumentRequest, DeleteDocumentRequest__Output as _pandawa_document_v1_DeleteDocumentRequest__Output } from '../../../pandawa/document/v1/DeleteDocumentRequest.js';
import type { DeleteDocumentResponse as _pandawa_document_v1_DeleteDocumentResponse, DeleteDocumentResponse__Output as _pandawa_document_v1_DeleteDocumentResponse__Output } from '../../../pandawa/document/v1/DeleteDocumentResponse.js';
import type { Document as _pandawa_document_v1_Document, Document__Output as _pandawa_document_v1_Document__Output } from '../../../pandawa/document/v1/Document.js';
import type { GetDocumentRequest as _pandawa_document_v1_GetDocumentRequest, GetDocumentRequest__Output as _pandawa_document_v1_GetDocumentRequest__Output } from '../../../pandawa/document/v1/GetDocumentRequest.js';
import type { IngestFromWhatsAppRequest as _pandawa_document_v1_IngestFromWhatsAppRequest, IngestFromWhatsAppRequest__Output as _pandawa_document_v1_IngestFromWhatsAppRequest__Output } from '../../../pandawa/document/v1/IngestFromWhatsAppRequest.js';
import type { ListCaseDocumentsRequest as _pandawa_document_v1_ListCaseDocumentsRequest, ListCaseDocumentsRequest__Output as _pandawa_document_v1_ListCaseDocumentsRequest__Output } from '../../../pandawa/document/v1/ListCaseDocumentsRequest.js';
import type { ListCaseDocumentsResponse as _pandawa_document_v1_ListCaseDocumentsResponse, ListCaseDocumentsResponse__Output as _pandawa_document_v1_ListCaseDocumentsResponse__Output } from '../../../pandawa/document/v1/ListCaseDocumentsResponse.js';
import type { ListDocumentAccessRequest as _pandawa_document_v1_ListDocumentAccessRequest, ListDocumentAccessRequest__Output as _pandawa_document_v1_ListDocumentAccessRequest__Output } from '../../../pandawa/document/v1/ListDocumentAccessRequest.js';
import type { ListDocumentAccessResponse as _pandawa_document_v1_ListDocumentAccessResponse, ListDocumentAccessResponse__Output as _pandawa_document_v1_ListDocumentAccessResponse__Output } from '../../../pandawa/document/v1/ListDocumentAccessResponse.js';
import type { Preview as _pandawa_document_v1_Preview, Preview__Output as _pandawa_document_v1_Preview__Output } from '../../../pandawa/document/v1/Preview.js';
import type { ReadDocumentChunk as _pandawa_document_v1_ReadDocumentChunk, ReadDocumentChunk__Output as _pandawa_document_v1_ReadDocumentChunk__Output } from '../../../pandawa/document/v1/ReadDocumentChunk.js';
import type { ReadDocumentRequest as _pandawa_document_v1_ReadDocumentRequest, ReadDocumentRequest__Output as _pandawa_document_v1_ReadDocumentRequest__Output } from '../../../pandawa/document/v1/ReadDocumentRequest.js';
import type { ReadPreviewRequest as _pandawa_document_v1_ReadPreviewRequest, ReadPreviewRequest__Output as _pandawa_document_v1_ReadPreviewRequest__Output } from '../../../pandawa/document/v1/ReadPreviewRequest.js';
import type { UploadDocumentRequest as _pandawa_document_v1_UploadDocumentRequest, UploadDocumentRequest__Output as _pandawa_document_v1_UploadDocumentRequest__Output } from '../../../pandawa/document/v1/UploadDocumentRequest.js';

export interface DocumentServiceClient extends grpc.Client {
  AttachSessionToCase(argument: _pandawa_document_v1_AttachSessionToCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_AttachSessionToCaseResponse__Output>): grpc.ClientUnaryCall;
  AttachSessionToCase(argument: _pandawa_document_v1_AttachSessionToCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_AttachSessionToCaseResponse__Output>): grpc.ClientUnaryCall;
  AttachSessionToCase(argument: _pandawa_document_v1_AttachSessionToCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_AttachSessionToCaseResponse__Output>): grpc.ClientUnaryCall;
  AttachSessionToCase(argument: _pandawa_document_v1_AttachSessionToCaseRequest, callback: grpc.requestCallback<_pandawa_document_v1_AttachSessionToCaseResponse__Output>): grpc.ClientUnaryCall;
  attachSessionToCase(argument: _pandawa_document_v1_AttachSessionToCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_AttachSessionToCaseResponse__Output>): grpc.ClientUnaryCall;
  attachSessionToCase(argument: _pandawa_document_v1_AttachSessionToCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_AttachSessionToCaseResponse__Output>): grpc.ClientUnaryCall;
  attachSessionToCase(argument: _pandawa_document_v1_AttachSessionToCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_AttachSessionToCaseResponse__Output>): grpc.ClientUnaryCall;
  attachSessionToCase(argument: _pandawa_document_v1_AttachSessionToCaseRequest, callback: grpc.requestCallback<_pandawa_document_v1_AttachSessionToCaseResponse__Output>): grpc.ClientUnaryCall;
  
  AttachToCase(argument: _pandawa_document_v1_AttachToCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  AttachToCase(argument: _pandawa_document_v1_AttachToCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  AttachToCase(argument: _pandawa_document_v1_AttachToCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  AttachToCase(argument: _pandawa_document_v1_AttachToCaseRequest, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  attachToCase(argument: _pandawa_document_v1_AttachToCaseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  attachToCase(argument: _pandawa_document_v1_AttachToCaseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  attachToCase(argument: _pandawa_document_v1_AttachToCaseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  attachToCase(argument: _pandawa_document_v1_AttachToCaseRequest, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  
  DeleteDocument(argument: _pandawa_document_v1_DeleteDocumentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  DeleteDocument(argument: _pandawa_document_v1_DeleteDocumentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  DeleteDocument(argument: _pandawa_document_v1_DeleteDocumentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  DeleteDocument(argument: _pandawa_document_v1_DeleteDocumentRequest, callback: grpc.requestCallback<_pandawa_document_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  deleteDocument(argument: _pandawa_document_v1_DeleteDocumentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  deleteDocument(argument: _pandawa_document_v1_DeleteDocumentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  deleteDocument(argument: _pandawa_document_v1_DeleteDocumentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  deleteDocument(argument: _pandawa_document_v1_DeleteDocumentRequest, callback: grpc.requestCallback<_pandawa_document_v1_DeleteDocumentResponse__Output>): grpc.ClientUnaryCall;
  
  GetDocument(argument: _pandawa_document_v1_GetDocumentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  GetDocument(argument: _pandawa_document_v1_GetDocumentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  GetDocument(argument: _pandawa_document_v1_GetDocumentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  GetDocument(argument: _pandawa_document_v1_GetDocumentRequest, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _pandawa_document_v1_GetDocumentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _pandawa_document_v1_GetDocumentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _pandawa_document_v1_GetDocumentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  getDocument(argument: _pandawa_document_v1_GetDocumentRequest, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  
  IngestFromWhatsApp(argument: _pandawa_document_v1_IngestFromWhatsAppRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  IngestFromWhatsApp(argument: _pandawa_document_v1_IngestFromWhatsAppRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  IngestFromWhatsApp(argument: _pandawa_document_v1_IngestFromWhatsAppRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  IngestFromWhatsApp(argument: _pandawa_document_v1_IngestFromWhatsAppRequest, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  ingestFromWhatsApp(argument: _pandawa_document_v1_IngestFromWhatsAppRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  ingestFromWhatsApp(argument: _pandawa_document_v1_IngestFromWhatsAppRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  ingestFromWhatsApp(argument: _pandawa_document_v1_IngestFromWhatsAppRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  ingestFromWhatsApp(argument: _pandawa_document_v1_IngestFromWhatsAppRequest, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientUnaryCall;
  
  ListCaseDocuments(argument: _pandawa_document_v1_ListCaseDocumentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_ListCaseDocumentsResponse__Output>): grpc.ClientUnaryCall;
  ListCaseDocuments(argument: _pandawa_document_v1_ListCaseDocumentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_ListCaseDocumentsResponse__Output>): grpc.ClientUnaryCall;
  ListCaseDocuments(argument: _pandawa_document_v1_ListCaseDocumentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_ListCaseDocumentsResponse__Output>): grpc.ClientUnaryCall;
  ListCaseDocuments(argument: _pandawa_document_v1_ListCaseDocumentsRequest, callback: grpc.requestCallback<_pandawa_document_v1_ListCaseDocumentsResponse__Output>): grpc.ClientUnaryCall;
  listCaseDocuments(argument: _pandawa_document_v1_ListCaseDocumentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_ListCaseDocumentsResponse__Output>): grpc.ClientUnaryCall;
  listCaseDocuments(argument: _pandawa_document_v1_ListCaseDocumentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_ListCaseDocumentsResponse__Output>): grpc.ClientUnaryCall;
  listCaseDocuments(argument: _pandawa_document_v1_ListCaseDocumentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_ListCaseDocumentsResponse__Output>): grpc.ClientUnaryCall;
  listCaseDocuments(argument: _pandawa_document_v1_ListCaseDocumentsRequest, callback: grpc.requestCallback<_pandawa_document_v1_ListCaseDocumentsResponse__Output>): grpc.ClientUnaryCall;
  
  ListDocumentAccess(argument: _pandawa_document_v1_ListDocumentAccessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_ListDocumentAccessResponse__Output>): grpc.ClientUnaryCall;
  ListDocumentAccess(argument: _pandawa_document_v1_ListDocumentAccessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_ListDocumentAccessResponse__Output>): grpc.ClientUnaryCall;
  ListDocumentAccess(argument: _pandawa_document_v1_ListDocumentAccessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_ListDocumentAccessResponse__Output>): grpc.ClientUnaryCall;
  ListDocumentAccess(argument: _pandawa_document_v1_ListDocumentAccessRequest, callback: grpc.requestCallback<_pandawa_document_v1_ListDocumentAccessResponse__Output>): grpc.ClientUnaryCall;
  listDocumentAccess(argument: _pandawa_document_v1_ListDocumentAccessRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_ListDocumentAccessResponse__Output>): grpc.ClientUnaryCall;
  listDocumentAccess(argument: _pandawa_document_v1_ListDocumentAccessRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_ListDocumentAccessResponse__Output>): grpc.ClientUnaryCall;
  listDocumentAccess(argument: _pandawa_document_v1_ListDocumentAccessRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_ListDocumentAccessResponse__Output>): grpc.ClientUnaryCall;
  listDocumentAccess(argument: _pandawa_document_v1_ListDocumentAccessRequest, callback: grpc.requestCallback<_pandawa_document_v1_ListDocumentAccessResponse__Output>): grpc.ClientUnaryCall;
  
  ReadDocument(argument: _pandawa_document_v1_ReadDocumentRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_pandawa_document_v1_ReadDocumentChunk__Output>;
  ReadDocument(argument: _pandawa_document_v1_ReadDocumentRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_pandawa_document_v1_ReadDocumentChunk__Output>;
  readDocument(argument: _pandawa_document_v1_ReadDocumentRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_pandawa_document_v1_ReadDocumentChunk__Output>;
  readDocument(argument: _pandawa_document_v1_ReadDocumentRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_pandawa_document_v1_ReadDocumentChunk__Output>;
  
  ReadPreview(argument: _pandawa_document_v1_ReadPreviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Preview__Output>): grpc.ClientUnaryCall;
  ReadPreview(argument: _pandawa_document_v1_ReadPreviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Preview__Output>): grpc.ClientUnaryCall;
  ReadPreview(argument: _pandawa_document_v1_ReadPreviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Preview__Output>): grpc.ClientUnaryCall;
  ReadPreview(argument: _pandawa_document_v1_ReadPreviewRequest, callback: grpc.requestCallback<_pandawa_document_v1_Preview__Output>): grpc.ClientUnaryCall;
  readPreview(argument: _pandawa_document_v1_ReadPreviewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Preview__Output>): grpc.ClientUnaryCall;
  readPreview(argument: _pandawa_document_v1_ReadPreviewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Preview__Output>): grpc.ClientUnaryCall;
  readPreview(argument: _pandawa_document_v1_ReadPreviewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Preview__Output>): grpc.ClientUnaryCall;
  readPreview(argument: _pandawa_document_v1_ReadPreviewRequest, callback: grpc.requestCallback<_pandawa_document_v1_Preview__Output>): grpc.ClientUnaryCall;
  
  UploadDocument(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientWritableStream<_pandawa_document_v1_UploadDocumentRequest>;
  UploadDocument(metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientWritableStream<_pandawa_document_v1_UploadDocumentRequest>;
  UploadDocument(options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientWritableStream<_pandawa_document_v1_UploadDocumentRequest>;
  UploadDocument(callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientWritableStream<_pandawa_document_v1_UploadDocumentRequest>;
  uploadDocument(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientWritableStream<_pandawa_document_v1_UploadDocumentRequest>;
  uploadDocument(metadata: grpc.Metadata, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientWritableStream<_pandawa_document_v1_UploadDocumentRequest>;
  uploadDocument(options: grpc.CallOptions, callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientWritableStream<_pandawa_document_v1_UploadDocumentRequest>;
  uploadDocument(callback: grpc.requestCallback<_pandawa_document_v1_Document__Output>): grpc.ClientWritableStream<_pandawa_document_v1_UploadDocumentRequest>;
  
}

export interface DocumentServiceHandlers extends grpc.UntypedServiceImplementation {
  AttachSessionToCase: grpc.handleUnaryCall<_pandawa_document_v1_AttachSessionToCaseRequest__Output, _pandawa_document_v1_AttachSessionToCaseResponse>;
  
  AttachToCase: grpc.handleUnaryCall<_pandawa_document_v1_AttachToCaseRequest__Output, _pandawa_document_v1_Document>;
  
  DeleteDocument: grpc.handleUnaryCall<_pandawa_document_v1_DeleteDocumentRequest__Output, _pandawa_document_v1_DeleteDocumentResponse>;
  
  GetDocument: grpc.handleUnaryCall<_pandawa_document_v1_GetDocumentRequest__Output, _pandawa_document_v1_Document>;
  
  IngestFromWhatsApp: grpc.handleUnaryCall<_pandawa_document_v1_IngestFromWhatsAppRequest__Output, _pandawa_document_v1_Document>;
  
  ListCaseDocuments: grpc.handleUnaryCall<_pandawa_document_v1_ListCaseDocumentsRequest__Output, _pandawa_document_v1_ListCaseDocumentsResponse>;
  
  ListDocumentAccess: grpc.handleUnaryCall<_pandawa_document_v1_ListDocumentAccessRequest__Output, _pandawa_document_v1_ListDocumentAccessResponse>;
  
  ReadDocument: grpc.handleServerStreamingCall<_pandawa_document_v1_ReadDocumentRequest__Output, _pandawa_document_v1_ReadDocumentChunk>;
  
  ReadPreview: grpc.handleUnaryCall<_pandawa_document_v1_ReadPreviewRequest__Output, _pandawa_document_v1_Preview>;
  
  UploadDocument: grpc.handleClientStreamingCall<_pandawa_document_v1_UploadDocumentRequest__Output, _pandawa_document_v1_Document>;
  
}

export interface DocumentServiceDefinition extends grpc.ServiceDefinition {
  AttachSessionToCase: MethodDefinition<_pandawa_document_v1_AttachSessionToCaseRequest, _pandawa_document_v1_AttachSessionToCaseResponse, _pandawa_document_v1_AttachSessionToCaseRequest__Output, _pandawa_document_v1_AttachSessionToCaseResponse__Output>
  AttachToCase: MethodDefinition<_pandawa_document_v1_AttachToCaseRequest, _pandawa_document_v1_Document, _pandawa_document_v1_AttachToCaseRequest__Output, _pandawa_document_v1_Document__Output>
  DeleteDocument: MethodDefinition<_pandawa_document_v1_DeleteDocumentRequest, _pandawa_document_v1_DeleteDocumentResponse, _pandawa_document_v1_DeleteDocumentRequest__Output, _pandawa_document_v1_DeleteDocumentResponse__Output>
  GetDocument: MethodDefinition<_pandawa_document_v1_GetDocumentRequest, _pandawa_document_v1_Document, _pandawa_document_v1_GetDocumentRequest__Output, _pandawa_document_v1_Document__Output>
  IngestFromWhatsApp: MethodDefinition<_pandawa_document_v1_IngestFromWhatsAppRequest, _pandawa_document_v1_Document, _pandawa_document_v1_IngestFromWhatsAppRequest__Output, _pandawa_document_v1_Document__Output>
  ListCaseDocuments: MethodDefinition<_pandawa_document_v1_ListCaseDocumentsRequest, _pandawa_document_v1_ListCaseDocumentsResponse, _pandawa_document_v1_ListCaseDocumentsRequest__Output, _pandawa_document_v1_ListCaseDocumentsResponse__Output>
  ListDocumentAccess: MethodDefinition<_pandawa_document_v1_ListDocumentAccessRequest, _pandawa_document_v1_ListDocumentAccessResponse, _pandawa_document_v1_ListDocumentAccessRequest__Output, _pandawa_document_v1_ListDocumentAccessResponse__Output>
  ReadDocument: MethodDefinition<_pandawa_document_v1_ReadDocumentRequest, _pandawa_document_v1_ReadDocumentChunk, _pandawa_document_v1_ReadDocumentRequest__Output, _pandawa_document_v1_ReadDocumentChunk__Output>
  ReadPreview: MethodDefinition<_pandawa_document_v1_ReadPreviewRequest, _pandawa_document_v1_Preview, _pandawa_document_v1_ReadPreviewRequest__Output, _pandawa_document_v1_Preview__Output>
  UploadDocument: MethodDefinition<_pandawa_document_v1_UploadDocumentRequest, _pandawa_document_v1_Document, _pandawa_document_v1_UploadDocumentRequest__Output, _pandawa_document_v1_Document__Output>
}
