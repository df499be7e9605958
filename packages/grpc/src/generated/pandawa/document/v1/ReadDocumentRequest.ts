// Original file: pandawa/document/v1/document.proto


export interface ReadDocumentRequest {
  'officeId'?: (string);
  'id'?: (string);
}

export interface ReadDocumentRequest__Output {
  'officeId': (string);
  'id': (string);
}
