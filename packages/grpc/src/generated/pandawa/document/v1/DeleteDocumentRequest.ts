// Original file: pandawa/document/v1/document.proto


export interface DeleteDocumentRequest {
  'officeId'?: (string);
  'id'?: (string);
  'reason'?: (string);
}

export interface DeleteDocumentRequest__Output {
  'officeId': (string);
  'id': (string);
  'reason': (string);
}
