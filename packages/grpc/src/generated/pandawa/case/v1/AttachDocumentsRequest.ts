// Original file: pandawa/case/v1/case.proto


export interface AttachDocumentsRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'documentIds'?: (string)[];
}

export interface AttachDocumentsRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'documentIds': (string)[];
}
