// Original file: pandawa/case/v1/case.proto


export interface RevealCitizenIdentityRequest {
  'officeId'?: (string);
  'caseId'?: (string);
  'reason'?: (string);
}

export interface RevealCitizenIdentityRequest__Output {
  'officeId': (string);
  'caseId': (string);
  'reason': (string);
}
