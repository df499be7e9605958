// Original file: pandawa/case/v1/case.proto


export interface AddCitizenMessageRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'text'?: (string);
  'documentIds'?: (string)[];
  'waMessageId'?: (string);
  'requestOfficer'?: (boolean);
}

export interface AddCitizenMessageRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'text': (string);
  'documentIds': (string)[];
  'waMessageId': (string);
  'requestOfficer': (boolean);
}
