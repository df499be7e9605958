import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AttachSessionToCaseRequest as _pandawa_document_v1_AttachSessionToCaseRequest, AttachSessionToCaseRequest__Output as _pandawa_document_v1_AttachSessionToCaseRequest__Output } from './pandawa/document/v1/AttachSessionToCaseRequest.js';
import type { AttachSessionToCaseResponse as _pandawa_document_v1_AttachSessionToCaseResponse, AttachSessionToCaseResponse__Output as _pandawa_document_v1_AttachSessionToCaseResponse__Output } from './pandawa/document/v1/AttachSessionToCaseResponse.js';
import type { AttachToCaseRequest as _pandawa_document_v1_AttachToCaseRequest, AttachToCaseRequest__Output as _pandawa_document_v1_AttachToCaseRequest__Output } from './pandawa/document/v1/AttachToCaseRequest.js';
import type { DeleteDocumentRequest as _pandawa_document_v1_DeleteDocumentRequest, DeleteDocumentRequest__Output as _pandawa_document_v1_DeleteDocumentRequest__Output } from './pandawa/document/v1/DeleteDocumentRequest.js';
import type { DeleteDocumentResponse as _pandawa_document_v1_DeleteDocumentResponse, DeleteDocumentResponse__Output as _pandawa_document_v1_DeleteDocumentResponse__Output } from './pandawa/document/v1/DeleteDocumentResponse.js';
import type { Document as _pandawa_document_v1_Document, Document__Output as _pandawa_document_v1_Document__Output } from './pandawa/document/v1/Document.js';
import type { DocumentAccess as _pandawa_document_v1_DocumentAccess, DocumentAccess__Output as _pandawa_document_v1_DocumentAccess__Output } from './pandawa/document/v1/DocumentAccess.js';
import type { DocumentServiceClient as _pandawa_document_v1_DocumentServiceClient, DocumentServiceDefinition as _pandawa_document_v1_DocumentServiceDefinition } from './pandawa/document/v1/DocumentService.js';
import type { GetDocumentRequest as _pandawa_document_v1_GetDocumentRequest, GetDocumentRequest__Output as _pandawa_document_v1_GetDocumentRequest__Output } from './pandawa/document/v1/GetDocumentRequest.js';
import type { IngestFromWhatsAppRequest as _pandawa_document_v1_IngestFromWhatsAppRequest, IngestFromWhatsAppRequest__Output as _pandawa_document_v1_IngestFromWhatsAppRequest__Output } from './pandawa/document/v1/IngestFromWhatsAppRequest.js';
import type { ListCaseDocumentsRequest as _pandawa_document_v1_ListCaseDocumentsRequest, ListCaseDocumentsRequest__Output as _pandawa_document_v1_ListCaseDocumentsRequest__Output } from './pandawa/document/v1/ListCaseDocumentsRequest.js';
import type { ListCaseDocumentsResponse as _pandawa_document_v1_ListCaseDocumentsResponse, ListCaseDocumentsResponse__Output as _pandawa_document_v1_ListCaseDocumentsResponse__Output } from './pandawa/document/v1/ListCaseDocumentsResponse.js';
import type { ListDocumentAccessRequest as _pandawa_document_v1_ListDocumentAccessRequest, ListDocumentAccessRequest__Output as _pandawa_document_v1_ListDocumentAccessRequest__Output } from './pandawa/document/v1/ListDocumentAccessRequest.js';
import type { ListDocumentAccessResponse as _pandawa_document_v1_ListDocumentAccessResponse, ListDocumentAccessResponse__Output as _pandawa_document_v1_ListDocumentAccessResponse__Output } from './pandawa/document/v1/ListDocumentAccessResponse.js';
import type { Preview as _pandawa_document_v1_Preview, Preview__Output as _pandawa_document_v1_Preview__Output } from './pandawa/document/v1/Preview.js';
import type { ReadDocumentChunk as _pandawa_document_v1_ReadDocumentChunk, ReadDocumentChunk__Output as _pandawa_document_v1_ReadDocumentChunk__Output } from './pandawa/document/v1/ReadDocumentChunk.js';
import type { ReadDocumentRequest as _pandawa_document_v1_ReadDocumentRequest, ReadDocumentRequest__Output as _pandawa_document_v1_ReadDocumentRequest__Output } from './pandawa/document/v1/ReadDocumentRequest.js';
import type { ReadPreviewRequest as _pandawa_document_v1_ReadPreviewRequest, ReadPreviewRequest__Output as _pandawa_document_v1_ReadPreviewRequest__Output } from './pandawa/document/v1/ReadPreviewRequest.js';
import type { UploadDocumentRequest as _pandawa_document_v1_UploadDocumentRequest, UploadDocumentRequest__Output as _pandawa_document_v1_UploadDocumentRequest__Output } from './pandawa/document/v1/UploadDocumentRequest.js';
import type { UploadHeader as _pandawa_document_v1_UploadHeader, UploadHeader__Output as _pandawa_document_v1_UploadHeader__Output } from './pandawa/document/v1/UploadHeader.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  pandawa: {
    document: {
      v1: {
        AttachSessionToCaseRequest: MessageTypeDefinition<_pandawa_document_v1_AttachSessionToCaseRequest, _pandawa_document_v1_AttachSessionToCaseRequest__Output>
        AttachSessionToCaseResponse: MessageTypeDefinition<_pandawa_document_v1_AttachSessionToCaseResponse, _pandawa_document_v1_AttachSessionToCaseResponse__Output>
        AttachToCaseRequest: MessageTypeDefinition<_pandawa_document_v1_AttachToCaseRequest, _pandawa_document_v1_AttachToCaseRequest__Output>
        DeleteDocumentRequest: MessageTypeDefinition<_pandawa_document_v1_DeleteDocumentRequest, _pandawa_document_v1_DeleteDocumentRequest__Output>
        DeleteDocumentResponse: MessageTypeDefinition<_pandawa_document_v1_DeleteDocumentResponse, _pandawa_document_v1_DeleteDocumentResponse__Output>
        Document: MessageTypeDefinition<_pandawa_document_v1_Document, _pandawa_document_v1_Document__Output>
        DocumentAccess: MessageTypeDefinition<_pandawa_document_v1_DocumentAccess, _pandawa_document_v1_DocumentAccess__Output>
        DocumentService: SubtypeConstructor<typeof grpc.Client, _pandawa_document_v1_DocumentServiceClient> & { service: _pandawa_document_v1_DocumentServiceDefinition }
        GetDocumentRequest: MessageTypeDefinition<_pandawa_document_v1_GetDocumentRequest, _pandawa_document_v1_GetDocumentRequest__Output>
        IngestFromWhatsAppRequest: MessageTypeDefinition<_pandawa_document_v1_IngestFromWhatsAppRequest, _pandawa_document_v1_IngestFromWhatsAppRequest__Output>
        ListCaseDocumentsRequest: MessageTypeDefinition<_pandawa_document_v1_ListCaseDocumentsRequest, _pandawa_document_v1_ListCaseDocumentsRequest__Output>
        ListCaseDocumentsResponse: MessageTypeDefinition<_pandawa_document_v1_ListCaseDocumentsResponse, _pandawa_document_v1_ListCaseDocumentsResponse__Output>
        ListDocumentAccessRequest: MessageTypeDefinition<_pandawa_document_v1_ListDocumentAccessRequest, _pandawa_document_v1_ListDocumentAccessRequest__Output>
        ListDocumentAccessResponse: MessageTypeDefinition<_pandawa_document_v1_ListDocumentAccessResponse, _pandawa_document_v1_ListDocumentAccessResponse__Output>
        Preview: MessageTypeDefinition<_pandawa_document_v1_Preview, _pandawa_document_v1_Preview__Output>
        ReadDocumentChunk: MessageTypeDefinition<_pandawa_document_v1_ReadDocumentChunk, _pandawa_document_v1_ReadDocumentChunk__Output>
        ReadDocumentRequest: MessageTypeDefinition<_pandawa_document_v1_ReadDocumentRequest, _pandawa_document_v1_ReadDocumentRequest__Output>
        ReadPreviewRequest: MessageTypeDefinition<_pandawa_document_v1_ReadPreviewRequest, _pandawa_document_v1_ReadPreviewRequest__Output>
        UploadDocumentRequest: MessageTypeDefinition<_pandawa_document_v1_UploadDocumentRequest, _pandawa_document_v1_UploadDocumentRequest__Output>
        UploadHeader: MessageTypeDefinition<_pandawa_document_v1_UploadHeader, _pandawa_document_v1_UploadHeader__Output>
      }
    }
  }
}

