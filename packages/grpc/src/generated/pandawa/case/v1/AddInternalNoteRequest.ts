// Original file: pandawa/case/v1/case.proto


export interface AddInternalNoteRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'text'?: (string);
}

export interface AddInternalNoteRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'text': (string);
}
