// Original file: pandawa/document/v1/document.proto


export interface GetDocumentRequest {
  'officeId'?: (string);
  'id'?: (string);
}

export interface GetDocumentRequest__Output {
  'officeId': (string);
  'id': (string);
}
