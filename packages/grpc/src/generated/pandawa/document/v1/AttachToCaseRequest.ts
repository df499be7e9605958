// Original file: pandawa/document/v1/document.proto


export interface AttachToCaseRequest {
  'officeId'?: (string);
  'id'?: (string);
  'caseId'?: (string);
}

export interface AttachToCaseRequest__Output {
  'officeId': (string);
  'id': (string);
  'caseId': (string);
}
