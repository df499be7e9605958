// Original file: pandawa/document/v1/document.proto


export interface ReadPreviewRequest {
  'officeId'?: (string);
  'id'?: (string);
}

export interface ReadPreviewRequest__Output {
  'officeId': (string);
  'id': (string);
}
