// Original file: pandawa/document/v1/document.proto


export interface ListCaseDocumentsRequest {
  'officeId'?: (string);
  'caseId'?: (string);
}

export interface ListCaseDocumentsRequest__Output {
  'officeId': (string);
  'caseId': (string);
}
