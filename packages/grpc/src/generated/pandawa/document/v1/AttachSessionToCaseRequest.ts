// Original file: pandawa/document/v1/document.proto


export interface AttachSessionToCaseRequest {
  'officeId'?: (string);
  'sessionRef'?: (string);
  'caseId'?: (string);
}

export interface AttachSessionToCaseRequest__Output {
  'officeId': (string);
  'sessionRef': (string);
  'caseId': (string);
}
