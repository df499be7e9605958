// Original file: pandawa/case/v1/case.proto


export interface AddOfficerReplyRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'text'?: (string);
  'asTemplate'?: (boolean);
}

export interface AddOfficerReplyRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'text': (string);
  'asTemplate': (boolean);
}
